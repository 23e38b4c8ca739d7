package models_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/factcheckdesk/factcheck/demo"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
	"github.com/factcheckdesk/factcheck/rating"
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

// BenchmarkReviewSync measures verdict saves by 20 reviewers at once, each
// on statements of their own, with SQLite's synchronous=FULL (the desk's
// setting: a commit is on disk before it is acknowledged) beside NORMAL
// (faster, but in WAL mode the last commits can be lost on power loss).
//
//	go test ./models -run '^$' -bench ReviewSync -benchtime 3s
func BenchmarkReviewSync(b *testing.B) {
	for _, mode := range []string{"NORMAL", "FULL"} {
		b.Run(mode, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "bench.db")
			db, err := models.Open("file:" + path + "?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=10000&_txlock=immediate&_synchronous=" + mode)
			if err != nil {
				b.Fatal(err)
			}
			defer models.Close(db)
			store := models.NewStore(db, modeltest.Options())
			var body strings.Builder
			for i := range 400 {
				fmt.Fprintf(&body, "In %d the port handled %d tonnes of grain.\n\n", 1900+i, 1000+i)
			}
			a, err := store.CreateArticle(b.Context(), models.ArticleInput{Title: "Ports", Body: body.String()})
			if err != nil {
				b.Fatal(err)
			}
			var next atomic.Int64
			b.SetParallelism(10) // 20 goroutines on 2 CPUs
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				st := a.Statements[int(next.Add(1))%len(a.Statements)]
				version, verdicts := st.Version, []rating.Key{rating.InProgress, rating.Unreviewed}
				for i := 0; pb.Next(); i++ {
					s, err := store.Review(b.Context(), st.ID, models.ReviewInput{Verdict: verdicts[i%2], Note: "checking", Version: version})
					if err != nil {
						b.Error(err)
						return
					}
					version = s.Version
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "saves/s")
		})
	}
}
