package claim

import (
	"fmt"
	"math"
	"slices"
	"testing"
)

func TestKindAndForced(t *testing.T) {
	tests := []struct {
		name    string
		c       Cues
		heading bool
		kind    string
		forced  int8
	}{
		{"heading", Cues{Money: true, Numbers: 1}, true, "heading", -1},
		{"question", Cues{Question: true, Numbers: 1}, false, "question", -1},
		{"opinion", Cues{Opinion: true}, false, "opinion", -1},
		{"speculation", Cues{StrongHedge: true}, false, "opinion", -1},
		{"opinion about a past fact", Cues{Opinion: true, FactPast: 1}, false, "statement", 0},
		{"weak hedge", Cues{Hedge: true}, false, "opinion", -1},
		{"attributed hedge", Cues{Hedge: true, AttributionVerb: true}, false, "statement", 0},
		{"prediction", Cues{Future: true}, false, "prediction", -1},
		{"prediction with a figure", Cues{Future: true, Numbers: 1}, false, "quantity", 0},
		{"money figure", Cues{Money: true, Numbers: 1}, false, "quantity", 1},
		{"money word only", Cues{Money: true}, false, "quantity", 0},
		{"planned spending", Cues{Money: true, Numbers: 1, Obligation: true}, false, "quantity", 0},
		{"measurement", Cues{Unit: true, Numbers: 2}, false, "quantity", 1},
		{"named source, past", Cues{AttributionVerb: true, NamedSource: true, StrongPast: 1}, false, "attribution", 1},
		{"according to", Cues{AttributionVerb: true, NamedSource: true, According: true}, false, "attribution", 1},
		{"own account", Cues{AttributionVerb: true, NamedSource: true, StrongPast: 1, FirstSingular: true}, false, "attribution", 0},
		{"said that", Cues{AttributionVerb: true, SaidThat: true}, false, "attribution", 0},
		{"event", Cues{Past: 1, Historical: true}, false, "event", 0},
		{"dated past", Cues{Past: 1, DateWord: true}, false, "event", 0},
		{"definition", Cues{Definition: true}, false, "definition", 0},
		{"nothing", Cues{}, false, "statement", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Kind(&tc.c, tc.heading); got != tc.kind {
				t.Errorf("Kind = %s, want %s", got, tc.kind)
			}
			if got := Forced(&tc.c, tc.heading); got != tc.forced {
				t.Errorf("Forced = %d, want %d", got, tc.forced)
			}
		})
	}
}

func TestReasons(t *testing.T) {
	tests := []struct {
		c    Cues
		want []string
	}{
		{Cues{}, []string{}},
		{Cues{Money: true, Numbers: 1, Years: 1}, []string{"money figure", "date"}},
		{Cues{Percent: true, Comparative: true, Superlative: true}, []string{"percentage", "comparison", "superlative"}},
		{Cues{DateWord: true}, []string{}},
		{Cues{DateWord: true, Past: 1, Historical: true}, []string{"date", "historical event"}},
		{Cues{Unit: true, Numbers: 2}, []string{"measurement"}},
		{Cues{Numbers: 3}, []string{"statistic"}},
		{Cues{NumberWord: true, Unit: true}, []string{"measurement", "statistic"}},
		{Cues{AttributionVerb: true}, []string{}},
		{Cues{AttributionVerb: true, NamedSource: true, Official: true}, []string{"attributed to a named source", "legal or official status"}},
	}
	for _, tc := range tests {
		got := Reasons(&tc.c)
		if got == nil || !slices.Equal(got, tc.want) {
			t.Errorf("Reasons(%+v) = %q, want %q", tc.c, got, tc.want)
		}
	}
}

// constModel scores every sentence sigmoid(bias): the rules alone decide
// where it ends up.
func constModel(bias float64) *Model {
	m := &Model{Bias: bias, Options: DefaultOptions()}
	for i := range m.Keys {
		m.Keys[i] = math.MaxUint32
	}
	m.BuildIndex()
	return m
}

