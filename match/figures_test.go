package match

import (
	"slices"
	"testing"
)

// Every spelling in a row must give the same figures.
func TestFiguresEquivalent(t *testing.T) {
	for _, tc := range []struct {
		want      []string
		spellings []string
	}{
		{[]string{"usd:5.2e9"}, []string{"$5.2bn", "$5.2 billion", "5.2 billion dollars", "US$5.2bn",
			"5,200 million dollars", "USD 5.2bn", "5.2bn US dollars", "$5,200m", "5.2 billion U.S. dollars"}},
		{[]string{"eur:3e9"}, []string{"€3bn", "3 billion euros", "EUR 3bn", "€3,000 million"}},
		{[]string{"gbp:4e7"}, []string{"£40m", "40 million pounds", "£40 million", "40 million pounds sterling"}},
		{[]string{"pct:25.8"}, []string{"25.8 percent", "25.8%", "25.8 per cent", "25.8pc"}},
		{[]string{"pp:2"}, []string{"2 percentage points", "2% points"}},
		{[]string{"num:2300"}, []string{"2,300", "2300", "2.3 thousand"}},
		{[]string{"num:2e6"}, []string{"two million", "2 million", "2,000,000", "2m people"}},
		{[]string{"num:2000"}, []string{"a couple of thousand", "a couple of thousands", "two thousand"}},
		{[]string{"num:25"}, []string{"twenty-five", "twenty five", "25"}},
		{[]string{"num:500000"}, []string{"half a million", "500,000"}},
		{[]string{"len:800000m"}, []string{"800km", "800 km", "800 kilometres", "800 kilometers", "800,000 metres"}},
		{[]string{"len:30m"}, []string{"30 metres (100ft)", "30 metres", "30m high", "30 m"}},
		{[]string{"len:30.5m"}, []string{"100ft", "100 feet"}},
		{[]string{"len:1.25e6m", "len:2.5e6m"}, []string{"1,250-2,500km", "1,250–2,500 km",
			"between 1,250 and 2,500 kilometres", "1,250 to 2,500km", "1,250-2,500km (780-1,550 miles)"}},
		{[]string{"usd:5e9", "usd:6e9"}, []string{"$5-6bn", "$5bn-$6bn", "between $5bn and $6bn", "5 to 6 billion dollars"}},
		{[]string{"pct:20", "pct:25"}, []string{"20-25%", "20% to 25%", "between 20 and 25 percent"}},
		{[]string{"year:2023"}, []string{"in 2023", "In 2023,", "(2023)"}},
		{[]string{"year:2023", "year:2024"}, []string{"2023-24", "2023–2024", "from 2023 to 2024", "between 2023 and 2024"}},
		{[]string{"decade:1990"}, []string{"the 1990s"}},
		{[]string{"month:05", "year:2009"}, []string{"in May 2009", "May 2009"}},
		{[]string{"dir:up", "pct:4"}, []string{"rose 4%", "climbed to 4%", "up 4%", "4% higher"}},
		{[]string{"dir:down", "pct:4"}, []string{"fell 4%", "dropped to 4%", "down 4%", "4% lower", "4% less"}},
		{[]string{"len:900000m"}, []string{"up to 900km"}},
		{[]string{"date:03-05", "year:2023"}, []string{"on 5 March 2023", "March 5, 2023", "5th of March 2023", "March 5th 2023"}},
		{[]string{"speed:900km/h"}, []string{"900 km/h", "900km/h", "900 kilometres per hour", "900 kph"}},
		{[]string{"area:2e7m2"}, []string{"20 sq km", "20 square kilometres", "20km²", "20 km2"}},
		{[]string{"mass:5e6kg"}, []string{"5,000 tonnes", "5,000 tons", "5 million kg"}},
		{[]string{"temp:30c"}, []string{"30°C", "30 degrees Celsius", "86 degrees Fahrenheit", "86°F"}},
		{[]string{"dur:10year"}, []string{"10 years", "ten years"}},
		{[]string{"aud:3e6"}, []string{"A$3m", "3 million Australian dollars"}},
		{[]string{"len:330m"}, []string{"330 metres", "1,083 feet", "330m tall", "330 metres (1,083ft)"}},
		{nil, []string{"one of the", "a few thousand", "dozens of", "thousands of people", "G7", "F-16", "COVID-19",
			"10:30", "the 21st century", "Tomahawk missiles fly at supersonic speed", ""}},
	} {
		for _, s := range tc.spellings {
			// Order follows the wording; the set is what must agree.
			if got := Figures(s); !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(tc.want))) {
				t.Errorf("Figures(%q) = %q, want %q", s, got, tc.want)
			}
		}
	}
}

