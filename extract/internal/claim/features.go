package claim

import (
	"math"
	"math/bits"
)

// feature is one structural feature of the model: its name and its value
// for a sentence's cues.
type feature struct {
	name  string
	value func(c *Cues) float32
}

// denseFeatures are the model's structural features, in the order of
// Model.Dense. The committed weights (model_gen.go) are read by position:
// never reorder, change or remove one without refitting, and add new ones
// at the end of classFeatures.
var denseFeatures = [...]feature{
	{"number", func(c *Cues) float32 { return b2f(c.Numbers > 0) }},
	{"log numbers", func(c *Cues) float32 { return log1p(c.Numbers) }},
	{"year", func(c *Cues) float32 { return b2f(c.Years > 0) }},
	{"percent", func(c *Cues) float32 { return b2f(c.Percent) }},
	{"money", func(c *Cues) float32 { return b2f(c.Money) }},
	{"unit", func(c *Cues) float32 { return b2f(c.Unit) }},
	{"number word", func(c *Cues) float32 { return b2f(c.NumberWord) }},
	{"date word", func(c *Cues) float32 { return b2f(c.DateWord) }},
	{"comparative", func(c *Cues) float32 { return b2f(c.Comparative) }},
	{"superlative", func(c *Cues) float32 { return b2f(c.Superlative) }},
	{"attribution verb", func(c *Cues) float32 { return b2f(c.AttributionVerb) }},
	{"named source", func(c *Cues) float32 { return b2f(c.NamedSource) }},
	{"said that", func(c *Cues) float32 { return b2f(c.SaidThat) }},
	{"past", func(c *Cues) float32 { return b2f(c.Past > 0) }},
	{"log past", func(c *Cues) float32 { return log1p(c.Past) }},
	{"present perfect", func(c *Cues) float32 { return b2f(c.PresentPerfect > 0) }},
	{"official", func(c *Cues) float32 { return b2f(c.Official) }},
	{"historical", func(c *Cues) float32 { return b2f(c.Historical) }},
	{"log topic", func(c *Cues) float32 { return log1p(c.Topic) }},
	{"first singular", func(c *Cues) float32 { return b2f(c.FirstSingular) }},
	{"first plural", func(c *Cues) float32 { return b2f(c.FirstPlural) }},
	{"second person", func(c *Cues) float32 { return b2f(c.Second) }},
	{"opinion", func(c *Cues) float32 { return b2f(c.Opinion) }},
	{"hedge", func(c *Cues) float32 { return b2f(c.Hedge) }},
	{"future", func(c *Cues) float32 { return b2f(c.Future) }},
	{"obligation", func(c *Cues) float32 { return b2f(c.Obligation) }},
	{"negation", func(c *Cues) float32 { return b2f(c.Negation) }},
	{"question", func(c *Cues) float32 { return b2f(c.Question) }},
	{"wh start", func(c *Cues) float32 { return b2f(c.WhStart) }},
	{"imperative", func(c *Cues) float32 { return b2f(c.Imperative) }},
	{"talk", func(c *Cues) float32 { return b2f(c.Talk) }},
	{"evaluative", func(c *Cues) float32 { return b2f(c.Evaluative) }},
	{"log proper nouns", func(c *Cues) float32 { return log1p(c.ProperNouns) }},
	{"quote", func(c *Cues) float32 { return b2f(c.Quote) }},
	{"words <= 4", func(c *Cues) float32 { return b2f(c.Words <= 4) }},
	{"words 5-9", func(c *Cues) float32 { return b2f(c.Words >= 5 && c.Words < 10) }},
	{"words 10-19", func(c *Cues) float32 { return b2f(c.Words >= 10 && c.Words < 20) }},
	{"words 20-34", func(c *Cues) float32 { return b2f(c.Words >= 20 && c.Words < 35) }},
	{"words >= 35", func(c *Cues) float32 { return b2f(c.Words >= 35) }},
	{"connective start", func(c *Cues) float32 { return b2f(c.ConnectiveStart) }},
	{"pronoun start", func(c *Cues) float32 { return b2f(c.PronounStart) }},
	{"definition", func(c *Cues) float32 { return b2f(c.Definition) }},
	{"figure and past", func(c *Cues) float32 { return b2f(hasFigure(c) && past(c)) }},
	{"figure and I", func(c *Cues) float32 { return b2f(hasFigure(c) && c.FirstSingular) }},
	{"there is", func(c *Cues) float32 { return b2f(c.ThereIs) }},
	{"exclamation", func(c *Cues) float32 { return b2f(c.Exclamation) }},
	{"figure and comparative", func(c *Cues) float32 { return b2f(hasFigure(c) && c.Comparative) }},
	{"year and past", func(c *Cues) float32 { return b2f(c.Years > 0 && past(c)) }},
	{"I and opinion", func(c *Cues) float32 { return b2f(c.FirstSingular && c.Opinion) }},
	{"past and name", func(c *Cues) float32 { return b2f(past(c) && c.ProperNouns > 0) }},
	{"future, not past", func(c *Cues) float32 { return b2f(c.Future && !past(c)) }},
	{"figure and topic", func(c *Cues) float32 { return b2f(hasFigure(c) && c.Topic > 0) }},
	{"log third person", func(c *Cues) float32 { return log1p(c.ThirdPerson) }},
	{"third person and past", func(c *Cues) float32 { return b2f(c.ThirdPerson > 0 && past(c)) }},
	{"you and past", func(c *Cues) float32 { return b2f(c.Second && past(c)) }},
}

