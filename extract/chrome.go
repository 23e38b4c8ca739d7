package extract

import "strings"

// Page chrome that only the page around it gives away: a reader-support
// appeal, the outlet's masthead and breadcrumb above the story, and a label
// the page prints twice (a section name at the top and the bottom, a
// headline repeated with its byline). The rules in furniture.go judge a line
// alone; these need the line's place in the page, so segment applies them.

// appealHeadings open a reader-support appeal. The lines after one that
// speak for the outlet or to the reader ("we need reporters on the ground",
// "your donation allows us…") are part of it.
var appealHeadings = set("your support helps us to tell the story", "support independent journalism",
	"support our journalism", "support quality journalism", "support independent reporting",
	"support the guardian", "support us", "support our work", "become a supporter", "become a member",
	"make a donation", "donate", "donate now", "help us keep reporting", "we need your help",
	"a message from the editor", "before you go", "before you go…", "before you go...")

// isAppealText: the lower-cased text speaks for the outlet or to the reader.
func isAppealText(low string) bool {
	for w := range strings.FieldsFuncSeq(low, func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		switch w {
		case "we", "our", "us", "your", "you", "donation", "donate", "subscribe", "paywall", "paywalls":
			return true
		}
	}
	return false
}

// appealLead returns the length of the reader-support sentence that a line
// right after an appeal starts with, when prose follows it on the same line:
// "Your support makes all the difference.The BBC World Service received…"
// (a page's box and its first paragraph pasted without a line break). The
// rest of the line must not speak to the reader too, or it is the appeal's
// own next sentence.
func appealLead(line, low string) int {
	k := strings.IndexAny(line[:min(len(line), 160)], ".!")
	if k < 0 || k+1 >= len(line) {
		return 0
	}
	rest := strings.TrimLeft(line[k+1:], " ")
	if rest == "" || !isUpper(rest[0]) || !isAppealText(low[:k]) || isAppealText(low[k+1:]) {
		return 0
	}
	return k + 1
}

// mastheadWords end the names of newspapers and news sites: "Belfast
// Telegraph", "The Seattle Times", "From Belfast Telegraph", "Belfast
// Telegraph Digital".
var mastheadWords = set("telegraph", "times", "post", "herald", "gazette", "tribune", "chronicle", "guardian",
	"independent", "observer", "courier", "examiner", "standard", "mirror", "express", "journal", "inquirer",
	"sentinel", "argus", "bulletin", "dispatch", "digital", "online", "newsroom", "newswire", "wire")

// outlets are news organisations whose name has no masthead word.
var outlets = set("bbc news", "sky news", "fox news", "abc news", "cbs news", "nbc news", "cnn", "reuters",
	"associated press", "the associated press", "afp", "agence france-presse", "al jazeera", "npr", "politico",
	"axios", "bloomberg", "the conversation", "pa media", "press association")

// isMasthead: the line is an outlet's name (optionally "From …"), as a
// page prints it above or below the story.
func isMasthead(line, low string) bool {
	if rest, ok := strings.CutPrefix(line, "From "); ok {
		line, low = rest, low[len("from "):]
	}
	words := strings.Count(line, " ") + 1
	if outlets[low] {
		return true
	}
	if words < 2 || !isOutletLine(line, words) {
		return false
	}
	return mastheadWords[low[strings.LastIndexByte(low, ' ')+1:]]
}

// isBreadcrumb: "Home News Politics", a page's trail with its separators
// lost in the copy.
func isBreadcrumb(line string) bool {
	rest, ok := strings.CutPrefix(line, "Home ")
	words := strings.Count(rest, " ") + 1
	return ok && words <= 4 && isOutletLine(rest, words)
}

// repeatedLabel: the line is short, ends no sentence, and stands as a whole
// line somewhere else in doc too: page chrome printed twice, such as a
// section label above and below the story or a headline run into its
// byline. Headings and speakers' labels ("SMITH:") are not repeated this
// way, and a line ending in a colon is never taken.
func repeatedLabel(doc string, s, e int) bool {
	line := doc[s:e]
	if len(line) < 4 || strings.Count(line, " ") >= 16 || !runeUpper(doc, s) {
		return false
	}
	switch lastSignificant(doc, s, e) {
	case '.', '!', '?', ';', ',', ':':
		return false
	}
	for i := 0; i < len(doc); {
		k := strings.Index(doc[i:], line)
		if k < 0 {
			return false
		}
		k += i
		if k != s && (k == 0 || lineStartBefore(doc, k)) && lineEndAfter(doc, k+len(line)) {
			return true
		}
		i = k + len(line)
	}
	return false
}

// chrome judges the content line doc[ts:te] by its place in the page: the
// reader-support sentence a line after an appeal starts with is set aside
// (and the line starts after it), and before the story's first paragraph a
// masthead, a breadcrumb or a label printed twice is furniture (after the
// story, such lines go with the rest of the page, see flushStubs).
func (sg *segmenter) chrome(low string, sec section, ts, te int) (lineKind, int) {
	doc := sg.doc
	if sec == inAppeal {
		if k := appealLead(doc[ts:te], low[ts:te]); k > 0 {
			sg.furniture(ts, ts+k, FurniturePromotion)
			ts += k
			for ts < te && doc[ts] == ' ' {
				ts++
			}
		}
	}
	if !sg.prose && te-ts <= 60 && (isMasthead(doc[ts:te], low[ts:te]) || isBreadcrumb(doc[ts:te])) {
		return lineNav, ts
	}
	if !sg.prose && te-ts <= 80 && isPressOffice(low[ts:te]) {
		return lineOffice, ts
	}
	if !sg.prose && repeatedLabel(doc, ts, te) {
		return lineNav, ts
	}
	return lineContent, ts
}

// pressOffices name the office that issues a release: "Office of the Press
// Secretary", "Labor Department Office of Public Affairs".
var pressOffices = []string{"press secretary", "press office", "office of public affairs", "media relations",
	"communications office", "office of communications", "news release", "press release", "media release",
	"for immediate release", "newsroom"}

// isPressOffice: the short line above a release names its issuing office.
func isPressOffice(low string) bool {
	if strings.HasSuffix(low, ".") || strings.Count(low, " ") > 7 {
		return false
	}
	for _, p := range pressOffices {
		if strings.Contains(low, p) {
			return true
		}
	}
	return false
}

// issuer sets aside the one-line paragraph right above a press office's
// line at ts (only blank lines between), the body that issues the release:
// "The White House" over "Office of the Press Secretary".
func (sg *segmenter) issuer(ts int) {
	n := len(sg.stubs)
	if n == 0 {
		return
	}
	b := sg.stubs[n-1]
	if b.maxWords > 5 || strings.TrimSpace(sg.doc[b.end:ts]) != "" {
		return
	}
	sg.furniture(b.start, b.end, FurnitureCredit)
	sg.stubs = sg.stubs[:n-1]
}
