package export

import (
	"fmt"
	"io"
	"strings"
)

// mdSpecial are the characters backslash-escaped anywhere in user text so
// that it cannot open links, images, emphasis, code, HTML, tables, strike-
// through, maths or entities.
const mdSpecial = "\\`*_[]<>|~$&"

// mdEscapeLine escapes one line of user text for Markdown. Besides
// mdSpecial it neutralises block markers at the start of the line
// (headings, lists, quotes, setext underlines, ordered lists).
func mdEscapeLine(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if out == "" {
		return out
	}
	if strings.ContainsRune("#+-=", rune(out[0])) {
		return `\` + out
	}
	// "1. " or "1) " would start an ordered list.
	i := 0
	for i < len(out) && out[i] >= '0' && out[i] <= '9' {
		i++
	}
	if i > 0 && i < len(out) && (out[i] == '.' || out[i] == ')') {
		return out[:i] + `\` + out[i:]
	}
	return out
}

// mdInline escapes user text for an inline context (heading, list item,
// table cell): white space, newlines included, collapses to single spaces.
func mdInline(s string) string { return mdEscapeLine(oneLine(s)) }

// mdLines escapes multi-line user text, line by line, with leading
// indentation removed (so it cannot become a code block).
func mdLines(s string) []string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "\r\n", "\n")
	var out []string
	for _, l := range strings.Split(s, "\n") {
		out = append(out, mdEscapeLine(strings.TrimSpace(l)))
	}
	return out
}

// mdURLDest percent-encodes the characters that may not appear in an
// angle-bracketed link destination or autolink.
var mdURLDest = strings.NewReplacer(" ", "%20", "<", "%3C", ">", "%3E", "\\", "%5C", "`", "%60")

// mdURL renders a URL: an autolink if it is a safe http(s) URL, otherwise
// escaped text (so "javascript:" and friends never become links).
func mdURL(u string) string {
	u = strings.TrimSpace(u)
	if safeHTTPURL(u) {
		return "<" + mdURLDest.Replace(u) + ">"
	}
	return mdInline(u)
}

// mdLink renders [text](<url>) for a safe URL, otherwise the escaped text
// followed by the escaped URL.
func mdLink(text, u string) string {
	u = strings.TrimSpace(u)
	if text = mdInline(text); text == "" {
		return mdURL(u)
	}
	if safeHTTPURL(u) {
		return "[" + text + "](<" + mdURLDest.Replace(u) + ">)"
	}
	if u != "" {
		return text + " (" + mdInline(u) + ")"
	}
	return text
}

// mdQuote writes text as a block quote, each line prefixed with indent+"> ".
func mdQuote(b *strings.Builder, indent, text string) {
	for _, l := range mdLines(text) {
		b.WriteString(strings.TrimRight(indent+"> "+l, " ") + "\n")
	}
}

// Markdown writes the correction report as (CommonMark/GFM) Markdown: title,
// article metadata, summary counts, every reviewed statement with its
// verdict, correction, note, sources and reviewer, then the correction
// notices. User text is escaped so it cannot inject links, headings, HTML
// or other structure.
func Markdown(w io.Writer, r Report) error {
	var b strings.Builder
	a := r.Article
	fmt.Fprintf(&b, "# Fact-check report: %s\n\n", mdInline(titleOr(a.Title)))
	var meta []string
	if a.URL != "" {
		meta = append(meta, "- **URL:** "+mdURL(a.URL))
	}
	if a.Author != "" {
		meta = append(meta, "- **Author:** "+mdInline(a.Author))
	}
	if a.PublishedAt != nil {
		meta = append(meta, "- **Published:** "+humanTimep(a.PublishedAt))
	}
	if r.Organization != "" {
		meta = append(meta, "- **Fact-checked by:** "+mdInline(r.Organization))
	}
	if !r.GeneratedAt.IsZero() {
		meta = append(meta, "- **Report generated:** "+humanTime(r.GeneratedAt))
	}
	for _, m := range meta {
		b.WriteString(m + "\n")
	}
	if len(meta) > 0 {
		b.WriteString("\n")
	}

	sum := Summarize(r.Scale, r.Statements)
	b.WriteString("## Summary\n\n| | Count |\n| --- | ---: |\n")
	fmt.Fprintf(&b, "| Statements | %d |\n| Checkable | %d |\n| Reviewed | %d |\n", sum.Statements, sum.Checkable, sum.Reviewed)
	for _, vc := range sum.ByVerdict {
		fmt.Fprintf(&b, "| Verdict: %s | %d |\n", mdInline(vc.Label), vc.Count)
	}

	b.WriteString("\n## Reviewed statements\n")
	n := 0
	for _, s := range r.Statements {
		if !reviewed(r.Scale, s) {
			continue
		}
		n++
		mdStatement(&b, r, s)
	}
	if n == 0 {
		b.WriteString("\n_No statement has a final verdict yet._\n")
	}

	if ns := CorrectionNotices(r); len(ns) > 0 {
		b.WriteString("\n## Correction notices\n\n")
		for _, n := range ns {
			b.WriteString(mdInline(n) + "\n\n")
		}
	}
	out := strings.TrimRight(b.String(), "\n") + "\n"
	_, err := io.WriteString(w, out)
	return err
}

func mdStatement(b *strings.Builder, r Report, s Statement) {
	fmt.Fprintf(b, "\n### Statement %d: %s\n\n", s.Position, mdInline(VerdictLabel(r.Scale, s.Verdict)))
	mdQuote(b, "", s.Text)
	b.WriteString("\n")
	fmt.Fprintf(b, "- **Verdict:** %s\n", mdInline(VerdictLabel(r.Scale, s.Verdict)))
	if s.ReviewedBy != "" || s.ReviewedAt != nil {
		by := mdInline(s.ReviewedBy)
		if by == "" {
			by = "unknown"
		}
		if s.ReviewedAt != nil {
			by += " on " + humanTimep(s.ReviewedAt)
		}
		fmt.Fprintf(b, "- **Reviewed by:** %s\n", by)
	}
	if r.BaseURL != "" {
		fmt.Fprintf(b, "- **Permalink:** %s\n", mdURL(Permalink(r, s)))
	}
	if strings.TrimSpace(s.Correction) != "" {
		b.WriteString("\n**Correction:**\n\n")
		mdQuote(b, "", s.Correction)
	}
	if strings.TrimSpace(s.Note) != "" {
		b.WriteString("\n**Note:** " + strings.Join(mdLines(s.Note), "\n") + "\n")
	}
	if len(s.Sources) > 0 {
		b.WriteString("\n**Sources:**\n\n")
		for i, src := range s.Sources {
			line := mdLink(src.Title, src.URL)
			if line == "" {
				line = "(untitled source)"
			}
			if src.Publisher != "" {
				line += " — " + mdInline(src.Publisher)
			}
			if src.AccessedAt != nil {
				line += ", accessed " + isoDate(src.AccessedAt)
			}
			fmt.Fprintf(b, "%d. %s\n", i+1, line)
			if strings.TrimSpace(src.Quote) != "" {
				mdQuote(b, "   ", src.Quote)
			}
		}
	}
}
