package extract

import (
	"slices"
	"strings"
	"testing"
)

// furnitureOf runs Analyse on doc and returns its statements and its
// furniture as "kind: text".
func furnitureOf(doc string) (sts, furn []string) {
	r := Analyse(doc)
	for _, s := range r.Statements {
		sts = append(sts, s.Text)
	}
	for _, f := range r.Furniture {
		furn = append(furn, f.Kind+": "+doc[f.Start:f.End])
	}
	return sts, furn
}

// TestFurnitureClasses pins each class of furniture the issue names, with
// sentences of our own in the shape real pages bring them: what stays a
// statement and what is set aside, with its kind.
func TestFurnitureClasses(t *testing.T) {
	tests := []furnitureCase{
		{"photo caption with a wire credit, whatever its length",
			"Flood barriers went up overnight.\n\nResidents of Hull carry sandbags past a closed shop on the high street, in Hull, England, Tuesday, Feb. 4, 2025, as the river rose above its banks for the second time this winter and the council opened two rest centres. (AP Photo/Jon Super)\n\nThe river peaked at 6am.",
			[]string{"Flood barriers went up overnight.", "The river peaked at 6am."},
			[]string{"caption: Residents of Hull carry sandbags past a closed shop on the high street, in Hull, England, Tuesday, Feb. 4, 2025, as the river rose above its banks for the second time this winter and the council opened two rest centres. (AP Photo/Jon Super)"}},
		{"file photo caption",
			"Rates rose.\nFILE PHOTO: A trader works on the floor of the exchange in Mumbai, India, May 3, 2024. REUTERS/Priya Rao/File Photo\nThe index fell 2%.",
			[]string{"Rates rose.", "The index fell 2%."},
			[]string{"caption: FILE PHOTO: A trader works on the floor of the exchange in Mumbai, India, May 3, 2024. REUTERS/Priya Rao/File Photo"}},
		{"two caption lines between paragraphs",
			"Unemployment is at a record low.\n\nJobless rates across the OECD in March 2025\nThe euro area and Japan from January 2000[3]\n\nEconomists expect it to rise.",
			[]string{"Unemployment is at a record low.", "Economists expect it to rise."},
			[]string{"caption: Jobless rates across the OECD in March 2025\nThe euro area and Japan from January 2000[3]"}},
		{"a lower-case label over a photo",
			"wildfires\nFires burned 40,000 hectares in Portugal last week.",
			[]string{"Fires burned 40,000 hectares in Portugal last week."},
			[]string{"caption: wildfires"}},
		{"credit lines: reporting credits, bylines glued to a reading time",
			"By Ana Lima4 Min Read\nThe central bank held rates at 10.5%. (Reporting by Ana Lima; Editing by Tom Hale)",
			[]string{"The central bank held rates at 10.5%."},
			[]string{"credit: By Ana Lima4 Min Read", "credit: (Reporting by Ana Lima; Editing by Tom Hale)"}},
		{"date stamps and labels",
			"Monday 3 March 2025\n\nRelease date:\n12 March 2025\n\nContact:\nEmail Sam Reyes\n\nPrices rose 3.1%.",
			[]string{"Prices rose 3.1%."},
			[]string{"credit: Monday 3 March 2025\n\nRelease date:\n12 March 2025\n\nContact:\nEmail Sam Reyes"}},
		{"a list of short title-case lines (a sidebar)",
			"Part of a series on\nMacroeconomics\n\nBasic concepts\n\nAggregate demand\n\nAggregate supply\n\nBusiness cycle\n\nInflation is a general rise in prices.",
			[]string{"Inflation is a general rise in prices."},
			[]string{"navigation: Part of a series on\nMacroeconomics\n\nBasic concepts\n\nAggregate demand\n\nAggregate supply\n\nBusiness cycle"}},
		{"a table of contents",
			"Contents\n1 History\n2 Causes\n2.1 Demand\n3 See also\n\nInflation is measured by price indices.",
			[]string{"Inflation is measured by price indices."},
			[]string{"navigation: Contents\n1 History\n2 Causes\n2.1 Demand\n3 See also"}},
		{"reference lines by their marks",
			"Prices doubled.\n\nSmith, J. (2019). \"Money and prices\". Journal of Economics. 12 (3): 45–67. doi:10.1000/jec.2019.12\nBrown, A. Inflation. Oxford: OUP. ISBN 978-0-19-000000-0.\n\"CPI, March 2024\". ONS. Retrieved 4 April 2024.",
			[]string{"Prices doubled."},
			[]string{"reference: Smith, J. (2019). \"Money and prices\". Journal of Economics. 12 (3): 45–67. doi:10.1000/jec.2019.12\nBrown, A. Inflation. Oxford: OUP. ISBN 978-0-19-000000-0.\n\"CPI, March 2024\". ONS. Retrieved 4 April 2024."}},
		{"the MediaWiki parser report and CSS class soup",
			"Prices doubled.\nNewPP limit report\nCached time: 20250301120000\nCPU time usage: 0.512 seconds\n.mw-parser-output .navbox{box-sizing:border-box;border:1px solid #a2a9b1;width:100%}",
			[]string{"Prices doubled."},
			[]string{"reference: NewPP limit report\nCached time: 20250301120000\nCPU time usage: 0.512 seconds", "code: .mw-parser-output .navbox{box-sizing:border-box;border:1px solid #a2a9b1;width:100%}"}},
		{"related coverage, slideshows, previous and next links",
			"The plant closed in 2024.\n\nSlideshow (3 images)\n\nRelated coverage\nCarmaker cuts 2,000 jobs\nUnions call a strike\n\nThe site will be sold.\n\nPrevious article\n\nNext article",
			[]string{"The plant closed in 2024.", "The site will be sold."},
			[]string{"promotion: Slideshow (3 images)", "navigation: Related coverage\nCarmaker cuts 2,000 jobs\nUnions call a strike", "navigation: Previous article\n\nNext article"}},
		{"menus, breadcrumbs and arrows",
			"News | Sport | Business | Weather\nHome / World / Europe\nTurnout was 61%.\n< Back to index\nNews | Sports | Business | Rural Review | Teaching & Learning | Home and Family | Tourism | Obituaries | Letters to the Editor",
			[]string{"Turnout was 61%."},
			[]string{"navigation: News | Sport | Business | Weather\nHome / World / Europe", "navigation: < Back to index\nNews | Sports | Business | Rural Review | Teaching & Learning | Home and Family | Tourism | Obituaries | Letters to the Editor"}},
		{"all-caps author bios and transcript notes",
			"JANE ROE IS A SENIOR FELLOW AT THE CENTRE FOR FISCAL STUDIES.\n\nWe cut the deficit in half. (Applause.) We created two million jobs.\n\n(LAUGHTER)",
			[]string{"We cut the deficit in half.", "We created two million jobs."},
			[]string{"credit: JANE ROE IS A SENIOR FELLOW AT THE CENTRE FOR FISCAL STUDIES.", "transcript: (Applause.)", "transcript: (LAUGHTER)"}},
		{"headlines after the article's last sentence",
			"The talks ended on Friday.\n\nOil prices slip as talks stall\n\nMore from Markets",
			[]string{"The talks ended on Friday."},
			[]string{"navigation: Oil prices slip as talks stall\n\nMore from Markets"}},
		{"a real heading stays a heading",
			"Why prices rise\n\nPrices rise when demand outstrips supply.\n\nWhat the bank can do\n\nIt can raise rates.",
			[]string{"Why prices rise", "Prices rise when demand outstrips supply.", "What the bank can do", "It can raise rates."},
			nil},
		{"a headline wrapped over two lines stays one heading",
			"Senate votes to move ahead with the request for $9 billion in\n\t\tspending cuts\n\nThe vote was 50-50.",
			[]string{"Senate votes to move ahead with the request for $9 billion in\n\t\tspending cuts", "The vote was 50-50."},
			nil},
		{"a list after a colon is a list, not one sentence",
			"Projects to be funded include:\na new emergency department in Leeds\na cancer centre in Bristol\nAbout £800 million will go to projects outside London.",
			[]string{"Projects to be funded include:", "a new emergency department in Leeds", "a cancer centre in Bristol", "About £800 million will go to projects outside London."},
			nil},
		{"bulleted lines end at the line",
			"- Record funding for hospitals across the state in the coming year\nThe budget rose 5.1 per cent.",
			[]string{"- Record funding for hospitals across the state in the coming year", "The budget rose 5.1 per cent."},
			nil},
	}
	checkFurniture(t, tests)
}

