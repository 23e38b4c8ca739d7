package live

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/models"
)

// fakeHistory is an in-memory history table.
type fakeHistory struct {
	mu     sync.Mutex
	events []models.Event
}

func (f *fakeHistory) add(articleID uint) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.events = append(f.events, models.Event{ID: uint(len(f.events) + 1), ArticleID: articleID})
}

func (f *fakeHistory) LastEventID(context.Context) (uint, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return uint(len(f.events)), nil
}

func (f *fakeHistory) EventsAfter(_ context.Context, after uint, limit int) ([]models.Event, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []models.Event
	for _, e := range f.events {
		if e.ID > after && len(out) < limit {
			out = append(out, e)
		}
	}
	return out, nil
}

func TestHubDeliversByArticle(t *testing.T) {
	src := &fakeHistory{}
	src.add(1) // before the hub starts: never delivered
	h := NewHub(src, 5*time.Millisecond, slog.New(slog.NewTextHandler(io.Discard, nil)))
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
		select {
		case e := <-one:
			if e.ID != want || e.ArticleID != 1 {
				t.Fatalf("article 1 got %+v, want event %d", e, want)
			}
		case <-time.After(2 * time.Second):
			t.Fatalf("event %d not delivered", want)
		}
	}
	select {
	case e := <-two:
		if e.ID != 3 {
			t.Fatalf("article 2 got %+v", e)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("article 2's event not delivered")
	}
	stopOne()
	src.add(1)
	select {
	case e, ok := <-one:
		if ok {
			t.Fatalf("delivered after unsubscribing: %+v", e)
		}
	case <-time.After(50 * time.Millisecond):
	}
}

func TestHubClosesSubscriptionsWhenItStops(t *testing.T) {
	h := NewHub(&fakeHistory{}, time.Millisecond, slog.New(slog.NewTextHandler(io.Discard, nil)))
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
	if _, ok := <-func() <-chan models.Event { c, _ := h.Subscribe(8); return c }(); ok {
		t.Fatal("a subscription after stop is open")
	}
}
