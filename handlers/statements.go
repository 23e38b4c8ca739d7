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
	f, err := h.panelForm(c, s)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.ReviewPanel(f))
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
		f := views.ReviewForm{Statement: current, Input: in, Errors: invalid}
		if err := h.fillPanel(c, &f); err != nil {
			return err
		}
		return h.renderPanel(c, http.StatusUnprocessableEntity, f)
	case errors.As(err, &conflict):
		// Base the reviewer's input on the version they have now seen,
		// so saving again is a deliberate overwrite.
		in.Version = conflict.Current.Version
		f := views.ReviewForm{Statement: conflict.Current, Input: in, Conflict: conflict.Current}
		if err := h.fillPanel(c, &f); err != nil {
			return err
		}
		return h.renderPanel(c, http.StatusConflict, f)
	case err != nil:
		return err
	}
	if !isHTMX(c) {
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/articles/%d?s=%d", saved.ArticleID, saved.ID))
	}
	return h.renderSaved(c, saved)
}

// renderPanel answers htmx with the panel alone; a plain form post (no
// JavaScript) gets the panel on a page of its own.
func (h *Handler) renderPanel(c echo.Context, status int, f views.ReviewForm) error {
	if isHTMX(c) {
		return render(c, status, views.ReviewPanel(f))
	}
	return render(c, status, views.PanelPage(h.page(c, "Review statement"), f))
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
