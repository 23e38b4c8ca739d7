package extract

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func article(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("testdata/tomahawk-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkInvariants asserts the contract of Extract on any input.
func checkInvariants(t testing.TB, doc string, sts []Statement) {
	t.Helper()
	prev := 0
	for i, s := range sts {
		if s.Start < prev || s.End <= s.Start || s.End > len(doc) {
			t.Fatalf("statement %d: bad span [%d,%d) after %d in %d bytes", i, s.Start, s.End, prev, len(doc))
		}
		if !boundaryOK(doc, s.Start) || !boundaryOK(doc, s.End) {
			t.Fatalf("statement %d: offsets [%d,%d) not on UTF-8 boundaries", i, s.Start, s.End)
		}
		if s.Text != doc[s.Start:s.End] {
			t.Fatalf("statement %d: Text != doc[Start:End]", i)
		}
		if s.Score < 0 || s.Score > 1 || s.Checkable != (s.Score >= Threshold) {
			t.Fatalf("statement %d: score %v checkable %v", i, s.Score, s.Checkable)
		}
		if s.Reasons == nil || s.Facets == nil || s.Type == "" {
			t.Fatalf("statement %d: nil reasons/facets or empty type", i)
		}
		fprev := s.Start
		for _, f := range s.Facets {
			if f.Start < fprev || f.End <= f.Start || f.End > s.End || f.Text != doc[f.Start:f.End] || f.Kind == "" {
				t.Fatalf("statement %d: bad facet %+v in [%d,%d)", i, f, s.Start, s.End)
			}
			if !boundaryOK(doc, f.Start) || !boundaryOK(doc, f.End) {
				t.Fatalf("statement %d: facet %+v not on UTF-8 boundaries", i, f)
			}
			fprev = f.End
		}
		prev = s.End
	}
}

// boundaryOK: i does not split a valid multi-byte rune of doc.
func boundaryOK(doc string, i int) bool {
	if i == 0 || i == len(doc) {
		return true
	}
	for back := 1; back <= 3 && i-back >= 0; back++ {
		r, n := utf8.DecodeRuneInString(doc[i-back:])
		if r != utf8.RuneError && n > back {
			return false
		}
	}
	return true
}

func find(t *testing.T, sts []Statement, prefix string) Statement {
	t.Helper()
	for _, s := range sts {
		if strings.HasPrefix(s.Text, prefix) {
			return s
		}
	}
	t.Fatalf("no statement starts with %q", prefix)
	return Statement{}
}

func TestArticleInvariants(t *testing.T) {
	doc := article(t)
	checkInvariants(t, doc, Extract(doc))
}

func TestFurnitureDropped(t *testing.T) {
	doc := article(t)
	for _, s := range Extract(doc) {
		for _, bad := range []string{"Advertisement", "Recommended Stories", "list of 3 items", "end of list",
			"References", "(www.aljazeera.com)", "By admin", "INTERACTIVE", "(Al Jazeera)"} {
			if strings.Contains(s.Text, bad) {
				t.Errorf("furniture %q in statement %q", bad, s.Text)
			}
		}
	}
	tests := []struct{ line, kind string }{
		{"Advertisement", "furniture"},
		{"Recommended Stories", "furniture"},
		{"list of 3 items", "furniture"},
		{"end of list", "furniture"},
		{"By admin", "furniture"},
		{"By Al Jazeera Staff", "furniture"},
		{"INTERACTIVE - What are Tomahawk missiles - September 30, 2025-1759225571", "furniture"},
		{"(Al Jazeera)", "furniture"},
		{"  1. ^ Alaska (www.aljazeera.com)", "furniture"},
		{"Read more: Trump and Putin to meet in Budapest", "furniture"},
		{"Share on Facebook", "furniture"},
		{"Follow us on X", "furniture"},
		{"Putin and Trump in Alaska [File: Kevin Lamarque/Reuters]", "furniture"},
		{"By Faisal Islam, Economics editor", "furniture"},
		{"By Jane Doe | Reuters", "furniture"},
		{"BY JANE DOE", "furniture"},
		{"Image source, Getty Images", "furniture"},
		{"Image caption, Petrol prices fell by 4p a litre in April", "furniture"},
		{"Photograph: Jason Alden/Bloomberg via Getty Images", "furniture"},
		{"Reporting by William Schomberg; Editing by Andy Bruce", "furniture"},
		{"Our Standards: The Thomson Reuters Trust Principles.", "furniture"},
		{"This article was amended on 23 May 2024 to correct the spelling of a name.", "furniture"},
		{"Published 22 May 2024", "furniture"},
		{"Updated 3 hours ago", "furniture"},
		{"5 min read", "furniture"},
		{"Follow Faisal on X", "furniture"},
		{"list 2 of 4", "furniture"},
		{"Copyright 2025 The Associated Press. All rights reserved.", "furniture"},
		{"AP Photo/J. Scott Applewhite", "furniture"},
		{"Associated Press writer Kevin Freking contributed to this report.", "furniture"},
		{"Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.", "furniture"},
		{"By the end of the decade, 2,300 missiles had been fired.", "content"},
		{"Copyright law was changed in 1998.", "content"},
		{"Copyright .", "content"},
		{"By air, the journey takes two hours.", "content"},
		{"Published figures show a fall of 2.3%.", "content"},
		{"Follow the money", "content"},
		{"Photographs taken on Thursday show the damage.", "content"},
		{"By 2030, the missiles will be retired.", "content"},
		{"Follow the money to Budapest and you find the answer.", "content"},
		{"What are Tomahawk missiles?", "content"},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			got := "content"
			line := strings.TrimSpace(tc.line)
			if k := classifyLine(line, lowerDoc(line), inArticle); k != lineContent {
				got = "furniture"
			}
			if got != tc.kind {
				t.Errorf("classifyLine(%q) = %s, want %s", tc.line, got, tc.kind)
			}
		})
	}
}

