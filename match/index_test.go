package match

import (
	"fmt"
	"math"
	"sync"
	"testing"
)

// newsDocs are reviewed statements, one article each unless noted.
var newsDocs = []Doc{
	{1, 10, "In 2024, the US and Russia traded goods and services worth about $5.2bn – 25.8 percent less than in 2023"},
	{2, 11, "In 2024, the US and Russia traded goods and services worth about $6.1bn – 25.8 percent less than in 2023"},
	{3, 12, "Tomahawk missiles fly at supersonic speed"},
	{4, 12, "The Tomahawk has a range of 1,250-2,500km and flies at about 880km/h"},
	{5, 13, "Russia's central bank raised its key interest rate to 21 percent in October 2024"},
	{6, 14, "Germany will spend €100bn on modernising its armed forces, Chancellor Olaf Scholz said"},
	{7, 15, "The Eiffel Tower is 330 metres (1,083ft) tall"},
	{8, 16, "More than 2,300 people were killed in the earthquake in Herat province"},
	{9, 17, "The UK economy grew by 0.6% in the first quarter of 2024"},
	{10, 18, "Inflation in Argentina reached 211.4 percent in 2023, the highest in more than three decades"},
	{11, 19, "Brazil's Amazon deforestation fell 22 percent in the 12 months to July"},
	{12, 20, "Ukraine has received 31 Abrams tanks from the United States"},
}

func newsIndex() *Index {
	ix := NewIndex()
	for _, d := range newsDocs {
		ix.Add(d)
	}
	return ix
}

func TestMatchNews(t *testing.T) {
	ix := newsIndex()
	for _, tc := range []struct {
		name  string
		query string
		want  uint // best match, 0 for none
		same  bool // its SameFigures
		not   []uint
	}{
		{"paraphrase, figures respelt",
			"US-Russia trade in goods and services was about 5.2 billion dollars in 2024, down 25.8% from 2023", 1, true, []uint{2}},
		{"identical text", newsDocs[0].Text, 1, true, []uint{2}},
		{"other figure, same words",
			"In 2024, the US and Russia traded goods and services worth about $7.9bn – 25.8 percent less than in 2023", 0, false, []uint{1, 2}},
		{"no figures, same words", "Tomahawk missiles fly at supersonic speed", 3, true, nil},
		{"no figures, reworded", "Tomahawk cruise missiles travel at supersonic speeds", 3, true, nil},
		{"range respelt, one figure fewer", "The Tomahawk has a range of between 1,250 and 2,500 kilometres", 4, false, nil},
		{"percent respelt", "Russia's central bank raised the key interest rate to 21% in October 2024", 5, true, nil},
		{"conflicting rate", "Russia's central bank raised its key interest rate to 19 percent in October 2024", 0, false, []uint{5}},
		{"conflicting year", "Russia's central bank raised its key interest rate to 21 percent in October 2023", 0, false, []uint{5}},
		{"euros spelt out", "Olaf Scholz said Germany would spend 100 billion euros on modernising its armed forces", 6, true, nil},
		{"feet for metres", "The Eiffel Tower is 1,083 feet tall", 7, true, nil},
		{"metres written m", "The Eiffel Tower stands 330m tall", 7, true, nil},
		{"count without comma", "More than 2300 people were killed in the Herat earthquake", 8, true, nil},
		{"extra figure on one side", "Argentina's inflation rate reached 211.4% in 2023", 10, false, nil},
		{"swapped country", "Turkey's central bank raised its key interest rate to 21 percent in October 2024", 0, false, []uint{5}},
		{"swapped subject", "France will spend €100bn on modernising its armed forces, Chancellor Olaf Scholz said", 0, false, []uint{6}},
		{"demonym for the place", "Brazilian Amazon deforestation fell 22 percent in the 12 months to July", 11, true, nil},
		{"same figure, different claim", "The UK unemployment rate was 0.6% in 2024", 0, false, []uint{9}},
		{"unrelated", "Stock markets fell sharply on Monday after the announcement", 0, false, nil},
		{"nothing but stop words", "it is what it is", 0, false, nil},
		{"pronoun us is not the US", "Tell us what Russia traded", 0, false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := ix.Query(tc.query, 99, 5)
			if tc.want == 0 && len(got) > 0 {
				t.Fatalf("want no match, got %+v", got)
			}
			if tc.want != 0 {
				if len(got) == 0 || got[0].ID != tc.want || got[0].SameFigures != tc.same {
					t.Fatalf("want %d (same figures %v) first, got %+v", tc.want, tc.same, got)
				}
				if got[0].Score < Threshold || got[0].Score > 1+1e-9 {
					t.Errorf("score %v out of range", got[0].Score)
				}
			}
			for _, m := range got {
				for _, n := range tc.not {
					if m.ID == n {
						t.Errorf("statement %d should not match: %+v", n, got)
					}
				}
			}
		})
	}
}

