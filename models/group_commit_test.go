package models_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// Writes that arrive together are committed together on SQLite: each
// stands or falls on its own. Here reviews of 30 statements race with 10
// stale ones: the 30 are all stored, each once, and the stale ones change
// nothing.
func TestConcurrentWritesStandAlone(t *testing.T) {
	tm := newTeam(t)
	stmts := tm.article(30)
	var wg sync.WaitGroup
	errs := make([]error, 40)
	for i := range 40 {
		wg.Go(func() {
			st := stmts[i%30]
			version := 1
			if i >= 30 {
				version = 7 // stale: a conflict
			}
			_, errs[i] = tm.store.Review(t.Context(), st.ID, models.ReviewInput{Verdict: rating.Verified, Version: version,
				UserID: tm.r1.ID, Sources: []models.SourceInput{{URL: "https://example.org/evidence"}}})
		})
	}
	wg.Wait()
	for i, err := range errs {
		switch {
		case i < 30 && err != nil:
			t.Errorf("review %d: %v", i, err)
		case i >= 30 && !errors.Is(err, models.ErrConflict):
			t.Errorf("stale review %d: err = %v, want a conflict", i, err)
		}
	}
	for _, st := range stmts {
		got, err := tm.store.StatementByID(t.Context(), st.ID)
		if err != nil {
			t.Fatal(err)
		}
		h, _ := tm.store.History(t.Context(), st.ID, 0, 10)
		if got.Verdict != rating.Verified || got.Version != 2 || len(got.Sources) != 1 || len(h) != 1 {
			t.Errorf("statement %d: %s, version %d, %d sources, %d history entries; want verified, 2, 1, 1",
				st.ID, got.Verdict, got.Version, len(got.Sources), len(h))
		}
	}
	p, _ := tm.store.ArticleProgress(t.Context(), stmts[0].ArticleID)
	if p.Reviewed != 30 {
		t.Errorf("progress %+v, want 30 reviewed", p)
	}
}
