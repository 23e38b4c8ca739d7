package handlers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// render writes a templ component as the response.
func render(c echo.Context, status int, t templ.Component) error {
	buf := templ.GetBuffer()
	defer templ.ReleaseBuffer(buf)
	if err := t.Render(c.Request().Context(), buf); err != nil {
		return err
	}
	return c.HTMLBlob(status, buf.Bytes())
}

// withScale gives the views of every request the desk's rating scale, so
// they label and colour verdicts the way the desk defines them.
func (h *Handler) withScale(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		c.SetRequest(r.WithContext(views.WithScale(r.Context(), h.store.Scale())))
		return next(c)
	}
}

// csrfToken is the request's CSRF token for forms, or "" when there is none
// (error pages rendered before the middleware ran).
func csrfToken(c echo.Context) string {
	token, _ := c.Get("csrf").(string)
	return token
}

// navKey is where page keeps the navigation counts it read, so that a
// request reads them once.
const navKey = "factcheck.nav"

// page is what every full page needs: title, CSRF token, the user and the
// counts in the navigation bar.
func (h *Handler) page(c echo.Context, title string) views.Page {
	p := views.Page{Title: title, CSRF: csrfToken(c), User: currentUser(c)}
	if nav, ok := c.Get(navKey).(views.Page); ok { // counted already
		p.QueueCount, p.Unread = nav.QueueCount, nav.Unread
		return p
	}
	defer func() { c.Set(navKey, p) }()
	if p.User != nil {
		var err error
		if p.QueueCount, p.Unread, err = h.store.NavCounts(c.Request().Context(), p.User.ID); err != nil {
			h.log.Error("navigation counts", "err", err)
		}
	}
	return p
}

// idParam reads a numeric path parameter; a malformed one is a 404, as the
// thing it names cannot exist.
func idParam(c echo.Context, name string) (uint, error) {
	id, err := strconv.ParseUint(c.Param(name), 10, 32)
	if err != nil || id == 0 {
		return 0, echo.ErrNotFound
	}
	return uint(id), nil
}

// statementParam reads the statement named by the route's :id.
func (h *Handler) statementParam(c echo.Context) (*models.Statement, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return nil, err
	}
	return h.store.StatementByID(c.Request().Context(), id)
}

// pageParam reads a page number; anything else is the first page.
func pageParam(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 1
	}
	return n
}

func isHTMX(c echo.Context) bool { return c.Request().Header.Get("HX-Request") == "true" }

// redirect sends the browser elsewhere; htmx requests get HX-Redirect so
// the whole page moves instead of a fragment.
func redirect(c echo.Context, to string) error {
	if isHTMX(c) {
		c.Response().Header().Set("HX-Redirect", to)
		return c.NoContent(http.StatusOK)
	}
	return c.Redirect(http.StatusSeeOther, to)
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
		return apperr.Wrap(err, http.StatusBadRequest, "could not read the request body")
	}
	if !utf8.Valid(body) {
		return models.Invalid(models.FieldError{Field: "body", Message: "The request body is not valid UTF-8."})
	}
	// A raw control character is invalid JSON; say why in the desk's
	// words rather than the decoder's.
	if r, ok := models.ControlChar(string(body)); ok {
		return models.Invalid(models.FieldError{Field: "body", Message: fmt.Sprintf("The request body contains a control character (U+%04X); escape it or, in text, remove it.", r)})
	}
	if err := jsonText(body); err != nil {
		return err
	}
	if err := json.NewDecoder(bytes.NewReader(body)).Decode(dst); err != nil {
		return apperr.Wrap(err, http.StatusBadRequest, "invalid JSON: "+err.Error())
	}
	return nil
}
