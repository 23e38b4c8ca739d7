package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/factcheckdesk/factcheck/rating"
)

// CSVOptions tunes CSV output.
type CSVOptions struct {
	// BOM writes a UTF-8 byte order mark first, so spreadsheet applications
	// (notably Excel) detect the encoding.
	BOM bool
}

// csvHeader is the column order of CSV; TeamCSV prepends "article_id".
var csvHeader = []string{"article", "position", "statement", "checkable", "verdict", "correction", "note", "sources", "reviewer", "reviewed_at"}

// neutralise guards a cell against formula injection: a cell starting with
// = + - @, a tab or a carriage return gets a leading single quote, so
// spreadsheets show it as text instead of evaluating it.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// csvSources renders a statement's sources as one cell: one source per
// line, "Title — Publisher — URL" with empty parts left out.
func csvSources(ss []Source) string {
	var lines []string
	for _, s := range ss {
		var parts []string
		for _, p := range []string{s.Title, s.Publisher, s.URL} {
			if p = oneLine(p); p != "" {
				parts = append(parts, p)
			}
		}
		if len(parts) > 0 {
			lines = append(lines, strings.Join(parts, " — "))
		}
	}
	return strings.Join(lines, "\n")
}

// csvRow is one statement's cells, in csvHeader order.
func csvRow(scale *rating.Scale, articleTitle string, s Statement) []string {
	checkable := "no"
	if s.Checkable {
		checkable = "yes"
	}
	return []string{
		oneLine(articleTitle),
		strconv.Itoa(s.Position),
		s.Text,
		checkable,
		VerdictLabel(scale, s.Verdict),
		s.Correction,
		s.Note,
		csvSources(s.Sources),
		s.ReviewedBy,
		csvTime(s.ReviewedAt),
	}
}

// csvTime formats a time for a spreadsheet cell: RFC 3339 in UTC to the
// second, which spreadsheets read as a date; the nanoseconds the database
// keeps would make it text.
func csvTime(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Truncate(time.Second).Format(time.RFC3339)
}

// writeCSV writes header and rows as RFC 4180 CSV (CRLF line ends, quoting
// as needed), neutralising every cell.
func writeCSV(w io.Writer, opt CSVOptions, header []string, rows [][]string) error {
	var b strings.Builder
	if opt.BOM {
		b.WriteString("\ufeff")
	}
	cw := csv.NewWriter(&b)
	cw.UseCRLF = true
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, row := range rows {
		for i := range row {
			row[i] = neutralise(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// CSV writes one row per statement (all statements, reviewed or not) with
// the columns article, position, statement, checkable (yes/no), verdict (in
// words), correction, note, sources (one per line in the cell), reviewer
// and reviewed_at (RFC 3339, UTC, to the second). Output is UTF-8, RFC 4180 (CRLF), with
// cells starting with = + - @ tab or CR prefixed by a single quote.
func CSV(w io.Writer, r Report, opt CSVOptions) error {
	rows := make([][]string, 0, len(r.Statements))
	for _, s := range r.Statements {
		rows = append(rows, csvRow(r.Scale, r.Article.Title, s))
	}
	return writeCSV(w, opt, csvHeader, rows)
}
