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

// Deleting and restoring articles. A deletion is soft: the article leaves
// every list and page at once, and admins can restore it from the Deleted
// list for models.RestoreWindow.

// deleteArticle deletes an article (softly).
func (h *Handler) deleteArticle(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.DeleteArticle(c.Request().Context(), id, userID(c)); err != nil {
		return err
	}
	if isAPI(c) {
		return c.NoContent(http.StatusNoContent)
	}
	return redirect(c, fmt.Sprintf("/?deleted=%d", id))
}

// restoreArticle brings a deleted article back.
func (h *Handler) restoreArticle(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.RestoreArticle(c.Request().Context(), id); err != nil {
		return err
	}
	if isAPI(c) {
		return h.articleJSON(c, id)
	}
	return redirect(c, fmt.Sprintf("/articles/%d", id))
}

// deletedPage lists the articles admins can still restore.
func (h *Handler) deletedPage(c echo.Context) error {
	list, err := h.store.DeletedArticles(c.Request().Context())
	if err != nil {
		return err
	}
	if isAPI(c) {
		return c.JSON(http.StatusOK, toDeletedArticles(list))
	}
	return render(c, http.StatusOK, views.DeletedPage(h.page(c, "Deleted articles"), list))
}

// deletedArticle answers a request for an article that is deleted: those
// who may restore it see what it was and how to bring it back; everyone
// else gets the not-found error, as if it were gone.
func (h *Handler) deletedArticle(c echo.Context, id uint, notFound error) error {
	if !currentUser(c).Can(models.PermRestoreArticle) || isAPI(c) {
		return notFound
	}
	d, err := h.store.DeletedArticleByID(c.Request().Context(), id)
	if err != nil {
		return notFound
	}
	return render(c, http.StatusNotFound, views.DeletedArticlePage(h.page(c, d.Title), *d))
}

// justDeleted is the article named by ?deleted= after a deletion, for the
// home page to say what happened; nil if there is none to tell of.
func (h *Handler) justDeleted(c echo.Context) *models.DeletedArticle {
	id, err := strconv.ParseUint(c.QueryParam("deleted"), 10, 32)
	if err != nil {
		return nil
	}
	d, err := h.store.DeletedArticleByID(c.Request().Context(), uint(id))
	if err != nil {
		if !errors.Is(err, models.ErrNotFound) {
			h.log.Error("deleted article", "id", id, "err", err)
		}
		return nil
	}
	return d
}
