package match

import (
	"strings"
	"testing"
)

// FuzzFiguresQuery: Figures, Add and Query never panic, and Query keeps its
// contract (scores in range, best first, excluded article left out).
//
//	go test ./match -run '^$' -fuzz FuzzFiguresQuery -fuzztime 60s
func FuzzFiguresQuery(f *testing.F) {
	for _, s := range []string{
		"", " ", "\x00", "\xff\xfe", "$", "$$5", "US$", "5-", "-5", "1,2,3,,,4", "1.2.3", "9999999999999999999999bn",
		"1e309 dollars", "(((((1km", "1km (", "1km (2", "between", "between 1 and", "a couple of", "half a",
		"twenty-", "March", "31 March 31", "10:", "10:30:45", "2023-", "2023-24-25", "1,250-2,500km (780",
		"30 metres (100ft)", "US-Russia trade was $5.2bn", "U.S.", "U.S.A.B.C.D.", "’s ’", "F-16-17", "G7-8",
		"€5bn-€6bn to £7bn", "5 per", "5 per cent of", "5 percentage", "°", "5°", "km/h 5", "5 km /",
		strings.Repeat("5 ", 2000), strings.Repeat("$5bn ", 200), strings.Repeat("a", 1<<16),
		newsDocs[0].Text, newsDocs[3].Text,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		figs := Figures(s)
		for _, fig := range figs {
			if !strings.Contains(fig, ":") {
				t.Fatalf("figure %q has no kind", fig)
			}
		}
		ix := newsIndex()
		ix.Add(Doc{ID: 500, ArticleID: 500, Text: s})
		got := ix.Query(s, 0, 5)
		for i, m := range got {
			if m.Score < Threshold || m.Score > 1+1e-9 {
				t.Fatalf("score %v", m.Score)
			}
			if i > 0 && better(m, got[i-1]) {
				t.Fatalf("not best first: %+v", got)
			}
		}
		for _, m := range ix.Query(s, 500, 5) {
			if m.ArticleID == 500 {
				t.Fatalf("excluded article returned")
			}
		}
		ix.Remove(500)
	})
}