// Each pair must NOT give the same figures.
func TestFiguresDistinct(t *testing.T) {
	for _, tc := range [][2]string{
		{"$5.2bn", "$6.1bn"},
		{"$5.2bn", "€5.2bn"},
		{"$5.2bn", "$5.2m"},
		{"$5.2bn", "5.2bn"},
		{"25.8%", "25.8 percentage points"},
		{"25.8%", "25.8"},
		{"in 2023", "2,023"},
		{"in 2023", "in 2024"},
		{"800km", "800 miles"},
		{"800km", "800m"},
		{"5m people", "5m high"},
		{"5 March", "5 May"},
		{"in May 2009", "in August 2009"},
		{"rose to 3.9%", "fell to 3.9%"},
		{"10 years", "10 months"},
		{"1,250-2,500km", "1,250-2,000km"},
	} {
		a, b := Figures(tc[0]), Figures(tc[1])
		if slices.Equal(a, b) {
			t.Errorf("Figures(%q) = Figures(%q) = %q, want different", tc[0], tc[1], a)
		}
	}
}

// Figures in a whole sentence, and the words they leave behind.
func TestAnalyzeSentence(t *testing.T) {
	for _, tc := range []struct {
		text        string
		words, figs []string
	}{
		{"In 2024, the US and Russia traded goods and services worth about $5.2bn – 25.8 percent less than in 2023",
			[]string{"usa", "russia", "trad", "good", "servic", "worth"},
			[]string{"year:2024", "usd:5.2e9", "pct:25.8", "dir:down", "year:2023"}},
		{"US-Russia trade in goods and services was about 5.2 billion dollars in 2024, down 25.8% from 2023",
			[]string{"usa", "russia", "trad", "good", "servic"},
			[]string{"usd:5.2e9", "year:2024", "dir:down", "pct:25.8", "year:2023"}},
		{"It rose 3% to $5.2bn", nil, []string{"dir:up", "pct:3", "usd:5.2e9"}},
		{"Let us see what the United States and the U.S.A. say", []string{"let", "see", "usa"}, nil},
		{"The Eiffel Tower is 330 metres (1,083ft) tall", []string{"eiffel", "tower", "tall"}, []string{"len:330m"}},
	} {
		words, _, figs := analyze(tc.text)
		if !slices.Equal(words, tc.words) || !slices.Equal(figs, tc.figs) {
			t.Errorf("analyze(%q)\n got %q %q\nwant %q %q", tc.text, words, figs, tc.words, tc.figs)
		}
	}
}

func TestStem(t *testing.T) {
	for _, group := range [][]string{
		{"trade", "trades", "traded", "trading"},
		{"country", "countries"},
		{"missile", "missiles"},
		{"stop", "stopped", "stopping", "stops"},
		{"increase", "increased", "increases", "increasing"},
		{"fall", "falls", "falling"},
	} {
		for _, w := range group[1:] {
			if stem(w) != stem(group[0]) {
				t.Errorf("stem(%q) = %q, stem(%q) = %q", w, stem(w), group[0], stem(group[0]))
			}
		}
	}
	for _, w := range []string{"crisis", "virus", "loss", "bring", "us"} {
		if stem(w) != w && stem(w)+"e" != w {
			t.Errorf("stem(%q) = %q, want unchanged", w, stem(w))
		}
	}
}
