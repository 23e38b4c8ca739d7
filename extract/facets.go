package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/factcheckdesk/factcheck/extract/internal/claim"
)

// Facet kinds, as shown on hover in the UI.
const (
	KindMoney       = "money"
	KindPercent     = "percent"
	KindCount       = "count"
	KindDate        = "date"
	KindDuration    = "duration"
	KindMeasurement = "measurement"
	KindSpeed       = "speed"
	KindPerson      = "person"
	KindOrg         = "organisation"
	KindPlace       = "place"
	KindSpeaker     = "speaker"
)

// ftok is one token of a statement: a run of letters, digits and joiners
// (",", ".", "-", "’", "/") with trailing punctuation trimmed, or a single
// symbol. Footnote markers ("[4]") are skipped, so no facet contains one.
type ftok struct {
	s, e  int
	text  string
	low   string // ASCII lower case, possessive "’s" removed
	num   bool   // starts with a digit
	cap   bool   // starts with an upper-case letter
	sym   byte   // '$', '%', '(', ')', ',', '"', ... for one-character tokens
	used  bool
	space bool   // preceded by whitespace
	f     uint32 // facetLexicon bits of low
}

// facetScanner finds facets in the statements of one document; it keeps
// the names of people seen earlier in the document so that a later "Trump"
// is known to be a person.
type facetScanner struct {
	doc    string
	low    string // lowerDoc(doc)
	toks   []ftok
	people map[string]bool
	// common caches commonWord's answers: names recur in a document.
	common map[string]bool
	// titleCase: most words of the statement are capitalised, as in a
	// headline too long to be taken for a heading.
	titleCase bool
	// heading: the statement being scanned is a heading, where capitals
	// do not mark names.
	heading bool
	out     []Facet
	slab    []Facet
}

// scan returns the facets of the statement doc[s:e].
func (fs *facetScanner) scan(s, e int, heading bool) []Facet {
	doc := fs.doc
	fs.heading = heading
	fs.tokenize(doc, s, e)
	words, caps := 0, 0
	for i := range fs.toks {
		if fs.toks[i].sym == 0 && !fs.toks[i].num {
			words++
			if fs.toks[i].cap {
				caps++
			}
		}
	}
	fs.titleCase = words >= 6 && 2*caps > words
	// Facets of successive statements share one backing array (slab).
	if cap(fs.slab)-len(fs.slab) < 8 {
		fs.slab = make([]Facet, 0, min(max(2*cap(fs.slab), 32), 1024))
	}
	avail := cap(fs.slab) - len(fs.slab)
	fs.out = fs.slab[len(fs.slab):len(fs.slab)]
	t := fs.toks
	for i := range t {
		if !t[i].used {
			fs.quantity(i)
		}
	}
	for i := range t {
		if !t[i].used {
			fs.date(i)
		}
	}
	for i := range t {
		if !t[i].used {
			fs.count(i)
		}
	}
	for i := 0; i < len(t); i++ {
		if !t[i].used && t[i].cap {
			i = fs.name(i)
		}
	}
	fs.speakers()
	// Insertion sort: a statement has few facets, mostly in order already.
	for a := 1; a < len(fs.out); a++ {
		for b := a; b > 0 && fs.out[b].Start < fs.out[b-1].Start; b-- {
			fs.out[b], fs.out[b-1] = fs.out[b-1], fs.out[b]
		}
	}
	for i := range fs.out {
		fs.out[i].Text = doc[fs.out[i].Start:fs.out[i].End]
	}
	n := len(fs.out)
	if n <= avail { // append did not move fs.out off the slab
		fs.slab = fs.slab[:len(fs.slab)+n]
	}
	return fs.out[:n:n]
}

func (fs *facetScanner) add(kind string, from, to int) {
	for k := from; k <= to; k++ {
		fs.toks[k].used = true
	}
	fs.out = append(fs.out, Facet{Kind: kind, Start: fs.toks[from].s, End: fs.toks[to].e})
}

func isJoiner(c byte) bool { return c == ',' || c == '.' || c == '-' || c == '/' || c == '\'' }