func TestReferencesSection(t *testing.T) {
	doc := "Putin spoke.\n\nReferences\n\n  1. ^ Alaska (www.aljazeera.com)\n  2. ^ told (www.aljazeera.com)\n\nBy admin"
	sts := Extract(doc)
	if len(sts) != 1 || sts[0].Text != "Putin spoke." {
		t.Fatalf("got %+v", sts)
	}
}

// TestFurnitureSections: link lists and newsletter promotions are dropped
// as blocks, up to the prose that follows them.
func TestFurnitureSections(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"links until prose", "Putin spoke.\n\nRecommended Stories\n\nlist of 2 items\nlist 1 of 2\nRussia-Ukraine war: List of key events, day 1,313\nlist 2 of 2\nWhat are Tomahawk missiles?\nend of list\n\nTrump spoke on Friday.",
			[]string{"Putin spoke.", "Trump spoke on Friday."}},
		{"related topics at the end", "Inflation fell to 2.3%.\n\nRelated Topics\nInflation\nCost of living",
			[]string{"Inflation fell to 2.3%."}},
		{"prose ends the links", "Related\nInflation falls again\nThe ONS said prices rose 0.3% in May.\n\nShort heading\n\nPrices fell in June.",
			[]string{"The ONS said prices rose 0.3% in May.", "Short heading", "Prices fell in June."}},
		{"outlet under a byline", "Senate passes bill\n\nBy Lisa Mascaro and Mary Clare Jalonick\nThe Associated Press\nUpdated 11:42 PM EDT, March 22, 2024\n\nThe Senate passed it.",
			[]string{"Senate passes bill", "The Senate passed it."}},
		{"heading after a byline and a blank line", "By Jane Doe\n\nBudget Explained\n\nThe Senate passed it.",
			[]string{"Budget Explained", "The Senate passed it."}},
		{"wikipedia page", "Tomahawk (missile)\nFrom Wikipedia, the free encyclopedia\nJump to navigation\nJump to search\n\"Tomahawk missile\" redirects here. For other uses, see Tomahawk (disambiguation).\n\nContents\n1 History\n2 See also\n\nThe Tomahawk is a cruise missile.[1]\n\nHistory[edit]\nIt entered service in 1983.[2]\n\nSee also[edit]\nAGM-86 ALCM\nKalibr\n\nReferences[edit]\n^ \"Tomahawk\". Navy.mil. Retrieved 5 March 2024.",
			[]string{"Tomahawk (missile)", "The Tomahawk is a cruise missile.[1]", "History", "It entered service in 1983.[2]"}},
		{"newsletter promotion", "Prices rose.\n\nSkip past newsletter promotion\nSign up to Business Today\nGet set for the working day – we'll point you to all the business news you need.\nPrivacy Notice: Newsletters may contain info about charities.\nafter newsletter promotion\n\nEconomists had expected 2.1%.",
			[]string{"Prices rose.", "Economists had expected 2.1%."}},
		{"promotion without its end marker", "Skip past newsletter promotion\n1.\n2.\n3.\n4.\n5.\n6.\n7.\n8.\nThe article goes on.\nAnd on.",
			[]string{"The article goes on.", "And on."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range Extract(tc.doc) {
				got = append(got, s.Text)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestHeadings(t *testing.T) {
	sts := Extract(article(t))
	for _, h := range []string{"What are Tomahawk missiles?", "Did Trump and Putin discuss Tomahawk missiles?", "What happens next?"} {
		s := find(t, sts, h)
		if s.Type != "heading" || s.Checkable {
			t.Errorf("%q: type %s checkable %v, want a non-checkable heading", h, s.Type, s.Checkable)
		}
	}
	sts = Extract("Tomahawk missiles explained\n\nThey were developed in the 1970s.")
	if len(sts) != 2 || sts[0].Type != "heading" {
		t.Errorf("unpunctuated line: %+v", sts)
	}
}

func TestFootnoteMarkersStay(t *testing.T) {
	doc := article(t)
	s := find(t, Extract(doc), "On Sunday, on his way to Israel")
	if !strings.Contains(s.Text, "told[4] reporters") {
		t.Errorf("footnote marker removed or sentence broken: %q", s.Text)
	}
	for _, f := range s.Facets {
		if strings.Contains(f.Text, "[") {
			t.Errorf("footnote marker inside facet %+v", f)
		}
	}
}
