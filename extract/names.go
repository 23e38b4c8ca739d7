package extract

import (
	"strings"
	"unicode/utf8"
)

// Named entities by heuristics: a run of capitalised words (joined by "of",
// "the", "for", "de") is a name; titles before it ("President", "Kremlin
// aide") make it a person, organisation words ("Court", "Institute") an
// organisation, a small gazetteer a place. A single capitalised word is a
// person only once the document has named that person in full.

var (
	nameJoiners = set("of", "the", "for", "de", "von", "van", "bin")
	titleWords  = set("president", "prime", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman",
		"aide", "mr", "mrs", "ms", "dr", "gen", "general", "senator", "sen", "rep", "governor", "gov", "chancellor",
		"king", "queen", "pope", "prince", "judge", "justice", "ambassador", "chief", "director", "leader",
		"foreign", "defence", "defense", "state", "deputy", "vice", "former", "professor", "prof", "lt", "col",
		"colonel", "admiral", "adm", "sir", "lord", "kremlin", "senior", "head", "undersecretary")
	// offices end a run that names an office, not its holder: "Labor
	// Secretary", "Education Undersecretary", "Strategic Defence".
	offices = set("secretary", "undersecretary", "minister", "president", "spokesman", "spokeswoman",
		"spokesperson", "governor", "senator", "ambassador", "director", "chancellor", "defence", "defense",
		"aide", "leader", "deputy")
	orgWords = set("court", "fund", "office", "institute", "union", "council", "ministry", "department", "party",
		"agency", "press", "army", "navy", "nations", "bank", "committee", "congress", "senate", "university",
		"company", "corporation", "corp", "inc", "ltd", "group", "global", "news", "times", "post", "kremlin",
		"pentagon", "hamas", "hezbollah", "nato", "reuters", "jazeera", "social", "fox", "kommersant",
		"association", "organisation", "organization", "commission", "parliament", "government", "service",
		"bureau", "representative", "federation", "foundation", "centre", "center", "network", "cnn", "bbc",
		"reserve", "markets", "journal", "statistics", "exchange", "authority", "administration", "programme",
		"commission", "trust", "institution", "capital", "holdings", "airways", "university", "club", "court",
		"cabinet", "sox", "fc",
		"taliban", "guard", "force", "airlines", "police", "assembly", "authority", "board", "club", "school", "college", "house",
		"motors", "electric", "dynamics", "mills", "atomics", "industries", "systems", "technologies", "partners")
	// thingHeads end names of things, events and documents, which are not
	// people: "Tomahawk Land Attack Missile", "Paris Agreement".
	thingHeads = set("missile", "missiles", "act", "program", "programme", "bill", "plan", "deal", "report", "war",
		"treaty", "agreement", "accord", "doctrine", "strategy", "index", "prize", "award", "cup", "games",
		"olympics", "day", "summit", "conference", "initiative", "operation", "project", "law", "protocol",
		"convention", "declaration", "charter", "amendment", "vaccine", "drone", "drones", "aircraft", "jet",
		"rocket", "ship", "bridge", "tower", "airport", "station", "street", "road", "avenue", "square", "hall",
		"museum", "stadium", "hospital", "hotel", "festival", "championship", "league", "series", "one",
		"system", "weapon", "weapons", "tank", "tanks", "fighter", "bomber", "carrier", "satellite", "budget",
		"factory", "plant", "index", "rate", "statement", "address", "speech", "review", "survey")
	places = set("ukraine", "russia", "moscow", "kyiv", "kiev", "hungary", "budapest", "alaska", "israel", "gaza",
		"washington", "us", "usa", "uk", "britain", "england", "france", "paris", "germany", "berlin", "china",
		"beijing", "japan", "tokyo", "india", "iran", "iraq", "syria", "libya", "turkey", "egypt", "europe",
		"asia", "africa", "america", "brussels", "london", "netherlands", "australia", "canada", "mexico",
		"poland", "italy", "rome", "spain", "madrid", "yelabuga", "tatarstan", "saratov", "crimea", "donbas",
		"lebanon", "beirut", "yemen", "qatar", "doha", "jerusalem", "tel", "aviv", "west", "bank", "texas",
		"california", "florida", "new", "york", "arkansas", "korea", "pyongyang", "seoul", "taiwan", "sudan",
		"afghanistan", "kabul", "pakistan", "venezuela", "brazil", "cuba", "nigeria", "kenya", "ethiopia",
		"east", "middle", "oblast", "province", "region", "city", "island", "republic", "united",
		"kingdom", "states", "base", "sea", "ocean", "river", "mountains", "strait")
	placeHeads = set("oblast", "province", "region", "city", "island", "republic", "base", "sea", "ocean",
		"river", "mountains", "strait", "county", "state", "kingdom", "states", "east", "park", "downs", "heights",
		"hills", "valley", "gardens", "borough", "township", "parish")
	auxiliaries = set("also", "later", "had", "has", "have", "was", "is", "were", "would", "then")
	demonyms    = set("russian", "ukrainian", "hungarian", "american", "european", "british", "french", "german",
		"chinese", "israeli", "palestinian", "iranian", "syrian", "us", "eu", "un", "western", "soviet")
	notNames = set("i", "yet", "still", "thus", "unidentified", "the", "a", "an", "in", "on", "at", "but", "and", "so", "if", "as", "after", "before",
		"following", "according", "meanwhile", "however", "besides", "commenting", "later", "next", "news",
		"questions", "preparations", "this", "that", "these", "those", "it", "he", "she", "they", "we", "you",
		"his", "her", "their", "our", "what", "why", "how", "when", "where", "who", "will", "did", "do", "does",
		"there", "here", "most", "some", "many", "all", "both", "yes", "no", "not", "well", "now", "then",
		"today", "tomahawk", "tomahawks", "interactive", "thank", "my", "is", "are", "was", "were", "for", "to",
		"by", "with", "from", "while", "since", "because", "although", "even", "also", "only", "just", "peace",
		"russians", "ukrainians", "americans", "officials", "analysts", "mr", "mrs", "ms",
		"i’m", "i'm", "i’ll", "i'll", "i’ve", "i've", "i’d", "i'd")
)

