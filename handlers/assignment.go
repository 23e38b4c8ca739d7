package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// Assignments: the article page's bulk-assign bar (POST /assignments and
// /assignments/unassign) and the same over JSON. A problem shows the
// article again with the bar as the editor filled it in; the API answers
// 422.

// assignRequest is what to assign (or unassign) to whom.
type assignRequest struct {
	StatementIDs []uint          `json:"statement_ids"`
	ArticleID    uint            `json:"article_id"` // the whole article's open statements
	AssigneeID   uint            `json:"assignee_id"`
	DueAt        string          `json:"due_at"` // YYYY-MM-DD or RFC 3339
	Priority     models.Priority `json:"priority"`
}

// readAssign reads an assignment from JSON, or from the bar, whose state
// as typed it returns too.
func readAssign(c echo.Context) (assignRequest, views.AssignForm, error) {
	var r assignRequest
	if isAPI(c) {
		return r, views.AssignForm{}, decodeJSON(c, &r)
	}
	form, err := c.FormParams()
	if err != nil {
		return r, views.AssignForm{}, apperr.Wrap(err, http.StatusBadRequest, "could not read the form")
	}
	article, err := strconv.ParseUint(form.Get("article_id"), 10, 32)
	if err != nil || article == 0 {
		return r, views.AssignForm{}, apperr.New(http.StatusBadRequest, "The form names no article; reload the article page and try again.")
	}
	assignee, _ := strconv.ParseUint(form.Get("assignee"), 10, 32) // 0 is "nobody chosen"
	f := views.AssignForm{ArticleID: uint(article), AssigneeID: uint(assignee), Due: form.Get("due"),
		Priority: models.Priority(form.Get("priority")), Selected: map[uint]bool{}}
	for _, s := range form["statement"] {
		id, err := strconv.ParseUint(s, 10, 32)
		if err != nil {
			return r, f, apperr.New(http.StatusBadRequest, "could not read the chosen statements")
		}
		r.StatementIDs = append(r.StatementIDs, uint(id))
		f.Selected[uint(id)] = true
	}
	r.AssigneeID, r.DueAt, r.Priority = f.AssigneeID, f.Due, f.Priority
	if form.Get("scope") == "article" {
		r.ArticleID, r.StatementIDs = f.ArticleID, nil
	}
	return r, f, nil
}

// assign gives statements to a reviewer.
func (h *Handler) assign(c echo.Context) error {
	r, f, err := readAssign(c)
	if err != nil {
		return err
	}
	var ids []uint
	due, err := models.ParseDue(r.DueAt)
	if err == nil {
		ids, err = h.store.Assign(c.Request().Context(), models.AssignInput{
			ArticleID: r.ArticleID, StatementIDs: r.StatementIDs, AssigneeID: r.AssigneeID,
			DueAt: due, Priority: r.Priority, ByUserID: userID(c),
		})
	}
	if isAPI(c) {
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, assignedJSON{Assigned: ids})
	}
	switch {
	case errors.As(err, &f.Errors):
		return h.renderArticle(c, http.StatusUnprocessableEntity, f.ArticleID, &f)
	case err != nil:
		return err
	}
	return redirect(c, fmt.Sprintf("/articles/%d?assigned=%d&to=%d", f.ArticleID, len(ids), f.AssigneeID))
}

// unassign sends statements back to the pool.
func (h *Handler) unassign(c echo.Context) error {
	r, f, err := readAssign(c)
	if err != nil {
		return err
	}
	ids, err := h.store.Unassign(c.Request().Context(), r.StatementIDs, userID(c))
	if isAPI(c) {
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, unassignedJSON{Unassigned: ids})
	}
	switch {
	case errors.As(err, &f.Errors):
		return h.renderArticle(c, http.StatusUnprocessableEntity, f.ArticleID, &f)
	case err != nil:
		return err
	}
	return redirect(c, fmt.Sprintf("/articles/%d?unassigned=%d", f.ArticleID, len(ids)))
}
