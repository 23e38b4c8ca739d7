package handlers_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
)

// client is a browser stand-in: it keeps cookies and the CSRF token the
// pages hand out, against the real router over a real SQLite file. Each
// client is one person; token is their API token.
type client struct {
	t     testing.TB
	base  string
	http  *http.Client
	store *models.Store
	csrf  string
	token string
	user  *models.User
}

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
	jar, _ := cookiejar.New(nil)
	return &client{t: t, base: base, store: store, http: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

const testPassword = "correct horse battery"

var userSeq atomic.Int64

// as returns a new browser on the same desk, signed in as a new user with
// the role.
func (c *client) as(role models.Role) *client {
	c.t.Helper()
	o := newBrowser(c.t, c.base, c.store)
	o.signIn(role)
	return o
}

// signIn creates a user with the role and signs in through the login form;
// it also gives the client an API token.
func (c *client) signIn(role models.Role) {
	c.t.Helper()
	n := userSeq.Add(1)
	u, err := c.store.CreateUser(c.t.Context(), models.UserInput{
		Email: fmt.Sprintf("%s%d@example.org", role, n), Name: fmt.Sprintf("%s %d", role.Label(), n), Role: role, Password: testPassword,
	})
	if err != nil {
		c.t.Fatal(err)
	}
	c.get("/login")
	r := c.post("/login", url.Values{"email": {u.Email}, "password": {testPassword}}, false)
	if r.status != http.StatusSeeOther {
		c.t.Fatalf("sign in as %s: %d\n%.500s", role, r.status, r.body)
	}
	c.get("/") // a fresh CSRF token for the signed-in pages
	c.user = u
	if c.token, _, err = c.store.CreateToken(c.t.Context(), u.ID, "tests"); err != nil {
		c.t.Fatal(err)
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
			if r.status != want[role] {
				t.Fatalf("status %d, want %d; body:\n%.400s", r.status, want[role], r.body)
			}
			if role == "anon" && r.status == http.StatusSeeOther && !strings.HasPrefix(r.header.Get("Location"), "/login?next=") {
				t.Errorf("anonymous redirect to %q, want /login?next=…", r.header.Get("Location"))
			}
		})
	}
}

// response is what a request returned.
type response struct {
	status int
	header http.Header
	body   string
}

var csrfInput = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

func (c *client) do(req *http.Request) response {
	c.t.Helper()
	if strings.HasPrefix(req.URL.Path, "/api/") && c.token != "" && req.Header.Get("Authorization") == "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	res, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if m := csrfInput.FindSubmatch(b); m != nil {
		c.csrf = string(m[1])
	}
	return response{res.StatusCode, res.Header, string(b)}
}

func (c *client) get(path string) response {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.base+path, nil)
	return c.do(req)
}

// post sends a form with the CSRF token, as a page would. htmx marks the
// request as htmx's.
func (c *client) post(path string, form url.Values, htmx bool) response {
	c.t.Helper()
	if form.Get("_csrf") == "" {
		form.Set("_csrf", c.csrf)
	}
	return c.postRaw(path, form, htmx)
}

// upload posts a multipart form with one file, as the upload form does.
func (c *client) upload(path, filename string, data []byte, fields map[string]string) response {
	c.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if fields == nil {
		fields = map[string]string{}
	}
	if _, ok := fields["_csrf"]; !ok && !strings.HasPrefix(path, "/api/") {
		fields["_csrf"] = c.csrf
	}
	for k, v := range fields {
		w.WriteField(k, v)
	}
	if filename != "" {
		fw, _ := w.CreateFormFile("file", filename)
		fw.Write(data)
	}
	w.Close()
	req, _ := http.NewRequest(http.MethodPost, c.base+path, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return c.do(req)
}

func (c *client) postRaw(path string, form url.Values, htmx bool) response {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if htmx {
		req.Header.Set("HX-Request", "true")
	}
	return c.do(req)
}

// api sends a JSON request; body may be a string of raw JSON or a value.
func (c *client) api(method, path string, body any) response {
	c.t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(b)
	case []byte:
		r = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			c.t.Fatal(err)
		}
		r = bytes.NewReader(j)
	}
	req, _ := http.NewRequest(method, c.base+path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return c.do(req)
}

func decode[T any](t *testing.T, r response) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(r.body), &v); err != nil {
		t.Fatalf("decoding %q: %v", r.body, err)
	}
	return v
}

func wantStatus(t testing.TB, r response, code int) {
	t.Helper()
	if r.status != code {
		t.Fatalf("status = %d, want %d; body:\n%.1500s", r.status, code, r.body)
	}
}

func wantContains(t *testing.T, r response, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(r.body, p) {
			t.Errorf("response does not contain %q; body:\n%.3000s", p, r.body)
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
