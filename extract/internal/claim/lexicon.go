package claim

// Word lists of the cues (see analyse), folded into one lexicon so that a
// token costs one look-up.

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

// wordLists pairs each word list with its lexicon bit.
var wordLists = [...]struct {
	bit   uint32
	words map[string]bool
}{
	{bitAttributionVerbs, attributionVerbs},
	{bitIrregularPast, irregularPast},
	{bitNotPast, notPast},
	{bitOfficial, official},
	{bitHistorical, historical},
	{bitTopic, topic},
	{bitComparatives, comparatives},
	{bitSuperlatives, superlatives},
	{bitNotSuperlative, notSuperlative},
	{bitHedges, hedges},
	{bitFuture, future},
	{bitObligation, obligation},
	{bitTalk, talk},
	{bitEvaluative, evaluative},
	{bitFirstSingular, firstSingular},
	{bitFirstPlural, firstPlural},
	{bitSecond, second},
	{bitNegations, negations},
	{bitNumberWords, numberWords},
	{bitDateWords, dateWords},
	{bitUnits, units},
	{bitMoneyWords, moneyWords},
	{bitWhWords, whWords},
	{bitConnectives, connectives},
	{bitPronouns, pronouns},
	{bitStrongPast, strongPast},
	{bitStrongHedges, strongHedges},
	{bitThirdPerson, thirdPerson},
	{bitClosed, closed},
	{bitCopulas, copulas},
	{bitArticles, articles},
	{bitOpinionVerbs, opinionVerbs},
}

// lexicon maps every listed word to its list bits (low half) and class
// bits (high half, see classes.go).
var lexicon = func() map[string]uint64 {
	m := map[string]uint64{}
	for _, l := range wordLists {
		for w := range l.words {
			m[w] |= uint64(l.bit)
		}
	}
	for bit, words := range classLists {
		for w := range words {
			m[w] |= uint64(bit) << 32
		}
	}
	for _, l := range ruleLists {
		for w := range l.words {
			m[w] |= uint64(l.bit) << 32
		}
	}
	return m
}()

// set builds a word list.
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
