package extract

import (
	"strings"
	"unicode"
)

// Page furniture is recognised line by line: news sites put it on lines of
// its own ("Advertisement", "list of 3 items", a byline, a graphic caption),
// so a whole-line test is both precise and cheap. Furniture lines are left
// out of review and also end the paragraph they interrupt, so a sentence
// never runs across an advert. Blocks are judged by their shape too (see
// blocks.go): a run of short unpunctuated lines is a caption, a sidebar or a
// list of links, not prose. Nothing is lost: Analyse returns every furniture
// span, so that the desk can show it greyed and an editor can restore it.

// Furniture is a span of the document left out of review as page furniture.
// Start and End are byte offsets into the document; Kind says what it is
// (Furniture…).
type Furniture struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Kind  string `json:"kind"`
}

// Furniture kinds.
const (
	FurnitureNavigation = "navigation" // menus, link lists, tables of contents, sidebars, widgets, prompts
	FurnitureCaption    = "caption"    // picture captions and photo credits
	FurnitureCredit     = "credit"     // bylines, datelines, reading times, copyright and contributor notes
	FurnitureReference  = "reference"  // reference lists, citations, parser reports
	FurniturePromotion  = "promotion"  // adverts, newsletter, share and follow prompts
	FurnitureTranscript = "transcript" // transcript notes: (APPLAUSE), (Laughter.)
	FurnitureCode       = "code"       // style sheets and scripts pasted as text
)

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
	"slideshow", "view gallery", "enlarge this image", "toggle caption", "hide caption", "expand",
	// live blogs
	"this event has now ended", "this live blog is now closed", "this blog is now closed", "live", "live updates",
	"pinned post", "pinned", "key events", "show key events only", "please turn on javascript",
)

// navExact are whole lines of menus and page widgets.
var navExact = set("back to top", "top of page", "back to table of contents", "home", "menu", "search", "close",
	"text size", "font size", "reset", "previous article", "next article", "previous story", "next story",
	"previous post", "next post", "older post", "newer post", "view latest release", "main menu", "navigation",
	"toggle the table of contents", "hide", "show", "edit", "view history", "talk", "read", "log in", "sign in",
	"register", "skip to main content", "skip to navigation", "accessibility help", "top stories",
	"sort by", "latest first", "oldest first", "newest first", "latest", "oldest", "newest", "refresh", "load more",
	"show more", "view all", "see all")

// linkHeadings open a list of links to other stories: the heading and the
// headline-like lines after it are furniture, up to the first line of prose.
var linkHeadings = set("recommended", "recommended stories", "recommended for you", "recommended articles",
	"related", "related stories", "related articles", "related content", "related news", "related topics",
	"read more", "read next", "more on this story", "more from", "most read", "most popular", "trending",
	"top stories", "latest news", "you may also like", "what to read next", "explore more", "topics", "tags",
	"contents", "table of contents", "in this article", "see also", "related coverage", "more coverage",
	"related links", "recommended reading", "more stories", "more news", "most viewed", "editor's picks",
	"editors' picks", "popular now", "you might also like", "around the web", "more on this topic", "in other news",
	"part of a series on", "navigation menu")

// referenceHeadings start a references section: the heading and the
// "^ … (www.site.com)" lines after it are furniture.
var referenceHeadings = set("references", "footnotes", "sources", "notes", "external links", "further reading", "bibliography", "links")

// furniturePrefixes start short lines that are prompts, not prose.
var furniturePrefixes = []string{
	"read more", "read next", "related:", "see also", "also read", "share on", "share this",
	"follow us", "follow our", "follow @", "follow al jazeera", "subscribe to", "sign up for", "sign up to",
	"click here", "published on", "published:", "updated on", "updated:", "last updated",
	"posted on", "watch:", "listen:", "more:", "photo:", "image:", "file photo", "file:",
	"tags:", "topics:", "sponsored by", "visit ", "send a link", "send to a friend", "email this", "print this",
	"slideshow (", "return to ", "back to ", "go to ", "post a comment", "leave a comment", "add a comment", "view comments", "show comments", "get adobe flash",
	"join our commenting", "join the conversation", "join the discussion", "join the debate", "live: ",
}

