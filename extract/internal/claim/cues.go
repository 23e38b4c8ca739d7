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
}

var (
	attributionVerbs = set("said", "says", "told", "tells", "stated", "states", "announced", "reported", "reports",
		"confirmed", "according", "claimed", "wrote", "added", "noted", "testified", "admitted", "denied",
		"acknowledged", "estimated", "showed", "shows", "revealed", "concluded", "warned", "insisted", "found")
	irregularPast = set("was", "were", "had", "did", "went", "came", "made", "took", "gave", "got", "left", "began",
		"became", "built", "bought", "brought", "caught", "fought", "found", "grew", "held", "kept", "knew", "led",
		"lost", "meant", "met", "paid", "ran", "rose", "fell", "saw", "sent", "sold", "spent", "spoke", "stood",
		"told", "won", "wrote", "said", "ago", "drove", "flew", "hit", "shot", "struck", "stole", "broke", "chose")
	// strongPast are unambiguous simple-past forms (not participles such
	// as "led by"), used to tell reports from predictions.
	strongPast = set("was", "were", "had", "did", "said", "told", "began", "ended", "ago", "wrote", "saw", "came",
		"went", "took", "gave", "made", "rose", "fell", "grew", "won", "spoke", "agreed", "announced", "confirmed")
	strongHedges = set("likely", "probably", "perhaps", "maybe", "possibly", "unclear", "seems", "seem", "appears",
		"apparently", "unlikely", "uncertain", "suspect", "arguably", "speculation")
	notPast = set("need", "indeed", "proceed", "succeed", "exceed", "breed", "embed", "hundred", "seed", "speed",
		"greed", "weed", "shed", "bred", "feed", "red", "bed", "wed", "fed", "naked", "sacred", "wicked", "kindred")
	official = set("law", "laws", "bill", "bills", "legislation", "act", "constitution", "constitutional", "court",
		"courts", "ruled", "ruling", "illegal", "legal", "unconstitutional", "treaty", "sanctions", "veto", "vetoed",
		"signed", "passed", "voted", "vote", "votes", "elected", "appointed", "officially", "declared", "regulation",
		"regulations", "amendment", "congress", "senate", "parliament", "warrant", "convicted", "indicted",
		"charged", "sentenced", "banned", "approved", "ratified", "member", "members", "membership")
	historical = set("war", "invaded", "invasion", "attacked", "killed", "died", "founded", "established", "launched",
		"began", "ended", "happened", "occurred", "built", "developed", "created", "destroyed", "collapsed",
		"history", "historic", "century", "decades", "initiated", "lost", "won", "fought")
	topic = set("tax", "taxes", "budget", "deficit", "debt", "jobs", "unemployment", "economy", "inflation", "growth",
		"income", "spending", "trade", "gdp", "billion", "million", "trillion", "rate", "rates", "poverty", "wages",
		"prices", "cost", "costs", "insurance", "medicare", "population", "average", "taxpayers", "worth", "funding",
		"nuclear", "missiles", "troops", "oil", "exports", "imports", "revenue", "dollars", "loans", "interest", "percent")
	comparatives = set("more", "less", "fewer", "than", "higher", "lower", "larger", "smaller", "bigger", "greater",
		"increase", "increased", "increases", "decrease", "decreased", "rose", "fell", "grew", "dropped", "declined",
		"doubled", "tripled", "raised", "reduced", "compared", "twice", "half")
	superlatives = set("most", "least", "largest", "biggest", "highest", "lowest", "best", "worst", "first", "only",
		"record", "ever", "greatest", "fastest", "longest", "smallest", "oldest", "youngest", "latest", "top")
	notSuperlative = set("interest", "honest", "forest", "protest", "request", "suggest", "rest", "test", "guest",
		"west", "contest", "arrest", "invest", "harvest", "modest", "manifest", "digest", "priest", "quest", "chest", "earnest")
	opinionVerbs = set("think", "believe", "feel", "suspect", "guess", "hope", "wish", "want", "like", "love", "hate",
		"agree", "disagree", "doubt", "suppose", "expect", "trust", "fear", "bet", "reckon", "imagine")
	hedges = set("maybe", "perhaps", "probably", "likely", "possibly", "unclear", "seems", "seem", "appears",
		"apparently", "might", "may", "could", "arguably", "unlikely", "uncertain", "speculation", "suspect", "clear")
	future     = set("will", "ll", "gonna", "shall", "plan", "plans", "intend", "intends", "upcoming", "tomorrow", "soon", "going")
	obligation = set("should", "must", "need", "needs", "ought", "shouldn't", "mustn't")
	talk       = set("thank", "thanks", "applause", "laughter", "crosstalk", "okay", "ok", "yes", "well", "senator",
		"governor", "moderator", "question", "answer", "audience", "folks", "tonight", "debate", "oh", "sir", "jim", "bob")
	evaluative = set("great", "good", "bad", "terrible", "wonderful", "wrong", "right", "important", "horrible",
		"disaster", "fantastic", "tremendous", "incredible", "stupid", "ridiculous", "outrageous", "shame", "unfair",
		"fair", "strong", "weak", "nice", "proud", "beautiful", "sad", "dangerous", "serious")
	firstSingular = set("i", "me", "my", "mine", "i'm", "i've", "i'd", "i'll", "myself")
	firstPlural   = set("we", "us", "our", "ours", "we're", "we've", "we'll", "ourselves", "we'd")
	second        = set("you", "your", "you're", "yours", "you've", "yourself")
	thirdPerson   = set("he", "she", "they", "his", "her", "their", "him", "them", "he's", "she's", "they're", "hers")
	negations     = set("not", "no", "never", "nobody", "nothing", "none", "neither", "nor")
	numberWords   = set("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands",
		"million", "millions", "billion", "billions", "trillion", "double", "doubled", "twice", "triple",
		"tripled", "quarter", "dozen", "dozens", "half", "percent", "majority", "couple")
	dateWords = set("january", "february", "march", "april", "june", "july", "august", "september", "october",
		"november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"yesterday", "ago", "since", "decade", "decades", "century", "weeks", "months", "years", "year", "today")
	units = set("km", "kilometres", "kilometers", "miles", "mile", "metres", "meters", "metre", "meter", "ft", "feet",
		"kg", "kilograms", "tons", "tonnes", "mph", "acres", "barrels", "gallons", "litres", "liters", "hectares",
		"degrees", "pounds", "inches", "kilometre", "kilometer", "mw", "gw", "kwh", "square", "cubic")
	moneyWords = set("dollars", "dollar", "euros", "euro", "cents", "bn", "usd", "yuan", "rubles", "roubles", "yen")
	whWords    = set("what", "why", "how", "who", "where", "when", "which", "do", "does", "did", "is", "are",
		"can", "could", "would", "will", "should", "have", "has", "isn't", "aren't", "don't", "doesn't", "didn't")
	connectives = set("and", "but", "so", "because", "or", "now")
	pronouns    = set("it", "this", "that", "these", "those", "they", "he", "she")
	copulas     = set("is", "are", "was", "were")
	articles    = set("a", "an", "the")
	// closed are function words. The n-gram features keep them (and every
	// cue word above) as words and replace all other words by their shape,
	// so that "he voted against" and "she voted for" share structure while
	// topic words do not count.
	closed = set("a", "an", "the", "this", "that", "these", "those", "it", "it's", "its", "i", "me", "my", "we", "us",
		"our", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their", "there", "here", "who",
		"whom", "whose", "which", "what", "when", "where", "why", "how", "is", "are", "was", "were", "be", "been",
		"being", "am", "have", "has", "had", "having", "do", "does", "did", "done", "doing", "will", "would", "can",
		"could", "should", "may", "might", "must", "shall", "not", "no", "n't", "don't", "doesn't", "didn't",
		"won't", "can't", "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "wouldn't",
		"couldn't", "of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "about", "against",
		"between", "through", "during", "before", "after", "over", "under", "since", "until", "without", "within",
		"and", "or", "but", "so", "because", "if", "then", "than", "as", "while", "although", "though", "all", "some",
		"any", "every", "each", "many", "much", "more", "most", "few", "less", "least", "other", "another", "such",
		"only", "also", "just", "even", "still", "already", "again", "very", "really", "too", "now", "today", "ago",
		"ever", "never", "always", "yes", "well", "let", "let's", "get", "got", "go", "going", "went", "want",
		"know", "think", "say", "said", "says", "tell", "told", "one", "first", "last", "new", "per", "up", "down",
		"out", "off", "year", "years", "people", "percent", "million", "billion", "trillion", "i'm", "i've", "we're",
		"we've", "you're", "he's", "she's", "they're", "that's", "there's", "what's", "i'd", "i'll", "we'll",
		"they've", "country", "america", "american", "americans", "president", "government", "state", "states",
		"united", "world", "number", "time", "times", "voted", "vote", "cut", "raise", "increase", "lost", "created",
		"passed", "signed", "supported", "opposed", "spent", "paid", "pay")
)

// Every word list is folded into one lexicon of bit masks so that a token
// costs one map look-up, not thirty.
const (
	bitAttributionVerbs uint32 = 1 << 0
	bitIrregularPast    uint32 = 1 << 1
	bitNotPast          uint32 = 1 << 2
	bitOfficial         uint32 = 1 << 3
	bitHistorical       uint32 = 1 << 4
	bitTopic            uint32 = 1 << 5
	bitComparatives     uint32 = 1 << 6
	bitSuperlatives     uint32 = 1 << 7
	bitNotSuperlative   uint32 = 1 << 8
	bitHedges           uint32 = 1 << 9
	bitFuture           uint32 = 1 << 10
	bitObligation       uint32 = 1 << 11
	bitTalk             uint32 = 1 << 12
	bitEvaluative       uint32 = 1 << 13
	bitFirstSingular    uint32 = 1 << 14
	bitFirstPlural      uint32 = 1 << 15
	bitSecond           uint32 = 1 << 16
	bitNegations        uint32 = 1 << 17
	bitNumberWords      uint32 = 1 << 18
	bitDateWords        uint32 = 1 << 19
	bitUnits            uint32 = 1 << 20
	bitMoneyWords       uint32 = 1 << 21
	bitWhWords          uint32 = 1 << 22
	bitConnectives      uint32 = 1 << 23
	bitPronouns         uint32 = 1 << 24
	bitStrongPast       uint32 = 1 << 25
	bitStrongHedges     uint32 = 1 << 26
	bitThirdPerson      uint32 = 1 << 27
	bitClosed           uint32 = 1 << 28
	bitCopulas          uint32 = 1 << 29
	bitArticles         uint32 = 1 << 30
	bitOpinionVerbs     uint32 = 1 << 31
)

var lexicon = func() map[string]uint64 {
	m := map[string]uint64{}
	for bit, words := range map[uint32]map[string]bool{
		bitAttributionVerbs: attributionVerbs,
		bitIrregularPast:    irregularPast,
		bitNotPast:          notPast,
		bitOfficial:         official,
		bitHistorical:       historical,
		bitTopic:            topic,
		bitComparatives:     comparatives,
		bitSuperlatives:     superlatives,
		bitNotSuperlative:   notSuperlative,
		bitHedges:           hedges,
		bitFuture:           future,
		bitObligation:       obligation,
		bitTalk:             talk,
		bitEvaluative:       evaluative,
		bitFirstSingular:    firstSingular,
		bitFirstPlural:      firstPlural,
		bitSecond:           second,
		bitNegations:        negations,
		bitNumberWords:      numberWords,
		bitDateWords:        dateWords,
		bitUnits:            units,
		bitMoneyWords:       moneyWords,
		bitWhWords:          whWords,
		bitConnectives:      connectives,
		bitPronouns:         pronouns,
		bitStrongPast:       strongPast,
		bitStrongHedges:     strongHedges,
		bitThirdPerson:      thirdPerson,
		bitClosed:           closed,
		bitCopulas:          copulas,
		bitArticles:         articles,
		bitOpinionVerbs:     opinionVerbs,
	} {
		for w := range words {
			m[w] |= uint64(bit)
		}
	}
	for bit, words := range classLists {
		for w := range words {
			m[w] |= uint64(bit) << 32
		}
	}
	return m
}()

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// lexTable is lexicon as a Table, looked up with the hash tokenize
// computes.
var lexTable = NewTable(lexicon)

// Analyse computes the cues of one sentence.
func Analyse(s string) Cues {
	var tb [96]token
	var sb [1024]byte
	toks, _ := tokenize(s, tb[:0], sb[:0])
	return analyse(s, toks)
}

func analyse(s string, toks []token) Cues {
	var c Cues
	c.Words = len(toks)
	trimmed := strings.TrimRight(s, " \t\r\n\"'”’)]")
	c.Question = strings.HasSuffix(trimmed, "?")
	c.Exclamation = strings.HasSuffix(trimmed, "!")
	c.Quote = hasQuote(s)
	attrAt := -10
	for i := 0; i < len(toks); i++ {
		if w := toks[i].low; w == "and" || w == "but" || w == "so" || w == "now" || w == "well" || w == "yes" || w == "look" || w == "because" {
			continue
		}
		c.Subject, _ = subjClass(toks, i)
		break
	}
	for i, t := range toks {
		if g := t.g; g != 0 {
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
			c.Trend = c.Trend || g&gTrend != 0
		}
		w := t.low
		f := t.f
		switch t.symbol {
		case '$', 'E', 'L':
			c.Money = true
			continue
		case '%':
			c.Percent = true
			continue
		}
		if t.num {
			if isYear(w) {
				c.Years++
			} else {
				c.Numbers++
			}
			if strings.HasSuffix(w, "bn") || strings.HasSuffix(w, "km") || strings.HasSuffix(w, "ft") || strings.HasSuffix(w, "kg") || strings.HasSuffix(w, "m") && len(w) > 1 && w[len(w)-2] >= '0' && w[len(w)-2] <= '9' {
				c.Unit = true
			}
			if strings.HasSuffix(w, "s") && isYear(w[:len(w)-1]) {
				c.DateWord = true
			}
			continue
		}
		if t.cap && !t.initial && !(f&bitFirstSingular != 0) {
			c.ProperNouns++
		}
		if i == 0 {
			c.WhStart = (f&bitWhWords != 0)
			c.Imperative = w == "let's" || w == "let" || w == "please" || w == "look"
			c.ConnectiveStart = (f&bitConnectives != 0)
			c.PronounStart = (f&bitPronouns != 0)
		}
		if i == 1 && f&bitCopulas != 0 && i+1 < len(toks) && toks[i+1].f&bitArticles != 0 {
			c.Definition = true
		}
		if w == "there" && i+1 < len(toks) && toks[i+1].f&bitCopulas != 0 {
			c.ThereIs = true
		}
		if w == "percent" || w == "per" && i+1 < len(toks) && toks[i+1].low == "cent" || w == "percentage" {
			c.Percent = true
		}
		if f&bitMoneyWords != 0 {
			c.Money = true
		}
		c.Unit = c.Unit || (f&bitUnits != 0)
		c.NumberWord = c.NumberWord || (f&bitNumberWords != 0)
		c.DateWord = c.DateWord || (f&bitDateWords != 0)
		c.Comparative = c.Comparative || (f&bitComparatives != 0) || strings.HasSuffix(w, "er") && i+1 < len(toks) && toks[i+1].low == "than"
		c.Superlative = c.Superlative || (f&bitSuperlatives != 0) || len(w) >= 6 && strings.HasSuffix(w, "est") && !(f&bitNotSuperlative != 0)
		if f&bitAttributionVerbs != 0 {
			c.AttributionVerb = true
			attrAt = i
			// A name just before the verb: "The Office for National
			// Statistics (ONS) said", "Ushakov told".
			for j := max(i-4, 0); j < i && !c.NamedSource; j++ {
				u := &toks[j]
				c.NamedSource = u.cap && u.f&bitFirstSingular == 0 && (!u.initial || u.f&(bitClosed|bitTalk) == 0)
			}
			if i+1 < len(toks) && (toks[i+1].low == "that" || toks[i+1].low == "to" && w == "according") {
				c.SaidThat = true
				c.According = c.According || w == "according"
			}
		}
		if t.cap && !t.initial && f&bitFirstSingular == 0 && i-attrAt <= 4 && i-attrAt >= -4 {
			c.NamedSource = true
		}
		if f&bitStrongPast != 0 {
			c.StrongPast++
			if f&bitAttributionVerbs == 0 {
				c.FactPast++
			}
		}
		if (f&bitIrregularPast != 0) || len(w) >= 5 && strings.HasSuffix(w, "ed") && !(f&bitNotPast != 0) {
			c.Past++
		}
		if (w == "has" || w == "have" || w == "had") && i+1 < len(toks) && (toks[i+1].low == "been" || strings.HasSuffix(toks[i+1].low, "ed")) {
			c.PresentPerfect++
		}
		c.Official = c.Official || (f&bitOfficial != 0)
		c.Historical = c.Historical || (f&bitHistorical != 0)
		if f&bitTopic != 0 {
			c.Topic++
		}
		if f&bitThirdPerson != 0 {
			c.ThirdPerson++
		}
		c.FirstSingular = c.FirstSingular || (f&bitFirstSingular != 0)
		c.FirstPlural = c.FirstPlural || (f&bitFirstPlural != 0)
		c.Second = c.Second || (f&bitSecond != 0)
		if (w == "i" || w == "we") && i+1 < len(toks) {
			n := toks[i+1].low
			if n == "don't" || n == "do" || n == "really" || n == "just" || n == "personally" {
				if i+2 < len(toks) {
					n = toks[i+2].low
				}
			}
			c.Opinion = c.Opinion || opinionVerbs[n]
		}
		if w == "in" && i+2 < len(toks) && toks[i+1].low == "my" && (toks[i+2].low == "view" || toks[i+2].low == "opinion") {
			c.Opinion = true
		}
		c.Hedge = c.Hedge || (f&bitHedges != 0) && w != "clear" || w == "clear" && i > 0 && toks[i-1].low == "not" || w == "not" && i+1 < len(toks) && toks[i+1].low == "clear"
		c.StrongHedge = c.StrongHedge || (f&bitStrongHedges != 0) || w == "clear" && i > 0 && toks[i-1].low == "not" || w == "not" && i+1 < len(toks) && toks[i+1].low == "clear"
		c.Future = c.Future || (f&bitFuture != 0) && (w != "going" || i+1 < len(toks) && toks[i+1].low == "to")
		c.Obligation = c.Obligation || (f&bitObligation != 0) || w == "have" && i+1 < len(toks) && toks[i+1].low == "to"
		c.Negation = c.Negation || (f&bitNegations != 0) || strings.HasSuffix(w, "n't")
		c.Talk = c.Talk || (f&bitTalk != 0)
		c.Evaluative = c.Evaluative || (f&bitEvaluative != 0)
	}
	return c
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
