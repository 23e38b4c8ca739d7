package handlers_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/models"
)

func TestFirstRunSetup(t *testing.T) {
	c := newAnonymous(t, handlers.Config{})
	for _, path := range []string{"/", "/articles/1", "/login", "/admin/users"} {
		r := c.Get(path)
		if r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/setup" {
			t.Errorf("GET %s on a fresh desk: %d to %q, want a redirect to /setup", path, r.Status, r.Header.Get("Location"))
		}
	}
	// Before the first admin exists the API is as closed as after.
	for _, r := range []response{
		c.API(http.MethodPost, "/api/v1/articles", map[string]string{"title": "T", "body": tradeArticle}),
		c.API(http.MethodPost, "/api/v1/users", map[string]string{"email": "eve@example.org", "name": "Eve", "role": "admin", "password": testPassword}),
	} {
		wantStatus(t, r, http.StatusUnauthorized)
	}
	code, err := c.store.NewSetupCode(t.Context())
	if err != nil {
		t.Fatal(err)
	}

	page := c.Get("/setup")
	wantStatus(t, page, http.StatusOK)
	wantContains(t, page, "Create the first account", `name="code"`)
	bad := c.Post("/setup", url.Values{"code": {code}, "email": {"ada@example.org"}, "name": {"Ada"}, "password": {"short"}}, false)
	wantStatus(t, bad, http.StatusUnprocessableEntity)
	wantContains(t, bad, "at least 10 characters", `value="ada@example.org"`)
	if strings.Contains(bad.Body, `value="short"`) {
		t.Error("the password was shown back")
	}
	for _, wrong := range []string{"", "0123456789abcdef0123456789abcdef"} {
		r := c.Post("/setup", url.Values{"code": {wrong}, "email": {"ada@example.org"}, "name": {"Ada"}, "password": {testPassword}}, false)
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantContains(t, r, "set-up code is not right")
	}
	ok := c.Post("/setup", url.Values{"code": {" " + code + "\n"}, "email": {"Ada@Example.org"}, "name": {"Ada"}, "password": {testPassword}}, false)
	wantStatus(t, ok, http.StatusSeeOther)
	wantContains(t, c.Get("/"), "Ada", "Sign out")
	u, err := c.store.UserByEmail(t.Context(), "ada@example.org")
	if err != nil || u.Role != models.Admin || u.PasswordHash == testPassword || !strings.HasPrefix(u.PasswordHash, "$2") {
		t.Fatalf("first user = %+v, %v; want an admin with a bcrypt hash", u, err)
	}

	// A second visitor cannot make themselves admin any more.
	other := newBrowser(t, c.Base, c.store)
	other.Get("/login")
	late := other.Post("/setup", url.Values{"code": {code}, "email": {"eve@example.org"}, "name": {"Eve"}, "password": {testPassword}}, false)
	if late.Status != http.StatusSeeOther || late.Header.Get("Location") != "/" && late.Header.Get("Location") != "/login" {
		t.Errorf("late set-up: %d %q", late.Status, late.Header.Get("Location"))
	}
	if n, _ := c.store.CountUsers(t.Context()); n != 1 {
		t.Fatalf("%d users after a second set-up, want 1", n)
	}
	// And now the API needs a token.
	closed := other.API(http.MethodGet, "/api/v1/articles", nil)
	wantStatus(t, closed, http.StatusUnauthorized)
	wantContains(t, closed, "Bearer")
}