// creditPrefixes start lines that credit or describe a picture, or credit
// the reporting, whatever their length: "Image caption, Petrol prices fell
// by 4p", "Photograph: Jason Alden/Bloomberg", "Reporting by William
// Schomberg; Editing by Andy Bruce".
var creditPrefixes = []string{
	"reporting by", "additional reporting by", "writing by", "editing by",
	"written by", "words by", "story by", "compiled by", "our standards:", "this article was amended",
	"this article has been amended", "this article was updated", "this article has been updated",
	"this story has been updated", "this story was updated", "privacy notice:",
	"this is a rush transcript", "this transcript has been", "this transcript was",
	// a release's press contacts
	"contact:", "media contact", "press contact", "media enquiries", "media inquiries", "press enquiries", "press inquiries",
	// Wikipedia's hatnotes
	"for other uses, see", "this article is about", "not to be confused with", "(redirected from",
}

// captionPrefixWords start the caption or credit of a picture, whatever
// its length.
var captionPrefixWords = []string{
	"image source,", "image caption,", "media caption,", "video caption,", "image source:", "image caption:",
	"photograph:", "photograph by", "photo by", "photos:", "photo credit", "picture:", "pictures:", "illustration:",
	"illustration by", "credit:", "caption:", "file photo:", "file photo -",
}

// captionPrefixes are the all-caps labels news sites put on graphics.
var captionPrefixes = []string{"INTERACTIVE", "INFOGRAPHIC", "GRAPHIC", "MAP", "CHART", "VIDEO", "PHOTO", "PHOTOS", "WATCH", "LISTEN", "GALLERY", "IN PICTURES", "EXPLAINER"}

// lineKind classifies a trimmed line: content, blank, or furniture of a
// kind (see lineKind.furniture).
type lineKind uint8

const (
	lineContent lineKind = iota
	lineBlank
	lineNav        // navigation, widgets and prompts
	lineCaption    // a picture caption or credit
	lineCredit     // a byline fragment, dateline, reading time, copyright or contributor note
	lineReference  // a citation or reference entry
	lineAdvert     // an advert, share or follow prompt
	lineTranscript // a transcript note
	lineCode       // CSS or script text
	lineReferences // a "References" heading: furniture that opens a section
	lineLinks      // a "Related stories" heading: furniture that opens a list of links
	linePromo      // "Skip past newsletter promotion": furniture up to its end marker
	lineEndSection // "end of list", "after newsletter promotion": furniture that closes a section
	lineByline     // "By Lisa Mascaro": furniture; an outlet's name may follow on the next line
	lineLabel      // "Release date:": furniture; its value follows on the next line
	lineAppeal     // "Your support helps us to tell the story": furniture that opens a reader-support appeal
	lineOffice     // "Office of the Press Secretary": furniture; so is the issuer's name right above it
)

// furniture is the Furniture kind of a line of kind k ("" for content and
// blank lines).
func (k lineKind) furniture() string {
	switch k {
	case lineContent, lineBlank:
		return ""
	case lineNav, lineLinks, lineEndSection:
		return FurnitureNavigation
	case lineCaption:
		return FurnitureCaption
	case lineCredit, lineByline, lineLabel, lineOffice:
		return FurnitureCredit
	case lineReference, lineReferences:
		return FurnitureReference
	case lineTranscript:
		return FurnitureTranscript
	case lineCode:
		return FurnitureCode
	}
	return FurniturePromotion
}

// section is the kind of furniture block a line is in; lines inside one are
// judged differently (see classifyLine).
type section uint8

