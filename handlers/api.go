package handlers

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/intake"
	"github.com/factcheckdesk/factcheck/models"
)

// articleJSON is an article as the API shows it: the stored fields, its
// statements with their review state, and its progress.
type articleJSON struct {
	*models.Article
	StatementCount int `json:"statement_count"`
	ToReview       int `json:"to_review"`
	Reviewed       int `json:"reviewed"`
}

func toArticleJSON(a *models.Article) articleJSON {
	if a.Statements == nil {
		a.Statements = []models.Statement{}
	}
	for i := range a.Statements {
		toStatementJSON(&a.Statements[i])
	}
	p := models.ProgressOf(a.Statements)
	return articleJSON{Article: a, StatementCount: len(a.Statements), ToReview: p.Total, Reviewed: p.Reviewed}
}

// toStatementJSON makes empty lists [] rather than null for API clients.
func toStatementJSON(s *models.Statement) *models.Statement {
	if s.Sources == nil {
		s.Sources = []models.Source{}
	}
	return s
}

// decodeJSON reads a JSON request body into dst. Go's decoder would quietly
// turn invalid UTF-8 into U+FFFD, so the raw bytes are checked first.
func decodeJSON(c echo.Context, dst any) error {
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		var he *echo.HTTPError
		if errors.As(err, &he) {
			return he
		}
		return echo.NewHTTPError(http.StatusBadRequest, "could not read the request body")
	}
	if !utf8.Valid(body) {
		return &models.ValidationError{Problems: []models.FieldError{{Field: "body", Message: "The request body is not valid UTF-8."}}}
	}
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(dst); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "invalid JSON: "+err.Error())
	}
	return nil
}

func (h *Handler) apiListArticles(c echo.Context) error {
	limit, offset := 100, 0
	if n, err := strconv.Atoi(c.QueryParam("limit")); err == nil && n > 0 && n <= 1000 {
		limit = n
	}
	if n, err := strconv.Atoi(c.QueryParam("offset")); err == nil && n >= 0 {
		offset = n
	}
	list, err := h.store.Articles(c.Request().Context(), limit, offset)
	if err != nil {
		return err
	}
	out := make([]articleJSON, len(list))
	for i := range list {
		out[i] = toArticleJSON(&list[i])
	}
	return c.JSON(http.StatusOK, out)
}

// apiCreateArticle stores a pasted article, or, given a "url" and no
// "body", imports the page at that URL.
func (h *Handler) apiCreateArticle(c echo.Context) error {
	var in models.ArticleInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if in.Body == "" && in.URL != "" {
		doc, err := h.fetcher.Fetch(c.Request().Context(), in.URL)
		if err != nil {
			return err
		}
		force := in.Force
		in = models.InputFromDocument(doc, in.Title)
		in.Force = force
	}
	a, err := h.store.CreateArticle(c.Request().Context(), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toArticleJSON(a))
}

func (h *Handler) apiArticle(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	a, err := h.store.ArticleByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toArticleJSON(a))
}

// statementPatch is a partial review: fields left out keep their value.
type statementPatch struct {
	Verdict    *models.Verdict       `json:"verdict"`
	Note       *string               `json:"note"`
	Correction *string               `json:"correction"`
	Sources    *[]models.SourceInput `json:"sources"`
	Version    *int                  `json:"version"`
}

// apply merges the patch over the statement's current review.
func (p statementPatch) apply(s *models.Statement) models.ReviewInput {
	in := models.ReviewInput{Verdict: s.Verdict, Note: s.Note, Correction: s.Correction}
	for _, src := range s.Sources {
		in.Sources = append(in.Sources, models.InputOf(src))
	}
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

func (h *Handler) apiPatchStatement(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var patch statementPatch
	if err := decodeJSON(c, &patch); err != nil {
		return err
	}
	ctx := c.Request().Context()
	current, err := h.store.StatementByID(ctx, id)
	if err != nil {
		return err
	}
	in := patch.apply(current)
	in.UserID = userID(c)
	saved, err := h.store.Review(ctx, id, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toStatementJSON(saved))
}

// apiUploadArticle imports an uploaded file (multipart field "file", with
// optional "title" and "force").
func (h *Handler) apiUploadArticle(c echo.Context) error {
	name, data, err := readUpload(c)
	if err != nil {
		return err
	}
	doc, err := intake.ReadFile(name, data)
	if err != nil {
		return err
	}
	in := models.InputFromDocument(doc, c.FormValue("title"))
	in.Force = c.FormValue("force") == "true"
	a, err := h.store.CreateArticle(c.Request().Context(), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, toArticleJSON(a))
}

func (h *Handler) apiDeleteArticle(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.DeleteArticle(c.Request().Context(), id); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
