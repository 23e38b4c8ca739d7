package handlers

import (
	"bytes"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/export"
	"github.com/factcheckdesk/factcheck/models"
)

// articleReport downloads the Markdown correction report of an article.
func (h *Handler) articleReport(c echo.Context) error {
	return h.download(c, "md")
}

// download writes an article's report in the named format as a file.
func (h *Handler) download(c echo.Context, format string) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	f, ok := export.Lookup(format)
	if !ok {
		return echo.NewHTTPError(http.StatusBadRequest, "unknown format "+format)
	}
	a, err := h.store.ArticleByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	r := models.ReportOf(a, h.clock())
	// Written to memory first so a failing writer still gets a proper
	// error response instead of half a file.
	var buf bytes.Buffer
	if err := f.Write(&buf, r); err != nil {
		return fmt.Errorf("handlers: %s report of article %d: %w", format, id, err)
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="`+export.FileName(r, f)+`"`)
	return c.Blob(http.StatusOK, f.ContentType, buf.Bytes())
}
