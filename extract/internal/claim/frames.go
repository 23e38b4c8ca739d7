package claim

import "strings"

// Subject classes of a clause.
const (
	subjNone uint32 = iota
	subjI
	subjWe
	subjYou
	subjHeShe
	subjThey
	subjName // a capitalised name, or "my opponent", "the senator"
	subjIt   // it, that, this, there
	subjNoun // another noun phrase at the start of the sentence
)

// Verb classes following a subject.
const (
	verbNone    uint32 = iota
	verbPosPres        // wants, supports, opposes...
	verbPosPast        // wanted, supported, voted, raised...
	verbPast           // another simple past
	verbPerfect        // has/have/had + participle
	verbModal          // will, would, could, should, can, might, going to
	verbCopPres        // is, are
	verbCopPast        // was, were
	verbOpinion        // think, believe...
	verbPres           // another present verb
	verbSay            // said, says, told
)

var positionVerbs = set("want", "wants", "wanted", "support", "supports", "supported", "oppose", "opposes", "opposed",
	"favor", "favors", "favored", "favour", "favours", "favoured", "propose", "proposes", "proposed", "vote", "votes",
	"voted", "raise", "raises", "raised", "cut", "cuts", "cost", "costs", "spend", "spends", "spent", "create",
	"creates", "created", "lose", "loses", "lost", "increase", "increases", "increased", "decrease", "decreases",
	"decreased", "call", "calls", "called", "back", "backs", "backed", "sign", "signs", "signed", "pass", "passes",
	"passed", "veto", "vetoes", "vetoed", "fight", "fights", "fought", "block", "blocks", "blocked", "take", "takes",
	"took", "give", "gives", "gave", "pay", "pays", "paid", "reduce", "reduces", "reduced", "add", "adds", "added",
	"destroy", "destroys", "destroyed", "kill", "kills", "killed", "send", "sends", "sent", "start", "starts",
	"started", "say", "lie", "lies", "lied", "insult", "insults", "insulted", "use", "uses", "used", "get", "gets",
	"got", "made", "make", "makes", "put", "puts", "approve", "approves", "approved", "eliminate", "eliminates",
	"eliminated", "bring", "brings", "brought", "sell", "sells", "sold", "buy", "buys", "bought", "leave", "leaves",
	"left", "run", "runs", "ran", "built", "build", "builds", "invade", "invaded", "allow", "allows", "allowed")

var modalWords = set("will", "would", "could", "should", "can", "might", "must", "may", "shall", "ll", "won't",
	"wouldn't", "can't", "couldn't", "shouldn't", "gonna", "'ll", "i'll", "we'll", "he'll", "she'll", "they'll",
	"you'll", "i'd", "we'd", "you'd")

var skipWords = set("also", "just", "never", "always", "not", "really", "actually", "even", "still", "only",
	"already", "repeatedly", "consistently", "once", "then", "now", "certainly", "basically", "ever", "all",
	"himself", "herself", "themselves", "both")

var negWords = set("not", "never", "n't", "don't", "doesn't", "didn't", "won't", "can't", "wouldn't", "hasn't",
	"haven't", "hadn't", "isn't", "aren't", "wasn't", "weren't", "no")

func subjClass(toks []token, i int) (uint32, int) {
	t := &toks[i]
	switch t.low {
	case "i", "i'm", "i've":
		return subjI, i + 1
	case "we", "we're", "we've":
		return subjWe, i + 1
	case "you", "you're", "you've":
		return subjYou, i + 1
	case "he", "she", "he's", "she's":
		return subjHeShe, i + 1
	case "they", "they're", "they've":
		return subjThey, i + 1
	case "it", "it's", "that", "that's", "this", "there", "there's":
		return subjIt, i + 1
	case "my", "his", "her", "your", "the":
		if i+1 < len(toks) {
			n := toks[i+1].low
			if n == "opponent" || n == "senator" || n == "governor" || n == "president" || n == "husband" ||
				n == "administration" || n == "congressman" || n == "vice" || n == "campaign" {
				return subjName, i + 2
			}
		}
	}
	if t.cap && !t.num && t.f&^(bitTalk|bitClosed) == 0 {
		j := i + 1
		for j < len(toks) && toks[j].cap && !toks[j].num {
			j++
		}
		if !t.initial || j > i+1 || t.f&bitTalk != 0 {
			return subjName, j
		}
		return subjNoun, j
	}
	return subjNone, i + 1
}

