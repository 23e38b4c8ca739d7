package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/factcheckdesk/factcheck/models"
)

// What arrives after a page has shown must not move what a person is
// about to click, and a question must get its own answer, however busy
// the browser is.

// A dialog's close event is queued, not fired at once: Cancel and a quick
// second Delete reopen the dialog before the first closing's event comes.
// That event must not answer the new question.
func TestConfirmAnswersItsOwnQuestion(t *testing.T) {
	d, p := newDesk(t)
	a := freshArticle(t, d, articleTitle, articleBody)
	path := fmt.Sprintf("/articles/%d", a.ID)
	p.Open(path)

	// Esc says no.
	p.Do("click Delete article", chromedp.Click(chromedp.CSS(`form[action$="/delete"] button`)))
	p.WaitJS("the question", `document.getElementById("confirm").open`)
	p.Do("press Esc", chromedp.KeyEvent(kb.Escape))
	p.WaitJS("the question to close", `!document.getElementById("confirm").open`)
	if got := p.Path(); got != path {
		t.Fatalf("Esc left the page for %s", got)
	}

	// Cancel, then Delete again before the browser has delivered the
	// closing (in one go, as a busy browser has it): the closing's event
	// comes after the second question is asked, and OK must still delete.
	p.Do("click Delete article", chromedp.Click(chromedp.CSS(`form[action$="/delete"] button`)))
	p.WaitJS("the question", `document.getElementById("confirm").open`)
	Eval[bool](p, `(document.querySelector("#confirm button[value=cancel]").click(),
		document.querySelector('form[action$="/delete"] button').click(), true)`)
	p.Do("delete, confirmed",
		chromedp.Click(chromedp.ID("confirm-ok")),
		chromedp.WaitVisible(chromedp.ID("deleted-notice")))
	if got := p.Text("#deleted-notice"); !strings.Contains(got, "was deleted") {
		t.Errorf("after deleting the home page says %q", got)
	}
}

// Who else is viewing comes with the live stream, after the page: the
// buttons and the desk are where they were before it came.
func TestPresenceMovesNothing(t *testing.T) {
	for _, s := range screens {
		t.Run(s.name, func(t *testing.T) {
			d, editor := newDesk(t)
			reviewer := d.NewPage("rita", models.Reviewer)
			a := freshArticle(t, d, articleTitle, articleBody)
			editor.SetScreen(s)
			reviewer.SetScreen(s)
			path := fmt.Sprintf("/articles/%d", a.ID)
			reviewer.Open(path)
			editor.Open(path)
			editor.WaitJS("rita in the presence bar", `!!document.querySelector('#viewers .viewer[title^="rita "]')`)
			// Where each thing is with rita shown, and with the presence
			// bar as a page has it before the stream has said anything.
			const where = `[...document.querySelectorAll(".article-head .actions > *, .progress-strip, #desk")].map(e => {
				const r = e.getBoundingClientRect();
				return (e.id || e.className || e.tagName) + "@" + Math.round(r.left) + "," + Math.round(r.top) + " " + Math.round(r.width) + "x" + Math.round(r.height);
			})`
			with := Eval[[]string](editor, where)
			without := Eval[[]string](editor, `(() => {
				const v = document.getElementById("viewers"), kept = [...v.childNodes];
				v.replaceChildren();
				const at = `+where+`;
				v.replaceChildren(...kept);
				return at;
			})()`)
			if strings.Join(with, "; ") != strings.Join(without, "; ") {
				t.Errorf("%s: things move when the presence bar fills:\nwith rita shown %v\nwithout         %v", s.name, with, without)
			}
			editor.Screenshot(s.name + "-presence")
		})
	}
}
