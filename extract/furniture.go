package extract

import "strings"

// Page furniture is recognised line by line: news sites put it on lines of
// its own ("Advertisement", "list of 3 items", a byline, a graphic caption),
// so a whole-line test is both precise and cheap. Furniture lines are dropped
// and also end the paragraph they interrupt, so a sentence never runs across
// an advert.

// furnitureExact are whole lines (case-insensitive, trailing ":" ignored)
// that are never article text.
var furnitureExact = set(
	"advertisement", "advertisements", "ad", "sponsored", "sponsored content",
	"read also", "also read", "end of list", "share", "share this", "share this article",
	"share article", "share on facebook", "share on x", "share on twitter", "share on whatsapp",
	"copy link", "print", "email", "save", "comments", "listen", "listen to this article",
	"skip to content", "skip advertisement", "continue reading", "click to expand",
	"subscribe", "sign up", "follow us", "story continues below advertisement",
	"newsletter promotion", "more from this author",
	"from wikipedia, the free encyclopedia", "jump to navigation", "jump to search", "jump to content",
)

// linkHeadings open a list of links to other stories: the heading and the
// headline-like lines after it are furniture, up to the first line of prose.
var linkHeadings = set("recommended", "recommended stories", "recommended for you", "recommended articles",
	"related", "related stories", "related articles", "related content", "related news", "related topics",
	"read more", "read next", "more on this story", "more from", "most read", "most popular", "trending",
	"top stories", "latest news", "you may also like", "what to read next", "explore more", "topics", "tags",
	"contents", "table of contents", "in this article", "see also")

// referenceHeadings start a references section: the heading and the
// "^ … (www.site.com)" lines after it are furniture.
var referenceHeadings = set("references", "footnotes", "sources", "notes", "external links", "further reading", "bibliography", "links")

// furniturePrefixes start short lines that are prompts, not prose.
var furniturePrefixes = []string{
	"read more", "read next", "related:", "see also", "also read", "share on", "share this",
	"follow us", "follow our", "follow @", "follow al jazeera", "subscribe to", "sign up for", "sign up to",
	"click here", "published on", "published:", "updated on", "updated:", "last updated",
	"posted on", "watch:", "listen:", "more:", "photo:", "image:", "file photo", "file:",
	"tags:", "topics:",
}

// creditPrefixes start lines that credit or describe a picture, or credit
// the reporting, whatever their length: "Image caption, Petrol prices fell
// by 4p", "Photograph: Jason Alden/Bloomberg", "Reporting by William
// Schomberg; Editing by Andy Bruce".
var creditPrefixes = []string{
	"image source,", "image caption,", "media caption,", "video caption,", "image source:", "image caption:",
	"photograph:", "photograph by", "photo by", "photos:", "photo credit", "picture:", "pictures:", "illustration:",
	"illustration by", "credit:", "caption:", "reporting by", "additional reporting by", "writing by", "editing by",
	"written by", "words by", "story by", "compiled by", "our standards:", "this article was amended",
	"this article has been amended", "this article was updated", "this article has been updated",
	"this story has been updated", "this story was updated", "privacy notice:",
	// Wikipedia's hatnotes
	"for other uses, see", "this article is about", "not to be confused with", "(redirected from",
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
	lineLinks      // a "Related stories" heading: furniture that opens a list of links
	linePromo      // "Skip past newsletter promotion": furniture up to its end marker
	lineEndSection // "end of list", "after newsletter promotion": furniture that closes a section
	lineByline     // "By Lisa Mascaro": furniture; an outlet's name may follow on the next line
)

// section is the kind of furniture block a line is in; lines inside one are
// judged differently (see classifyLine).
type section uint8

const (
	inArticle section = iota
	inReferences
	inLinks
	inPromo
	inByline // the line right after a byline
)

// promoEnd closes a promotion block.
const promoEnd = "after newsletter promotion"

// maxPromoLines bounds a promotion block, so that a missing end marker
// cannot swallow the article.
const maxPromoLines = 8

