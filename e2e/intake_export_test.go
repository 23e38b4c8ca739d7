package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/factcheckdesk/factcheck/rating"
)

// newsPage is a realistic article page: navigation, a cookie banner,
// scripts, share buttons and a comment section around the article.
const newsPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Will the US supply Tomahawk missiles to Ukraine? | World News</title>
<meta property="og:site_name" content="World News"><meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2025-10-17T08:00:00Z">
<link rel="canonical" href="https://news.example.com/2025/10/17/tomahawks">
<script>window.analytics = {track: function(){}};</script></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav></header>
<div id="cookie-consent" class="cookie-banner" role="dialog">We use cookies. <button>Accept all</button></div>
<main><article><h1>Will the US supply Tomahawk missiles to Ukraine?</h1>
<p class="byline">By Jane Reporter</p>
<p>In 2024, the US and Russia traded goods and services worth about $5.2bn – 25.8 percent less than in 2023, according to data from the office of the US Trade Representative.</p>
<p>They fly at supersonic speed at low altitudes – about 30 metres (100ft) off the ground – and have a range of more than 1,250-2,500km (780-1,550 miles).</p>
<p>So far, the US has launched more than 2,300 Tomahawks from its ships and submarines during operations in Syria and Libya, among others.</p>
<p>Moscow is about 800km (500 miles) from Kyiv, and Ukraine has been lobbying its European and NATO allies for months.</p>
</article>
<aside class="share">Share on Facebook · Share on X</aside>
<section id="comments"><h2>Comments</h2><p>Great article!!! Click here to win.</p></section></main>
<footer>© World News 2025</footer><script>analytics.track("view")</script></body></html>`

// From a URL to every report: an editor imports a page from a (local)
// news site, reviews two statements, and downloads each export format.
func TestImportReviewExport(t *testing.T) {
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, newsPage)
	}))
	defer site.Close()

	d, p := newDesk(t)
	p.Open("/")
	p.Do("import the page by URL",
		chromedp.Click(chromedp.ID("mode-url")),
		chromedp.SendKeys(chromedp.ID("import_url"), site.URL+"/2025/10/17/tomahawks"),
		chromedp.Click(chromedp.CSS(`form.mode-url button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#article-text mark.stmt")))
	if h1 := p.Text("h1"); h1 != "Will the US supply Tomahawk missiles to Ukraine?" {
		t.Errorf("title %q", h1)
	}
	text := p.Text("#article-text")
	for _, junk := range []string{"We use cookies", "Subscribe", "Share on Facebook", "Click here to win", "analytics"} {
		if strings.Contains(text, junk) {
			t.Errorf("page furniture %q was imported", junk)
		}
	}
	Eval[int](p, noReload)
	reviewHighlight(p, "$5.2bn", rating.Verified, "")
	reviewHighlight(p, "supersonic speed", rating.Corrected, correctionText)
	articleID := strings.TrimPrefix(strings.Split(p.Path(), "?")[0], "/articles/")

	formats := []struct {
		link, ext, want string
	}{
		{"/report.md", ".md", correctionText},
		{"/export?format=csv&bom=1", ".csv", "\uFEFF"},
		{"/export?format=json", ".json", `"schema_version": 1`},
		{"/export?format=claimreview", ".jsonld", `"ClaimReview"`},
	}
	for _, f := range formats {
		Eval[bool](p, `(document.querySelector(".export-menu").open = true)`)
		name, data := p.Download("the "+f.ext+" report", chromedp.Click(chromedp.CSS(fmt.Sprintf(`.export-menu a[href="/articles/%s%s"]`, articleID, f.link))))
		if !strings.HasSuffix(name, f.ext) || !strings.HasPrefix(name, "will-the-us-supply-tomahawk-missiles-to-ukraine-") {
			t.Errorf("downloaded file name %q", name)
		}
		if !strings.Contains(string(data), f.want) {
			t.Errorf("%s lacks %q:\n%.400s", name, f.want, data)
		}
		if strings.HasSuffix(name, "json") || strings.HasSuffix(name, "jsonld") {
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Errorf("%s is not JSON: %v", name, err)
			}
		}
	}

	// The corrected article shows the change and the notice to paste.
	p.Open("/articles/" + articleID + "/corrected")
	if del := p.Text(".diff del"); !strings.Contains(del, "supersonic") {
		t.Errorf("diff deletion = %q", del)
	}
	if ins := p.Text(".diff ins"); ins != correctionText {
		t.Errorf("diff insertion = %q", ins)
	}
	if n := p.Text(".notice"); !strings.Contains(n, "An earlier version of this article said") {
		t.Errorf("notice = %q", n)
	}

	// The printable report prints to PDF; the pages are saved to look at.
	p.Open("/articles/" + articleID + "/print")
	pdf := Run(p, "print the report to PDF", chromedp.Action[[]byte](func(ctx context.Context, _ *chromedp.Target) ([]byte, error) {
		res, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true)})
		return res.Data, err
	}))
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || bytes.Count(pdf, []byte("/Type /Page")) < 1 {
		t.Fatalf("not a PDF with pages: %.40q", pdf)
	}
	out := filepath.Join(screenshotDir(), shotPrefix(t)+"-report.pdf")
	os.MkdirAll(filepath.Dir(out), 0o755)
	if err := os.WriteFile(out, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	_ = d
}
