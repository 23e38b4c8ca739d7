package extract

import (
	"strings"
	"testing"
)

func texts(doc string) []string {
	var out []string
	for _, s := range Extract(doc) {
		out = append(out, strings.Join(strings.Fields(s.Text), " "))
	}
	return out
}

func TestSentenceBoundaries(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"abbreviation U.S. mid-sentence", "The U.S. Senate voted on Jan. 6. It was close.",
			[]string{"The U.S. Senate voted on Jan. 6.", "It was close."}},
		{"U.S. at the end", "I live in the U.S. How about you?", []string{"I live in the U.S.", "How about you?"}},
		{"titles", "Dr. Fauci met Gen. Milley and St. Michael's choir.", []string{"Dr. Fauci met Gen. Milley and St. Michael's choir."}},
		{"No. and a.m.", "He arrived at No. 10 at 9 a.m. on Friday.", []string{"He arrived at No. 10 at 9 a.m. on Friday."}},
		{"money decimals", "They traded goods worth about $5.2bn – 25.8 percent less than in 2023. Trade fell.",
			[]string{"They traded goods worth about $5.2bn – 25.8 percent less than in 2023.", "Trade fell."}},
		{"ranges", "It has a range of 1,250-2,500km (780-1,550 miles). It flies low.",
			[]string{"It has a range of 1,250-2,500km (780-1,550 miles).", "It flies low."}},
		{"initials", "George W. Bush met Albert I. Jones. You and I. Did you?",
			[]string{"George W. Bush met Albert I. Jones.", "You and I.", "Did you?"}},
		{"ellipsis", "I never meant that.... She left.", []string{"I never meant that....", "She left."}},
		{"question in quote continues", "“What do you think he’s [Putin’s] going to say, ‘Please sell Tomahawks?’” Trump questioned. He left.",
			[]string{"“What do you think he’s [Putin’s] going to say, ‘Please sell Tomahawks?’” Trump questioned.", "He left."}},
		{"exclamation in quote then speaker", "“Hungary is the island of PEACE!” Hungarian Prime Minister Viktor Orban said on X.",
			[]string{"“Hungary is the island of PEACE!” Hungarian Prime Minister Viktor Orban said on X."}},
		{"quote spanning sentences", "“We never attacked their civilians. This is the big difference,” the Ukrainian leader said.",
			[]string{"“We never attacked their civilians.", "This is the big difference,” the Ukrainian leader said."}},
		{"lower case after quote", "She turned to him, \"This is great.\" she said.", []string{"She turned to him, \"This is great.\" she said."}},
		{"parenthesis", "He teaches science (He worked for 5 years as an engineer.) at the University.",
			[]string{"He teaches science (He worked for 5 years as an engineer.) at the University."}},
		{"dashes", "They fly at low altitudes – about 30 metres (100ft) off the ground – and far. Yes.",
			[]string{"They fly at low altitudes – about 30 metres (100ft) off the ground – and far.", "Yes."}},
		{"inline list", "1. The first item 2. The second item", []string{"1. The first item", "2. The second item"}},
		{"bullets on lines", "Facts:\n• Range: 1,600km\n• Speed: 880 km/h", []string{"Facts:", "• Range: 1,600km", "• Speed: 880 km/h"}},
		{"errant newline", "It was a cold \nnight in the city.", []string{"It was a cold night in the city."}},
		{"heading line", "What are Tomahawk missiles?\n\nThey are cruise missiles.", []string{"What are Tomahawk missiles?", "They are cruise missiles."}},
		{"unclosed quote stops at paragraph", "He said, “no decision will be taken.\n\n“It is likely,” he told Al Jazeera.",
			[]string{"He said, “no decision will be taken.", "“It is likely,” he told Al Jazeera."}},
		{"URL", "The site is: https://www.example.com/a.html. Please check it out.",
			[]string{"The site is: https://www.example.com/a.html.", "Please check it out."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := texts(tc.in)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}