func TestJudgeCapsAndFloors(t *testing.T) {
	sure, never := constModel(10), constModel(-10)
	tests := []struct {
		name     string
		m        *Model
		sentence string
		heading  bool
		typ      string
		score    float64 // exact, or < 0: the model's own
		reason   string
	}{
		{"heading capped", sure, "Tomahawk missiles explained", true, "heading", capHeading, "heading"},
		{"question capped", sure, "What did he say?", false, "question", capQuestion, "question"},
		{"opinion capped", sure, "I think it is a disaster.", false, "opinion", capOpinion, "opinion or speculation"},
		{"prediction capped", sure, "He will win.", false, "prediction", capOpinion, "prediction"},
		{"money floored", never, "The deal is worth $5.2bn.", false, "quantity", floorFact, "money figure"},
		{"named source floored", never, "Ushakov said the call was long.", false, "attribution", floorFact, "attributed to a named source"},
		{"low score kept", never, "The call was long.", false, "statement", -1, ""},
		{"high score kept", sure, "The call was long.", false, "statement", -1, ""},
	}
	var sc Scorer
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, j := range []Judgement{Judge(tc.m, tc.sentence, tc.heading), sc.Judge(tc.m, tc.sentence, tc.heading)} {
				want := tc.score
				if want < 0 {
					want = sigmoid(tc.m.Bias)
				}
				if j.Type != tc.typ || j.Score != want {
					t.Errorf("type %s score %v, want %s %v", j.Type, j.Score, tc.typ, want)
				}
				if tc.reason != "" && !slices.Contains(j.Reasons, tc.reason) {
					t.Errorf("reasons %q lack %q", j.Reasons, tc.reason)
				}
				if cap(j.Reasons) != len(j.Reasons) {
					t.Error("reasons not capped: appending would write into the next sentence's")
				}
			}
		})
	}
	if p := BareScore(sure, "I think so?"); p != sigmoid(10) {
		t.Errorf("BareScore = %v, want the model's %v", p, sigmoid(10))
	}
}

// TestFeatureLayout pins the order of the structural features: the
// committed model reads its weights by position.
func TestFeatureLayout(t *testing.T) {
	want := []string{
		"number", "log numbers", "year", "percent", "money", "unit", "number word", "date word", "comparative",
		"superlative", "attribution verb", "named source", "said that", "past", "log past", "present perfect",
		"official", "historical", "log topic", "first singular", "first plural", "second person", "opinion",
		"hedge", "future", "obligation", "negation", "question", "wh start", "imperative", "talk", "evaluative",
		"log proper nouns", "quote", "words <= 4", "words 5-9", "words 10-19", "words 20-34", "words >= 35",
		"connective start", "pronoun start", "definition", "figure and past", "figure and I", "there is",
		"exclamation", "figure and comparative", "year and past", "I and opinion", "past and name",
		"future, not past", "figure and topic", "log third person", "third person and past", "you and past",
		// class features, by level
		"log agenda", "log geo", "record verb", "trend",
		"third party", "third party and record", "third party and thing", "unmodal thing, not I",
		"record and thing", "unmodal noun subject, agenda",
		"log agenda topics", "geo and agenda", "third party now, unmodal", "third party or noun, thing now, unmodal",
	}
	var got []string
	for _, f := range denseFeatures {
		got = append(got, f.name)
	}
	for _, f := range classFeatures {
		got = append(got, f.name)
	}
	if !slices.Equal(got, want) || NumDense != len(want) {
		t.Errorf("features (%d):\n%q\nwant (%d):\n%q", NumDense, got, len(want), want)
	}
	levels := fmt.Sprint(classFeatures[0].level, classFeatures[4].level, classFeatures[10].level)
	if levels != "1 2 3" {
		t.Errorf("class feature levels %s, want 1 2 3", levels)
	}
}

func TestClassLevels(t *testing.T) {
	c := Analyse("He cut taxes for the middle class in Ohio.")
	for classes := 0; classes <= 3; classes++ {
		var v [NumDense]float32
		dense(&c, &v, classes)
		for i, f := range classFeatures {
			x := v[len(denseFeatures)+i]
			if want := f.level <= classes && f.value(&c) != 0; (x != 0) != want {
				t.Errorf("classes %d: %s = %v", classes, f.name, x)
			}
		}
	}
}

func TestTrain(t *testing.T) {
	var ex []Example
	for i := range 60 {
		ex = append(ex,
			Example{Text: fmt.Sprintf("Unemployment fell by %d percent in 2009.", i), Label: true, ID: 3 * i},
			Example{Text: "I think that is a wonderful question, thank you.", ID: 3*i + 1},
			Example{Text: fmt.Sprintf("He voted for the tax cut %d times.", i+2), Label: true, ID: 3*i + 2})
	}
	o := DefaultTrainOptions()
	o.Epochs = 3
	a, b := Train(ex, o), Train(ex, o)
	if a != b {
		t.Fatal("Train is not deterministic")
	}
	if a.Options != o.Options {
		t.Errorf("model options %+v, want the training's %+v", a.Options, o.Options)
	}
	var s Scores
	for _, e := range ex {
		s.Add(Judge(&a, e.Text, false).Score >= 0.5, e.Label)
	}
	if s.F1() < 0.99 {
		t.Errorf("F1 %.3f on its own separable training data (%+v)", s.F1(), s)
	}
}