// classFeatures map the semantic-class cues (classes.go) to features, after
// denseFeatures in Model.Dense; Options.Classes says up to which level they
// are on (the others are 0). Level 1: counts of agenda, geopolitical and
// record words; 2: crossed with a third-party or noun subject and with the
// absence of modality; 3: the number of agenda topics and present-tense
// statements about a third party or a policy thing. A class weight learnt
// from earlier debates applies to class words they never used.
var classFeatures = [...]struct {
	feature
	level int
}{
	{feature{"log agenda", func(c *Cues) float32 { return log1p(c.Agenda) }}, 1},
	{feature{"log geo", func(c *Cues) float32 { return log1p(c.Geo) }}, 1},
	{feature{"record verb", func(c *Cues) float32 { return b2f(c.Record > 0) }}, 1},
	{feature{"trend", func(c *Cues) float32 { return b2f(c.Trend) }}, 1},
	{feature{"third party", func(c *Cues) float32 { return b2f(thirdParty(c)) }}, 2},
	{feature{"third party and record", func(c *Cues) float32 { return b2f(thirdParty(c) && c.Record > 0) }}, 2},
	{feature{"third party and thing", func(c *Cues) float32 { return b2f(thirdParty(c) && aboutThing(c)) }}, 2},
	{feature{"unmodal thing, not I", func(c *Cues) float32 { return b2f(unmodal(c) && aboutThing(c) && !c.FirstSingular) }}, 2},
	{feature{"record and thing", func(c *Cues) float32 { return b2f(c.Record > 0 && aboutThing(c)) }}, 2},
	{feature{"unmodal noun subject, agenda", func(c *Cues) float32 {
		return b2f(c.Subject == subjNoun && c.Agenda > 0 && unmodal(c))
	}}, 2},
	{feature{"log agenda topics", func(c *Cues) float32 { return log1p(bits.OnesCount32(c.AgendaTopics)) }}, 3},
	{feature{"geo and agenda", func(c *Cues) float32 { return b2f(c.Geo > 0 && c.Agenda > 0) }}, 3},
	{feature{"third party now, unmodal", func(c *Cues) float32 { return b2f(thirdParty(c) && !past(c) && unmodal(c)) }}, 3},
	{feature{"third party or noun, thing now, unmodal", func(c *Cues) float32 {
		return b2f((thirdParty(c) || c.Subject == subjNoun) && aboutThing(c) && unmodal(c) && !past(c))
	}}, 3},
}

// dense computes the structural features of cues c with class features up
// to level classes.
func dense(c *Cues, v *[NumDense]float32, classes int) {
	for i := range denseFeatures {
		v[i] = denseFeatures[i].value(c)
	}
	for i := range classFeatures {
		f := &classFeatures[i]
		x := float32(0)
		if classes >= f.level {
			x = f.value(c)
		}
		v[len(denseFeatures)+i] = x
	}
}

func b2f(b bool) float32 {
	if b {
		return 1
	}
	return 0
}

func log1p(n int) float32 { return float32(math.Log1p(float64(n))) }

// past: a simple past or a present perfect.
func past(c *Cues) bool { return c.Past > 0 || c.PresentPerfect > 0 }

// thirdParty: the first clause's subject is he, she, they or a name.
func thirdParty(c *Cues) bool {
	return c.Subject == subjHeShe || c.Subject == subjThey || c.Subject == subjName
}

// unmodal: the sentence neither plans, hedges, opines, asks nor bids.
func unmodal(c *Cues) bool {
	return !c.Future && !c.Obligation && !c.Hedge && !c.Opinion && !c.Question && !c.Imperative
}

// aboutThing: the sentence names a policy-agenda thing or a place.
func aboutThing(c *Cues) bool { return c.Agenda+c.Geo > 0 }
