package claim

import "strings"

// Rules about news claims that the debates the model learns from do not
// teach it: what a sentence asserts, apart from who said it; scheduled
// facts against forecasts; claims about countries; exposition and
// promotion. Their words are lists of their own (rule bits, in the upper
// half of the lexicon after the semantic classes), which the model's
// features never see.
const (
	rScheduleVerb uint32 = 1 << (iota + 16) // verbs of scheduled, official events: "take effect", "be debated", "visit"
	rScheduleWhen                           // when an event is due: "tomorrow", "Wednesday", "March"
	rForecastVerb                           // verbs of forecasts: "rise", "fall", "grow"
	rCountryWord                            // a country, an economy, a health system as a whole
	rOfficialAct                            // what a government does: "suspended", "banned", "imposed"
	rExpository                             // words of exposition: "usually", "typically", "include"
	rPromotion                              // words of promotion: "registration", "tickets", "discount"
	rSequence                               // steps of an explanation: "first", "next", "finally"
	rIntention                              // "ready", "prepared", "aiming" (before "to")
	rSpeech                                 // verbs that name who said it: "said", "told", "according"
	rFuture                                 // words that open a future: "will", "due", "set" (see futureAt)
	rCompare                                // "we", "than", "most", "least", "no": read by newsRules
)

var ruleLists = [...]struct {
	bit   uint32
	words map[string]bool
}{
	{rScheduleVerb, set("take", "takes", "effect", "debated", "debate", "heard", "held", "hold", "holds", "vote", "voted",
		"visit", "visits", "meet", "meets", "open", "opens", "close", "closes", "begin", "begins", "start", "starts",
		"launch", "launches", "expire", "expires", "published", "released", "sworn", "signed", "sign", "resume",
		"resumes", "end", "ends", "travel", "travels", "attend", "attends", "host", "hosts", "convene", "convenes",
		"testify", "testifies", "sentenced", "tried", "inaugurated", "enforced", "implemented", "introduced", "submitted",
		"considered", "reviewed", "unveiled", "announce", "announces", "present", "presents", "deliver", "delivers",
		"return", "returns", "receive", "receives", "force", "apply", "applies", "become", "becomes")},
	{rScheduleWhen, set("today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow",
		"tonight", "january", "february", "march", "april", "june", "july", "august", "september", "october",
		"november", "december", "week", "weekend", "month", "deadline", "session", "midnight", "noon")},
	{rForecastVerb, set("rise", "rises", "fall", "falls", "grow", "grows", "increase", "decrease", "decline", "reach",
		"hit", "slow", "recover", "drop", "double", "improve", "worsen", "surge", "soar", "plunge", "shrink",
		"expand", "peak", "exceed", "top", "climb", "ease", "tighten", "cut", "raise", "continue", "remain", "stay")},
	{rCountryWord, set("country", "countries", "nation", "nations", "economy", "economies", "world")},
	{rOfficialAct, set("suspended", "banned", "imposed", "closed", "signed", "passed", "introduced", "ordered",
		"approved", "cut", "raised", "created", "tested", "vaccinated", "built", "lowered", "launched", "deployed",
		"sent", "hired", "funded", "invested", "spent", "reduced", "doubled", "tripled", "halted", "lifted",
		"extended", "repealed", "abolished", "restricted", "evacuated", "delivered", "sanctioned", "expelled")},
	{rExpository, set("usually", "typically", "generally", "commonly", "often", "widely", "normally", "tend", "tends",
		"defined", "refers", "refer", "include", "includes", "consists", "involves", "means", "corresponds", "opposite",
		"called", "known", "whereby", "such")},
	{rPromotion, set("registration", "tickets", "booking", "discount", "subscribe", "webinar", "expo", "giveaway",
		"sponsored", "enroll", "enrol", "rsvp", "early-bird", "promo", "coupon", "showroom", "bestselling")},
	{rSequence, set("first", "firstly", "second", "secondly", "third", "thirdly", "next", "then", "finally", "lastly", "step")},
	{rIntention, set("ready", "prepared", "aiming", "aims", "seeks", "seeking", "determined", "committed", "willing", "poised")},
	{rFuture, set("will", "shall", "going", "set", "due", "expected", "scheduled", "slated", "i'll", "we'll",
		"you'll", "he'll", "she'll", "they'll", "it'll", "that'll", "there'll", "ready", "prepared", "aiming", "aims",
		"seeks", "seeking", "determined", "committed", "willing", "poised")},
	{rCompare, set("we", "we've", "we're", "than", "most", "least", "no")},
	{rSpeech, set("said", "says", "told", "tells", "according", "added", "adds", "stated", "announced", "insisted",
		"warned", "argued", "claimed", "wrote", "noted", "explained", "stressed", "declared", "say")},
}