// furnitureCase is a document and what Analyse makes of it: its statements
// and its furniture as "kind: text".
type furnitureCase struct {
	name      string
	doc       string
	sts, furn []string
}

// checkFurniture runs each case as a subtest.
func checkFurniture(t *testing.T, tests []furnitureCase) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sts, furn := furnitureOf(tc.doc)
			if !slices.Equal(sts, tc.sts) {
				t.Errorf("statements\n got %q\nwant %q", sts, tc.sts)
			}
			if !slices.Equal(furn, tc.furn) {
				t.Errorf("furniture\n got %q\nwant %q", furn, tc.furn)
			}
		})
	}
}

// checkKeepsProse: each doc is one statement and no furniture.
func checkKeepsProse(t *testing.T, docs []string) {
	t.Helper()
	for _, doc := range docs {
		if sts, furn := furnitureOf(doc); len(sts) != 1 || len(furn) != 0 {
			t.Errorf("%q: statements %q, furniture %q", doc, sts, furn)
		}
	}
}

// TestFurnitureKeepsProse: lines that look like furniture at a glance but
// are sentences stay statements.
func TestFurnitureKeepsProse(t *testing.T) {
	checkKeepsProse(t, []string{
		"You see all these ads?",
		"The bill would go to the House for another vote before it would go to the Senate.",
		"Contact tracing ended in May.",
		"Prices rose by 4% in the year to March, the ONS said.",
		"By air, the journey takes two hours.",
		"In 2024, 1,200 people were evacuated.",
	})
}