func (fs *facetScanner) tokenize(doc string, s, e int) {
	if fs.toks == nil {
		fs.toks = make([]ftok, 0, 128)
	}
	fs.toks = fs.toks[:0]
	space := true
	for i := s; i < e; {
		c := doc[i]
		if n := spaceAt(doc, i); n > 0 {
			i += n
			space = true
			continue
		}
		if c == '[' { // footnote marker
			k := i + 1
			for k < e && k-i <= 4 && isDigit(doc[k]) {
				k++
			}
			if k > i+1 && k < e && doc[k] == ']' {
				i = k + 1
				continue
			}
		}
		if !wordStart(doc, i) {
			_, n := utf8.DecodeRuneInString(doc[i:e])
			sym := c
			if n > 1 {
				sym = '~'
				switch doc[i : i+n] {
				case "€":
					sym = 'E'
				case "£":
					sym = 'L'
				case "¥", "₹", "₩", "₽", "₦", "₱", "₺", "₴", "₪", "₫", "₵":
					sym = 'M' // another currency sign
				case "–", "—":
					sym = '-'
				}
			}
			fs.toks = append(fs.toks, ftok{s: i, e: i + n, text: doc[i : i+n], sym: sym, space: space})
			i += n
			space = false
			continue
		}
		j := i
		for j < e {
			if d := doc[j]; d < utf8.RuneSelf {
				if isAlnum(d) {
					j++
				} else if isJoiner(d) && j+1 < e && wordStart(doc, j+1) {
					j++
				} else {
					break
				}
			} else if wordStart(doc, j) {
				_, n := utf8.DecodeRuneInString(doc[j:e])
				j += n
			} else if strings.HasPrefix(doc[j:e], "’") && j+3 < e && wordStart(doc, j+3) {
				j += 3
			} else {
				break
			}
		}
		t := ftok{s: i, e: j, text: doc[i:j], num: isDigit(c), cap: isUpper(c) || c >= utf8.RuneSelf && runeUpper(doc, i), space: space}
		if t.cap && lowerAfterHyphen(t.text) {
			t.cap = false // "U-turn", "Prize-winning": a word, not a name
		}
		n := len(t.text)
		if strings.HasSuffix(t.text, "’s") {
			n -= len("’s")
		} else if strings.HasSuffix(t.text, "'s") {
			n -= len("'s")
		}
		t.low = fs.low[i : i+n]
		t.f = facetTable.Get(claim.Hash(t.low), t.low)
		fs.toks = append(fs.toks, t)
		i = j
		space = false
	}
}

