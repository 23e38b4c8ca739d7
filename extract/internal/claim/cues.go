// Package claim scores sentences for check-worthiness. It holds the feature
// extractor, the logistic model and its trainer, shared by the extract
// package (scoring), the training command and the evaluation.
//
// Features are deliberately about claim structure rather than topic: figures
// and units, dates, comparison, attribution, tense, modality, person and
// sentence form. They carry over from debate transcripts to news text,
// where topic words do not. Topic also enters through word classes
// (classes.go: policy-agenda topics, geopolitical entities, record verbs),
// whose weights carry over to class words the training data never used.
// Sparse features add the remaining signal: words
// and pairs of word-or-shape units (function and cue words kept, other words
// replaced by their shape: number, name, -ed, -ing, ...), of which only the
// NumSparse most frequent in the training data get a weight.
package claim

import "strings"

// Cues are the linguistic signals found in one sentence. They feed both the
// model (as features) and the reviewer-facing reasons and type.
type Cues struct {
	Words, Numbers, Years                             int
	Percent, Money, Unit, NumberWord, DateWord        bool
	Comparative, Superlative, AttributionVerb         bool
	NamedSource                                       bool // an attribution verb near a capitalised name
	SaidThat                                          bool // "said that", "according to"
	According                                         bool // "according to"
	Past, PresentPerfect, StrongPast                  int
	FactPast                                          int  // strong past forms other than reporting verbs ("was", "rose", not "said")
	StrongHedge                                       bool // likely, probably, not clear: speculation even when attributed
	Official, Historical                              bool
	Topic                                             int // economy and statistics vocabulary
	FirstSingular, FirstPlural, Second                bool
	Opinion, Hedge, Future, Obligation, Negation      bool
	Question, WhStart, Imperative, Talk, Evaluative   bool
	ProperNouns                                       int
	Quote, Exclamation, ConnectiveStart, PronounStart bool
	Definition, ThereIs                               bool
	ThirdPerson                                       int    // he, she, they, names: claims are about others
	Agenda                                            int    // policy-agenda words (see classes.go)
	AgendaTopics                                      uint32 // agenda topics present (g bits)
	Geo, Record                                       int    // geopolitical entities; record verbs
	Trend                                             bool   // a changing state of the world
	Subject                                           uint32 // class of the first clause's subject (subj*)

	// Rule cues (rules.go): read by Kind and floored, never features.
	Intention                  bool // "ready to", "prepared to": a plan, like a future
	SequenceStart, DomainFrame bool // "First, …", "In economics, …"
	Scheduled                  bool // a future event with a date or an official act: "The ban will take effect on 1 March"
	Forecast                   bool // a future change: "Rates will rise next year"
	CountryClaim               bool // a comparison or superlative about a country, an economy, a system
	OfficialAction             bool // what "we" (a government) did: "We have suspended all flights"
	Promotion                  bool // "Registration is now open"
	Exposition                 bool // general explanation with nothing specific: "Inflation is usually measured…"
	Exhortation                bool // a call to act: "Pass this bill", "Tell your senator"
}

// Analyse computes the cues of one sentence.
func Analyse(s string) Cues {
	var tb [96]token
	var sb [1024]byte
	toks, _ := tokenize(s, tb[:0], sb[:0])
	var c Cues
	analyse(&c, s, toks)
	return c
}

// analyse computes the cues of sentence s from its tokens: the sentence's
// form and first subject, then each token in turn. Words set cues in three
// ways: by being in a word list (listCues, applied once at the end), by
// counting (tense, person, topic), and by rules that look at a word's
// neighbours ("-er than", "not clear", "I think", "said that"). The cues
// are written to c, which the tables' functions see: a Scorer keeps it, so
// that it is not allocated anew for each sentence.
func analyse(c *Cues, s string, toks []token) {
	*c = Cues{Words: len(toks)}
	a := analyser{c: c, toks: toks, attrAt: -10}
	c.sentenceForm(s)
	c.Subject = firstSubject(toks)
	for i := range toks {
		t := &toks[i]
		c.classes(t.g)
		switch {
		case t.symbol != 0:
			c.symbol(t.symbol)
		case t.num:
			c.figure(t.low)
		default:
			a.word(i)
		}
	}
	c.setListCues(a.lists)
	c.newsRules(s, toks)
}

