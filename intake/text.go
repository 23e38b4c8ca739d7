package intake

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/factcheckdesk/factcheck/extract"
)

// textBuilder accumulates words and pending breaks. Breaks are collapsed:
// asking for a line break after a paragraph break is a no-op, and no break
// is written before the first word.
type textBuilder struct {
	sb      strings.Builder
	space   bool // a space is pending
	breaks  int  // pending newlines (0, 1 or 2)
	started bool
	mark    string // a furniture mark to write before the next word
}

func (b *textBuilder) brk(n int) {
	if n > b.breaks {
		b.breaks = n
	}
	b.space = false
}

func (b *textBuilder) flushPending() {
	if b.started && b.breaks > 0 {
		b.sb.WriteString("\n\n"[:b.breaks])
	} else if b.started && b.space {
		b.sb.WriteByte(' ')
	}
	b.breaks, b.space = 0, false
}

func (b *textBuilder) word(w string) {
	b.flushPending()
	b.writeMark()
	b.sb.WriteString(w)
	b.started = true
}

// text writes s collapsing whitespace.
func (b *textBuilder) text(s string) {
	for {
		i := strings.IndexFunc(s, isSpace)
		if i < 0 {
			if s != "" {
				b.word(s)
			}
			return
		}
		if i > 0 {
			b.word(s[:i])
		}
		if b.started && b.breaks == 0 {
			b.space = true
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		s = s[i+size:]
	}
}

// raw writes preformatted text, keeping its line structure.
func (b *textBuilder) raw(s string) {
	s = strings.Trim(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	if strings.TrimSpace(s) == "" {
		return
	}
	b.flushPending()
	b.writeMark()
	b.sb.WriteString(s)
	b.started = true
}

// writeMark writes the pending furniture mark, so that the mark sits right
// before the block's first word, after the breaks that open the block.
func (b *textBuilder) writeMark() {
	if b.mark != "" {
		b.sb.WriteString(b.mark)
		b.mark = ""
	}
}

func (b *textBuilder) tab() {
	if b.started && b.breaks == 0 {
		b.space = false
		b.sb.WriteByte('\t')
	}
}

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' }

// renderText converts an HTML subtree into plain text; see the package
// documentation for the layout rules.
func renderText(n *html.Node) string {
	text, _ := renderArticle(n, nil)
	return text
}

// renderArticle is renderText for readability's article: aside holds the
// furniture blocks set aside before readability (nil for none). Each is put
// back at its placeholder, and it and every element that is furniture by
// its markup are returned as furniture spans of the text.
func renderArticle(n *html.Node, aside *setAside) (string, []extract.Furniture) {
	var b textBuilder
	var walk func(n *html.Node, pre bool, listDepth int)
	inFurniture := 0 // furniture blocks being rendered; nested ones are not marked again
	// furniture renders n as a furniture block of kind.
	furniture := func(n *html.Node, kind string, pre bool, listDepth int) {
		b.brk(2)
		b.mark = string(furnOpen) + string(kindCodes[kind])
		inFurniture++
		walk(n, pre, listDepth)
		inFurniture--
		if b.mark != "" {
			b.mark = "" // nothing was written: no block
		} else {
			b.sb.WriteRune(furnClose)
		}
		b.brk(2)
	}
	walk = func(n *html.Node, pre bool, listDepth int) {
		if aside != nil && n.Type == html.TextNode {
			if blk, ok := aside.block(n.Data); ok {
				furniture(blk.node, blk.kind, pre, listDepth)
				return
			}
		}
		switch n.Type {
		case html.TextNode:
			if pre {
				b.raw(n.Data)
			} else {
				b.text(n.Data)
			}
			return
		case html.ElementNode:
		case html.DocumentNode:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, pre, listDepth)
			}
			return
		default:
			return
		}
		if isHidden(n) {
			return
		}
		if aside != nil && inFurniture == 0 {
			if kind, ok := furnitureKind(n); ok && kind != "" {
				furniture(n, kind, pre, listDepth)
				return
			}
		}
		var after int
		switch n.DataAtom {
		case atom.Head, atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
			atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Audio, atom.Video, atom.Img,
			atom.Picture, atom.Button, atom.Input, atom.Select, atom.Textarea, atom.Map:
			return
		case atom.Br:
			b.brk(1)
			return
		case atom.Hr:
			b.brk(2)
			return
		case atom.Pre:
			b.brk(2)
			after = 2
			pre = true
		case atom.Ul, atom.Ol, atom.Dl:
			if listDepth > 0 {
				b.brk(1)
				after = 1
			} else {
				b.brk(2)
				after = 2
			}
			listDepth++
		case atom.Li:
			b.brk(1)
			after = 1
			if p := n.Parent; p != nil && p.DataAtom == atom.Ol {
				b.word(strconv.Itoa(listIndex(n)) + ".")
				b.space = true
			}
		case atom.Dt, atom.Dd, atom.Tr, atom.Caption:
			b.brk(1)
			after = 1
		case atom.Td, atom.Th:
			b.tab()
		case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote,
			atom.Table, atom.Figure, atom.Figcaption, atom.Div, atom.Section, atom.Article,
			atom.Header, atom.Footer, atom.Main, atom.Aside, atom.Nav, atom.Address,
			atom.Details, atom.Summary, atom.Form, atom.Fieldset, atom.Center, atom.Body:
			if listDepth > 0 && n.DataAtom != atom.Blockquote && n.DataAtom != atom.Table {
				// Paragraphs inside a list item stay on the item's line.
				b.brk(1)
				after = 1
			} else {
				b.brk(2)
				after = 2
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, pre, listDepth)
		}
		if after > 0 {
			b.brk(after)
		}
	}
	walk(n, false, 0)
	return furnitureSpans(tidyText(b.sb.String()))
}

// listIndex returns the 1-based number of an <li> in its <ol>.
func listIndex(li *html.Node) int {
	start := 1
	for _, a := range li.Parent.Attr {
		if a.Key == "start" {
			if v, err := strconv.Atoi(strings.TrimSpace(a.Val)); err == nil {
				start = v
			}
		}
	}
	i := start
	for s := li.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode && s.DataAtom == atom.Li {
			i++
		}
	}
	return i
}

func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "" || a.Val == "true" {
				return true
			}
		case "style":
			v := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// tidyText normalises plain text: valid UTF-8, \n line endings, no control
// characters other than \n and \t, no trailing spaces, at most one blank
// line in a row, no leading or trailing blank lines.
func tidyText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\u00a0' || r == '\u2028' || r == '\u2029' || r == '\f' || r == '\v':
			return ' '
		case r == '\ufeff' || unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	blank := true // suppresses leading blank lines
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" || strings.TrimSpace(l) == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		blank = false
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}
