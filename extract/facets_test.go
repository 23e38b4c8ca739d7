package extract

import (
	"slices"
	"testing"
)

func TestFacets(t *testing.T) {
	sts := Extract(article(t))
	tests := []struct{ prefix, kind, text string }{
		{"In 2024, the US and Russia", KindMoney, "$5.2bn"},
		{"In 2024, the US and Russia", KindPercent, "25.8 percent"},
		{"In 2024, the US and Russia", KindDate, "In 2024"},
		{"So far, the US has launched", KindCount, "2,300"},
		{"“I did actually say to him", KindCount, "a couple of thousands"},
		{"According to US defence information", KindDate, "in the 1970s"},
		{"Following a two-hour call", KindDuration, "two-hour"},
		{"Following a two-hour call", KindDate, "on Thursday"},
		{"Following a two-hour call", KindDate, "within two weeks"},
		{"Following a two-hour call", KindPlace, "Budapest"},
		{"They fly at supersonic speed", KindSpeed, "supersonic"},
		{"They fly at supersonic speed", KindMeasurement, "30 metres (100ft)"},
		{"They fly at supersonic speed", KindMeasurement, "1,250-2,500km (780-1,550 miles)"},
		{"Moscow is about 800km", KindMeasurement, "800km (500 miles)"},
		{"United States President Donald Trump", KindPerson, "Donald Trump"},
		{"Hungary has been chosen", KindOrg, "International Criminal Court"},
		{"Meanwhile, Kremlin aide Yuri Ushakov", KindSpeaker, "Yuri Ushakov"},
		{"“I suspect both leaders", KindSpeaker, "Lesser"},
		{"The US-based think tank", KindOrg, "Institute for the Study of War"},
		{"The US-based think tank", KindPlace, "Saratov Oblast"},
		{"On Sunday, on his way to Israel", KindSpeaker, "Trump"},
	}
	for _, tc := range tests {
		t.Run(tc.kind+" "+tc.text, func(t *testing.T) {
			s := find(t, sts, tc.prefix)
			for _, f := range s.Facets {
				if f.Kind == tc.kind && f.Text == tc.text {
					return
				}
			}
			t.Errorf("no %s facet %q in %q; facets %+v", tc.kind, tc.text, s.Text, s.Facets)
		})
	}
	// A money phrase in a fresh sentence.
	got := ScoreSentence("The deal is worth €3 million and 12% of the budget, and a jet flew at 880 km/h.")
	want := map[string]string{"€3 million": KindMoney, "12%": KindPercent, "880 km/h": KindSpeed}
	for _, f := range got.Facets {
		delete(want, f.Text)
	}
	if len(want) > 0 {
		t.Errorf("missing facets %v in %+v", want, got.Facets)
	}
}

// TestDateFacets: a date is one facet however it is written, and a month
// name alone is not a date ("May I ask?").
func TestDateFacets(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string // the date facets, in order
	}{
		{"It was signed on September 30, 2025, in Budapest.", []string{"on September 30, 2025"}},
		{"It ended on 5 March 2024.", []string{"on 5 March 2024"}},
		{"The measure funds the Pentagon through Sept. 30.", []string{"through Sept. 30"}},
		{"It was signed on Jan. 5, 2024, and again on March 3.", []string{"on Jan. 5, 2024", "on March 3"}},
		{"In May 2019 they met.", []string{"In May 2019"}},
		{"May I ask who decided?", nil},
		{"They march 1000 people to the border.", nil},
		{"They meet on Thursday.", []string{"on Thursday"}},
		{"Missiles were developed in the 1970s.", []string{"in the 1970s"}},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			var got []string
			for _, f := range ScoreSentence(tc.sentence).Facets {
				if f.Kind == KindDate {
					got = append(got, f.Text)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("date facets %q, want %q", got, tc.want)
			}
		})
	}
}

// TestNameKinds: titles, organisation words and the heads of names of
// things decide what a capitalised name is.
func TestNameKinds(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string // kind:text of the name facets, in order
	}{
		{"It was designed by General Dynamics in the 1970s.", []string{"organisation:General Dynamics"}},
		{"General Milley visited the base.", []string{"person:Milley"}},
		{"The Paris Agreement was signed by President Barack Obama.", []string{"person:Barack Obama"}},
		{"The Tomahawk Land Attack Missile is used by the United States Navy.", []string{"organisation:United States Navy"}},
		{"AGM-86 ALCM is a cruise missile.", nil},
		{"Hungarian Prime Minister Viktor Orban met Putin in Budapest.", []string{"person:Viktor Orban", "place:Budapest"}},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			var got []string
			for _, f := range ScoreSentence(tc.sentence).Facets {
				switch f.Kind {
				case KindPerson, KindOrg, KindPlace, KindSpeaker:
					got = append(got, f.Kind+":"+f.Text)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("names %q, want %q", got, tc.want)
			}
		})
	}
}

