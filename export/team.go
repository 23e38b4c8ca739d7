package export

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/factcheckdesk/factcheck/rating"
)

// TeamReport is every statement reviewed in a date range across articles.
// The caller selects and filters the rows; Reviewer and Verdict record the
// filters applied ("" = all) for the report header.
type TeamReport struct {
	From, To    time.Time
	Reviewer    string
	Verdict     string
	Rows        []TeamRow
	GeneratedAt time.Time
	Scale       *rating.Scale // nil: the built-in scale
}

// TeamRow is one reviewed statement and the article it belongs to.
type TeamRow struct {
	ArticleID    uint
	ArticleTitle string
	Statement    Statement
}

// TeamCSV writes one row per TeamRow: article_id followed by the columns of
// CSV, with the same quoting, formula neutralisation and BOM option.
func TeamCSV(w io.Writer, t TeamReport, opt CSVOptions) error {
	header := append([]string{"article_id"}, csvHeader...)
	rows := make([][]string, 0, len(t.Rows))
	for _, row := range t.Rows {
		rows = append(rows, append([]string{strconv.FormatUint(uint64(row.ArticleID), 10)}, csvRow(t.Scale, row.ArticleTitle, row.Statement)...))
	}
	return writeCSV(w, opt, header, rows)
}

// TeamMarkdown writes the team report as Markdown: period and filters,
// summary counts (statements, articles, by verdict, by reviewer) and a table
// of the rows in the order given.
func TeamMarkdown(w io.Writer, t TeamReport) error {
	var b strings.Builder
	b.WriteString("# Team review report\n\n")
	from, to := isoDate(&t.From), isoDate(&t.To)
	if from == "" {
		from = "the beginning"
	}
	if to == "" {
		to = "now"
	}
	fmt.Fprintf(&b, "- **Period:** %s to %s\n", from, to)
	reviewer := "all"
	if t.Reviewer != "" {
		reviewer = mdInline(t.Reviewer)
	}
	verdict := "all"
	if t.Verdict != "" {
		verdict = mdInline(VerdictLabel(t.Scale, t.Verdict))
	}
	fmt.Fprintf(&b, "- **Reviewer:** %s\n- **Verdict:** %s\n", reviewer, verdict)
	if !t.GeneratedAt.IsZero() {
		fmt.Fprintf(&b, "- **Report generated:** %s\n", humanTime(t.GeneratedAt))
	}

	stmts := make([]Statement, len(t.Rows))
	articles := map[uint]bool{}
	byReviewer := map[string]int{}
	for i, row := range t.Rows {
		stmts[i] = row.Statement
		articles[row.ArticleID] = true
		byReviewer[oneLine(row.Statement.ReviewedBy)]++
	}
	sum := Summarize(t.Scale, stmts)
	b.WriteString("\n## Summary\n\n| | Count |\n| --- | ---: |\n")
	fmt.Fprintf(&b, "| Statements | %d |\n| Articles | %d |\n", len(t.Rows), len(articles))
	for _, vc := range sum.ByVerdict {
		if vc.Count > 0 {
			fmt.Fprintf(&b, "| Verdict: %s | %d |\n", mdInline(vc.Label), vc.Count)
		}
	}
	reviewers := make([]string, 0, len(byReviewer))
	for name := range byReviewer {
		reviewers = append(reviewers, name)
	}
	sort.Slice(reviewers, func(i, j int) bool {
		a, c := reviewers[i], reviewers[j]
		if byReviewer[a] != byReviewer[c] {
			return byReviewer[a] > byReviewer[c]
		}
		return a < c
	})
	if len(reviewers) > 0 {
		b.WriteString("\n| Reviewer | Statements |\n| --- | ---: |\n")
		for _, name := range reviewers {
			label := mdInline(name)
			if label == "" {
				label = "(unknown)"
			}
			fmt.Fprintf(&b, "| %s | %d |\n", label, byReviewer[name])
		}
	}

	b.WriteString("\n## Statements\n\n")
	if len(t.Rows) == 0 {
		b.WriteString("_No statements match._\n")
	} else {
		b.WriteString("| Reviewed | Reviewer | Article | # | Verdict | Statement | Correction |\n| --- | --- | --- | ---: | --- | --- | --- |\n")
		for _, row := range t.Rows {
			s := row.Statement
			fmt.Fprintf(&b, "| %s | %s | %s | %d | %s | %s | %s |\n",
				humanTimep(s.ReviewedAt), mdInline(s.ReviewedBy), mdInline(titleOr(row.ArticleTitle)),
				s.Position, mdInline(VerdictLabel(t.Scale, s.Verdict)), mdInline(s.Text), mdInline(s.Correction))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