// analyser holds the state of analyse while it reads a sentence.
type analyser struct {
	c      *Cues
	toks   []token
	attrAt int    // index of the last attribution verb, -10 before the first
	lists  uint32 // word-list bits of the words read (see listBits)
}

// listCues are the cues that a word sets by being in a word list
// (lexicon.go): a money word, a unit, a hedge... Phrases set some of the
// same cues too (see word).
var listCues = [...]struct {
	bit uint32
	cue func(*Cues) *bool
}{
	{bitMoneyWords, func(c *Cues) *bool { return &c.Money }},
	{bitUnits, func(c *Cues) *bool { return &c.Unit }},
	{bitNumberWords, func(c *Cues) *bool { return &c.NumberWord }},
	{bitDateWords, func(c *Cues) *bool { return &c.DateWord }},
	{bitComparatives, func(c *Cues) *bool { return &c.Comparative }},
	{bitSuperlatives, func(c *Cues) *bool { return &c.Superlative }},
	{bitOfficial, func(c *Cues) *bool { return &c.Official }},
	{bitHistorical, func(c *Cues) *bool { return &c.Historical }},
	{bitFirstSingular, func(c *Cues) *bool { return &c.FirstSingular }},
	{bitFirstPlural, func(c *Cues) *bool { return &c.FirstPlural }},
	{bitSecond, func(c *Cues) *bool { return &c.Second }},
	{bitHedges, func(c *Cues) *bool { return &c.Hedge }},
	{bitStrongHedges, func(c *Cues) *bool { return &c.StrongHedge }},
	{bitFuture, func(c *Cues) *bool { return &c.Future }},
	{bitObligation, func(c *Cues) *bool { return &c.Obligation }},
	{bitNegations, func(c *Cues) *bool { return &c.Negation }},
	{bitTalk, func(c *Cues) *bool { return &c.Talk }},
	{bitEvaluative, func(c *Cues) *bool { return &c.Evaluative }},
}

// setListCues sets the list cues of the words whose list bits are lists.
func (c *Cues) setListCues(lists uint32) {
	for _, l := range listCues {
		if lists&l.bit != 0 {
			*l.cue(c) = true
		}
	}
}

// listBits are the list bits of the word at toks[i] that set its list
// cues. Two words count only in a phrase: "clear" is a hedge in "not clear"
// (see modality), "going" a future in "going to".
func listBits(toks []token, i int) uint32 {
	f := toks[i].f
	switch toks[i].low {
	case "clear":
		f &^= bitHedges
	case "going":
		if lowAt(toks, i+1) != "to" {
			f &^= bitFuture
		}
	}
	return f
}

// lowAt is the word at toks[k], or "" outside toks.
func lowAt(toks []token, k int) string {
	if k < 0 || k >= len(toks) {
		return ""
	}
	return toks[k].low
}

// bitsAt is the list bits of toks[k], or 0 outside toks.
func bitsAt(toks []token, k int) uint32 {
	if k < 0 || k >= len(toks) {
		return 0
	}
	return toks[k].f
}

// sentenceForm sets the cues of the sentence's punctuation.
func (c *Cues) sentenceForm(s string) {
	trimmed := strings.TrimRight(s, " \t\r\n\"'”’)]")
	c.Question = strings.HasSuffix(trimmed, "?")
	c.Exclamation = strings.HasSuffix(trimmed, "!")
	c.Quote = hasQuote(s)
}

// leadingWords open a sentence without being its subject: "And we...",
// "Look, they...".
var leadingWords = set("and", "but", "so", "now", "well", "yes", "look", "because")

