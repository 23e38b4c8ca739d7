package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// errorJSON is the body of every failed API request. Fields, Current and
// Existing say more about a validation failure, a conflict and a
// duplicate import.
type errorJSON struct {
	Current  *statementJSON      `json:"current,omitempty"`
	Error    string              `json:"error"`
	Existing *existingJSON       `json:"existing,omitempty"`
	Fields   []models.FieldError `json:"fields,omitempty"`
}

// existingJSON is the article a duplicate import would repeat.
type existingJSON struct {
	CreatedAt time.Time `json:"created_at"`
	ID        uint      `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
}

// handleError is the one place an error becomes an HTTP response: JSON
// under /api, a page like the rest of the desk elsewhere. Only an
// *apperr.Error's safe message reaches users; the cause of a failure on
// our side is logged.
func (h *Handler) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	e := asAppError(err)
	if e.Status >= 500 {
		h.log.Error("request failed", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
	}
	var rerr error
	switch {
	case c.Request().Method == http.MethodHead:
		rerr = c.NoContent(e.Status)
	case isAPI(c):
		rerr = c.JSON(e.Status, errorBody(e, err))
	default:
		rerr = render(c, e.Status, views.ErrorPage(h.page(c, http.StatusText(e.Status)), e.Status, e.Message))
	}
	if rerr != nil {
		h.log.Error("writing error response", "err", rerr)
	}
}

// errorBody says what went wrong, and the data a client needs to recover.
func errorBody(e *apperr.Error, err error) errorJSON {
	body := errorJSON{Error: e.Message}
	var (
		invalid  *models.ValidationError
		conflict *models.ConflictError
		dup      *models.DuplicateError
	)
	if errors.As(err, &invalid) {
		body.Fields = invalid.Problems
	}
	if errors.As(err, &conflict) {
		body.Current = toStatement(conflict.Current)
	}
	if errors.As(err, &dup) {
		body.Error += ` Send "force": true to import it anyway.`
		x := dup.Existing
		body.Existing = &existingJSON{ID: x.ID, Title: x.Title, URL: x.URL, CreatedAt: x.CreatedAt}
	}
	return body
}

// asAppError is err as the desk's error type. Echo's own errors (unknown
// routes, oversized bodies) get messages in the desk's words.
func asAppError(err error) *apperr.Error {
	var he *echo.HTTPError
	if errors.As(err, &he) && !errors.As(err, new(*apperr.Error)) {
		msg, _ := he.Message.(string)
		switch he.Code {
		case http.StatusNotFound:
			if msg == "" || msg == http.StatusText(http.StatusNotFound) {
				msg = "We could not find that page."
			}
		case http.StatusMethodNotAllowed:
			msg = "That action is not allowed here."
		case http.StatusRequestEntityTooLarge:
			msg = fmt.Sprintf("That request is too large: the desk accepts at most %d MB at once.", MaxRequestBytes>>20)
		}
		if msg == "" {
			msg = http.StatusText(he.Code)
		}
		return apperr.Wrap(err, he.Code, msg)
	}
	return apperr.From(err)
}
