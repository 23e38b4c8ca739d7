package models_test

import (
	"testing"

	"github.com/factcheckdesk/factcheck/demo"
	"github.com/factcheckdesk/factcheck/models/modeltest"
)

// BenchmarkCreateArticle measures loading the example article: validation,
// extraction and storing its statements in one transaction, on SQLite.
//
//	go test ./models -run '^$' -bench CreateArticle -benchmem
func BenchmarkCreateArticle(b *testing.B) {
	store := modeltest.Open(b)
	in := demo.Article()
	in.Force = true // the same text again each round
	b.SetBytes(int64(len(in.Body)))
	b.ReportAllocs()
	for b.Loop() {
		a, err := store.CreateArticle(b.Context(), in)
		if err != nil {
			b.Fatal(err)
		}
		if len(a.Statements) == 0 {
			b.Fatal("no statements")
		}
	}
}