func TestSignIn(t *testing.T) {
	admin := newClient(t)
	reviewer := admin.as(models.Reviewer)
	anon := newBrowser(t, admin.Base, admin.store)
	anon.Get("/login")

	// The same message whether the account exists or not.
	for _, form := range []url.Values{
		{"email": {reviewer.user.Email}, "password": {"wrong password!"}},
		{"email": {"nobody@example.org"}, "password": {testPassword}},
	} {
		r := anon.Post("/login", form, false)
		wantStatus(t, r, http.StatusUnauthorized)
		wantContains(t, r, "The email or password is not right.")
	}

	r := anon.Post("/login", url.Values{"email": {strings.ToUpper(reviewer.user.Email)}, "password": {testPassword}, "next": {"/articles/1"}}, false)
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.Header.Get("Location"); loc != "/articles/1" {
		t.Errorf("after sign-in went to %q", loc)
	}
	cookie := sessionCookie(t, r)
	if !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode {
		t.Errorf("session cookie %+v is not HttpOnly and SameSite=Lax", cookie)
	}
	// Signing in again rotates the session: the old cookie stops working.
	again := anon.Post("/login", url.Values{"email": {reviewer.user.Email}, "password": {testPassword}}, false)
	if sessionCookie(t, again).Value == cookie.Value {
		t.Error("the session was not rotated on sign-in")
	}
	if _, err := admin.store.SessionUser(t.Context(), cookie.Value); err == nil {
		t.Error("the old session still works after signing in again")
	}

	// Open redirects are refused.
	evil := anon.Post("/login", url.Values{"email": {reviewer.user.Email}, "password": {testPassword}, "next": {"//evil.example/"}}, false)
	if loc := evil.Header.Get("Location"); loc != "/" {
		t.Errorf("next=//evil.example/ redirected to %q", loc)
	}

	// Signing out destroys the session.
	out := reviewer.Post("/logout", url.Values{}, false)
	wantStatus(t, out, http.StatusSeeOther)
	if r := reviewer.Get("/"); r.Status != http.StatusSeeOther || !strings.HasPrefix(r.Header.Get("Location"), "/login") {
		t.Errorf("after sign-out GET / = %d %q", r.Status, r.Header.Get("Location"))
	}
}

func sessionCookie(t *testing.T, r response) *http.Cookie {
	t.Helper()
	for _, c := range (&http.Response{Header: r.Header}).Cookies() {
		if c.Name == "fcd_session" {
			return c
		}
	}
	t.Fatalf("no session cookie set; headers %v", r.Header)
	return nil
}

func TestSignInRateLimit(t *testing.T) {
	admin := newClient(t)
	reviewer := admin.as(models.Reviewer)
	anon := newBrowser(t, admin.Base, admin.store)
	anon.Get("/login")
	for range 10 {
		anon.Post("/login", url.Values{"email": {reviewer.user.Email}, "password": {"not the password"}}, false)
	}
	r := anon.Post("/login", url.Values{"email": {reviewer.user.Email}, "password": {testPassword}}, false)
	wantStatus(t, r, http.StatusTooManyRequests)
	wantContains(t, r, "Too many failed sign-in attempts")
	// Another account from the same address is not locked out yet.
	other := admin.as(models.Editor)
	other.Post("/logout", url.Values{}, false)
	other.Get("/login")
	ok := other.Post("/login", url.Values{"email": {other.user.Email}, "password": {testPassword}}, false)
	wantStatus(t, ok, http.StatusSeeOther)
}

func TestDeactivatedUserIsSignedOut(t *testing.T) {
	admin := newClient(t)
	reviewer := admin.as(models.Reviewer)
	r := admin.Post(fmt.Sprintf("/admin/users/%d", reviewer.user.ID), url.Values{"active": {"false"}}, false)
	wantStatus(t, r, http.StatusSeeOther)
	if r := reviewer.Get("/"); r.Status != http.StatusSeeOther {
		t.Errorf("a deactivated user still sees pages: %d", r.Status)
	}
	wantStatus(t, reviewer.API(http.MethodGet, "/api/v1/articles", nil), http.StatusUnauthorized)
	// The last admin cannot be demoted or deactivated.
	last := admin.Post(fmt.Sprintf("/admin/users/%d", admin.user.ID), url.Values{"role": {"reviewer"}}, false)
	wantStatus(t, last, http.StatusUnprocessableEntity)
	wantContains(t, last, "at least one active admin")
}

