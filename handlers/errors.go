package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/factcheckdesk/factcheck/intake"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// handleError is the one place an error becomes an HTTP response: JSON
// {"error": "..."} under /api, a page like the rest of the desk elsewhere.
// Only what is safe to show reaches the user; the rest is logged.
func (h *Handler) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	code, msg := classify(err)
	if code >= 500 {
		h.log.Error("request failed", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
	}
	var rerr error
	switch {
	case c.Request().Method == http.MethodHead:
		rerr = c.NoContent(code)
	case isAPI(c):
		body := map[string]any{"error": msg}
		var v *models.ValidationError
		if errors.As(err, &v) {
			body["fields"] = v.Problems
		}
		var conflict *models.ConflictError
		if errors.As(err, &conflict) {
			body["current"] = conflict.Current
		}
		var dup *models.DuplicateError
		if errors.As(err, &dup) {
			body["existing"] = map[string]any{"id": dup.Existing.ID, "title": dup.Existing.Title, "url": dup.Existing.URL, "created_at": dup.Existing.CreatedAt}
		}
		rerr = c.JSON(code, body)
	default:
		rerr = render(c, code, views.ErrorPage(h.page(c, http.StatusText(code)), code, msg))
	}
	if rerr != nil {
		h.log.Error("writing error response", "err", rerr)
	}
}

// classify maps an error to a status and a message safe to show.
func classify(err error) (int, string) {
	var (
		he       *echo.HTTPError
		invalid  *models.ValidationError
		conflict *models.ConflictError
		dup      *models.DuplicateError
		imp      *intake.Error
	)
	switch {
	case errors.As(err, &imp):
		switch imp.Kind {
		case intake.KindTimeout:
			return http.StatusGatewayTimeout, imp.Error()
		case intake.KindFetch:
			return http.StatusBadGateway, imp.Error()
		}
		return http.StatusUnprocessableEntity, imp.Error()
	case errors.As(err, &dup):
		return http.StatusConflict, dup.Error() + ` Send "force": true to import it anyway.`
	case errors.As(err, &invalid):
		return http.StatusUnprocessableEntity, invalid.Error()
	case errors.As(err, &conflict):
		return http.StatusConflict, "This statement was changed by someone else since you loaded it (now version " +
			strconv.Itoa(conflict.Current.Version) + "). Nothing was saved; reload it and apply your change again."
	case errors.Is(err, models.ErrNotFound):
		return http.StatusNotFound, "We could not find that. It may have been deleted, or the link is mistyped."
	case errors.Is(err, middleware.ErrCSRFInvalid):
		return http.StatusForbidden, "This form has expired or came from another site. Reload the page and try again; copy what you typed first."
	case errors.As(err, &he):
		switch he.Code {
		case http.StatusNotFound:
			if m, ok := he.Message.(string); ok && m != http.StatusText(http.StatusNotFound) {
				return he.Code, m
			}
			return he.Code, "We could not find that page."
		case http.StatusMethodNotAllowed:
			return he.Code, "That action is not allowed here."
		case http.StatusRequestEntityTooLarge:
			return he.Code, fmt.Sprintf("That request is too large: the desk accepts at most %d MB at once.", MaxRequestBytes>>20)
		case http.StatusBadRequest:
			if m, ok := he.Message.(string); ok && len(m) > 0 {
				if m == "missing csrf token in the form parameter" || m == "missing csrf token in request header" {
					return http.StatusForbidden, "This form is missing its security token. Reload the page and try again; copy what you typed first."
				}
				return he.Code, m
			}
		}
		if m, ok := he.Message.(string); ok {
			return he.Code, m
		}
		return he.Code, http.StatusText(he.Code)
	}
	return http.StatusInternalServerError, "Something went wrong on our side. Nothing you saved is lost; try again in a moment."
}
