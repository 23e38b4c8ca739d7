package live

import (
	"log/slog"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/match"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
	"github.com/factcheckdesk/factcheck/rating"
)

// A review saved after the index loaded but before the hub's goroutine got
// going (a busy machine, or a slow start) still reaches the index: the
// hub starts reading where the history was when the index began to load.
func TestMatchesKeepAReviewSavedBeforeTheHubRuns(t *testing.T) {
	store := modeltest.Open(t)
	ctx := t.Context()
	log := slog.New(slog.DiscardHandler)
	u, err := store.CreateUser(ctx, models.UserInput{Email: "rita@example.org", Name: "Rita", Role: models.Reviewer, Password: "correct horse battery"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := store.CreateArticle(ctx, models.ArticleInput{Title: "Trade", Force: true,
		Body: "In 2024, the US and Russia traded goods worth about $5.2bn, 25.8 percent less than in 2023.\n"})
	if err != nil {
		t.Fatal(err)
	}

	hub := NewHub(store, 20*time.Millisecond, log)
	idx := match.NewIndex()
	hub.KeepMatches(ctx, store, idx, log)
	for deadline := time.Now().Add(5 * time.Second); !idx.Ready(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the index never finished loading")
		}
	}
	in := models.ReviewInput{Verdict: rating.Verified, Version: 1,
		Sources: []models.SourceInput{{URL: "https://ustr.gov/countries-regions/russia", Title: "USTR: Russia"}}}
	in.SetUser(u)
	if _, err := store.Review(ctx, a.Statements[0].ID, in); err != nil {
		t.Fatal(err)
	}
	go hub.Run(ctx)
	for deadline := time.Now().Add(5 * time.Second); idx.Len() == 0; time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the review saved before the hub ran never reached the index")
		}
	}
}
