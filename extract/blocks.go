package extract

import (
	"slices"
	"strings"
)

// Paragraphs judged by their shape. A caption block, a sidebar, a menu or a
// list of links is made of short lines that do not end a sentence, and it
// says nothing between its lines: two such lines in one paragraph ("Inflation
// rates among members of the IMF in April 2024" over "UK and US monthly
// inflation rates from January 1989"), or three one-line paragraphs of a few
// words in a row, are furniture. So is such a line after the article's last
// sentence (a related headline, a tag, a signature). A heading followed by
// prose stays a heading.

// block is a paragraph being read: its span and the shape of its lines.
type block struct {
	start, end int
	lines      int
	stubLines  int // short lines that end no sentence (see isStubLine)
	maxWords   int // words in its longest line
	// leadIn: the first line ends in a colon, so the short lines under it
	// are the items of a list ("First Round Qualifiers:" over "Offaly v
	// Tyrone"), not a sidebar. Lines that open page widgets ("Sort by:",
	// "Related:") are furniture before they reach a block.
	leadIn bool
}

// maxStubWords is the most words of a one-line paragraph that can be part
// of a run of menu or sidebar entries.
const maxStubWords = 6

// minStubRun is the least number of such paragraphs in a row that are a
// menu or a sidebar rather than headings.
const minStubRun = 3

func (b *block) addLine(doc string, s, e int) {
	if b.lines == 0 {
		b.start = s
		b.leadIn = lastSignificant(doc, s, e) == ':'
	}
	b.end = e
	b.lines++
	words := strings.Count(doc[s:e], " ") + 1
	b.maxWords = max(b.maxWords, words)
	if isStubLine(doc, s, e, words) {
		b.stubLines++
	}
}

// isStubLine: the line doc[s:e] is short, ends no sentence or clause, and
// is neither a list item nor the wrapped rest of a line ("spending cuts").
func isStubLine(doc string, s, e, words int) bool {
	if words > 16 || e-s > 120 || runeLower(doc, s) || !runeUpper(doc, s) && !isDigit(doc[s]) && !strings.HasPrefix(doc[s:e], "“") {
		return false
	}
	if _, _, _, list := listMarker(doc, s, e); list {
		return false
	}
	switch lastSignificant(doc, s, e) {
	case '.', '!', '?', ';', ',':
		return false
	}
	return true
}

// paragraph segments the paragraph b, or sets it aside as furniture or as a
// stub whose fate the next paragraphs decide, and resets b.
func (sg *segmenter) paragraph(b *block) {
	defer func() { *b = block{} }()
	switch {
	case b.lines >= 2 && b.stubLines == b.lines && !b.leadIn:
		kind := FurnitureNavigation
		if b.maxWords > maxStubWords {
			kind = FurnitureCaption
		}
		sg.furniture(b.start, b.end, kind)
		return
	case b.lines == 1 && b.stubLines == 1:
		sg.stubs = append(sg.stubs, *b)
		return
	}
	sg.flushStubs(false)
	sg.block(b.start, b.end)
	sg.prose = true
}

// flushStubs segments the pending one-line paragraphs, or drops them as
// navigation: all of them when asked (after the article's last sentence),
// else those of a run of at least minStubRun short ones.
func (sg *segmenter) flushStubs(drop bool) {
	short := 0
	for _, b := range sg.stubs {
		if b.maxWords <= maxStubWords {
			short++
		}
	}
	run := short >= minStubRun
	for _, b := range sg.stubs {
		if drop || run && b.maxWords <= maxStubWords {
			sg.furniture(b.start, b.end, FurnitureNavigation)
		} else {
			sg.block(b.start, b.end)
		}
	}
	sg.stubs = sg.stubs[:0]
}

// endOfDocument settles the pending paragraphs and puts the furniture in
// order, merging neighbours of one kind that only whitespace separates.
func (sg *segmenter) endOfDocument() {
	sg.flushStubs(sg.prose)
	if len(sg.furn) < 2 {
		return
	}
	slices.SortFunc(sg.furn, func(a, b Furniture) int { return a.Start - b.Start })
	out := sg.furn[:1]
	for _, f := range sg.furn[1:] {
		last := &out[len(out)-1]
		if f.Kind == last.Kind && f.Start >= last.End && strings.TrimSpace(sg.doc[last.End:f.Start]) == "" {
			last.End = max(last.End, f.End)
			continue
		}
		out = append(out, f)
	}
	sg.furn = out
}

// furniture records doc[s:e] as furniture of kind.
func (sg *segmenter) furniture(s, e int, kind string) {
	if s < e {
		sg.furn = append(sg.furn, Furniture{Start: s, End: e, Kind: kind})
	}
}

// transcriptWords open a transcript's notes: "(APPLAUSE)", "(Laughter.)",
// "[crosstalk]".
var transcriptWords = set("applause", "laughter", "cheers", "cheering", "booing", "boos", "crosstalk", "inaudible",
	"unintelligible", "music", "silence", "pause", "laughs", "sighs", "cheer", "commercial", "video", "clip", "break",
	"audio", "gap", "groans", "murmurs", "end")

// transcriptNote returns the length of the transcript note that text starts
// with, or 0.
func transcriptNote(text string) int {
	if len(text) < 4 || text[0] != '(' && text[0] != '[' {
		return 0
	}
	closer := byte(')')
	if text[0] == '[' {
		closer = ']'
	}
	k := strings.IndexByte(text[:min(len(text), 40)], closer)
	if k < 0 || k+1 < len(text) && !isSpaceByte(text[k+1]) {
		return 0
	}
	inner := strings.TrimRight(text[1:k], ".")
	first, _, _ := strings.Cut(inner, " ")
	var buf [32]byte
	if strings.Count(inner, " ") > 2 || !transcriptWords[string(lowerASCII(buf[:0], first))] {
		return 0
	}
	return k + 1
}

// inlineFurniture says what furniture the sentence doc[s:e] is, or "": a
// credit in parentheses ("(Reporting by …; Editing by …)"), or a label of
// up to three lower-case words alone on its line ("measles" over a photo).
func inlineFurniture(doc string, s, e int) string {
	text := doc[s:e]
	if text[0] == '(' && text[len(text)-1] == ')' && len(text) < 300 && creditPrefixList.match(strings.ToLower(text[1:min(len(text), 40)])) {
		return FurnitureCredit
	}
	if runeLower(doc, s) && strings.Count(text, " ") < 3 && !strings.ContainsAny(text, ".,;:!?()\"") &&
		(s == 0 || lineStartBefore(doc, s)) && (e == len(doc) || lineEndAfter(doc, e)) {
		return FurnitureCaption
	}
	return ""
}