// TestNewsFacetClasses pins each facet class of the issue, with sentences
// of our own: places and organisations from the gazetteer and their cues,
// money in other currencies, durations, bare months, ranges, and no people
// made of headings.
func TestNewsFacetClasses(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string // "kind: text", every facet of these kinds
		kinds    []string
	}{
		{"Exports from New Zealand and South Korea rose.", []string{"place: New Zealand", "place: South Korea"}, []string{KindPlace, KindPerson}},
		{"The Cook Islands and the Faroe Islands voted.", []string{"place: Cook Islands", "place: Faroe Islands"}, []string{KindPlace, KindPerson}},
		{"The Federal Reserve held rates, BMO Capital Markets said.", []string{"organisation: Federal Reserve", "speaker: BMO Capital Markets"}, []string{KindOrg, KindPerson, KindSpeaker}},
		{"Officials at the Ministry of Health and the Reserve Bank of India agreed.", []string{"organisation: Ministry of Health", "organisation: Reserve Bank of India"}, []string{KindOrg, KindPerson}},
		{"Cuba’s Castro met Zimbabwe’s Mugabe.", []string{"place: Cuba", "person: Castro", "place: Zimbabwe", "person: Mugabe"}, []string{KindPlace, KindPerson}},
		{"The plant in Walsall closed.", []string{"place: Walsall"}, []string{KindPlace, KindPerson}},
		{"The deal is worth 6.8bn rand, or 35,000 rand a household.", []string{"money: 6.8bn rand", "money: 35,000 rand"}, []string{KindMoney, KindCount}},
		{"The state spent 500m rupees and ZAR 1.2bn on roads.", []string{"money: 500m rupees", "money: ZAR 1.2bn"}, []string{KindMoney, KindCount}},
		{"Prices rose 1.5 percentage points after a 50 basis points cut.", []string{"percent: 1.5 percentage points", "percent: 50 basis points"}, []string{KindPercent, KindCount}},
		{"It was the first strike in 24 years.", []string{"duration: 24 years"}, []string{KindDuration, KindDate}},
		{"Talks will resume in two weeks.", []string{"date: in two weeks"}, []string{KindDuration, KindDate}},
		{"Wages stagnated over the past decade.", []string{"duration: the past decade"}, []string{KindDuration, KindDate}},
		{"Prices have risen since September.", []string{"date: since September"}, []string{KindDate}},
		{"The festival runs from June 13 to 17.", []string{"date: from June 13 to 17"}, []string{KindDate, KindCount}},
		{"Output fell in the 2007-2009 recession and during 2014-15.", []string{"date: 2007-2009", "date: during 2014-15"}, []string{KindDate, KindCount}},
		{"Two years ago the plant employed 400 people.", []string{"date: Two years ago", "count: 400"}, []string{KindDate, KindCount, KindDuration}},
		// round two: offices, counties, parks, states, datelines, contractions
		{"The Labor Secretary and the Education Undersecretary visited a college.", nil, []string{KindPerson}},
		{"Funds came from the Strategic Defence and Security Review.", nil, []string{KindPerson}},
		{"Under Secretary of Education Martha Kanter announced the grants.", []string{"person: Martha Kanter"}, []string{KindPerson, KindSpeaker}},
		{"Good morning, I’m Ana Lima and I’ll be following the count.", []string{"person: Ana Lima"}, []string{KindPerson}},
		{"Gardaí in Co Kerry found a car near Langford Downs and Central Park.", []string{"place: Co Kerry", "place: Langford Downs", "place: Central Park"}, []string{KindPlace, KindPerson}},
		{"Voters in Colorado, Ohio and New Hampshire went to the polls.", []string{"place: Colorado", "place: Ohio", "place: New Hampshire"}, []string{KindPlace, KindPerson}},
		{"SEATTLE (AP) — The port reopened on Monday.", []string{"place: SEATTLE"}, []string{KindPlace, KindPerson}},
		{"HALIFAX, March 3 (Reuters) - The port reopened.", []string{"place: HALIFAX"}, []string{KindPlace, KindPerson}},
		{"The state Liquor and Cannabis Board and the Food and Drug Administration met.", []string{"organisation: Liquor and Cannabis Board", "organisation: Food and Drug Administration"}, []string{KindOrg, KindPerson}},
		{"Colorado and Texas voted.", []string{"place: Colorado", "place: Texas"}, []string{KindOrg, KindPlace, KindPerson}},
		{"Matches will be played on 29 and 30 June, and the final from 13 to 17 July 2026.", []string{"date: on 29 and 30 June", "date: from 13 to 17 July 2026"}, []string{KindDate, KindCount}},
		{"The government made a Massive U-turn on Monday.", nil, []string{KindPerson}},
		{"Alexandria Ocasio-Cortez met Kim Jong-il and Nobel Prize-winning economists.", []string{"person: Alexandria Ocasio-Cortez", "person: Kim Jong-il"}, []string{KindPerson, KindSpeaker}},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			var got []string
			for _, f := range ScoreSentence(tc.sentence).Facets {
				if slices.Contains(tc.kinds, f.Kind) {
					got = append(got, f.Kind+": "+f.Text)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("facets %q, want %q", got, tc.want)
			}
		})
	}
	// Words a headline capitalises that the text uses in lower case are
	// not people; a surname that is also a word is, beside a first name.
	sts := Extract("Ministry Awards $5 Million in First Round of Grants to Colleges for Job Training and Workforce Development Across the Region\n\nThe first grants fund job training and workforce development at colleges. Jane Price said so.\n\nPrices rose.")
	for _, st := range sts {
		for _, f := range st.Facets {
			if f.Kind == KindPerson && f.Text != "Jane Price" || f.Kind == KindSpeaker && f.Text != "Jane Price" {
				t.Errorf("facet %+v in %q", f, st.Text)
			}
		}
	}
	// A heading's capitals are not people; a known name is.
	sts = Extract("Donald Trump spoke.\n\nTrump Meets Allies In Brussels Amid Budget Fight\n\nHe left.")
	for _, f := range sts[1].Facets {
		if f.Kind == KindPerson && f.Text != "Trump" {
			t.Errorf("heading facet %+v", f)
		}
	}
}