func verbClass(toks []token, j int) (v uint32, neg bool) {
	for n := 0; j < len(toks) && n < 4; j, n = j+1, n+1 {
		t := &toks[j]
		w := t.low
		if negWords[w] || strings.HasSuffix(w, "n't") {
			neg = true
		}
		switch {
		case skipWords[w] || len(w) > 4 && strings.HasSuffix(w, "ly") && t.f == 0:
			continue
		case w == "has" || w == "have" || w == "had" || w == "hasn't" || w == "haven't" || w == "hadn't" || w == "'s" || w == "'ve":
			if j+1 < len(toks) {
				k := j + 1
				for k < len(toks) && skipWords[toks[k].low] {
					k++
				}
				if k < len(toks) {
					n := toks[k].low
					if n == "been" || strings.HasSuffix(n, "ed") || toks[k].f&bitIrregularPast != 0 || positionVerbs[n] {
						return verbPerfect, neg
					}
					if n == "to" {
						return verbModal, neg
					}
				}
			}
			return verbPres, neg
		case modalWords[w] || w == "going" && j+1 < len(toks) && toks[j+1].low == "to":
			return verbModal, neg
		case w == "is" || w == "are" || w == "am" || w == "isn't" || w == "aren't":
			return verbCopPres, neg
		case w == "was" || w == "were" || w == "wasn't" || w == "weren't":
			return verbCopPast, neg
		case w == "do" || w == "does" || w == "don't" || w == "doesn't":
			continue
		case w == "did" || w == "didn't":
			if j+1 < len(toks) && positionVerbs[toks[j+1].low] {
				return verbPosPast, neg
			}
			return verbPast, neg
		case w == "said" || w == "says" || w == "told" || w == "tells" || w == "say" || w == "tell":
			return verbSay, neg
		case opinionVerbs[w] && w != "want":
			return verbOpinion, neg
		case positionVerbs[w]:
			if strings.HasSuffix(w, "ed") || t.f&bitIrregularPast != 0 || w == "cut" || w == "cost" || w == "put" {
				return verbPosPast, neg
			}
			return verbPosPres, neg
		case t.f&bitIrregularPast != 0 || len(w) >= 5 && strings.HasSuffix(w, "ed") && t.f&bitNotPast == 0:
			return verbPast, neg
		case t.f&bitClosed == 0 && !t.cap && !t.num:
			return verbPres, neg
		default:
			return verbNone, neg
		}
	}
	return verbNone, neg
}

// frames appends subject-verb frame features of toks to out (experiment
// switch Options.Frames): for each clause start (sentence start, or after a
// connective or relative word such as "and", "but", "because", "that"), the
// class of its subject ("she", "they", a name, "my opponent"...) and of the
// verb that follows (position verb, past, perfect, modal...), with
// negation. With level >= 2 also subject-verb and subject-position pairs.
func frames(toks []token, out []uint32, level int) []uint32 {
	for i := 0; i < len(toks); i++ {
		if i > 0 {
			p := toks[i-1].low
			if !(p == "and" || p == "but" || p == "because" || p == "so" || p == "that" || p == "when" || p == "if" || p == "while" || p == "where" || p == "which" || p == "who" || p == "now" || p == "well") {
				continue
			}
		}
		s, j := subjClass(toks, i)
		if s == subjNone {
			continue
		}
		v, neg := verbClass(toks, j)
		n := uint32(0)
		if neg {
			n = 1
		}
		first := uint32(0)
		if i == 0 {
			first = 1
		}
		out = append(out, mix(mix(mix(44, s), v), n))
		if level >= 2 {
			out = append(out, mix(mix(55, s), v), mix(mix(66, s), first))
		}
	}
	return out
}
