package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// colorScheme makes the page's prefers-color-scheme light or dark.
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
		return err
	})
}

// anonymousPage is a browser context nobody signed in to: a reader of the
// public site.
func (d *Desk) anonymousPage(name string) *Page {
	t := d.t
	t.Helper()
	tab, cancelTab := chromedp.NewContext(d.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancelTab)
	if err := chromedp.Do(tab); err != nil {
		t.Fatalf("%s: open a browser context: %v", name, err)
	}
	ctx, cancel := context.WithDeadline(tab, d.deadline)
	t.Cleanup(cancel)
	p := &Page{t: t, d: d, Name: name, tab: tab, ctx: ctx, downloads: t.TempDir()}
	p.Do("set up the viewport", chromedp.EmulateViewport(viewportW, viewportH))
	return p
}

// From verdict to publication with a second pair of eyes: the reviewer
// saves, the editor returns it with a reason, the reviewer fixes it, the
// editor approves and publishes, and a reader who is not signed in opens
// the public page and the corrections feed.
func TestReviewApprovePublish(t *testing.T) {
	d, editor := newDesk(t)
	ctx := context.Background()
	in, err := d.App.Store.InputOfSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in.RequireApproval = true
	if _, err := d.App.Store.UpdateSettings(ctx, in); err != nil {
		t.Fatal(err)
	}
	reviewer := d.NewPage("rita", models.Reviewer)
	art := d.App.CreateArticle(t, articleTitle, articleBody)
	s := statementWith(t, art, "supersonic speed")
	mark := fmt.Sprintf("s-%d", s.ID)
	flow := fmt.Sprintf("#flow-%d", s.ID)

	// The reviewer saves a Corrected verdict: it waits for approval.
	reviewer.Open(fmt.Sprintf("/articles/%d", art.ID))
	Eval[int](reviewer, noReload)
	openPanel(reviewer, mark)
	chooseVerdict(reviewer, rating.Corrected)
	reviewer.Do("fill in the review",
		chromedp.SendKeys(chromedp.ID("correction"), correctionText),
		chromedp.SendKeys(chromedp.ID("note"), "Subsonic."))
	addSource(reviewer, sourceURL)
	saveAndWait(reviewer)
	if got := reviewer.Text(flow + " .flow-status .badge"); got != "AWAITING APPROVAL" && got != "Awaiting approval" {
		t.Fatalf("status after saving = %q", got)
	}
	if n := Eval[int](reviewer, `document.querySelectorAll("`+flow+` button.step-approve").length`); n != 0 {
		t.Fatal("a reviewer is offered Approve")
	}

	// The editor returns it with a reason.
	editor.Open(fmt.Sprintf("/articles/%d?s=%d", art.ID, s.ID))
	Eval[int](editor, noReload)
	editor.Do("open the return form and send it back",
		chromedp.WaitVisible(chromedp.CSS(flow+" button.step-approve")),
		chromedp.Click(chromedp.CSS(flow+" .return-form summary")),
		chromedp.SendKeys(chromedp.CSS(flow+" textarea[name=reason]"), "Give the Navy's speed in the note."),
		// Ctrl+Enter sends the form being typed in, as everywhere on the desk.
		chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.WaitVisible(chromedp.CSS(flow+" .return-reason")))
	assertNoReload(editor)
	editor.Screenshot("returned")

	// The reviewer finds it first in their queue, reads why, and fixes it.
	reviewer.Open("/queue")
	reviewer.Do("open the returned statement from the queue",
		chromedp.Click(chromedp.CSS("#queue li:first-child a")),
		chromedp.WaitVisible(chromedp.CSS(flow+" .return-reason")))
	if got := reviewer.Text(flow + " .return-reason"); !strings.Contains(got, "Give the Navy's speed in the note.") {
		t.Fatalf("the reviewer sees %q", got)
	}
	reviewer.Do("fix the note and save",
		chromedp.SetValue(chromedp.ID("note"), reviewNote),
		chromedp.Click(chromedp.CSS(`#panel .panel-actions button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#panel .alert.ok`)))
	reviewer.Screenshot("resubmitted")

	// The editor approves and publishes.
	editor.Open(fmt.Sprintf("/articles/%d?s=%d", art.ID, s.ID))
	editor.Do("approve",
		chromedp.Click(chromedp.CSS(flow+" button.step-approve")),
		chromedp.WaitVisible(chromedp.CSS(flow+" button.step-publish")))
	editor.Do("publish",
		chromedp.Click(chromedp.CSS(flow+" button.step-publish")),
		chromedp.WaitVisible(chromedp.CSS(flow+` a[href="/checks/`+fmt.Sprint(s.ID)+`"]`)))
	editor.Screenshot("published")
	stored, _ := d.App.Store.StatementByID(ctx, s.ID)
	if !stored.Published || stored.Status() != models.ReviewApproved || stored.ApprovedByID == nil || *stored.ApprovedByID != editor.User.ID {
		t.Fatalf("stored: published %v, %s, approved by %v", stored.Published, stored.Status(), stored.ApprovedByID)
	}

	// A reader who is not signed in.
	reader := d.anonymousPage("reader")
	reader.Open(fmt.Sprintf("/checks/%d", s.ID))
	reader.Do("wait for the check", chromedp.WaitVisible(chromedp.ID("check")))
	if got := reader.Text("#claim"); !strings.Contains(got, "supersonic speed") {
		t.Errorf("claim = %q", got)
	}
	if got := reader.TextContent("#rating .badge"); got != "Corrected" {
		t.Errorf("rating = %q", got)
	}
	if got := reader.Text("#correction"); !strings.Contains(got, "subsonic speed") {
		t.Errorf("correction = %q", got)
	}
	if got := reader.Text("#explanation"); !strings.Contains(got, reviewNote) {
		t.Errorf("explanation = %q", got)
	}
	if n := Eval[int](reader, `document.querySelectorAll('script[type="application/ld+json"]').length`); n != 1 {
		t.Errorf("%d ClaimReview blocks", n)
	}
	reader.Screenshot("public-check")
	reader.Do("phone width, dark", chromedp.EmulateViewport(390, 844),
		colorScheme("dark"))
	if w := Eval[int](reader, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the public page is %d px wide on a phone", w)
	}
	reader.Screenshot("public-check-phone-dark")
	reader.Do("back to a laptop", chromedp.EmulateViewport(viewportW, viewportH),
		colorScheme("light"))
	reader.Open("/corrections")
	if got := reader.Text("#checks"); !strings.Contains(got, "That is wrong.") || !strings.Contains(got, "It should read: “They fly at subsonic speed") {
		t.Errorf("corrections log = %q", got)
	}
	// The feed as a feed reader in this browser would get it.
	atom := Eval[string](reader, `(() => { const x = new XMLHttpRequest(); x.open("GET", "/corrections.atom", false); x.send(); return x.responseText; })()`)
	if !strings.Contains(atom, `<feed xmlns="http://www.w3.org/2005/Atom">`) || !strings.Contains(atom, fmt.Sprintf("/checks/%d</id>", s.ID)) {
		t.Errorf("the corrections feed:\n%s", atom)
	}
}
