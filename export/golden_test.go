package export

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/rating"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden file (run go test ./export -update to accept):\n--- got ---\n%s", name, got)
	}
}

func fixtureTeam() TeamReport {
	r := fixture()
	t := TeamReport{
		From:        *ts("2025-10-01T00:00:00Z"),
		To:          *ts("2025-10-31T00:00:00Z"),
		Verdict:     "",
		Reviewer:    "",
		GeneratedAt: r.GeneratedAt,
	}
	for _, s := range r.Statements {
		if reviewed(nil, s) {
			t.Rows = append(t.Rows, TeamRow{ArticleID: r.Article.ID, ArticleTitle: r.Article.Title, Statement: s})
		}
	}
	other := stmt(201, 3, "Moscow is about 800km (500 miles) from Kyiv.")
	other.Verdict, other.ReviewedBy, other.ReviewedAt = string(rating.Verified), "Zoë Ahmed", ts("2025-10-19T08:00:00Z")
	t.Rows = append(t.Rows, TeamRow{ArticleID: 43, ArticleTitle: "Ukraine | war [live]", Statement: other})
	return t
}

func TestGolden(t *testing.T) {
	r := fixture()
	tests := []struct {
		file  string
		write func(io.Writer) error
	}{
		{"report.md", func(w io.Writer) error { return Markdown(w, r) }},
		{"report.html", func(w io.Writer) error { return HTML(w, r) }},
		{"report.csv", func(w io.Writer) error { return CSV(w, r, CSVOptions{}) }},
		{"report.json", func(w io.Writer) error { return JSON(w, r) }},
		{"claimreview.jsonld", func(w io.Writer) error { return ClaimReview(w, r) }},
		{"corrected.txt", func(w io.Writer) error { return Corrected(w, r) }},
		{"corrected-text.txt", func(w io.Writer) error { return CorrectedText(w, r) }},
		{"corrected-diff.html", func(w io.Writer) error { return CorrectedDiffHTML(w, r) }},
		{"notices.txt", func(w io.Writer) error { return CorrectionNotice(w, r) }},
		{"team.md", func(w io.Writer) error { return TeamMarkdown(w, fixtureTeam()) }},
		{"team.csv", func(w io.Writer) error { return TeamCSV(w, fixtureTeam(), CSVOptions{}) }},
		{"empty.md", func(w io.Writer) error { return Markdown(w, Report{}) }},
		{"empty.html", func(w io.Writer) error { return HTML(w, Report{}) }},
		{"empty.json", func(w io.Writer) error { return JSON(w, Report{}) }},
		{"empty.jsonld", func(w io.Writer) error { return ClaimReview(w, Report{}) }},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.file, b.Bytes())
		})
	}
}

// TestRegistryWritesMatch checks every registered format runs on the
// fixture and on an empty report, and logs the fixture output sizes.
func TestRegistryWritesMatch(t *testing.T) {
	for _, name := range Names() {
		f, ok := Lookup(name)
		if !ok {
			t.Fatalf("Lookup(%q) failed", name)
		}
		var b bytes.Buffer
		if err := f.Write(&b, fixture()); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if b.Len() == 0 {
			t.Errorf("%s: empty output", name)
		}
		t.Logf("%-12s %6d bytes  %s", name, b.Len(), FileName(fixture(), f))
		if err := f.Write(io.Discard, Report{GeneratedAt: time.Time{}}); err != nil {
			t.Errorf("%s on empty report: %v", name, err)
		}
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, os.ErrClosed }

func TestWriteErrorsPropagate(t *testing.T) {
	for _, name := range Names() {
		f, _ := Lookup(name)
		if err := f.Write(failWriter{}, fixture()); err == nil {
			t.Errorf("%s: write error not returned", name)
		}
	}
	if err := TeamCSV(failWriter{}, fixtureTeam(), CSVOptions{}); err == nil {
		t.Error("TeamCSV: write error not returned")
	}
	if err := TeamMarkdown(failWriter{}, fixtureTeam()); err == nil {
		t.Error("TeamMarkdown: write error not returned")
	}
}
