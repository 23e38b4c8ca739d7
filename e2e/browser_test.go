package e2e

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

const articleTitle = "Will the US supply Tomahawk missiles to Ukraine?"

// articleBody is pasted as a reader would paste it: a few sentences, two
// of them with the figures a fact-checker looks at.
const articleBody = `US President Donald Trump said on Sunday that he might send Tomahawk cruise missiles to Ukraine.

In 2024, the US and Russia traded goods and services worth about $5.2bn – 25.8 percent less than in 2023, according to data from the office of the US Trade Representative.

Tomahawks are long-range cruise missiles launched from ships and submarines. They fly at supersonic speed at low altitudes – about 30 metres (100ft) off the ground – and have a range of more than 1,250-2,500km (780-1,550 miles).

Many people think the decision will change the course of the war.`

// The review of the supersonic statement: Tomahawks are subsonic.
const (
	correctionText = "They fly at subsonic speed at low altitudes – about 30 metres (100ft) off the ground – and have a range of 1,250-2,500km (780-1,550 miles)."
	reviewNote     = "The US Navy fact file gives a subsonic cruise speed of about 880 km/h."
	sourceURL      = "https://www.navy.mil/Resources/Fact-Files/Display-FactFiles/Article/2169229/tomahawk-cruise-missile/"
	sourceTitle    = "Tomahawk Cruise Missile – US Navy fact file"
)

// noReload marks the window; the mark survives only if the page is never
// reloaded, which is what htmx swaps promise.
const noReload = "window.__e2eNoReload = 42"

