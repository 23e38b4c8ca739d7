package extract

import (
	"strings"
)

// Sentence-boundary decisions for one candidate terminal (".", "?", "!", "…").
// The rules are the ones a copy editor applies to news English: a terminal
// followed by a lower-case word never ends a sentence; abbreviations end one
// only when a typical sentence opener follows; a closing quote followed by
// "Name said" continues the sentence.

// titles precede a name and never end a sentence: "Dr. Fauci", "Gen. Milley".
var titles = set("mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
	"maj", "brig", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "st", "mt", "ft", "messrs", "mme", "fr", "sr", "jr")

// numberAbbrevs end no sentence when a figure follows: "No. 10", "p. 55", "Jan. 6".
var numberAbbrevs = set("no", "nos", "nr", "n°", "p", "pp", "vol", "fig", "art", "sec", "ch", "para", "op", "ed", "tel",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "ca", "c")

// otherAbbrevs end a sentence only when a sentence opener follows:
// "Briggs & Co. It closed" ends, "Co. at noon" does not.
var otherAbbrevs = set("co", "corp", "inc", "ltd", "plc", "llc", "bros", "etc", "vs", "v", "est", "dept", "govt",
	"assn", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "approx", "al", "ave", "blvd", "rd", "cf", "viz", "min", "max")

// openers are words that typically start an English sentence; after an
// abbreviation they tip the decision towards a boundary ("the U.S. How…").
var openers = set("the", "a", "an", "it", "he", "she", "they", "we", "i", "you", "this", "that", "these",
	"those", "there", "here", "his", "her", "their", "our", "my", "its", "how", "what", "why", "when",
	"where", "who", "which", "but", "and", "so", "yet", "or", "in", "on", "at", "for", "if", "as", "after",
	"before", "since", "while", "although", "however", "meanwhile", "then", "is", "are", "was", "were",
	"did", "do", "does", "will", "can", "could", "would", "should", "has", "have", "had", "not", "no",
	"yes", "some", "many", "most", "all", "both", "each", "according", "last", "next", "earlier", "later",
	"today", "yesterday", "please", "one", "mr", "mrs", "ms", "dr", "president")

// timeFollowers may follow "a.m."/"p.m." inside a sentence.
var timeFollowers = set("et", "est", "edt", "gmt", "utc", "bst", "cet", "pt", "pst", "local", "eastern", "pacific",
	"central", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "moscow", "kyiv")

// speechVerbs follow the speaker in `“…?” Trump asked.`
var speechVerbs = set("said", "says", "asked", "asks", "added", "adds", "told", "tells", "wrote", "writes",
	"questioned", "replied", "insisted", "continued", "explained", "declared", "tweeted", "posted",
	"stated", "noted", "warned", "argued", "shouted", "exclaimed", "responded", "remarked", "concluded",
	"recalled", "joked", "admitted", "claimed", "suggested", "cautioned", "stressed")

// boundary examines the terminal at i inside the sentence that started at
// segStart. It returns where the sentence would end, where scanning resumes,
// and whether this is a boundary.
func (sg *segmenter) boundary(segStart, i, be int) (end, next int, ok bool) {
	doc := sg.doc
	if doc[i] == '.' {
		if n, e := spacedEllipsis(doc, i, be); n >= 3 {
			if c, quote := skipClosers(doc, e, be); quote {
				// An ellipsis ending a quotation: “prices will fall. . . .”
				k := skipSpaces(doc, c, be)
				return c, c, k >= be || !runeLower(doc, k)
			}
			k := skipSpaces(doc, e, be)
			switch {
			case k >= be:
				return e, e, true
			case runeLower(doc, k):
				return e, e, false
			case n >= 4 && !isSpaceByte(doc[i-1]):
				// "compounds. . . . The": the first dot ends the sentence,
				// the ellipsis opens the next one.
				return i + 1, i + 1, true
			}
			return e, e, true
		}
	}
	j, dots, strong := i, 0, false
run:
	for j < be {
		switch {
		case doc[j] == '.':
			dots++
			j++
		case doc[j] == '?' || doc[j] == '!':
			strong = true
			j++
		case strings.HasPrefix(doc[j:be], "…"):
			dots += 3
			j += len("…")
		default:
			break run
		}
	}
	j, quote := skipClosers(doc, j, be)
	if j == i+1 && dots == 1 && runTogether(doc, segStart, i, be) {
		return j, j, true // "turnout was 61 percent.Officials expected more"
	}
	if j < be && spaceAt(doc, j) == 0 {
		return j, j, false // "U.S.A", "$5.2bn", "example.com", "1.)"
	}
	k := skipSpaces(doc, j, be)
	switch {
	case k >= be:
		return j, j, true
	case runeLower(doc, k):
		return j, j, false // `"This is great." she said.`
	case quote && speakerFollows(doc, k, be):
		return j, j, false // `…PEACE!” Hungarian Prime Minister Viktor Orban said`
	case strong || dots >= 2:
		return j, j, true
	case sg.periodEnds(segStart, i, k, be):
		return j, j, true
	}
	return j, j, false
}