func TestAPITokens(t *testing.T) {
	c := newClient(t)
	page := c.Post("/account/tokens", url.Values{"name": {"newsroom CMS"}}, false)
	wantStatus(t, page, http.StatusOK)
	m := strings.SplitN(page.Body, `<code class="token" id="new-token">`, 2)
	if len(m) != 2 {
		t.Fatalf("the new token is not shown:\n%.2000s", page.Body)
	}
	token := m[1][:strings.Index(m[1], "<")]
	if !strings.HasPrefix(token, "fcd_") {
		t.Fatalf("token %q", token)
	}
	cms := newBrowser(t, c.Base, c.store)
	cms.Token = token
	me := cms.API(http.MethodGet, "/api/v1/me", nil)
	wantStatus(t, me, http.StatusOK)
	wantContains(t, me, c.user.Email)
	// Shown once: the account page lists it by prefix only, with its use.
	list := c.Get("/account")
	if strings.Contains(list.Body, token) {
		t.Error("the account page shows the whole token again")
	}
	wantContains(t, list, "newsroom CMS", token[:10])
	tokens, _ := c.store.Tokens(t.Context(), c.user.ID)
	var id uint
	for _, tk := range tokens {
		if tk.Name == "newsroom CMS" {
			id = tk.ID
			if tk.LastUsedAt == nil {
				t.Error("last used time not recorded")
			}
		}
	}
	wantStatus(t, c.Post(fmt.Sprintf("/account/tokens/%d/revoke", id), url.Values{}, false), http.StatusOK)
	wantStatus(t, cms.API(http.MethodGet, "/api/v1/me", nil), http.StatusUnauthorized)
	// Nobody else can revoke it.
	other := c.as(models.Reviewer)
	wantStatus(t, other.Post(fmt.Sprintf("/account/tokens/%d/revoke", id), url.Values{}, false), http.StatusNotFound)
}

func TestChangePassword(t *testing.T) {
	c := newClient(t)
	second := newBrowser(t, c.Base, c.store) // the same user in another browser
	second.Get("/login")
	wantStatus(t, second.Post("/login", url.Values{"email": {c.user.Email}, "password": {testPassword}}, false), http.StatusSeeOther)

	bad := c.Post("/account/password", url.Values{"current": {"nope nope nope"}, "password": {"a new password 1"}}, false)
	wantStatus(t, bad, http.StatusUnprocessableEntity)
	wantContains(t, bad, "current password is not right")
	ok := c.Post("/account/password", url.Values{"current": {testPassword}, "password": {"a new password 1"}}, false)
	wantStatus(t, ok, http.StatusOK)
	wantStatus(t, c.Get("/"), http.StatusOK) // this browser stays signed in
	if r := second.Get("/"); r.Status != http.StatusSeeOther {
		t.Errorf("the other browser is still signed in: %d", r.Status)
	}
}

