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
		"colonel", "admiral", "adm", "sir", "lord", "kremlin", "senior", "head")
	orgWords = set("court", "fund", "office", "institute", "union", "council", "ministry", "department", "party",
		"agency", "press", "army", "navy", "nations", "bank", "committee", "congress", "senate", "university",
		"company", "corporation", "corp", "inc", "ltd", "group", "global", "news", "times", "post", "kremlin",
		"pentagon", "hamas", "hezbollah", "nato", "reuters", "jazeera", "social", "fox", "kommersant",
		"association", "organisation", "organization", "commission", "parliament", "government", "service",
		"bureau", "representative", "federation", "foundation", "centre", "center", "network", "cnn", "bbc",
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
		"system", "weapon", "weapons", "tank", "tanks", "fighter", "bomber", "carrier", "satellite")
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
		"river", "mountains", "strait", "county", "state", "kingdom", "states", "east")
	auxiliaries = set("also", "later", "had", "has", "have", "was", "is", "were", "would", "then")
	demonyms    = set("russian", "ukrainian", "hungarian", "american", "european", "british", "french", "german",
		"chinese", "israeli", "palestinian", "iranian", "syrian", "us", "eu", "un", "western", "soviet")
	notNames = set("i", "the", "a", "an", "in", "on", "at", "but", "and", "so", "if", "as", "after", "before",
		"following", "according", "meanwhile", "however", "besides", "commenting", "later", "next", "news",
		"questions", "preparations", "this", "that", "these", "those", "it", "he", "she", "they", "we", "you",
		"his", "her", "their", "our", "what", "why", "how", "when", "where", "who", "will", "did", "do", "does",
		"there", "here", "most", "some", "many", "all", "both", "yes", "no", "not", "well", "now", "then",
		"today", "tomahawk", "tomahawks", "interactive", "thank", "my", "is", "are", "was", "were", "for", "to",
		"by", "with", "from", "while", "since", "because", "although", "even", "also", "only", "just", "peace",
		"russians", "ukrainians", "americans", "officials", "analysts", "mr", "mrs", "ms")
)

// name scans the capitalised run starting at i, adds a facet for it, and
// returns the index of its last token.
func (fs *facetScanner) name(i int) int {
	t := fs.toks
	end := i
	for end+1 < len(t) {
		nx := &t[end+1]
		if nx.used || !nx.space && nx.sym != 0 {
			break
		}
		if nx.cap && !nx.num {
			end++
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
	// Trim leading words that are not part of the name: sentence openers,
	// demonyms and titles (remembered: they tell us it is a person).
	start, person := i, false
	for start <= end {
		w := t[start].low
		switch {
		case (t[start].f&fNotNames != 0) && (start == 0 || w != "the" || start == end):
		case (t[start].f&fTitleWords != 0) && start < end:
			person = true
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
			break
		}
	}
	kind := fs.nameKind(start, end, person)
	if kind == KindOrg && titled < start {
		start = titled // "General Dynamics" is a company, title and all
	}
	if kind == "" {
		return end
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
	case person && !org && t[end].f&fThingHeads == 0:
		return KindPerson
	case org:
		return KindOrg
	case t[end].f&fThingHeads != 0 || strings.ContainsAny(fs.doc[t[start].s:t[end].e], "0123456789"):
		return "" // a thing or an event, not a person: "Paris Agreement", "AGM-86 ALCM"
	case place || (t[end].f&fPlaceHeads != 0) && end > start:
		return KindPlace
	case acronym:
		return KindOrg
	case end > start && end-start <= 3:
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
		if k > 0 && (t[k-1].sym == ',' || t[k-1].sym == '"' || t[k-1].sym == '~') && fs.promote(k+1, k+1, true) {
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
