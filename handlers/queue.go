package handlers

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// Work for reviewers: My queue, the unassigned pool and Take next, as
// pages and over JSON.

// listPageSize is how many statements a page of the pool or of search
// results shows.
const listPageSize = 50

// apiSearchPageSize is how many statements a page of the API's search
// holds: its clients page by number (?page=N), so it stays what they were
// given when it was first offered.
const apiSearchPageSize = 25

// queuePage shows a page of the user's queue, or returns it as JSON: an
// array, as it always was, with a Link header (rel="next") when more
// follow. ?after= is a cursor from that link (anything else starts at
// the top) and ?limit= the page size.
func (h *Handler) queuePage(c echo.Context) error {
	limit, err := limitOf(c, models.QueuePageSize, models.QueueMaxPage)
	if err != nil {
		return err
	}
	now := h.clock()
	after := models.ParseQueueCursor(c.QueryParam("after"))
	page, err := h.store.Queue(c.Request().Context(), userID(c), now, after, limit)
	if err != nil {
		return err
	}
	next := ""
	if !page.Next.IsZero() {
		next = nextLinkAt(c, "after", page.Next.String(), limit)
	}
	if isAPI(c) {
		if next != "" {
			c.Response().Header().Set("Link", "<"+next+`>; rel="next"`)
		}
		return c.JSON(http.StatusOK, toWorkItems(page.Items, h.store.Scale(), now))
	}
	v := views.QueueView{Items: page.Items, Now: now, PoolEmpty: c.QueryParam("empty") == "1", First: after.IsZero(), Next: next}
	return render(c, http.StatusOK, views.QueuePage(h.page(c, "My queue"), v))
}

func (h *Handler) poolPage(c echo.Context) error {
	result, err := h.store.Pool(c.Request().Context(), models.ParseStatementCursor(c.QueryParam("after")), listPageSize)
	if err != nil {
		return err
	}
	v := views.PoolView{Result: result, Now: h.clock(), PoolEmpty: c.QueryParam("empty") == "1"}
	return render(c, http.StatusOK, views.PoolPage(h.page(c, "Unassigned"), v))
}

// takeNext claims the next statement of the pool and opens its review,
// or returns it as JSON. An empty pool sends the reviewer back to the list
// they came from, with a message there; the API answers 404.
func (h *Handler) takeNext(c echo.Context) error {
	if currentUser(c) == nil {
		// Only before the desk has users: there is nobody to give work to.
		return apperr.New(http.StatusUnauthorized, "Sign in with an API token to take work.")
	}
	s, err := h.store.TakeNext(c.Request().Context(), userID(c))
	if isAPI(c) {
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, toStatement(s))
	}
	if errors.Is(err, models.ErrPoolEmpty) {
		back := "/queue"
		if c.FormValue("from") == "pool" {
			back = "/pool"
		}
		return redirect(c, back+"?empty=1")
	}
	if err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/articles/%d?s=%d", s.ArticleID, s.ID))
}
