package live

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/models"
)

// fakeHistory is an in-memory history table that counts its reads.
type fakeHistory struct {
	mu     sync.Mutex
	events []models.Event
	reads  atomic.Int64 // EventsAfter calls
	loads  atomic.Int64 // StatementsByID calls
	wake   func()
}

func (f *fakeHistory) OnChange(fn func()) { f.wake = fn }

func (f *fakeHistory) add(articleID uint) {
	f.mu.Lock()
	f.events = append(f.events, models.Event{ID: uint(len(f.events) + 1), ArticleID: articleID,
		StatementID: uint(len(f.events) + 100), Action: models.ActionReview, CreatedAt: time.Now()})
	f.mu.Unlock()
	if f.wake != nil {
		f.wake()
	}
}

func (f *fakeHistory) LatestEvents(context.Context) (models.EventCursor, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return models.EventCursor{ID: uint(len(f.events))}, nil
}

func (f *fakeHistory) EventsAfter(_ context.Context, after models.EventCursor, limit int) ([]models.Event, models.EventCursor, error) {
	f.reads.Add(1)
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []models.Event
	for _, e := range f.events {
		if e.ID > after.ID && len(out) < limit {
			out = append(out, e)
			after.ID = e.ID
		}
	}
	return out, after, nil
}

func (f *fakeHistory) StatementsByID(_ context.Context, ids []uint) ([]models.Statement, error) {
	f.loads.Add(1)
	out := make([]models.Statement, len(ids))
	for i, id := range ids {
		out[i] = models.Statement{ID: id}
	}
	return out, nil
}

func (f *fakeHistory) Progresses(_ context.Context, ids []uint) (map[uint]models.Progress, error) {
	out := map[uint]models.Progress{}
	for _, id := range ids {
		out[id] = models.Progress{Total: int(id)}
	}
	return out, nil
}

func receive(t *testing.T, ch <-chan Change) Change {
	t.Helper()
	select {
	case c := <-ch:
		return c
	case <-time.After(2 * time.Second):
		t.Fatal("change not delivered")
	}
	return Change{}
}

func TestHubDeliversByArticle(t *testing.T) {
	src := &fakeHistory{}
	src.add(1) // before the hub starts: never delivered
	// An hour between safety-net reads: only wake-ups deliver here.
	h := NewHub(src, time.Hour, slog.New(slog.DiscardHandler))
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go h.Run(ctx)

	one, stopOne := h.Subscribe(1)
	two, stopTwo := h.Subscribe(2)
	defer stopTwo()
	time.Sleep(20 * time.Millisecond)
	src.add(1)
	src.add(2)
	src.add(1)

	for _, want := range []uint{2, 4} {
		c := receive(t, one)
		if c.Event.ID != want || c.Event.ArticleID != 1 || c.Statement == nil || c.Statement.ID != c.Event.StatementID || c.Progress.Total != 1 {
			t.Fatalf("article 1 got %+v, want event %d with its statement and progress", c, want)
		}
	}
	if c := receive(t, two); c.Event.ID != 3 {
		t.Fatalf("article 2 got %+v", c)
	}
	stopOne()
	src.add(1)
	select {
	case c, ok := <-one:
		if ok {
			t.Fatalf("delivered after unsubscribing: %+v", c)
		}
	case <-time.After(50 * time.Millisecond):
	}
}

// Nobody looking: the hub reads nothing, however much is written; a page
// opening later gets what happens from then on.
func TestHubIdleReadsNothing(t *testing.T) {
	src := &fakeHistory{}
	h := NewHub(src, time.Millisecond, slog.New(slog.DiscardHandler))
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go h.Run(ctx)
	for range 50 {
		src.add(1)
	}
	time.Sleep(50 * time.Millisecond)
	if n := src.reads.Load(); n != 0 {
		t.Fatalf("the hub read the history %d times with no page open", n)
	}
	ch, stop := h.Subscribe(1)
	defer stop()
	time.Sleep(20 * time.Millisecond)
	src.add(1)
	if c := receive(t, ch); c.Event.ID != 51 {
		t.Fatalf("first change after opening = event %d, want 51 (nothing older replayed)", c.Event.ID)
	}
}

// A burst is read in batches and each batch's statements load in one call.
func TestHubLoadsABatchAtOnce(t *testing.T) {
	src := &fakeHistory{}
	h := NewHub(src, time.Hour, slog.New(slog.DiscardHandler))
	ch, stop := h.Subscribe(1)
	defer stop()
	var seen atomic.Int64
	h.Listen(func(batch []models.Event) { seen.Add(int64(len(batch))) })
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	go h.Run(ctx)
	time.Sleep(20 * time.Millisecond)
	src.wake = nil // the whole burst is written before the hub wakes
	for range 2500 {
		src.add(1)
	}
	h.Wake()
	deadline := time.Now().Add(2 * time.Second)
	for seen.Load() < 2500 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if seen.Load() != 2500 {
		t.Fatalf("listeners saw %d changes, want 2500", seen.Load())
	}
	if r, l := src.reads.Load(), src.loads.Load(); r > 4 || l > 3 {
		t.Errorf("2500 changes took %d reads and %d statement loads, want batches of 1000", r, l)
	}
	if len(ch) == 0 {
		t.Error("the open page got nothing")
	}
}

func TestHubClosesSubscriptionsWhenItStops(t *testing.T) {
	h := NewHub(&fakeHistory{}, time.Millisecond, slog.New(slog.DiscardHandler))
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() { h.Run(ctx); close(done) }()
	ch, stop := h.Subscribe(7)
	cancel()
	<-done
	if _, ok := <-ch; ok {
		t.Fatal("subscription still open after the hub stopped")
	}
	stop() // safe after close
	if _, ok := <-func() <-chan Change { c, _ := h.Subscribe(8); return c }(); ok {
		t.Fatal("a subscription after stop is open")
	}
}
