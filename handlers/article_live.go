package handlers

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/live"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// Presence: a page with an article open says so every presenceEvery; a
// user counts as viewing while seen within presenceFresh.
const (
	presenceEvery = 3 * time.Second
	presenceFresh = 10 * time.Second
)

// articleLive streams changes to an article, made by anyone on any app
// instance, to a page that has it open (server-sent events, which htmx's
// sse extension swaps into the page), and who else is viewing it.
func (h *Handler) articleLive(c echo.Context) error {
	if h.hub == nil {
		return c.NoContent(http.StatusNoContent)
	}
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if _, err := h.store.ArticleProgress(ctx, id); err != nil {
		return err
	}
	me := currentUser(c)
	events, stop := h.hub.Subscribe(id)
	defer stop()

	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "text/event-stream")
	w.Header().Set(echo.HeaderCacheControl, "no-cache")
	w.Header().Set("X-Accel-Buffering", "no")
	// A stream lives long: each write gets its own deadline (see sse),
	// so a reader that stops reading is dropped, and quiet times are not.
	extendWriteDeadline(c, writeTimeout)
	w.WriteHeader(http.StatusOK)
	w.Flush()

	defer h.store.LeavePresence(context.WithoutCancel(ctx), id, me.ID)
	var viewers []uint
	sendViewers := func() error {
		if err := h.store.TouchPresence(ctx, id, me.ID); err != nil {
			return err
		}
		users, err := h.store.Viewers(ctx, id, presenceFresh)
		if err != nil {
			return err
		}
		ids := make([]uint, len(users))
		for i, u := range users {
			ids[i] = u.ID
		}
		if slices.Equal(ids, viewers) {
			return nil
		}
		viewers = ids
		return sse(c, "update", views.Viewers(users, me.ID))
	}
	if err := sendViewers(); err != nil {
		return nil
	}
	tick := time.NewTicker(presenceEvery)
	defer tick.Stop()
	names := map[uint]string{}
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
			if err := sendViewers(); err != nil {
				return nil
			}
		case ch, ok := <-events:
			if !ok {
				return nil // shutting down
			}
			if err := h.sendChange(c, ch, me, names); err != nil {
				return nil
			}
		}
	}
}

// sendChange renders one change as the page updates it needs. The hub
// loaded the statement and the progress once for every page open.
func (h *Handler) sendChange(c echo.Context, ch live.Change, me *models.User, names map[uint]string) error {
	ctx := c.Request().Context()
	e := ch.Event
	who := ""
	if e.UserID != nil && *e.UserID != me.ID {
		if _, ok := names[*e.UserID]; !ok {
			if u, err := h.store.UserByID(ctx, *e.UserID); err == nil {
				names[*e.UserID] = u.Name
			} else {
				names[*e.UserID] = "Someone"
			}
		}
		who = names[*e.UserID]
	}
	if e.Action.Relayout() {
		if who == "" {
			return nil // this page made the change and reloads itself
		}
		return sse(c, "update", views.LiveReload(who, views.ActionPhrase(e.Action)))
	}
	st := ch.Statement
	if st == nil {
		return nil // deleted meanwhile: nothing to show
	}
	var comments []models.Comment
	if e.Action == models.ActionComment {
		var err error
		if comments, err = h.store.Comments(ctx, st.ID); err != nil {
			return err
		}
	}
	return sse(c, "update", views.LiveUpdate(st, ch.Progress, who, views.ActionPhrase(e.Action), comments))
}

// sse writes one server-sent event whose data is the rendered component.
func sse(c echo.Context, event string, t templ.Component) error {
	var buf bytes.Buffer
	if err := t.Render(c.Request().Context(), &buf); err != nil {
		return err
	}
	w := c.Response()
	extendWriteDeadline(c, writeTimeout)
	fmt.Fprintf(w, "event: %s\n", event)
	for _, line := range strings.Split(buf.String(), "\n") {
		fmt.Fprintf(w, "data: %s\n", line)
	}
	if _, err := fmt.Fprint(w, "\n"); err != nil {
		return err
	}
	w.Flush()
	return nil
}