// firstSubject is the class of the first clause's subject (see subjClass).
func firstSubject(toks []token) uint32 {
	for i := range toks {
		if !leadingWords[toks[i].low] {
			s, _ := subjClass(toks, i)
			return s
		}
	}
	return subjNone
}

// classes counts the semantic classes of a token (classes.go).
func (c *Cues) classes(g uint32) {
	if g == 0 {
		return
	}
	if g&gAgenda != 0 {
		c.Agenda++
		c.AgendaTopics |= g & gAgenda
	}
	if g&gGeo != 0 {
		c.Geo++
	}
	if g&gRecord != 0 {
		c.Record++
	}
	if g&gTrend != 0 {
		c.Trend = true
	}
}

// symbol sets the cue of a currency or percent sign.
func (c *Cues) symbol(sym byte) {
	if sym == '%' {
		c.Percent = true
	} else {
		c.Money = true // '$', '€', '£'
	}
}

// unitSuffixes are units written onto a figure: "5.2bn", "800km", "100ft".
var unitSuffixes = [...]string{"bn", "km", "ft", "kg"}

// figure sets the cues of a number: a year or another figure, a unit
// written onto it ("800km", "30m"), a decade ("1970s").
func (c *Cues) figure(w string) {
	if isYear(w) {
		c.Years++
	} else {
		c.Numbers++
	}
	for _, u := range unitSuffixes {
		if strings.HasSuffix(w, u) {
			c.Unit = true
		}
	}
	if n := len(w); n > 1 && w[n-1] == 'm' && w[n-2] >= '0' && w[n-2] <= '9' {
		c.Unit = true // "30m", not "5am"
	}
	if strings.HasSuffix(w, "s") && isYear(w[:len(w)-1]) {
		c.DateWord = true
	}
}

// imperatives open a sentence that asks the listener to do something.
var imperatives = set("let's", "let", "please", "look")

// word reads the word at toks[i].
func (a *analyser) word(i int) {
	toks, c := a.toks, a.c
	t := &toks[i]
	a.lists |= listBits(toks, i)
	if i == 0 {
		c.WhStart = t.f&bitWhWords != 0
		c.Imperative = imperatives[t.low]
		c.ConnectiveStart = t.f&bitConnectives != 0
		c.PronounStart = t.f&bitPronouns != 0
	}
	if t.cap && !t.initial && t.f&bitFirstSingular == 0 {
		c.ProperNouns++
	}
	if t.f&bitTopic != 0 {
		c.Topic++
	}
	if t.f&bitThirdPerson != 0 {
		c.ThirdPerson++
	}
	c.structure(toks, i)
	c.form(toks, i)
	a.attribution(i)
	c.tense(toks, i)
	c.modality(toks, i)
}

// structure sets the cues of sentence patterns: "X is a/the..." (a
// definition) and "there is/are".
func (c *Cues) structure(toks []token, i int) {
	f := toks[i].f
	if i == 1 && f&bitCopulas != 0 && bitsAt(toks, i+1)&bitArticles != 0 {
		c.Definition = true
	}
	if toks[i].low == "there" && bitsAt(toks, i+1)&bitCopulas != 0 {
		c.ThereIs = true
	}
}

// form sets the cues a word's form shows, alone or with the next word:
// "-er than", "-est", "per cent", "-n't".
func (c *Cues) form(toks []token, i int) {
	w := toks[i].low
	if strings.HasSuffix(w, "er") && lowAt(toks, i+1) == "than" {
		c.Comparative = true
	}
	if len(w) >= 6 && strings.HasSuffix(w, "est") && toks[i].f&bitNotSuperlative == 0 && !toks[i].cap {
		c.Superlative = true // "strongest", not "interest" or "Budapest"
	}
	if w == "percent" || w == "percentage" || w == "per" && lowAt(toks, i+1) == "cent" {
		c.Percent = true
	}
	if strings.HasSuffix(w, "n't") {
		c.Negation = true
	}
}

