package claim

// Judgement is the verdict on one sentence.
type Judgement struct {
	Score   float64
	Reasons []string
	Type    string
}

// Caps and floors applied after the model. The issue defines questions,
// headings, opinions, hedged speculation and predictions as not checkable
// whatever their wording; the caps keep them below 0.5 (the threshold).
// Reported facts attributed to a named source, and figures with a unit, are
// checkable; debates rarely contain the news forms of these ("according to
// the Pentagon", "800km (500 miles)"), so the model cannot learn that from
// its data and a floor states it.
const (
	capHeading  = 0.1
	capQuestion = 0.3
	capOpinion  = 0.4
	floorFact   = 0.6
)

// Judge scores sentence s with m and explains the score. heading marks a
// line the segmenter found to be a heading.
func Judge(m *Model, s string, heading bool) Judgement {
	var sc Scorer
	return sc.Judge(m, s, heading)
}

// Judge is like the function Judge but reuses sc's buffers. The reasons of
// successive sentences share one backing array; each Reasons slice is
// capped, so appending to it copies.
func (sc *Scorer) Judge(m *Model, s string, heading bool) Judgement {
	p, c := sc.score(m, s), &sc.cues
	if cap(sc.reasons)-len(sc.reasons) < 16 {
		sc.reasons = make([]string, 0, min(max(2*cap(sc.reasons), 64), 1024))
	}
	from := len(sc.reasons)
	j := Judgement{Score: p, Type: Kind(c, heading), Reasons: appendReasons(sc.reasons[from:from], c)}
	switch j.Type {
	case "heading":
		j.Score = min(p, capHeading)
		j.Reasons = append(j.Reasons, "heading")
	case "question":
		j.Score = min(p, capQuestion)
		j.Reasons = append(j.Reasons, "question")
	case "opinion":
		j.Score = min(p, capOpinion)
		j.Reasons = append(j.Reasons, "opinion or speculation")
	case "prediction":
		j.Score = min(p, capOpinion)
		j.Reasons = append(j.Reasons, "prediction")
	case "exposition", "promotion", "exhortation":
		j.Score = min(p, capOpinion)
		j.Reasons = append(j.Reasons, j.Type)
	default:
		if floored(j.Type, c) {
			j.Score = max(p, floorFact)
		}
	}
	n := len(j.Reasons)
	j.Reasons = j.Reasons[:n:n]
	sc.reasons = sc.reasons[:from+n]
	return j
}

// floored reports whether a sentence of type kind with cues c is checkable
// whatever the model says.
func floored(kind string, c *Cues) bool {
	switch kind {
	case "attribution":
		// A speaker's own account ("When I was in the Senate I worked
		// with…") is left to the model, and so is what a source wants,
		// plans or believes: the attribution is not the claim.
		return c.NamedSource && (c.StrongPast > 0 || c.According) && !c.FirstSingular && !modal(c) && !c.Intention
	case "scheduled", "official action":
		return true
	case "comparison", "trend":
		return !modal(c) && !c.Intention
	case "quantity":
		// A money figure, percentage or measurement stated as fact is what
		// fact-checkers check first, in news as much as in debates.
		// A written figure is needed: "the cost in dollars" or "a few
		// miles away" states no quantity.
		return (c.Money || c.Percent || c.Unit) && c.Numbers > 0 && !modal(c)
	}
	return false
}

// Forced is the rules' verdict on s: -1 not checkable (capped), +1
// checkable (floored), 0 the model decides. Caps and floors lie on either
// side of every threshold the trainer tries, so this is what they mean
// once the bias is shifted.
func Forced(c *Cues, heading bool) int8 {
	switch k := Kind(c, heading); k {
	case "heading", "question", "opinion", "prediction", "exposition", "promotion", "exhortation":
		return -1
	default:
		if floored(k, c) {
			return 1
		}
	}
	return 0
}

