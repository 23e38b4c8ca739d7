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

// subjectWords are the pronouns (with their contractions) that are a
// clause's subject by themselves.
var subjectWords = func() map[string]uint32 {
	m := map[string]uint32{}
	for class, words := range map[uint32][]string{
		subjI:     {"i", "i'm", "i've"},
		subjWe:    {"we", "we're", "we've"},
		subjYou:   {"you", "you're", "you've"},
		subjHeShe: {"he", "she", "he's", "she's"},
		subjThey:  {"they", "they're", "they've"},
		subjIt:    {"it", "it's", "that", "that's", "this", "there", "there's"},
	} {
		for _, w := range words {
			m[w] = class
		}
	}
	return m
}()

// determiners and roles make a named subject: "my opponent", "the senator".
var (
	determiners = set("my", "his", "her", "your", "the")
	roles       = set("opponent", "senator", "governor", "president", "husband", "administration", "congressman",
		"vice", "campaign")
)

// subjClass returns the class of the subject that starts at toks[i] and
// the index after it.
func subjClass(toks []token, i int) (uint32, int) {
	t := &toks[i]
	if s, ok := subjectWords[t.low]; ok {
		return s, i + 1
	}
	if determiners[t.low] && roles[lowAt(toks, i+1)] {
		return subjName, i + 2
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

// verbForm is what a closed-class word says about the verb group it
// opens.
type verbForm uint8

const (
	formOther   verbForm = iota // not a closed-class verb form
	formHave                    // has, have, had: a perfect, "have to" or a present
	formModal                   // will, would, can...
	formCopPres                 // is, are
	formCopPast                 // was, were
	formDo                      // do-support: the verb follows
	formDid                     // did: a past, of a position verb or not
	formSay                     // said, says, told
)

// verbForms are the closed-class verb forms.
var verbForms = func() map[string]verbForm {
	m := map[string]verbForm{}
	for w := range modalWords {
		m[w] = formModal
	}
	for form, words := range map[verbForm][]string{
		formHave:    {"has", "have", "had", "hasn't", "haven't", "hadn't", "'s", "'ve"},
		formCopPres: {"is", "are", "am", "isn't", "aren't"},
		formCopPast: {"was", "were", "wasn't", "weren't"},
		formDo:      {"do", "does", "don't", "doesn't"},
		formDid:     {"did", "didn't"},
		formSay:     {"said", "says", "told", "tells", "say", "tell"},
	} {
		for _, w := range words {
			m[w] = form
		}
	}
	return m
}()

// verbClass returns the class of the verb group that follows a subject at
// toks[j] (reading at most four words, adverbs skipped) and whether it is
// negated.
func verbClass(toks []token, j int) (v uint32, neg bool) {
	for n := 0; j < len(toks) && n < 4; j, n = j+1, n+1 {
		t := &toks[j]
		if negWords[t.low] || strings.HasSuffix(t.low, "n't") {
			neg = true
		}
		if skipWords[t.low] || len(t.low) > 4 && strings.HasSuffix(t.low, "ly") && t.f == 0 {
			continue // an adverb
		}
		if v, ok := verbAt(toks, j); ok {
			return v, neg
		}
	}
	return verbNone, neg
}

// verbAt classifies the verb form at toks[j]; ok is false after
// do-support, where the verb is the next word.
func verbAt(toks []token, j int) (v uint32, ok bool) {
	t := &toks[j]
	w := t.low
	switch verbForms[w] {
	case formHave:
		return haveClass(toks, j), true
	case formModal:
		return verbModal, true
	case formCopPres:
		return verbCopPres, true
	case formCopPast:
		return verbCopPast, true
	case formDo:
		return verbNone, false
	case formDid:
		if positionVerbs[lowAt(toks, j+1)] {
			return verbPosPast, true
		}
		return verbPast, true
	case formSay:
		return verbSay, true
	}
	switch {
	case w == "going" && lowAt(toks, j+1) == "to":
		return verbModal, true
	case opinionVerbs[w] && w != "want":
		return verbOpinion, true
	case positionVerbs[w]:
		if strings.HasSuffix(w, "ed") || t.f&bitIrregularPast != 0 || w == "cut" || w == "cost" || w == "put" {
			return verbPosPast, true
		}
		return verbPosPres, true
	case pastForm(t):
		return verbPast, true
	case t.f&bitClosed == 0 && !t.cap && !t.num:
		return verbPres, true
	}
	return verbNone, true
}

// haveClass classifies "has", "have" or "had" at toks[j] by the word after
// it (adverbs skipped): a perfect ("has been", "had voted"), "have to" (a
// modal), or a present.
func haveClass(toks []token, j int) uint32 {
	k := j + 1
	for k < len(toks) && skipWords[toks[k].low] {
		k++
	}
	if k < len(toks) {
		n := toks[k].low
		if n == "been" || strings.HasSuffix(n, "ed") || toks[k].f&bitIrregularPast != 0 || positionVerbs[n] {
			return verbPerfect
		}
		if n == "to" {
			return verbModal
		}
	}
	return verbPres
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