// attribution sets the cues of reported speech: an attribution verb, a
// capitalised name up to four words before or after it (a named source,
// "Ushakov told", "said Yuri Ushakov"), "said that" and "according to".
func (a *analyser) attribution(i int) {
	toks, c := a.toks, a.c
	t := &toks[i]
	if t.f&bitAttributionVerbs != 0 {
		c.AttributionVerb = true
		// A source is someone who speaks: "the Board" of "minutes
		// showed the Board…" or "Minutes" before it are not.
		if t.g&rSpeech != 0 {
			a.attrAt = i
			if !c.NamedSource {
				c.NamedSource = nameBefore(toks, i)
			}
		}
		if n := lowAt(toks, i+1); n == "that" || n == "to" && t.low == "according" {
			c.SaidThat = true
			if t.low == "according" {
				c.According = true
			}
		}
	}
	if t.cap && !t.initial && t.f&bitFirstSingular == 0 && i-a.attrAt <= 4 {
		c.NamedSource = true
	}
}

// nameBefore: a name stands in the four words before toks[i]: "The Office
// for National Statistics (ONS) said", "Ushakov told". A capitalised
// function or talk word opening the sentence is not one.
func nameBefore(toks []token, i int) bool {
	for j := max(i-4, 0); j < i; j++ {
		u := &toks[j]
		if u.cap && u.f&bitFirstSingular == 0 && (!u.initial || u.f&(bitClosed|bitTalk) == 0) {
			return true
		}
	}
	return false
}

// tense counts the past-tense cues of the word at toks[i]: simple past
// forms (strong ones tell reports from predictions; FactPast leaves out
// reporting verbs) and "has/have/had been" or "+ -ed".
func (c *Cues) tense(toks []token, i int) {
	t := &toks[i]
	if t.f&bitStrongPast != 0 {
		c.StrongPast++
		if t.f&bitAttributionVerbs == 0 {
			c.FactPast++
		}
	}
	if pastForm(t) {
		c.Past++
	}
	if t.low == "has" || t.low == "have" || t.low == "had" {
		if n := lowAt(toks, i+1); n == "been" || strings.HasSuffix(n, "ed") {
			c.PresentPerfect++
		}
	}
}

// pastForm: t is an irregular past or ends in -ed ("voted", not "need").
func pastForm(t *token) bool {
	return t.f&bitIrregularPast != 0 || len(t.low) >= 5 && strings.HasSuffix(t.low, "ed") && t.f&bitNotPast == 0
}

// opinionFillers may stand between "I" or "we" and an opinion verb: "I
// don't think", "we really believe".
var opinionFillers = set("don't", "do", "really", "just", "personally")

// modality sets the phrase cues of opinion, hedging and obligation: "I
// think", "we really believe", "in my view", "not clear", "have to".
func (c *Cues) modality(toks []token, i int) {
	switch w := toks[i].low; w {
	case "i", "we":
		k := i + 1
		if opinionFillers[lowAt(toks, k)] {
			k++
		}
		if bitsAt(toks, k)&bitOpinionVerbs != 0 {
			c.Opinion = true
		}
	case "in":
		if lowAt(toks, i+1) == "my" && (lowAt(toks, i+2) == "view" || lowAt(toks, i+2) == "opinion") {
			c.Opinion = true
		}
	case "not", "clear":
		if w == "not" && lowAt(toks, i+1) == "clear" || w == "clear" && lowAt(toks, i-1) == "not" {
			c.Hedge, c.StrongHedge = true, true
		}
	case "have":
		if lowAt(toks, i+1) == "to" {
			c.Obligation = true
		}
	}
}

// hasQuote: s contains '"', '“' or '”'.
func hasQuote(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			return true
		case 0xe2:
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x9c || s[i+2] == 0x9d) {
				return true
			}
		}
	}
	return false
}

func isYear(w string) bool {
	if len(w) != 4 || !(w[0] == '1' && (w[1] == '8' || w[1] == '9') || w[0] == '2' && w[1] == '0') {
		return false
	}
	return w[2] >= '0' && w[2] <= '9' && w[3] >= '0' && w[3] <= '9'
}
