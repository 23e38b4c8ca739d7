package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// panelForm builds the review panel of a statement for the signed-in user:
// the form, the discussion, sources to reuse, and the editor's tools.
func (h *Handler) panelForm(c echo.Context, st *models.Statement) (views.ReviewForm, error) {
	f := views.NewReviewForm(st)
	return f, h.fillPanel(c, &f)
}

// fillPanel adds what surrounds the form to f.
func (h *Handler) fillPanel(c echo.Context, f *views.ReviewForm) error {
	ctx := c.Request().Context()
	var err error
	if f.Comments, err = h.store.Comments(ctx, f.Statement.ID); err != nil {
		return err
	}
	if f.ArticleSources, err = h.store.ArticleSources(ctx, f.Statement.ArticleID); err != nil {
		return err
	}
	u := currentUser(c)
	f.CanReview, f.CanEdit = u.Can(models.PermReview), u.Can(models.PermEditStatements)
	if f.CanEdit {
		next, err := h.store.NextStatement(ctx, f.Statement)
		switch {
		case err == nil:
			f.NextVersion = next.Version
		case !errors.Is(err, models.ErrNotFound):
			return err
		}
	}
	return nil
}

func (h *Handler) statementHistory(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	events, err := h.store.History(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.HistoryTimeline(events))
}

func (h *Handler) articleActivity(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	a, err := h.store.ArticleByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	events, err := h.store.Activity(c.Request().Context(), id, 200)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.ActivityPage(h.page(c, "Activity"), a, events))
}

func (h *Handler) addComment(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if _, err := h.store.AddComment(ctx, id, userID(c), c.FormValue("body")); err != nil {
		return err
	}
	comments, err := h.store.Comments(ctx, id)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.CommentThread(id, comments, true))
}

// sourceRowFrom answers "add a source": an empty row, or a copy of a
// source already used in the article (?from=ID).
func (h *Handler) sourceRowFrom(c echo.Context) error {
	in := models.SourceInput{}
	if from, err := strconv.ParseUint(c.QueryParam("from"), 10, 32); err == nil && from > 0 {
		src, err := h.store.SourceByID(c.Request().Context(), uint(from))
		if err != nil {
			return err
		}
		in = models.InputOf(*src)
		in.AccessedAt = ""
	}
	return render(c, http.StatusOK, views.SourceRow(in))
}

// statementEdit runs one editor's edit from the panel and answers with the
// panel, or with a reload of the article when its layout changed.
func (h *Handler) statementEdit(c echo.Context, edit func(id uint, version int) (*models.Statement, error), relayout bool) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(c.FormValue("version"))
	st, err := edit(id, version)
	var (
		invalid  *models.ValidationError
		conflict *models.ConflictError
	)
	switch {
	case errors.As(err, &invalid), errors.As(err, &conflict):
		current := (*models.Statement)(nil)
		if conflict != nil {
			current = conflict.Current
		} else if current, err = h.store.StatementByID(c.Request().Context(), id); err != nil {
			return err
		}
		f, ferr := h.panelForm(c, current)
		if ferr != nil {
			return ferr
		}
		f.Errors, f.Conflict = invalid, conflict.CurrentOrNil()
		status := http.StatusUnprocessableEntity
		if conflict != nil {
			status = http.StatusConflict
		}
		return h.renderPanel(c, status, f)
	case err != nil:
		return err
	}
	if relayout || !isHTMX(c) {
		return redirect(c, fmt.Sprintf("/articles/%d?s=%d", st.ArticleID, st.ID))
	}
	return h.renderSaved(c, st)
}

// renderSaved answers a change with the panel and, out of band, the
// statement's highlight, list item and the article's progress.
func (h *Handler) renderSaved(c echo.Context, st *models.Statement) error {
	progress, err := h.store.ArticleProgress(c.Request().Context(), st.ArticleID)
	if err != nil {
		return err
	}
	f, err := h.panelForm(c, st)
	if err != nil {
		return err
	}
	f.Saved = true
	// Saving may finish an item of the reviewer's queue: keep the count
	// in the navigation bar true.
	queue, err := h.store.QueueCount(c.Request().Context(), userID(c))
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.ReviewSaved(f, progress, queue))
}

func (h *Handler) editBounds(c echo.Context) error {
	start, _ := strconv.Atoi(c.FormValue("start"))
	end, _ := strconv.Atoi(c.FormValue("end"))
	return h.statementEdit(c, func(id uint, version int) (*models.Statement, error) {
		return h.store.EditBounds(c.Request().Context(), id, version, start, end, userID(c))
	}, true)
}

func (h *Handler) splitStatement(c echo.Context) error {
	at, _ := strconv.Atoi(c.FormValue("at"))
	return h.statementEdit(c, func(id uint, version int) (*models.Statement, error) {
		first, _, err := h.store.Split(c.Request().Context(), id, version, at, userID(c))
		return first, err
	}, true)
}

func (h *Handler) mergeStatement(c echo.Context) error {
	next, _ := strconv.Atoi(c.FormValue("next_version"))
	return h.statementEdit(c, func(id uint, version int) (*models.Statement, error) {
		return h.store.Merge(c.Request().Context(), id, version, next, userID(c))
	}, true)
}

func (h *Handler) dismissStatement(c echo.Context) error {
	return h.statementEdit(c, func(id uint, version int) (*models.Statement, error) {
		return h.store.Dismiss(c.Request().Context(), id, version, c.FormValue("reason"), userID(c))
	}, false)
}

func (h *Handler) restoreStatement(c echo.Context) error {
	return h.statementEdit(c, func(id uint, version int) (*models.Statement, error) {
		return h.store.Restore(c.Request().Context(), id, version, userID(c))
	}, false)
}

// addStatement adds a statement extraction missed, from a selection.
func (h *Handler) addStatement(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	start, _ := strconv.Atoi(c.FormValue("start"))
	end, _ := strconv.Atoi(c.FormValue("end"))
	st, err := h.store.CreateStatement(c.Request().Context(), id, start, end, userID(c))
	if err != nil {
		return err
	}
	return redirect(c, fmt.Sprintf("/articles/%d?s=%d", id, st.ID))
}
