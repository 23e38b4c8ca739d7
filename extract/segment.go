package extract

import (
	"strings"
	"unicode/utf8"
)

// span is a statement's byte range in the document.
type span struct {
	start, end int
	heading    bool
}

// segment splits doc into sentence spans, in order, and returns them with
// the furniture it left out; low is lowerDoc(doc). It is a single
// left-to-right pass with bounded look-around, so it runs in linear time on
// any input.
//
// Paragraphs (runs of content lines) are segmented independently: a blank
// line or a furniture line always ends a sentence, which keeps an unclosed
// quote or parenthesis from swallowing the rest of the article. Before a
// paragraph is segmented, its shape may make it furniture (see blocks.go).
func segment(doc, low string, known []Furniture) ([]span, []Furniture) {
	sg := segmenter{doc: doc, out: make([]span, 0, len(doc)/80+1)}
	sec, promoLines := inArticle, 0
	var blk block
	kn := knownSpans{list: known}
	for ls := 0; ls <= len(doc); {
		le := strings.IndexByte(doc[ls:], '\n')
		if le < 0 {
			le = len(doc)
		} else {
			le += ls
		}
		ts, te := trimSpan(doc, ls, le)
		kind := classifyLine(doc[ts:te], low[ts:te], sec)
		if k := kn.at(ts, te); k != "" {
			if blk.lines > 0 {
				sg.paragraph(&blk)
			}
			sg.furniture(ts, te, k)
			ls = le + 1
			continue
		}
		if kind == lineContent {
			kind, ts = sg.chrome(low, sec, ts, te)
		}
		if (sec == inPromo || sec == inAppeal) && kind != lineBlank {
			if promoLines++; promoLines > maxPromoLines {
				// No end marker: the block was not a promotion after all.
				sec, promoLines = inArticle, 0
				kind = classifyLine(doc[ts:te], low[ts:te], sec)
			}
		}
		if kind == lineContent {
			blk.addLine(doc, ts, te)
		}
		if sec = sec.next(kind); sec != inPromo {
			promoLines = 0
		}
		if kind != lineContent && blk.lines > 0 {
			sg.paragraph(&blk)
		}
		if kind == lineOffice {
			sg.issuer(ts)
		}
		if f := kind.furniture(); f != "" {
			sg.furniture(ts, te, f)
		}
		ls = le + 1
	}
	if blk.lines > 0 {
		sg.paragraph(&blk)
	}
	sg.endOfDocument()
	return sg.out, sg.furn
}

// knownSpans walks the furniture an importer found, in step with the lines.
type knownSpans struct {
	list []Furniture
	last int // end of the last span used, to skip spans out of order
}

// at returns the kind of the known span the non-blank line [ts,te) starts
// in, or "".
func (k *knownSpans) at(ts, te int) string {
	for len(k.list) > 0 {
		f := k.list[0]
		switch {
		case f.Start < k.last || f.End <= f.Start || f.Kind == "":
			k.list = k.list[1:] // out of order or empty: ignored
		case f.End <= ts:
			k.last = f.End
			k.list = k.list[1:]
		case f.Start <= ts && ts < te:
			return f.Kind
		default:
			return ""
		}
	}
	return ""
}

type segmenter struct {
	doc  string
	out  []span
	furn []Furniture
	// stubs are paragraphs of one short unpunctuated line not yet
	// segmented: a run of them is a sidebar or a list of links (see
	// paragraph); prose tells whether one was seen.
	stubs []block
	prose bool
	// listLines: the paragraph turned out to be a list of lines (after a
	// line ending in a colon), so every line break ends an item.
	listLines bool
	// list numbering detected at the start of a paragraph ("1. …  2. …").
	listStyle string // "", ".", ")", ".)"
	listNext  int    // the next expected item number (or letter offset)
	listAlpha bool
}

// Largest distance to a closing parenthesis or bracket that still makes its
// content one unit; beyond it the opener is treated as a stray character.
const (
	maxParen   = 400
	maxBracket = 200
)

