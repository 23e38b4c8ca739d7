package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/rating"
)

func TestVerdictLabel(t *testing.T) {
	tests := map[string]string{
		"":                          "unreviewed",
		string(rating.Unreviewed):   "unreviewed",
		string(rating.InProgress):   "in progress",
		string(rating.Verified):     "verified",
		string(rating.Disputed):     "disputed",
		string(rating.Corrected):    "corrected",
		string(rating.NotCheckable): "not checkable",
		"half_true":                 "half true",
	}
	for in, want := range tests {
		if got := VerdictLabel(nil, in); got != want {
			t.Errorf("VerdictLabel(nil, %q) = %q, want %q", in, got, want)
		}
	}
}

func TestSummarize(t *testing.T) {
	sum := Summarize(nil, []Statement{
		{Checkable: true, Verdict: string(rating.Verified)},
		{Checkable: true},
		{Verdict: string(rating.NotCheckable)},
		{Checkable: true, Verdict: "half_true"},
	})
	if sum.Statements != 4 || sum.Checkable != 3 || sum.Reviewed != 2 {
		t.Errorf("counts = %+v", sum)
	}
	got := map[string]int{}
	var order []string
	for _, vc := range sum.ByVerdict {
		got[vc.Verdict] = vc.Count
		order = append(order, vc.Verdict)
	}
	want := map[string]int{"unreviewed": 1, "in_progress": 0, "verified": 1, "disputed": 0, "corrected": 0, "not_checkable": 1, "half_true": 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ByVerdict = %v, want %v", got, want)
	}
	if order[len(order)-1] != "half_true" || !reflect.DeepEqual(order[:6], Verdicts(nil)) {
		t.Errorf("order = %v", order)
	}
}

func TestNamesAndLookup(t *testing.T) {
	want := []string{"md", "html", "csv", "json", "claimreview", "corrected"}
	if got := Names(); !reflect.DeepEqual(got, want) {
		t.Fatalf("Names() = %v, want %v", got, want)
	}
	types := map[string][2]string{
		"md":          {"text/markdown; charset=utf-8", "md"},
		"html":        {"text/html; charset=utf-8", "html"},
		"csv":         {"text/csv; charset=utf-8", "csv"},
		"json":        {"application/json", "json"},
		"claimreview": {"application/ld+json", "jsonld"},
		"corrected":   {"text/plain; charset=utf-8", "txt"},
	}
	for _, name := range want {
		f, ok := Lookup(name)
		if !ok || f.Name != name || f.Write == nil || f.Label == "" {
			t.Fatalf("Lookup(%q) = %+v, %v", name, f, ok)
		}
		if got := [2]string{f.ContentType, f.Ext}; got != types[name] {
			t.Errorf("%s: content type/ext = %v, want %v", name, got, types[name])
		}
	}
	if f, ok := Lookup(" MD "); !ok || f.Name != "md" {
		t.Errorf("Lookup is not case/space-insensitive")
	}
	for _, bad := range []string{"", "pdf", "markdown", "md\x00"} {
		if _, ok := Lookup(bad); ok {
			t.Errorf("Lookup(%q) succeeded", bad)
		}
	}
	n := Names()
	n[0] = "changed"
	if Names()[0] != "md" {
		t.Error("Names() exposes the registry")
	}
	// The csv format writes exactly what CSV does without a BOM.
	var a, b bytes.Buffer
	f, _ := Lookup("csv")
	if err := f.Write(&a, fixture()); err != nil {
		t.Fatal(err)
	}
	if err := CSV(&b, fixture(), CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("registry csv differs from CSV")
	}
}

func TestSlugAndFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Trump–Putin summit: Will the US send Tomahawk missiles to Ukraine?", "trump-putin-summit-will-the-us-send-tomahawk-missiles-to"},
		{"Hello, World!", "hello-world"},
		{"  --Leading & trailing--  ", "leading-trailing"},
		{"Orbán’s Köln café: Zoë and Łódź", "orbans-koln-cafe-zoe-and-lodz"},
		{"Trump's $5.2bn trade", "trumps-5-2bn-trade"},
		{"", "article"},
		{"   ", "article"},
		{"Путин и Трамп", "article"},
		{"<script>alert(1)</script>", "script-alert-1-script"},
		{"../../etc/passwd", "etc-passwd"},
		{strings.Repeat("a", 80), strings.Repeat("a", 60)},
		{strings.Repeat("word ", 20), strings.TrimSuffix(strings.Repeat("word-", 12), "-")},
	}
	for _, tt := range tests {
		got := Slug(tt.in)
		if got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) > 60 || !regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`).MatchString(got) {
			t.Errorf("Slug(%q) = %q is not a clean slug", tt.in, got)
		}
	}
	r := fixture()
	for name, want := range map[string]string{
		"md":          "trump-putin-summit-will-the-us-send-tomahawk-missiles-to-2025-10-20.md",
		"claimreview": "trump-putin-summit-will-the-us-send-tomahawk-missiles-to-2025-10-20.jsonld",
		"corrected":   "trump-putin-summit-will-the-us-send-tomahawk-missiles-to-2025-10-20.txt",
	} {
		f, _ := Lookup(name)
		if got := FileName(r, f); got != want {
			t.Errorf("FileName(%s) = %q, want %q", name, got, want)
		}
	}
	f, _ := Lookup("csv")
	if got := FileName(Report{GeneratedAt: time.Date(2026, 1, 2, 23, 0, 0, 0, time.UTC)}, f); got != "article-2026-01-02.csv" {
		t.Errorf("FileName(empty) = %q", got)
	}
}

func TestNeutralise(t *testing.T) {
	tests := map[string]string{
		`=HYPERLINK("http://x","y")`: `'=HYPERLINK("http://x","y")`,
		"+1 555":                     "'+1 555",
		"-2+3":                       "'-2+3",
		"@SUM(A1)":                   "'@SUM(A1)",
		"\tTAB":                      "'\tTAB",
		"\rCR":                       "'\rCR",
		"plain = text":               "plain = text",
		"":                           "",
		"'already":                   "'already",
		"5":                          "5",
	}
	for in, want := range tests {
		if got := neutralise(in); got != want {
			t.Errorf("neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

// readCSV parses CSV output strictly (RFC 4180 quoting, fixed field count).
func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	cr := csv.NewReader(bytes.NewReader(b))
	cr.FieldsPerRecord = 0
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatalf("CSV does not parse: %v\n%s", err, b)
	}
	return recs
}

func TestCSVRoundTripAndNeutralisation(t *testing.T) {
	when := time.Date(2025, 10, 18, 12, 10, 0, 0, time.FixedZone("CEST", 2*3600))
	r := Report{
		Article: Article{Title: `He said "no", then left`},
		Statements: []Statement{{
			Position:   1,
			Text:       "Line one, with comma\nline \"two\"\r\nline three – Zoë",
			Checkable:  true,
			Verdict:    string(rating.Disputed),
			Correction: "-5% not +5%",
			Note:       `=HYPERLINK("http://evil.example","x")`,
			Sources:    []Source{{Title: "@handle", Publisher: "P", URL: "https://e.example/a,b"}, {Title: "Second"}},
			ReviewedBy: "\tTabby",
			ReviewedAt: &when,
		}},
	}
	var b bytes.Buffer
	if err := CSV(&b, r, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(b.Bytes(), []byte("\xef\xbb\xbf")) {
		t.Error("BOM written without the option")
	}
	if !bytes.HasSuffix(b.Bytes(), []byte("\r\n")) || bytes.Count(b.Bytes(), []byte("\r\n")) < 2 {
		t.Error("records are not CRLF-terminated")
	}
	recs := readCSV(t, b.Bytes())
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2", len(recs))
	}
	if !reflect.DeepEqual(recs[0], csvHeader) {
		t.Errorf("header = %v", recs[0])
	}
	want := []string{
		`He said "no", then left`,
		"1",
		"Line one, with comma\nline \"two\"\nline three – Zoë", // the reader folds quoted CRLF to LF
		"yes",
		"disputed",
		"'-5% not +5%",
		`'=HYPERLINK("http://evil.example","x")`,
		"'@handle — P — https://e.example/a,b\nSecond",
		"'\tTabby",
		"2025-10-18T10:10:00Z",
	}
	if !reflect.DeepEqual(recs[1], want) {
		t.Errorf("row =\n%q\nwant\n%q", recs[1], want)
	}
	for _, cell := range recs[1] {
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
			t.Errorf("cell %q is not neutralised", cell)
		}
	}
}

