package handlers

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// userKey is where identify leaves the signed-in user in the echo context.
const userKey = "factcheck.user"

// currentUser is the signed-in user, or nil.
func currentUser(c echo.Context) *models.User {
	u, _ := c.Get(userKey).(*models.User)
	return u
}

// userID is the signed-in user's id, or 0.
func userID(c echo.Context) uint { return idOf(currentUser(c)) }

// isSetUp reports whether the desk has users. Users are never deleted, so
// once true it stays true and the database need not be asked again.
func (h *Handler) isSetUp(c echo.Context) (bool, error) {
	if h.setUp.Load() {
		return true, nil
	}
	n, err := h.store.CountUsers(c.Request().Context())
	if err != nil {
		return false, err
	}
	if n > 0 {
		h.setUp.Store(true)
	}
	return n > 0, nil
}

// identify finds who is making the request: a session cookie for pages and
// htmx, a Bearer token for the API. Until the first admin exists, every
// page leads to the set-up page and the API answers 401 like any request
// without a token.
func (h *Handler) identify(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		path := c.Request().URL.Path
		if strings.HasPrefix(path, "/static/") || opsPaths[path] || isPublic(path) {
			return next(c)
		}
		ctx := c.Request().Context()
		if isAPI(c) {
			if auth := c.Request().Header.Get(echo.HeaderAuthorization); auth != "" {
				token, ok := strings.CutPrefix(auth, "Bearer ")
				if !ok {
					return apperr.New(http.StatusUnauthorized, "Send the token as Authorization: Bearer <token>.")
				}
				u, err := h.store.TokenUser(ctx, strings.TrimSpace(token))
				if errors.Is(err, models.ErrNotFound) {
					return apperr.New(http.StatusUnauthorized, "That API token is unknown or revoked.")
				}
				if err != nil {
					return err
				}
				c.Set(userKey, u)
			}
			return next(c)
		}
		if ck, err := c.Cookie(h.cookieName(sessionCookieBase)); err == nil {
			u, err := h.store.SessionUser(ctx, ck.Value)
			switch {
			case err == nil:
				c.Set(userKey, u)
				c.Set(sessionKey, ck.Value)
			case errors.Is(err, models.ErrNotFound):
				h.clearSession(c)
			default:
				return err
			}
		}
		setUp, err := h.isSetUp(c)
		if err != nil {
			return err
		}
		if !setUp && path != "/setup" {
			return redirect(c, "/setup")
		}
		return next(c)
	}
}

// require lets the request through only for a signed-in user whose role
// grants p. There is no exception before the first admin exists: scripts
// set a fresh desk up with 'factcheck user create' and 'factcheck token
// create' on the server.
func (h *Handler) require(p models.Permission) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			u := currentUser(c)
			if u == nil {
				if isAPI(c) {
					return apperr.New(http.StatusUnauthorized, "Sign in with an API token: Authorization: Bearer <token>. Create one on your account page or with 'factcheck token create'.")
				}
				if c.Request().Method == http.MethodGet {
					return redirect(c, "/login?next="+url.QueryEscape(c.Request().URL.RequestURI()))
				}
				return apperr.New(http.StatusUnauthorized, "Your session has ended. Sign in again in another tab, then save; your input is still on this page.")
			}
			if !u.Can(p) {
				return apperr.New(http.StatusForbidden, "Your role ("+u.Role.Label()+") does not allow this. Ask an editor or admin.")
			}
			return next(c)
		}
	}
}

func (h *Handler) setSession(c echo.Context, token string) {
	c.SetCookie(&http.Cookie{
		Name: h.cookieName(sessionCookieBase), Value: token, Path: "/", HttpOnly: true, Secure: h.secure,
		SameSite: http.SameSiteLaxMode, MaxAge: int(models.SessionMax / time.Second),
	})
}

func (h *Handler) clearSession(c echo.Context) {
	c.SetCookie(&http.Cookie{Name: h.cookieName(sessionCookieBase), Value: "", Path: "/", HttpOnly: true, Secure: h.secure, SameSite: http.SameSiteLaxMode, MaxAge: -1})
}