// A swapped name ruins a match however many words and figures agree; a
// name only one side mentions does not.
func TestNames(t *testing.T) {
	ix := NewIndex()
	for i, text := range []string{
		"Unemployment in Nepal rose to 1.5% in July 2020, official figures show",
		"Unemployment in Chile fell to 8.7% in May 2019, official figures show",
		"Unemployment in Ghana rose to 3.5% in June 2018, official figures show",
		"Chancellor Olaf Scholz said Germany would spend €100bn on its armed forces",
	} {
		ix.Add(Doc{ID: uint(i + 1), ArticleID: uint(i + 1), Text: text})
	}
	for _, tc := range []struct {
		query string
		want  uint
	}{
		{"Unemployment in Yemen rose to 1.5% in July 2020, official figures show", 0},
		{"Nepal's unemployment rate rose to 1.5 per cent in July 2020", 1},
		{"Nepalese unemployment rose to 1.5% in July 2020", 0}, // demonym not in the list: a swap
		{"Scholz said Germany would spend 100 billion euros on its armed forces", 4},
		{"Unemployment in Nepal fell to 1.5% in July 2020, official figures show", 0},  // other direction
		{"Unemployment in Nepal rose to 1.5% in March 2020, official figures show", 0}, // other month
		{"Nepal's unemployment rate climbed to 1.5 per cent in July 2020", 1},
		{"Macron said France would spend 100 billion euros on its armed forces", 0},
	} {
		got := ix.Query(tc.query, 0, 3)
		if tc.want == 0 && len(got) > 0 || tc.want != 0 && (len(got) == 0 || got[0].ID != tc.want) {
			t.Errorf("%q: want %d, got %+v", tc.query, tc.want, got)
		}
	}
}

// The same sentence with another figure is not the same claim; if it did
// pass the threshold it would have to rank below and be flagged.
func TestFigureMismatchRanksBelow(t *testing.T) {
	ix := newsIndex()
	got := ix.Query(newsDocs[0].Text, 99, 10)
	if len(got) == 0 || got[0].ID != 1 || got[0].Score != 1 || !got[0].SameFigures {
		t.Fatalf("got %+v", got)
	}
	for _, m := range got[1:] {
		if m.ID == 2 && (m.SameFigures || m.Score >= got[0].Score) {
			t.Errorf("$6.1bn statement ranks or flags like $5.2bn: %+v", got)
		}
	}
	s1 := scorePair(t, newsDocs[0].Text, newsDocs[0].Text)
	s2 := scorePair(t, newsDocs[0].Text, newsDocs[1].Text)
	if !(s2 < Threshold && s2 < s1) {
		t.Errorf("score with $6.1bn = %v, with $5.2bn = %v", s2, s1)
	}
}

// Same figures but fewer shared words match less than a close paraphrase.
func TestSameFiguresFewerWordsScoreLess(t *testing.T) {
	close := scorePair(t, newsDocs[0].Text,
		"In 2024 the US and Russia traded goods and services worth 5.2 billion dollars, 25.8% less than in 2023")
	loose := scorePair(t, newsDocs[0].Text,
		"Russia and the US exchanged $5.2bn of goods in 2024, 25.8% less than in 2023")
	far := scorePair(t, newsDocs[0].Text, "Mexico exported $5.2bn of avocados in 2024, 25.8% less than in 2023")
	if !(close > loose && loose > far) {
		t.Errorf("close %v, loose %v, far %v: want decreasing", close, loose, far)
	}
	if far >= Threshold {
		t.Errorf("same figures, different claim scores %v", far)
	}
}

// scorePair is the score of b as a query against an index holding a among
// a few unrelated statements (so IDF is not degenerate); 0 if not returned.
func scorePair(t *testing.T, a, b string) float64 {
	t.Helper()
	ix := newsIndex()
	ix.Remove(1)
	ix.Remove(2)
	ix.Add(Doc{ID: 100, ArticleID: 100, Text: a})
	for _, m := range ix.Query(b, 0, 20) {
		if m.ID == 100 {
			return m.Score
		}
	}
	return 0
}

func TestFigureAgreement(t *testing.T) {
	ix := NewIndex()
	for _, tc := range []struct {
		q, d []string
		want float64
		same bool
	}{
		{nil, nil, 1, true},
		{[]string{"usd:5.2e9"}, []string{"usd:5.2e9"}, 1, true},
		{[]string{"usd:5.2e9", "pct:25.8", "year:2024", "year:2023"}, []string{"usd:6.1e9", "pct:25.8", "year:2024", "year:2023"}, 4.0 / 10, false},
		{[]string{"usd:5.2e9"}, []string{"usd:6.1e9"}, 1.0 / 7, false},
		{[]string{"usd:5.2e9", "year:2024"}, []string{"usd:5.2e9"}, 2 / 2.25, false},
		{[]string{"usd:5.2e9"}, nil, 1 / 1.25, false},
		{[]string{"usd:5.2e9"}, []string{"eur:5.2e9"}, 1.0 / 7, false}, // currencies are one kind
	} {
		var qf []qfig
		for _, f := range tc.q {
			qf = append(qf, qfig{ix.intern(f, kindOf(f)), kindOf(f)})
		}
		var df []uint32
		for _, f := range tc.d {
			df = append(df, ix.intern(f, kindOf(f)))
		}
		got, same := ix.figureAgreement(qf, df)
		if math.Abs(got-tc.want) > 1e-9 || same != tc.same {
			t.Errorf("%q vs %q: got %v %v, want %v %v", tc.q, tc.d, got, same, tc.want, tc.same)
		}
	}
}

