package extract

import (
	"strings"
	"unsafe"
)

// Page furniture is recognised line by line: news sites put it on lines of
// its own ("Advertisement", "list of 3 items", a byline, a graphic caption),
// so a whole-line test is both precise and cheap. Furniture lines are dropped
// and also end the paragraph they interrupt, so a sentence never runs across
// an advert.

// furnitureExact are whole lines (case-insensitive, trailing ":" ignored)
// that are never article text.
var furnitureExact = set(
	"advertisement", "advertisements", "ad", "sponsored", "sponsored content",
	"recommended", "recommended stories", "recommended for you", "recommended articles",
	"related", "related stories", "related articles", "related content", "related news",
	"read more", "read next", "read also", "also read", "see also", "more on this story",
	"more from", "most read", "most popular", "trending", "top stories", "latest news",
	"end of list", "share", "share this", "share this article", "share article",
	"share on facebook", "share on x", "share on twitter", "share on whatsapp",
	"copy link", "print", "email", "save", "comments", "listen", "listen to this article",
	"skip to content", "skip advertisement", "continue reading", "click to expand",
	"subscribe", "sign up", "follow us", "story continues below advertisement",
)

// referenceHeadings start a references section: the heading and the
// "^ … (www.site.com)" lines after it are furniture.
var referenceHeadings = set("references", "footnotes", "sources", "notes", "external links", "further reading", "bibliography", "links")

// furniturePrefixes start short lines that are prompts, not prose.
var furniturePrefixes = []string{
	"read more", "read next", "related:", "see also", "also read", "share on", "share this",
	"follow us", "follow our", "follow @", "follow al jazeera", "subscribe to", "sign up for", "sign up to",
	"click here", "published on", "published:", "updated on", "updated:", "last updated",
	"posted on", "watch:", "listen:", "more:", "photo:", "image:", "file photo", "file:",
}

// captionPrefixes are the all-caps labels news sites put on graphics.
var captionPrefixes = []string{"INTERACTIVE", "INFOGRAPHIC", "GRAPHIC", "MAP", "CHART", "VIDEO", "PHOTO", "PHOTOS", "WATCH", "LISTEN", "GALLERY", "IN PICTURES", "EXPLAINER"}

// lineKind classifies a trimmed line.
type lineKind uint8

const (
	lineContent lineKind = iota
	lineBlank
	lineFurniture
	lineReferences // a "References" heading: furniture that opens a section
)

// classifyLine decides whether the trimmed line is furniture. inRefs says we
// are inside a references section, where citation-like lines are dropped.
func classifyLine(line string, inRefs bool) lineKind {
	if line == "" {
		return lineBlank
	}
	// Long lines are prose; this also keeps the classifier O(1) per byte.
	if len(line) > 300 {
		return lineContent
	}
	var buf [300]byte
	lb := lowerASCII(buf[:0], strings.TrimRight(line, ":."))
	// low lives only in this call and buf is not written after this line.
	low := unsafe.String(unsafe.SliceData(lb), len(lb))
	if furnitureExact[low] {
		return lineFurniture
	}
	if referenceHeadings[low] {
		return lineReferences
	}
	words := strings.Count(line, " ") + 1
	if strings.HasPrefix(low, "list of ") && strings.HasSuffix(low, " items") && words <= 5 {
		return lineFurniture
	}
	if isCitationLine(line) || inRefs && isReferenceLine(line) {
		return lineFurniture
	}
	last := line[len(line)-1]
	terminal := last == '.' || last == '!' || last == '?'
	if words <= 12 && !(terminal && words >= 4) {
		for _, p := range furniturePrefixes {
			if strings.HasPrefix(low, p) {
				return lineFurniture
			}
		}
	}
	if isByline(line, words) || isCaption(line) || isCreditLine(line, words) {
		return lineFurniture
	}
	return lineContent
}

// isCitationLine matches Wikipedia-style back-links: "1. ^ told (www.site.com)".
func isCitationLine(line string) bool {
	s := strings.TrimLeft(line, "0123456789.) \t")
	return strings.HasPrefix(s, "^") || strings.HasPrefix(s, "↑")
}

// isReferenceLine matches the entries of a references section.
func isReferenceLine(line string) bool {
	if isCitationLine(line) || strings.HasPrefix(line, "[") {
		return true
	}
	if strings.Contains(line, "(www.") || strings.Contains(line, "http://") || strings.Contains(line, "https://") {
		return true
	}
	return isDigit(line[0]) && (strings.Contains(line, "Retrieved") || strings.Contains(line, "www."))
}

// isByline matches "By admin", "By Jane Doe and John Roe": short, no digits,
// no sentence punctuation, every word capitalised except joiners.
func isByline(line string, words int) bool {
	if !strings.HasPrefix(line, "By ") || words > 7 || strings.ContainsAny(line, "0123456789.!?,;:\"“") {
		return false
	}
	for i, w := range strings.Fields(line[3:]) {
		if w == "and" || w == "&" || (i == 0 && w == "admin") || w == "staff" {
			continue
		}
		if !runeUpper(w, 0) {
			return false
		}
	}
	return true
}

// isCaption matches graphic captions such as
// "INTERACTIVE - What are Tomahawk missiles - September 30, 2025-1759225571"
// and photo credits such as "Trump in Alaska [File: Kevin Lamarque/Reuters]".
func isCaption(line string) bool {
	for _, p := range captionPrefixes {
		if strings.HasPrefix(line, p) {
			rest := strings.TrimLeft(line[len(p):], " ")
			if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "|") {
				return true
			}
		}
	}
	// A trailing Unix timestamp ("-1759225571") is a CMS image slug.
	if n := len(line); n > 11 && line[n-11] == '-' {
		digits := true
		for i := n - 10; i < n; i++ {
			digits = digits && isDigit(line[i])
		}
		if digits {
			return true
		}
	}
	if strings.HasSuffix(line, "]") {
		if k := strings.LastIndexByte(line, '['); k >= 0 {
			c := line[k:]
			for _, w := range []string{"/", "Getty", "Reuters", "AFP", "AP Photo", "File", "Photo", "EPA", "Anadolu"} {
				if strings.Contains(c, w) {
					return true
				}
			}
		}
	}
	return false
}

// isCreditLine matches a short line wholly in parentheses: "(Al Jazeera)".
func isCreditLine(line string, words int) bool {
	return words <= 6 && len(line) >= 3 &&
		(line[0] == '(' && line[len(line)-1] == ')' || line[0] == '[' && line[len(line)-1] == ']') &&
		!strings.ContainsAny(line[1:len(line)-1], "()[].!?")
}