// name scans the capitalised run starting at i, adds a facet for it, and
// returns the index of its last token.
func (fs *facetScanner) name(i int) int {
	t := fs.toks
	end := i
	for end+1 < len(t) {
		if isPossessive(t[end].text) {
			break // "Cuba’s Castro" is two names
		}
		nx := &t[end+1]
		if nx.sym == '.' && !nx.space && len(t[end].text) == 1 && isUpper(t[end].text[0]) &&
			end+2 < len(t) && t[end+2].cap && !t[end+2].used {
			end += 2 // an initial: "George W. Bush"
			continue
		}
		if nx.used || !nx.space && nx.sym != 0 {
			break
		}
		if nx.cap && !nx.num {
			end++
			continue
		}
		if nx.low == "of" && end+2 < len(t) && t[end+2].num && !t[end+2].used && t[end].f&fOrgWords != 0 {
			end += 2 // "Group of 20"
			break
		}
		if nx.low == "and" && end+2 < len(t) && t[end+2].cap && !t[end+2].used && (fs.hasOrgWord(i, end) || fs.orgAhead(end+2)) {
			end += 2 // "Office of Management and Budget", "Liquor and Cannabis Board"
			continue
		}
		if nx.f&fNameJoiners != 0 {
			k := end + 2 // "Institute for the Study of War"
			if k < len(t) && (t[k].f&fNameJoiners != 0) {
				k++
			}
			if k < len(t) && t[k].cap && !t[k].used && !t[k].num {
				end = k
				continue
			}
		}
		break
	}
	// "Bank of Zambia Chris Mvunga": an organisation named after a place,
	// then a person.
	if k := orgThenPerson(t, i, end); k > 0 {
		fs.add(KindOrg, i, k)
		return fs.name(k + 1)
	}
	// "Minutes of the Reserve Bank of Australia": the organisation starts
	// after "of the".
	if k := orgAfterOfThe(t, i, end); k > 0 {
		i = k
	}
	// Trim leading words that are not part of the name: sentence openers,
	// demonyms and titles (remembered: they tell us it is a person).
	start, person := i, false
	if i == end && len(t[i].text) >= 2 && isUpperText(t[i].text) && fs.gazetteerKind(i, i) == KindOrg {
		fs.add(KindOrg, i, i) // "WHO", an acronym, not the pronoun
		return i
	}
	for start <= end {
		w := t[start].low
		switch {
		case (t[start].f&fNotNames != 0) && (start == 0 || w != "the" || start == end):
		case (t[start].f&fTitleWords != 0) && start < end:
			person = true
			if start+3 <= end && (t[start+1].low == "for" || t[start+1].low == "of") && t[start+2].f&fTitleWords == 0 {
				start += 2 // "Minister for Health David Davis": the portfolio is not the name
			}
		case (t[start].f&fDemonyms != 0) && start < end && !(t[end].f&fOrgWords != 0) && !(t[start+1].f&fPlaces != 0):
		case (t[start].f&fNameJoiners != 0):
		default:
			goto trimmed
		}
		start++
	}
trimmed:
	for end >= start && ((t[end].f&fNameJoiners != 0) || (t[end].f&fNotNames != 0) && t[end].low != "news") {
		end--
	}
	if start > end || start == end && (t[start].f&fDemonyms != 0) {
		return max(i, end)
	}
	// "United States President Donald Trump": the name follows the last
	// title; what precedes the title is the person's country or office.
	titled := start
	if person {
		titled = i
		for titled < start && t[titled].f&fTitleWords == 0 {
			titled++
		}
	}
	for k := end - 1; k > start; k-- {
		if t[k].f&fTitleWords != 0 {
			if fs.nameKind(start, k-1, false) == KindPlace {
				fs.add(KindPlace, start, k-1)
				fs.trimPossessive()
			}
			start, titled, person = k+1, k, true
			if start+2 <= end && (t[start].low == "of" || t[start].low == "for") && t[start+1].f&fTitleWords == 0 {
				start += 2 // "Under Secretary of Education Martha Kanter": the portfolio is not the name
			}
			break
		}
	}
	if person && fs.heading && end > start {
		end = start // a heading capitalises the words after the name: "President Obama Takes Actions"
	}
	kind := fs.nameKind(start, end, person)
	if kind == KindOrg && titled < start {
		start = titled // "General Dynamics" is a company, title and all
	}
	if kind == "" && start == end && i > 0 && fs.afterPossessivePlace(i) && t[start].f&(fOrgWords|fThingHeads|fPlaces) == 0 {
		kind = KindPerson // "Cuba’s Castro"
	}
	if kind == "" && fs.placeByPreposition(i, start, end) {
		kind = KindPlace // "in Walsall", "across Victoria"
	}
	if kind == "" {
		return end
	}
	if n := len(fs.out); kind == KindPlace && n > 0 && fs.out[n-1].Kind == KindPlace && start >= 2 &&
		t[start-1].sym == ',' && fs.out[n-1].End == t[start-2].e && fs.gazetteerKind(start, end) == KindPlace &&
		gazetteer[strings.ToLower(fs.doc[fs.out[n-1].Start:fs.out[n-1].End])] == "" {
		// "Everett, Washington": a town the gazetteer does not know and the
		// region it is in (but "Romania, Italy and Ukraine" are three).
		prev := fs.out[n-1].Start
		fs.out = fs.out[:n-1]
		for start > 0 && fs.toks[start-1].e > prev {
			start--
		}
	}
	fs.add(kind, start, end)
	fs.trimPossessive()
	if kind == KindPerson && end > start {
		if fs.people == nil {
			fs.people = map[string]bool{}
		}
		if !fs.people[t[end].low] {
			fs.people[t[end].low] = true // "Donald Trump" → later "Trump"
		}
	}
	return end
}

