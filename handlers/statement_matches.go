package handlers

import (
	"context"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// maxMatches is how many earlier reviews the panel offers.
const maxMatches = 3

// matchesOf finds earlier reviews of the same claim in other articles.
func (h *Handler) matchesOf(ctx context.Context, st *models.Statement) ([]views.ClaimMatch, error) {
	if h.matches == nil || st.Dismissed {
		return nil, nil
	}
	var out []views.ClaimMatch
	for _, m := range h.matches.Query(st.Text, st.ArticleID, maxMatches) {
		earlier, err := h.store.StatementByID(ctx, m.ID)
		if errors.Is(err, models.ErrNotFound) {
			continue // deleted since; the index learns of it shortly
		}
		if err != nil {
			return nil, err
		}
		title, err := h.store.ArticleTitle(ctx, earlier.ArticleID)
		if err != nil {
			return nil, err
		}
		out = append(out, views.ClaimMatch{Statement: earlier, ArticleTitle: title, Score: m.Score, SameFigures: m.SameFigures})
	}
	return out, nil
}

// panelMatches finds what the review panel shows of earlier reviews: the
// matches, or loading while the index fills in the background after a
// start.
func (h *Handler) panelMatches(ctx context.Context, st *models.Statement) (found []views.ClaimMatch, loading bool, err error) {
	if h.matches != nil && !h.matches.Ready() {
		return nil, true, nil
	}
	found, err = h.matchesOf(ctx, st)
	return found, false, err
}

// statementMatches shows earlier reviews of the same claim: as the
// panel's fragment, or as JSON.
func (h *Handler) statementMatches(c echo.Context) error {
	st, err := h.statementParam(c)
	if err != nil {
		return err
	}
	found, loading, err := h.panelMatches(c.Request().Context(), st)
	switch {
	case err != nil:
		return err
	case loading && isAPI(c):
		c.Response().Header().Set("Retry-After", "30")
		return apperr.New(http.StatusServiceUnavailable, "The claim-matching index is loading; try again in a minute.")
	case loading:
		return render(c, http.StatusOK, views.MatchesLoading(st.ID))
	}
	if isAPI(c) {
		return c.JSON(http.StatusOK, toMatches(found))
	}
	return render(c, http.StatusOK, views.Matches(st, found, currentUser(c).Can(models.PermReview)))
}
