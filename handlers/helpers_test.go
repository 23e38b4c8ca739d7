package handlers_test

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/internal/webtest"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
)

// client is one person's browser (webtest.Browser: cookies, the CSRF
// token, their API token) on the real router over a real database.
type client struct {
	*webtest.Browser
	store *models.Store
	user  *models.User
}

// response is what a request returned.
type response = webtest.Response

// newClient starts the desk and signs in an admin.
func newClient(t *testing.T) *client {
	return newClientWith(t, handlers.Config{})
}

// newClientWith starts the desk with cfg and signs in an admin; the clock
// is fixed at 2025-10-20 09:00 UTC unless cfg sets one.
func newClientWith(t testing.TB, cfg handlers.Config) *client {
	t.Helper()
	c := newAnonymous(t, cfg)
	c.signIn(models.Admin)
	return c
}

// newAnonymous starts the desk with nobody signed in (and no users).
func newAnonymous(t testing.TB, cfg handlers.Config) *client {
	t.Helper()
	return anonymousOn(t, modeltest.Open(t), cfg)
}

// newClientOnStore starts another desk over an existing store and signs
// in an admin.
func newClientOnStore(t testing.TB, store *models.Store, cfg handlers.Config) *client {
	t.Helper()
	c := anonymousOn(t, store, cfg)
	c.signIn(models.Admin)
	return c
}

func anonymousOn(t testing.TB, store *models.Store, cfg handlers.Config) *client {
	t.Helper()
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Clock == nil {
		cfg.Clock = func() time.Time { return time.Date(2025, 10, 20, 9, 0, 0, 0, time.UTC) }
	}
	srv := httptest.NewServer(handlers.New(store, cfg))
	t.Cleanup(srv.Close)
	return newBrowser(t, srv.URL, store)
}

func newBrowser(t testing.TB, base string, store *models.Store) *client {
	return &client{Browser: webtest.New(t, base), store: store}
}

const testPassword = "correct horse battery"

var userSeq atomic.Int64

// as returns a new browser on the same desk, signed in as a new user with
// the role.
func (c *client) as(role models.Role) *client {
	c.T.Helper()
	o := newBrowser(c.T, c.Base, c.store)
	o.signIn(role)
	return o
}

// signIn creates a user with the role and signs in through the login form;
// it also gives the client an API token.
func (c *client) signIn(role models.Role) {
	c.T.Helper()
	n := userSeq.Add(1)
	u, err := c.store.CreateUser(c.T.Context(), models.UserInput{
		Email: fmt.Sprintf("%s%d@example.org", role, n), Name: fmt.Sprintf("%s %d", role.Label(), n), Role: role, Password: testPassword,
	})
	if err != nil {
		c.T.Fatal(err)
	}
	c.Get("/login")
	r := c.Post("/login", url.Values{"email": {u.Email}, "password": {testPassword}}, false)
	if r.Status != http.StatusSeeOther {
		c.T.Fatalf("sign in as %s: %d\n%.500s", role, r.Status, r.Body)
	}
	c.Get("/") // a fresh CSRF token for the signed-in pages
	c.user = u
	if c.Token, _, err = c.store.CreateToken(c.T.Context(), u.ID, "tests"); err != nil {
		c.T.Fatal(err)
	}
}

// roleStatus is the status each role gets: "anon", "reviewer", "editor"
// and "admin".
type roleStatus map[string]int

// checkRoles runs do as each role's client and wants each role's status;
// an anonymous visitor sent away must be sent to sign in.
func checkRoles(t *testing.T, clients map[string]*client, name string, do func(*client) response, want roleStatus) {
	t.Helper()
	for _, role := range []string{"anon", "reviewer", "editor", "admin"} {
		t.Run(name+"/"+role, func(t *testing.T) {
			r := do(clients[role])
			if r.Status != want[role] {
				t.Fatalf("status %d, want %d; body:\n%.400s", r.Status, want[role], r.Body)
			}
			if role == "anon" && r.Status == http.StatusSeeOther && !strings.HasPrefix(r.Header.Get("Location"), "/login?next=") {
				t.Errorf("anonymous redirect to %q, want /login?next=…", r.Header.Get("Location"))
			}
		})
	}
}

func decode[T any](t *testing.T, r response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(r.Body), &v); err != nil {
		t.Fatalf("decoding %q: %v", r.Body, err)
	}
	return v
}

func wantStatus(t testing.TB, r response, code int) {
	t.Helper()
	if r.Status != code {
		t.Fatalf("status = %d, want %d; body:\n%.1500s", r.Status, code, r.Body)
	}
}

func wantContains(t *testing.T, r response, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(r.Body, p) {
			t.Errorf("response does not contain %q; body:\n%.3000s", p, r.Body)
		}
	}
}

const tradeArticle = "Trade talks\n\nIn 2024, the US and Russia traded goods and services worth about $5.2bn – 25.8 percent less than in 2023, according to data from the office of the US Trade Representative.\n\nTomahawk missiles fly at supersonic speed at low altitudes.\n\nIt is really not clear.\n"

// newBenchClient is newClient for benchmarks.
func newBenchClient(b *testing.B) *client { return newClientWith(b, handlers.Config{}) }

// articleList is the first page of the home page's list.
func articleList(t testing.TB, store *models.Store) []models.ArticleSummary {
	t.Helper()
	list, err := store.ArticleList(t.Context(), models.ArticleCursor{}, 50)
	if err != nil {
		t.Fatal(err)
	}
	return list.Items
}