func (fs *facetScanner) nameKind(start, end int, person bool) string {
	t := fs.toks
	if k := fs.gazetteerKind(start, end); k != "" && !person {
		return k
	}
	org, place := false, true
	for k := start; k <= end; k++ {
		org = org || (t[k].f&fOrgWords != 0)
		if !(t[k].f&fPlaces != 0) && !(t[k].f&fNameJoiners != 0) {
			place = false
		}
	}
	last := t[end].low
	acronym := end == start && len(t[start].text) >= 2 && len(t[start].text) <= 5 && isUpperText(t[start].text)
	switch {
	case person && start == end && t[start].f&fTitleWords != 0:
		return "" // a title alone: "the President"
	case person && !org && t[end].f&fThingHeads == 0:
		return KindPerson
	case org:
		return KindOrg
	case t[end].f&fThingHeads != 0 || fs.hasDigit(start, end):
		return "" // a thing or an event, not a person: "Paris Agreement", "AGM-86 ALCM"
	case end > start && offices[last]:
		return "" // an office without its holder: "Labor Secretary"
	case end > start && t[start].low == "co":
		return KindPlace // an Irish county: "Co Kerry"
	case place || (t[end].f&fPlaceHeads != 0) && end > start:
		return KindPlace
	case acronym:
		return KindOrg
	case fs.shouting(start, end) && end > start && end-start <= 3 && fs.labelFollows(end):
		return KindPerson // a transcript's speaker: "DARYN KAGAN, CNN ANCHOR:"
	case fs.people[last] && end-start <= 1:
		return KindPerson // named in full before: "Trump"
	case start == 0 && fs.shouting(start, end) && fs.datelineFollows(end):
		return KindPlace // a wire dateline: "SEATTLE (AP) —", "LUSAKA, Feb 17 (Reuters) -"
	case fs.heading || fs.shouting(start, end):
		// Headings capitalise every word and shouting every letter: a
		// run of capitals there is no evidence of a name.
		return ""
	case end > start && end-start <= 3 && !t[start].num && !(fs.titleCase && fs.commonWord(start) && fs.commonWord(end)):
		return KindPerson
	case fs.people[last]:
		return KindPerson
	case end == start && fs.followedBySpeech(end):
		return KindPerson
	}
	return ""
}