// The permission matrix, route by route and role by role. "anon" is a
// browser (or API client) that is not signed in, on a desk that is set up.
func TestPermissionMatrix(t *testing.T) {
	admin := newClient(t)
	clients := map[string]*client{
		"admin":    admin,
		"editor":   admin.as(models.Editor),
		"reviewer": admin.as(models.Reviewer),
		"anon":     newBrowser(t, admin.Base, admin.store),
	}
	clients["anon"].Get("/login")
	fresh := func() (*models.Article, uint) {
		a := createArticle(t, admin, fmt.Sprintf("Matrix %d", userSeq.Add(1)), fmt.Sprintf("Article %d: in 2024 trade was worth $5.2bn.\n\nIt grew.\n", userSeq.Add(1)))
		return a, a.Statements[0].ID
	}
	form := func(vals ...string) url.Values {
		v := url.Values{}
		for i := 0; i+1 < len(vals); i += 2 {
			v.Set(vals[i], vals[i+1])
		}
		return v
	}
	tests := []struct {
		name string
		do   func(c *client) response
		want roleStatus
	}{
		{"GET /", func(c *client) response { return c.Get("/") }, roleStatus{"anon": 303, "reviewer": 200, "editor": 200, "admin": 200}},
		{"POST /articles", func(c *client) response {
			return c.Post("/articles", form("title", "New", "body", fmt.Sprintf("Body %d.", userSeq.Add(1))), false)
		}, roleStatus{"anon": 401, "reviewer": 403, "editor": 303, "admin": 303}},
		{"POST /demo", func(c *client) response { return c.Post("/demo", url.Values{}, false) }, roleStatus{"anon": 401, "reviewer": 403, "editor": 303, "admin": 303}},
		{"GET /articles/:id", func(c *client) response { a, _ := fresh(); return c.Get(fmt.Sprintf("/articles/%d", a.ID)) }, roleStatus{"anon": 303, "reviewer": 200, "editor": 200, "admin": 200}},
		{"POST /articles/:id/delete", func(c *client) response {
			a, _ := fresh()
			return c.Post(fmt.Sprintf("/articles/%d/delete", a.ID), url.Values{}, false)
		}, roleStatus{"anon": 401, "reviewer": 403, "editor": 303, "admin": 303}},
		{"GET /admin/deleted", func(c *client) response { return c.Get("/admin/deleted") }, roleStatus{"anon": 303, "reviewer": 403, "editor": 403, "admin": 200}},
		{"POST /articles/:id/restore", func(c *client) response {
			a, _ := fresh()
			if err := admin.store.DeleteArticle(t.Context(), a.ID, admin.user.ID); err != nil {
				t.Fatal(err)
			}
			return c.Post(fmt.Sprintf("/articles/%d/restore", a.ID), url.Values{}, false)
		}, roleStatus{"anon": 401, "reviewer": 403, "editor": 403, "admin": 303}},
		{"API GET /articles/deleted", func(c *client) response { return c.API(http.MethodGet, "/api/v1/articles/deleted", nil) }, roleStatus{"anon": 401, "reviewer": 403, "editor": 403, "admin": 200}},
		{"GET /members", func(c *client) response { return c.Get("/members?q=a") }, roleStatus{"anon": 303, "reviewer": 200, "editor": 200, "admin": 200}},
		{"GET /articles/:id/export", func(c *client) response {
			a, _ := fresh()
			return c.Get(fmt.Sprintf("/articles/%d/export?format=csv", a.ID))
		}, roleStatus{"anon": 303, "reviewer": 200, "editor": 200, "admin": 200}},
		{"GET /statements/:id/panel", func(c *client) response { _, s := fresh(); return c.Get(fmt.Sprintf("/statements/%d/panel", s)) }, roleStatus{"anon": 303, "reviewer": 200, "editor": 200, "admin": 200}},
		{"POST /statements/:id", func(c *client) response {
			_, s := fresh()
			return c.Post(fmt.Sprintf("/statements/%d", s), form("version", "1", "verdict", "in_progress"), true)
		}, roleStatus{"anon": 401, "reviewer": 200, "editor": 200, "admin": 200}},
		{"GET /reports/team", func(c *client) response { return c.Get("/reports/team") }, roleStatus{"anon": 303, "reviewer": 200, "editor": 200, "admin": 200}},
		{"GET /account", func(c *client) response { return c.Get("/account") }, roleStatus{"anon": 303, "reviewer": 200, "editor": 200, "admin": 200}},
		{"GET /admin/users", func(c *client) response { return c.Get("/admin/users") }, roleStatus{"anon": 303, "reviewer": 403, "editor": 403, "admin": 200}},
		{"POST /admin/users", func(c *client) response {
			return c.Post("/admin/users", form("email", fmt.Sprintf("u%d@example.org", userSeq.Add(1)), "name", "U", "role", "reviewer", "password", testPassword), false)
		}, roleStatus{"anon": 401, "reviewer": 403, "editor": 403, "admin": 303}},
		{"API GET /articles", func(c *client) response { return c.API(http.MethodGet, "/api/v1/articles", nil) }, roleStatus{"anon": 401, "reviewer": 200, "editor": 200, "admin": 200}},
		{"API POST /articles", func(c *client) response {
			return c.API(http.MethodPost, "/api/v1/articles", map[string]string{"title": "T", "body": fmt.Sprintf("API body %d.", userSeq.Add(1))})
		}, roleStatus{"anon": 401, "reviewer": 403, "editor": 201, "admin": 201}},
		{"API DELETE /articles/:id", func(c *client) response {
			a, _ := fresh()
			return c.API(http.MethodDelete, fmt.Sprintf("/api/v1/articles/%d", a.ID), nil)
		}, roleStatus{"anon": 401, "reviewer": 403, "editor": 204, "admin": 204}},
		{"API PATCH /statements/:id", func(c *client) response {
			_, s := fresh()
			return c.API(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", s), `{"verdict":"verified","sources":[{"url":"https://example.org/a"}],"version":1}`)
		}, roleStatus{"anon": 401, "reviewer": 200, "editor": 200, "admin": 200}},
		{"API GET /articles/:id/export", func(c *client) response {
			a, _ := fresh()
			return c.API(http.MethodGet, fmt.Sprintf("/api/v1/articles/%d/export?format=json", a.ID), nil)
		}, roleStatus{"anon": 401, "reviewer": 200, "editor": 200, "admin": 200}},
		{"API GET /users", func(c *client) response { return c.API(http.MethodGet, "/api/v1/users", nil) }, roleStatus{"anon": 401, "reviewer": 403, "editor": 403, "admin": 200}},
		{"API POST /users", func(c *client) response {
			return c.API(http.MethodPost, "/api/v1/users", map[string]string{"email": fmt.Sprintf("a%d@example.org", userSeq.Add(1)), "name": "A", "role": "reviewer", "password": testPassword})
		}, roleStatus{"anon": 401, "reviewer": 403, "editor": 403, "admin": 201}},
		{"GET /settings", func(c *client) response { return c.Get("/settings") }, roleStatus{"anon": 303, "reviewer": 403, "editor": 403, "admin": 200}},
		{"API GET /settings", func(c *client) response { return c.API(http.MethodGet, "/api/v1/settings", nil) }, roleStatus{"anon": 401, "reviewer": 403, "editor": 403, "admin": 200}},
		{"API POST /webhooks", func(c *client) response {
			return c.API(http.MethodPost, "/api/v1/webhooks", map[string]any{"url": "https://hooks.example.org/x", "events": []string{"published"}})
		}, roleStatus{"anon": 401, "reviewer": 403, "editor": 403, "admin": 201}},
		{"GET /approvals", func(c *client) response { return c.Get("/approvals") }, roleStatus{"anon": 303, "reviewer": 403, "editor": 200, "admin": 200}},
		{"API POST /statements/:id/approve", func(c *client) response {
			_, s := fresh()
			return c.API(http.MethodPost, fmt.Sprintf("/api/v1/statements/%d/approve", s), `{"version":1}`)
		}, roleStatus{"anon": 401, "reviewer": 403, "editor": 422, "admin": 422}},
		{"API POST /statements/:id/publish", func(c *client) response {
			_, s := fresh()
			return c.API(http.MethodPost, fmt.Sprintf("/api/v1/statements/%d/publish", s), `{"version":1}`)
		}, roleStatus{"anon": 401, "reviewer": 403, "editor": 422, "admin": 422}},
		{"GET /checks", func(c *client) response { return c.Get("/checks") }, roleStatus{"anon": 200, "reviewer": 200, "editor": 200, "admin": 200}},
		{"GET /checks/:id unpublished", func(c *client) response { _, s := fresh(); return c.Get(fmt.Sprintf("/checks/%d", s)) }, roleStatus{"anon": 404, "reviewer": 404, "editor": 404, "admin": 404}},
	}
	for _, tt := range tests {
		checkRoles(t, clients, tt.name, tt.do, tt.want)
	}
}
