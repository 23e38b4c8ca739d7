package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/factcheckdesk/factcheck/demo"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// The walk-through of the review page (issue 13): each finding is a test,
// at 1400×900 and 390×844, as a reviewer and as an editor.

// demoArticle stores the example article, long enough to scroll, as a
// new version each time so every page of a test has its own.
func demoArticle(t *testing.T, d *Desk) *models.Article {
	t.Helper()
	in := demo.Article()
	in.Force = true
	a, err := d.App.Store.CreateArticle(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// freshArticle stores an article even if the same text is on the desk.
func freshArticle(t *testing.T, d *Desk, title, body string) *models.Article {
	t.Helper()
	a, err := d.App.Store.CreateArticle(context.Background(), models.ArticleInput{Title: title, Body: body, Force: true})
	if err != nil {
		t.Fatalf("create article %q: %v", title, err)
	}
	return a
}

// clickStatement clicks a highlight and waits for its panel.
func clickStatement(p *Page, id uint) {
	p.t.Helper()
	p.Do(fmt.Sprintf("click statement %d", id), chromedp.ScrollIntoView(chromedp.ID(fmt.Sprintf("s-%d", id))), chromedp.Click(chromedp.ID(fmt.Sprintf("s-%d", id))))
	panelOf(p, id)
}

// checkable returns the article's checkable statements, in order.
func checkable(a *models.Article) []models.Statement {
	var out []models.Statement
	for _, s := range a.Statements {
		if s.NeedsReview(rating.Builtin()) {
			out = append(out, s)
		}
	}
	return out
}

// panelOf waits for the review panel of statement id.
func panelOf(p *Page, id uint) {
	p.t.Helper()
	p.WaitJS(fmt.Sprintf("the panel of statement %d", id), fmt.Sprintf(`!!document.querySelector('#panel .review-panel[data-statement="%d"]') && !document.getElementById("panel").hasAttribute("aria-busy")`, id))
}

// inView reports whether the element is wholly inside both the window and
// the pane that scrolls it.
const inViewJS = `(sel) => {
	const el = document.querySelector(sel);
	if (!el) return false;
	const r = el.getBoundingClientRect();
	if (r.height === 0 || r.top < 0 || r.bottom > innerHeight + 1) return false;
	for (let a = el.parentElement; a; a = a.parentElement) {
		const s = getComputedStyle(a);
		if (/(auto|scroll)/.test(s.overflowY)) {
			const b = a.getBoundingClientRect();
			if (r.top < b.top - 1 || r.bottom > b.bottom + 1) return false;
		}
	}
	return true;
}`

func inView(p *Page, sel string) bool {
	p.t.Helper()
	return Eval[bool](p, fmt.Sprintf(`(%s)(%q)`, inViewJS, sel))
}

func blur(p *Page) {
	p.t.Helper()
	Eval[bool](p, `(document.activeElement && document.activeElement.blur(), true)`)
}

// 1. The list, the text and the panel fill the window and scroll on their
// own; the list shows many statements, not two.
func TestWalkthroughLayout(t *testing.T) {
	onScreens(t, func(t *testing.T, d *Desk, s screen, p *Page) {
		a := demoArticle(t, d)
		first := checkable(a)[0]
		p.Open(fmt.Sprintf("/articles/%d", a.ID))
		clickStatement(p, first.ID)
		listH := Eval[float64](p, `document.getElementById("statement-list").getBoundingClientRect().height`)
		listTop := Eval[float64](p, `document.getElementById("statement-list").getBoundingClientRect().top`)
		visible := Eval[int](p, fmt.Sprintf(`[...document.querySelectorAll("#statement-list > li")].filter(li => (%s)("#" + li.id)).length`, inViewJS))
		t.Logf("%s, %s: list %.0f px tall at y=%.0f, %d items wholly visible", s.name, p.Name, listH, listTop, visible)
		if s == wide {
			if listH < 600 || visible < 7 || listTop > 300 {
				t.Errorf("%s: the list is %.0f px tall at y=%.0f with %d items visible; want it to fill the window (≥600 px, ≥7 items)", p.Name, listH, listTop, visible)
			}
			for _, pane := range []string{"article-text", "statement-list", "panel-pane"} {
				if !Eval[bool](p, fmt.Sprintf(`(() => { const e = document.getElementById(%q), r = e.getBoundingClientRect(); return /(auto|scroll)/.test(getComputedStyle(e).overflowY) && r.top >= 0 && r.bottom <= innerHeight + 1; })()`, pane)) {
					t.Errorf("%s: #%s does not scroll on its own within the window", p.Name, pane)
				}
			}
			if Eval[bool](p, `document.scrollingElement.scrollHeight > innerHeight + 1`) {
				t.Errorf("%s: the page itself scrolls; the panes should", p.Name)
			}
		} else {
			// On a phone the panel covers the page; closing it shows the
			// text and the list, which keeps a screenful of items.
			if !inView(p, "#panel-heading") {
				t.Errorf("%s: the review panel is not in view after tapping a statement", p.Name)
			}
			p.Do("close the panel", chromedp.Click(chromedp.CSS(`#panel .sheet-close`)))
			p.WaitJS("the panel to close", `document.getElementById("panel-pane").classList.contains("closed")`)
			if listH := Eval[float64](p, `document.getElementById("statement-list").getBoundingClientRect().height`); listH < 250 {
				t.Errorf("%s: the list is %.0f px tall on a phone", p.Name, listH)
			}
		}
		p.Screenshot(s.name + "-layout")
	})
}

// 2. Unsaved input is kept per statement, across moving on and reloads;
// leaving the page warns; saving clears the draft.
func TestWalkthroughDrafts(t *testing.T) {
	onScreens(t, func(t *testing.T, d *Desk, s screen, p *Page) {
		a := freshArticle(t, d, articleTitle+" "+p.Name, articleBody)
		stmts := checkable(a)
		one, two := stmts[1], stmts[2]
		path := fmt.Sprintf("/articles/%d", a.ID)
		p.Open(path)
		dialogs := p.AcceptDialogs()
		clickStatement(p, one.ID)
		chooseVerdict(p, rating.Disputed)
		const note = "Half-written: the USTR table says otherwise."
		p.Do("type a note", chromedp.SendKeys(chromedp.ID("note"), note))

		// Away and back.
		p.Open(fmt.Sprintf("%s?s=%d", path, two.ID))
		if got := dialogs.Seen(); !slices.Contains(got, "beforeunload") {
			t.Errorf("%s: leaving with unsaved input gave no warning (dialogs %v)", p.Name, got)
		}
		panelOf(p, two.ID)
		if s == phone {
			p.Do("close the panel", chromedp.Click(chromedp.CSS(`#panel .sheet-close`)))
		}
		p.Do("go back to the first statement", chromedp.Click(chromedp.ID(fmt.Sprintf("li-%d", one.ID))))
		panelOf(p, one.ID)
		p.WaitJS("the draft to come back", `document.querySelector('#panel input[name=verdict][value=disputed]').checked`)
		if got := p.Value("#note"); got != note {
			t.Errorf("%s: note after coming back = %q, want the draft %q", p.Name, got, note)
		}
		if !Eval[bool](p, `!document.querySelector("#panel .draft-notice").hidden`) {
			t.Errorf("%s: the panel does not say a draft came back", p.Name)
		}

		// d then j, and back with k: the verdict is kept.
		blur(p)
		press(p, "u")
		press(p, "d")
		press(p, "j")
		panelOf(p, two.ID)
		blur(p)
		press(p, "k")
		panelOf(p, one.ID)
		p.WaitJS("d to be kept", `document.querySelector('#panel input[name=verdict][value=disputed]').checked`)

		// Saving clears the draft: coming back shows what is stored.
		addSource(p, sourceURL)
		saveAndWait(p)
		if n := Eval[int](p, `Object.keys(localStorage).filter(k => k.startsWith("fcdesk:draft:")).length`); n != 0 {
			t.Errorf("%s: %d drafts left after saving", p.Name, n)
		}
		before := len(dialogs.Seen())
		p.Open("/")
		if got := dialogs.Seen(); len(got) != before {
			t.Errorf("%s: leaving after saving warned: %v", p.Name, got)
		}
		st, _ := d.App.Store.StatementByID(context.Background(), one.ID)
		if st.Verdict != rating.Disputed || st.Note != note {
			t.Errorf("%s: stored %s %q", p.Name, st.Verdict, st.Note)
		}
	})
}

// 3. One keyboard model: quick presses are not lost, verdict keys work
// after a mouse click, Ctrl+Enter saves from the page, arrows scroll the
// page unless the list has focus.
func TestWalkthroughKeyboard(t *testing.T) {
	onScreens(t, func(t *testing.T, d *Desk, s screen, p *Page) {
		a := demoArticle(t, d)
		list := a.Statements
		p.Open(fmt.Sprintf("/articles/%d", a.ID))
		blur(p)
		// ArrowDown with the focus on the page scrolls; it opens nothing.
		// A key that moves selects at once, in its own handler (the panel
		// follows), so there is nothing to wait for: no item is selected
		// and the address names no statement. (Had it moved, the five j
		// below would land on the sixth statement, not the fifth.)
		press(p, kb.ArrowDown)
		if Eval[bool](p, `!!document.querySelector("#statement-list > li.selected, #panel .review-panel[data-statement]") || /[?&]s=/.test(location.search)`) {
			t.Errorf("%s: ArrowDown on the page opened a statement", p.Name)
		}
		// Five quick j: the fifth statement, not the third.
		p.Do("press j five times", chromedp.KeyEvent("jjjjj"))
		panelOf(p, list[4].ID)
		if got := Eval[string](p, `document.querySelector("#statement-list > li.selected").id`); got != fmt.Sprintf("li-%d", list[4].ID) {
			t.Errorf("%s: after five j the list marks %s", p.Name, got)
		}
		// A verdict chosen with the mouse, then j: it moves.
		p.Do("click In progress", chromedp.Click(chromedp.CSS(`#panel input[name=verdict][value=in_progress]`)))
		press(p, "j")
		panelOf(p, list[5].ID)
		// Back, i, then Ctrl+Enter with the focus on the page: saved.
		press(p, "k")
		panelOf(p, list[4].ID)
		p.WaitJS("the in-progress draft", `document.querySelector('#panel input[name=verdict][value=in_progress]').checked`)
		blur(p)
		press(p, "x")
		press(p, "i")
		p.Do("Ctrl+Enter on the page", chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
		p.WaitJS("Saved.", `!!document.querySelector("#panel .alert.ok")`)
		if st, _ := d.App.Store.StatementByID(context.Background(), list[4].ID); st.Verdict != rating.InProgress {
			t.Errorf("%s: Ctrl+Enter saved %s, want in progress", p.Name, st.Verdict)
		}
		// / focuses the filter; ? lists every key.
		blur(p)
		press(p, "/")
		p.WaitJS("the filter to have focus", `document.activeElement.id === "filter-verdict"`)
		p.Do("leave the filter", chromedp.KeyEvent(kb.Escape))
		blur(p)
		press(p, "?")
		p.WaitJS("the help", `document.getElementById("shortcuts").open`)
		help := p.Text("#shortcuts")
		for _, want := range []string{"in progress", "not checkable", "filter the statements", "save, from anywhere"} {
			if !strings.Contains(help, want) {
				t.Errorf("%s: the help does not mention %q", p.Name, want)
			}
		}
		p.Do("close the help", chromedp.KeyEvent(kb.Escape))
		// In the list, the arrows move the selection.
		if s == wide {
			p.Do("focus the list", chromedp.Focus(chromedp.CSS(fmt.Sprintf("#li-%d a", list[1].ID))))
			press(p, kb.ArrowDown)
			panelOf(p, list[5].ID)
		}
	})
}

// 4. Filters work for every role, editors' ticking list included.
func TestWalkthroughFilters(t *testing.T) {
	onScreens(t, func(t *testing.T, d *Desk, s screen, p *Page) {
		a := demoArticle(t, d)
		p.Open(fmt.Sprintf("/articles/%d", a.ID))
		total := len(a.Statements)
		visible := func() int {
			return Eval[int](p, `[...document.querySelectorAll("#statement-list > li")].filter(li => li.offsetParent !== null).length`)
		}
		if got := visible(); got != total {
			t.Fatalf("%s: %d of %d statements listed before filtering", p.Name, got, total)
		}
		p.Do("show verified only", chromedp.SetValue(chromedp.ID("filter-verdict"), "verified"))
		Eval[bool](p, `document.getElementById("filter-verdict").dispatchEvent(new Event("change", {bubbles: true}))`)
		if got := visible(); got != 0 {
			t.Errorf("%s: %d statements shown with the Verified filter and none verified", p.Name, got)
		}
		if !Eval[bool](p, `document.getElementById("filter-empty").checkVisibility()`) {
			t.Errorf("%s: no message that nothing matches", p.Name)
		}
		p.Do("all verdicts again, checkable only", chromedp.SetValue(chromedp.ID("filter-verdict"), ""),
			chromedp.Click(chromedp.ID("filter-checkable")))
		if got, want := visible(), len(checkable(a)); got != want {
			t.Errorf("%s: %d shown with To review only, want %d", p.Name, got, want)
		}
		if got := p.Text("#filter-count"); got != fmt.Sprintf("%d of %d shown", len(checkable(a)), total) {
			t.Errorf("%s: filter count says %q", p.Name, got)
		}
	})
}

// 5. A link to a statement brings it into view in the text and the list,
// with its panel open; clicking the last item scrolls the text to it.
func TestWalkthroughDeepLink(t *testing.T) {
	onScreens(t, func(t *testing.T, d *Desk, s screen, p *Page) {
		a := demoArticle(t, d)
		stmts := checkable(a)
		last := stmts[len(stmts)-1]
		p.Open(fmt.Sprintf("/articles/%d?s=%d", a.ID, last.ID))
		panelOf(p, last.ID)
		if !inView(p, "#panel-heading") {
			t.Errorf("%s: the linked statement's panel is not in view", p.Name)
		}
		if s == phone {
			p.Do("close the panel", chromedp.Click(chromedp.CSS(`#panel .sheet-close`)))
		}
		p.WaitJS("the highlight in view", fmt.Sprintf(`(%s)("#s-%d")`, inViewJS, last.ID))
		if s == wide && !inView(p, fmt.Sprintf("#li-%d", last.ID)) {
			t.Errorf("%s: the linked statement's list item is not in view", p.Name)
		}
		// From the top, a click on the last item scrolls the text to it.
		p.Open(fmt.Sprintf("/articles/%d", a.ID))
		p.Do("click the last list item", chromedp.ScrollIntoView(chromedp.ID(fmt.Sprintf("li-%d", last.ID))), chromedp.Click(chromedp.CSS(fmt.Sprintf("#li-%d a", last.ID))))
		panelOf(p, last.ID)
		if s == phone {
			p.Do("close the panel", chromedp.Click(chromedp.CSS(`#panel .sheet-close`)))
		}
		p.WaitJS("the text to scroll to the statement", fmt.Sprintf(`(%s)("#s-%d")`, inViewJS, last.ID))
	})
}

// 6. At 390 px no page scrolls sideways, the nav is a menu that reaches
// every page, and a tapped statement opens its panel where it can be seen.
func TestWalkthroughPhone(t *testing.T) {
	d, editor := newDesk(t)
	admin := d.NewPage("ada", models.Admin)
	reviewer := d.NewPage("rita", models.Reviewer)
	a := demoArticle(t, d)
	if _, err := d.App.Store.Assign(context.Background(), models.AssignInput{ArticleID: a.ID, AssigneeID: reviewer.User.ID, ByUserID: editor.User.ID}); err != nil {
		t.Fatal(err)
	}
	pages := []string{"/", fmt.Sprintf("/articles/%d", a.ID), fmt.Sprintf("/articles/%d/activity", a.ID), "/queue", "/pool", "/statements",
		"/notifications", "/reports/team?from=2000-01-01", "/account", fmt.Sprintf("/articles/%d/corrected", a.ID)}
	for _, c := range []struct {
		p     *Page
		extra []string
	}{{reviewer, nil}, {editor, []string{"/team"}}, {admin, []string{"/admin/users", "/admin/deleted"}}} {
		p := c.p
		p.SetScreen(phone)
		for _, path := range append(pages, c.extra...) {
			p.Open(path)
			if w := Eval[int](p, `document.documentElement.scrollWidth`); w > 390 {
				t.Errorf("%s %s is %d px wide at 390", p.Name, path, w)
				p.Screenshot("too-wide")
			}
		}
	}
	p := reviewer
	p.Open("/")
	if Eval[bool](p, `document.querySelector('.topbar nav a[href="/reports/team"]').checkVisibility()`) {
		t.Errorf("the nav is not collapsed at 390 px")
	}
	p.Do("open the menu", chromedp.Click(chromedp.CSS(".menu-toggle")))
	if !Eval[bool](p, `document.querySelector('.topbar nav a[href="/reports/team"]').checkVisibility()`) {
		t.Errorf("Reports is not reachable from the menu")
	}
	p.Screenshot("menu")
	p.Open(fmt.Sprintf("/articles/%d", a.ID))
	last := checkable(a)[len(checkable(a))-1]
	p.Do("tap the last statement", chromedp.ScrollIntoView(chromedp.ID(fmt.Sprintf("s-%d", last.ID))), chromedp.Click(chromedp.ID(fmt.Sprintf("s-%d", last.ID))))
	panelOf(p, last.ID)
	if y := Eval[float64](p, `document.getElementById("panel-heading").getBoundingClientRect().top`); y < 0 || y > 200 {
		t.Errorf("the panel opened at y=%.0f, want at the top of the screen", y)
	}
	p.Screenshot("sheet")
}

// 7. The score and the claim type are shown in the list and the panel.
func TestWalkthroughScoreAndType(t *testing.T) {
	onScreens(t, func(t *testing.T, d *Desk, s screen, p *Page) {
		a := freshArticle(t, d, articleTitle+" "+p.Name, articleBody)
		st := statementWith(t, a, "US Trade Representative")
		p.Open(fmt.Sprintf("/articles/%d", a.ID))
		pct := fmt.Sprintf("%.0f%%", st.Score*100)
		item := p.TextContent(fmt.Sprintf("#li-%d .item-meta", st.ID))
		if !strings.Contains(item, st.Type) || !strings.Contains(item, pct) {
			t.Errorf("%s: list item says %q; want its type %q and score %s", p.Name, item, st.Type, pct)
		}
		clickStatement(p, st.ID)
		facts := p.TextContent("#panel .facts")
		if !strings.Contains(facts, "Claim type: "+st.Type) || !strings.Contains(facts, "Check-worthiness: "+pct) {
			t.Errorf("%s: panel facts = %q", p.Name, facts)
		}
		if got := p.TextContent("#panel .reasons"); !strings.Contains(got, st.Reasons[0]) {
			t.Errorf("%s: panel reasons = %q, want %q", p.Name, got, st.Reasons)
		}
	})
}

// 8. Reviewers see no creation form; editors delete with a confirmation
// and an admin restores from Deleted.
func TestWalkthroughRolesAndDelete(t *testing.T) {
	for _, s := range screens {
		t.Run(s.name, func(t *testing.T) {
			d, editor := newDesk(t)
			reviewer := d.NewPage("rita", models.Reviewer)
			admin := d.NewPage("ada", models.Admin)
			a := freshArticle(t, d, articleTitle, articleBody)
			for _, p := range []*Page{reviewer, editor, admin} {
				p.SetScreen(s)
			}
			reviewer.Open("/")
			if Eval[bool](reviewer, `!!document.getElementById("new-article")`) {
				t.Error("the reviewer is offered the New article form")
			}
			reviewer.Open(fmt.Sprintf("/articles/%d", a.ID))
			if Eval[bool](reviewer, `!!document.querySelector('form[action$="/delete"]')`) {
				t.Error("the reviewer is offered Delete")
			}

			editor.Open(fmt.Sprintf("/articles/%d", a.ID))
			editor.Do("click Delete article", chromedp.Click(chromedp.CSS(`form[action$="/delete"] button`)))
			editor.WaitJS("the confirmation", `document.getElementById("confirm").open`)
			editor.Screenshot("confirm-delete")
			editor.Do("cancel", chromedp.Click(chromedp.CSS(`#confirm button[value=cancel]`)))
			if editor.Path() != fmt.Sprintf("/articles/%d", a.ID) {
				t.Fatalf("cancelling left the page for %s", editor.Path())
			}
			editor.Do("delete, confirmed",
				chromedp.Click(chromedp.CSS(`form[action$="/delete"] button`)),
				chromedp.WaitVisible(chromedp.ID("confirm-ok")),
				chromedp.Click(chromedp.ID("confirm-ok")),
				chromedp.WaitVisible(chromedp.ID("deleted-notice")))
			if got := editor.Text("#deleted-notice"); !strings.Contains(got, "was deleted") {
				t.Errorf("after deleting the home page says %q", got)
			}
			reviewer.Open(fmt.Sprintf("/articles/%d", a.ID))
			if got := reviewer.Text("h1"); got != "Not Found" {
				t.Errorf("the deleted article shows to the reviewer as %q", got)
			}
			admin.Open("/admin/deleted")
			admin.Do("restore", chromedp.Click(chromedp.CSS(fmt.Sprintf(`#deleted-%d button`, a.ID))), chromedp.WaitVisible(chromedp.ID("article-text")))
			reviewer.Open(fmt.Sprintf("/articles/%d", a.ID))
			if got := reviewer.Text("h1"); got != articleTitle {
				t.Errorf("after restoring the reviewer sees %q", got)
			}
		})
	}
}

// slowStory is a news page long enough for the desk to find its main text.
const slowStory = `<html><head><title>Slow story</title></head><body><article>
<p>In 2024, exports rose by 12 percent to $4bn, the ministry said on Tuesday, the fastest growth in a decade.</p>
<p>Shipments of machinery made up almost half of the rise, according to figures published by the national statistics office.</p>
<p>The minister told parliament that exports to neighbouring countries had doubled since 2020, and that the government expected further growth next year.</p>
<p>Opposition politicians said the figures hid a fall in farm exports, which dropped by 3 percent over the same period.</p>
</article></body></html>`

// 9. Requests that take a while say so: the save button and a URL import
// are busy until the answer comes.
func TestWalkthroughProgress(t *testing.T) {
	// A news site that takes its time: it answers when the test has seen
	// the import button busy, however long that takes.
	answer, done := make(chan struct{}), make(chan struct{})
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-answer:
		case <-done: // the test ended first
		case <-r.Context().Done():
		}
		fmt.Fprint(w, slowStory)
	}))
	defer slow.Close()
	defer close(done)
	onScreens(t, func(t *testing.T, d *Desk, s screen, p *Page) {
		a := freshArticle(t, d, articleTitle+" "+p.Name, articleBody)
		st := statementWith(t, a, "supersonic speed")
		p.Open(fmt.Sprintf("/articles/%d?s=%d", a.ID, st.ID))
		panelOf(p, st.ID)
		busy := Eval[string](p, `(() => { const b = document.querySelector("#panel .panel-actions button[type=submit]"); b.click(); return b.getAttribute("aria-busy") + " " + b.disabled + " " + b.textContent; })()`)
		if busy != "true true Saving…" {
			t.Errorf("%s: the save button while saving: %q, want busy, disabled, Saving…", p.Name, busy)
		}
		p.WaitJS("the answer", `!!document.querySelector("#panel .alert.ok, #panel .alert.error")`)
		if Eval[bool](p, `!!document.querySelector("#panel button[aria-busy=true]")`) {
			t.Errorf("%s: a button is still busy after the answer", p.Name)
		}
		if p.User.Role == models.Editor {
			p.Open("/")
			p.Do("choose From a URL", chromedp.Click(chromedp.ID("mode-url")))
			p.Do("type a URL", chromedp.SendKeys(chromedp.ID("import_url"), slow.URL+"/story"))
			// The import loads a new page: the button is read in the same
			// evaluation that presses it, as a poll begun once the browser
			// is on its way to that page waits for it (and so for the
			// news site, which waits for the test).
			busy := Run(p, "press Import and read the button", chromedp.Evaluate[string](`new Promise(done => {
				const b = document.querySelector("form.mode-url button[type=submit]");
				b.click();
				setTimeout(() => done(b.getAttribute("aria-busy") + " " + b.disabled), 50);
			})`, chromedp.EvalAwaitPromise))
			if busy != "true true" {
				t.Errorf("%s: the import button while importing: %q, want busy and disabled", p.Name, busy)
			}
			select {
			case answer <- struct{}{}:
			case <-time.After(stepTimeout):
				t.Fatalf("%s: the desk never asked the news site for the story", p.Name)
			}
			p.WaitLoaded("the imported story", `location.pathname.startsWith("/articles/") && document.querySelector("h1").textContent === "Slow story"`)
		}
	})
}