// wordStart: a letter or digit (any script) at doc[i].
func wordStart(doc string, i int) bool {
	c := doc[i]
	if c < utf8.RuneSelf {
		return isAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(doc[i:])
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

var (
	scaleWords = set("million", "billion", "trillion", "bn", "m", "tn", "mn", "k", "thousand")
	// currencyWords name a currency after a figure: "6.8bn rand", "500m
	// rupees" (ISO codes are in the gazetteer: "ZAR 6.8bn").
	currencyWords = set("dollars", "dollar", "euros", "euro", "roubles", "rubles", "ruble", "rouble", "yuan",
		"renminbi", "yen", "rand", "rupees", "rupee", "rupiah", "pesos", "peso", "francs", "franc", "kronor", "krona",
		"kroner", "krone", "zloty", "zlotys", "lira", "liras", "naira", "shillings", "shilling", "dinars", "dinar",
		"dirhams", "dirham", "riyals", "riyal", "rials", "rial", "ringgit", "baht", "won", "dong", "hryvnias", "hryvnia",
		"reais", "reals", "cedis", "cedi", "kwacha", "birr", "pence", "cents", "sterling", "pounds", "taka", "forint",
		"lei", "leu", "rands", "bitcoins", "bitcoin")
	unitWords = set("km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters",
		"metre", "meter", "ft", "feet", "foot", "kg", "kilograms", "tonnes", "tons", "acres", "hectares", "litres",
		"liters", "gallons", "barrels", "inches", "cm", "mm", "sq", "square", "degrees", "mw", "gw", "kwh", "lb", "lbs")
	speedUnits = set("mph", "km/h", "kph", "knots", "kmh")
	unitSuffix = []string{"km/h", "km", "ft", "kg", "mph", "cm", "mm", "mw", "gw", "lb", "m"}
	timeUnits  = set("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
		"month", "months", "year", "years", "decade", "decades", "century", "centuries")
	numWords = set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million",
		"millions", "billion", "billions", "dozen", "dozens", "several", "few", "couple", "half")
	months = set("january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "apr", "aug", "sept", "oct", "nov", "dec")
	weekdays  = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
	relDates  = set("yesterday", "today", "tomorrow", "tonight")
	relPrefix = set("next", "last", "this", "previous", "coming", "past", "earlier", "later")
	datePreps = set("on", "late", "early", "in", "within", "since", "by", "until", "from", "last", "next", "this")
	// rangePreps open a period: "during 2014-15", "between 2007 and 2009".
	rangePreps = set("during", "for", "between", "through", "throughout", "before", "after", "mid")
)

// Every facet word list is folded into one lexicon of bit masks, looked up
// once per token (ftok.f).
const (
	fScaleWords uint32 = 1 << iota
	fCurrencyWords
	fUnitWords
	fSpeedUnits
	fTimeUnits
	fNumWords
	fMonths
	fWeekdays
	fRelDates
	fRelPrefix
	fDatePreps
	fNameJoiners
	fTitleWords
	fOrgWords
	fPlaces
	fPlaceHeads
	fAuxiliaries
	fDemonyms
	fNotNames
	fSpeechVerbs
	fThingHeads
	fRangePreps
	fGazetteer // the first word of a name in the gazetteer
)

var facetTable = claim.NewTable(facetLexicon)

var facetLexicon = func() map[string]uint32 {
	m := map[string]uint32{}
	for bit, words := range map[uint32]map[string]bool{
		fScaleWords:    scaleWords,
		fCurrencyWords: currencyWords,
		fUnitWords:     unitWords,
		fSpeedUnits:    speedUnits,
		fTimeUnits:     timeUnits,
		fNumWords:      numWords,
		fMonths:        months,
		fWeekdays:      weekdays,
		fRelDates:      relDates,
		fRelPrefix:     relPrefix,
		fDatePreps:     datePreps,
		fNameJoiners:   nameJoiners,
		fTitleWords:    titleWords,
		fOrgWords:      orgWords,
		fPlaces:        places,
		fPlaceHeads:    placeHeads,
		fAuxiliaries:   auxiliaries,
		fDemonyms:      demonyms,
		fNotNames:      notNames,
		fSpeechVerbs:   speechVerbs,
		fThingHeads:    thingHeads,
		fRangePreps:    rangePreps,
		fGazetteer:     gazetteerFirst,
	} {
		for w := range words {
			m[w] |= bit
		}
	}
	return m
}()

// quantity: money, percent, measurement, speed and duration at token i.
func (fs *facetScanner) quantity(i int) {
	t := &fs.toks[i]
	switch {
	case t.sym == '$' || t.sym == 'E' || t.sym == 'L' || t.sym == 'M' || t.low == "us" && fs.at(i+1).sym == '$':
		fs.money(i)
	case fs.at(i+1).num && (isCurrencyCode(t.text) || t.text == "Rs"):
		k := i + 1 // "ZAR 6.8bn", "Rs 500 crore"
		if fs.at(k+1).f&fScaleWords != 0 {
			k++
		}
		fs.add(KindMoney, i, k)
	case t.num:
		fs.figure(i)
	default:
		fs.quantityWord(i)
	}
}

// at is token k, or a zero token past the end.
func (fs *facetScanner) at(k int) *ftok {
	if k < len(fs.toks) {
		return &fs.toks[k]
	}
	return &noToken
}

// noToken is the token past the end; never written.
var noToken ftok

// money marks a currency sign and the figure written right after it:
// "$5.2bn", "US$ 3 million", "€3".
func (fs *facetScanner) money(i int) {
	k := i + 1
	if fs.toks[i].low == "us" {
		k++
	}
	if fig := fs.at(k); fig.num && !fig.space {
		if fs.at(k+1).f&fScaleWords != 0 {
			k++
		}
		fs.add(KindMoney, i, k)
	}
}

// quantityWord marks speeds and durations in words: "supersonic",
// "Mach 5", "two weeks", "two-hour".
func (fs *facetScanner) quantityWord(i int) {
	t := &fs.toks[i]
	switch {
	case t.low == "supersonic" || t.low == "hypersonic" || t.low == "subsonic":
		fs.add(KindSpeed, i, i)
	case t.low == "mach" && fs.at(i+1).num:
		fs.add(KindSpeed, i, i+1)
	case (t.f&fNumWords != 0) && (fs.at(i+1).f&fTimeUnits != 0):
		fs.timeSpan(i)
	default:
		if a, b, ok := strings.Cut(t.low, "-"); ok && timeUnits[b] && (numWords[a] || a != "" && isDigit(a[0])) {
			fs.add(KindDuration, i, i) // "two-hour", "10-year"
		}
	}
}

// figure marks the quantity that the number at token i starts: a
// percentage, money, a speed, a measurement or a time span.
func (fs *facetScanner) figure(i int) {
	next := fs.at(i + 1)
	switch {
	case next.sym == '%' && !next.space || next.low == "percent" || next.low == "per" && fs.at(i+2).low == "cent":
		fs.percent(i)
	case (next.low == "percentage" || next.low == "basis") && fs.at(i+2).low == "points":
		fs.add(KindPercent, i, i+2) // "1.49 percentage points", "50 basis points"
	case isYearRange(fs.toks[i].low):
		fs.yearRange(i)
	case (next.f&fScaleWords != 0) && (fs.at(i+2).f&fCurrencyWords != 0):
		fs.add(KindMoney, i, i+2)
	case next.f&fCurrencyWords != 0 && (next.low != "pounds" || hasScale(fs.toks[i].low)), isCurrencyCode(next.text):
		fs.add(KindMoney, i, i+1) // "35,000 rand", "6.8bn ZAR", but "200 pounds" may be a weight
	case (next.f&fSpeedUnits != 0):
		fs.add(KindSpeed, i, i+1)
	case (next.f&fUnitWords != 0):
		fs.measurement(i, i+1)
	case hasUnitSuffix(fs.toks[i].low):
		if w := fs.toks[i].low; strings.HasSuffix(w, "mph") || strings.HasSuffix(w, "km/h") {
			fs.add(KindSpeed, i, i)
		} else {
			fs.measurement(i, i)
		}
	case (next.f&fTimeUnits != 0):
		fs.timeSpan(i)
	}
}

// percent marks "25%", "25 percent", "25 per cent", "3 percentage points".
func (fs *facetScanner) percent(i int) {
	k := i + 1
	if fs.toks[k].low == "per" {
		k++
	}
	if fs.at(k+1).low == "points" || fs.at(k+1).low == "percentage" && fs.at(k+2).low == "points" {
		k++
	}
	fs.add(KindPercent, i, k)
}

// timeSpan marks "two weeks" at i: a date when it says when ("within two
// weeks"), else a duration.
//
// "Two years ago" is a date; "the past two years" a duration. "In 24
// years" is a duration ("the first time in 24 years") unless the statement
// looks ahead ("will meet in two weeks").
func (fs *facetScanner) timeSpan(i int) {
	t := fs.toks
	if i+2 < len(t) && t[i+2].low == "ago" {
		fs.add(KindDate, i, i+2)
		return
	}
	if i > 0 && !t[i-1].used && (t[i-1].low == "within" || t[i-1].low == "after" || t[i-1].low == "in" && fs.future()) {
		fs.add(KindDate, i-1, i+1)
		return
	}
	from := i
	if i > 0 && (t[i-1].low == "past" || t[i-1].low == "last") && !t[i-1].used {
		from = i - 1
		if from > 0 && t[from-1].low == "the" && !t[from-1].used {
			from--
		}
	}
	fs.add(KindDuration, from, i+1)
}

// future: the statement has "will", "'ll" or "going to".
func (fs *facetScanner) future() bool {
	for k := range fs.toks {
		if w := fs.toks[k].low; w == "will" || strings.HasSuffix(w, "'ll") || strings.HasSuffix(w, "’ll") || w == "going" && fs.at(k+1).low == "to" {
			return true
		}
	}
	return false
}

// hasUnitSuffix: "800km", "100ft", "1,250-2,500km" (but not "1970s", "5th").
func hasUnitSuffix(w string) bool {
	for _, u := range unitSuffix {
		if strings.HasSuffix(w, u) && len(w) > len(u) && isDigit(w[len(w)-len(u)-1]) {
			return true
		}
	}
	return false
}

// measurement adds a measurement ending at token to, extended by a converted
// value in parentheses: "800km (500 miles)", "30 metres (100ft)".
func (fs *facetScanner) measurement(from, to int) {
	t := fs.toks
	if to+3 < len(t) && t[to+1].sym == '(' && t[to+2].num {
		k := to + 2
		if hasUnitSuffix(t[k].low) {
			k++
		} else if k+1 < len(t) && (t[k+1].f&fUnitWords != 0) {
			k += 2
		} else {
			k = -1
		}
		if k > 0 && k < len(t) && t[k].sym == ')' {
			fs.add(KindMeasurement, from, k)
			return
		}
	}
	fs.add(KindMeasurement, from, to)
}

// isYearRange: "2014-15", "2007-2009", "2014/15".
func isYearRange(w string) bool {
	k := strings.IndexAny(w, "-/")
	if k != 4 || !isYearTok(w[:4]) {
		return false
	}
	rest := w[5:]
	return len(rest) == 2 && isDigit(rest[0]) && isDigit(rest[1]) || len(rest) == 4 && isYearTok(rest)
}

// yearRange marks a range of years as one date, with its preposition:
// "during 2014-15", "for 2014/15".
func (fs *facetScanner) yearRange(i int) {
	from := i
	if i > 0 && fs.toks[i-1].f&(fDatePreps|fRangePreps) != 0 && !fs.toks[i-1].used {
		from = i - 1
	}
	fs.add(KindDate, from, i)
}

func isYearTok(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20") || strings.HasPrefix(w, "18")) && isDigit(w[2]) && isDigit(w[3])
}

// date: years, decades, "September 30, 2025", "on Thursday", "next week".
func (fs *facetScanner) date(i int) {
	t := fs.toks
	w := t[i].low
	from, to := i, -1
	after := -1 // the number after a month name
	if t[i].f&fMonths != 0 {
		after = fs.numberAfterMonth(i)
	}
	switch {
	case isYearTok(w):
		to = i
		// "September 30, 2025" / "30 September 2025" / "September 2025"
		k := i - 1
		if k >= 0 && t[k].sym == ',' {
			k--
		}
		m := -1
		if k > 0 && t[k].num && len(t[k].low) <= 2 {
			m = fs.monthEndingAt(k - 1) // "September 30, 2025"
		}
		if m >= 0 {
			from = m
		} else if m = fs.monthEndingAt(k); m >= 0 {
			from = m
			if m > 0 && t[m-1].num && len(t[m-1].low) <= 2 {
				from = m - 1
			}
		}
	case len(w) == 5 && w[4] == 's' && isYearTok(w[:4]):
		to = i
		if i > 0 && t[i-1].low == "the" {
			from = i - 1
		}
	case t[i].num && len(w) <= 2 && i+3 < len(t) && (t[i+1].low == "and" || t[i+1].low == "to" || t[i+1].sym == '-' && !t[i+1].space) &&
		t[i+2].num && len(t[i+2].low) <= 2 && t[i+3].f&fMonths != 0 && t[i+3].cap:
		to = i + 3 // "29 and 30 June", "13-17 June"
		if i+4 < len(t) && isYearTok(t[i+4].low) {
			to = i + 4
		}
	case t[i].num && len(w) <= 2 && i+1 < len(t) && t[i+1].f&fMonths != 0 && t[i+1].cap:
		to = i + 1 // "30 September", "30 September 2025"
		if i+2 < len(t) && isYearTok(t[i+2].low) {
			to = i + 2
		}
	case t[i].f&fMonths != 0 && t[i].cap && after > 0:
		to = after // "September 2025", "Sept. 30"
		if d := to; len(t[d].low) <= 2 {
			// "September 30, 2025"
			n := d + 1
			if n < len(t) && t[n].sym == ',' {
				n++
			}
			if n < len(t) && isYearTok(t[n].low) {
				to = n
			}
		} else if !isYearTok(t[d].low) {
			to = -1 // "March 1000 people"
		}
	case t[i].f&fWeekdays != 0:
		to = i
	case (t[i].f&fRelDates != 0):
		to = i
	case t[i].low == "past" && i+1 < len(t) && t[i+1].f&fTimeUnits != 0:
		// "the past decade": a duration.
		from = i
		if i > 0 && t[i-1].low == "the" && !t[i-1].used {
			from = i - 1
		}
		fs.add(KindDuration, from, i+1)
		return
	case (t[i].f&fRelPrefix != 0) && i+1 < len(t) && ((t[i+1].f&fTimeUnits != 0) || (t[i+1].f&fWeekdays != 0) || t[i+1].low == "weekend"):
		to = i + 1
	}
	if to < 0 && t[i].f&fMonths != 0 && t[i].cap && i > 0 && t[i-1].f&(fDatePreps|fRangePreps) != 0 {
		to = i // "since September", "in March"
	}
	if to < 0 {
		return
	}
	// A range is one date: "2023 to 2024", "June 13 to 17", "2007-2009".
	if k := to + 1; k+1 < len(t) && (t[k].low == "to" || t[k].low == "and" && from > 0 && t[from-1].low == "between" || t[k].sym == '-' && !t[k].space) &&
		t[k+1].num && !t[k+1].used && (isYearTok(t[k+1].low) || len(t[k+1].low) <= 2 && !isYearTok(t[to].low)) {
		to = k + 1
	}
	for n := 0; n < 2 && from > 0 && (t[from-1].f&(fDatePreps|fRangePreps) != 0) && !t[from-1].used; n++ {
		from-- // "on Thursday", "late on Thursday"
	}
	for k := from; k <= to; k++ {
		if t[k].used {
			return
		}
	}
	fs.add(KindDate, from, to)
}

// lowerAfterHyphen: w is a compound word, not a name: one capital before
// its hyphen ("U-turn", "X-ray") or a participle after it
// ("Prize-winning", "Kremlin-backed"). Names keep theirs: "Chiang
// Kai-shek", "Kim Jong-il".
func lowerAfterHyphen(w string) bool {
	k := strings.IndexByte(w, '-')
	if k <= 0 || k+1 >= len(w) || !isLower(w[k+1]) {
		return false
	}
	return k == 1 || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")
}

// monthEndingAt returns the index of the month name that ends at token k
// ("September", or "Sept" of "Sept."), or -1.
func (fs *facetScanner) monthEndingAt(k int) int {
	t := fs.toks
	if k >= 1 && t[k].sym == '.' && !t[k].space {
		k--
	}
	if k >= 0 && t[k].f&fMonths != 0 {
		return k
	}
	return -1
}

// numberAfterMonth returns the index of the number after the month name at
// token i ("September 30", "Sept. 30"), or -1.
func (fs *facetScanner) numberAfterMonth(i int) int {
	t := fs.toks
	n := i + 1
	if n < len(t) && t[n].sym == '.' && !t[n].space {
		n++
	}
	if n < len(t) && t[n].num {
		return n
	}
	return -1
}

// count: remaining figures and number phrases ("2,300", "a couple of
// thousands", "dozens of").
func (fs *facetScanner) count(i int) {
	t := fs.toks
	w := t[i].low
	if t[i].num {
		if i >= 2 && t[i-1].low == "of" && t[i-2].f&fOrgWords != 0 && t[i-2].cap {
			return // "Group of 20" is a name
		}
		if isYearTok(w) || strings.HasSuffix(w, "th") || strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") || strings.HasSuffix(w, "rd") {
			return
		}
		to := i
		if i+1 < len(t) && (t[i+1].f&fScaleWords != 0) && !t[i+1].used {
			to = i + 1
		}
		fs.add(KindCount, i, to)
		return
	}
	if w == "a" && i+3 < len(t) && (t[i+1].low == "couple" || t[i+1].low == "few") && t[i+2].low == "of" && (t[i+3].f&fNumWords != 0) && t[i+3].low != "few" {
		fs.add(KindCount, i, i+3)
		return
	}
	if (t[i].f&fNumWords != 0) && w != "one" && w != "few" && w != "half" && w != "couple" && !t[i].cap {
		to := i
		for to+1 < len(t) && (t[to+1].f&fNumWords != 0) && !t[to+1].used {
			to++
		}
		fs.add(KindCount, i, to)
	}
}

// hasScale: a figure with a scale written onto it ("5m", "2.3bn").
func hasScale(w string) bool {
	for _, s := range [...]string{"m", "bn", "tn", "k", "mn"} {
		if strings.HasSuffix(w, s) && len(w) > len(s) && isDigit(w[len(w)-len(s)-1]) {
			return true
		}
	}
	return false
}
