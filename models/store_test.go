package models_test

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
	"github.com/factcheckdesk/factcheck/rating"
)

const sample = "In 2024, the US and Russia traded goods worth about $5.2bn.\r\nIt is really not clear.\r\n"

func TestCreateArticle(t *testing.T) {
	store := modeltest.Open(t)
	a, err := store.CreateArticle(t.Context(), models.ArticleInput{Title: "  Trade  ", Body: sample, PublishedAt: "2025-10-17"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Trade" || strings.Contains(a.Body, "\r") {
		t.Errorf("title %q / body not normalised: %q", a.Title, a.Body)
	}
	if a.PublishedAt == nil || a.PublishedAt.Format("2006-01-02") != "2025-10-17" {
		t.Errorf("published_at = %v", a.PublishedAt)
	}
	got, err := store.ArticleByID(t.Context(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Statements) == 0 {
		t.Fatal("no statements stored")
	}
	for i, s := range got.Statements {
		if s.Position != i+1 || got.Body[s.Start:s.End] != s.Text || s.Version != 1 || s.Verdict != rating.Unreviewed {
			t.Errorf("statement %d: %+v", i, s)
		}
	}
}

func TestCreateArticleRejectsBadInput(t *testing.T) {
	tests := []struct {
		name  string
		in    models.ArticleInput
		field string
	}{
		{"empty title", models.ArticleInput{Title: " ", Body: "Text."}, "title"},
		{"empty body", models.ArticleInput{Title: "T", Body: " \n "}, "body"},
		{"body over 2 MB", models.ArticleInput{Title: "T", Body: strings.Repeat("a", models.MaxBodyBytes+1)}, "body"},
		{"invalid UTF-8", models.ArticleInput{Title: "T", Body: "caf\xe9 au lait."}, "body"},
		{"NUL bytes", models.ArticleInput{Title: "T", Body: "a\x00b"}, "body"},
		{"ftp URL", models.ArticleInput{Title: "T", Body: "Text.", URL: "ftp://x.org/a"}, "url"},
		{"bad date", models.ArticleInput{Title: "T", Body: "Text.", PublishedAt: "17/10/2025"}, "published_at"},
	}
	store := modeltest.Open(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := store.CreateArticle(t.Context(), tt.in)
			var v *models.ValidationError
			if !errors.As(err, &v) || v.For(tt.field) == "" {
				t.Fatalf("err = %v, want a validation error on %s", err, tt.field)
			}
		})
	}
	list, err := store.ArticleList(t.Context(), models.ArticleCursor{}, 50)
	if err != nil || len(list.Items) != 0 {
		t.Fatalf("bad input stored something: %v %v", list, err)
	}
}

func newStatement(t *testing.T, store *models.Store) *models.Statement {
	t.Helper()
	a, err := store.CreateArticle(t.Context(), models.ArticleInput{Title: "T", Body: sample})
	if err != nil {
		t.Fatal(err)
	}
	return &a.Statements[0]
}

func TestReview(t *testing.T) {
	store := modeltest.Open(t)
	s := newStatement(t, store)
	saved, err := store.Review(t.Context(), s.ID, models.ReviewInput{
		Verdict: rating.Corrected, Correction: "about $5.3bn", Note: "USTR data",
		Sources: []models.SourceInput{{URL: "https://ustr.gov/countries-regions/russia", Title: "Russia | USTR"}},
		Version: 1,
	})
	if err != nil {
		t.Fatal(err)
	}
	if saved.Version != 2 || saved.Verdict != rating.Corrected || saved.ReviewedAt == nil || len(saved.Sources) != 1 || saved.Sources[0].Title != "Russia | USTR" {
		t.Fatalf("saved = %+v", saved)
	}
	p, err := store.ArticleProgress(t.Context(), s.ArticleID)
	if err != nil || p.Reviewed != 1 {
		t.Fatalf("progress = %+v, %v", p, err)
	}
	// Back to unreviewed: the correction and review time go too.
	saved, err = store.Review(t.Context(), s.ID, models.ReviewInput{Verdict: rating.Unreviewed, Correction: "stale", Version: 2})
	if err != nil {
		t.Fatal(err)
	}
	if saved.Correction != "" || saved.ReviewedAt != nil || len(saved.Sources) != 0 {
		t.Fatalf("after unreviewing: %+v", saved)
	}
}