// block segments the paragraph doc[bs:be] (already trimmed).
func (sg *segmenter) block(bs, be int) {
	doc := sg.doc
	sg.listStyle, sg.listLines = "", false
	if style, n, alpha, ok := listMarker(doc, bs, be); ok {
		sg.listStyle, sg.listNext, sg.listAlpha = style, n+1, alpha
	}
	segStart := -1
	parenUntil, nextParen := -1, -1
	bracketUntil, nextBracket := -1, -1
	for i := bs; i < be; {
		c := doc[i]
		if segStart < 0 {
			if n := spaceAt(doc, i); n > 0 {
				i += n
				continue
			}
			segStart = i
		}
		switch c {
		case '(':
			if i > parenUntil {
				if nextParen < i && nextParen != be {
					nextParen = indexFrom(doc[:be], i+1, ')')
				}
				if nextParen < be && nextParen-i <= maxParen {
					parenUntil = nextParen
				}
			}
		case '[':
			if i > bracketUntil {
				if nextBracket < i && nextBracket != be {
					nextBracket = indexFrom(doc[:be], i+1, ']')
				}
				if nextBracket < be && nextBracket-i <= maxBracket {
					bracketUntil = nextBracket
				}
			}
		case '\n':
			if sg.lineBreak(segStart, i, be) {
				sg.emit(segStart, i)
				segStart = -1
			}
			i++
			continue
		case '.', '?', '!':
			if i < parenUntil || i < bracketUntil {
				break
			}
			if i == segStart {
				// A sentence cannot consist of punctuation only: ". . . The
				// practice" starts with an ellipsis that belongs to it.
				i = skipEllipsis(doc, i, be)
				continue
			}
			end, next, ok := sg.boundary(segStart, i, be)
			if ok {
				sg.emit(segStart, end)
				segStart = -1
			}
			i = next
			continue
		case 0xe2:
			// "…" (E2 80 A6) ends a sentence like "..."; "•" (E2 80 A2)
			// and "⁃" (E2 81 83) start a list item.
			if strings.HasPrefix(doc[i:], "…") && i > segStart && i >= parenUntil && i >= bracketUntil {
				end, next, ok := sg.boundary(segStart, i, be)
				if ok {
					sg.emit(segStart, end)
					segStart = -1
				}
				i = next
				continue
			}
			if (strings.HasPrefix(doc[i:], "•") || strings.HasPrefix(doc[i:], "⁃")) && i > segStart {
				sg.emit(segStart, i)
				segStart = i
			}
		default:
			if sg.listStyle == "" {
				// Nothing to decide until the next byte the cases above
				// handle.
				i++
				for i < be && !segSpecial[doc[i]] {
					i++
				}
				continue
			}
			if i > segStart && isSpaceByte(doc[i-1]) && sg.nextListItem(i, be) {
				sg.emit(segStart, i)
				segStart = i
			}
		}
		i++
	}
	if segStart >= 0 {
		sg.emit(segStart, be)
	}
}

// segSpecial marks the bytes block's switch has a case for.
var segSpecial = [256]bool{'(': true, '[': true, '\n': true, '.': true, '?': true, '!': true, 0xe2: true}

func indexFrom(s string, from int, c byte) int {
	if from >= len(s) {
		return len(s)
	}
	if k := strings.IndexByte(s[from:], c); k >= 0 {
		return from + k
	}
	return len(s)
}

// emit appends the trimmed span [s,e) and marks headings. Furniture inside
// a paragraph is set aside instead: a transcript note opening the sentence
// ("(Applause.) We have…") or standing alone, a credit in parentheses, a
// lower-case label line ("measles" over a photo).
func (sg *segmenter) emit(s, e int) {
	s, e = trimSpan(sg.doc, s, e)
	if s >= e {
		return
	}
	if n := transcriptNote(sg.doc[s:e]); n > 0 {
		sg.furniture(s, s+n, FurnitureTranscript)
		if s, e = trimSpan(sg.doc, s+n, e); s >= e {
			return
		}
	}
	if k := inlineFurniture(sg.doc, s, e); k != "" {
		sg.furniture(s, e, k)
		return
	}
	heading := isHeading(sg.doc, s, e)
	e = s + len(trimEditLink(sg.doc[s:e]))
	sg.out = append(sg.out, span{start: s, end: e, heading: heading})
}

// isHeading: a short line of its own without final punctuation, or a short
// question standing alone on its line.
func isHeading(doc string, s, e int) bool {
	if s > 0 && !lineStartBefore(doc, s) || e < len(doc) && !lineEndAfter(doc, e) {
		return false
	}
	if e-s > 240 {
		return false
	}
	words := strings.Count(doc[s:e], " ") + 1
	last := lastSignificant(doc, s, e)
	switch last {
	case '.', '!', ';', ',', ':':
		return false
	case '?':
		return words <= 12 && e-s <= 120
	}
	return words <= 14 && e-s <= 120 || words <= 30 && titleCase(doc[s:e])
}

