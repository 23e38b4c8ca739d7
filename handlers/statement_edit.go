package handlers

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// The editor's fixes of what extraction got wrong (boundaries, split,
// merge, dismiss, restore) and reuse of an earlier review, each from the
// panel's form (POST /statements/:id/...) and from JSON
// (POST /api/v1/statements/:id/...). One handler serves both: it reads
// the request either way, runs the same store method and answers as the
// caller expects.

// editRequest is what the fixes take; each uses its own fields. Every one
// carries the statement version it is based on.
type editRequest struct {
	Version     int    `json:"version"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	At          int    `json:"at"`
	NextVersion int    `json:"next_version"`
	Reason      string `json:"reason"`
	From        uint   `json:"from"` // reuse: the statement whose review to copy
}

// readEdit reads an edit from JSON under /api, else from the form.
func readEdit(c echo.Context) (editRequest, error) {
	var r editRequest
	if isAPI(c) {
		return r, decodeJSON(c, &r)
	}
	num := func(k string) int { n, _ := strconv.Atoi(c.FormValue(k)); return n }
	r.Version, r.Start, r.End, r.At, r.NextVersion = num("version"), num("start"), num("end"), num("at"), num("next_version")
	r.Reason = c.FormValue("reason")
	from, _ := strconv.ParseUint(c.FormValue("from"), 10, 32)
	r.From = uint(from)
	return r, nil
}

// edit runs one change of statement :id and returns what it left: the
// statement, or both halves of a split.
type edit func(ctx context.Context, h *Handler, id uint, r editRequest, by *models.User) ([]*models.Statement, error)

// idOf is the user's id, or 0 for nobody (before the desk has users).
func idOf(u *models.User) uint {
	if u == nil {
		return 0
	}
	return u.ID
}

func one(st *models.Statement, err error) ([]*models.Statement, error) {
	if err != nil {
		return nil, err
	}
	return []*models.Statement{st}, nil
}

var (
	editBounds edit = func(ctx context.Context, h *Handler, id uint, r editRequest, by *models.User) ([]*models.Statement, error) {
		return one(h.store.EditBounds(ctx, id, r.Version, r.Start, r.End, idOf(by)))
	}
	splitStatement edit = func(ctx context.Context, h *Handler, id uint, r editRequest, by *models.User) ([]*models.Statement, error) {
		first, second, err := h.store.Split(ctx, id, r.Version, r.At, idOf(by))
		if err != nil {
			return nil, err
		}
		return []*models.Statement{first, second}, nil
	}
	mergeStatement edit = func(ctx context.Context, h *Handler, id uint, r editRequest, by *models.User) ([]*models.Statement, error) {
		return one(h.store.Merge(ctx, id, r.Version, r.NextVersion, idOf(by)))
	}
	dismissStatement edit = func(ctx context.Context, h *Handler, id uint, r editRequest, by *models.User) ([]*models.Statement, error) {
		return one(h.store.Dismiss(ctx, id, r.Version, r.Reason, idOf(by)))
	}
	restoreStatement edit = func(ctx context.Context, h *Handler, id uint, r editRequest, by *models.User) ([]*models.Statement, error) {
		return one(h.store.Restore(ctx, id, r.Version, idOf(by)))
	}
	reuseReview edit = func(ctx context.Context, h *Handler, id uint, r editRequest, by *models.User) ([]*models.Statement, error) {
		return one(h.store.Reuse(ctx, id, r.Version, r.From, by))
	}
)

// statementEdit serves one kind of edit. relayout says whether the edit
// changes the article's layout, so the page reloads instead of patching
// the panel.
func (h *Handler) statementEdit(run edit, relayout bool) echo.HandlerFunc {
	return func(c echo.Context) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		r, err := readEdit(c)
		if err != nil {
			return err
		}
		stmts, err := run(c.Request().Context(), h, id, r, currentUser(c))
		if isAPI(c) {
			return apiEditResult(c, stmts, err)
		}
		if err != nil {
			return h.editFailed(c, id, err)
		}
		st := stmts[0]
		if relayout || !isHTMX(c) {
			return redirect(c, fmt.Sprintf("/articles/%d?s=%d", st.ArticleID, st.ID))
		}
		return h.renderSaved(c, st, nil)
	}
}

// editFailed answers an edit of statement id that failed: a mistake or a
// conflict shows the panel again with what went wrong.
func (h *Handler) editFailed(c echo.Context, id uint, err error) error {
	var (
		invalid  *models.ValidationError
		conflict *models.ConflictError
	)
	if !errors.As(err, &invalid) && !errors.As(err, &conflict) {
		return err
	}
	current := conflict.CurrentOrNil()
	if current == nil {
		if current, err = h.store.StatementByID(c.Request().Context(), id); err != nil {
			return err
		}
	}
	f, err := h.panelForm(c, current)
	if err != nil {
		return err
	}
	f.Errors, f.Conflict = invalid, conflict.CurrentOrNil()
	status := http.StatusUnprocessableEntity
	if conflict != nil {
		status = http.StatusConflict
	}
	return h.renderPanel(c, status, f)
}

// reuseFromPanel copies an earlier review onto statement :id from the
// panel, and offers to undo it: the panel that comes back carries the
// review the statement had before.
func (h *Handler) reuseFromPanel(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	r, err := readEdit(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	before, err := h.store.StatementByID(ctx, id)
	if err != nil {
		return err
	}
	st, err := h.store.Reuse(ctx, id, r.Version, r.From, currentUser(c))
	if err != nil {
		return h.editFailed(c, id, err)
	}
	if !isHTMX(c) {
		return redirect(c, fmt.Sprintf("/articles/%d?s=%d", st.ArticleID, st.ID))
	}
	undo := views.NewReviewForm(before).Input
	return h.renderSaved(c, st, &undo)
}

// apiEditResult answers an edit over JSON: the statement, or both halves
// of a split.
func apiEditResult(c echo.Context, stmts []*models.Statement, err error) error {
	if err != nil {
		return err
	}
	if len(stmts) == 2 {
		return c.JSON(http.StatusOK, splitJSON{Statements: []statementJSON{*toStatement(stmts[0]), *toStatement(stmts[1])}})
	}
	return c.JSON(http.StatusOK, toStatement(stmts[0]))
}

// addStatement adds a statement extraction missed, from a selection of the
// article :id ({"start","end"} byte offsets).
func (h *Handler) addStatement(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	r, err := readEdit(c)
	if err != nil {
		return err
	}
	st, err := h.store.CreateStatement(c.Request().Context(), id, r.Start, r.End, userID(c))
	if err != nil {
		return err
	}
	if isAPI(c) {
		return c.JSON(http.StatusCreated, toStatement(st))
	}
	return redirect(c, fmt.Sprintf("/articles/%d?s=%d", id, st.ID))
}