func TestPasteReviewExport(t *testing.T) {
	d, p := newDesk(t)

	// Paste a new article.
	p.Open("/")
	p.Do("fill in the title",
		chromedp.WaitVisible(chromedp.CSS("#new-article form")),
		chromedp.SendKeys(chromedp.ID("title"), articleTitle))
	p.Paste("#body", articleBody)
	p.Screenshot("new-article-form")
	p.Do("submit the New article form",
		chromedp.Click(chromedp.CSS(`#new-article button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#article-text mark.stmt")))
	articlePath := p.Path()
	if !regexp.MustCompile(`^/articles/\d+$`).MatchString(articlePath) {
		t.Fatalf("after submitting the form the browser is at %q, want /articles/<id>", articlePath)
	}
	if got := p.Text("h1"); got != articleTitle {
		t.Errorf("article page heading = %q, want %q", got, articleTitle)
	}

	// The figures are highlighted as checkable statements.
	total := Eval[int](p, `document.querySelectorAll("#article-text mark.stmt").length`)
	if total < 2 {
		t.Fatalf("%d highlighted statements, want at least the two with figures", total)
	}
	if got, want := p.Text("#progress .progress-label"), fmt.Sprintf("0 of %d reviewed", total); got != want {
		t.Errorf("progress before review = %q, want %q", got, want)
	}
	markOf(p, "US Trade Representative")
	mark := markOf(p, "supersonic speed")
	stmtID := strings.TrimPrefix(mark, "s-")

	Eval[int](p, noReload)
	p.Screenshot("article-before")

	// Select the statement: the panel comes in without a page load.
	openPanel(p, mark)
	if got, want := p.Path(), articlePath+"?s="+stmtID; got != want {
		t.Errorf("after selecting the statement the address is %q, want %q (hx-push-url)", got, want)
	}
	if Eval[bool](p, `document.getElementById("correction").checkVisibility()`) {
		t.Errorf("the Corrected wording field shows before Corrected is chosen")
	}

	// Review it as Corrected, with a source.
	chooseVerdict(p, rating.Corrected)
	p.Do("fill in the review",
		chromedp.WaitVisible(chromedp.ID("correction")),
		chromedp.SendKeys(chromedp.ID("correction"), correctionText),
		chromedp.SendKeys(chromedp.ID("note"), reviewNote),
		chromedp.SendKeys(chromedp.CSS(`#panel .source-row input[name=source_url]`), sourceURL),
		chromedp.SendKeys(chromedp.CSS(`#panel .source-row input[name=source_title]`), sourceTitle),
	)
	saveAndWait(p)

	p.WaitJS("the highlight to turn Corrected",
		fmt.Sprintf(`document.getElementById(%q).classList.contains("v-corrected")`, mark))
	p.WaitJS("the progress to count the review", fmt.Sprintf(
		`document.querySelector("#progress .progress-label").textContent.trim() === "1 of %d reviewed"`, total))
	// textContent: the badge is upper-cased by CSS only.
	if got := p.TextContent("#li-" + stmtID + " .badge"); got != "Corrected" {
		t.Errorf("statement list badge = %q, want Corrected", got)
	}
	assertNoReload(p)

	s, err := d.App.Store.StatementByID(context.Background(), mustUint(t, stmtID))
	if err != nil {
		t.Fatal(err)
	}
	if s.Verdict != rating.Corrected || s.Correction != correctionText || s.Note != reviewNote ||
		len(s.Sources) != 1 || s.Sources[0].URL != sourceURL || s.Sources[0].Title != sourceTitle {
		t.Errorf("stored review = verdict %q, correction %q, note %q, sources %+v; want what was typed",
			s.Verdict, s.Correction, s.Note, s.Sources)
	}
	p.Screenshot("article-after")

	// Export: what the browser saves is the Markdown report.
	name, report := p.Download("the correction report",
		chromedp.Click(chromedp.CSS(`.article-head a[download]`)))
	if !strings.HasSuffix(name, ".md") {
		t.Errorf("downloaded file is named %q, want a .md file", name)
	}
	md := string(report)
	for _, want := range []string{correctionText, sourceURL, reviewNote} {
		if !strings.Contains(md, want) {
			t.Errorf("downloaded report lacks %q:\n%s", want, md)
		}
	}
}

// openSupersonicPanel opens a new desk's article on the "supersonic speed"
// statement, its panel open and the page watched for reloads. It returns
// the statement, its mark's id and how many statements the progress counts.
func openSupersonicPanel(t *testing.T) (d *Desk, p *Page, s *models.Statement, mark string, total int) {
	t.Helper()
	d, p = newDesk(t)
	art := d.App.CreateArticle(t, articleTitle, articleBody)
	s = statementWith(t, art, "supersonic speed")
	mark = fmt.Sprintf("s-%d", s.ID)
	total = models.ProgressOf(rating.Builtin(), art.Statements).Total

	p.Open(fmt.Sprintf("/articles/%d", art.ID))
	Eval[int](p, noReload)
	openPanel(p, mark)
	return d, p, s, mark, total
}

func TestReviewCtrlEnterSaves(t *testing.T) {
	d, p, s, mark, total := openSupersonicPanel(t)
	chooseVerdict(p, rating.Disputed)
	addSource(p, sourceURL)

	const note = "Tomahawks are subsonic; typed, then saved with Ctrl+Enter."
	p.Do("type a note and press Ctrl+Enter in it",
		chromedp.SendKeys(chromedp.ID("note"), note),
		chromedp.Focus(chromedp.ID("note")),
		chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)),
	)
	if got := p.Text("#panel .alert.ok"); got != "Saved." {
		t.Errorf("panel says %q after Ctrl+Enter, want Saved.", got)
	}
	p.WaitJS("the highlight to turn Disputed",
		fmt.Sprintf(`document.getElementById(%q).classList.contains("v-disputed")`, mark))
	p.WaitJS("the progress to count the review", fmt.Sprintf(
		`document.querySelector("#progress .progress-label").textContent.trim() === "1 of %d reviewed"`, total))
	assertNoReload(p)

	// Ctrl+Enter saves; it must not also type a new line into the note.
	if got := p.Value("#note"); got != note {
		t.Errorf("note in the saved panel = %q, want %q", got, note)
	}
	got, err := d.App.Store.StatementByID(context.Background(), s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Verdict != rating.Disputed || got.Note != note {
		t.Errorf("stored review = verdict %q, note %q; want %q, %q", got.Verdict, got.Note, rating.Disputed, note)
	}
}

func TestReviewValidationErrorKeepsInput(t *testing.T) {
	d, p, s, mark, total := openSupersonicPanel(t)
	chooseVerdict(p, rating.Corrected)
	p.Do("type a note but no corrected wording",
		chromedp.WaitVisible(chromedp.ID("correction")),
		chromedp.SendKeys(chromedp.ID("note"), reviewNote),
		chromedp.Click(chromedp.CSS(`#panel .panel-actions button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#panel .alert.error`)),
	)
	p.Screenshot("validation-error")

	const want = "A corrected statement needs the corrected wording."
	if got := p.Text("#panel .alert.error"); !strings.Contains(got, want) {
		t.Errorf("panel alert = %q, want it to contain %q", got, want)
	}
	if got := p.Text("#panel .correction-field .field-error"); got != want {
		t.Errorf("message beside the Corrected wording field = %q, want %q", got, want)
	}
	if got := p.Value("#note"); got != reviewNote {
		t.Errorf("note after the error = %q, want the typed %q", got, reviewNote)
	}
	if !Eval[bool](p, `document.querySelector('#panel input[name=verdict][value=corrected]').checked`) {
		t.Errorf("Corrected is no longer chosen after the error")
	}
	if Eval[bool](p, fmt.Sprintf(`document.getElementById(%q).classList.contains("v-corrected")`, mark)) {
		t.Errorf("highlight turned Corrected although nothing was saved")
	}
	if got, want := p.Text("#progress .progress-label"), fmt.Sprintf("0 of %d reviewed", total); got != want {
		t.Errorf("progress after a failed save = %q, want %q", got, want)
	}
	if Eval[bool](p, `!document.getElementById("toast").hidden`) {
		t.Errorf("an error toast shows besides the panel message: %q", p.Text("#toast"))
	}
	assertNoReload(p)
	if got, err := d.App.Store.StatementByID(context.Background(), s.ID); err != nil {
		t.Fatal(err)
	} else if got.Verdict != rating.Unreviewed || got.Note != "" {
		t.Errorf("stored after a failed save: verdict %q, note %q; want it unchanged", got.Verdict, got.Note)
	}

	// Adding the wording and a source and saving again works, note and all.
	p.Do("add the corrected wording",
		chromedp.SendKeys(chromedp.ID("correction"), correctionText))
	addSource(p, sourceURL)
	saveAndWait(p)
	p.WaitJS("the highlight to turn Corrected",
		fmt.Sprintf(`document.getElementById(%q).classList.contains("v-corrected")`, mark))
	if got := p.Value("#note"); got != reviewNote {
		t.Errorf("saved note = %q, want %q", got, reviewNote)
	}
}

// TestTwoReviewersHaveSeparateSessions checks the harness promise later
// tests build on: a second reviewer is a separate browser context, with
// its own cookies and storage, open at the same time, and both can save.
func TestTwoReviewersHaveSeparateSessions(t *testing.T) {
	d, alice := newDesk(t)
	bob := d.NewPage("reviewer2", models.Reviewer)
	art := d.App.CreateArticle(t, articleTitle, articleBody)
	trade := statementWith(t, art, "US Trade Representative")
	speed := statementWith(t, art, "supersonic speed")

	path := fmt.Sprintf("/articles/%d", art.ID)
	alice.Open(path)
	bob.Open(path)
	Eval[string](alice, `document.cookie = "e2e_who=alice; path=/"`)
	Eval[string](alice, `localStorage.setItem("e2e_who", "alice"), "ok"`)
	if got := Eval[string](bob, `document.cookie`); strings.Contains(got, "e2e_who") {
		t.Fatalf("reviewer2 sees reviewer1's cookie: %q", got)
	}
	if got := Eval[bool](bob, `localStorage.getItem("e2e_who") === null`); !got {
		t.Fatalf("reviewer2 sees reviewer1's localStorage")
	}

	for _, r := range []struct {
		p       *Page
		s       *models.Statement
		verdict rating.Key
	}{{alice, trade, rating.Verified}, {bob, speed, rating.Disputed}} {
		Eval[int](r.p, noReload)
		openPanel(r.p, fmt.Sprintf("s-%d", r.s.ID))
		chooseVerdict(r.p, r.verdict)
		r.p.Do("write a note", chromedp.SendKeys(chromedp.ID("note"), "Checked by "+r.p.Name))
		addSource(r.p, sourceURL)
		saveAndWait(r.p)
	}
	for _, r := range []struct {
		s       *models.Statement
		verdict rating.Key
	}{{trade, rating.Verified}, {speed, rating.Disputed}} {
		got, err := d.App.Store.StatementByID(context.Background(), r.s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Verdict != r.verdict {
			t.Errorf("statement %d stored as %q, want %q", r.s.ID, got.Verdict, r.verdict)
		}
	}
}

// markOf returns the element id (s-<id>) of the highlighted statement that
// contains text.
func markOf(p *Page, text string) string {
	p.t.Helper()
	id := Eval[string](p, fmt.Sprintf(`(() => {
		const m = [...document.querySelectorAll("#article-text mark.stmt")].find(e => e.textContent.includes(%q));
		return m ? m.id : "";
	})()`, text))
	if !strings.HasPrefix(id, "s-") {
		p.t.Fatalf("no highlighted statement contains %q", text)
	}
	return id
}

// openPanel clicks the highlight and waits for its review panel.
func openPanel(p *Page, mark string) {
	p.t.Helper()
	p.Do("open the review panel of "+mark,
		chromedp.Click(chromedp.ID(mark)),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#panel .review-panel[data-statement="%s"]`, strings.TrimPrefix(mark, "s-")))))
	assertNoReload(p)
}

// chooseVerdict clicks the verdict's radio button in the panel.
func chooseVerdict(p *Page, v rating.Key) {
	p.t.Helper()
	p.Do("choose "+rating.Builtin().Label(v),
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`#panel input[name=verdict][value=%s]`, v))))
	if !Eval[bool](p, fmt.Sprintf(`document.querySelector('#panel input[name=verdict][value=%s]').checked`, v)) {
		p.t.Fatalf("clicking %s did not choose it", v)
	}
}