// 10. "Checked before" is in view; Reuse says what it copies, asks, and
// can be undone.
func TestWalkthroughReuse(t *testing.T) {
	onScreens(t, func(t *testing.T, d *Desk, s screen, p *Page) {
		ctx := context.Background()
		first := freshArticle(t, d, "October trade "+p.Name, "In 2024, the US and Russia traded goods and services worth about $5.2bn – 25.8 percent less than in 2023.\n\nIt is really not clear.\n")
		if _, err := d.App.Store.Review(ctx, first.Statements[0].ID, models.ReviewInput{Verdict: rating.Verified, Version: 1, Note: "USTR figures",
			Sources: []models.SourceInput{{URL: "https://ustr.gov/russia", Title: "USTR: Russia"}}}); err != nil {
			t.Fatal(err)
		}
		d.App.WaitIndexed(t, first.Statements[0].ID)
		second := freshArticle(t, d, "November follow-up "+p.Name, "US-Russia trade in goods and services was about 5.2 billion dollars in 2024, down 25.8% from 2023.\n\nTomahawk missiles fly at supersonic speed.\n")
		st := second.Statements[0]
		p.Open(fmt.Sprintf("/articles/%d?s=%d", second.ID, st.ID))
		panelOf(p, st.ID)
		p.WaitJS("Checked before", `!!document.querySelector("#panel .matches")`)
		if !inView(p, "#panel .matches h3") {
			t.Errorf("%s: Checked before is not in view", p.Name)
		}
		p.Do("click Reuse", chromedp.Click(chromedp.CSS(`#panel .matches form button`)))
		p.WaitJS("the question", `document.getElementById("confirm").open`)
		if q := p.Text("#confirm-text"); !strings.Contains(q, "Replace this statement's verdict") {
			t.Errorf("%s: Reuse asks %q", p.Name, q)
		}
		p.Do("say yes", chromedp.Click(chromedp.ID("confirm-ok")), chromedp.WaitVisible(chromedp.CSS(`#panel form.undo`)))
		p.WaitJS("the panel to settle", `!!document.querySelector("#panel .matches")`)
		if got, _ := d.App.Store.StatementByID(ctx, st.ID); got.Verdict != rating.Verified || got.Note != "USTR figures" {
			t.Fatalf("%s: after Reuse: %s %q", p.Name, got.Verdict, got.Note)
		}
		p.Do("undo", chromedp.Click(chromedp.CSS(`#panel form.undo button`)), chromedp.WaitVisible(chromedp.CSS(`#panel .alert.ok`)))
		p.WaitJS("the undo to land", `!document.querySelector("#panel form.undo")`)
		if got, _ := d.App.Store.StatementByID(ctx, st.ID); got.Verdict != rating.Unreviewed || len(got.Sources) != 0 {
			t.Errorf("%s: after Undo: %s with %d sources", p.Name, got.Verdict, len(got.Sources))
		}

		// Undo pressed the moment it appears, before anyone could see it,
		// still goes through htmx: the page stays, the review is undone.
		Eval[bool](p, `(() => {
			const seen = new MutationObserver(() => {
				const b = document.querySelector("#panel form.undo button");
				if (b) { seen.disconnect(); window.pressedAt = location.href; b.click(); }
			});
			seen.observe(document.getElementById("panel"), { childList: true, subtree: true });
			return true;
		})()`)
		p.Do("click Reuse again", chromedp.Click(chromedp.CSS(`#panel .matches form button`)))
		p.WaitJS("the question", `document.getElementById("confirm").open`)
		p.Do("say yes", chromedp.Click(chromedp.ID("confirm-ok")))
		p.WaitJS("the undo pressed at once to land", `window.pressedAt === location.href && !document.querySelector("#panel form.undo") && !!document.querySelector("#panel .alert.ok")`)
		if got, _ := d.App.Store.StatementByID(ctx, st.ID); got.Verdict != rating.Unreviewed {
			t.Errorf("%s: after an Undo pressed at once: %s", p.Name, got.Verdict)
		}
	})
}

