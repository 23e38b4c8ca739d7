package models_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
	"github.com/factcheckdesk/factcheck/rating"
)

const deskBody = "Moscow is about 800km (500 miles) from Kyiv. Tomahawks fly at supersonic speed at low altitudes and have a range of 2,500km.\n\nAdvertisement\n\nIt is really not clear."

func deskArticle(t *testing.T, store *models.Store) *models.Article {
	t.Helper()
	a, err := store.CreateArticle(t.Context(), models.ArticleInput{Title: "Desk", Body: deskBody})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// checkLayout asserts the invariants every edit keeps: statements in
// order, apart, positions 1..n, text equal to the article's slice.
func checkLayout(t *testing.T, store *models.Store, id uint) *models.Article {
	t.Helper()
	a, err := store.ArticleByID(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	end := 0
	for i, s := range a.Statements {
		if s.Position != i+1 || s.Start < end || a.Body[s.Start:s.End] != s.Text {
			t.Fatalf("statement %d breaks the layout: %+v", i, s)
		}
		for _, f := range s.Facets {
			if f.Start < s.Start || f.End > s.End || a.Body[f.Start:f.End] != f.Text {
				t.Fatalf("facet %+v outside statement %q", f, s.Text)
			}
		}
		end = s.End
	}
	return a
}

func TestSources(t *testing.T) {
	store := modeltest.Open(t)
	a := deskArticle(t, store)
	s := a.Statements[0]
	st, err := store.AddSource(t.Context(), s.ID, 1, models.SourceInput{URL: "https://a.example/1", Title: "One", AccessedAt: "2025-10-16"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	st, err = store.AddSource(t.Context(), s.ID, st.Version, models.SourceInput{URL: "https://b.example/2", Title: "Two", Publisher: "B", Quote: "about 800km"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Sources) != 2 || st.Sources[0].AccessedAt.Format("2006-01-02") != "2025-10-16" || st.Version != 3 {
		t.Fatalf("after adding: %+v", st)
	}
	// Stale version: nothing changes.
	if _, err := store.AddSource(t.Context(), s.ID, 1, models.SourceInput{URL: "https://c.example"}, 0); !errors.Is(err, models.ErrConflict) {
		t.Fatalf("stale add: %v", err)
	}
	st, err = store.ReorderSources(t.Context(), s.ID, st.Version, []uint{st.Sources[1].ID, st.Sources[0].ID}, 0)
	if err != nil || st.Sources[0].Title != "Two" {
		t.Fatalf("reorder: %v %+v", err, st.Sources)
	}
	if _, err := store.ReorderSources(t.Context(), s.ID, st.Version, []uint{st.Sources[0].ID}, 0); err == nil {
		t.Fatal("a partial order was accepted")
	}
	st, err = store.UpdateSource(t.Context(), s.ID, st.Sources[0].ID, st.Version, models.SourceInput{URL: "https://b.example/2", Title: "Two, edited"}, 0)
	if err != nil || st.Sources[0].Title != "Two, edited" {
		t.Fatalf("update: %v %+v", err, st.Sources)
	}
	if _, err := store.UpdateSource(t.Context(), s.ID, st.Sources[0].ID, st.Version, models.SourceInput{URL: "mailto:x@y"}, 0); err == nil {
		t.Fatal("a mailto source was accepted")
	}
	st, err = store.DeleteSource(t.Context(), s.ID, st.Sources[0].ID, st.Version, 0)
	if err != nil || len(st.Sources) != 1 || st.Sources[0].Position != 1 {
		t.Fatalf("delete: %v %+v", err, st.Sources)
	}
	all, _ := store.ArticleSources(t.Context(), a.ID)
	if len(all) != 1 {
		t.Errorf("article sources = %+v", all)
	}
	h, _ := store.History(t.Context(), s.ID, 0, 100)
	var actions []string
	for _, e := range h {
		actions = append(actions, string(e.Action))
	}
	if got := strings.Join(actions, ","); got != "source_add,source_add,source_reorder,source_edit,source_remove" {
		t.Errorf("history = %s", got)
	}
}

func TestHistoryOfReviews(t *testing.T) {
	store := modeltest.Open(t)
	a := deskArticle(t, store)
	s := a.Statements[0]
	_, err := store.Review(t.Context(), s.ID, models.ReviewInput{Verdict: rating.Corrected, Correction: "about 750km", Note: "maps",
		Sources: []models.SourceInput{{URL: "https://maps.example"}}, Version: 1})
	if err != nil {
		t.Fatal(err)
	}
	h, _ := store.History(t.Context(), s.ID, 0, 100)
	if len(h) != 1 || h[0].Action != models.ActionReview {
		t.Fatalf("history = %+v", h)
	}
	if got := strings.Join(h[0].Changed(), ","); got != "correction,note,sources,verdict" {
		t.Errorf("changed = %s", got)
	}
	if !strings.Contains(string(h[0].Before), `"verdict":"unreviewed"`) || !strings.Contains(string(h[0].After), `"correction":"about 750km"`) {
		t.Errorf("before %s after %s", h[0].Before, h[0].After)
	}
	act, _ := store.Activity(t.Context(), a.ID, 0, 10)
	if len(act) != 1 {
		t.Errorf("activity = %+v", act)
	}
}

func TestComments(t *testing.T) {
	store := modeltest.Open(t)
	a := deskArticle(t, store)
	s := a.Statements[0]
	for _, bad := range []string{"", "   ", strings.Repeat("x", models.MaxCommentBytes+1), "\xff"} {
		if _, err := store.AddComment(t.Context(), s.ID, 0, bad); err == nil {
			t.Errorf("comment %.10q accepted", bad)
		}
	}
	if _, err := store.AddComment(t.Context(), s.ID, 0, "See https://example.org <b>not bold</b>"); err != nil {
		t.Fatal(err)
	}
	list, _ := store.Comments(t.Context(), s.ID)
	if len(list) != 1 || list[0].Body != "See https://example.org <b>not bold</b>" {
		t.Fatalf("comments = %+v", list)
	}
	if _, err := store.AddComment(t.Context(), 9999, 0, "hi"); !errors.Is(err, models.ErrNotFound) {
		t.Errorf("comment on a missing statement: %v", err)
	}
}

func TestSplitMergeBounds(t *testing.T) {
	store := modeltest.Open(t)
	a := deskArticle(t, store)
	n := len(a.Statements)
	second := a.Statements[1] // "Tomahawks fly at supersonic speed ... 2,500km."
	cut := strings.Index(deskBody, " and have a range")

	first, part, err := store.Split(t.Context(), second.ID, 1, cut, 0)
	if err != nil {
		t.Fatal(err)
	}
	if first.Text != "Tomahawks fly at supersonic speed at low altitudes" || part.Text != "and have a range of 2,500km." || part.Verdict != rating.Unreviewed {
		t.Fatalf("split into %q and %q", first.Text, part.Text)
	}
	b := checkLayout(t, store, a.ID)
	if len(b.Statements) != n+1 {
		t.Fatalf("%d statements after split, want %d", len(b.Statements), n+1)
	}
	for _, bad := range []int{second.Start, second.Start + 1, cut + 1000} {
		if _, _, err := store.Split(t.Context(), first.ID, first.Version, bad, 0); err == nil {
			t.Errorf("split at %d accepted", bad)
		}
	}

	// Merge them back; the second part's comments come along.
	store.AddComment(t.Context(), part.ID, 0, "on the second part")
	if _, err := store.Merge(t.Context(), first.ID, first.Version, part.Version+1, 0); !errors.Is(err, models.ErrConflict) {
		t.Fatalf("merge with a stale next version: %v", err)
	}
	merged, err := store.Merge(t.Context(), first.ID, first.Version, part.Version, 0)
	if err != nil {
		t.Fatal(err)
	}
	if merged.Text != second.Text {
		t.Fatalf("merged text %q, want %q", merged.Text, second.Text)
	}
	if c, _ := store.Comments(t.Context(), merged.ID); len(c) != 1 {
		t.Errorf("comments after merge: %+v", c)
	}
	checkLayout(t, store, a.ID)

	// Bounds: grow the first statement over the second is refused; shrink is fine.
	s0 := a.Statements[0]
	if _, err := store.EditBounds(t.Context(), s0.ID, 1, s0.Start, merged.End, 0); err == nil {
		t.Fatal("bounds overlapping the next statement accepted")
	}
	shrunk, err := store.EditBounds(t.Context(), s0.ID, 1, s0.Start, s0.Start+len("Moscow is about 800km (500 miles)")+1, 0)
	if err != nil || shrunk.Text != "Moscow is about 800km (500 miles)" {
		t.Fatalf("shrink: %v %q (whitespace should be trimmed)", err, shrunk.Text)
	}
	checkLayout(t, store, a.ID)
}

func TestDismissRestoreCreate(t *testing.T) {
	store := modeltest.Open(t)
	a := deskArticle(t, store)
	s := a.Statements[0]
	p0, _ := store.ArticleProgress(t.Context(), a.ID)
	if _, err := store.Dismiss(t.Context(), s.ID, 1, " ", 0); err == nil {
		t.Fatal("dismiss without a reason accepted")
	}
	d, err := store.Dismiss(t.Context(), s.ID, 1, "Not a claim: a caption", 0)
	if err != nil || !d.Dismissed {
		t.Fatalf("dismiss: %v %+v", err, d)
	}
	p1, _ := store.ArticleProgress(t.Context(), a.ID)
	if s.Checkable && p1.Total != p0.Total-1 {
		t.Errorf("progress total %d after dismissing, was %d", p1.Total, p0.Total)
	}
	r, err := store.Restore(t.Context(), s.ID, d.Version, 0)
	if err != nil || r.Dismissed {
		t.Fatalf("restore: %v %+v", err, r)
	}

	// "Advertisement" is furniture, not a statement: an editor can add it.
	start := strings.Index(deskBody, "Advertisement")
	created, err := store.CreateStatement(t.Context(), a.ID, start-2, start+len("Advertisement")+1, 0)
	if err != nil || created.Text != "Advertisement" {
		t.Fatalf("create: %v %+v", err, created)
	}
	checkLayout(t, store, a.ID)
	if _, err := store.CreateStatement(t.Context(), a.ID, 0, 10, 0); err == nil {
		t.Fatal("a statement overlapping another was created")
	}
	if _, err := store.CreateStatement(t.Context(), a.ID, strings.Index(deskBody, "800km")+1, strings.Index(deskBody, "800km")+2, 0); err == nil {
		t.Fatal("a statement inside another was created")
	}
	euro := "€"
	if _, err := store.CreateStatement(t.Context(), a.ID, len(deskBody)-1, len(deskBody)+len(euro), 0); err == nil {
		t.Fatal("a range past the end was accepted")
	}
}

// Assignment changes are in the statement's history too, so its timeline
// and the live pages see them.
func TestAssignmentsInHistory(t *testing.T) {
	store := modeltest.Open(t)
	a := deskArticle(t, store)
	u, err := store.CreateUser(t.Context(), models.UserInput{Email: "r@example.org", Name: "R", Role: models.Reviewer, Password: "a long password"})
	if err != nil {
		t.Fatal(err)
	}
	s := a.Statements[0]
	if _, err := store.Assign(t.Context(), models.AssignInput{StatementIDs: []uint{s.ID}, AssigneeID: u.ID, Priority: models.Urgent}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Unassign(t.Context(), []uint{s.ID}, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := store.TakeNext(t.Context(), u.ID); err != nil {
		t.Fatal(err)
	}
	var actions []string
	h, _ := store.History(t.Context(), s.ID, 0, 100)
	for _, e := range h {
		actions = append(actions, string(e.Action))
	}
	if got := strings.Join(actions, ","); got != "assign,unassign,take" {
		t.Errorf("history = %s", got)
	}
}
