package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
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
