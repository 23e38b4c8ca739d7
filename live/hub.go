// Package live tells open pages what changed, across every app instance.
//
// Each instance polls the append-only history table for entries newer than
// the last it saw and fans them out to the pages subscribed to their
// article. Polling the database, rather than passing messages in memory,
// is what lets several instances share one PostgreSQL database: a change
// saved on any of them reaches pages open on all of them.
package live

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/factcheckdesk/factcheck/models"
)

// Source is what the hub reads: the store in production.
type Source interface {
	LastEventID(ctx context.Context) (uint, error)
	EventsAfter(ctx context.Context, afterID uint, limit int) ([]models.Event, error)
}

// Hub fans history entries out to subscribers by article.
type Hub struct {
	src      Source
	log      *slog.Logger
	interval time.Duration

	mu        sync.Mutex
	subs      map[uint]map[chan models.Event]struct{}
	listeners []func(models.Event)
	closed    bool
}

// Listen calls fn, on the hub's goroutine, for every change to any
// article: how in-memory state such as the claim-matching index follows
// changes made on every instance. Call it before Run.
func (h *Hub) Listen(fn func(models.Event)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.listeners = append(h.listeners, fn)
}

// NewHub returns a hub that polls src every interval (the latency of live
// updates; a few hundred milliseconds keeps them under a second).
func NewHub(src Source, interval time.Duration, log *slog.Logger) *Hub {
	return &Hub{src: src, log: log, interval: interval, subs: map[uint]map[chan models.Event]struct{}{}}
}

// Subscribe returns the changes to an article from now on, and a function
// to stop. A subscriber that falls behind loses events rather than
// holding up the others; the page reconciles on its next full load.
func (h *Hub) Subscribe(articleID uint) (<-chan models.Event, func()) {
	ch := make(chan models.Event, 64)
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		close(ch)
		return ch, func() {}
	}
	if h.subs[articleID] == nil {
		h.subs[articleID] = map[chan models.Event]struct{}{}
	}
	h.subs[articleID][ch] = struct{}{}
	h.mu.Unlock()
	return ch, func() {
		h.mu.Lock()
		if _, ok := h.subs[articleID][ch]; ok {
			delete(h.subs[articleID], ch)
			close(ch)
		}
		if len(h.subs[articleID]) == 0 {
			delete(h.subs, articleID)
		}
		h.mu.Unlock()
	}
}

// Run polls until ctx ends, then closes every subscription, so that
// streams to pages end and a graceful shutdown need not wait for them.
func (h *Hub) Run(ctx context.Context) {
	defer h.close()
	last, err := h.src.LastEventID(ctx)
	if err != nil {
		h.log.Error("live updates: reading the history", "err", err)
	}
	t := time.NewTicker(h.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if !h.watched() {
			// Nobody is looking: skip the query, but keep up with the
			// history so nothing old is replayed later.
			if id, err := h.src.LastEventID(ctx); err == nil {
				last = id
			}
			continue
		}
		events, err := h.src.EventsAfter(ctx, last, 500)
		if err != nil {
			if ctx.Err() == nil {
				h.log.Error("live updates: reading the history", "err", err)
			}
			continue
		}
		for _, e := range events {
			h.publish(e)
			last = e.ID
		}
	}
}

func (h *Hub) watched() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs) > 0 || len(h.listeners) > 0
}

func (h *Hub) publish(e models.Event) {
	h.mu.Lock()
	listeners := h.listeners
	h.mu.Unlock()
	for _, fn := range listeners {
		fn(e)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs[e.ArticleID] {
		select {
		case ch <- e:
		default:
		}
	}
}

func (h *Hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for id, chans := range h.subs {
		for ch := range chans {
			close(ch)
		}
		delete(h.subs, id)
	}
}
