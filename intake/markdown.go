package intake

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// markdownToText strips Markdown syntax that is not prose and returns the
// title (front-matter "title:" or the first heading) and the text.
//
// Decisions:
//   - headings (ATX "# x" and setext underlines) become their own paragraph,
//     without the markers;
//   - emphasis (*, **, _, __, ~~) and inline-code backticks are removed,
//     keeping the words; underscores inside words (snake_case) are kept;
//   - links become their text, autolinks their URL; images are dropped;
//     reference definitions ("[1]: http://…") are dropped;
//   - fenced code blocks keep their content verbatim (it may be a quoted
//     statement or data the fact-check is about), without the fences;
//   - blockquote ">" markers are removed, the quoted text kept;
//   - bullet markers are removed and each item is on its own line; ordered
//     items keep their number ("1. ");
//   - table rows are on their own line with cells separated by a tab; the
//     |---| separator row is dropped;
//   - horizontal rules and inline HTML tags are dropped; HTML entities and
//     backslash escapes are decoded;
//   - hard-wrapped paragraph lines are joined with a space.
func markdownToText(src string) (title, text string) {
	src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(src, "\n")
	lines, title = stripFrontMatter(lines)

	var out []string // blocks; joined with blank lines
	var para []string
	var items []string // current list / table lines
	flushPara := func() {
		if len(para) > 0 {
			out = append(out, mdInline(strings.Join(para, " ")))
			para = nil
		}
	}
	flushItems := func() {
		if len(items) > 0 {
			out = append(out, strings.Join(items, "\n"))
			items = nil
		}
	}
	flush := func() { flushPara(); flushItems() }
	heading := func(s string) {
		flush()
		h := mdInline(s)
		if h == "" {
			return
		}
		if title == "" {
			title = h
		}
		out = append(out, h)
	}

	fence := ""
	var code []string
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if fence != "" {
			if t := strings.TrimSpace(line); strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
				if len(code) > 0 {
					out = append(out, strings.Join(code, "\n"))
				}
				code = nil
				continue
			}
			code = append(code, line)
			continue
		}
		if m := rxFence.FindStringSubmatch(line); m != nil {
			flush()
			fence = m[1]
			continue
		}
		// Blockquote markers.
		for {
			m := rxQuote.FindStringIndex(line)
			if m == nil {
				break
			}
			line = line[m[1]:]
		}
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			flush()
		case rxSetext.MatchString(line) && len(para) > 0 && len(items) == 0:
			h := strings.Join(para, " ")
			para = nil
			heading(h)
		case rxHR.MatchString(line):
			flush()
		case rxATX.MatchString(line):
			m := rxATX.FindStringSubmatch(line)
			heading(rxATXClose.ReplaceAllString(m[1], ""))
		case rxRefDef.MatchString(line):
			// dropped
		case rxBullet.MatchString(line):
			flushPara()
			m := rxBullet.FindStringSubmatch(line)
			items = append(items, mdInline(m[1]))
		case rxOrdered.MatchString(line):
			flushPara()
			m := rxOrdered.FindStringSubmatch(line)
			n, _ := strconv.Atoi(m[1])
			items = append(items, fmt.Sprintf("%d. %s", n, mdInline(m[2])))
		case rxTableRow.MatchString(line):
			flushPara()
			if rxTableSep.MatchString(line) {
				continue
			}
			cells := splitTableRow(trimmed)
			for j := range cells {
				cells[j] = mdInline(cells[j])
			}
			items = append(items, strings.Join(cells, "\t"))
		case len(items) > 0:
			// Continuation of the last list item.
			items[len(items)-1] += " " + mdInline(trimmed)
		default:
			if strings.HasSuffix(line, "  ") || strings.HasSuffix(trimmed, "\\") {
				trimmed = strings.TrimSuffix(trimmed, "\\") + "\n"
			}
			para = append(para, trimmed)
		}
	}
	if fence != "" && len(code) > 0 {
		out = append(out, strings.Join(code, "\n"))
	}
	flush()
	return title, strings.Join(out, "\n\n")
}

