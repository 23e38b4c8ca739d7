package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// recordViolations makes every later page of p collect the
// Content-Security-Policy violations the browser reports.
func recordViolations(p *Page) {
	p.t.Helper()
	p.Do("record CSP violations", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `
			window.__csp = [];
			document.addEventListener("securitypolicyviolation", e =>
				window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sample || "")));`})
		return err
	}))
}

// Under the desk's strict policy (no inline script or style, no eval) every
// page works and the browser reports no violation: reviewing a statement,
// the progress bar, the history, the filters and the account page.
func TestPagesWorkUnderCSP(t *testing.T) {
	d, p := newDesk(t)
	recordViolations(p)
	a := d.App.CreateArticle(t, "Trade", "Trade talks\n\nIn 2024, the US and Russia traded goods and services worth about $5.2bn – 25.8 percent less than in 2023, according to data from the office of the US Trade Representative.\n\nIt is really not clear.\n")
	articlePath := fmt.Sprintf("/articles/%d", a.ID)
	p.Open(articlePath)
	Eval[int](p, noReload)
	mark := markOf(p, "$5.2bn")
	openPanel(p, mark)
	chooseVerdict(p, rating.Disputed)
	p.Do("write a note", chromedp.SendKeys(chromedp.ID("note"), "USTR data say otherwise."))
	addSource(p, "https://ustr.gov/countries-regions/europe-middle-east/russia-and-eurasia/russia")
	saveAndWait(p)
	// The progress bar is a <progress> element: its value, not a style.
	p.WaitJS("the progress bar to count the review", `document.querySelector("#progress progress").value === 1`)
	if got := Eval[float64](p, `document.querySelector("#progress progress").position`); got <= 0 || got > 1 {
		t.Errorf("progress position %v", got)
	}
	p.Screenshot("article-wide")
	// The history opens in the panel through htmx.
	p.Do("open the history", chromedp.Click(chromedp.CSS(`#panel details[hx-get$="/history"] > summary`), chromedp.NodeVisible))
	p.WaitJS("the history to load", `document.querySelector("#panel .timeline li") !== null`)

	for _, path := range []string{"/", "/queue", "/statements?q=trade", "/team", "/reports/team", "/account", "/admin/users",
		articlePath + "/activity", articlePath + "/corrected", articlePath + "/print"} {
		p.Open(path)
	}
	// A phone and dark mode, to look at.
	p.Do("phone, dark", chromedp.EmulateViewport(390, 844), chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
		return err
	}))
	p.Open(articlePath)
	p.ViewportScreenshot("article-phone-dark")
	if v := Eval[[]string](p, `window.__csp`); len(v) > 0 {
		t.Fatalf("the browser reported CSP violations:\n%s", strings.Join(v, "\n"))
	}
	// The policy is really enforced: an inline script injected into the
	// page does not run.
	Eval[bool](p, `(() => { const s = document.createElement("script"); s.textContent = "window.__ran = 1"; document.body.appendChild(s); return true })()`)
	if Eval[bool](p, `window.__ran === 1`) {
		t.Error("an inline script ran: the CSP is not enforced")
	}
	p.WaitJS("the blocked script to be reported", `window.__csp.some(v => v.startsWith("script-src"))`)
}

// The sign-in form works with the CSRF token bound to the visit, and a
// token from another browser's visit is refused.
func TestSignInFormBoundToVisit(t *testing.T) {
	d, p := newDesk(t)
	other := d.NewPage("reviewer1", models.Reviewer)
	p.Do("sign out", chromedp.Click(chromedp.CSS(`form[action="/logout"] button`)), chromedp.WaitVisible(chromedp.ID("email")))
	theirs := Eval[string](other, `document.querySelector("input[name=_csrf]").value`)
	p.Do("plant another visit's token and sign in",
		chromedp.SetAttributeValue(chromedp.CSS(`form[action="/login"] input[name=_csrf]`), "value", theirs),
		chromedp.SendKeys(chromedp.ID("email"), p.User.Email),
		chromedp.SendKeys(chromedp.ID("password"), testPassword),
		chromedp.Click(chromedp.CSS(`form[action="/login"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(".error-page")))
	if got := p.Text(".error-message"); !strings.Contains(got, "expired or came from another site") {
		t.Errorf("a planted token: %q", got)
	}
	p.Open("/login")
	p.Do("sign in with this visit's token",
		chromedp.SendKeys(chromedp.ID("email"), p.User.Email),
		chromedp.SendKeys(chromedp.ID("password"), testPassword),
		chromedp.Click(chromedp.CSS(`form[action="/login"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`nav a[href="/queue"]`)))
}