// trimPossessive drops "’s" from the last facet: "Hungary’s" → "Hungary".
func (fs *facetScanner) trimPossessive() {
	f := &fs.out[len(fs.out)-1]
	if c := fs.doc[f.End-1]; c != 's' && c != '\'' && c != 0x99 {
		return // no possessive ends it ("’" ends in 0x99)
	}
	for _, p := range []string{"’s", "'s", "’", "'"} {
		if f.End-f.Start > len(p) && strings.HasSuffix(fs.doc[f.Start:f.End], p) {
			f.End -= len(p)
			return
		}
	}
}

func (fs *facetScanner) followedBySpeech(k int) bool {
	return k+1 < len(fs.toks) && fs.toks[k+1].f&fSpeechVerbs != 0
}

// speakers marks the source of a quote or attribution: the name right
// before "said"/"told" (or after it, or after "according to"); failing a
// name, a short noun phrase such as "the US president".
func (fs *facetScanner) speakers() {
	t := fs.toks
	for k := range t {
		w := t[k].low
		if t[k].f&fSpeechVerbs == 0 && !(w == "according" && k+1 < len(t) && t[k+1].low == "to") {
			continue
		}
		if w == "according" {
			fs.promote(k+2, k+6, true)
			continue
		}
		if fs.promote(k-1, k-1, false) || k > 0 && fs.promoteAdverb(k) {
			continue
		}
		// "…,” said John Smith": the speaker follows the verb only after a
		// quote or comma; otherwise it is the reported subject ("said
		// Putin had raised").
		if k > 0 && (t[k-1].sym == ',' || t[k-1].sym == '"' || t[k-1].sym == '~') && fs.promote(k+1, k+6, true) {
			continue
		}
		// "the US president said": a short lower-case noun phrase.
		last := k - 1
		for last >= 0 && (strings.HasSuffix(t[last].low, "ly") || (t[last].f&fAuxiliaries != 0)) {
			last--
		}
		from := last
		for from >= 0 && k-from <= 4 && !t[from].used && t[from].sym == 0 && t[from].low != "the" {
			from--
		}
		if from >= 0 && t[from].low == "the" && from < last && !t[from].used {
			fs.add(KindSpeaker, from, last)
		}
	}
}

