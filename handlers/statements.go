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

func (h *Handler) statementPanel(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	s, err := h.store.StatementByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.ReviewPanel(views.NewReviewForm(s)))
}

// saveReview stores the review panel. A mistake or a conflict sends the
// panel back with everything the reviewer typed still in it.
func (h *Handler) saveReview(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	current, err := h.store.StatementByID(ctx, id)
	if err != nil {
		return err
	}
	in, err := reviewFromForm(c)
	if err != nil {
		return err
	}
	in.UserID = userID(c)
	saved, err := h.store.Review(ctx, id, in)
	var (
		invalid  *models.ValidationError
		conflict *models.ConflictError
	)
	switch {
	case errors.As(err, &invalid):
		return h.renderPanel(c, http.StatusUnprocessableEntity, views.ReviewForm{Statement: current, Input: in, Errors: invalid})
	case errors.As(err, &conflict):
		// Base the reviewer's input on the version they have now seen,
		// so saving again is a deliberate overwrite.
		in.Version = conflict.Current.Version
		return h.renderPanel(c, http.StatusConflict, views.ReviewForm{Statement: conflict.Current, Input: in, Conflict: conflict.Current})
	case err != nil:
		return err
	}
	if !isHTMX(c) {
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/articles/%d?s=%d", saved.ArticleID, saved.ID))
	}
	progress, err := h.store.ArticleProgress(ctx, saved.ArticleID)
	if err != nil {
		return err
	}
	f := views.NewReviewForm(saved)
	f.Saved = true
	return render(c, http.StatusOK, views.ReviewSaved(f, progress))
}

// renderPanel answers htmx with the panel alone; a plain form post (no
// JavaScript) gets the panel on a page of its own.
func (h *Handler) renderPanel(c echo.Context, status int, f views.ReviewForm) error {
	if isHTMX(c) {
		return render(c, status, views.ReviewPanel(f))
	}
	return render(c, status, views.PanelPage(h.page(c, "Review statement"), f))
}

func (h *Handler) sourceRow(c echo.Context) error {
	return render(c, http.StatusOK, views.SourceRow(models.SourceInput{}))
}

// reviewFromForm reads the review panel. Sources come as parallel lists of
// fields, one entry per row; rows left entirely blank are dropped.
func reviewFromForm(c echo.Context) (models.ReviewInput, error) {
	form, err := c.FormParams()
	if err != nil {
		return models.ReviewInput{}, echo.NewHTTPError(http.StatusBadRequest, "could not read the form")
	}
	version, _ := strconv.Atoi(form.Get("version"))
	in := models.ReviewInput{
		Verdict:    models.Verdict(form.Get("verdict")),
		Note:       form.Get("note"),
		Correction: form.Get("correction"),
		Version:    version,
	}
	urls, titles, publishers, quotes := form["source_url"], form["source_title"], form["source_publisher"], form["source_quote"]
	for i := range urls {
		s := models.SourceInput{URL: urls[i], Title: at(titles, i), Publisher: at(publishers, i), Quote: at(quotes, i)}
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
