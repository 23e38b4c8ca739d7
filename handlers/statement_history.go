package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/views"
)

// History: a statement's timeline and an article's activity feed, as
// fragments and pages, and over JSON.

// activityLimit is how many changes the article's feed shows.
const activityLimit = 200

func (h *Handler) statementHistory(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if isAPI(c) {
		if _, err := h.store.StatementByID(ctx, id); err != nil {
			return err
		}
	}
	events, err := h.store.History(ctx, id)
	if err != nil {
		return err
	}
	if isAPI(c) {
		return c.JSON(http.StatusOK, toEvents(events))
	}
	users, err := h.store.Users(ctx)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.HistoryTimeline(events, views.PeopleOf(users)))
}

func (h *Handler) articleActivity(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	a, err := h.store.ArticleByID(ctx, id)
	if err != nil {
		return err
	}
	limit := activityLimit
	if isAPI(c) {
		limit = 500
	}
	events, err := h.store.Activity(ctx, id, limit)
	if err != nil {
		return err
	}
	if isAPI(c) {
		return c.JSON(http.StatusOK, toEvents(events))
	}
	users, err := h.store.Users(ctx)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.ActivityPage(h.page(c, "Activity"), a, events, views.PeopleOf(users)))
}