// saveAndWait clicks Save review and waits for "Saved.".
func saveAndWait(p *Page) {
	p.t.Helper()
	p.Do("save the review",
		chromedp.Click(chromedp.CSS(`#panel .panel-actions button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#panel .alert.ok`)))
	if got := p.Text("#panel .alert.ok"); got != "Saved." {
		p.t.Errorf("panel says %q after saving, want Saved.", got)
	}
}

// assertNoReload checks that the window marked with noReload is still the
// same document.
func assertNoReload(p *Page) {
	p.t.Helper()
	if !Eval[bool](p, `window.__e2eNoReload === 42`) {
		p.t.Fatalf("the page was reloaded: the window variable set before is gone")
	}
}

func statementWith(t *testing.T, a *models.Article, text string) *models.Statement {
	t.Helper()
	for i := range a.Statements {
		if s := &a.Statements[i]; strings.Contains(s.Text, text) {
			if !s.Checkable {
				t.Fatalf("statement %q is not checkable", s.Text)
			}
			return s
		}
	}
	t.Fatalf("no statement contains %q", text)
	return nil
}

func mustUint(t *testing.T, s string) uint {
	t.Helper()
	n, err := strconv.ParseUint(s, 10, 32)
	if err != nil {
		t.Fatal(err)
	}
	return uint(n)
}

// addSource types a source link into the first source row of the panel;
// verified, disputed and corrected verdicts need one.
func addSource(p *Page, url string) {
	p.t.Helper()
	p.Do("add a source", chromedp.SendKeys(chromedp.CSS(`#panel input[name=source_url]`), url))
}
