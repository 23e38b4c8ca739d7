package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/factcheckdesk/factcheck/rating"
)

// A newcomer's first look: the example article loads from the home page,
// its checkable statements are highlighted with reasons, and two reviews
// show on the page. The last screenshot is the README's.
func TestDemoArticle(t *testing.T) {
	_, p := newDesk(t)
	p.Open("/")
	p.Do("load the example article",
		chromedp.Click(chromedp.CSS(`form[action="/demo"] button`)),
		chromedp.WaitVisible(chromedp.CSS("#article-text mark.stmt")))

	text := p.Text("#article-text")
	for _, furniture := range []string{"Advertisement", "Recommended Stories", "By admin"} {
		if !strings.Contains(text, furniture) {
			t.Errorf("the article text lost %q: it must be shown as written", furniture)
		}
	}
	marks := Eval[[]string](p, `Array.from(document.querySelectorAll("#article-text mark.stmt")).map(m => m.textContent)`)
	joined := strings.Join(marks, "\n")
	for _, claim := range []string{"supersonic speed", "$5.2bn", "2,300 Tomahawks"} {
		if !strings.Contains(joined, claim) {
			t.Errorf("no highlighted statement contains %q", claim)
		}
	}
	for _, m := range marks {
		if strings.Contains(m, "Advertisement") || strings.HasPrefix(m, "It is really not clear") {
			t.Errorf("furniture or a non-claim is highlighted: %q", m)
		}
	}

	Eval[int](p, noReload)
	reviewHighlight(p, "$5.2bn", rating.Verified, "")
	reviewHighlight(p, "supersonic speed", rating.Corrected, "They fly at subsonic speed, about 880km/h, at low altitudes.")
	p.Open(p.Path())
	p.Do("scroll to the corrected statement", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.querySelector("#article-text mark.v-corrected").getBoundingClientRect().top + window.scrollY - 260)`))
	p.ViewportScreenshot("demo-article")
}

// reviewHighlight opens the highlighted statement containing text and
// saves a review with a note and a source (and the correction, if any).
func reviewHighlight(p *Page, text string, v rating.Key, correction string) {
	p.t.Helper()
	id := Eval[string](p, fmt.Sprintf(`Array.from(document.querySelectorAll("#article-text mark.stmt")).find(m => m.textContent.includes(%q)).id`, text))
	openPanel(p, id)
	chooseVerdict(p, v)
	if correction != "" {
		p.Do("type the correction", chromedp.SendKeys(chromedp.ID("correction"), correction))
	}
	p.Do("write a note", chromedp.SendKeys(chromedp.ID("note"), "Checked against the primary source."))
	addSource(p, sourceURL)
	saveAndWait(p)
}