// 11. Accessibility: source fields are labelled, every input is styled,
// the verdicts differ by more than colour, a skip link leads to the
// content, dark mode follows the system.
func TestWalkthroughAccessibility(t *testing.T) {
	onScreens(t, func(t *testing.T, d *Desk, s screen, p *Page) {
		a := freshArticle(t, d, articleTitle+" "+p.Name, articleBody)
		st := statementWith(t, a, "supersonic speed")
		if _, err := d.App.Store.Review(context.Background(), st.ID, models.ReviewInput{Verdict: rating.Disputed, Version: 1, Note: "No.",
			Sources: []models.SourceInput{{URL: "https://www.navy.mil/"}}}); err != nil {
			t.Fatal(err)
		}
		p.Open(fmt.Sprintf("/articles/%d?s=%d", a.ID, st.ID))
		panelOf(p, st.ID)
		if n := Eval[int](p, `[...document.querySelectorAll("#panel input:not([type=hidden]), #panel textarea, #panel select")].filter(f => !f.labels || f.labels.length === 0).length`); n != 0 {
			t.Errorf("%s: %d fields of the panel have no label", p.Name, n)
		}
		styles := Eval[string](p, fmt.Sprintf(`(() => { const u = document.querySelector("mark.stmt.v-unreviewed"), d = document.getElementById("s-%d");
			return getComputedStyle(u).borderBottomStyle + " " + getComputedStyle(d).borderBottomStyle + " " + getComputedStyle(d, "::after").content; })()`, st.ID))
		if f := strings.Fields(styles); len(f) < 3 || f[0] == f[1] || f[2] == "none" {
			t.Errorf("%s: unreviewed and disputed highlights differ only in colour: %q", p.Name, styles)
		}
		p.Open("/")
		p.Do("Tab once", chromedp.KeyEvent(kb.Tab))
		if got := Eval[string](p, `document.activeElement.className + " " + document.activeElement.getAttribute("href")`); got != "skip-link #main" {
			t.Errorf("%s: the first Tab reaches %q, want the skip link", p.Name, got)
		}
		light := Eval[string](p, `getComputedStyle(document.documentElement).backgroundColor`)
		p.SetDark(true)
		dark := Eval[string](p, `getComputedStyle(document.documentElement).backgroundColor`)
		p.SetDark(false)
		if light == dark {
			t.Errorf("%s: dark mode changes nothing (%s)", p.Name, light)
		}
		p.Open("/account")
		if got := Eval[string](p, `getComputedStyle(document.getElementById("current")).borderTopStyle + " " + getComputedStyle(document.getElementById("current")).width`); !strings.HasPrefix(got, "solid") {
			t.Errorf("%s: the password field is not styled: %s", p.Name, got)
		}
	})
}