// promoteAdverb handles "Trump later told", "Zelenskyy also said".
func (fs *facetScanner) promoteAdverb(k int) bool {
	t := fs.toks
	if k >= 2 && strings.HasSuffix(t[k-1].low, "ly") || k >= 2 && (t[k-1].low == "also" || t[k-1].low == "later") {
		return fs.promote(k-2, k-2, false)
	}
	return false
}

// promote turns the person or organisation facet covering a token in
// [from,to] into a speaker facet.
func (fs *facetScanner) promote(from, to int, forward bool) bool {
	if from < 0 || from >= len(fs.toks) {
		return false
	}
	to = min(to, len(fs.toks)-1)
	for k := from; k <= to; k++ {
		s := fs.toks[k].s
		for n := range fs.out {
			f := &fs.out[n]
			if f.Start <= s && s < f.End && (f.Kind == KindPerson || f.Kind == KindOrg || f.Kind == KindSpeaker) {
				f.Kind = KindSpeaker
				return true
			}
		}
		if !forward {
			return false
		}
	}
	return false
}

// isUpperText: s has no lower-case letter (strings.ToUpper(s) == s, without
// allocating for ASCII).
func isUpperText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.ToUpper(s) == s
		}
		if isLower(s[i]) {
			return false
		}
	}
	return true
}

