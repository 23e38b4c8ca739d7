package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/views"
)

// History: a statement's timeline and an article's activity feed, as
// fragments and pages, and over JSON. Both are paged by id, so no answer
// grows with the life of a statement: the API's answer is a page (an
// array, as it always was), and when more follow, a Link header
// (rel="next") names the next page: ?after=ID for a statement's history,
// which runs oldest first, ?before=ID for an article's activity, newest
// first. ?limit= sets the page size.

const (
	historyPage    = 100 // entries in a page unless ?limit= says
	historyMaxPage = 500
	// activityLimit is how many changes the article's feed page shows.
	activityLimit = 200
)

// pageOf reads ?limit= and the cursor parameter (after or before).
func pageOf(c echo.Context, cursor string) (from uint, limit int, err error) {
	if limit, err = limitOf(c, historyPage, historyMaxPage); err != nil {
		return 0, 0, err
	}
	if s := c.QueryParam(cursor); s != "" {
		n, err := strconv.ParseUint(s, 10, 32)
		if err != nil {
			return 0, 0, apperr.New(http.StatusBadRequest, cursor+" must be the id of an entry.")
		}
		from = uint(n)
	}
	return from, limit, nil
}

// limitOf reads ?limit=, a page size from 1 to most; def when absent.
func limitOf(c echo.Context, def, most int) (int, error) {
	s := c.QueryParam("limit")
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > most {
		return 0, apperr.New(http.StatusBadRequest, fmt.Sprintf("limit must be a number from 1 to %d.", most))
	}
	return n, nil
}

// nextLink says where the page after this one is, when there is one.
func nextLink(c echo.Context, cursor string, last uint, limit int) string {
	return nextLinkAt(c, cursor, strconv.FormatUint(uint64(last), 10), limit)
}

// nextLinkAt is nextLink for a cursor that is not an id.
func nextLinkAt(c echo.Context, cursor, at string, limit int) string {
	q := url.Values{cursor: {at}, "limit": {strconv.Itoa(limit)}}
	return c.Request().URL.Path + "?" + q.Encode()
}

func (h *Handler) statementHistory(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	after, limit, err := pageOf(c, "after")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if isAPI(c) {
		if _, err := h.store.StatementByID(ctx, id); err != nil {
			return err
		}
	}
	// One more than the page says whether another follows.
	events, err := h.store.History(ctx, id, after, limit+1)
	if err != nil {
		return err
	}
	next := ""
	if len(events) > limit {
		events = events[:limit]
		next = nextLink(c, "after", events[len(events)-1].ID, limit)
	}
	if isAPI(c) {
		if next != "" {
			c.Response().Header().Set("Link", "<"+next+`>; rel="next"`)
		}
		return c.JSON(http.StatusOK, toEvents(events))
	}
	users, err := h.store.Users(ctx)
	if err != nil {
		return err
	}
	page := []templ.Component{views.HistoryTimeline(events, views.PeopleOf(users))}
	if next != "" {
		page = append(page, views.HistoryMore(next))
	}
	return render(c, http.StatusOK, templ.Join(page...))
}

func (h *Handler) articleActivity(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	before, limit, err := pageOf(c, "before")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	a, err := h.store.ArticleByID(ctx, id)
	if err != nil {
		return err
	}
	if !isAPI(c) {
		events, err := h.store.Activity(ctx, id, 0, activityLimit)
		if err != nil {
			return err
		}
		users, err := h.store.Users(ctx)
		if err != nil {
			return err
		}
		return render(c, http.StatusOK, views.ActivityPage(h.page(c, "Activity"), a, events, views.PeopleOf(users)))
	}
	events, err := h.store.Activity(ctx, id, before, limit+1)
	if err != nil {
		return err
	}
	if len(events) > limit {
		events = events[:limit]
		c.Response().Header().Set("Link", "<"+nextLink(c, "before", events[len(events)-1].ID, limit)+`>; rel="next"`)
	}
	return c.JSON(http.StatusOK, toEvents(events))
}
