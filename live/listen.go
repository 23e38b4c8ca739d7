package live

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/factcheckdesk/factcheck/models"
)

// Instances sharing a PostgreSQL database tell each other of changes on a
// notification channel (models.EventsChannel): each listens on a
// connection of its own and wakes its hub, and after its own writes it
// notifies the others. Notifying happens after commits, on its own
// connection, and at most once per notifyEvery: PostgreSQL serialises the
// commits of transactions that notify, so notifying inside every write
// would make each save wait for the others' syncs to disk; the woken hubs
// read everything new at once anyway.

// notifyEvery is the shortest time between two notifications an instance
// sends: the most it adds to the lag of other instances' pages.
const notifyEvery = 10 * time.Millisecond

// ListenPostgres wakes the hub whenever another instance has committed
// history entries to the PostgreSQL database at dsn, and notifies the
// others after every write of store. It holds two connections of its own,
// reconnects when one is lost, and returns when ctx ends.
func ListenPostgres(ctx context.Context, dsn string, h *Hub, store interface{ OnChange(func()) }, log *slog.Logger) {
	changed := make(chan struct{}, 1)
	store.OnChange(func() {
		select {
		case changed <- struct{}{}:
		default:
		}
	})
	go retry(ctx, log, "notifying other instances", func() error { return notify(ctx, dsn, changed) })
	retry(ctx, log, "listening to other instances", func() error { return listen(ctx, dsn, h) })
}

// retry runs fn until ctx ends, a second after each failure.
func retry(ctx context.Context, log *slog.Logger, what string, fn func() error) {
	for ctx.Err() == nil {
		err := fn()
		if ctx.Err() != nil {
			return
		}
		log.Warn("live updates: "+what+" on PostgreSQL; retrying in a second", "err", err)
		select {
		case <-ctx.Done():
		case <-time.After(time.Second):
		}
	}
}

func listen(ctx context.Context, dsn string, h *Hub) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, "LISTEN "+models.EventsChannel); err != nil {
		return err
	}
	h.Wake() // entries may have been committed while nobody listened
	for {
		if _, err := conn.WaitForNotification(ctx); err != nil {
			return err
		}
		h.Wake()
	}
}

func notify(ctx context.Context, dsn string, changed <-chan struct{}) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-changed:
		}
		if _, err := conn.Exec(ctx, "SELECT pg_notify($1, '')", models.EventsChannel); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(notifyEvery):
		}
	}
}