// isPossessive: w ends in "’s" or "'s".
func isPossessive(w string) bool { return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") }

// gazetteerKind looks the name t[start..end] up in the gazetteer, whole.
func (fs *facetScanner) gazetteerKind(start, end int) string {
	if fs.toks[start].f&fGazetteer == 0 {
		return ""
	}
	var buf [96]byte
	b := buf[:0]
	for k := start; k <= end; k++ {
		if k > start {
			b = append(b, ' ')
		}
		b = append(b, fs.toks[k].low...)
		if len(b) > len(buf)-8 {
			return ""
		}
	}
	return gazetteer[string(b)]
}

// shouting: every letter of t[start..end] is a capital.
func (fs *facetScanner) shouting(start, end int) bool {
	return isUpperText(fs.doc[fs.toks[start].s:fs.toks[end].e]) && fs.toks[start].e-fs.toks[start].s > 1
}

// orgThenPerson finds "Bank of Zambia Chris Mvunga" in the run t[i..end]:
// an organisation word, "of", a place, then two or more capitalised words.
// It returns the index of the place, or 0.
func orgThenPerson(t []ftok, i, end int) int {
	for h := i; h+4 <= end; h++ {
		if t[h].f&fOrgWords != 0 && t[h+1].low == "of" && t[h+2].f&fPlaces|gazetteerBit(t[h+2].low) != 0 && t[h+3].cap && t[h+4].cap {
			return h + 2
		}
	}
	return 0
}

// gazetteerBit is fPlaces when w alone is a place in the gazetteer.
func gazetteerBit(w string) uint32 {
	if gazetteer[w] == KindPlace {
		return fPlaces
	}
	return 0
}

// orgAfterOfThe finds "Minutes of the Reserve Bank …": when the run has
// "of the" before its organisation word, the organisation starts after
// "the". It returns that index, or 0.
func orgAfterOfThe(t []ftok, i, end int) int {
	for k := i + 1; k+2 <= end; k++ {
		if t[k].low == "of" && t[k+1].low == "the" {
			for h := k + 2; h <= end; h++ {
				if t[h].f&fOrgWords != 0 {
					return k + 2
				}
			}
			return 0
		}
		if t[k].f&fOrgWords != 0 {
			return 0
		}
	}
	return 0
}

// orgAhead: the capitalised words from t[k] on (three at most) are a name
// that ends in an organisation word: "Cannabis Board" of "Liquor and
// Cannabis Board" (but "NATO" alone is a name of its own: "European and
// NATO allies").
func (fs *facetScanner) orgAhead(k int) bool {
	t := fs.toks
	for n := k; n < len(t) && n < k+3 && t[n].cap && !t[n].num && !t[n].used; n++ {
		if n > k && t[n].f&fOrgWords != 0 && (n+1 >= len(t) || !t[n+1].cap || t[n+1].used) {
			return true
		}
	}
	return false
}

// hasOrgWord: the run t[i..end] has an organisation word.
func (fs *facetScanner) hasOrgWord(i, end int) bool {
	for k := i; k <= end; k++ {
		if fs.toks[k].f&fOrgWords != 0 {
			return true
		}
	}
	return false
}

// afterPossessivePlace: the token before t[i] is a place in the possessive:
// "Cuba’s Castro".
func (fs *facetScanner) afterPossessivePlace(i int) bool {
	n := len(fs.out)
	return n > 0 && fs.out[n-1].Kind == KindPlace && isPossessive(fs.toks[i-1].text) && fs.out[n-1].End <= fs.toks[i-1].e
}

// placePreps put a place after them: "in Walsall", "across Victoria".
var placePreps = set("in", "across", "throughout", "near", "outside")

// placeByPreposition: the name t[start..end] that nothing else typed
// follows a place preposition and is one or two words, not a month, a
// weekday or a known person.
func (fs *facetScanner) placeByPreposition(i, start, end int) bool {
	t := fs.toks
	return i > 0 && i == start && placePreps[t[i-1].low] && end-start <= 1 &&
		t[start].f&(fMonths|fWeekdays|fTitleWords|fNotNames) == 0 && !fs.people[t[end].low] && !t[start].num
}

// datelineFollows: what follows t[end] opens a wire dateline: "(AP)", a
// dash, or a comma and a month.
func (fs *facetScanner) datelineFollows(end int) bool {
	n := fs.at(end + 1)
	switch {
	case n.sym == '(':
		return true
	case n.sym == ',':
		return fs.at(end+2).f&fMonths != 0
	}
	return n.text == "-" || n.text == "—" || n.text == "–"
}

// commonWord: the word of t[k] stands in lower case elsewhere in the
// document, so in a title-case line it is an ordinary word the headline
// capitalised ("Workforce Development", "First Round of Grants"), not a
// name.
// Surnames that are also words ("Price") need both words of a run to be
// common before the run is no name.
func (fs *facetScanner) commonWord(k int) bool {
	w := fs.toks[k].low
	if len(w) < 3 || w == fs.toks[k].text {
		return false
	}
	if common, ok := fs.common[w]; ok {
		return common
	}
	if fs.common == nil {
		fs.common = map[string]bool{}
	}
	common := false
	doc := fs.doc
	for i := 0; i < len(doc); {
		j := strings.Index(doc[i:], w)
		if j < 0 {
			break
		}
		j += i
		if (j == 0 || !isLetterByte(doc[j-1])) && (j+len(w) == len(doc) || !isLetterByte(doc[j+len(w)])) {
			common = true
			break
		}
		i = j + len(w)
	}
	fs.common[w] = common
	return common
}

// isLetterByte: c is an ASCII letter or part of a multi-byte rune.
func isLetterByte(c byte) bool { return c >= 0x80 || isUpper(c) || isLower(c) }

// labelFollows: a comma or a colon follows t[end].
func (fs *facetScanner) labelFollows(end int) bool {
	n := fs.at(end + 1)
	return n.sym == ',' || n.sym == ':'
}

// hasDigit: a token of t[start..end] has a digit ("AGM-86 ALCM").
func (fs *facetScanner) hasDigit(start, end int) bool {
	for k := start; k <= end; k++ {
		if strings.ContainsAny(fs.toks[k].text, "0123456789") {
			return true
		}
	}
	return false
}