// titleCase: every word of line that is not a short joiner ("of", "to",
// "and", "in") is capitalised or a figure, as in a long headline
// ("Obama Administration Awards Nearly $500 Million in First Round of
// Grants to Community Colleges for Job Training and Workforce
// Development").
func titleCase(line string) bool {
	for w := range strings.FieldsSeq(line) {
		switch w {
		case "a", "an", "the", "of", "to", "in", "on", "at", "for", "and", "or", "but", "by", "with", "from", "as", "vs", "v":
			continue
		}
		if c := w[0]; !isUpper(c) && !isDigit(c) && c != '$' && c != '"' && c < 0x80 {
			return false
		}
	}
	return true
}

// lineStartBefore reports whether only whitespace precedes s on its line.
func lineStartBefore(doc string, s int) bool {
	for i := s - 1; i >= 0 && s-i < 200; i-- {
		switch c := doc[i]; {
		case c == '\n':
			return true
		case !isSpaceByte(c):
			return false
		}
	}
	return s < 200
}

// lineEndAfter reports whether only whitespace follows e on its line.
func lineEndAfter(doc string, e int) bool {
	for i := e; i < len(doc) && i-e < 200; i++ {
		switch c := doc[i]; {
		case c == '\n':
			return true
		case !isSpaceByte(c):
			return false
		}
	}
	return len(doc)-e < 200
}

// lastSignificant is the last byte of doc[s:e] that is not a closing quote
// or bracket, so that `?”` counts as a question.
func lastSignificant(doc string, s, e int) byte {
	for e > s {
		_, n := utf8.DecodeLastRuneInString(doc[s:e])
		r := doc[e-n : e]
		if r == "]" {
			// A footnote marker: "in 1983.[4]"
			k := e - 2
			for k > s && k >= e-6 && isDigit(doc[k]) {
				k--
			}
			if k < e-2 && k >= s && doc[k] == '[' {
				e = k
				continue
			}
		}
		if r == "”" || r == "’" || r == "\"" || r == "'" || r == ")" || r == "]" || r == "»" {
			e -= n
			continue
		}
		return doc[e-1]
	}
	return 0
}

// lineBreak decides whether the newline at i (inside a paragraph) ends the
// current sentence. A line that starts in lower case continues the sentence
// ("errant newlines"), unless it is an item of a list: after a line ending
// in a colon, or short lines in a row that end no sentence ("features" /
// "contact manager"). So does a long line without final punctuation (hard
// wrapped prose), unless it is a bulleted item. Otherwise a line break is a
// boundary: short unpunctuated lines are headings, list items or captions.
func (sg *segmenter) lineBreak(segStart, i, be int) bool {
	if segStart < 0 || segStart >= i {
		return false
	}
	k := i + 1
	for k < be && spaceAt(sg.doc, k) > 0 {
		k += spaceAt(sg.doc, k)
	}
	if k >= be {
		return true
	}
	lineStart := strings.LastIndexByte(sg.doc[segStart:i], '\n') + 1 + segStart
	ls, le := trimSpan(sg.doc, lineStart, i)
	last := lastSignificant(sg.doc, ls, le)
	if sg.listLines {
		return true
	}
	if runeLower(sg.doc, k) {
		if last == ':' {
			sg.listLines = true
			return true
		}
		ne := indexFrom(sg.doc[:be], k, '\n')
		nl := lastSignificant(sg.doc, k, ne)
		return le-ls < 40 && ne-k < 40 && le == i && !strings.ContainsRune(".!?,;", rune(nl)) && !strings.ContainsRune(",;", rune(last))
	}
	if le-ls >= 60 && !strings.ContainsRune(".!?:;", rune(last)) && !isBulleted(sg.doc[ls:le]) {
		if _, _, _, list := listMarker(sg.doc, k, be); !list && !isBulleted(sg.doc[k:be]) {
			return false
		}
	}
	return true
}

// isBulleted: s starts with a bullet ("• ", "- ", "* ", "⁃").
func isBulleted(s string) bool {
	return strings.HasPrefix(s, "•") || strings.HasPrefix(s, "- ") || strings.HasPrefix(s, "* ") || strings.HasPrefix(s, "⁃")
}
