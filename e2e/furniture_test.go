package e2e

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// wirePage is a wire story as a news site serves it: a photo with its
// caption and credit inside the article, a related-stories block, share
// buttons and a parser comment.
const wirePage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Zambia raises rates to fight inflation | Wire</title></head>
<body><!-- cache: hit, rendered in 12 ms -->
<main><article><h1>Zambia raises rates to fight inflation</h1>
<p>LUSAKA (Wire) - Zambia’s central bank raised its lending rate by 50 basis points to 8.5% on Wednesday, saying it was ready to tighten further to tame inflation driven by a sharp fall in the kwacha.</p>
<figure><img src="bank.jpg" alt=""><figcaption>The Bank of Zambia headquarters in Lusaka, Zambia, February 6, 2021. WIRE/Jane Photo</figcaption></figure>
<p>Annual inflation rose to 22.2% in January from 19.2% in December, the statistics agency said, the highest rate since 2003.</p>
<aside class="related"><h3>Related coverage</h3><ul><li><a href="/a">Kwacha slides to record low</a></li><li><a href="/b">IMF team visits Lusaka</a></li></ul></aside>
<p>Zambia became Africa’s first pandemic-era sovereign default in November 2020, and it has asked to restructure its debt under the Group of 20 common framework.</p>
<div class="share-buttons"><a href="#">Share on Facebook</a><a href="#">Share on X</a></div>
</article></main></body></html>`

// pastedWire is the same kind of story pasted from a page: a byline glued
// to its reading time, a file-photo caption and a reporting credit.
const pastedWire = "By Ana Lima5 Min Read\n\nJOHANNESBURG, March 3 (Wire) - South Africa’s budget deficit will narrow to 4.5% of GDP in the 2025/26 fiscal year, the Treasury said on Wednesday.\n\nFILE PHOTO: The National Treasury building in Pretoria, South Africa, May 3, 2024. WIRE/Tom Photo/File Photo\n\nThe government will spend 6.8bn rand on new trains from April.\n\n(Reporting by Ana Lima; Editing by Tom Hale)\n\nNews | Markets | Politics | Sport"

// TestFurnitureGreyedAndRestored: an editor imports a wire story and pastes
// another; the captions, credits and link lists show greyed in the text,
// say what they are, and are no statements; restoring the caption makes it
// one, in place, in one click.
func TestFurnitureGreyedAndRestored(t *testing.T) {
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, wirePage)
	}))
	defer site.Close()

	d, p := newDesk(t)
	p.SetScreen(wide)
	p.Open("/")
	p.Do("import the wire story by URL",
		chromedp.Click(chromedp.ID("mode-url")),
		chromedp.SendKeys(chromedp.ID("import_url"), site.URL+"/zambia"),
		chromedp.Click(chromedp.CSS(`form.mode-url button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("#article-text mark.stmt")))
	furniture := Eval[[]string](p, `Array.from(document.querySelectorAll("#article-text .furniture")).map(f => f.className + ": " + f.textContent)`)
	want := []string{
		"furniture fk-caption: The Bank of Zambia headquarters in Lusaka, Zambia, February 6, 2021. WIRE/Jane Photo",
		"furniture fk-navigation: Related coverage\n\nKwacha slides to record low\nIMF team visits Lusaka",
	}
	if strings.Join(furniture, "|") != strings.Join(want, "|") {
		t.Errorf("furniture on the page\n got %q\nwant %q", furniture, want)
	}
	text := p.TextContent("#article-text")
	for _, gone := range []string{"Share on", "cache: hit"} {
		if strings.Contains(text, gone) {
			t.Errorf("%q is in the article text", gone)
		}
	}
	if Eval[int](p, `Array.from(document.querySelectorAll("#article-text .stmt")).filter(s => s.textContent.includes("Bank of Zambia headquarters") || s.textContent.includes("Kwacha slides")).length`) != 0 {
		t.Error("furniture became a statement")
	}
	if title := Eval[string](p, `document.querySelector("#article-text .fk-caption").title`); !strings.Contains(title, "picture caption") {
		t.Errorf("caption hover text %q", title)
	}
	p.ViewportScreenshot("imported-wire-wide")

	// Restore the caption: it becomes a statement where it stands.
	p.Do("restore the caption",
		chromedp.Click(chromedp.CSS("#article-text .fk-caption .restore")),
		chromedp.WaitNotPresent(chromedp.CSS("#article-text .fk-caption")))
	if n := Eval[int](p, `Array.from(document.querySelectorAll("#article-text .stmt")).filter(s => s.textContent === "The Bank of Zambia headquarters in Lusaka, Zambia, February 6, 2021. WIRE/Jane Photo").length`); n != 1 {
		t.Errorf("restored caption: %d statements over it, want 1", n)
	}
	if after := p.TextContent("#article-text"); after != text {
		t.Errorf("the article text changed on restore:\n%q\n%q", text, after)
	}

	// A pasted story: furniture by its shape, greyed the same way, on a
	// phone and in the dark too.
	art := d.App.CreateArticle(t, "South Africa budget", pastedWire)
	p.Open(fmt.Sprintf("/articles/%d", art.ID))
	p.Do("wait for the text", chromedp.WaitVisible(chromedp.CSS("#article-text .furniture")))
	kinds := Eval[[]string](p, `Array.from(document.querySelectorAll("#article-text .furniture")).map(f => f.className.replace("furniture fk-", ""))`)
	if strings.Join(kinds, ",") != "credit,caption,credit,navigation" {
		t.Errorf("pasted furniture kinds %q", kinds)
	}
	if got := p.TextContent("#article-text"); got != pastedWire {
		t.Errorf("#article-text is not the pasted text:\n%q", got)
	}
	p.ViewportScreenshot("pasted-wire-wide")
	p.SetScreen(phone)
	p.SetDark(true)
	p.Open(fmt.Sprintf("/articles/%d", art.ID))
	p.Do("wait for the text", chromedp.WaitVisible(chromedp.CSS("#article-text .furniture")))
	p.ViewportScreenshot("pasted-wire-phone-dark")

	// A reviewer sees the furniture greyed but cannot restore it.
	r := d.NewPage("rita", "reviewer")
	r.Open(fmt.Sprintf("/articles/%d", art.ID))
	r.Do("wait for the text", chromedp.WaitVisible(chromedp.CSS("#article-text .furniture")))
	if n := Eval[int](r, `document.querySelectorAll("#article-text .restore").length`); n != 0 {
		t.Errorf("a reviewer has %d restore buttons", n)
	}
}
