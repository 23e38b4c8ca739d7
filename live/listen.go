package live

import (
	"context"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/factcheckdesk/factcheck/models"
)

// ListenPostgres wakes the hub whenever any instance commits history
// entries to the PostgreSQL database at dsn (a trigger notifies on
// models.EventsChannel at commit). It holds one connection of its own,
// reconnects when it is lost, and returns when ctx ends.
func ListenPostgres(ctx context.Context, dsn string, h *Hub, log *slog.Logger) {
	for ctx.Err() == nil {
		err := listen(ctx, dsn, h)
		if ctx.Err() != nil {
			return
		}
		log.Warn("live updates: listening to PostgreSQL; retrying in a second", "err", err)
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