func TestExcludeArticleAndLimit(t *testing.T) {
	ix := NewIndex()
	text := "Tomahawk missiles fly at supersonic speed"
	for i := range 6 {
		ix.Add(Doc{ID: uint(i + 1), ArticleID: uint(i%3 + 1), Text: text})
	}
	ix.Add(Doc{ID: 7, ArticleID: 9, Text: "Ukraine has received 31 Abrams tanks"})
	got := ix.Query(text, 2, 0)
	if len(got) != 4 {
		t.Fatalf("want 4 matches outside article 2, got %+v", got)
	}
	for i, m := range got {
		if m.ArticleID == 2 {
			t.Errorf("article 2 not excluded: %+v", m)
		}
		if i > 0 && m.ID < got[i-1].ID {
			t.Errorf("equal scores not in ID order: %+v", got)
		}
	}
	if got := ix.Query(text, 0, 2); len(got) != 2 || got[0].ID != 1 || got[1].ID != 2 {
		t.Errorf("limit 2, exclude nothing: %+v", got)
	}
}

func TestRemoveAndReplace(t *testing.T) {
	ix := newsIndex()
	q := "Tomahawk missiles fly at supersonic speed"
	if ix.Len() != len(newsDocs) {
		t.Fatalf("Len = %d", ix.Len())
	}
	ix.Remove(3)
	ix.Remove(3)   // twice is harmless
	ix.Remove(999) // unknown is harmless
	if ix.Len() != len(newsDocs)-1 {
		t.Fatalf("Len after Remove = %d", ix.Len())
	}
	for _, m := range ix.Query(q, 0, 10) {
		if m.ID == 3 {
			t.Fatalf("removed statement returned: %+v", m)
		}
	}
	// Replace: same ID, new text, new article.
	ix.Add(Doc{ID: 4, ArticleID: 40, Text: q})
	got := ix.Query(q, 0, 10)
	if len(got) != 1 || got[0].ID != 4 || got[0].ArticleID != 40 || ix.Len() != len(newsDocs)-1 {
		t.Fatalf("after replace: %+v, Len %d", got, ix.Len())
	}
	if got := ix.Query("The Tomahawk has a range of 1,250-2,500km and flies at about 880km/h", 0, 10); len(got) != 0 {
		t.Errorf("old text of a replaced statement still matches: %+v", got)
	}
}

// Enough removals trigger compaction; the index must answer the same.
func TestCompaction(t *testing.T) {
	ix := NewIndex()
	const n = 3000
	text := func(i int) string {
		return fmt.Sprintf("Statement %d says city%d spent $%d.5bn on project%d in %d", i, i, i, i, 1900+i%200)
	}
	for i := range n {
		ix.Add(Doc{ID: uint(i), ArticleID: uint(i), Text: text(i)})
	}
	for i := 0; i < n; i++ {
		if i%6 != 0 {
			ix.Remove(uint(i))
		}
	}
	if ix.Len() != n/6 || len(ix.docs) >= n {
		t.Fatalf("Len %d, slots %d: not compacted", ix.Len(), len(ix.docs))
	}
	for i := 0; i < n; i += 7 {
		got := ix.Query(text(i), 0, 1)
		if i%6 == 0 && (len(got) != 1 || got[0].ID != uint(i) || got[0].Score != 1) {
			t.Fatalf("kept %d: got %+v", i, got)
		}
		if i%6 != 0 && len(got) > 0 && got[0].ID == uint(i) {
			t.Fatalf("removed %d returned", i)
		}
	}
}

// Run with -race: Add, Remove and Query from several goroutines.
func TestConcurrent(t *testing.T) {
	ix := newsIndex()
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 300 {
				id := uint(1000 + g*1000 + i)
				ix.Add(Doc{ID: id, ArticleID: id, Text: newsDocs[i%len(newsDocs)].Text})
				if i%3 == 0 {
					ix.Remove(id)
				}
			}
		})
		wg.Go(func() {
			for i := range 300 {
				d := newsDocs[(i+g)%len(newsDocs)]
				for _, m := range ix.Query(d.Text, d.ArticleID, 5) {
					if m.ArticleID == d.ArticleID || m.Score < Threshold {
						t.Errorf("bad match %+v for %q", m, d.Text)
					}
				}
				_ = Figures(d.Text)
				_ = ix.Len()
			}
		})
	}
	wg.Wait()
	if want := len(newsDocs) + 4*200; ix.Len() != want {
		t.Errorf("Len = %d, want %d", ix.Len(), want)
	}
}
