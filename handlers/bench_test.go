package handlers_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// BenchmarkArticlePage measures the article page of a 200-statement
// article on the server: session check, queries and rendering, through
// the real router on a real SQLite file, drawn in full (no 304), with and
// without a review panel open.
//
//	go test ./handlers -run '^$' -bench ArticlePage -benchmem
func BenchmarkArticlePage(b *testing.B) {
	c := newBenchClient(b)
	var body strings.Builder
	for i := range 200 {
		fmt.Fprintf(&body, "Statement %d says the US and Russia traded goods worth about $%d.%dbn in 2024, %d percent less than in 2023. ", i, i%9+1, i%10, i%40+5)
		if i%4 == 3 {
			body.WriteString("\n\n")
		}
	}
	a, err := c.store.CreateArticle(b.Context(), models.ArticleInput{Title: "Two hundred statements", Body: body.String()})
	if err != nil {
		b.Fatal(err)
	}
	if len(a.Statements) != 200 {
		b.Fatalf("%d statements, want 200", len(a.Statements))
	}
	for i := 0; i < 200; i += 3 {
		c.store.Review(b.Context(), a.Statements[i].ID, models.ReviewInput{Verdict: rating.Verified, Version: 1,
			Sources: []models.SourceInput{{URL: "https://ustr.gov/" + fmt.Sprint(i), Title: "USTR"}}})
	}
	for _, bc := range []struct{ name, path string }{
		{"page", fmt.Sprintf("/articles/%d", a.ID)},
		{"panel-open", fmt.Sprintf("/articles/%d?s=%d", a.ID, a.Statements[3].ID)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r := c.Get(bc.path)
				if r.Status != http.StatusOK {
					b.Fatalf("status %d", r.Status)
				}
			}
		})
	}
}