func TestFolds(t *testing.T) {
	ex := []Example{{ID: 50}, {ID: 10}, {ID: 40}, {ID: 20}, {ID: 30}, {ID: 60}}
	if got := folds(ex, 3, true); !slices.Equal(got, []int{2, 0, 1, 0, 1, 2}) {
		t.Errorf("grouped folds %v: want contiguous id ranges", got)
	}
	if got := folds(ex, 3, false); !slices.Equal(got, []int{0, 1, 2, 0, 1, 2}) {
		t.Errorf("interleaved folds %v", got)
	}
	if got := folds(ex, 1, true); !slices.Equal(got, make([]int, 6)) {
		t.Errorf("one fold %v", got)
	}
}

func TestScores(t *testing.T) {
	var s Scores
	for _, p := range [][2]bool{{true, true}, {true, true}, {true, false}, {false, true}, {false, false}} {
		s.Add(p[0], p[1])
	}
	if s != (Scores{TP: 2, FP: 1, FN: 1, TN: 1}) {
		t.Fatalf("counts %+v", s)
	}
	if s.Precision() != 2.0/3 || s.Recall() != 2.0/3 || math.Abs(s.F1()-2.0/3) > 1e-12 {
		t.Errorf("P %v R %v F1 %v", s.Precision(), s.Recall(), s.F1())
	}
	if (Scores{}).F1() != 0 {
		t.Error("F1 of nothing is not 0")
	}
}

func TestNewsRuleKinds(t *testing.T) {
	tests := []struct {
		name   string
		c      Cues
		kind   string
		forced int8
	}{
		{"scheduled", Cues{Future: true, Scheduled: true}, "scheduled", 1},
		{"forecast with a number word", Cues{Future: true, Forecast: true, NumberWord: true}, "prediction", -1},
		{"forecast beside a past fact", Cues{Future: true, Forecast: true, FactPast: 1, Numbers: 1}, "quantity", 0},
		{"exposition", Cues{Exposition: true}, "exposition", -1},
		{"promotion", Cues{Promotion: true, Numbers: 1}, "promotion", -1},
		{"official action", Cues{OfficialAction: true, PresentPerfect: 1}, "official action", 1},
		{"comparison about a country", Cues{CountryClaim: true, Comparative: true}, "comparison", 1},
		{"hedged comparison", Cues{CountryClaim: true, Comparative: true, Hedge: true, AttributionVerb: true}, "comparison", 0},
		{"trend in a place", Cues{Trend: true, Geo: 1}, "trend", 1},
		{"attributed plan", Cues{AttributionVerb: true, NamedSource: true, StrongPast: 1, Intention: true}, "attribution", 0},
		{"attributed obligation", Cues{AttributionVerb: true, NamedSource: true, StrongPast: 1, Obligation: true}, "attribution", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Kind(&tc.c, false); got != tc.kind {
				t.Errorf("Kind = %s, want %s", got, tc.kind)
			}
			if got := Forced(&tc.c, false); got != tc.forced {
				t.Errorf("Forced = %d, want %d", got, tc.forced)
			}
		})
	}
}

func TestNewsRuleCues(t *testing.T) {
	tests := []struct {
		sentence string
		set      []string
		unset    []string
	}{
		{"The ban will take effect on 1 March.", []string{"Scheduled"}, []string{"Forecast"}},
		{"I'll take a few days off next week.", nil, []string{"Scheduled"}},
		{"Prices will rise next year.", []string{"Forecast"}, []string{"Scheduled"}},
		{"The bank stands ready to tighten policy.", []string{"Intention", "Forecast"}, nil},
		{"The levy will apply from Monday.", []string{"Scheduled"}, nil},
		{"No country has tested more people than we have.", []string{"CountryClaim", "OfficialAction"}, nil},
		{"Talks are in Budapest.", nil, []string{"Superlative", "CountryClaim"}},
		{"The US has launched more than 2,300 missiles.", nil, []string{"OfficialAction"}},
		{"First, the algorithm builds a distribution.", []string{"SequenceStart", "Exposition"}, nil},
		{"In economics, inflation is a rise in prices.", []string{"DomainFrame", "Exposition"}, nil},
		{"They usually carry conventional warheads.", nil, []string{"Exposition"}},
		{"Inflation rose to 5% in 2022, as it usually does in wartime.", nil, []string{"Exposition"}},
		{"Registration is now open for the expo.", []string{"Promotion"}, nil},
		{"You can't have a free market without rules.", nil, []string{"Promotion"}},
		{"This is usually measured using a price index (CPI).[3][4]", []string{"Exposition"}, nil},
	}
	for _, tc := range tests {
		wantCues(t, tc.sentence, tc.set, tc.unset)
	}
}
