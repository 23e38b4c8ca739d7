package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/factcheckdesk/factcheck/models"
)

// Long lists come a page at a time, by key: the home page, the pool, the
// team's articles in progress, search and My queue all lead on to the next page; the
// search's article filter is a type-ahead, not a list of every article.
func TestPagingAndTypeahead(t *testing.T) {
	d, p := newDesk(t)
	// 60 articles, each a checkable claim, so every list runs over a page.
	var claims []uint
	for i := range 60 {
		body := fmt.Sprintf("The harbour bridge number %d cost $%d million in 2024, the council said.", i+1, 10+i)
		a := d.App.CreateArticle(t, fmt.Sprintf("Bridge report %02d", i+1), body)
		claims = append(claims, a.Statements[0].ID)
	}

	// Home: 50 newest, then the older ones.
	p.Open("/")
	p.WaitJS("the article list", `document.querySelectorAll("table.articles tbody tr").length === 50`)
	if got := p.Text("table.articles tbody tr td a"); got != "Bridge report 60" {
		t.Errorf("first article on the home page = %q, want the newest", got)
	}
	p.Screenshot("home-first-page")
	follow(p, `#articles-pager a[rel=next]`)
	p.WaitJS("the second page", `document.querySelectorAll("table.articles tbody tr").length === 10`)
	if !strings.Contains(p.Text("table.articles tbody"), "Bridge report 01") {
		t.Error("the oldest article is not on the second page")
	}
	follow(p, `#articles-pager a[rel=first]`)
	p.WaitJS("the first page again", `document.querySelectorAll("table.articles tbody tr").length === 50`)

	// The pool: 50 at a time, oldest article first.
	p.Open("/pool")
	p.WaitJS("the pool", `document.querySelectorAll("#pool li").length === 50`)
	follow(p, `nav.pager a[rel=next]`)
	p.WaitJS("the pool's second page", `document.querySelectorAll("#pool li").length === 10 && location.search.includes("after=")`)
	if !strings.Contains(p.Text("#pool"), "Bridge report 51") {
		t.Errorf("the pool's second page starts elsewhere: %.200s", p.Text("#pool"))
	}

	// The team's articles in progress: 50, then the rest.
	p.Open("/team")
	p.WaitJS("the team's articles", `document.querySelectorAll("#team-articles tbody tr").length === 50`)
	follow(p, `#team-pager a[rel=next]`)
	p.WaitJS("the rest", `document.querySelectorAll("#team-articles tbody tr").length === 10`)
	p.Screenshot("team-second-page")

	// Search: the article filter offers titles as they are typed.
	target := articleByTitle(t, d, "Bridge report 42")
	p.Open("/statements")
	p.Do("type part of a title", chromedp.SendKeys(chromedp.ID("article"), "report 42"))
	p.WaitJS("the type-ahead's offers", `[...document.querySelectorAll("#article-options option")].some(o => o.label === "Bridge report 42")`)
	p.Screenshot("search-typeahead")
	value := Eval[string](p, `[...document.querySelectorAll("#article-options option")].find(o => o.label === "Bridge report 42").value`)
	if value != fmt.Sprint(target.ID) {
		t.Fatalf("the offer's value = %q, want the article's id %d", value, target.ID)
	}
	p.Do("choose it and search",
		chromedp.SetValue(chromedp.ID("article"), value),
		chromedp.Click(chromedp.CSS(`form.search-form button[type=submit]`)))
	p.WaitLoaded("the search for article "+value, `location.search.includes("article=`+value+`") && document.getElementById("article-chosen") !== null`)
	if got := p.Text("#article-chosen"); got != "Bridge report 42" {
		t.Errorf("the chosen article shows as %q", got)
	}
	if got := p.Text("#results tbody"); !strings.Contains(got, "bridge number 42 ") || strings.Contains(got, "number 41 ") {
		t.Errorf("results for article 42: %.300s", got)
	}
	// Everything: a page of 50, and the rest.
	p.Open("/statements?q=bridge")
	p.WaitJS("a page of results", `document.querySelectorAll("#results tbody tr").length === 50`)
	follow(p, `nav.pager a[rel=next]`)
	p.WaitJS("the next page", `document.querySelectorAll("#results tbody tr").length === 10 && location.search.includes("after=")`)

	// My queue: a reviewer given all 60 sees 50, in the order assigned,
	// then the rest; the navigation counts all of them on both pages.
	rev := d.NewPage("queue-reviewer", models.Reviewer)
	if _, err := d.App.Store.Assign(context.Background(), models.AssignInput{StatementIDs: claims, AssigneeID: rev.User.ID, ByUserID: p.User.ID}); err != nil {
		t.Fatal(err)
	}
	rev.Open("/queue")
	rev.WaitJS("the queue's first page", `document.querySelectorAll("#queue li").length === 50`)
	if got, first := rev.Text("#queue-count"), rev.Text("#queue li .work-meta"); got != "60" || !strings.HasPrefix(first, "Bridge report 01") {
		t.Errorf("queue count %q, first item %q; want 60 and Bridge report 01", got, first)
	}
	rev.Screenshot("queue-first-page")
	follow(rev, `nav.pager a[rel=next]`)
	rev.WaitJS("the queue's second page", `document.querySelectorAll("#queue li").length === 10`)
	if got, first := rev.Text("#queue-count"), rev.Text("#queue li .work-meta"); got != "60" || !strings.HasPrefix(first, "Bridge report 51") {
		t.Errorf("second page: queue count %q, first item %q; want 60 and Bridge report 51", got, first)
	}
	if n := Eval[int](rev, `document.querySelectorAll("nav.pager a[rel=next]").length`); n != 0 {
		t.Error("the queue's last page links to a next one")
	}
	rev.Screenshot("queue-second-page")
	if v := rev.Axe(); len(v) > 0 {
		t.Errorf("the queue's second page has accessibility problems:\n%s", strings.Join(v, "\n"))
	}
	rev.SetScreen(phone)
	rev.SetDark(true)
	rev.Screenshot("queue-second-page-phone-dark")
	rev.SetScreen(wide)
	rev.SetDark(false)
	follow(rev, `nav.pager a[rel=first]`)
	rev.WaitJS("the queue's first page again", `document.querySelectorAll("#queue li").length === 50`)
}

// follow clicks the link sel and waits until the browser is at its page.
func follow(p *Page, sel string) {
	p.t.Helper()
	href := Eval[string](p, `document.querySelector(`+"`"+sel+"`"+`).getAttribute("href")`)
	// The pager sits at the foot of a page taller than the window: it is
	// scrolled into view, then activated as a click would.
	p.Do("scroll to "+sel, chromedp.ScrollIntoView(chromedp.CSS(sel)))
	Eval[any](p, `document.querySelector(`+"`"+sel+"`"+`).click()`)
	waitPath(p, href)
}

// waitPath waits until the browser shows the page at path (and query).
func waitPath(p *Page, path string) {
	p.t.Helper()
	p.WaitLoaded("the page at "+path, `location.pathname + location.search === `+"`"+path+"`")
}

// articleByTitle finds a stored article by its title.
func articleByTitle(t *testing.T, d *Desk, title string) models.ArticleSummary {
	t.Helper()
	list, err := d.App.Store.SuggestArticles(context.Background(), title, 5)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.Title == title {
			return a
		}
	}
	t.Fatalf("no article %q", title)
	return models.ArticleSummary{}
}