const (
	inArticle section = iota
	inReferences
	inLinks
	inPromo
	inByline // the line right after a byline
	inLabel  // the line right after a label such as "Release date:"
	inAppeal // a reader-support appeal (see chrome.go)
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
	case lineLabel:
		return inLabel
	case lineAppeal:
		return inAppeal
	case lineBlank:
		if s == inByline || s == inLabel {
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
		return lineAdvert
	}
	if sec == inAppeal && len(line) <= 600 && isAppealText(lowLine) && appealLead(line, lowLine) == 0 {
		return lineAdvert
	}
	// Long lines are prose, unless a photo credit ends them; this also keeps
	// the classifier O(1) per byte.
	if len(line) > 300 {
		switch {
		case isCode(line):
			return lineCode
		case hasPhotoCredit(line):
			return lineCaption
		}
		return lineContent
	}
	line = trimEditLink(line)
	// Both trims cut only the end, so low is a prefix of lowLine.
	low := lowLine[:len(strings.TrimRight(line, ":."))]
	if len(low) <= maxMarkerLen+4 {
		if k := markerLine(trimBullet(low)); k != lineContent {
			return k
		}
	}
	words := strings.Count(line, " ") + 1
	if k := promptLine(line, low, words, sec); k != lineContent {
		return k
	}
	switch {
	case isByline(line, words):
		return lineByline
	case isLabel(line, low, words):
		return lineLabel
	case (sec == inByline || sec == inLabel) && isOutletLine(line, words):
		return lineCredit
	case isCaption(line):
		return lineCaption
	case isCreditLine(line, words):
		return lineTranscript
	}
	return lineContent
}

// maxMarkerLen is the length of the longest line markerLine knows.
const maxMarkerLen = 40

// trimBullet drops a list bullet before a marker line: "• Latest first".
func trimBullet(low string) string {
	for _, b := range [...]string{"• ", "- ", "* ", "· "} {
		if rest, ok := strings.CutPrefix(low, b); ok {
			return strings.TrimLeft(rest, " ")
		}
	}
	return low
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
	case appealHeadings[low]:
		return lineAppeal
	case linkHeadings[low]:
		return lineLinks
	case furnitureExact[low]:
		return lineAdvert
	case navExact[low]:
		return lineNav
	case referenceHeadings[low]:
		return lineReferences
	}
	return lineContent
}

// promptLine: a short line of page furniture by its form: a list
// counter, a citation or reference, a headline in a list of links, a
// picture credit, a dateline, a reading time, a follow prompt, a copyright
// or contributor note, a menu or a "Read more:" prompt.
func promptLine(line, low string, words int, sec section) lineKind {
	if isCitationLine(line) || sec == inReferences && isReferenceLine(line) || isBibliographic(line, low) {
		return lineReference
	}
	last := lastSignificant(line, 0, len(line))
	terminal := last == '.' || last == '!' || last == '?'
	switch {
	case sec == inLinks && len(line) <= 200 && !(terminal && last != '?' && words >= 4):
		return lineNav // a headline in a list of links
	case captionPrefixList.match(low):
		return lineCaption
	case creditPrefixList.match(strings.TrimLeft(low, "([")):
		return lineCredit
	case isCopyright(low, words) || isContributorNote(low, words) || isAllCapsNote(line, words, terminal):
		return lineCredit
	case isCode(line):
		return lineCode
	case isMenu(line, words):
		return lineNav
	case isReaderNote(low, words) || isContactLine(line, words, terminal):
		return lineCredit
	case words > 16:
		// Longer lines are prose unless they are one of the above; the
		// rest are short by their nature.
		if (line[0] == '"' || strings.HasPrefix(line, "“")) && words <= 30 && strings.Contains(low, " redirects here") {
			return lineNav // "“Tomahawk missile” redirects here. For other uses, see …"
		}
		return lineContent
	}
	return shortPromptLine(line, low, words, terminal)
}

// shortPromptLine: furniture that is always a short line: a list counter,
// a parser report, a dateline or a reading time, a follow prompt, a menu,
// a link prompt, a widget.
func shortPromptLine(line, low string, words int, terminal bool) lineKind {
	switch {
	case strings.HasPrefix(low, "list ") && words <= 5 && (strings.HasSuffix(low, " items") || strings.Contains(low, " of ")):
		return lineNav // "list of 3 items", "list 1 of 3"
	case isParserReport(low):
		return lineReference
	case strings.Contains(low, " redirects here"):
		return lineNav
	case isDateline(low, words) || isReadingTime(low, words) || isDateLine(low, words) || isAgeLine(low, words):
		return lineCredit
	case isFollowPrompt(low, words) || isShareWidget(low, words):
		return lineAdvert
	case isCommentCount(low, words) || isArrowLink(line, words) || len(line) <= 16 && !hasLetterOrDigit(line) ||
		isLinkPrompt(low, words) || isWidgetItem(line) || words <= 2 && (strings.HasSuffix(line, "...") || strings.HasSuffix(line, "…")):
		return lineNav
	case words <= 12 && !(terminal && words >= 4) && furniturePrefixList.match(low):
		return lineAdvert
	}
	return lineContent
}

