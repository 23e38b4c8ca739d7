package security

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/models"
)

// Finding 9: a cookie and token pair from another visit was accepted with
// a different user's session. The token is now an HMAC of the session's
// own cookie: another session's token, a token from before sign-in, or
// none at all is refused, and nothing changes.
func TestCSRFBoundToSession(t *testing.T) {
	d := newDesk(t, handlers.Config{})
	alice := d.signedIn(models.Reviewer)
	mallory := d.signedIn(models.Reviewer)
	if alice.CSRF == mallory.CSRF || alice.CSRF == "" {
		t.Fatalf("two sessions share a CSRF token %q", alice.CSRF)
	}
	anon := d.browser()
	anon.Get("/login")
	for _, tt := range []struct{ name, token string }{
		{"another user's token", mallory.CSRF},
		{"a token from before sign-in", anon.CSRF},
		{"no token", ""},
		{"a forged token", strings.Repeat("A", 43)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := alice.Post("/account/tokens", url.Values{"name": {"planted"}, "_csrf": {tt.token}}, false)
			if r.Status != http.StatusForbidden {
				t.Fatalf("status %d, want 403", r.Status)
			}
		})
	}
	if tokens, _ := d.store.Tokens(t.Context(), alice.user.ID); len(tokens) != 1 {
		t.Fatalf("a refused form made a token: %d", len(tokens))
	}
	// Her own token works, in the form and in htmx's header.
	want(t, alice.Post("/account/tokens", url.Values{"name": {"mine"}}, false), http.StatusOK)
	req, _ := http.NewRequest(http.MethodPost, d.url+"/account/tokens", strings.NewReader("name=htmx"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-CSRF-Token", alice.CSRF)
	want(t, alice.Do(req), http.StatusOK)
	// A new session, a new token: signing in again invalidates the old.
	old := alice.CSRF
	alice.Post("/logout", url.Values{}, false)
	alice.Get("/login")
	alice.Post("/login", url.Values{"email": {alice.user.Email}, "password": {password}}, false)
	alice.Get("/")
	if alice.CSRF == old {
		t.Error("the CSRF token survived a new sign-in")
	}
	if r := alice.Post("/account/tokens", url.Values{"name": {"stale"}, "_csrf": {old}}, false); r.Status != http.StatusForbidden {
		t.Errorf("the previous session's token: %d", r.Status)
	}
	// A browser marking the request cross-site is refused even with a
	// good token: Go's CrossOriginProtection stands behind the token.
	req, _ = http.NewRequest(http.MethodPost, d.url+"/account/tokens", strings.NewReader(url.Values{"name": {"x"}, "_csrf": {alice.CSRF}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if r := alice.Do(req); r.Status != http.StatusForbidden {
		t.Errorf("a cross-site post: %d", r.Status)
	}
}

// Behind TLS the cookies take the __Host- prefix, Secure and Path=/.
func TestHostCookiesWhenSecure(t *testing.T) {
	d := newDesk(t, handlers.Config{SecureCookies: true})
	u := d.user(models.Admin)
	b := d.browser()
	r := b.Get("/login")
	visit := findCookie(r, "__Host-fcd_visit")
	if visit == nil || !visit.Secure || visit.Path != "/" || visit.Domain != "" {
		t.Fatalf("visit cookie %+v", visit)
	}
	// The jar does not send Secure cookies over http; send it by hand.
	req, _ := http.NewRequest(http.MethodPost, d.url+"/login", strings.NewReader(url.Values{"email": {u.Email}, "password": {password}, "_csrf": {b.CSRF}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: visit.Name, Value: visit.Value})
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	session := findCookie(response{Header: res.Header}, "__Host-fcd_session")
	if res.StatusCode != http.StatusSeeOther || session == nil || !session.Secure || !session.HttpOnly || session.Path != "/" {
		t.Fatalf("sign-in %d, session cookie %+v", res.StatusCode, session)
	}
}

func findCookie(r response, name string) *http.Cookie {
	for _, c := range (&http.Response{Header: r.Header}).Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}
