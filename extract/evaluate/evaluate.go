// Package evaluate measures the extraction engine: sentence boundaries on the
// Golden Rules and on news cases, and check-worthiness precision, recall and
// F1 on the human-labelled debate sentences (ClaimBuster data set, Arslan et
// al. 2020; CLEF CheckThat! 2024 task 1, Hasanain et al. 2024).
package evaluate

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/extract/internal/claim"
)

// LaterDebatesFrom is the first id of the "later debates" split: ids are
// chronological, so fitting below it and testing above it measures how the
// model generalises to debates it has not seen.
const LaterDebatesFrom = 30000

// Config says where the evaluation data is.
type Config struct {
	Shared  string   // holds eval/ (see ../shared/README.md)
	News    string   // the news set (extract/testdata/news); "" skips it
	Only    []string // if set, score only the news articles whose name matches one of these patterns (path.Match)
	Verbose bool     // list every news error
}

// Run prints all figures to w.
func Run(w io.Writer, cfg Config) error {
	sharedDir := cfg.Shared
	cases, err := ReadBoundaryCases(filepath.Join(sharedDir, "eval", "sentence_boundaries.json"))
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "== Sentence boundaries ==")
	ok, failures := Boundaries(cases)
	fmt.Fprintf(w, "Golden Rules (pragmatic_segmenter, MIT): %d of %d exactly right\n", ok, len(cases))
	for _, f := range failures {
		fmt.Fprintf(w, "  FAIL %s\n", f)
	}
	ok, failures = Boundaries(NewsCases)
	fmt.Fprintf(w, "News boundary table: %d of %d exactly right\n", ok, len(NewsCases))
	for _, f := range failures {
		fmt.Fprintf(w, "  FAIL %s\n", f)
	}

	train, err := ReadRows(filepath.Join(sharedDir, "eval", "checkworthy_train.tsv"))
	if err != nil {
		return err
	}
	dev, err := ReadRows(filepath.Join(sharedDir, "eval", "checkworthy_dev.tsv"))
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\n== Check-worthiness (positive class = checkable) ==")
	fmt.Fprintln(w, "Data: ClaimBuster (Arslan et al. 2020) as used by CheckThat! 2024 task 1 (Hasanain et al. 2024).")
	fmt.Fprintf(w, "Threshold: %.2f\n", extract.Threshold)

	var committed claim.Scores
	for _, r := range dev {
		committed.Add(extract.ScoreSentence(r.Text).Checkable, r.Label)
	}
	report(w, fmt.Sprintf("(a) dev, committed model (fit on all %d train rows)", len(train)), committed)

	var early, later []Row
	for _, r := range train {
		if r.ID < LaterDebatesFrom {
			early = append(early, r)
		} else {
			later = append(later, r)
		}
	}
	m := claim.Train(Examples(early), claim.DefaultTrainOptions())
	report(w, fmt.Sprintf("(b) later debates: fit on %d train rows with id < %d, test on %d rows with id >= %d",
		len(early), LaterDebatesFrom, len(later), LaterDebatesFrom), Score(&m, later))
	if cfg.News == "" {
		return nil
	}
	news, err := ReadNews(cfg.News)
	if err != nil {
		return err
	}
	if news, err = Pick(news, cfg.Only); err != nil {
		return err
	}
	var ns, held NewsScores
	heldOut := 0
	for _, a := range news {
		ns.Add(a)
		if a.HeldOut() {
			held.Add(a)
			heldOut++
		}
	}
	fmt.Fprintf(w, "\n== News set (%d articles, hand-labelled, in extract/testdata/news) ==\n", len(news))
	ns.Report(w, cfg.Verbose)
	if heldOut > 0 && heldOut < len(news) {
		fmt.Fprintf(w, "\n== Of which added as held out (%d articles, labelled before the rules that came after them) ==\n", heldOut)
		held.Report(w, false)
	}
	return nil
}

// Score evaluates model m on rows with the product's rules.
func Score(m *claim.Model, rows []Row) claim.Scores {
	var s claim.Scores
	for _, r := range rows {
		s.Add(claim.Judge(m, r.Text, false).Score >= extract.Threshold, r.Label)
	}
	return s
}

func report(w io.Writer, title string, s claim.Scores) {
	fmt.Fprintf(w, "%s\n  P %.3f  R %.3f  F1 %.3f  (TP %d FP %d FN %d TN %d)\n",
		title, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN, s.TN)
}

// Boundaries runs Extract on each case and compares its statements with the
// expected sentences. Runs of whitespace compare equal, because statements
// are exact slices of the input and cannot drop an errant newline.
func Boundaries(cases []BoundaryCase) (ok int, failures []string) {
	for _, c := range cases {
		var got []string
		for _, st := range extract.Extract(c.Input) {
			got = append(got, normalise(st.Text))
		}
		want := make([]string, len(c.Expected))
		for i, e := range c.Expected {
			want[i] = normalise(e)
		}
		if strings.Join(got, "\x00") == strings.Join(want, "\x00") && len(got) == len(want) {
			ok++
			continue
		}
		failures = append(failures, fmt.Sprintf("#%d %s: got %q, want %q", c.Number, c.Name, got, want))
	}
	return ok, failures
}

func normalise(s string) string { return strings.Join(strings.Fields(s), " ") }