func TestReviewRejectsBadInput(t *testing.T) {
	tests := []struct {
		name  string
		in    models.ReviewInput
		field string
	}{
		{"unknown verdict", models.ReviewInput{Verdict: "true-ish", Version: 1}, "verdict"},
		{"corrected without correction", models.ReviewInput{Verdict: rating.Corrected, Correction: "  ", Version: 1}, "correction"},
		{"javascript source", models.ReviewInput{Verdict: rating.Verified, Version: 1, Sources: []models.SourceInput{{URL: "javascript:alert(1)"}}}, "sources"},
		{"source without host", models.ReviewInput{Verdict: rating.Verified, Version: 1, Sources: []models.SourceInput{{URL: "https://"}}}, "sources"},
		{"no version", models.ReviewInput{Verdict: rating.InProgress}, "version"},
		{"disputed without note", models.ReviewInput{Verdict: rating.Disputed, Version: 1, Sources: []models.SourceInput{{URL: "https://example.org"}}}, "note"},
		{"verified without source", models.ReviewInput{Verdict: rating.Verified, Version: 1}, "sources"},
		{"disputed without source", models.ReviewInput{Verdict: rating.Disputed, Note: "n", Version: 1}, "sources"},
		{"corrected without source", models.ReviewInput{Verdict: rating.Corrected, Correction: "c", Version: 1}, "sources"},
		{"bad accessed date", models.ReviewInput{Verdict: rating.Verified, Version: 1, Sources: []models.SourceInput{{URL: "https://example.org", AccessedAt: "yesterday"}}}, "sources"},
	}
	store := modeltest.Open(t)
	s := newStatement(t, store)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := store.Review(t.Context(), s.ID, tt.in)
			var v *models.ValidationError
			if !errors.As(err, &v) || v.For(tt.field) == "" {
				t.Fatalf("err = %v, want a validation error on %s", err, tt.field)
			}
		})
	}
	got, _ := store.StatementByID(t.Context(), s.ID)
	if got.Version != 1 || got.Verdict != rating.Unreviewed {
		t.Fatalf("bad input changed the statement: %+v", got)
	}
}

// Two reviewers save edits based on the same version at the same moment:
// exactly one wins, the other gets a conflict showing the winner's state.
func TestReviewConcurrentConflict(t *testing.T) {
	store := modeltest.Open(t)
	s := newStatement(t, store)
	const n = 8
	var (
		wg        sync.WaitGroup
		mu        sync.Mutex
		ok        int
		conflicts []*models.ConflictError
	)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := store.Review(t.Context(), s.ID, models.ReviewInput{Verdict: rating.Disputed, Note: strings.Repeat("x", i+1), Version: 1,
				Sources: []models.SourceInput{{URL: "https://example.org/" + strings.Repeat("x", i+1)}}})
			mu.Lock()
			defer mu.Unlock()
			var c *models.ConflictError
			switch {
			case err == nil:
				ok++
			case errors.As(err, &c):
				conflicts = append(conflicts, c)
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}()
	}
	wg.Wait()
	if ok != 1 || len(conflicts) != n-1 {
		t.Fatalf("%d saves succeeded and %d conflicted, want 1 and %d", ok, len(conflicts), n-1)
	}
	for _, c := range conflicts {
		if !errors.Is(c, models.ErrConflict) || c.Current.Version != 2 {
			t.Errorf("conflict = %v (current version %d)", c, c.Current.Version)
		}
	}
}

func TestNotFound(t *testing.T) {
	store := modeltest.Open(t)
	if _, err := store.ArticleByID(t.Context(), 99); !errors.Is(err, models.ErrNotFound) {
		t.Errorf("article: %v", err)
	}
	if _, err := store.Review(t.Context(), 99, models.ReviewInput{Verdict: rating.InProgress, Version: 1}); !errors.Is(err, models.ErrNotFound) {
		t.Errorf("review: %v", err)
	}
}
