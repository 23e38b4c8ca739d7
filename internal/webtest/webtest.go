// Package webtest stands in for a person's browser in HTTP tests of the
// desk: it keeps the cookies and the CSRF token the pages hand out, sends
// forms and uploads as the pages do, and the person's API token under
// /api/. The handlers' tests and the security tests share it.
package webtest

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// Response is what a request returned.
type Response struct {
	Status int
	Header http.Header
	Body   string
}

// Browser is one person's browser on the desk at Base.
type Browser struct {
	T     testing.TB
	Base  string
	HTTP  *http.Client
	CSRF  string // the token of the last page that carried one
	Token string // an API token, sent as Bearer under /api/
}

// New is a browser with no cookies that does not follow redirects (tests
// look at them).
func New(t testing.TB, base string) *Browser {
	jar, _ := cookiejar.New(nil)
	return &Browser{T: t, Base: base, HTTP: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
}

var csrfInput = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// Do sends req, with the API token under /api/ unless it has its own
// Authorization, and keeps the CSRF token of the page that comes back.
func (b *Browser) Do(req *http.Request) Response {
	b.T.Helper()
	if strings.HasPrefix(req.URL.Path, "/api/") && b.Token != "" && req.Header.Get("Authorization") == "" {
		req.Header.Set("Authorization", "Bearer "+b.Token)
	}
	res, err := b.HTTP.Do(req)
	if err != nil {
		b.T.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		b.T.Fatalf("%s %s: reading the answer: %v", req.Method, req.URL, err)
	}
	if m := csrfInput.FindSubmatch(body); m != nil {
		b.CSRF = string(m[1])
	}
	return Response{res.StatusCode, res.Header, string(body)}
}

// Get loads a page.
func (b *Browser) Get(path string) Response {
	b.T.Helper()
	return b.Do(b.request(http.MethodGet, path, nil))
}

// Post sends a form with the CSRF token, as a page would, unless the form
// has a _csrf of its own (even an empty one). htmx marks the request as
// htmx's.
func (b *Browser) Post(path string, form url.Values, htmx bool) Response {
	b.T.Helper()
	if !form.Has("_csrf") {
		form.Set("_csrf", b.CSRF)
	}
	return b.PostRaw(path, form, htmx)
}

// PostRaw sends a form as it is.
func (b *Browser) PostRaw(path string, form url.Values, htmx bool) Response {
	b.T.Helper()
	req := b.request(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if htmx {
		req.Header.Set("HX-Request", "true")
	}
	return b.Do(req)
}

// Upload posts a multipart form with one file (none when filename is
// empty), as the upload form does; pages' forms get the CSRF token.
func (b *Browser) Upload(path, filename string, data []byte, fields map[string]string) Response {
	b.T.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if fields == nil {
		fields = map[string]string{}
	}
	if _, ok := fields["_csrf"]; !ok && !strings.HasPrefix(path, "/api/") {
		fields["_csrf"] = b.CSRF
	}
	for k, v := range fields {
		w.WriteField(k, v)
	}
	if filename != "" {
		fw, _ := w.CreateFormFile("file", filename)
		fw.Write(data)
	}
	w.Close()
	req := b.request(http.MethodPost, path, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return b.Do(req)
}

// API sends a JSON request; body may be raw JSON (a string or bytes) or a
// value to encode, or nil for none.
func (b *Browser) API(method, path string, body any) Response {
	b.T.Helper()
	var r io.Reader
	switch v := body.(type) {
	case nil:
	case string:
		r = strings.NewReader(v)
	case []byte:
		r = bytes.NewReader(v)
	default:
		j, err := json.Marshal(v)
		if err != nil {
			b.T.Fatal(err)
		}
		r = bytes.NewReader(j)
	}
	req := b.request(method, path, r)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return b.Do(req)
}

func (b *Browser) request(method, path string, body io.Reader) *http.Request {
	b.T.Helper()
	req, err := http.NewRequest(method, b.Base+path, body)
	if err != nil {
		b.T.Fatalf("%s %s: %v", method, path, err)
	}
	return req
}
