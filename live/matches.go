package live

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/factcheckdesk/factcheck/match"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// Matchable is what keeping the claim-matching index needs from the store.
type Matchable interface {
	EachMatchable(ctx context.Context, fn func(id, articleID uint, text string)) error
	MatchStates(ctx context.Context, ids []uint) ([]models.Statement, error)
	Scale() *rating.Scale
}

// LoadMatches fills idx with every statement that can be matched: those
// with a final rating backed by sources (verified, disputed, corrected),
// and not dismissed.
func LoadMatches(ctx context.Context, store Matchable, idx *match.Index) error {
	return store.EachMatchable(ctx, func(id, articleID uint, text string) {
		idx.Add(match.Doc{ID: id, ArticleID: articleID, Text: text})
	})
}

// KeepMatches fills idx in the background and keeps it in step with the
// history: a statement joins the index when it gets a verdict worth
// reusing and leaves it when it loses one, is dismissed, merged away or
// deleted. Changes wait on a queue of their own, so the hub never waits
// for the index; the statements they name are loaded in one query per
// batch and judged as they are then. Changes made while the index loads
// are applied after it, so none is lost. The index is marked ready once
// loaded. Call it before the hub's Run; it stops with ctx.
func (h *Hub) KeepMatches(ctx context.Context, store Matchable, idx *match.Index, log *slog.Logger) {
	q := &idQueue{ready: make(chan struct{}, 1), ids: map[uint]bool{}}
	// The hub starts reading where the history is now, before the index
	// loads: a change saved while it loads reaches the queue. Were the
	// hub to take its start later (Run is started on its own goroutine),
	// a change saved in between would be in neither.
	if c, err := h.src.LatestEvents(ctx); err != nil {
		log.Error("claim matching: reading the history", "err", err)
	} else {
		h.mu.Lock()
		h.start = &c
		h.mu.Unlock()
	}
	h.Listen(func(events []models.Event) {
		for _, e := range events {
			// Only a change of boundaries changes a statement's text;
			// anything else may change whether it is matchable.
			q.add(e.StatementID, e.Action.Relayout())
		}
	})
	go func() {
		started := time.Now()
		if err := LoadMatches(ctx, store, idx); err != nil {
			if ctx.Err() == nil {
				log.Error("claim matching: loading the index", "err", err)
			}
			return
		}
		idx.SetReady()
		log.Info("claim matching ready", "statements", idx.Len(), "took", time.Since(started).Round(time.Millisecond))
		for {
			select {
			case <-ctx.Done():
				return
			case <-q.ready:
			}
			ids, retext := q.take()
			stmts, err := store.MatchStates(ctx, ids)
			if err != nil {
				if ctx.Err() == nil {
					log.Error("claim matching: loading changed statements", "err", err)
				}
				continue
			}
			now := make(map[uint]*models.Statement, len(stmts))
			for i := range stmts {
				now[stmts[i].ID] = &stmts[i]
			}
			for _, id := range ids {
				st := now[id]
				if st == nil || !st.Matchable(store.Scale()) {
					idx.Remove(id)
					continue
				}
				if idx.Has(id) && !retext[id] {
					continue // the same text: analysing it again would change nothing
				}
				idx.Add(match.Doc{ID: st.ID, ArticleID: st.ArticleID, Text: st.Text})
			}
		}
	}()
}

// idQueue is a set of statement ids waiting to be looked at again (and
// whether their text may have changed), with a signal that it is not
// empty. A statement changed many times while waiting is looked at once.
type idQueue struct {
	mu    sync.Mutex
	ids   map[uint]bool
	ready chan struct{}
}

func (q *idQueue) add(id uint, retext bool) {
	q.mu.Lock()
	q.ids[id] = q.ids[id] || retext
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// take empties the queue, at most 1,000 ids at a time.
func (q *idQueue) take() ([]uint, map[uint]bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := make([]uint, 0, min(len(q.ids), 1000))
	retext := map[uint]bool{}
	for id, r := range q.ids {
		if len(out) == cap(out) {
			break
		}
		out = append(out, id)
		if r {
			retext[id] = true
		}
		delete(q.ids, id)
	}
	if len(q.ids) > 0 {
		select {
		case q.ready <- struct{}{}:
		default:
		}
	}
	return out, retext
}
