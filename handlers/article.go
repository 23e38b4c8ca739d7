package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/demo"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
	"github.com/factcheckdesk/factcheck/views"
)

// Articles: the home page with its list, the article page, deleting, and
// the same over JSON. Creating one is in article_import.go.

func (h *Handler) home(c echo.Context) error {
	return h.renderHome(c, http.StatusOK, views.ArticleForm{})
}

// homePageSize is how many articles a page of the home page lists.
const homePageSize = 50

func (h *Handler) renderHome(c echo.Context, status int, form views.ArticleForm) error {
	after := models.ParseArticleCursor(c.QueryParam("after"))
	list, err := h.store.ArticleList(c.Request().Context(), after, homePageSize)
	if err != nil {
		return err
	}
	v := views.HomeView{Articles: list, First: after.IsZero(), Form: form}
	if status == http.StatusOK {
		v.Deleted = h.justDeleted(c)
	}
	return render(c, status, views.HomePage(h.page(c, "Articles"), v))
}

// suggestArticles offers articles whose titles start words as typed: the
// type-ahead of the search page's article filter (a datalist), or JSON.
func (h *Handler) suggestArticles(c echo.Context) error {
	q := c.QueryParam("q")
	if q == "" {
		q = c.QueryParam("article") // what the search form's field sends
	}
	list, err := h.store.SuggestArticles(c.Request().Context(), q, suggestLimit)
	if err != nil {
		return err
	}
	if isAPI(c) {
		out := make([]articleRefJSON, len(list))
		for i, a := range list {
			out[i] = articleRefJSON{ID: a.ID, Title: a.Title}
		}
		return c.JSON(http.StatusOK, out)
	}
	return render(c, http.StatusOK, views.ArticleOptions(list))
}

// suggestLimit is how many articles the type-ahead offers.
const suggestLimit = 10

func (h *Handler) apiListArticles(c echo.Context) error {
	limit, offset := 100, 0
	if n, err := strconv.Atoi(c.QueryParam("limit")); err == nil && n > 0 && n <= 1000 {
		limit = n
	}
	if n, err := strconv.Atoi(c.QueryParam("offset")); err == nil && n >= 0 {
		offset = n
	}
	list, err := h.articlesAt(c.Request().Context(), limit, offset)
	if err != nil {
		return err
	}
	out := make([]articleJSON, len(list))
	for i, a := range list {
		out[i] = toArticle(a, h.store.Scale())
	}
	return c.JSON(http.StatusOK, out)
}

// loadDemo loads the example article, or opens it when it is loaded.
func (h *Handler) loadDemo(c echo.Context) error {
	a, err := h.store.CreateArticle(c.Request().Context(), demo.Article())
	var dup *models.DuplicateError
	if errors.As(err, &dup) {
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/articles/%d", dup.Existing.ID))
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/articles/%d", a.ID))
}

// showArticle shows the article page, or returns the article as JSON.
func (h *Handler) showArticle(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if isAPI(c) {
		return h.articleJSON(c, id)
	}
	// A browser that has the page as it is now gets 304 (see
	// article_cache.go).
	ctx := c.Request().Context()
	rev, err := h.store.ArticleRevision(ctx, id)
	if errors.Is(err, models.ErrNotFound) {
		return h.deletedArticle(c, id, err)
	}
	if err != nil {
		return err
	}
	assignees, err := h.assigneesFor(c)
	if err != nil {
		return err
	}
	scale := h.store.Scale()
	etag := articleETag(c, h.page(c, ""), scale, rev, assignees)
	if notModified(c, etag) {
		return c.NoContent(http.StatusNotModified)
	}
	cacheHeaders(c, etag)
	err = h.renderArticleAt(c, http.StatusOK, id, rev, scale, assignees, nil)
	if errors.Is(err, models.ErrNotFound) {
		return h.deletedArticle(c, id, err)
	}
	return err
}

// assigneesFor lists whom the viewer may assign work to: nobody unless
// they may assign.
func (h *Handler) assigneesFor(c echo.Context) ([]models.User, error) {
	if !currentUser(c).Can(models.PermAssign) {
		return nil, nil
	}
	return h.store.Assignees(c.Request().Context())
}

// articleJSON answers with article id as the API shows it.
func (h *Handler) articleJSON(c echo.Context, id uint) error {
	a, err := h.store.ArticleByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toArticle(a, h.store.Scale()))
}

// renderArticle shows the article page. For those who may assign work it
// carries the bulk-assign bar: as the editor filled it in when assign is
// given (after a problem), else fresh, saying what the last assignment did.
func (h *Handler) renderArticle(c echo.Context, status int, id uint, assign *views.AssignForm) error {
	ctx := c.Request().Context()
	rev, err := h.store.ArticleRevision(ctx, id)
	if err != nil {
		return err
	}
	assignees, err := h.assigneesFor(c)
	if err != nil {
		return err
	}
	return h.renderArticleAt(c, status, id, rev, h.store.Scale(), assignees, assign)
}

// renderArticleAt draws the article page from the revision rev of the
// article: its statement list and text as drawn for every viewer of that
// revision (unless the editor ticked statements), the rest for this one.
func (h *Handler) renderArticleAt(c echo.Context, status int, id uint, rev int, scale *rating.Scale,
	assignees []models.User, assign *views.AssignForm) error {
	ctx := c.Request().Context()
	ca, err := h.viewArticle(ctx, id, rev)
	if err != nil {
		return err
	}
	a := ca.article
	u := currentUser(c)
	v := views.ArticleView{Article: a, Progress: h.articles.progress(ca, scale)}
	if assign != nil && len(assign.Selected) > 0 {
		v.Parts, err = views.RenderArticleParts(views.WithScale(ctx, scale), a, u.Can(models.PermEditStatements), assign.Selected)
	} else {
		v.Parts, err = h.articleParts(ctx, ca, scale, u.Can(models.PermEditStatements))
	}
	if err != nil {
		return err
	}
	// ?s=ID opens that statement's panel, so a reload or a shared link
	// lands where the reviewer was.
	if sid, err := strconv.ParseUint(c.QueryParam("s"), 10, 32); err == nil {
		for i := range a.Statements {
			if a.Statements[i].ID == uint(sid) {
				f, err := h.panelForm(c, &a.Statements[i])
				if err != nil {
					return err
				}
				v.Panel = &f
			}
		}
	}
	if u.Can(models.PermAssign) {
		if assign == nil {
			assign = &views.AssignForm{}
		}
		assign.ArticleID = a.ID
		assign.Assignees = assignees
		if status == http.StatusOK {
			assign.Message = assignMessage(c.QueryParams(), assign.Assignees)
		}
		v.Assign = assign
	}
	return render(c, status, views.ArticlePage(h.page(c, a.Title), v))
}

// assignMessage says what the assignment just made did, from the
// parameters assign and unassign redirect with.
func assignMessage(q url.Values, users []models.User) string {
	if n, err := strconv.Atoi(q.Get("unassigned")); err == nil {
		return fmt.Sprintf("%s back in the unassigned pool.", statementCount(n))
	}
	n, err := strconv.Atoi(q.Get("assigned"))
	if err != nil {
		return ""
	}
	to := "the reviewer"
	for _, u := range users {
		if strconv.FormatUint(uint64(u.ID), 10) == q.Get("to") {
			to = u.Name
		}
	}
	return fmt.Sprintf("%s assigned to %s.", statementCount(n), to)
}

func statementCount(n int) string {
	if n == 1 {
		return "1 statement"
	}
	return fmt.Sprintf("%d statements", n)
}