var (
	rxFence    = regexp.MustCompile("^ {0,3}(```+|~~~+)")
	rxQuote    = regexp.MustCompile(`^ {0,3}> ?`)
	rxSetext   = regexp.MustCompile(`^ {0,3}(=+|-+)\s*$`)
	rxHR       = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	rxATX      = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]+(.*?))?[ \t]*$`)
	rxATXClose = regexp.MustCompile(`(?:^|[ \t]+)#+$`)
	rxRefDef   = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*\S+`)
	rxBullet   = regexp.MustCompile(`^\s*[-*+][ \t]+(?:\[[ xX]\][ \t]+)?(.*)$`)
	rxOrdered  = regexp.MustCompile(`^\s*(\d{1,9})[.)][ \t]+(.*)$`)
	rxTableRow = regexp.MustCompile(`^\s*\|.*\|\s*$`)
	rxTableSep = regexp.MustCompile(`^\s*\|?[\s:|-]*-[\s:|-]*$`)

	rxCode2     = regexp.MustCompile("``\\s?(.+?)\\s?``")
	rxCode1     = regexp.MustCompile("`([^`]+)`")
	rxEscape    = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|>~<"'])`)
	rxImage     = regexp.MustCompile(`!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])`)
	rxLink      = regexp.MustCompile(`\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])`)
	rxAutolink  = regexp.MustCompile(`<((?:https?|mailto):[^<>\s]+)>`)
	rxTag       = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->`)
	rxStrong    = regexp.MustCompile(`\*\*(\S(?:.*?\S)?)\*\*`)
	rxEm        = regexp.MustCompile(`\*(\S(?:.*?\S)?)\*`)
	rxUStrong   = regexp.MustCompile(`(^|[^A-Za-z0-9_])__(\S(?:.*?\S)?)__($|[^A-Za-z0-9_])`)
	rxUEm       = regexp.MustCompile(`(^|[^A-Za-z0-9_])_(\S(?:.*?\S)?)_($|[^A-Za-z0-9_])`)
	rxStrike    = regexp.MustCompile(`~~(.+?)~~`)
	rxSpaces    = regexp.MustCompile(`[ \t]+`)
	rxHolder    = regexp.MustCompile("\uE000(\\d+)\uE001")
	rxTableCell = regexp.MustCompile(`\\\|`)
)

// mdInline strips inline Markdown from one paragraph.
func mdInline(s string) string {
	var held []string
	hold := func(v string) string {
		held = append(held, v)
		return "\uE000" + strconv.Itoa(len(held)-1) + "\uE001"
	}
	s = rxCode2.ReplaceAllStringFunc(s, func(m string) string { return hold(rxCode2.FindStringSubmatch(m)[1]) })
	s = rxCode1.ReplaceAllStringFunc(s, func(m string) string { return hold(rxCode1.FindStringSubmatch(m)[1]) })
	s = rxEscape.ReplaceAllStringFunc(s, func(m string) string { return hold(m[1:]) })
	s = rxImage.ReplaceAllString(s, "")
	s = rxLink.ReplaceAllString(s, "$1")
	s = rxAutolink.ReplaceAllString(s, "$1")
	s = rxTag.ReplaceAllString(s, "")
	s = rxStrong.ReplaceAllString(s, "$1")
	s = rxUStrong.ReplaceAllString(s, "$1$2$3")
	s = rxEm.ReplaceAllString(s, "$1")
	s = rxUEm.ReplaceAllString(s, "$1$2$3")
	s = rxStrike.ReplaceAllString(s, "$1")
	s = html.UnescapeString(s)
	s = rxHolder.ReplaceAllStringFunc(s, func(m string) string {
		i, _ := strconv.Atoi(rxHolder.FindStringSubmatch(m)[1])
		return held[i]
	})
	// Collapse spaces but keep hard line breaks.
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(rxSpaces.ReplaceAllString(p, " "))
	}
	return strings.Join(parts, "\n")
}

func splitTableRow(row string) []string {
	row = strings.TrimSuffix(strings.TrimPrefix(row, "|"), "|")
	row = rxTableCell.ReplaceAllString(row, "\uE002")
	cells := strings.Split(row, "|")
	for i, c := range cells {
		cells[i] = strings.ReplaceAll(strings.TrimSpace(c), "\uE002", "|")
	}
	return cells
}

// stripFrontMatter removes a leading YAML (---) or TOML (+++) block and
// returns its title, if any.
func stripFrontMatter(lines []string) ([]string, string) {
	if len(lines) == 0 {
		return lines, ""
	}
	delim := strings.TrimSpace(strings.TrimPrefix(lines[0], "\uFEFF"))
	if delim != "---" && delim != "+++" {
		return lines, ""
	}
	for i := 1; i < len(lines) && i < 200; i++ {
		t := strings.TrimSpace(lines[i])
		if t == delim || (delim == "---" && t == "...") {
			title := ""
			for _, l := range lines[1:i] {
				if m := rxFrontTitle.FindStringSubmatch(l); m != nil {
					title = strings.Trim(strings.TrimSpace(m[1]), `"'`)
					break
				}
			}
			return lines[i+1:], title
		}
		if t != "" && !rxFrontLine.MatchString(lines[i]) {
			return lines, "" // not front matter after all
		}
	}
	return lines, ""
}

var (
	rxFrontTitle = regexp.MustCompile(`^title\s*[:=]\s*(.+)$`)
	rxFrontLine  = regexp.MustCompile(`^(\s+|-\s|[A-Za-z0-9_.-]+\s*[:=]|#|\[)`)
)