// modal: the sentence wants, plans, predicts or supposes rather than states.
func modal(c *Cues) bool { return c.Opinion || c.Future || c.Hedge || c.Obligation }

func hasFigure(c *Cues) bool { return c.Numbers > 0 || c.Percent || c.Money }

// factAnchor: besides the opinion or forecast, the sentence reports
// something that happened or a number ("I think he voted for it in 1988",
// "we have cut taxes four times"). Such sentences are left to the model
// rather than capped; the reporting verb of an attributed opinion ("…,”
// Lesser said) is not an anchor.
func factAnchor(c *Cues) bool {
	return c.FactPast > 0 || c.PresentPerfect > 0 || c.NumberWord || c.Years > 0
}

// Kind names the sentence type shown to reviewers: heading, question,
// opinion, prediction (not checkable) or quantity, attribution, event,
// definition, statement.
func Kind(c *Cues, heading bool) string {
	weakHedge := c.Hedge && !c.AttributionVerb && !hasFigure(c)
	switch {
	case heading:
		return "heading"
	case c.Question:
		return "question"
	case ((c.Opinion || c.StrongHedge) && !hasFigure(c) || weakHedge) && !factAnchor(c):
		return "opinion"
	case c.Promotion:
		return "promotion"
	case c.Exhortation && !hasFigure(c):
		return "exhortation"
	case c.Exposition:
		return "exposition"
	case c.Scheduled:
		return "scheduled"
	case c.Forecast && c.FactPast == 0:
		return "prediction"
	case c.Future && c.StrongPast == 0 && !hasFigure(c) && !factAnchor(c):
		return "prediction"
	case c.OfficialAction && !hasFigure(c):
		return "official action"
	case c.CountryClaim && !hasFigure(c):
		return "comparison"
	case c.Trend && c.Geo > 0 && !c.FirstSingular && !c.Second:
		return "trend"
	case hasFigure(c) || c.Unit:
		return "quantity"
	case c.AttributionVerb && (c.NamedSource || c.SaidThat):
		return "attribution"
	case c.Past > 0 && (c.Historical || c.Years > 0 || c.DateWord):
		return "event"
	case c.Definition:
		return "definition"
	}
	return "statement"
}

// Reasons lists, in words a reviewer understands, what makes the sentence
// checkable. The slice is never nil.
func Reasons(c *Cues) []string {
	return appendReasons([]string{}, c) // not nil, and no allocation when there is no reason
}

// reasonRules say in words a reviewer understands which cues make a
// sentence checkable, in the order they are listed.
var reasonRules = [...]struct {
	reason string
	holds  func(c *Cues) bool
}{
	{"money figure", func(c *Cues) bool { return c.Money }},
	{"percentage", func(c *Cues) bool { return c.Percent }},
	{"date", func(c *Cues) bool { return c.Years > 0 || c.DateWord && (c.Numbers > 0 || c.Past > 0) }},
	{"measurement", func(c *Cues) bool { return c.Unit }},
	{"comparison", func(c *Cues) bool { return c.Comparative }},
	{"superlative", func(c *Cues) bool { return c.Superlative }},
	{"attributed to a named source", func(c *Cues) bool { return c.AttributionVerb && c.NamedSource }},
	{"statistic", func(c *Cues) bool {
		return c.Numbers > 0 && !c.Money && !c.Percent && !c.Unit || c.NumberWord && !c.Money && !c.Percent
	}},
	{"historical event", func(c *Cues) bool { return c.Historical && c.Past > 0 }},
	{"legal or official status", func(c *Cues) bool { return c.Official }},
}

// appendReasons appends the reasons of c to r.
func appendReasons(r []string, c *Cues) []string {
	for _, rule := range reasonRules {
		if rule.holds(c) {
			r = append(r, rule.reason)
		}
	}
	return r
}

// BareScore is the model's probability without the rules (for ablations).
func BareScore(m *Model, s string) float64 {
	p, _ := m.score(s)
	return p
}
