package models_test

import (
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
)

// On PostgreSQL an entry's id is taken when it is written, but it is seen
// when its transaction commits: a transaction that commits late holds a
// smaller id than entries already read. The feed's cursor must not pass
// it by.
func TestEventsAfterNeverSkipsALateCommit(t *testing.T) {
	store := modeltest.Open(t)
	if store.DB().Dialector.Name() != "postgres" {
		t.Skip("SQLite has one writer: entries commit in the order of their ids")
	}
	st := newStatement(t, store)
	ctx := t.Context()
	cursor, err := store.LatestEvents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	late := store.DB().Begin()
	defer late.Rollback()
	if err := late.Exec(`INSERT INTO statement_events (article_id, statement_id, action, before, after, created_at)
VALUES (?, ?, 'comment', '', '', ?)`, st.ArticleID, st.ID, time.Now()).Error; err != nil {
		t.Fatal(err)
	}
	var lateID uint
	late.Raw("SELECT MAX(id) FROM statement_events").Scan(&lateID)
	if _, err := store.AddComment(ctx, st.ID, 0, "committed first"); err != nil {
		t.Fatal(err)
	}
	seen, cursor, err := store.EventsAfter(ctx, cursor, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 1 || seen[0].ID == lateID {
		t.Fatalf("while the older transaction is open, read %+v, want the committed comment alone", seen)
	}
	if err := late.Commit().Error; err != nil {
		t.Fatal(err)
	}
	seen, cursor, err = store.EventsAfter(ctx, cursor, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 1 || seen[0].ID != lateID {
		t.Fatalf("after the late commit read %+v, want entry %d (once)", seen, lateID)
	}
	if again, _, err := store.EventsAfter(ctx, cursor, 100); err != nil || len(again) != 0 {
		t.Fatalf("read again %+v, %v; want nothing: no entry twice", again, err)
	}
}

// Every change keeps the article's counters equal to a count of its
// statements, in the same transaction.
func TestCountersFollowEveryChange(t *testing.T) {
	tm := newTeam(t)
	a := tm.article(6, 5)
	ctx := t.Context()
	check := func(step string) {
		t.Helper()
		var got, want struct{ Statements, ToReview, Reviewed, AssignedOpen, Pool int }
		db := tm.store.DB()
		db.Raw("SELECT statements, to_review, reviewed, assigned_open, pool FROM article_stats WHERE article_id = ?", a[0].ArticleID).Scan(&got)
		db.Raw(`SELECT COUNT(*) AS statements,
  SUM(CASE WHEN NOT dismissed AND (checkable OR verdict IN ('verified','disputed','corrected','not_checkable')) THEN 1 ELSE 0 END) AS to_review,
  SUM(CASE WHEN NOT dismissed AND verdict IN ('verified','disputed','corrected','not_checkable') THEN 1 ELSE 0 END) AS reviewed,
  SUM(CASE WHEN NOT dismissed AND assignee_id IS NOT NULL AND verdict IN ('unreviewed','in_progress') THEN 1 ELSE 0 END) AS assigned_open,
  SUM(CASE WHEN NOT dismissed AND checkable AND assignee_id IS NULL AND verdict IN ('unreviewed','in_progress') THEN 1 ELSE 0 END) AS pool
FROM statements WHERE article_id = ?`, a[0].ArticleID).Scan(&want)
		if got != want {
			t.Fatalf("after %s: counters %+v, statements say %+v", step, got, want)
		}
	}
	check("creating the article")
	tm.assign(models.AssignInput{StatementIDs: ids(a[0], a[1]), AssigneeID: tm.r1.ID})
	check("assigning")
	tm.review(a[0].ID, tm.r1.ID)
	check("reviewing an assigned statement")
	tm.review(a[5].ID, tm.r1.ID)
	check("reviewing a statement that was not checkable")
	if _, err := tm.store.TakeNext(ctx, tm.r2.ID); err != nil {
		t.Fatal(err)
	}
	check("taking from the pool")
	if _, err := tm.store.Unassign(ctx, ids(a[1]), tm.editor.ID); err != nil {
		t.Fatal(err)
	}
	check("unassigning")
	tm.dismiss(a[3].ID)
	check("dismissing")
	st, _ := tm.store.StatementByID(ctx, a[4].ID)
	if _, err := tm.store.Merge(ctx, st.ID, st.Version, a[5].Version+1, tm.editor.ID); err != nil {
		t.Fatal(err)
	}
	check("merging")
	if _, err := tm.store.AddComment(ctx, a[2].ID, tm.r1.ID, "looks right"); err != nil {
		t.Fatal(err)
	}
	check("commenting")
	rev1, _ := tm.store.ArticleRevision(ctx, a[0].ArticleID)
	if _, err := tm.store.AddComment(ctx, a[2].ID, tm.r1.ID, "still right"); err != nil {
		t.Fatal(err)
	}
	if rev2, _ := tm.store.ArticleRevision(ctx, a[0].ArticleID); rev2 <= rev1 {
		t.Errorf("a comment left the article's revision at %d", rev2)
	}
}
