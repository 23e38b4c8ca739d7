package security

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/factcheckdesk/factcheck/handlers"
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

// browser keeps cookies and the CSRF token of the last page it loaded.
type browser struct {
	d     *desk
	http  *http.Client
	csrf  string
	token string // API token, sent as Bearer under /api/
	user  *models.User
}

func (d *desk) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{d: d, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// signedIn is a browser signed in through the form as a new user with the
// role, holding an API token too.
func (d *desk) signedIn(role models.Role) *browser {
	d.t.Helper()
	b := d.browser()
	b.user = d.user(role)
	b.get("/login")
	if r := b.post("/login", url.Values{"email": {b.user.Email}, "password": {password}}); r.status != http.StatusSeeOther {
		d.t.Fatalf("sign in: %d %.300s", r.status, r.body)
	}
	b.get("/")
	var err error
	if b.token, _, err = d.store.CreateToken(d.t.Context(), b.user.ID, "tests"); err != nil {
		d.t.Fatal(err)
	}
	return b
}

type response struct {
	status int
	header http.Header
	body   string
}

var csrfInput = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

func (b *browser) do(req *http.Request) response {
	b.d.t.Helper()
	if strings.HasPrefix(req.URL.Path, "/api/") && b.token != "" && req.Header.Get("Authorization") == "" {
		req.Header.Set("Authorization", "Bearer "+b.token)
	}
	res, err := b.http.Do(req)
	if err != nil {
		b.d.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if m := csrfInput.FindSubmatch(body); m != nil {
		b.csrf = string(m[1])
	}
	return response{res.StatusCode, res.Header, string(body)}
}

func (b *browser) get(path string) response {
	req, _ := http.NewRequest(http.MethodGet, b.d.url+path, nil)
	return b.do(req)
}

// post sends a form with the browser's CSRF token unless it has one.
func (b *browser) post(path string, form url.Values) response {
	if !form.Has("_csrf") {
		form.Set("_csrf", b.csrf)
	}
	req, _ := http.NewRequest(http.MethodPost, b.d.url+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

// api sends JSON (a string is sent as is).
func (b *browser) api(method, path string, body any) response {
	var r io.Reader
	switch v := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(v)
	default:
		j, _ := json.Marshal(v)
		r = bytes.NewReader(j)
	}
	req, _ := http.NewRequest(method, b.d.url+path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return b.do(req)
}

func want(t *testing.T, r response, status int, parts ...string) {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d; body:\n%.800s", r.status, status, r.body)
	}
	for _, p := range parts {
		if !strings.Contains(r.body, p) {
			t.Errorf("body lacks %q:\n%.800s", p, r.body)
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