// skipClosers skips closing quotes, brackets and footnote markers ("[4]")
// after a terminal, and reports whether a quote was closed.
func skipClosers(doc string, j, be int) (int, bool) {
	quote := false
	for j < be {
		switch c := doc[j]; {
		case c == '"' || c == '\'':
			quote = true
			j++
		case c == ')' || c == ']':
			j++
		case c == '[':
			k := j + 1
			for k < be && k-j <= 4 && isDigit(doc[k]) {
				k++
			}
			if k == j+1 || k >= be || doc[k] != ']' {
				return j, quote
			}
			j = k + 1
		case strings.HasPrefix(doc[j:be], "”") || strings.HasPrefix(doc[j:be], "’"):
			quote = true
			j += 3
		case strings.HasPrefix(doc[j:be], "»"):
			quote = true
			j += 2
		default:
			return j, quote
		}
	}
	return j, quote
}

func skipSpaces(doc string, k, be int) int {
	for k < be {
		n := spaceAt(doc, k)
		if n == 0 {
			break
		}
		k += n
	}
	return k
}

// spacedEllipsis counts the dots of ". . ." starting at i and returns the
// end of the run.
func spacedEllipsis(doc string, i, be int) (n, end int) {
	n, k := 1, i+1
	for k+1 < be && doc[k] == ' ' && doc[k+1] == '.' {
		n++
		k += 2
	}
	return n, k
}

// skipEllipsis skips terminal punctuation (and spaced ellipses) that opens
// a sentence.
func skipEllipsis(doc string, i, be int) int {
	for i < be && (doc[i] == '.' || doc[i] == '?' || doc[i] == '!' || doc[i] == ' ' && i+1 < be && doc[i+1] == '.') {
		i++
	}
	return i
}

// wordAt returns the run of letters starting at k.
func wordAt(doc string, k, be int) string {
	e := k
	for e < be && e-k < 32 && (isAlnum(doc[e]) || doc[e] >= 0x80 || doc[e] == '\'' || doc[e] == '-') {
		e++
	}
	return doc[k:e]
}

// speakerFollows recognises "Trump questioned", "Hungarian Prime Minister
// Viktor Orban said": up to six capitalised words and a speech verb.
func speakerFollows(doc string, k, be int) bool {
	var buf [32]byte
	for n := 0; n < 7 && k < be; n++ {
		w := wordAt(doc, k, be)
		if w == "" {
			return false
		}
		if n > 0 && speechVerbs[string(lowerASCII(buf[:0], w))] {
			return true
		}
		if !runeUpper(w, 0) {
			return false
		}
		k += len(w)
		if k >= be || doc[k] != ' ' {
			return false
		}
		k++
	}
	return false
}

// periodEnds decides a single "." at i followed (after spaces) by a
// non-lower-case character at k.
func (sg *segmenter) periodEnds(segStart, i, k, be int) bool {
	doc := sg.doc
	ws := i
	for ws > segStart && i-ws < 64 && !isSpaceByte(doc[ws-1]) {
		ws--
	}
	for ws < i && strings.IndexByte("\"'([{*", doc[ws]) >= 0 {
		ws++
	}
	for ws < i && (strings.HasPrefix(doc[ws:i], "“") || strings.HasPrefix(doc[ws:i], "‘") || strings.HasPrefix(doc[ws:i], "⁃") || strings.HasPrefix(doc[ws:i], "•")) {
		ws += 3
	}
	word := doc[ws:i]
	if word == "" {
		return true
	}
	if isListMarkerWord(word) && onlyBulletBefore(doc, segStart, ws) {
		return false // "1. The first item"
	}
	if strings.Contains(word, "/") || strings.HasPrefix(word, "www") {
		return true // a URL at the end of a sentence
	}
	var buf [64]byte
	lw := string(lowerASCII(buf[:0], word))
	next := wordAt(doc, k, be)
	var nbuf [32]byte
	opener := openers[string(lowerASCII(nbuf[:0], next))] || strings.HasPrefix(doc[k:be], "“") || doc[k] == '"'
	switch {
	case lw == "st" && opener:
		return true // "Downing St. The result…"
	case titles[lw]:
		return false
	case lw == "a.m" || lw == "p.m":
		// "5 p.m. Officials said" ends; "9 a.m. Friday", "p.m. ET" do not,
		// nor "At 7 a.m. Mrs. Okafor opened…", where the time opens the
		// sentence: a boundary needs a clause before the time.
		if strings.Count(doc[segStart:ws], " ") < 3 {
			return false
		}
		return opener || !timeFollowers[string(lowerASCII(nbuf[:0], next))] && runeUpper(doc, k)
	case numberAbbrevs[lw] && isDigit(doc[k]):
		return false
	case otherAbbrevs[lw] || isDotted(word):
		return opener
	case len(word) == 1 && isUpper(word[0]):
		// An initial ("Albert I. Jones", "George W. Bush") follows a
		// capitalised name; the pronoun I ("you and I.") does not.
		return !prevWordCapitalised(doc, segStart, ws)
	}
	return true
}