// prefixList is a list of prefixes with a table of their first bytes, so
// that most lines are turned away with one look-up.
type prefixList struct {
	first [256]bool
	list  []string
}

func newPrefixList(prefixes ...string) *prefixList {
	p := &prefixList{list: prefixes}
	for _, s := range prefixes {
		p.first[s[0]] = true
	}
	return p
}

// match: s starts with one of the prefixes.
func (p *prefixList) match(s string) bool {
	return s != "" && p.first[s[0]] && hasAnyPrefix(s, p.list)
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

// isAgeLine matches the age of a story on a line of its own: "59 minutes
// ago", "an hour ago", "2 days ago".
func isAgeLine(low string, words int) bool {
	rest, ok := strings.CutSuffix(low, " ago")
	if !ok || words > 4 {
		return false
	}
	n, unit, ok := strings.Cut(rest, " ")
	if !ok || n != "a" && n != "an" && strings.Trim(n, "0123456789") != "" {
		return false
	}
	switch strings.TrimSuffix(unit, "s") {
	case "second", "sec", "minute", "min", "hour", "hr", "day", "week", "month", "year":
		return true
	}
	return false
}

// shareTargets are the names a share widget lists.
var shareTargets = set("facebook", "twitter", "x", "linkedin", "pinterest", "whatsapp", "email", "e-mail", "reddit",
	"telegram", "messenger", "print", "tumblr", "flipboard", "bluesky", "threads", "mastodon", "sms", "copy", "link", "share")

// isShareWidget matches a line of share buttons: "Linkedin Pinterest",
// "Facebook Twitter Email".
func isShareWidget(low string, words int) bool {
	if words < 2 || words > 10 {
		return false
	}
	for w := range strings.FieldsSeq(low) {
		if !shareTargets[w] {
			return false
		}
	}
	return true
}

// isContactLine matches a short line that gives an email address, a press
// contact's or a tip line's: "Sara Gast, Education Department Press
// Office, (202) 401-1989, sara.gast@ed.gov". A sentence that ends in one
// ("Send tips to news@example.com.") is furniture too.
func isContactLine(line string, words int, terminal bool) bool {
	at := strings.IndexByte(line, '@')
	if at <= 0 || words > 20 || at+1 >= len(line) || !isAlnum(line[at-1]) {
		return false
	}
	host := line[at+1:]
	if k := strings.IndexAny(host, " ,;)>"); k >= 0 {
		host = host[:k]
	}
	host = strings.TrimRight(host, ".")
	dot := strings.IndexByte(host, '.')
	return dot > 0 && dot < len(host)-1 && (!terminal || strings.HasSuffix(strings.TrimRight(line, "."), host))
}

// isReaderNote matches the note an opinion page puts under every letter:
// "We encourage readers to express their views about public issues.
// Letters to the editor are subject to editing for brevity and clarity."
func isReaderNote(low string, words int) bool {
	if words < 8 || words > 60 {
		return false
	}
	return (strings.Contains(low, "letters to the editor") || strings.Contains(low, "letters policy")) &&
		(strings.Contains(low, "subject to editing") || strings.Contains(low, "we encourage") ||
			strings.Contains(low, "must include") || strings.Contains(low, "submit") || strings.Contains(low, "may be edited"))
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
	return words <= 30 && strings.Contains(low, "contributed") && (strings.Contains(low, "contributed to this report") || strings.Contains(low, "contributed reporting") ||
		strings.Contains(low, "contributed to this article") || strings.Contains(low, "contributed to this story"))
}

// isFollowPrompt matches "Follow Faisal on X", "Follow @bbcbusiness".
func isFollowPrompt(low string, words int) bool {
	return words <= 8 && strings.HasPrefix(low, "follow ") && (strings.Contains(low, " on ") || strings.Contains(low, "@"))
}

// isReadingTime matches "5 min read", "3 minute read", and a byline glued
// to one: "By Jane Doe5 Min Read".
func isReadingTime(low string, words int) bool {
	return (words <= 5 || words <= 10 && strings.HasPrefix(low, "by ")) &&
		(strings.HasSuffix(low, "min read") || strings.HasSuffix(low, "minute read") || strings.HasSuffix(low, "mins read"))
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

// hasPhotoCredit: the line ends with a photo credit, so it is a caption
// whatever its length: "… (AP Photo/J. Scott Applewhite)", "…
// REUTERS/Daniel Munoz/File Photo", "… Photograph: Jason Alden/Bloomberg".
func hasPhotoCredit(line string) bool {
	tail := line[max(0, len(line)-80):]
	return strings.HasSuffix(line, ")") && (strings.Contains(tail, "(AP Photo") || strings.Contains(tail, "Photo/") || strings.Contains(tail, "/Getty")) ||
		strings.HasSuffix(line, "/File Photo") || strings.HasSuffix(line, "Getty Images") ||
		strings.Contains(tail, "REUTERS/") && !strings.HasSuffix(line, ".")
}

// isBibliographic matches a reference entry by its marks: a DOI, an ISBN or
// ISSN, "Retrieved" or "Archived from the original", page ranges.
func isBibliographic(line, low string) bool {
	if strings.Count(line, ".")*50 < len(line) {
		return false // a reference has a period after its authors, its title, its journal…; prose has fewer
	}
	return strings.Contains(low, "doi:") || strings.Contains(low, "doi.org/") || strings.Contains(line, "ISBN ") ||
		strings.Contains(line, "ISSN ") || strings.Contains(line, "Archived from the original") ||
		strings.Contains(line, ". Retrieved ") || strings.HasPrefix(line, "Retrieved ") ||
		strings.Contains(low, " pp. ") && strings.ContainsAny(line, "0123456789")
}

// parserReport are the lines of the report MediaWiki leaves in its pages
// ("NewPP limit report", "Cached time: …"), which a copy of the page source
// brings along.
var parserReport = []string{"newpp limit report", "parsed by mw", "cached time:", "cache expiry:", "reduced expiry:",
	"complications:", "cpu time usage:", "real time usage:", "preprocessor visited node count:", "post‐expand include size:",
	"post-expand include size:", "template argument size:", "highest expansion depth:", "expensive parser function count:",
	"unstrip recursion depth:", "unstrip post‐expand size:", "unstrip post-expand size:", "lua time usage:",
	"lua memory usage:", "number of wikibase entities loaded:", "transclusion expansion time report", "saved in parser cache",
	"retrieved from \"http", "retrieved from \"https", "hidden categories:", "categories:"}

var parserReportList = newPrefixList(parserReport...)

func isParserReport(low string) bool { return parserReportList.match(low) }

var (
	creditPrefixList    = newPrefixList(creditPrefixes...)
	captionPrefixList   = newPrefixList(captionPrefixWords...)
	furniturePrefixList = newPrefixList(furniturePrefixes...)
)

// isDateLine matches a line that is only a date or time stamp: "Thursday 7
// August 2014", "[July 16, 2025]", "7:09 P.M. EDT", "Aired January 06, 2006
// - 12:42 ET".
func isDateLine(low string, words int) bool {
	if words > 10 {
		return false
	}
	dated := false
	for rest := low; rest != ""; {
		// the next run of letters, digits and colons
		s := 0
		for s < len(rest) && !isDateWordByte(rest[s]) {
			s++
		}
		e := s
		for e < len(rest) && isDateWordByte(rest[e]) {
			e++
		}
		w := rest[s:e]
		rest = rest[e:]
		if w == "" {
			break
		}
		switch {
		case months[w] || weekdays[w] || strings.Contains(w, ":") && isDigit(w[0]):
			dated = true
		case isDigit(w[0]) && len(w) <= 4 || dateStampWords[w]:
		default:
			return false
		}
	}
	return dated
}

// dateStampWords may stand in a date or time stamp.
var dateStampWords = set("a", "m", "p", "am", "pm", "et", "est", "edt", "gmt", "bst", "utc", "cet", "pt", "pst", "pdt",
	"ct", "cst", "cdt", "aired", "posted", "published", "updated", "filed", "on", "at", "st", "nd", "rd", "th", "local", "time")

// isDateWordByte: c belongs to a word of a date stamp (letters, digits and
// the colon of a time). Other bytes, multi-byte runes among them, separate.
func isDateWordByte(c byte) bool { return isAlnum(c) || c == ':' }

// isAllCapsNote matches an all-capitals sentence of several words: an
// author's bio, a transcript's disclaimer. An all-capitals line without
// final punctuation stays a heading.
func isAllCapsNote(line string, words int, terminal bool) bool {
	return terminal && words >= 5 && len(line) > 1 && isUpper(line[0]) && isUpper(line[1]) && isUpperText(line) && strings.IndexFunc(line, func(r rune) bool { return r >= 'A' && r <= 'Z' }) >= 0
}

// isCode matches CSS or script text: braces with declarations inside and
// hardly a space.
func isCode(line string) bool {
	if strings.IndexByte(line, '{') < 0 || !strings.Contains(line, ":") || !strings.ContainsAny(line, ";}") {
		return false
	}
	return strings.Count(line, " ")*12 < len(line)
}

// isMenu matches a menu or breadcrumb: short items separated by " | " (or
// by " / " or " · ", at least three items), nothing ending a sentence.
func isMenu(line string, words int) bool {
	if words < 3 || !hasMenuSeparator(line) {
		return false
	}
	for _, sep := range [...]string{" | ", " / ", " · ", " • "} {
		n := strings.Count(line, sep)
		if n == 0 || sep != " | " && n < 2 || words > 6*(n+1) || strings.ContainsAny(line, ".!?") {
			continue
		}
		ok := true
		for _, item := range strings.Split(line, sep) {
			ok = ok && item != "" && strings.Count(item, " ") < 5
		}
		if ok {
			return true
		}
	}
	return false
}

// isArrowLink matches "< Top Stories index", "<< Home", "Next article >",
// "More stories »".
func isArrowLink(line string, words int) bool {
	if words > 8 {
		return false
	}
	for _, p := range [...]string{"<", "«", "←", "‹"} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	for _, p := range [...]string{">", "»", "→", "›"} {
		if strings.HasSuffix(line, p) {
			return true
		}
	}
	return false
}

// hasLetterOrDigit: the line has a letter or a digit (a line of "!" or
// "|" alone is furniture).
func hasLetterOrDigit(line string) bool {
	for _, r := range line {
		if r < 0x80 && isAlnum(byte(r)) || r >= 0x80 && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// linkPrompts invite the reader to click somewhere; a short line with one
// is a link, not prose: "This is not the latest release. View latest
// release".
var linkPrompts = []string{"click here", "click for", "view latest", "view all", "see all", "read the full", "full story",
	"watch the video", "watch video", "read more at", "continue reading"}

func isLinkPrompt(low string, words int) bool {
	if words > 16 || strings.HasSuffix(low, "?") {
		return false
	}
	for _, p := range linkPrompts {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// labels name a value given on the next line: "Release date:" then "13
// April 2022".
var labels = set("release date", "next release", "contact", "published", "updated", "last updated", "posted",
	"author", "authors", "source", "filed under", "location", "date", "dateline", "photo", "credit")

// isLabel matches a label line: one of labels, followed by a colon, or
// "Author" alone (a byline block's heading).
func isLabel(line, low string, words int) bool {
	return words <= 3 && strings.HasSuffix(line, ":") && labels[low] || words == 1 && (low == "author" || low == "authors")
}

// isWidgetItem matches a bullet with next to nothing after it, the rest of
// a page widget: "• 22", "• +", "• reset".
func isWidgetItem(line string) bool {
	rest, ok := strings.CutPrefix(line, "•")
	if !ok {
		return false
	}
	rest = strings.TrimSpace(rest)
	return !strings.Contains(rest, " ") && len(rest) <= 6
}

// isCommentCount matches "0 Comments:", "12 comments".
func isCommentCount(low string, words int) bool {
	n, rest, ok := strings.Cut(low, " ")
	return ok && words == 2 && n != "" && strings.Trim(n, "0123456789") == "" && (rest == "comments" || rest == "comment" || rest == "replies")
}

// hasMenuSeparator: line has a byte of a menu separator ("|", "/", "·"
// or "•"); isMenu looks for the separator with its spaces.
func hasMenuSeparator(line string) bool {
	return strings.IndexByte(line, '|') >= 0 || strings.IndexByte(line, '/') >= 0 ||
		strings.Contains(line, "·") || strings.Contains(line, "•")
}
