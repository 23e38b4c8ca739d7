package handlers

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

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

// statementMatches shows earlier reviews of the same claim in the panel.
func (h *Handler) statementMatches(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	st, err := h.store.StatementByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	found, err := h.matchesOf(c.Request().Context(), st)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, views.Matches(st, found, currentUser(c).Can(models.PermReview)))
}

// reuseReview copies an earlier review onto the statement from the panel.
func (h *Handler) reuseReview(c echo.Context) error {
	from, _ := strconv.ParseUint(c.FormValue("from"), 10, 32)
	return h.statementEdit(c, func(id uint, version int) (*models.Statement, error) {
		return h.store.Reuse(c.Request().Context(), id, version, uint(from), userID(c))
	}, false)
}

// matchJSON is an earlier review of the same claim, for the API.
type matchJSON struct {
	StatementID  uint            `json:"statement_id"`
	ArticleID    uint            `json:"article_id"`
	ArticleTitle string          `json:"article_title"`
	Text         string          `json:"text"`
	Score        float64         `json:"score"`
	SameFigures  bool            `json:"same_figures"`
	Verdict      models.Verdict  `json:"verdict"`
	Note         string          `json:"note"`
	Correction   string          `json:"correction"`
	Sources      []models.Source `json:"sources"`
}

func (h *Handler) apiMatches(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	st, err := h.store.StatementByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	found, err := h.matchesOf(c.Request().Context(), st)
	if err != nil {
		return err
	}
	out := make([]matchJSON, 0, len(found))
	for _, m := range found {
		e := m.Statement
		out = append(out, matchJSON{StatementID: e.ID, ArticleID: e.ArticleID, ArticleTitle: m.ArticleTitle, Text: e.Text,
			Score: m.Score, SameFigures: m.SameFigures, Verdict: e.Verdict, Note: e.Note, Correction: e.Correction,
			Sources: toStatementJSON(e).Sources})
	}
	return c.JSON(http.StatusOK, out)
}

func (h *Handler) apiReuse(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var b struct {
		From    uint `json:"from"`
		Version int  `json:"version"`
	}
	if err := decodeJSON(c, &b); err != nil {
		return err
	}
	st, err := h.store.Reuse(c.Request().Context(), id, b.Version, b.From, userID(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toStatementJSON(st))
}