// newsRules computes the rule cues of sentence s from its tokens: what
// Kind and floored read besides the model's cues.
func (c *Cues) newsRules(s string, toks []token) {
	var g uint32
	var scheduleVerb, forecastVerb, plan, than, superlative, we bool
	for i := range toks {
		g |= toks[i].g
		w := toks[i].low
		if toks[i].g&rCompare != 0 {
			we = we || w[0] == 'w'
			than = than || w == "than"
			superlative = superlative || (w == "most" || w == "least") && i+1 < len(toks) && toks[i+1].f&bitClosed == 0 ||
				w == "no" && (lowAt(toks, i+1) == "country" || lowAt(toks, i+1) == "other")
		} else if len(w) >= 6 && !superlative && w[len(w)-3:] == "est" && toks[i].f&bitNotSuperlative == 0 && !toks[i].cap {
			superlative = true
		}
		if toks[i].g&rFuture == 0 {
			continue
		}
		if toks[i].g&rIntention != 0 && lowAt(toks, i+1) == "to" {
			c.Intention = true
		}
		if k := futureAt(toks, i); k > i {
			v, at := headVerb(toks, k)
			scheduleVerb = scheduleVerb || v&rScheduleVerb != 0
			if v&rForecastVerb != 0 && v&rScheduleVerb == 0 {
				if namedActor(toks, i) && hasObject(toks, at) {
					plan = true // "The BBC will also expand TV, radio and digital offerings…"
				} else {
					forecastVerb = true
				}
			}
		}
	}
	if len(toks) > 1 {
		first := len(toks[0].low)
		// "First, the algorithm…", "In economics, inflation is…"
		c.SequenceStart = toks[0].g&rSequence != 0 && first < len(s) && s[first] == ','
		c.DomainFrame = toks[0].low == "in" && !toks[1].cap && strings.HasPrefix(s[min(len(s), 3+len(toks[1].low)):], ",")
	}
	personal := c.FirstSingular || we // not c.FirstPlural, which "the US" sets
	c.Scheduled = scheduleVerb && !personal && !c.Second && (g&rScheduleWhen != 0 || c.Official || c.Years > 0 || hasFigure(c) && c.AttributionVerb) ||
		plan && !personal && !c.Second && !c.Question
	c.Forecast = forecastVerb && !c.Scheduled && !personal
	c.CountryClaim = (than || superlative) && (c.Geo > 0 || g&rCountryWord != 0) && !c.Question && !c.FirstSingular
	c.OfficialAction = we && (c.Past > 0 || c.PresentPerfect > 0) && g&rOfficialAct != 0 && !c.Question
	c.Promotion = g&rPromotion != 0 && c.Past == 0 && c.PresentPerfect == 0 && !c.NamedSource
	specific := c.Numbers > 0 || c.Years > 0 || c.FactPast > 0 || c.PresentPerfect > 0 || c.NamedSource || c.Geo > 0 ||
		c.Official || personal || c.Second || c.Trend
	// A pronoun subject ("They usually carry…") points at something the
	// article named: a description of it, not exposition.
	pronoun := c.Subject == subjHeShe || c.Subject == subjThey
	c.Exposition = !specific && !pronoun && !c.Question && (g&rExpository != 0 || c.SequenceStart || c.Definition || c.DomainFrame)
	c.Exhortation = exhortation(toks)
}