func TestCSVFixtureHasNoLiveFormula(t *testing.T) {
	for _, out := range []func(*bytes.Buffer) error{
		func(b *bytes.Buffer) error { return CSV(b, fixture(), CSVOptions{}) },
		func(b *bytes.Buffer) error { return TeamCSV(b, fixtureTeam(), CSVOptions{}) },
	} {
		var b bytes.Buffer
		if err := out(&b); err != nil {
			t.Fatal(err)
		}
		recs := readCSV(t, b.Bytes())
		found := false
		for _, rec := range recs {
			for _, cell := range rec {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("live formula cell %q", cell)
				}
				found = found || strings.HasPrefix(cell, "'=HYPERLINK(")
			}
		}
		if !found {
			t.Error("the fixture's =HYPERLINK( note is missing")
		}
	}
}

func TestCSVBOM(t *testing.T) {
	var b bytes.Buffer
	if err := CSV(&b, fixture(), CSVOptions{BOM: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("\xef\xbb\xbfarticle,position,")) {
		t.Errorf("no BOM: %q", b.Bytes()[:20])
	}
	var team bytes.Buffer
	if err := TeamCSV(&team, fixtureTeam(), CSVOptions{BOM: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(team.Bytes(), []byte("\xef\xbb\xbfarticle_id,article,")) {
		t.Errorf("team: no BOM: %q", team.Bytes()[:20])
	}
	recs := readCSV(t, bytes.TrimPrefix(team.Bytes(), []byte("\xef\xbb\xbf")))
	if len(recs) != len(fixtureTeam().Rows)+1 || recs[len(recs)-1][0] != "43" {
		t.Errorf("team rows = %d, last = %v", len(recs), recs[len(recs)-1])
	}
}

func TestHTMLEscaping(t *testing.T) {
	var b bytes.Buffer
	if err := HTML(&b, fixture()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"<script", "</script", "<b>Bold", `href="javascript:`, "#ZgotmplZ", `alert("pwned")`} {
		if strings.Contains(out, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	for _, good := range []string{
		"&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;",
		"&lt;b&gt;Bold&lt;/b&gt;",
		`<span class="url">javascript:alert(2)</span>`,
		"page-break-inside: avoid",
		"break-inside: avoid",
		"@page",
		`id="statement-103"`,
	} {
		if !strings.Contains(out, good) {
			t.Errorf("HTML lacks %q", good)
		}
	}
	if strings.Contains(out, "<nav") {
		t.Error("HTML report has navigation")
	}
	// Unreviewed and in-progress statements are not listed.
	if strings.Contains(out, `id="statement-104"`) || strings.Contains(out, `id="statement-108"`) {
		t.Error("HTML lists statements without a final verdict")
	}
}

func TestMarkdownEscaping(t *testing.T) {
	tests := map[string]string{
		"[click](javascript:x)":  `\[click\](javascript:x)`,
		"# heading":              `\# heading`,
		"- item":                 `\- item`,
		"+ item":                 `\+ item`,
		"1. first":               `1\. first`,
		"12) twelfth":            `12\) twelfth`,
		"=====":                  `\=====`,
		"> quote":                `\> quote`,
		"<script>x</script>":     `\<script\>x\</script\>`,
		"*a* _b_ `c` ~d~ |e| $f": `\*a\* \_b\_ \` + "`" + `c\` + "`" + ` \~d\~ \|e\| \$f`,
		`back\slash & amp`:       `back\\slash \& amp`,
		"US-Russia 2025.":        "US-Russia 2025.",
		"Zoë “quoted”":           "Zoë “quoted”",
	}
	for in, want := range tests {
		if got := mdEscapeLine(in); got != want {
			t.Errorf("mdEscapeLine(%q) = %q, want %q", in, got, want)
		}
	}
	if got := mdInline("# a\n# b\n\n- [c]"); got != `\# a # b - \[c\]` {
		t.Errorf("mdInline = %q", got)
	}

	var b bytes.Buffer
	if err := Markdown(&b, fixture()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, line := range strings.Split(out, "\n") {
		trimmed := strings.TrimLeft(line, " >")
		if strings.HasPrefix(trimmed, "#") && !regexp.MustCompile(`^#{1,3} (Fact-check report|Summary|Reviewed statements|Statement \d+|Correction notices)`).MatchString(line) {
			t.Errorf("unexpected heading line %q", line)
		}
	}
	for _, bad := range []string{"<script>", "[click here]", "[link]", "<b>"} {
		if strings.Contains(out, bad) {
			t.Errorf("Markdown contains %q", bad)
		}
	}
	if regexp.MustCompile(`[^\\]\]\([^<]`).MatchString(out) {
		t.Error("Markdown has an unescaped link outside our own source links")
	}
	if !strings.Contains(out, `about \$5.2bn`) {
		t.Error("dollar amounts are not escaped")
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, fixture()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "<script>") {
		t.Error("JSON has raw <script>")
	}
	var doc map[string]any
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["schema_version"] != float64(1) {
		t.Errorf("schema_version = %v", doc["schema_version"])
	}
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, e := range v {
				if !snake.MatchString(k) && path != "/summary/by_verdict" {
					t.Errorf("key %s/%s is not snake_case", path, k)
				}
				walk(path+"/"+k, e)
			}
		case []any:
			for _, e := range v {
				walk(path+"[]", e)
			}
		}
	}
	walk("", doc)

	var rep jsonReport
	if err := json.Unmarshal(b.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	r := fixture()
	if len(rep.Statements) != len(r.Statements) || rep.Article.Body != r.Article.Body {
		t.Fatal("statements or body lost")
	}
	s := rep.Statements[3]
	if s.ID != 103 || s.Verdict != string(rating.Corrected) || s.VerdictLabel != "corrected" || !s.Reviewed ||
		s.Permalink != "https://desk.example.org/articles/42?s=103" || len(s.Sources) != 2 ||
		*s.ReviewedAt != "2025-10-18T10:20:00Z" || r.Article.Body[s.Start:s.End] != s.Text {
		t.Errorf("statement 4 = %+v", s)
	}
	if rep.Summary.ByVerdict["corrected"] != 2 || rep.Summary.Reviewed != 6 || len(rep.CorrectionNotices) != 2 {
		t.Errorf("summary = %+v, notices %d", rep.Summary, len(rep.CorrectionNotices))
	}
	if rep.Statements[0].Reasons == nil || rep.Statements[0].Sources == nil {
		t.Error("lists must be [] not null")
	}
}

func TestClaimReview(t *testing.T) {
	r := fixture()
	var b bytes.Buffer
	if err := ClaimReview(&b, r); err != nil {
		t.Fatal(err)
	}
	var docs []map[string]any
	if err := json.Unmarshal(b.Bytes(), &docs); err != nil {
		t.Fatalf("not a JSON array: %v", err)
	}
	want := []struct {
		id     uint
		value  float64
		name   string
		review string
	}{
		{102, 5, "Accurate", "2025-10-18"},
		{103, 1, "Incorrect — corrected", "2025-10-18"},
		{105, 1, "Incorrect — corrected", "2025-10-18"},
		{106, 5, "Accurate", "2025-10-18"},
		{107, 3, "Disputed", "2025-10-18"},
	}
	if len(docs) != len(want) {
		t.Fatalf("got %d ClaimReviews, want %d (skip unreviewed, in progress, not checkable)", len(docs), len(want))
	}
	byID := map[uint]Statement{}
	for _, s := range r.Statements {
		byID[s.ID] = s
	}
	for i, w := range want {
		d := docs[i]
		s := byID[w.id]
		check := func(field string, got, want any) {
			t.Helper()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("review %d: %s = %#v, want %#v", w.id, field, got, want)
			}
		}
		check("@context", d["@context"], "https://schema.org")
		check("@type", d["@type"], "ClaimReview")
		check("claimReviewed", d["claimReviewed"], s.Text)
		check("url", d["url"], fmt.Sprintf("https://desk.example.org/articles/42?s=%d", w.id))
		check("datePublished", d["datePublished"], w.review)
		check("author", d["author"], map[string]any{"@type": "Organization", "name": "Factcheck Desk", "url": "https://desk.example.org"})
		check("reviewRating", d["reviewRating"], map[string]any{
			"@type": "Rating", "ratingValue": w.value, "bestRating": float64(5), "worstRating": float64(1), "alternateName": w.name,
		})
		check("itemReviewed", d["itemReviewed"], map[string]any{
			"@type":         "Claim",
			"author":        map[string]any{"@type": "Organization", "name": "Al Jazeera Staff"},
			"datePublished": "2025-10-17",
			"appearance":    []any{map[string]any{"@type": "CreativeWork", "url": r.Article.URL}},
		})
	}
	if strings.Contains(b.String(), "<script>") {
		t.Error("raw <script> in JSON-LD (unsafe inside a script element)")
	}

	// A personal author is a Person; missing data is left out, not invented.
	r.Article.AuthorIsOrganization = false
	r.Article.Author = "Jane Doe"
	b.Reset()
	if err := ClaimReview(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"@type": "Person",`+"\n        "+`"name": "Jane Doe"`) {
		t.Errorf("no Person author:\n%s", b.String())
	}
	r.Article.Author, r.Article.PublishedAt, r.Article.URL = "", nil, ""
	r.Statements = []Statement{{ID: 1, Text: "x", Verdict: string(rating.Verified)}}
	b.Reset()
	if err := ClaimReview(&b, r); err != nil {
		t.Fatal(err)
	}
	docs = nil
	if err := json.Unmarshal(b.Bytes(), &docs); err != nil {
		t.Fatal(err)
	}
	if item := docs[0]["itemReviewed"]; !reflect.DeepEqual(item, map[string]any{"@type": "Claim"}) {
		t.Errorf("itemReviewed = %v", item)
	}
	if _, ok := docs[0]["datePublished"]; ok {
		t.Error("datePublished invented without ReviewedAt")
	}
}

func TestCorrectedOffsets(t *testing.T) {
	body := "Zoë said “the sky is green”. Köln has 2 million people.\n\nÜber alles: 5 € is £4 — done."
	at := func(s string) (int, int) {
		i := strings.Index(body, s)
		if i < 0 {
			t.Fatalf("%q not in body", s)
		}
		return i, i + len(s)
	}
	mk := func(id uint, text, corr string) Statement {
		s, e := at(text)
		return Statement{ID: id, Position: int(id), Start: s, End: e, Text: text, Verdict: string(rating.Corrected), Correction: corr}
	}
	a := mk(1, "“the sky is green”", "“the sky is blue”")
	b := mk(2, "Köln has 2 million people.", "Köln has about 1.1 million people.")
	c := mk(3, "5 € is £4", "5 € is about £4.35")
	overlap := mk(4, "has 2 million", "XXX") // overlaps b, starts later → skipped
	outOfRange := Statement{ID: 5, Position: 5, Start: len(body) - 2, End: len(body) + 10, Text: "x", Verdict: string(rating.Corrected), Correction: "YYY"}
	negative := Statement{ID: 6, Position: 6, Start: -3, End: 2, Text: "x", Verdict: string(rating.Corrected), Correction: "YYY"}
	midRune := Statement{ID: 7, Position: 7, Start: 3, End: 5, Text: "x", Verdict: string(rating.Corrected), Correction: "YYY"} // inside "ë"
	empty := Statement{ID: 8, Position: 8, Start: 10, End: 10, Text: "x", Verdict: string(rating.Corrected), Correction: "YYY"}
	notCorrected := mk(9, "Zoë", "ZZZ")
	notCorrected.Verdict = string(rating.Disputed)
	noCorrection := mk(10, "done", "")
	r := Report{Article: Article{Title: "T", Body: body}, Statements: []Statement{c, outOfRange, a, negative, overlap, b, midRune, empty, notCorrected, noCorrection}}

	var out bytes.Buffer
	if err := CorrectedText(&out, r); err != nil {
		t.Fatal(err)
	}
	want := "Zoë said “the sky is blue”. Köln has about 1.1 million people.\n\nÜber alles: 5 € is about £4.35 — done."
	if out.String() != want {
		t.Errorf("CorrectedText =\n%q\nwant\n%q", out.String(), want)
	}
	applied, skipped := AppliedCorrections(r)
	var ids []uint
	for _, s := range applied {
		ids = append(ids, s.ID)
	}
	if !reflect.DeepEqual(ids, []uint{1, 2, 3}) || len(skipped) != 5 {
		t.Errorf("applied %v, skipped %d", ids, len(skipped))
	}

	out.Reset()
	if err := CorrectedDiffHTML(&out, r); err != nil {
		t.Fatal(err)
	}
	wantHTML := `<div class="corrected-article">
<p>Zoë said <del>“the sky is green”</del><ins>“the sky is blue”</ins>. <del>Köln has 2 million people.</del><ins>Köln has about 1.1 million people.</ins></p>
<p>Über alles: <del>5 € is £4</del><ins>5 € is about £4.35</ins> — done.</p>
</div>
`
	if out.String() != wantHTML {
		t.Errorf("CorrectedDiffHTML =\n%s\nwant\n%s", out.String(), wantHTML)
	}

	// Notices cover every correction, applied or not, in document order.
	ns := CorrectionNotices(r)
	if len(ns) != 8 || ns[1] != "An earlier version of this article said “x”; it has been corrected to “YYY”." {
		t.Errorf("notices = %q", ns)
	}
	// A quotation keeps one level of quotation marks, nested: not ““…””.
	if ns[2] != "An earlier version of this article said “‘the sky is green’”; it has been corrected to “‘the sky is blue’”." {
		t.Errorf("notice = %q", ns[2])
	}
}

func TestCorrectedDiffHTMLEscapes(t *testing.T) {
	body := "<p onclick=x>Intro</p>\n\n\n\nA & B said <script>x</script>.\nSecond line\r\n\r\nLast"
	s := strings.Index(body, "<script>x</script>")
	r := Report{Article: Article{Body: body}, Statements: []Statement{{Start: s, End: s + len("<script>x</script>"), Verdict: string(rating.Corrected), Correction: "<b>nothing</b>\nat all"}}}
	var out bytes.Buffer
	if err := CorrectedDiffHTML(&out, r); err != nil {
		t.Fatal(err)
	}
	want := `<div class="corrected-article">
<p>&lt;p onclick=x&gt;Intro&lt;/p&gt;</p>
<p>A &amp; B said <del>&lt;script&gt;x&lt;/script&gt;</del><ins>&lt;b&gt;nothing&lt;/b&gt;<br>
at all</ins>.<br>
Second line</p>
<p>Last</p>
</div>
`
	if out.String() != want {
		t.Errorf("got\n%s\nwant\n%s", out.String(), want)
	}
}

func TestCorrectedFormat(t *testing.T) {
	r := fixture()
	var out bytes.Buffer
	if err := Corrected(&out, r); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"They fly at subsonic speed at low altitudes",
		"Moscow is about 750km (470 miles) from Kyiv.",
		"An earlier version of this article said “They fly at supersonic speed",
		"it has been corrected to “Moscow is about 750km (470 miles) from Kyiv”.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("corrected document lacks %q", want)
		}
	}
	if strings.Contains(got, "supersonic speed at low altitudes – about 30 metres (100ft) off the ground – and have a range of more than 1,250-2,500km (780-1,550 miles). They usually") {
		t.Error("the original sentence is still in the corrected text")
	}
}

// A statement that is itself a quotation keeps one level of quotation
// marks in its notice, not two: said “‘We never…’”, not said ““We never…”.
func TestCorrectionNoticeNestsQuotes(t *testing.T) {
	tests := []struct {
		text, correction, want string
	}{
		{"“We never sold them,” the minister said.", "“We sold two,” the minister said.",
			"An earlier version of this article said “‘We never sold them,’ the minister said”; it has been corrected to “‘We sold two,’ the minister said”."},
		{`"Trade fell by half."`, "Trade fell by a quarter.",
			"An earlier version of this article said “'Trade fell by half.'”; it has been corrected to “Trade fell by a quarter”."},
		{"Trade fell.", "Trade rose.",
			"An earlier version of this article said “Trade fell”; it has been corrected to “Trade rose”."},
	}
	for _, tt := range tests {
		s := Statement{Text: tt.text, Correction: tt.correction, Verdict: string(rating.Corrected)}
		got := CorrectionNotices(Report{Statements: []Statement{s}})
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("notice of %q = %q, want %q", tt.text, got, tt.want)
		}
		if strings.Contains(got[0], "““") || strings.Contains(got[0], "””") {
			t.Errorf("doubled quotation marks: %q", got[0])
		}
	}
}

// CSV shows times to the second, which spreadsheets read as dates.
func TestCSVTimesToTheSecond(t *testing.T) {
	at := time.Date(2025, 10, 18, 11, 12, 0, 123456789, time.FixedZone("CEST", 2*3600))
	var b strings.Builder
	if err := CSV(&b, Report{Statements: []Statement{{Position: 1, Text: "T", Verdict: "verified", ReviewedAt: &at}}}, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), ",2025-10-18T09:12:00Z\r\n") || strings.Contains(b.String(), ".123") {
		t.Errorf("CSV time not RFC 3339 to the second in UTC:\n%s", b.String())
	}
}