// 12. Comments tell the statement's reviewer; @name autocompletes and
// tells who is named; the activity names assignee and due date; a split
// asks first and keeps the place.
func TestWalkthroughCollaboration(t *testing.T) {
	for _, s := range screens {
		t.Run(s.name, func(t *testing.T) {
			d, editor := newDesk(t)
			reviewer := d.NewPage("rita", models.Reviewer)
			editor.SetScreen(s)
			reviewer.SetScreen(s)
			ctx := context.Background()
			a := demoArticle(t, d)
			stmts := checkable(a)
			st := stmts[len(stmts)-2]
			due := time.Now().UTC().AddDate(0, 0, 3)
			due = time.Date(due.Year(), due.Month(), due.Day(), 23, 59, 59, 0, time.UTC)
			if _, err := d.App.Store.Assign(ctx, models.AssignInput{StatementIDs: []uint{st.ID}, AssigneeID: reviewer.User.ID, ByUserID: editor.User.ID, DueAt: &due}); err != nil {
				t.Fatal(err)
			}
			editor.Open(fmt.Sprintf("/articles/%d?s=%d", a.ID, st.ID))
			panelOf(editor, st.ID)
			box := fmt.Sprintf("#comment-%d", st.ID)
			editor.Do("type a comment with @ri", chromedp.ScrollIntoView(chromedp.CSS(box)), chromedp.SendKeys(chromedp.CSS(box), "Is this right? @ri"))
			editor.WaitJS("the member list", `!!document.querySelector(".mention-list li[data-mention=rita]")`)
			editor.Do("choose rita", chromedp.KeyEvent(kb.Tab))
			if got := editor.Value(box); got != "Is this right? @rita " {
				t.Errorf("after choosing the comment reads %q", got)
			}
			editor.Do("send", chromedp.Click(chromedp.CSS(fmt.Sprintf("#comments-%d button[type=submit]", st.ID))),
				chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf("#comment-list-%d .comment", st.ID))))
			reviewer.Open("/notifications")
			if got := reviewer.Text("#notifications"); !strings.Contains(got, "editor1 mentioned you in a comment") {
				t.Errorf("rita's notifications: %q", got)
			}
			editor.Open(fmt.Sprintf("/articles/%d/activity", a.ID))
			if got := editor.Text(".timeline"); !strings.Contains(got, "to rita, due "+due.Format("2 Jan 2006")) {
				t.Errorf("the activity does not name the assignee and due date: %q", got)
			}

			// Split asks first; after it the page is back at the statement.
			editor.Open(fmt.Sprintf("/articles/%d?s=%d", a.ID, st.ID))
			panelOf(editor, st.ID)
			Eval[int](editor, noReload)
			editor.Do("open the editor's tools", chromedp.Click(chromedp.CSS("#panel .editor-tools summary")))
			split := fmt.Sprintf("#split-%d", st.ID)
			at := strings.Index(st.Text, " ") + 1
			editor.Do("scroll to the split", chromedp.ScrollIntoView(chromedp.CSS(split)))
			Eval[bool](editor, fmt.Sprintf(`(() => { const t = document.querySelector(%q); t.focus(); t.setSelectionRange(%d, %d); return true; })()`, split, at, at))
			editor.Do("click Split here", chromedp.Click(chromedp.CSS(`form[data-split-form] button[type=submit]`)))
			editor.WaitJS("the question", `document.getElementById("confirm").open`)
			assertNoReload(editor)
			editor.Do("split", chromedp.Click(chromedp.ID("confirm-ok")))
			waitReloaded(editor)
			editor.WaitJS("the page to come back at the statement", fmt.Sprintf(`location.search === "?s=%d" && !!document.querySelector('#panel .review-panel[data-statement="%d"]')`, st.ID, st.ID))
			if s == phone {
				editor.Do("close the panel", chromedp.Click(chromedp.CSS(`#panel .sheet-close`)))
			}
			editor.WaitJS("the split statement in view", fmt.Sprintf(`(%s)("#s-%d")`, inViewJS, st.ID))
		})
	}
}

