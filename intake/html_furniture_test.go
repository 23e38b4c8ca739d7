package intake

import (
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/extract"
)

// outsideFurniture is doc's text without its furniture spans.
func outsideFurniture(doc Document) string {
	var b strings.Builder
	at := 0
	for _, f := range doc.Furniture {
		b.WriteString(doc.Text[at:f.Start])
		at = f.End
	}
	b.WriteString(doc.Text[at:])
	return b.String()
}

// TestHTMLFurniture: on import, furniture is found by its markup before
// and after readability, kept in the text at its place and marked; widgets
// and source comments are removed.
func TestHTMLFurniture(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Measles cases rise across Europe</title></head><body>
<!-- NewPP limit report
Parsed by mw-web.eqiad.main
Cached time: 20250301120000 -->
<div id="content"><h1>Measles cases rise across Europe</h1>
<div class="hatnote">For the disease itself, see Measles.</div>
<table class="infobox"><tr><th>Disease</th><td>Measles</td></tr><tr><th>Cases (2024)</th><td>127,000</td></tr></table>
<div id="toc" class="toc"><h2>Contents</h2><ul><li>1 Cases</li><li>2 Vaccination</li></ul></div>
<h2>Cases<span class="mw-editsection">[<a href="/edit">edit</a>]</span></h2>
<p>Europe recorded 127,350 measles cases in 2024, twice as many as in 2023 and the highest number since 1997, according to the World Health Organization and UNICEF.</p>
<figure><img src="chart.png"><figcaption>Measles cases in the WHO European Region, 2014 to 2024</figcaption></figure>
<p>Romania reported the most cases, about 30,000, followed by Kazakhstan with 28,000; children under five accounted for more than 40 per cent of those infected across the region.</p>
<div class="share-buttons"><a href="#">Share on Facebook</a><a href="#">Share on X</a></div>
<h2>Vaccination<span class="mw-editsection">[<a href="/edit">edit</a>]</span></h2>
<p>Coverage with the first dose of the vaccine fell from 96 per cent in 2019 to 93 per cent in 2023, below the 95 per cent needed to stop outbreaks, the agencies said in a joint statement on Thursday.</p>
<div class="reflist"><ol class="references"><li>WHO Europe. "Measles cases". Retrieved 13 March 2025.</li><li>UNICEF. "Joint statement". Retrieved 13 March 2025.</li></ol></div>
<div class="navbox"><div>Vaccine-preventable diseases</div><div>Measles · Mumps · Rubella · Polio · Diphtheria</div></div>
</div></body></html>`
	doc, err := FromHTML(nil, strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"NewPP", "Cached time", "[edit]", "edit]", "Share on"} {
		if strings.Contains(doc.Text, gone) {
			t.Errorf("text keeps %q:\n%s", gone, doc.Text)
		}
	}
	kinds := map[string]string{}
	for _, f := range doc.Furniture {
		kinds[doc.Text[f.Start:f.End]] = f.Kind
	}
	for text, kind := range map[string]string{
		"For the disease itself, see Measles.":                   extract.FurnitureNavigation,
		"Contents\n\n1 Cases\n2 Vaccination":                     extract.FurnitureNavigation,
		"Measles cases in the WHO European Region, 2014 to 2024": extract.FurnitureCaption,
		"1. WHO Europe. \"Measles cases\". Retrieved 13 March 2025.\n2. UNICEF. \"Joint statement\". Retrieved 13 March 2025.": extract.FurnitureReference,
		"Disease\tMeasles\nCases (2024)\t127,000": extract.FurnitureNavigation,
	} {
		if kinds[text] != kind {
			t.Errorf("furniture %q: kind %q, want %q (have %q)", text, kinds[text], kind, kinds)
		}
	}
	prose := outsideFurniture(doc)
	for _, want := range []string{"Europe recorded 127,350 measles cases in 2024", "Romania reported the most cases", "Coverage with the first dose"} {
		if !strings.Contains(prose, want) {
			t.Errorf("article text lacks %q:\n%s", want, prose)
		}
	}
	for _, f := range []string{"Disease", "Vaccine-preventable", "Contents", "Retrieved"} {
		if strings.Contains(prose, f) {
			t.Errorf("%q outside the furniture:\n%s", f, prose)
		}
	}
	// The text is the documented plain text: no marks left, no runs of
	// blank lines.
	if strings.ContainsAny(doc.Text, "\ue000\ue001\ue002\ue003") || strings.Contains(doc.Text, "\n\n\n") {
		t.Errorf("marks or blank runs left in %q", doc.Text)
	}
}

func TestFurnitureSpansMarks(t *testing.T) {
	text, spans := furnitureSpans("A.\n\n\ue000cA caption \ue000nnested\ue001 here\ue001\n\nB.\ue001 stray")
	if text != "A.\n\nA caption nested here\n\nB. stray" {
		t.Errorf("text %q", text)
	}
	if len(spans) != 1 || text[spans[0].Start:spans[0].End] != "A caption nested here" || spans[0].Kind != extract.FurnitureCaption {
		t.Errorf("spans %+v", spans)
	}
}
