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
	if alice.csrf == mallory.csrf || alice.csrf == "" {
		t.Fatalf("two sessions share a CSRF token %q", alice.csrf)
	}
	anon := d.browser()
	anon.get("/login")
	for _, tt := range []struct{ name, token string }{
		{"another user's token", mallory.csrf},
		{"a token from before sign-in", anon.csrf},
		{"no token", ""},
		{"a forged token", strings.Repeat("A", 43)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := alice.post("/account/tokens", url.Values{"name": {"planted"}, "_csrf": {tt.token}})
			if r.status != http.StatusForbidden {
				t.Fatalf("status %d, want 403", r.status)
			}
		})
	}
	if tokens, _ := d.store.Tokens(t.Context(), alice.user.ID); len(tokens) != 1 {
		t.Fatalf("a refused form made a token: %d", len(tokens))
	}
	// Her own token works, in the form and in htmx's header.
	want(t, alice.post("/account/tokens", url.Values{"name": {"mine"}}), http.StatusOK)
	req, _ := http.NewRequest(http.MethodPost, d.url+"/account/tokens", strings.NewReader("name=htmx"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-CSRF-Token", alice.csrf)
	want(t, alice.do(req), http.StatusOK)
	// A new session, a new token: signing in again invalidates the old.
	old := alice.csrf
	alice.post("/logout", url.Values{})
	alice.get("/login")
	alice.post("/login", url.Values{"email": {alice.user.Email}, "password": {password}})
	alice.get("/")
	if alice.csrf == old {
		t.Error("the CSRF token survived a new sign-in")
	}
	if r := alice.post("/account/tokens", url.Values{"name": {"stale"}, "_csrf": {old}}); r.status != http.StatusForbidden {
		t.Errorf("the previous session's token: %d", r.status)
	}
	// A browser marking the request cross-site is refused even with a
	// good token: Go's CrossOriginProtection stands behind the token.
	req, _ = http.NewRequest(http.MethodPost, d.url+"/account/tokens", strings.NewReader(url.Values{"name": {"x"}, "_csrf": {alice.csrf}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if r := alice.do(req); r.status != http.StatusForbidden {
		t.Errorf("a cross-site post: %d", r.status)
	}
}

// Behind TLS the cookies take the __Host- prefix, Secure and Path=/.
func TestHostCookiesWhenSecure(t *testing.T) {
	d := newDesk(t, handlers.Config{SecureCookies: true})
	u := d.user(models.Admin)
	b := d.browser()
	r := b.get("/login")
	visit := findCookie(r, "__Host-fcd_visit")
	if visit == nil || !visit.Secure || visit.Path != "/" || visit.Domain != "" {
		t.Fatalf("visit cookie %+v", visit)
	}
	// The jar does not send Secure cookies over http; send it by hand.
	req, _ := http.NewRequest(http.MethodPost, d.url+"/login", strings.NewReader(url.Values{"email": {u.Email}, "password": {password}, "_csrf": {b.csrf}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: visit.Name, Value: visit.Value})
	res, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	session := findCookie(response{header: res.Header}, "__Host-fcd_session")
	if res.StatusCode != http.StatusSeeOther || session == nil || !session.Secure || !session.HttpOnly || session.Path != "/" {
		t.Fatalf("sign-in %d, session cookie %+v", res.StatusCode, session)
	}
}

func findCookie(r response, name string) *http.Cookie {
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}
