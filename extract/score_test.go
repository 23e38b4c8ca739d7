package extract

import (
	"slices"
	"testing"
)

func TestCheckworthiness(t *testing.T) {
	sts := Extract(article(t))
	tests := []struct {
		prefix    string
		checkable bool
		typ       string
		reason    string
	}{
		{"They fly at supersonic speed", true, "quantity", "measurement"},
		{"In 2024, the US and Russia traded goods", true, "quantity", "money figure"},
		{"Meanwhile, Kremlin aide Yuri Ushakov told journalists", true, "attribution", "attributed to a named source"},
		{"According to US defence information, Tomahawk missiles were developed in the 1970s.", true, "", "date"},
		{"So far, the US has launched more than 2,300 Tomahawks", true, "quantity", "statistic"},
		{"Moscow is about 800km (500 miles) from Kyiv.", true, "quantity", "measurement"},
		{"It is really not clear.", false, "opinion", ""},
		{"“I suspect both leaders", false, "opinion", ""},
		{"Next week, US officials led by Secretary of State Marco Rubio will hold", true, "scheduled", ""},
		{"So, will the US agree to supply Tomahawks", false, "question", ""},
		{"What are Tomahawk missiles?", false, "heading", ""},
	}
	for _, tc := range tests {
		t.Run(tc.prefix, func(t *testing.T) {
			checkJudgement(t, find(t, sts, tc.prefix), tc.checkable, tc.typ, tc.reason)
		})
	}
}

// TestNamedSources: a name next to the reporting verb, before or after it,
// is a named source; a pronoun is not.
func TestNamedSources(t *testing.T) {
	tests := []struct {
		sentence string
		named    bool
	}{
		{"The Office for National Statistics (ONS) said the fall was driven by lower gas prices.", true},
		{"Ushakov told journalists that the call had been initiated by Moscow.", true},
		{"The call had been initiated by Moscow, said Yuri Ushakov.", true},
		{"They told journalists that the call had been initiated by Moscow.", false},
		{"I told journalists that the call had been initiated by Moscow.", false},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			s := ScoreSentence(tc.sentence)
			if got := contains(s.Reasons, "attributed to a named source"); got != tc.named {
				t.Errorf("named source = %v, want %v (reasons %v)", got, tc.named, s.Reasons)
			}
			if tc.named && (s.Type != "attribution" || !s.Checkable) {
				t.Errorf("type %s, checkable %v; want a checkable attribution", s.Type, s.Checkable)
			}
		})
	}
}

