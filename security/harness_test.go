package security

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/internal/webtest"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
)

// desk is the real router over a fresh database.
type desk struct {
	t     *testing.T
	url   string
	store *models.Store
}

func newDesk(t *testing.T, cfg handlers.Config) *desk {
	t.Helper()
	return deskOn(t, modeltest.Open(t), cfg)
}

func deskOn(t *testing.T, store *models.Store, cfg handlers.Config) *desk {
	t.Helper()
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	srv := httptest.NewServer(handlers.New(store, cfg))
	t.Cleanup(srv.Close)
	return &desk{t: t, url: srv.URL, store: store}
}

const password = "correct horse battery"

var seq atomic.Int64

// user creates a desk member with the role.
func (d *desk) user(role models.Role) *models.User {
	d.t.Helper()
	n := seq.Add(1)
	u, err := d.store.CreateUser(d.t.Context(), models.UserInput{
		Email: fmt.Sprintf("%s%d@example.org", role, n), Name: fmt.Sprintf("%s %d", role.Label(), n), Role: role, Password: password})
	if err != nil {
		d.t.Fatal(err)
	}
	return u
}

// browser is one person's browser on the desk (cookies, the CSRF token,
// their API token).
type browser struct {
	*webtest.Browser
	d    *desk
	user *models.User
}

// response is what a request returned.
type response = webtest.Response

func (d *desk) browser() *browser {
	return &browser{Browser: webtest.New(d.t, d.url), d: d}
}

// signedIn is a browser signed in through the form as a new user with the
// role, holding an API token too.
func (d *desk) signedIn(role models.Role) *browser {
	d.t.Helper()
	b := d.browser()
	b.user = d.user(role)
	b.Get("/login")
	if r := b.Post("/login", url.Values{"email": {b.user.Email}, "password": {password}}, false); r.Status != http.StatusSeeOther {
		d.t.Fatalf("sign in: %d %.300s", r.Status, r.Body)
	}
	b.Get("/")
	var err error
	if b.Token, _, err = d.store.CreateToken(d.t.Context(), b.user.ID, "tests"); err != nil {
		d.t.Fatal(err)
	}
	return b
}

func want(t *testing.T, r response, status int, parts ...string) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d; body:\n%.800s", r.Status, status, r.Body)
	}
	for _, p := range parts {
		if !strings.Contains(r.Body, p) {
			t.Errorf("body lacks %q:\n%.800s", p, r.Body)
		}
	}
}

const article = "Trade talks\n\nIn 2024, the US and Russia traded goods worth about $5.2bn, 25.8 percent less than in 2023.\n\nTomahawk missiles fly at supersonic speed.\n"

// anArticle stores an article for the test and returns it.
func (d *desk) anArticle(title, body string) *models.Article {
	d.t.Helper()
	a, err := d.store.CreateArticle(d.t.Context(), models.ArticleInput{Title: title, Body: body, Force: true})
	if err != nil {
		d.t.Fatal(err)
	}
	return a
}
