package handlers

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/apperr"
)

// The desk's pages allow scripts and styles from the desk itself and
// nothing inline: no inline script, no style attributes, no eval (htmx is
// configured with allowEval false; see views.htmxConfig), and no framing.
const pageCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// reportCSP is for the standalone HTML report, which carries its own
// inline stylesheet so that it stays one file when downloaded: no script
// runs in it at all and it fetches nothing.
const reportCSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// writeTimeout bounds how long the desk writes one response: a client
// that stops reading cannot hold a response (and its memory) for longer.
// Live streams extend it event by event (see sse).
const writeTimeout = 30 * time.Second

// securityHeaders sets the headers every response carries. Responses are
// not cached unless a handler says otherwise (static files do): pages hold
// unpublished work, and one shows a new API token once.
func (h *Handler) securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		hd := c.Response().Header()
		hd.Set("Content-Security-Policy", pageCSP)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		hd.Set(echo.HeaderCacheControl, "no-store")
		if h.secure {
			// Only behind TLS: browsers ignore it over plain HTTP anyway,
			// and a desk on a LAN without TLS must stay reachable.
			hd.Set("Strict-Transport-Security", "max-age=31536000")
		}
		extendWriteDeadline(c, writeTimeout)
		return next(c)
	}
}

// extendWriteDeadline lets the response be written for d from now.
func extendWriteDeadline(c echo.Context, d time.Duration) {
	// Not every ResponseWriter supports deadlines (test recorders); the
	// server's do, and that is where it matters.
	_ = http.NewResponseController(c.Response()).SetWriteDeadline(time.Now().Add(d))
}

// Cookie names. Behind TLS they take the __Host- prefix, which browsers
// only accept from a secure origin, for the whole host, with Path=/: no
// sibling subdomain or plain-HTTP page can set or shadow them.
func (h *Handler) cookieName(base string) string {
	if h.secure {
		return "__Host-" + base
	}
	return base
}

const (
	sessionCookieBase = "fcd_session"
	visitCookieBase   = "fcd_visit" // a visitor without a session: binds the sign-in form's CSRF token
	sessionKey        = "factcheck.session"
	csrfKey           = "csrf"
)

// csrfToken derives the CSRF token of a session (or, before sign-in, of a
// visit) from its cookie: an HMAC keyed by the cookie's secret value. A
// token taken from another visit or another user's page is worth nothing
// with this session, and no server-side key needs sharing between
// instances.
func csrfTokenFor(secret string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte("factcheck-desk csrf v1"))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// csrf checks that every state-changing page request carries the token of
// its own session (form field _csrf, or the X-CSRF-Token header htmx
// sends), and hands the token to the views. The JSON API is exempt: it is
// authenticated by bearer tokens, not cookies, and takes only JSON, which
// no cross-site form can send. It runs after identify, which says whether
// the session cookie is a live session.
func (h *Handler) csrf(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if isAPI(c) || isPublic(c.Request().URL.Path) {
			// The public site has no forms and sets no cookie.
			return next(c)
		}
		secret, _ := c.Get(sessionKey).(string)
		if secret == "" {
			secret = h.visitSecret(c)
		}
		token := csrfTokenFor(secret)
		c.Set(csrfKey, token)
		switch c.Request().Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			return next(c)
		}
		sent := c.Request().Header.Get("X-CSRF-Token")
		if sent == "" {
			sent = c.FormValue("_csrf")
		}
		if sent == "" {
			return apperr.New(http.StatusForbidden, "This form is missing its security token. Reload the page and try again; copy what you typed first.")
		}
		if !hmac.Equal([]byte(sent), []byte(token)) && !h.signInFormOfVisit(c, sent) {
			return apperr.Wrap(errCSRFMismatch, http.StatusForbidden, "This form has expired or came from another site. Reload the page and try again; copy what you typed first.")
		}
		return next(c)
	}
}

var errCSRFMismatch = errors.New("csrf token does not match the session")

// signInFormOfVisit reports whether sent is the token of this browser's
// visit on a sign-in or set-up form: one loaded before the browser signed
// in (in another tab, say) still signs it in.
func (h *Handler) signInFormOfVisit(c echo.Context, sent string) bool {
	if p := c.Path(); p != "/login" && p != "/setup" {
		return false
	}
	v, ok := h.visitCookie(c)
	return ok && hmac.Equal([]byte(sent), []byte(csrfTokenFor(v)))
}

// visitCookie is the visitor's cookie secret, if the browser has one.
func (h *Handler) visitCookie(c echo.Context) (string, bool) {
	ck, err := c.Cookie(h.cookieName(visitCookieBase))
	if err != nil || len(ck.Value) != 43 || strings.ContainsAny(ck.Value, " ;") {
		return "", false
	}
	return ck.Value, true
}

// visitSecret is the visitor's cookie secret, set on first sight.
func (h *Handler) visitSecret(c echo.Context) string {
	if v, ok := h.visitCookie(c); ok {
		return v
	}
	b := make([]byte, 32)
	rand.Read(b)
	v := base64.RawURLEncoding.EncodeToString(b)
	c.SetCookie(&http.Cookie{Name: h.cookieName(visitCookieBase), Value: v, Path: "/", HttpOnly: true, Secure: h.secure, SameSite: http.SameSiteLaxMode})
	return v
}

// crossOrigin refuses state-changing page requests that a browser marks
// as coming from another origin (Sec-Fetch-Site, Origin): a second wall
// behind the CSRF token.
func crossOrigin() echo.MiddlewareFunc {
	cop := http.NewCrossOriginProtection()
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if isAPI(c) {
				return next(c)
			}
			if err := cop.Check(c.Request()); err != nil {
				return apperr.Wrap(err, http.StatusForbidden, "This form came from another site, so the desk refused it. Open the desk itself and try again.")
			}
			return next(c)
		}
	}
}
