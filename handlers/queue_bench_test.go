package handlers_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/models"
)

// BenchmarkQueue measures My queue of a reviewer with 2,000 open
// statements (a quarter urgent, a third with due dates, some overdue),
// as a page and over the API, through the real router on SQLite; the
// pool's first page, paged the same way, is its peer in the same run.
//
//	go test ./handlers -run '^$' -bench Queue -benchmem
func BenchmarkQueue(b *testing.B) {
	admin := newBenchClient(b)
	rev := admin.as(models.Reviewer)
	ctx := b.Context()
	due := time.Date(2025, 10, 20, 9, 0, 0, 0, time.UTC) // the clock's now
	for a := range 41 {
		var body strings.Builder
		for i := range 50 {
			fmt.Fprintf(&body, "In %d the port of town %d handled %d tonnes of grain.\n\n", 1900+i, a, 1000+i)
		}
		art, err := admin.store.CreateArticle(ctx, models.ArticleInput{Title: fmt.Sprintf("Ports %d", a), Body: body.String()})
		if err != nil {
			b.Fatal(err)
		}
		if a == 40 {
			break // the last article stays in the pool
		}
		for i, st := range art.Statements {
			in := models.AssignInput{StatementIDs: []uint{st.ID}, AssigneeID: rev.user.ID, ByUserID: admin.user.ID}
			if i%4 == 0 {
				in.Priority = models.Urgent
			}
			if i%3 == 0 {
				d := due.Add(time.Duration(i-10) * time.Hour)
				in.DueAt = &d
			}
			if _, err := admin.store.Assign(ctx, in); err != nil {
				b.Fatal(err)
			}
		}
	}
	if n, _ := admin.store.QueueCount(ctx, rev.user.ID); n != 2000 {
		b.Fatalf("queue of %d, want 2000", n)
	}
	for _, bc := range []struct {
		name string
		get  func() response
	}{
		{"page", func() response { return rev.Get("/queue") }},
		{"api", func() response { return rev.API(http.MethodGet, "/api/v1/queue", nil) }},
		{"pool-peer", func() response { return rev.Get("/pool") }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if r := bc.get(); r.Status != http.StatusOK {
					b.Fatalf("status %d", r.Status)
				}
			}
		})
	}
}
