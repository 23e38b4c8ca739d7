package models_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/models"
)

// A deleted article leaves every list, page and queue at once, comes back
// whole when restored, and can no longer be restored after the window.
func TestDeleteArticleIsSoftAndRestorable(t *testing.T) {
	tm := newTeam(t)
	ctx := t.Context()
	gone := tm.article(3)
	kept := tm.article(2)
	id := gone[0].ArticleID
	if _, err := tm.store.Assign(ctx, models.AssignInput{StatementIDs: []uint{gone[0].ID, kept[0].ID}, AssigneeID: tm.r1.ID, ByUserID: tm.editor.ID}); err != nil {
		t.Fatal(err)
	}
	if _, err := tm.store.AddComment(ctx, gone[1].ID, tm.r1.ID, "Worth a look."); err != nil {
		t.Fatal(err)
	}

	if err := tm.store.DeleteArticle(ctx, id, tm.editor.ID); err != nil {
		t.Fatal(err)
	}
	if err := tm.store.DeleteArticle(ctx, id, tm.editor.ID); !errors.Is(err, models.ErrNotFound) {
		t.Errorf("deleting twice: err = %v, want not found", err)
	}

	visible := func(t *testing.T, want bool) {
		t.Helper()
		check := func(what string, got bool) {
			t.Helper()
			if got != want {
				t.Errorf("%s shows the article: %v, want %v", what, got, want)
			}
		}
		_, err := tm.store.ArticleByID(ctx, id)
		check("ArticleByID", err == nil)
		_, err = tm.store.StatementByID(ctx, gone[1].ID)
		check("StatementByID", err == nil)
		page, _ := tm.store.ArticleList(ctx, models.ArticleCursor{}, 50)
		check("ArticleList", len(page.Items) == 2)
		hits, _ := tm.store.SuggestArticles(ctx, fmt.Sprint(id), 5)
		check("SuggestArticles", len(hits) == 1)
		_, err = tm.store.ArticleRevision(ctx, id)
		check("ArticleRevision", err == nil)
		revs, _ := tm.store.ArticleRevisions(ctx, 10, 0)
		check("ArticleRevisions", len(revs) == 2)
		list, _ := tm.store.ArticlesByID(ctx, []uint{id})
		check("ArticlesByID", len(list) == 1)
		q, _ := tm.store.Queue(ctx, tm.r1.ID, tm.now, models.QueueCursor{}, 0)
		check("Queue", len(q.Items) == 2)
		n, _ := tm.store.QueueCount(ctx, tm.r1.ID)
		check("QueueCount", n == 2)
		pool, _ := tm.store.Pool(ctx, models.StatementCursor{}, 50)
		check("Pool", pool.Total == 3) // 2 left of the deleted, 1 of the other
		found, _ := tm.store.SearchStatements(ctx, models.StatementFilter{ArticleID: id}, models.StatementCursor{}, 1, 50)
		check("SearchStatements", found.Total == 3)
		notes, _ := tm.store.Notifications(ctx, tm.r1.ID, 10)
		check("Notifications", len(notes) == 2)
		team, _ := tm.store.TeamStats(ctx, tm.now, models.ArticleCursor{})
		check("Team", len(team.Articles) == 2)
	}
	t.Run("deleted", func(t *testing.T) { visible(t, false) })

	deleted, err := tm.store.DeletedArticles(ctx)
	if err != nil || len(deleted) != 1 || deleted[0].ID != id || deleted[0].DeletedByName != "editor" || deleted[0].Statements != 3 {
		t.Fatalf("DeletedArticles = %+v, %v; want the article deleted by editor", deleted, err)
	}
	if got := deleted[0].PurgeAt().Sub(deleted[0].DeletedAt); got != models.RestoreWindow {
		t.Errorf("purge %v after deletion, want %v", got, models.RestoreWindow)
	}
	// Work on a deleted article is refused like work on a missing one.
	if _, err := tm.store.Review(ctx, gone[1].ID, models.ReviewInput{Verdict: "in_progress", Version: 1}); !errors.Is(err, models.ErrNotFound) {
		t.Errorf("review of a deleted article's statement: err = %v, want not found", err)
	}
	if _, err := tm.store.Assign(ctx, models.AssignInput{ArticleID: id, AssigneeID: tm.r2.ID, ByUserID: tm.editor.ID}); !errors.Is(err, models.ErrNotFound) {
		t.Errorf("assigning a deleted article: err = %v, want not found", err)
	}

	if err := tm.store.RestoreArticle(ctx, id); err != nil {
		t.Fatal(err)
	}
	t.Run("restored", func(t *testing.T) { visible(t, true) })
	if err := tm.store.RestoreArticle(ctx, id); !errors.Is(err, models.ErrNotFound) {
		t.Errorf("restoring an article that is not deleted: err = %v, want not found", err)
	}
}

// Past the restore window an article cannot be restored, and the purge
// removes it with its statements, comments and history.
func TestPurgeDeleted(t *testing.T) {
	tm := newTeam(t)
	ctx := t.Context()
	old := tm.article(2)
	recent := tm.article(1)
	if _, err := tm.store.AddComment(ctx, old[0].ID, tm.r1.ID, "A comment."); err != nil {
		t.Fatal(err)
	}
	for _, id := range []uint{old[0].ArticleID, recent[0].ArticleID} {
		if err := tm.store.DeleteArticle(ctx, id, tm.editor.ID); err != nil {
			t.Fatal(err)
		}
	}
	// The first was deleted 31 days ago.
	if err := tm.store.DB().Model(&models.Article{}).Where("id = ?", old[0].ArticleID).
		Update("deleted_at", time.Now().UTC().Add(-models.RestoreWindow-24*time.Hour)).Error; err != nil {
		t.Fatal(err)
	}
	if err := tm.store.RestoreArticle(ctx, old[0].ArticleID); !errors.Is(err, models.ErrNotFound) {
		t.Errorf("restore after the window: err = %v, want not found", err)
	}
	if list, _ := tm.store.DeletedArticles(ctx); len(list) != 1 || list[0].ID != recent[0].ArticleID {
		t.Errorf("DeletedArticles = %+v; want only the recent one", list)
	}
	n, err := tm.store.PurgeDeleted(ctx)
	if err != nil || n != 1 {
		t.Fatalf("PurgeDeleted = %d, %v; want 1 article", n, err)
	}
	var left int64
	for _, q := range []struct{ table, where string }{
		{"articles", "id = ?"}, {"statements", "article_id = ?"}, {"statement_events", "article_id = ?"},
	} {
		if err := tm.store.DB().Table(q.table).Where(q.where, old[0].ArticleID).Count(&left).Error; err != nil || left != 0 {
			t.Errorf("%s of the purged article left: %d (%v)", q.table, left, err)
		}
	}
	if err := tm.store.DB().Table("comments").Where("statement_id = ?", old[0].ID).Count(&left).Error; err != nil || left != 0 {
		t.Errorf("comments of the purged article left: %d (%v)", left, err)
	}
	if err := tm.store.RestoreArticle(ctx, recent[0].ArticleID); err != nil {
		t.Errorf("the recent deletion was purged too: %v", err)
	}
}
