package export

import (
	"fmt"
	"html"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// corrections returns the statements that carry a correction: a rating
// that asks for one (corrected) and a non-blank Correction, in document
// order.
func corrections(r Report) []Statement {
	var out []Statement
	for _, s := range r.Statements {
		if scaleOr(r.Scale).Of(key(s.Verdict)).NeedsCorrection && strings.TrimSpace(s.Correction) != "" {
			out = append(out, s)
		}
	}
	return out
}

// validSpan reports whether [start:end) is a non-empty span of body that
// starts and ends on UTF-8 character boundaries.
func validSpan(body string, start, end int) bool {
	if start < 0 || end > len(body) || start >= end {
		return false
	}
	if !utf8.RuneStart(body[start]) {
		return false
	}
	return end == len(body) || utf8.RuneStart(body[end])
}

// AppliedCorrections splits the corrections of r (verdict "corrected" with a
// Correction) into those whose [Start:End) span can be replaced in
// Article.Body, sorted by Start, and those that cannot: out of range, empty,
// splitting a UTF-8 character, or overlapping an earlier-starting span (the
// earliest start wins; ties go to the lower Position). Skipped corrections
// still get a correction notice; the text is simply left as it was.
func AppliedCorrections(r Report) (applied, skipped []Statement) {
	cs := corrections(r)
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Start != cs[j].Start {
			return cs[i].Start < cs[j].Start
		}
		return cs[i].Position < cs[j].Position
	})
	end := 0
	for _, s := range cs {
		if !validSpan(r.Article.Body, s.Start, s.End) || s.Start < end {
			skipped = append(skipped, s)
			continue
		}
		applied = append(applied, s)
		end = s.End
	}
	return applied, skipped
}

// correctedBody returns Article.Body with every applicable correction's span
// replaced by its Correction, applied from the end so earlier offsets stay
// valid.
func correctedBody(r Report) string {
	body := r.Article.Body
	applied, _ := AppliedCorrections(r)
	for i := len(applied) - 1; i >= 0; i-- {
		s := applied[i]
		body = body[:s.Start] + s.Correction + body[s.End:]
	}
	return body
}

// CorrectedText writes Article.Body with each corrected statement's
// [Start:End) byte span replaced by its Correction. Spans that are out of
// range, split a UTF-8 character or overlap another are ignored (see
// AppliedCorrections).
func CorrectedText(w io.Writer, r Report) error {
	_, err := io.WriteString(w, correctedBody(r))
	return err
}

// paraBreak is a paragraph break: a newline, optional blank-ish lines, and
// another newline.
var paraBreak = regexp.MustCompile(`\n[ \t\r\n]*\n`)

// CorrectedDiffHTML writes an HTML fragment of the corrected article: a
// <div class="corrected-article"> of <p> paragraphs (blank lines in Body) in
// which each replaced span appears as <del>original</del><ins>correction</ins>.
// Single newlines become <br>. Every piece of text is HTML-escaped.
func CorrectedDiffHTML(w io.Writer, r Report) error {
	var b strings.Builder
	b.WriteString(`<div class="corrected-article">` + "\n")
	open := false
	ensure := func() {
		if !open {
			b.WriteString("<p>")
			open = true
		}
	}
	brk := func() {
		if open {
			b.WriteString("</p>\n")
			open = false
		}
	}
	lines := func(s string) string {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>\n")
	}
	plain := func(s string) {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		for i, p := range paraBreak.Split(s, -1) {
			if i > 0 {
				brk()
			}
			if p != "" {
				ensure()
				b.WriteString(lines(p))
			}
		}
	}
	body := r.Article.Body
	applied, _ := AppliedCorrections(r)
	pos := 0
	for _, s := range applied {
		plain(body[pos:s.Start])
		ensure()
		b.WriteString("<del>" + lines(body[s.Start:s.End]) + "</del>")
		b.WriteString("<ins>" + lines(s.Correction) + "</ins>")
		pos = s.End
	}
	plain(body[pos:])
	brk()
	b.WriteString("</div>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// noticeQuote prepares statement text for a notice: one line, trimmed,
// without a single trailing full stop (the notice supplies punctuation),
// and with its own double quotation marks turned into single ones, as
// the notice puts it inside double quotation marks: a statement that is
// a quotation reads said “‘We never…’”, not said ““We never…”.
func noticeQuote(s string) string {
	s = oneLine(s)
	if strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "..") {
		s = strings.TrimSuffix(s, ".")
	}
	return innerQuotes.Replace(s)
}

// innerQuotes nests quotation marks one level down.
var innerQuotes = strings.NewReplacer("“", "‘", "”", "’", "„", "‚", `"`, "'")

// CorrectionNotices returns one ready-to-paste notice per corrected
// statement (verdict "corrected" with a Correction), in document order:
//
//	An earlier version of this article said “…”; it has been corrected to “…”.
func CorrectionNotices(r Report) []string {
	var out []string
	for _, s := range corrections(r) {
		out = append(out, fmt.Sprintf("An earlier version of this article said “%s”; it has been corrected to “%s”.",
			noticeQuote(s.Text), noticeQuote(s.Correction)))
	}
	return out
}

// CorrectionNotice writes the notices of CorrectionNotices as plain text,
// separated by blank lines.
func CorrectionNotice(w io.Writer, r Report) error {
	ns := CorrectionNotices(r)
	if len(ns) == 0 {
		return nil
	}
	_, err := io.WriteString(w, strings.Join(ns, "\n\n")+"\n")
	return err
}

// Corrected writes the "corrected" format: a plain-text document with the
// title, the corrected article text and then the correction notices.
func Corrected(w io.Writer, r Report) error {
	var b strings.Builder
	title := titleOr(r.Article.Title)
	b.WriteString(title + "\n")
	b.WriteString(strings.Repeat("=", utf8.RuneCountInString(title)) + "\n")
	if r.Article.URL != "" {
		b.WriteString(oneLine(r.Article.URL) + "\n")
	}
	b.WriteString("\n")
	body := strings.TrimRight(correctedBody(r), " \t\r\n")
	if body != "" {
		b.WriteString(body + "\n")
	}
	if ns := CorrectionNotices(r); len(ns) > 0 {
		b.WriteString("\nCorrections\n-----------\n\n")
		b.WriteString(strings.Join(ns, "\n\n") + "\n")
	}
	if _, skipped := AppliedCorrections(r); len(skipped) > 0 {
		fmt.Fprintf(&b, "\n(%d correction(s) could not be applied to the text above because their position in the article is unknown or overlaps another correction; their notices are listed all the same.)\n", len(skipped))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