// isListMarkerWord: "1", "12", "a" — the label of a list item.
func isListMarkerWord(w string) bool {
	if len(w) == 1 && isLower(w[0]) {
		return true
	}
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigit(w[i]) {
			return false
		}
	}
	return true
}

// onlyBulletBefore: doc[segStart:ws] is empty or a bullet and spaces.
func onlyBulletBefore(doc string, segStart, ws int) bool {
	s := strings.TrimSpace(doc[segStart:ws])
	return s == "" || s == "•" || s == "-" || s == "*" || s == "⁃"
}

// isDotted matches "U.S", "a.m", "e.g", "Ph.D": letters in groups of one
// or two joined by dots.
func isDotted(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if len(part) == 0 || len(part) > 2 {
			return false
		}
		for i := 0; i < len(part); i++ {
			if !isUpper(part[i]) && !isLower(part[i]) {
				return false
			}
		}
	}
	return true
}

func prevWordCapitalised(doc string, segStart, ws int) bool {
	e := ws
	for e > segStart && isSpaceByte(doc[e-1]) {
		e--
	}
	s := e
	for s > segStart && e-s < 64 && !isSpaceByte(doc[s-1]) {
		s--
	}
	return s < e && runeUpper(doc, s)
}

// listMarker recognises an item label at k: "1.", "1)", "1.)", "a." or "a)"
// followed by a space.
func listMarker(doc string, k, be int) (style string, n int, alpha, ok bool) {
	j := k
	for j < be && j-k < 3 && isDigit(doc[j]) {
		n = n*10 + int(doc[j]-'0')
		j++
	}
	if j == k {
		if j < be && doc[j] >= 'a' && doc[j] <= 'z' {
			alpha, n = true, int(doc[j]-'a')
			j++
		} else {
			return "", 0, false, false
		}
	}
	switch {
	case strings.HasPrefix(doc[j:be], ".) "):
		style = ".)"
	case strings.HasPrefix(doc[j:be], ". "):
		style = "."
	case strings.HasPrefix(doc[j:be], ") "):
		style = ")"
	default:
		return "", 0, false, false
	}
	return style, n, alpha, true
}

// nextListItem reports whether the next item of the paragraph's list starts
// at i ("1. The first item 2. The second item").
func (sg *segmenter) nextListItem(i, be int) bool {
	c := sg.doc[i]
	if !isDigit(c) && !(sg.listAlpha && isLower(c)) {
		return false
	}
	style, n, alpha, ok := listMarker(sg.doc, i, be)
	if !ok || style != sg.listStyle || alpha != sg.listAlpha || n != sg.listNext {
		return false
	}
	sg.listNext++
	return true
}

// runTogether reports whether the "." at i joins two sentences without a
// space: "61 percent.Officials", "bought 1,000.That", "Cabinet.This". The
// word before is a number or a word of three letters or more ending in
// lower case (not "U.S", "St", "example.com"); the word after is a
// capitalised word of lower-case letters.
func runTogether(doc string, segStart, i, be int) bool {
	k := i + 1
	if k+1 >= be || !isUpper(doc[k]) || !isLower(doc[k+1]) {
		return false
	}
	ws := i
	for ws > segStart && !isSpaceByte(doc[ws-1]) {
		ws--
	}
	word := doc[ws:i]
	if len(word) < 3 || strings.Contains(word, ".") || strings.Contains(word, "/") || strings.HasSuffix(word, "www") {
		return false
	}
	last := word[len(word)-1]
	return isLower(last) || isDigit(last) && isDigit(word[0])
}