func checkJudgement(t *testing.T, s Statement, checkable bool, typ, reason string) {
	t.Helper()
	if s.Checkable != checkable {
		t.Errorf("checkable = %v (score %.2f), want %v", s.Checkable, s.Score, checkable)
	}
	if typ != "" && s.Type != typ {
		t.Errorf("type = %s, want %s", s.Type, typ)
	}
	if reason != "" && !contains(s.Reasons, reason) {
		t.Errorf("reasons = %v, want %q", s.Reasons, reason)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestSameScoreForHeAndShe: a claim about a woman scores as the same claim
// about a man.
func TestSameScoreForHeAndShe(t *testing.T) {
	tests := []struct{ he, she string }{
		{"He voted against the bill in 2003.", "She voted against the bill in 2003."},
		{"He wants to raise taxes on the middle class.", "She wants to raise taxes on the middle class."},
		{"They gave him the contract himself.", "They gave her the contract herself."},
		{"He's been doing this for 30 years.", "She's been doing this for 30 years."},
	}
	for _, tc := range tests {
		t.Run(tc.she, func(t *testing.T) {
			a, b := ScoreSentence(tc.he), ScoreSentence(tc.she)
			if a.Score != b.Score || a.Checkable != b.Checkable {
				t.Errorf("%q scores %.3f, %q scores %.3f", tc.he, a.Score, tc.she, b.Score)
			}
		})
	}
}

// TestNewsClaimClasses pins each class of the issue on news claims with
// sentences of our own: the claim is judged, not its wrapper.
func TestNewsClaimClasses(t *testing.T) {
	tests := []struct {
		sentence  string
		checkable bool
		typ       string
	}{
		// Scheduled, official or legal future facts are checkable;
		// forecasts are not, whoever makes them.
		{"The ban will take effect on 1 March.", true, "scheduled"},
		{"The bill will be debated in the Senate this week.", true, "scheduled"},
		{"The new tariffs will apply to imports from Monday.", true, "scheduled"},
		{"Rates will rise twice next year, said Smith, an economist at the bank.", false, "prediction"},
		{"“Rates will rise twice next year,” said Ana Smith, an economist.", false, "prediction"},
		{"Unemployment will fall below 4% by the summer, the minister predicted.", false, "prediction"},
		// Superlatives and comparisons about countries and economies, and
		// official action, in speeches without figures.
		{"No country has tested more people than we have.", true, ""},
		{"Our economy is growing faster than any other economy in Europe.", true, "comparison"},
		{"We have suspended all flights from the region.", true, "official action"},
		// Attribution does not make an opinion or a plan checkable.
		{"The minister said the plan should be scrapped.", false, "statement"},
		{"“The bank stands ready to tighten policy further,” the governor, Chris Banda, said.", false, "prediction"},
		// Plain general facts without figures.
		{"Measles cases are rising in Europe.", true, "trend"},
		// Exposition and promotion are not checkable, whatever their words.
		{"First, the algorithm builds a distribution of the data.", false, "exposition"},
		{"Inflation is usually measured with a consumer price index.", false, "exposition"},
		{"Registration is now open for the two-day expo.", false, "promotion"},
		// A description of something the article named stays checkable.
		{"They usually carry conventional warheads but can also carry nuclear ones.", true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			st := ScoreSentence(tc.sentence)
			if st.Checkable != tc.checkable || tc.typ != "" && st.Type != tc.typ {
				t.Errorf("checkable %v type %q (score %.2f, reasons %q), want %v %q", st.Checkable, st.Type, st.Score, st.Reasons, tc.checkable, tc.typ)
			}
		})
	}
}

// TestNamedSourceReason: "attributed to a named source" needs a speaker;
// the subject of "showed" or "found" is not one.
func TestNamedSourceReason(t *testing.T) {
	for _, tc := range []struct {
		sentence string
		named    bool
	}{
		{"Minutes released on Tuesday showed the Board recognised that wage growth was weak.", false},
		{"A survey found the Government had lost support in Wales.", false},
		{"Prices rose 3%, the Office for National Statistics said.", true},
		{"According to the World Health Organization, cases fell by half.", true},
	} {
		st := ScoreSentence(tc.sentence)
		if got := slices.Contains(st.Reasons, "attributed to a named source"); got != tc.named {
			t.Errorf("%q: reasons %q, named source %v, want %v", tc.sentence, st.Reasons, got, tc.named)
		}
	}
}

// TestSpeakerLabel: a transcript's speaker label is not part of the claim;
// the sentence after it is judged as it would be alone.
func TestSpeakerLabel(t *testing.T) {
	tests := []struct {
		sentence string
		label    int // length of the label with its space
	}{
		{"DARYN KAGAN, CNN ANCHOR: Live pictures from Chicago now.", len("DARYN KAGAN, CNN ANCHOR: ")},
		{"KAGAN: We will be back after the break.", len("KAGAN: ")},
		{"THE PRESIDENT: Thank you very much.", len("THE PRESIDENT: ")},
		{"SEN. O'BRIEN: We cut taxes twice.", len("SEN. O'BRIEN: ")},
		{"Note: figures are provisional.", 0},   // not in capitals
		{"I: the first of these.", 0},           // one letter
		{"UK inflation:3%", 0},                  // no space after the colon
		{"The vote was 50-50: a tie.", 0},       // prose before the colon
		{"GDP GREW 2% IN THE FIRST QUARTER", 0}, // no colon
	}
	for _, tc := range tests {
		if got := speakerLabel(tc.sentence); got != tc.label {
			t.Errorf("speakerLabel(%q) = %d, want %d", tc.sentence, got, tc.label)
		}
		if tc.label == 0 {
			continue
		}
		labelled, alone := ScoreSentence(tc.sentence), ScoreSentence(tc.sentence[tc.label:])
		if labelled.Score != alone.Score || labelled.Type != alone.Type {
			t.Errorf("%q judged %.3f %s, alone %.3f %s", tc.sentence, labelled.Score, labelled.Type, alone.Score, alone.Type)
		}
	}
}

// TestInstitutionPlans: what a named institution will do to something is
// its announced plan, checkable; how a quantity will move is a forecast.
func TestInstitutionPlans(t *testing.T) {
	tests := []struct {
		sentence string
		typ      string
	}{
		{"The BBC will also expand radio services in Somalia and Nigeria.", "scheduled"},
		{"The Ministry of Health will cut prescription charges for pensioners.", "scheduled"},
		{"Next year the Federal Reserve will raise interest rates again.", "scheduled"},
		{"Prices will rise by 3% next year.", "prediction"},
		{"Unemployment will remain high for a decade.", "prediction"},
		{"The economy will grow again, the Treasury believes.", "prediction"},
		{"We will cut taxes for working families.", "prediction"},
		{"He will cut your taxes.", "prediction"},
	}
	for _, tc := range tests {
		s := ScoreSentence(tc.sentence)
		if s.Type != tc.typ || s.Checkable != (tc.typ == "scheduled") {
			t.Errorf("%q: type %s, checkable %v; want %s", tc.sentence, s.Type, s.Checkable, tc.typ)
		}
	}
}

// TestLongHeadline: a title-case headline is a heading however long; a
// long line in sentence case without its full stop is not.
func TestLongHeadline(t *testing.T) {
	tests := []struct {
		line    string
		heading bool
	}{
		{"Ministry Awards Nearly $500 Million in First Round of Grants to Colleges for Job Training and Workforce Development", true},
		{"The ministry awarded nearly $500 million in grants to colleges for job training and workforce development on Monday", false},
	}
	for _, tc := range tests {
		sts := Extract(tc.line + "\n\nThe grants were paid in March.")
		if len(sts) != 2 || (sts[0].Type == "heading") != tc.heading || tc.heading && sts[0].Checkable {
			t.Errorf("%q: %+v", tc.line, sts)
		}
	}
}

// TestExhortation: a call to act is not a claim, unless it carries a figure.
func TestExhortation(t *testing.T) {
	tests := []struct {
		sentence  string
		typ       string
		checkable bool
	}{
		{"Pass this jobs bill, and thousands of teachers in every state will go back to work.", "exhortation", false},
		{"Tell your congressman to vote for it.", "exhortation", false},
		{"Give us the 2% pay rise we were promised in 2019.", "quantity", true},
	}
	for _, tc := range tests {
		s := ScoreSentence(tc.sentence)
		if s.Type != tc.typ || s.Checkable != tc.checkable {
			t.Errorf("%q: type %s, checkable %v; want %s, %v", tc.sentence, s.Type, s.Checkable, tc.typ, tc.checkable)
		}
	}
}