// next returns the section after a line of kind k.
func (s section) next(k lineKind) section {
	switch k {
	case lineReferences:
		return inReferences
	case lineLinks:
		return inLinks
	case linePromo:
		return inPromo
	case lineByline:
		return inByline
	case lineBlank:
		if s == inByline {
			return inArticle
		}
	case lineEndSection:
		return inArticle
	case lineContent:
		return inArticle
	}
	return s
}

// classifyLine decides whether the trimmed line is furniture; lowLine is the
// line with ASCII letters lower-cased (see lowerDoc). sec says what
// kind of block the line is in: citation-like lines in a references
// section, headline-like lines in a list of links and every line of a
// promotion block are dropped.
func classifyLine(line, lowLine string, sec section) lineKind {
	if line == "" {
		return lineBlank
	}
	if sec == inPromo {
		if strings.EqualFold(line, promoEnd) {
			return lineEndSection
		}
		return lineFurniture
	}
	// Long lines are prose; this also keeps the classifier O(1) per byte.
	if len(line) > 300 {
		return lineContent
	}
	line = trimEditLink(line)
	// Both trims cut only the end, so low is a prefix of lowLine.
	low := lowLine[:len(strings.TrimRight(line, ":."))]
	if k := markerLine(low); k != lineContent {
		return k
	}
	words := strings.Count(line, " ") + 1
	switch {
	case isPromptLine(line, low, words, sec):
		return lineFurniture
	case isByline(line, words):
		return lineByline
	case sec == inByline && isOutletLine(line, words), isCaption(line), isCreditLine(line, words):
		return lineFurniture
	}
	return lineContent
}

// markerLine classifies the lines that are furniture whatever their
// section, by their whole text: "Advertisement", section headings, the
// markers of promotion blocks and lists. Other lines are lineContent here.
func markerLine(low string) lineKind {
	switch {
	case low == "skip past newsletter promotion":
		return linePromo
	case low == "end of list" || low == promoEnd:
		return lineEndSection
	case linkHeadings[low]:
		return lineLinks
	case furnitureExact[low]:
		return lineFurniture
	case referenceHeadings[low]:
		return lineReferences
	}
	return lineContent
}

// isPromptLine: a short line of page furniture by its form: a list
// counter, a citation or reference, a headline in a list of links, a
// picture credit, a dateline, a reading time, a follow prompt, a copyright
// or contributor note, or a "Read more:" prompt.
func isPromptLine(line, low string, words int, sec section) bool {
	if strings.HasPrefix(low, "list ") && words <= 5 && (strings.HasSuffix(low, " items") || strings.Contains(low, " of ")) {
		return true // "list of 3 items", "list 1 of 3"
	}
	if isCitationLine(line) || sec == inReferences && isReferenceLine(line) {
		return true
	}
	last := lastSignificant(line, 0, len(line))
	terminal := last == '.' || last == '!' || last == '?'
	if sec == inLinks && len(line) <= 200 && !(terminal && last != '?' && words >= 4) {
		return true // a headline in a list of links
	}
	if hasAnyPrefix(low, creditPrefixes) {
		return true
	}
	if strings.Contains(low, " redirects here") && words <= 30 {
		return true // "“Tomahawk missile” redirects here. For other uses, see …"
	}
	if isDateline(low, words) || isReadingTime(low, words) || isFollowPrompt(low, words) || isCopyright(low, words) || isContributorNote(low, words) {
		return true
	}
	return words <= 12 && !(terminal && words >= 4) && hasAnyPrefix(low, furniturePrefixes)
}

// hasAnyPrefix: s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
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

