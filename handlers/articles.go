package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/demo"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

func (h *Handler) home(c echo.Context) error {
	return h.renderHome(c, http.StatusOK, views.ArticleForm{})
}

func (h *Handler) renderHome(c echo.Context, status int, form views.ArticleForm) error {
	list, err := h.store.ArticleSummaries(c.Request().Context())
	if err != nil {
		return err
	}
	return render(c, status, views.HomePage(h.page(c, "Articles"), list, form))
}

func (h *Handler) createArticle(c echo.Context) error {
	in := models.ArticleInput{
		Title:       c.FormValue("title"),
		Body:        c.FormValue("body"),
		URL:         c.FormValue("url"),
		Author:      c.FormValue("author"),
		PublishedAt: c.FormValue("published_at"),
		SiteName:    c.FormValue("site_name"),
		Force:       c.FormValue("force") == "true",
	}
	return h.createFromForm(c, views.ArticleForm{Mode: views.ModePaste}, in)
}

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

func (h *Handler) showArticle(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	a, err := h.store.ArticleByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	v := views.ArticleView{Article: a, Progress: models.ProgressOf(a.Statements)}
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
	return render(c, http.StatusOK, views.ArticlePage(h.page(c, a.Title), v))
}

// deleteArticle removes an article with its statements and review.
func (h *Handler) deleteArticle(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.DeleteArticle(c.Request().Context(), id); err != nil {
		return err
	}
	return redirect(c, "/")
}