// 13. Exports: a quoted statement's notice nests its quotation marks; the
// team report's CSV offers the BOM and gives times to the second.
func TestWalkthroughExports(t *testing.T) {
	d, p := newDesk(t)
	p.SetScreen(wide)
	ctx := context.Background()
	a := freshArticle(t, d, "Quoted", "“We never sold them any missiles,” the minister said on Sunday, citing 2024 export data.\n\nIt is really not clear.\n")
	st := a.Statements[0]
	if _, err := d.App.Store.Review(ctx, st.ID, models.ReviewInput{Verdict: rating.Corrected, Version: 1, UserID: p.User.ID,
		Correction: "“We sold two missiles,” the minister said on Sunday, citing 2024 export data.",
		Sources:    []models.SourceInput{{URL: "https://example.org/exports"}}}); err != nil {
		t.Fatal(err)
	}
	p.Open(fmt.Sprintf("/articles/%d/corrected", a.ID))
	notice := p.Text(".notice")
	if strings.Contains(notice, "““") || !strings.Contains(notice, "said “‘We never sold") {
		t.Errorf("correction notice = %q", notice)
	}
	p.Open("/reports/team?from=2000-01-01")
	if !Eval[bool](p, `document.querySelector('input[name=bom]').checked`) {
		t.Error("the team report does not offer the CSV for Excel")
	}
	_, csv := p.Download("the team report CSV", chromedp.Click(chromedp.CSS(`button[name=format][value=csv]`)))
	body := string(csv)
	if !strings.HasPrefix(body, "\uFEFF") {
		t.Errorf("team CSV has no BOM: %.30q", body)
	}
	if strings.Contains(body, ".") && strings.Contains(body[strings.LastIndex(body, ","):], ".") {
		t.Errorf("team CSV time has fractions: %q", body[strings.LastIndex(body, ","):])
	}
}

// waitReloaded waits until the page marked with noReload has been
// replaced by a new one.
func waitReloaded(p *Page) {
	p.t.Helper()
	p.WaitLoaded("the page to reload", `window.__e2eNoReload === undefined`)
}
