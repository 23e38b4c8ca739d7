package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
	"github.com/factcheckdesk/factcheck/views"
)

// A statement's review: the panel that shows it, the form that saves it
// (GET /statements/:id/panel, POST /statements/:id) and the same over JSON
// (GET and PATCH /api/v1/statements/:id). Both saves go through saveReview.

// statementPanel shows the review panel of a statement.
func (h *Handler) statementPanel(c echo.Context) error {
	s, err := h.statementParam(c)
	if err != nil {
		return err
	}
	f, err := h.panelForm(c, s)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.ReviewPanel(f))
}

// apiStatement returns one statement.
func (h *Handler) apiStatement(c echo.Context) error {
	st, err := h.statementParam(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toStatement(st))
}

// reviewFromForm reads the review panel. Sources come as parallel lists of
// fields, one entry per row; rows left entirely blank are dropped.
func reviewFromForm(c echo.Context) (models.ReviewInput, error) {
	form, err := c.FormParams()
	if err != nil {
		return models.ReviewInput{}, apperr.Wrap(err, http.StatusBadRequest, "could not read the form")
	}
	version, _ := strconv.Atoi(form.Get("version"))
	in := models.ReviewInput{
		Verdict:    rating.Key(form.Get("verdict")),
		Note:       form.Get("note"),
		Correction: form.Get("correction"),
		Version:    version,
	}
	urls, titles, publishers, quotes, accessed := form["source_url"], form["source_title"], form["source_publisher"], form["source_quote"], form["source_accessed"]
	for i := range urls {
		s := models.SourceInput{URL: urls[i], Title: at(titles, i), Publisher: at(publishers, i), Quote: at(quotes, i), AccessedAt: at(accessed, i)}
		if !s.Empty() {
			in.Sources = append(in.Sources, s)
		}
	}
	return in, nil
}

func at(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return ""
}

// reviewPatch is a partial review: fields left out keep their value.
type reviewPatch struct {
	Verdict    *rating.Key           `json:"verdict"`
	Note       *string               `json:"note"`
	Correction *string               `json:"correction"`
	Sources    *[]models.SourceInput `json:"sources"`
	Version    *int                  `json:"version"`
}

// apply merges the patch over the statement's current review.
func (p reviewPatch) apply(s *models.Statement) models.ReviewInput {
	in := views.NewReviewForm(s).Input
	in.Version = 0
	if p.Verdict != nil {
		in.Verdict = *p.Verdict
	}
	if p.Note != nil {
		in.Note = *p.Note
	}
	if p.Correction != nil {
		in.Correction = *p.Correction
	}
	if p.Sources != nil {
		in.Sources = *p.Sources
	}
	if p.Version != nil {
		in.Version = *p.Version
	}
	return in
}

// saveReview saves a review from the panel's form (POST) or from JSON
// (PATCH, partial). A mistake or a conflict sends the panel back with
// everything the reviewer typed still in it; the API answers 422 or 409.
func (h *Handler) saveReview(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var build func(*models.Statement) models.ReviewInput
	if isAPI(c) {
		var patch reviewPatch
		if err := decodeJSON(c, &patch); err != nil {
			return err
		}
		build = patch.apply
	} else {
		in, err := reviewFromForm(c)
		if err != nil {
			return err
		}
		build = func(*models.Statement) models.ReviewInput { return in }
	}
	var typed models.ReviewInput
	saved, err := h.store.ReviewWith(c.Request().Context(), id, func(current *models.Statement) models.ReviewInput {
		typed = build(current)
		typed.SetUser(currentUser(c))
		return typed
	})
	if isAPI(c) {
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, toStatement(saved))
	}
	var (
		invalid  *models.ValidationError
		conflict *models.ConflictError
	)
	switch {
	case errors.As(err, &invalid):
		return h.renderPanel(c, http.StatusUnprocessableEntity, views.ReviewForm{Statement: saved, Input: typed, Errors: invalid})
	case errors.As(err, &conflict):
		// Base the reviewer's input on the version they have now seen,
		// so saving again is a deliberate overwrite.
		typed.Version = conflict.Current.Version
		return h.renderPanel(c, http.StatusConflict, views.ReviewForm{Statement: conflict.Current, Input: typed, Conflict: conflict.Current})
	case err != nil:
		return err
	}
	if !isHTMX(c) {
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/articles/%d?s=%d", saved.ArticleID, saved.ID))
	}
	return h.renderSaved(c, saved, nil)
}

// panelForm builds the review panel of a statement for the signed-in user.
func (h *Handler) panelForm(c echo.Context, st *models.Statement) (views.ReviewForm, error) {
	f := views.NewReviewForm(st)
	return f, h.fillPanel(c, &f)
}

// fillPanel adds what surrounds the form: earlier reviews of the claim,
// the discussion, sources to reuse, and the editor's tools.
func (h *Handler) fillPanel(c echo.Context, f *views.ReviewForm) error {
	ctx := c.Request().Context()
	var err error
	if f.Comments, err = h.store.Comments(ctx, f.Statement.ID); err != nil {
		return err
	}
	if f.ArticleSources, err = h.store.ArticleSources(ctx, f.Statement.ArticleID); err != nil {
		return err
	}
	if f.Matches, f.MatchesLoading, err = h.panelMatches(ctx, f.Statement); err != nil {
		return err
	}
	u := currentUser(c)
	f.CanReview, f.CanEdit = u.Can(models.PermReview), u.Can(models.PermEditStatements)
	f.CanApprove, f.UserID = u.Can(models.PermApprove), idOf(u)
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

// renderPanel answers htmx with the panel alone; a plain form post (no
// JavaScript) gets the panel on a page of its own.
func (h *Handler) renderPanel(c echo.Context, status int, f views.ReviewForm) error {
	if err := h.fillPanel(c, &f); err != nil {
		return err
	}
	if isHTMX(c) {
		return render(c, status, views.ReviewPanel(f))
	}
	return render(c, status, views.PanelPage(h.page(c, "Review statement"), f))
}

// renderSaved answers a change with the panel and, out of band, the
// statement's highlight, list item and the article's progress. undo, when
// set, is the review the change replaced, offered back.
func (h *Handler) renderSaved(c echo.Context, st *models.Statement, undo *models.ReviewInput) error {
	progress, err := h.store.ArticleProgress(c.Request().Context(), st.ArticleID)
	if err != nil {
		return err
	}
	f, err := h.panelForm(c, st)
	if err != nil {
		return err
	}
	f.Saved, f.Undo = true, undo
	// Saving may finish an item of the reviewer's queue: keep the count
	// in the navigation bar true.
	queue, err := h.store.QueueCount(c.Request().Context(), userID(c))
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.ReviewSaved(f, progress, queue))
}