// isByline matches "By admin", "By Jane Doe and John Roe", "By Faisal Islam,
// Economics editor": short, no digits, no sentence punctuation, every word
// of the names capitalised except joiners. After a comma, "|" or " - " may
// come a role or an outlet in any case.
func isByline(line string, words int) bool {
	if !strings.HasPrefix(line, "By ") && !strings.HasPrefix(line, "BY ") || words > 12 {
		return false
	}
	names := line[3:]
	if k := strings.IndexAny(names, ",|"); k >= 0 {
		names = names[:k]
	} else if k := strings.Index(names, " - "); k >= 0 {
		names = names[:k]
	}
	if strings.Count(names, " ") > 6 || strings.ContainsAny(line, "0123456789!?;\"“") || strings.HasSuffix(line, ".") {
		return false
	}
	for i, w := range strings.Fields(names) {
		if w == "and" || w == "&" || (i == 0 && w == "admin") || w == "staff" {
			continue
		}
		if !runeUpper(w, 0) {
			return false
		}
	}
	return true
}

// editLink is the link Wikipedia puts after a section heading when a page
// is copied: "History[edit]".
const editLink = "[edit]"

// trimEditLink drops a trailing "[edit]".
func trimEditLink(line string) string {
	if len(line) > len(editLink) && strings.HasSuffix(line, editLink) {
		return strings.TrimRight(line[:len(line)-len(editLink)], " ")
	}
	return line
}

// isOutletLine matches the outlet's name under a byline: "The Associated
// Press", "BBC News".
func isOutletLine(line string, words int) bool {
	if words > 5 || strings.ContainsAny(line, "0123456789.!?,;:\"“") {
		return false
	}
	for _, w := range strings.Fields(line) {
		if !runeUpper(w, 0) && w != "and" && w != "of" && w != "the" {
			return false
		}
	}
	return true
}

// isDateline matches a publication stamp on a line of its own: "Published
// 22 May 2024", "Updated 3 hours ago", "Last updated on Friday".
func isDateline(low string, words int) bool {
	rest, ok := "", false
	for _, p := range []string{"published ", "updated ", "last updated "} {
		if r, found := strings.CutPrefix(low, p); found {
			rest, ok = strings.TrimPrefix(strings.TrimPrefix(r, "on "), "at "), true
		}
	}
	if !ok || words > 8 || strings.HasSuffix(low, ".") || rest == "" {
		return false
	}
	first, _, _ := strings.Cut(rest, " ")
	first = strings.TrimRight(first, ",")
	return isDigit(rest[0]) || months[first] || weekdays[first] || relDates[first] || strings.HasSuffix(rest, " ago")
}

// isCopyright matches "© 2025 Reuters", "Copyright 2025 The Associated
// Press. All rights reserved."
func isCopyright(low string, words int) bool {
	rest, ok := strings.CutPrefix(low, "copyright ")
	return strings.HasPrefix(low, "©") || strings.HasPrefix(low, "(c) ") ||
		ok && (rest != "" && isDigit(rest[0]) || strings.HasPrefix(rest, "©") || strings.Contains(low, "all rights reserved")) ||
		words <= 8 && strings.HasSuffix(low, "all rights reserved")
}

// isContributorNote matches "Associated Press writer Kevin Freking
// contributed to this report."
func isContributorNote(low string, words int) bool {
	return words <= 30 && (strings.Contains(low, "contributed to this report") || strings.Contains(low, "contributed reporting") ||
		strings.Contains(low, "contributed to this article") || strings.Contains(low, "contributed to this story"))
}

// isFollowPrompt matches "Follow Faisal on X", "Follow @bbcbusiness".
func isFollowPrompt(low string, words int) bool {
	return words <= 8 && strings.HasPrefix(low, "follow ") && (strings.Contains(low, " on ") || strings.Contains(low, "@"))
}

// isReadingTime matches "5 min read", "3 minute read".
func isReadingTime(low string, words int) bool {
	return words <= 5 && (strings.HasSuffix(low, "min read") || strings.HasSuffix(low, "minute read") || strings.HasSuffix(low, "mins read"))
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
	// "AP Photo/J. Scott Applewhite", "Jason Alden/Bloomberg via Getty Images"
	if strings.HasPrefix(line, "AP Photo") || strings.Contains(line, "Photo/") || strings.HasSuffix(line, "Getty Images") {
		return !strings.HasSuffix(line, ".") || strings.HasPrefix(line, "AP Photo")
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
