// Package live tells open pages what changed, across every app instance.
//
// Each instance reads the append-only history table for entries after the
// last it saw and fans them out to the pages subscribed to their article.
// Reading the database, rather than passing messages in memory, is what
// lets several instances share one PostgreSQL database: a change saved on
// any of them reaches pages open on all of them.
//
// The hub reads when woken: by the store after each write on this
// instance, and by PostgreSQL's notifications for writes on others (see
// ListenPostgres). While pages are open it also reads every interval, in
// case a notification was lost; while none is, it does not read at all.
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
	LatestEvents(ctx context.Context) (models.EventCursor, error)
	EventsAfter(ctx context.Context, after models.EventCursor, limit int) ([]models.Event, models.EventCursor, error)
	StatementsByID(ctx context.Context, ids []uint) ([]models.Statement, error)
	Progresses(ctx context.Context, articleIDs []uint) (map[uint]models.Progress, error)
}

// Change is one history entry as an open page needs it: the statement as
// it is now (nil when it is gone, or for changes that redo the article's
// layout) and the article's progress.
type Change struct {
	Event     models.Event
	Statement *models.Statement
	Progress  models.Progress
}

// batchSize is how many history entries the hub reads at once; it reads
// batches until it has caught up.
const batchSize = 1000

// readGap is the least time between two reads of the history: under a
// stream of saves every one wakes the hub, and reading once for all that
// came in meanwhile costs the database a read instead of hundreds, for at
// most this much more lag.
const readGap = 20 * time.Millisecond

// Hub fans history entries out to subscribers by article.
type Hub struct {
	src      Source
	log      *slog.Logger
	interval time.Duration
	wake     chan struct{}

	mu        sync.Mutex
	subs      map[uint]map[chan Change]struct{}
	listeners []func([]models.Event)
	closed    bool
	stale     bool                // entries were left unread while nobody listened
	start     *models.EventCursor // where Run begins, when taken before it
	observe   func(time.Duration)
}

// Observe has fn told, for each change delivered to open pages, how long
// after it was saved it reached them: the lag of the live feed.
func (h *Hub) Observe(fn func(time.Duration)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.observe = fn
}

// NewHub returns a hub over src that, while pages are open, also reads
// every interval (a safety net: wake-ups do the work). A src that can
// tell of its own commits (the store's OnChange) wakes the hub itself.
func NewHub(src Source, interval time.Duration, log *slog.Logger) *Hub {
	h := &Hub{src: src, log: log, interval: interval, wake: make(chan struct{}, 1),
		subs: map[uint]map[chan Change]struct{}{}}
	if n, ok := src.(interface{ OnChange(func()) }); ok {
		n.OnChange(h.Wake)
	}
	return h
}

// Wake makes the hub read the history now. It never blocks.
func (h *Hub) Wake() {
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

// Listen calls fn, on the hub's goroutine, with every batch of changes to
// any article: how in-memory state such as the claim-matching index
// follows changes made on every instance. fn must return quickly. Call it
// before Run.
func (h *Hub) Listen(fn func([]models.Event)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.listeners = append(h.listeners, fn)
}

// Subscribe returns the changes to an article from now on, and a function
// to stop. A subscriber that falls behind loses changes rather than
// holding up the others; the page reconciles on its next full load.
func (h *Hub) Subscribe(articleID uint) (<-chan Change, func()) {
	ch := make(chan Change, 256)
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		close(ch)
		return ch, func() {}
	}
	if h.subs[articleID] == nil {
		h.subs[articleID] = map[chan Change]struct{}{}
	}
	h.subs[articleID][ch] = struct{}{}
	h.mu.Unlock()
	h.Wake() // catch up now if entries were left unread meanwhile
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

// Run reads the history until ctx ends, then closes every subscription,
// so that streams to pages end and a graceful shutdown need not wait for
// them.
func (h *Hub) Run(ctx context.Context) {
	defer h.close()
	h.mu.Lock()
	start := h.start
	h.mu.Unlock()
	var cursor models.EventCursor
	if start != nil {
		cursor = *start
	} else {
		var err error
		if cursor, err = h.src.LatestEvents(ctx); err != nil {
			h.log.Error("live updates: reading the history", "err", err)
		}
	}
	t := time.NewTicker(h.interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-h.wake:
		case <-t.C:
			if !h.pagesOpen() {
				continue // the safety net is for open pages only
			}
		}
		if !h.watched() {
			// Nobody listens: read nothing now, and start from the
			// latest entry when someone does (pages load what is
			// current when they open).
			h.mu.Lock()
			h.stale = true
			h.mu.Unlock()
			continue
		}
		if h.takeStale() {
			if c, err := h.src.LatestEvents(ctx); err == nil {
				cursor = c
			}
		}
		cursor = h.catchUp(ctx, cursor)
		select {
		case <-ctx.Done():
			return
		case <-time.After(readGap):
		}
	}
}

// catchUp reads and delivers batches until it has read everything
// visible, and returns the cursor past it.
func (h *Hub) catchUp(ctx context.Context, cursor models.EventCursor) models.EventCursor {
	for {
		events, next, err := h.src.EventsAfter(ctx, cursor, batchSize)
		if err != nil {
			if ctx.Err() == nil {
				h.log.Error("live updates: reading the history", "err", err)
			}
			return cursor
		}
		if len(events) > 0 {
			h.publish(ctx, events)
		}
		cursor = next
		if len(events) < batchSize {
			return cursor
		}
	}
}

func (h *Hub) watched() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs) > 0 || len(h.listeners) > 0
}

func (h *Hub) pagesOpen() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs) > 0
}

func (h *Hub) takeStale() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.stale
	h.stale = false
	return s && len(h.listeners) == 0
}

// publish hands a batch to the listeners, then loads what open pages need
// (the statements and progress of their articles, in one query each) and
// delivers it.
func (h *Hub) publish(ctx context.Context, events []models.Event) {
	h.mu.Lock()
	listeners := h.listeners
	var ids, articles []uint
	seenArticle := map[uint]bool{}
	for _, e := range events {
		if len(h.subs[e.ArticleID]) == 0 {
			continue
		}
		if !e.Action.Relayout() {
			ids = append(ids, e.StatementID)
		}
		if !seenArticle[e.ArticleID] {
			seenArticle[e.ArticleID] = true
			articles = append(articles, e.ArticleID)
		}
	}
	h.mu.Unlock()
	for _, fn := range listeners {
		fn(events)
	}
	if len(articles) == 0 {
		return
	}
	stmts, err := h.src.StatementsByID(ctx, ids)
	if err != nil {
		h.log.Error("live updates: loading statements", "err", err)
		return
	}
	byID := make(map[uint]*models.Statement, len(stmts))
	for i := range stmts {
		byID[stmts[i].ID] = &stmts[i]
	}
	progress, err := h.src.Progresses(ctx, articles)
	if err != nil {
		h.log.Error("live updates: loading progress", "err", err)
		return
	}
	now := time.Now()
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, e := range events {
		subs := h.subs[e.ArticleID]
		if len(subs) == 0 {
			continue
		}
		c := Change{Event: e, Progress: progress[e.ArticleID]}
		if !e.Action.Relayout() {
			c.Statement = byID[e.StatementID]
		}
		for ch := range subs {
			select {
			case ch <- c:
			default:
			}
		}
		if h.observe != nil {
			h.observe(now.Sub(e.CreatedAt))
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
