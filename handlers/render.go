package handlers

import (
	"net/http"
	"strconv"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

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

// csrfToken is the request's CSRF token for forms, or "" when there is none
// (error pages rendered before the middleware ran).
func csrfToken(c echo.Context) string {
	token, _ := c.Get("csrf").(string)
	return token
}

// page is what every full page needs: title, CSRF token, the user and the
// counts in the navigation bar.
func (h *Handler) page(c echo.Context, title string) views.Page {
	p := views.Page{Title: title, CSRF: csrfToken(c), User: currentUser(c)}
	if p.User != nil {
		ctx := c.Request().Context()
		var err error
		if p.QueueCount, err = h.store.QueueCount(ctx, p.User.ID); err != nil {
			h.log.Error("navigation counts", "err", err)
		}
		if p.Unread, err = h.store.UnreadCount(ctx, p.User.ID); err != nil {
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
		return 0, echo.NewHTTPError(http.StatusNotFound)
	}
	return uint(id), nil
}

func isHTMX(c echo.Context) bool { return c.Request().Header.Get("HX-Request") == "true" }
