package handlers_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/handlers"
)

// newsSite serves a realistic article page with furniture around it.
func newsSite(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/news/tomahawks", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>Will the US supply Tomahawks? | World News</title>
<meta property="og:site_name" content="World News"><meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2025-10-17T08:00:00Z">
<link rel="canonical" href="https://news.example.com/news/tomahawks"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> Subscribe now</nav>
<div id="cookie-consent" class="cookie-banner" role="dialog">We use cookies. Accept all</div>
<article><h1>Will the US supply Tomahawks?</h1>
<p>In 2024, the US and Russia traded goods and services worth about $5.2bn – 25.8 percent less than in 2023, according to data from the office of the US Trade Representative.</p>
<p>They fly at supersonic speed at low altitudes – about 30 metres (100ft) off the ground – and have a range of more than 1,250-2,500km (780-1,550 miles).</p>
<p>So far, the US has launched more than 2,300 Tomahawks from its ships and submarines during operations in Syria and Libya, among others.</p>
<p>Moscow is about 800km (500 miles) from Kyiv, and Ukraine has been lobbying its allies for months.</p>
</article><aside>Recommended stories: Ten things to know</aside>
<script>trackEverything()</script><footer>© World News. Share on Facebook</footer></body></html>`)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(3 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestImportURL(t *testing.T) {
	site := newsSite(t)
	c := newClientWith(t, handlers.Config{AllowPrivateURLs: true})
	r := c.Post("/articles/import", url.Values{"import_url": {site.URL + "/news/tomahawks"}}, false)
	wantStatus(t, r, http.StatusSeeOther)
	page := c.Get(r.Header.Get("Location"))
	wantContains(t, page, "Will the US supply Tomahawks?", "World News", "supersonic speed", "$5.2bn")
	if strings.Contains(page.Body, "trackEverything") || strings.Contains(page.Body, "We use cookies") {
		a, _ := c.store.ArticleByID(t.Context(), 1)
		t.Errorf("page furniture came through the import:\n%s", a.Body)
	}

	// The same page again: a warning with a link, and nothing stored.
	again := c.Post("/articles/import", url.Values{"import_url": {site.URL + "/news/tomahawks"}}, false)
	wantStatus(t, again, http.StatusUnprocessableEntity)
	wantContains(t, again, "already on the desk", "Open the existing article", `name="force" value="true"`, site.URL+"/news/tomahawks")
	// Importing anyway makes a new version that points at the first.
	forced := c.Post("/articles/import", url.Values{"import_url": {site.URL + "/news/tomahawks"}, "force": {"true"}}, false)
	wantStatus(t, forced, http.StatusSeeOther)
	wantContains(t, c.Get(forced.Header.Get("Location")), "New version of an earlier article")
	if list := articleList(t, c.store); len(list) != 2 {
		t.Fatalf("%d articles, want 2", len(list))
	}
}

func TestImportURLRefusals(t *testing.T) {
	site := newsSite(t)
	tests := []struct {
		name string
		cfg  handlers.Config
		url  string
		want string
	}{
		{"private address by default", handlers.Config{}, site.URL + "/news/tomahawks", "private network"},
		{"not http", handlers.Config{AllowPrivateURLs: true}, "ftp://example.org/a.txt", "http and https"},
		{"times out", handlers.Config{AllowPrivateURLs: true, FetchTimeout: 200 * time.Millisecond}, site.URL + "/slow", "took longer"},
		{"not found", handlers.Config{AllowPrivateURLs: true}, site.URL + "/missing", "404"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClientWith(t, tt.cfg)
			r := c.Post("/articles/import", url.Values{"import_url": {tt.url}}, false)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			wantContains(t, r, "Nothing was imported.", tt.want, `value="`+tt.url+`"`)
			if list := articleList(t, c.store); len(list) != 0 {
				t.Fatal("a refused import stored an article")
			}
		})
	}
}

func docx(t *testing.T, paragraphs ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, _ := z.Create("[Content_Types].xml")
	w.Write([]byte(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`))
	w, _ = z.Create("word/document.xml")
	var body strings.Builder
	for _, p := range paragraphs {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + p + `</w:t></w:r></w:p>`)
	}
	w.Write([]byte(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`))
	z.Close()
	return buf.Bytes()
}

func TestUpload(t *testing.T) {
	tests := []struct {
		name     string
		filename string
		data     []byte
		status   int
		want     string
	}{
		{"text", "trade.txt", []byte(tradeArticle), http.StatusSeeOther, ""},
		{"markdown", "trade.md", []byte("# Trade talks\n\nIn 2024, trade was worth **$5.2bn**.\n"), http.StatusSeeOther, ""},
		{"docx", "trade.docx", docx(t, "Trade talks", "In 2024, trade was worth about $5.2bn."), http.StatusSeeOther, ""},
		{"pdf", "report.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), http.StatusUnprocessableEntity, "PDF files are not supported yet"},
		{"empty", "empty.txt", nil, http.StatusUnprocessableEntity, "The file is empty"},
		{"binary", "photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), http.StatusUnprocessableEntity, "does not look like text"},
		{"no file", "", nil, http.StatusUnprocessableEntity, "Choose a file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(t)
			r := c.Upload("/articles/upload", tt.filename, tt.data, nil)
			wantStatus(t, r, tt.status)
			if tt.status != http.StatusSeeOther {
				wantContains(t, r, "Nothing was imported.", tt.want)
				return
			}
			page := c.Get(r.Header.Get("Location"))
			wantContains(t, page, "$5.2bn")
		})
	}
}

// Uploading a file already on the desk turns into the paste form, filled
// in, since a browser cannot pick the file again for the user.
func TestUploadDuplicateKeepsText(t *testing.T) {
	c := newClient(t)
	createArticle(t, c, "Trade", tradeArticle)
	r := c.Upload("/articles/upload", "trade.txt", []byte(tradeArticle), map[string]string{"import_title": "Trade again"})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantContains(t, r, "already on the desk", `id="mode-paste" value="paste" checked`, `value="Trade again"`, "25.8 percent less than in 2023")
}

func TestAPIImport(t *testing.T) {
	site := newsSite(t)
	c := newClientWith(t, handlers.Config{AllowPrivateURLs: true})
	r := c.API(http.MethodPost, "/api/v1/articles", map[string]string{"url": site.URL + "/news/tomahawks"})
	wantStatus(t, r, http.StatusCreated)
	a := decode[apiArticle](t, r)
	if a.Title != "Will the US supply Tomahawks?" || a.URL != "https://news.example.com/news/tomahawks" || !strings.Contains(a.Body, "$5.2bn") {
		t.Errorf("imported = %+v", a)
	}
	dup := c.API(http.MethodPost, "/api/v1/articles", map[string]string{"url": site.URL + "/news/tomahawks"})
	wantStatus(t, dup, http.StatusConflict)
	wantContains(t, dup, `"existing":{`, fmt.Sprintf(`"id":%d`, a.ID))

	up := c.Upload("/api/v1/articles/upload", "notes.md", []byte("# Notes\n\nThe missile has a range of 1,600km.\n"), map[string]string{"title": "Range notes"})
	wantStatus(t, up, http.StatusCreated)
	if got := decode[apiArticle](t, up); got.Title != "Range notes" {
		t.Errorf("uploaded title = %q", got.Title)
	}
	bad := c.Upload("/api/v1/articles/upload", "x.pdf", []byte("%PDF-1.4 ..."), nil)
	wantStatus(t, bad, http.StatusUnprocessableEntity)
	wantContains(t, bad, "PDF files are not supported yet")
}