// safeNext keeps a post-sign-in redirect on this site: a path of the
// desk, or "/". Browsers drop tabs and newlines from a Location and read
// backslashes as slashes, so "/\t/evil.example" and "/\\evil.example"
// would leave the site; anything with a control character or a backslash,
// or that names a scheme or host once parsed, is refused.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || len(next) > 2000 ||
		strings.ContainsAny(next, "\\\x7f") || !utf8.ValidString(next) {
		return "/"
	}
	if _, bad := models.ControlChar(next); bad || strings.ContainsAny(next, "\t\n\r") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" || u.User != nil || !strings.HasPrefix(u.Path, "/") {
		return "/"
	}
	return next
}

func (h *Handler) loginPage(c echo.Context) error {
	if currentUser(c) != nil {
		return redirect(c, safeNext(c.QueryParam("next")))
	}
	return render(c, http.StatusOK, views.LoginPage(h.page(c, "Sign in"), views.LoginForm{Next: c.QueryParam("next")}))
}

func (h *Handler) login(c echo.Context) error {
	f := views.LoginForm{Email: c.FormValue("email"), Next: c.FormValue("next")}
	u, err := h.store.Authenticate(c.Request().Context(), f.Email, c.FormValue("password"), c.RealIP())
	switch {
	case errors.Is(err, models.ErrBadCredentials), errors.Is(err, models.ErrRateLimited), errors.Is(err, models.ErrBusy):
		e := apperr.From(err)
		f.Error = e.Message
		switch {
		case errors.Is(err, models.ErrRateLimited):
			c.Response().Header().Set("Retry-After", "900")
		case errors.Is(err, models.ErrBusy):
			c.Response().Header().Set("Retry-After", "2")
		}
		return render(c, e.Status, views.LoginPage(h.page(c, "Sign in"), f))
	case err != nil:
		return err
	}
	// A new session on every sign-in: an old or planted one is dropped.
	if ck, err := c.Cookie(h.cookieName(sessionCookieBase)); err == nil {
		h.store.DeleteSession(c.Request().Context(), ck.Value)
	}
	token, err := h.store.CreateSession(c.Request().Context(), u.ID)
	if err != nil {
		return err
	}
	h.setSession(c, token)
	return c.Redirect(http.StatusSeeOther, safeNext(f.Next))
}

func (h *Handler) logout(c echo.Context) error {
	if ck, err := c.Cookie(h.cookieName(sessionCookieBase)); err == nil {
		if err := h.store.DeleteSession(c.Request().Context(), ck.Value); err != nil {
			return err
		}
	}
	h.clearSession(c)
	return c.Redirect(http.StatusSeeOther, "/login")
}

func (h *Handler) setupPage(c echo.Context) error {
	if setUp, err := h.isSetUp(c); err != nil || setUp {
		if err != nil {
			return err
		}
		return c.Redirect(http.StatusSeeOther, "/")
	}
	return render(c, http.StatusOK, views.SetupPage(h.page(c, "Set up the desk"), views.UserForm{}))
}

// setup creates the first admin, given the set-up code the server
// printed, and signs them in.
func (h *Handler) setup(c echo.Context) error {
	in := models.UserInput{Email: c.FormValue("email"), Name: c.FormValue("name"), Password: c.FormValue("password")}
	u, err := h.store.CreateFirstAdmin(c.Request().Context(), c.FormValue("code"), in)
	var invalid *models.ValidationError
	switch {
	case errors.As(err, &invalid):
		in.Password = ""
		return render(c, http.StatusUnprocessableEntity, views.SetupPage(h.page(c, "Set up the desk"), views.UserForm{Input: in, Errors: invalid}))
	case errors.Is(err, models.ErrAlreadySetUp):
		return c.Redirect(http.StatusSeeOther, "/login")
	case err != nil:
		return err
	}
	h.setUp.Store(true)
	token, err := h.store.CreateSession(c.Request().Context(), u.ID)
	if err != nil {
		return err
	}
	h.setSession(c, token)
	return c.Redirect(http.StatusSeeOther, "/")
}
