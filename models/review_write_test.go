package models_test

import (
	"errors"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// What happens between a review's read and its write: ReviewWith's build
// runs in between, so each case makes it happen there. An assignment does
// not move the version, so the save goes through and counts the statement
// as assigned; a review saved meanwhile does, so the save is a conflict
// and changes nothing.
func TestReviewBetweenReadAndWrite(t *testing.T) {
	counters := func(tm *team, articleID uint) (c struct{ ToReview, Reviewed, AssignedOpen, Pool, Revision int }) {
		tm.t.Helper()
		tm.store.DB().Raw("SELECT to_review, reviewed, assigned_open, pool, revision FROM article_stats WHERE article_id = ?", articleID).Scan(&c)
		return c
	}
	src := []models.SourceInput{{URL: "https://example.org/a", Title: "A"}}

	t.Run("assigned meanwhile", func(t *testing.T) {
		tm := newTeam(t)
		a := tm.article(3)
		st := a[0]
		before := counters(tm, st.ArticleID)
		saved, err := tm.store.ReviewWith(t.Context(), st.ID, func(*models.Statement) models.ReviewInput {
			tm.assign(models.AssignInput{StatementIDs: []uint{st.ID}, AssigneeID: tm.r1.ID})
			in := models.ReviewInput{Verdict: rating.InProgress, Version: st.Version, Sources: src}
			in.SetUser(tm.r2)
			return in
		})
		if err != nil {
			t.Fatal(err)
		}
		if saved.AssigneeID == nil || *saved.AssigneeID != tm.r1.ID || saved.Assignee == nil || saved.Assignee.ID != tm.r1.ID {
			t.Errorf("saved with assignee %v, want %d", saved.AssigneeID, tm.r1.ID)
		}
		after := counters(tm, st.ArticleID)
		// The assignment moved it from the pool to assigned work; the
		// review (still open) moved nothing more.
		if after.Pool != before.Pool-1 || after.AssignedOpen != before.AssignedOpen+1 || after.Reviewed != before.Reviewed || after.Revision != before.Revision+2 {
			t.Errorf("counters %+v after, %+v before", after, before)
		}
		tm.review(st.ID, tm.r1.ID) // final: out of assigned work
		if c := counters(tm, st.ArticleID); c.AssignedOpen != before.AssignedOpen || c.Reviewed != before.Reviewed+1 || c.Pool != before.Pool-1 {
			t.Errorf("counters %+v after the final review, %+v at first", c, before)
		}
	})

	t.Run("reviewed meanwhile", func(t *testing.T) {
		tm := newTeam(t)
		st := tm.article(2)[0]
		before := counters(tm, st.ArticleID)
		current, err := tm.store.ReviewWith(t.Context(), st.ID, func(*models.Statement) models.ReviewInput {
			tm.review(st.ID, tm.r1.ID)
			in := models.ReviewInput{Verdict: rating.Disputed, Note: "No.", Version: st.Version, Sources: src}
			in.SetUser(tm.r2)
			return in
		})
		var conflict *models.ConflictError
		if !errors.As(err, &conflict) {
			t.Fatalf("err = %v, want a conflict", err)
		}
		if current == nil || current.Verdict != rating.Verified || current.Version != st.Version+1 {
			t.Errorf("the conflict shows %+v, want the verified review", current)
		}
		stored, _ := tm.store.StatementByID(t.Context(), st.ID)
		if stored.Verdict != rating.Verified || len(stored.Sources) != 1 || stored.Sources[0].URL == src[0].URL {
			t.Errorf("stored %s with sources %+v: the lost save wrote", stored.Verdict, stored.Sources)
		}
		history, _ := tm.store.History(t.Context(), st.ID, 0, 10)
		if len(history) != 1 {
			t.Errorf("%d history entries, want the one review", len(history))
		}
		if c := counters(tm, st.ArticleID); c.Reviewed != before.Reviewed+1 || c.Revision != before.Revision+1 {
			t.Errorf("counters %+v, %+v before: the lost save counted", c, before)
		}
	})
}