// exhortVerbs open a call to act when a determiner or a pronoun follows:
// "Pass this bill", "Put our teachers back", "Tell your senator".
// "Let me", "Remember" and "Imagine" are left out: they open claims as
// often as calls ("Let me remind you it was a Democratic tax increase").
var exhortVerbs = set("pass", "put", "give", "tell", "send", "call", "help", "join", "stop", "support", "ask",
	"bring", "keep", "show", "protect", "save", "vote", "invest", "fix", "build", "make", "get")

// exhortObjects follow the verb of a call to act.
var exhortObjects = set("this", "that", "these", "those", "the", "a", "an", "our", "your", "my", "their", "his",
	"her", "its", "it", "them", "us", "me", "him", "every", "all")

// exhortation: the sentence (after "and", "so", "now") opens with a verb
// in its base form and its object: a call to act, not a claim.
func exhortation(toks []token) bool {
	i := 0
	for i < len(toks) && leadingWords[toks[i].low] {
		i++
	}
	return i+1 < len(toks) && exhortVerbs[toks[i].low] && exhortObjects[toks[i+1].low]
}

// futureAt returns the index after the future marker at toks[i] ("will",
// "'ll", "shall", "going to", "set to", "due to", "expected to"), or 0.
func futureAt(toks []token, i int) int {
	switch w := toks[i].low; {
	case w == "will" || w == "shall" || strings.HasSuffix(w, "'ll"):
		return i + 1
	case (w == "going" || w == "set" || w == "due" || w == "expected" || w == "scheduled" || w == "slated" ||
		toks[i].g&rIntention != 0) && lowAt(toks, i+1) == "to":
		return i + 2
	}
	return 0
}

// headVerb returns the rule bits of the verb a future marker governs and
// its index: the first word from toks[k] on that is not "be", "not" or an
// adverb ("will be debated", "will not rise", "will soon visit").
func headVerb(toks []token, k int) (uint32, int) {
	for n := 0; k < len(toks) && n < 4; k, n = k+1, n+1 {
		w := toks[k].low
		adverb := len(w) > 4 && strings.HasSuffix(w, "ly") && toks[k].g&(rScheduleVerb|rForecastVerb) == 0 // not "apply"
		if w == "be" || w == "not" || w == "also" || w == "then" || w == "now" || w == "still" || adverb {
			continue
		}
		if w == "take" || w == "takes" {
			// "take effect", "take office", not "take a few days off"
			if n := lowAt(toks, k+1); n != "effect" && n != "office" && n != "place" && n != "power" {
				return 0, k
			}
		}
		return toks[k].g, k
	}
	return 0, k
}

// namedActor: the subject right before the future marker at toks[i]
// (adverbs skipped) is a name an institution goes by: "The BBC will",
// "the Government will also". A capital that opens the sentence is no
// evidence: "Prices will rise" is a forecast.
func namedActor(toks []token, i int) bool {
	j := i - 1
	for j >= 0 && (toks[j].low == "also" || toks[j].low == "now" || toks[j].low == "soon" || toks[j].low == "then") {
		j--
	}
	if j < 0 || !toks[j].cap || toks[j].num || toks[j].f&(bitFirstSingular|bitClosed) != 0 {
		return false
	}
	return !toks[j].initial
}

// objectless are the words after a verb that show it has no object: a
// change of a quantity ("will rise by 2%", "will fall to 3%", "will
// grow again"), not an act on something.
var objectless = set("by", "to", "from", "in", "at", "on", "above", "below", "over", "under", "for", "again",
	"further", "sharply", "slightly", "next", "this", "and", "or", "as", "if", "until", "before", "after")

// hasObject: the verb at toks[k] acts on something named after it ("expand
// TV", "cut jobs"), not on a figure ("reach 5%") or nothing.
func hasObject(toks []token, k int) bool {
	n := k + 1
	if n >= len(toks) || toks[n].num || toks[n].low == "" || objectless[toks[n].low] {
		return false
	}
	c := toks[n].low[0]
	return c >= 'a' && c <= 'z' || toks[n].cap
}
