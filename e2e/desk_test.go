package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// press sends one key to the page, outside any field.
func press(p *Page, key string) {
	p.t.Helper()
	p.Do("press "+key, chromedp.KeyEvent(key))
}

// The whole review from the keyboard: move with j/k, pick a verdict with
// v, add a source with s, write the note with n, save with Ctrl+Enter.
func TestKeyboardReview(t *testing.T) {
	d, p := newDesk(t)
	art := d.App.CreateArticle(t, articleTitle, articleBody)
	p.Open(fmt.Sprintf("/articles/%d", art.ID))
	Eval[int](p, noReload)

	Eval[bool](p, `(document.activeElement && document.activeElement.blur(), true)`)
	press(p, "j")
	p.WaitJS("the first statement's panel", fmt.Sprintf(`!!document.querySelector('#panel .review-panel[data-statement="%d"]')`, art.Statements[0].ID))
	press(p, "j")
	p.WaitJS("the second statement's panel", fmt.Sprintf(`!!document.querySelector('#panel .review-panel[data-statement="%d"]')`, art.Statements[1].ID))
	press(p, "k")
	p.WaitJS("back to the first", fmt.Sprintf(`!!document.querySelector('#panel .review-panel[data-statement="%d"]')`, art.Statements[0].ID))
	press(p, "?")
	p.WaitJS("the shortcut help", `document.getElementById("shortcuts") && document.getElementById("shortcuts").open`)
	p.Screenshot("shortcut-help")
	p.Do("close the help", chromedp.KeyEvent(kb.Escape))
	p.WaitJS("the help to close", `!document.getElementById("shortcuts").open`)

	press(p, "v")
	if !Eval[bool](p, `document.querySelector('#panel input[name=verdict][value=verified]').checked`) {
		t.Fatal("v did not choose Verified")
	}
	press(p, "s")
	p.WaitJS("the source link to have focus", `document.activeElement && document.activeElement.name === "source_url"`)
	p.Do("type the source", chromedp.KeyEvent(sourceURL), chromedp.KeyEvent(kb.Escape))
	press(p, "n")
	p.WaitJS("the note to have focus", `document.activeElement && document.activeElement.id === "note"`)
	p.Do("type the note and save with Ctrl+Enter",
		chromedp.KeyEvent("Confirmed by the White House transcript."),
		chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.WaitVisible(chromedp.CSS(`#panel .alert.ok`)))
	assertNoReload(p)
	got, err := d.App.Store.StatementByID(context.Background(), art.Statements[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Verdict != rating.Verified || got.Note != "Confirmed by the White House transcript." || len(got.Sources) != 1 || got.Sources[0].URL != sourceURL {
		t.Fatalf("stored: verdict %s, note %q, sources %+v", got.Verdict, got.Note, got.Sources)
	}
}

// Two reviewers edit the same statement. The second to save is refused,
// sees the first one's verdict, and keeps everything they typed; saving
// again is a deliberate overwrite. Meanwhile the first reviewer's page
// shows the second's change live, without a reload.
func TestConflictAndLiveUpdates(t *testing.T) {
	d, alice := newDesk(t)
	bob := d.NewPage("bob", models.Reviewer)
	art := d.App.CreateArticle(t, articleTitle, articleBody)
	s := statementWith(t, art, "supersonic speed")
	mark := fmt.Sprintf("s-%d", s.ID)

	for _, p := range []*Page{alice, bob} {
		p.Open(fmt.Sprintf("/articles/%d", art.ID))
		Eval[int](p, noReload)
		openPanel(p, mark)
	}
	// Each sees the other in the presence bar.
	alice.WaitJS("bob in alice's presence bar", `!!document.querySelector('#viewers .viewer[title^="bob "]')`)
	bob.WaitJS("alice in bob's presence bar", `!!document.querySelector('#viewers .viewer[title^="editor1 "]')`)

	// Alice saves first.
	chooseVerdict(alice, rating.Disputed)
	alice.Do("alice writes a note", chromedp.SendKeys(chromedp.ID("note"), "Subsonic, per the Navy fact file."))
	addSource(alice, sourceURL)
	saveAndWait(alice)

	// Bob's page learns of it live: the highlight turns Disputed and his
	// panel says who changed it, while his typing is untouched.
	bob.WaitJS("the highlight to turn Disputed on bob's page", fmt.Sprintf(`document.getElementById(%q).classList.contains("v-disputed")`, mark))
	bob.WaitJS("the notice in bob's panel", fmt.Sprintf(`(document.getElementById("notice-%d")||{}).textContent.includes("editor1 just saved")`, s.ID))
	assertNoReload(bob)

	// Bob, still on the old version, saves his own verdict.
	chooseVerdict(bob, rating.Verified)
	bob.Do("bob writes a note", chromedp.SendKeys(chromedp.ID("note"), "Bob's own finding."))
	addSource(bob, "https://www.example.org/bob-evidence")
	bob.Do("bob saves",
		chromedp.Click(chromedp.CSS(`#panel .panel-actions button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#panel .conflict`)))
	bob.Screenshot("conflict")
	if c := bob.Text("#panel .conflict"); !strings.Contains(c, "Subsonic, per the Navy fact file.") || !strings.Contains(c, "Disputed") || !strings.Contains(c, "editor1 saved this statement") {
		t.Errorf("conflict box = %q; want alice's note and verdict", c)
	}
	if got := bob.Value("#note"); got != "Bob's own finding." {
		t.Errorf("bob's note after the conflict = %q", got)
	}
	if got := bob.Value(`#panel input[name=source_url]`); got != "https://www.example.org/bob-evidence" {
		t.Errorf("bob's source after the conflict = %q", got)
	}
	stored, _ := d.App.Store.StatementByID(context.Background(), s.ID)
	if stored.Verdict != rating.Disputed {
		t.Fatalf("the stale save changed the statement to %s", stored.Verdict)
	}

	// Saving again replaces alice's verdict, on purpose; alice sees it live.
	saveAndWait(bob)
	alice.WaitJS("the highlight to turn Verified on alice's page", fmt.Sprintf(`document.getElementById(%q).classList.contains("v-verified")`, mark))
	assertNoReload(alice)
	alice.Screenshot("live-update")
}