// TestFurnitureSpansCoverTheRest: statements and furniture never overlap,
// both lie in the document, and together with whitespace they cover every
// line that is not blank.
func TestFurnitureSpansCoverTheRest(t *testing.T) {
	doc := article(t)
	r := Analyse(doc)
	covered := make([]bool, len(doc))
	mark := func(s, e int, what string) {
		for i := s; i < e; i++ {
			if covered[i] {
				t.Fatalf("%s [%d,%d) overlaps", what, s, e)
			}
			covered[i] = true
		}
	}
	for _, s := range r.Statements {
		mark(s.Start, s.End, "statement")
	}
	for _, f := range r.Furniture {
		if f.Kind == "" || f.Start >= f.End || f.End > len(doc) {
			t.Fatalf("bad furniture %+v", f)
		}
		mark(f.Start, f.End, "furniture")
	}
	for i, c := range covered {
		if !c && !isSpaceByte(doc[i]) && !strings.HasSuffix(doc[:i+1], "[edit]") {
			t.Errorf("byte %d (%q) is neither statement nor furniture", i, doc[max(0, i-20):min(len(doc), i+20)])
			break
		}
	}
}

// TestKnownFurniture: lines the importer marked are furniture of its kind,
// whatever their shape; nonsense spans are ignored.
func TestKnownFurniture(t *testing.T) {
	doc := "Rates rose to 5%.\n\nThe bank raised rates for the third time this year.\n\nPrices fell."
	cap0 := strings.Index(doc, "The bank")
	known := []Furniture{
		{Start: 50, End: 10, Kind: FurnitureCaption}, // empty: ignored
		{Start: cap0, End: cap0 + 52, Kind: FurnitureCaption},
		{Start: 0, End: 5, Kind: FurnitureCaption}, // out of order: ignored
		{Start: len(doc) + 5, End: len(doc) + 9, Kind: FurnitureCaption},
	}
	r := Analyse(doc, known...)
	var sts []string
	for _, s := range r.Statements {
		sts = append(sts, s.Text)
	}
	if want := []string{"Rates rose to 5%.", "Prices fell."}; !slices.Equal(sts, want) {
		t.Errorf("statements %q, want %q", sts, want)
	}
	if len(r.Furniture) != 1 || r.Furniture[0].Kind != FurnitureCaption || doc[r.Furniture[0].Start:r.Furniture[0].End] != "The bank raised rates for the third time this year." {
		t.Errorf("furniture %+v", r.Furniture)
	}
}
