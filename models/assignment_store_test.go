package models_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
	"github.com/factcheckdesk/factcheck/rating"
)

// team is a desk with an editor and two reviewers.
type team struct {
	store          *models.Store
	editor, r1, r2 *models.User
	inactive       *models.User
	articleSeq     int
	t              *testing.T
	now            time.Time
}

func newTeam(t *testing.T) *team {
	t.Helper()
	tm := &team{t: t, store: modeltest.Open(t), now: time.Now().UTC()}
	tm.user("ada", models.Admin) // the desk keeps one active admin
	tm.editor = tm.user("editor", models.Editor)
	tm.r1 = tm.user("rita", models.Reviewer)
	tm.r2 = tm.user("rafael", models.Reviewer)
	tm.inactive = tm.user("ines", models.Reviewer)
	if _, err := tm.store.UpdateUser(t.Context(), tm.inactive.ID, models.UserChange{Active: new(false)}); err != nil {
		t.Fatal(err)
	}
	return tm
}

func (tm *team) user(name string, role models.Role) *models.User {
	tm.t.Helper()
	u, err := tm.store.CreateUser(tm.t.Context(), models.UserInput{Email: name + "@example.org", Name: name, Role: role, Password: "correct horse battery"})
	if err != nil {
		tm.t.Fatal(err)
	}
	return u
}

// article stores an article of n statements, all checkable except those at
// the positions (1-based) in notCheckable; the extractor's judgement is
// overridden so these tests do not depend on it.
func (tm *team) article(n int, notCheckable ...int) []models.Statement {
	tm.t.Helper()
	tm.articleSeq++
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Paragraph %d of article %d says the bridge cost $%d million in 2024.\n\n", i+1, tm.articleSeq, i+10)
	}
	a, err := tm.store.CreateArticle(tm.t.Context(), models.ArticleInput{Title: fmt.Sprintf("Article %d", tm.articleSeq), Body: b.String()})
	if err != nil {
		tm.t.Fatal(err)
	}
	if len(a.Statements) != n {
		tm.t.Fatalf("article has %d statements, want %d", len(a.Statements), n)
	}
	db := tm.store.DB()
	if err := db.Model(&models.Statement{}).Where("article_id = ?", a.ID).Update("checkable", true).Error; err != nil {
		tm.t.Fatal(err)
	}
	for _, pos := range notCheckable {
		if err := db.Model(&models.Statement{}).Where("article_id = ? AND position = ?", a.ID, pos).Update("checkable", false).Error; err != nil {
			tm.t.Fatal(err)
		}
	}
	// Changed behind the store's back: its counters are recounted.
	if err := tm.store.Recount(tm.t.Context()); err != nil {
		tm.t.Fatal(err)
	}
	got, err := tm.store.ArticleByID(tm.t.Context(), a.ID)
	if err != nil {
		tm.t.Fatal(err)
	}
	return got.Statements
}

func (tm *team) assign(in models.AssignInput) []uint {
	tm.t.Helper()
	if in.ByUserID == 0 {
		in.ByUserID = tm.editor.ID
	}
	ids, err := tm.store.Assign(tm.t.Context(), in)
	if err != nil {
		tm.t.Fatalf("assign %+v: %v", in, err)
	}
	return ids
}

func (tm *team) review(id uint, by uint) {
	tm.t.Helper()
	s, err := tm.store.StatementByID(tm.t.Context(), id)
	if err != nil {
		tm.t.Fatal(err)
	}
	if _, err := tm.store.Review(tm.t.Context(), id, models.ReviewInput{Verdict: rating.Verified, Version: s.Version, UserID: by,
		Sources: []models.SourceInput{{URL: "https://example.org/evidence"}}}); err != nil {
		tm.t.Fatal(err)
	}
}

func (tm *team) dismiss(id uint) {
	tm.t.Helper()
	s, err := tm.store.StatementByID(tm.t.Context(), id)
	if err != nil {
		tm.t.Fatal(err)
	}
	if _, err := tm.store.Dismiss(tm.t.Context(), id, s.Version, "split out by mistake", tm.editor.ID); err != nil {
		tm.t.Fatal(err)
	}
}

func (tm *team) queueIDs(u *models.User) []uint {
	tm.t.Helper()
	q, err := tm.store.Queue(tm.t.Context(), u.ID, tm.now, models.QueueCursor{}, models.QueueMaxPage)
	if err != nil {
		tm.t.Fatal(err)
	}
	return rowIDs(q.Items)
}

func rowIDs(rows []models.StatementRow) []uint {
	ids := []uint{}
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	return ids
}

func ids(stmts ...models.Statement) []uint {
	out := []uint{}
	for _, s := range stmts {
		out = append(out, s.ID)
	}
	return out
}

func TestAssignArticleTakesCheckableOpenStatementsOnly(t *testing.T) {
	tm := newTeam(t)
	st := tm.article(6, 4)        // statement 4 is not checkable
	tm.review(st[1].ID, tm.r2.ID) // statement 2 is already reviewed
	tm.dismiss(st[5].ID)          // statement 6 is out of review
	other := tm.article(2)        // another article: untouched
	due, _ := models.ParseDue("2025-11-03")

	got := tm.assign(models.AssignInput{ArticleID: st[0].ArticleID, AssigneeID: tm.r1.ID, DueAt: due, Priority: models.Urgent})
	if want := ids(st[0], st[2], st[4]); !slices.Equal(got, want) {
		t.Fatalf("assigned %v, want %v (checkable and open only)", got, want)
	}
	for _, s := range []models.Statement{st[1], st[3], st[5], other[0], other[1]} {
		if s, _ := tm.store.StatementByID(t.Context(), s.ID); s.AssigneeID != nil {
			t.Errorf("statement %d (checkable %v, verdict %s) was assigned", s.ID, s.Checkable, s.Verdict)
		}
	}
	s, _ := tm.store.StatementByID(t.Context(), st[0].ID)
	if s.AssigneeID == nil || *s.AssigneeID != tm.r1.ID || s.AssignedByID == nil || *s.AssignedByID != tm.editor.ID ||
		s.AssignedAt == nil || s.Priority != models.Urgent || s.DueAt == nil || !s.DueAt.Equal(*due) || s.Version != 1 {
		t.Errorf("stored assignment = assignee %v by %v at %v, priority %s, due %v, version %d",
			s.AssigneeID, s.AssignedByID, s.AssignedAt, s.Priority, s.DueAt, s.Version)
	}
	hist, _ := tm.store.AssignmentsOf(t.Context(), st[0].ID)
	if len(hist) != 1 || hist[0].Action != models.ActionAssign || *hist[0].AssigneeID != tm.r1.ID || hist[0].AssignedByID != tm.editor.ID || hist[0].Priority != models.Urgent {
		t.Errorf("history = %+v", hist)
	}
	notes, _ := tm.store.Notifications(t.Context(), tm.r1.ID, 10)
	if len(notes) != 1 {
		t.Fatalf("%d notifications, want 1", len(notes))
	}
	if n := notes[0]; n.Kind != models.NoticeAssigned || n.Count != 3 || *n.ArticleID != st[0].ArticleID || *n.StatementID != st[0].ID ||
		n.ActorName != "editor" || n.ArticleTitle != "Article 1" || n.Priority != models.Urgent || !n.DueAt.Equal(*due) {
		t.Errorf("notification = %+v", n)
	}
	if n, _ := tm.store.UnreadCount(t.Context(), tm.r1.ID); n != 1 {
		t.Errorf("unread = %d, want 1", n)
	}
}

func TestAssignChosenStatementsAcrossArticles(t *testing.T) {
	tm := newTeam(t)
	a, b := tm.article(3, 2), tm.article(2)
	tm.review(a[2].ID, tm.r1.ID)
	// A statement not flagged checkable may still be chosen; a reviewed
	// one is left alone.
	got := tm.assign(models.AssignInput{StatementIDs: ids(b[1], a[1], a[2], a[0]), AssigneeID: tm.r2.ID})
	if want := ids(a[0], a[1], b[1]); !slices.Equal(got, want) {
		t.Fatalf("assigned %v, want %v", got, want)
	}
	notes, _ := tm.store.Notifications(t.Context(), tm.r2.ID, 10)
	if len(notes) != 2 {
		t.Fatalf("%d notifications, want one per article", len(notes))
	}
	// Giving work to yourself needs no notification.
	tm.assign(models.AssignInput{StatementIDs: ids(b[0]), AssigneeID: tm.editor.ID})
	if n, _ := tm.store.UnreadCount(t.Context(), tm.editor.ID); n != 0 {
		t.Errorf("self-assignment notified: %d", n)
	}
}

func TestAssignRefusesBadInput(t *testing.T) {
	tm := newTeam(t)
	st := tm.article(3)
	tm.review(st[2].ID, tm.r1.ID)
	tests := []struct {
		name  string
		in    models.AssignInput
		field string // the validation error's field, or "" for ErrNotFound
	}{
		{"no assignee", models.AssignInput{StatementIDs: ids(st[0])}, "assignee"},
		{"unknown assignee", models.AssignInput{StatementIDs: ids(st[0]), AssigneeID: 9999}, "assignee"},
		{"inactive assignee", models.AssignInput{StatementIDs: ids(st[0]), AssigneeID: tm.inactive.ID}, "assignee"},
		{"unknown priority", models.AssignInput{StatementIDs: ids(st[0]), AssigneeID: tm.r1.ID, Priority: "asap"}, "priority"},
		{"nothing chosen", models.AssignInput{AssigneeID: tm.r1.ID}, "statements"},
		{"article and statements", models.AssignInput{ArticleID: st[0].ArticleID, StatementIDs: ids(st[0]), AssigneeID: tm.r1.ID}, "statements"},
		{"only reviewed statements", models.AssignInput{StatementIDs: ids(st[2]), AssigneeID: tm.r1.ID}, "statements"},
		{"unknown statement", models.AssignInput{StatementIDs: []uint{st[0].ID, 9999}, AssigneeID: tm.r1.ID}, ""},
		{"unknown article", models.AssignInput{ArticleID: 9999, AssigneeID: tm.r1.ID}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.in.ByUserID = tm.editor.ID
			_, err := tm.store.Assign(t.Context(), tt.in)
			var v *models.ValidationError
			switch {
			case tt.field == "" && !errors.Is(err, models.ErrNotFound):
				t.Fatalf("err = %v, want ErrNotFound", err)
			case tt.field != "" && (!errors.As(err, &v) || v.For(tt.field) == ""):
				t.Fatalf("err = %v, want a validation error on %s", err, tt.field)
			}
		})
	}
	for _, s := range st {
		if s, _ := tm.store.StatementByID(t.Context(), s.ID); s.AssigneeID != nil {
			t.Errorf("statement %d assigned by a refused request", s.ID)
		}
		if h, _ := tm.store.AssignmentsOf(t.Context(), s.ID); len(h) != 0 {
			t.Errorf("history of statement %d: %+v", s.ID, h)
		}
	}
	for _, u := range []*models.User{tm.r1, tm.inactive} {
		if n, _ := tm.store.UnreadCount(t.Context(), u.ID); n != 0 {
			t.Errorf("%s was notified of a refused assignment", u.Name)
		}
	}
}

func TestReassignAndUnassignRecordHistory(t *testing.T) {
	tm := newTeam(t)
	st := tm.article(2)
	s := st[0]
	tm.assign(models.AssignInput{StatementIDs: ids(s), AssigneeID: tm.r1.ID})
	tm.assign(models.AssignInput{StatementIDs: ids(s), AssigneeID: tm.r2.ID, Priority: models.Urgent})
	if q := tm.queueIDs(tm.r1); len(q) != 0 {
		t.Errorf("after reassigning, the first reviewer's queue = %v", q)
	}
	if q := tm.queueIDs(tm.r2); !slices.Equal(q, ids(s)) {
		t.Errorf("after reassigning, the second reviewer's queue = %v", q)
	}
	got, err := tm.store.Unassign(t.Context(), ids(st...), tm.editor.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, ids(s)) {
		t.Errorf("unassigned %v, want only the assigned %v", got, ids(s))
	}
	if q := tm.queueIDs(tm.r2); len(q) != 0 {
		t.Errorf("after unassigning, queue = %v", q)
	}
	after, _ := tm.store.StatementByID(t.Context(), s.ID)
	if after.AssigneeID != nil || after.AssignedByID != nil || after.AssignedAt != nil || after.DueAt != nil || after.Priority != models.Normal {
		t.Errorf("after unassigning: %+v", after)
	}
	hist, _ := tm.store.AssignmentsOf(t.Context(), s.ID)
	type entry struct {
		action   models.Action
		assignee uint
		priority models.Priority
	}
	var gotHist []entry
	for _, h := range hist {
		if h.AssignedByID != tm.editor.ID {
			t.Errorf("history entry by %d, want the editor", h.AssignedByID)
		}
		gotHist = append(gotHist, entry{h.Action, *h.AssigneeID, h.Priority})
	}
	wantHist := []entry{{models.ActionAssign, tm.r1.ID, models.Normal}, {models.ActionAssign, tm.r2.ID, models.Urgent}, {models.ActionUnassign, tm.r2.ID, models.Normal}}
	if !slices.Equal(gotHist, wantHist) {
		t.Errorf("history = %+v, want %+v", gotHist, wantHist)
	}
	// Each reviewer is told what they were given and that it was taken
	// back: rita when it went to rafael, rafael when the editor unassigned it.
	wantNotes := map[uint][]string{
		tm.r1.ID: {"reassigned 1 in “Article 1” by editor to rafael", "assigned 1 in “Article 1” by editor"},
		tm.r2.ID: {"unassigned 1 in “Article 1” by editor", "assigned 1 in “Article 1” by editor, urgent"},
	}
	for _, u := range []*models.User{tm.r1, tm.r2} {
		got := noticeFacts(t, tm.store, u.ID)
		if !slices.Equal(got, wantNotes[u.ID]) {
			t.Errorf("%s's notifications = %q, want %q", u.Name, got, wantNotes[u.ID])
		}
	}
	// Back in the pool, it can be taken.
	taken, err := tm.store.TakeNext(t.Context(), tm.r1.ID)
	if err != nil || taken.ID != s.ID {
		t.Fatalf("take next = %v, %v; want statement %d", taken, err, s.ID)
	}
	var v *models.ValidationError
	if _, err := tm.store.Unassign(t.Context(), ids(st[1]), tm.editor.ID); !errors.As(err, &v) {
		t.Errorf("unassigning an unassigned statement: %v, want a validation error", err)
	}
	if _, err := tm.store.Unassign(t.Context(), nil, tm.editor.ID); !errors.As(err, &v) {
		t.Errorf("unassigning nothing: %v, want a validation error", err)
	}
}

// Assignees are the active users who may review, by name, as stored but
// for the password hash, which the list of names never carries.
func TestAssigneesAreActiveReviewersByName(t *testing.T) {
	tm := newTeam(t)
	users, err := tm.store.Users(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, u := range users { // by active first, then name: the active ones are in order
		if u.Active && u.Role.Can(models.PermReview) {
			want = append(want, fmt.Sprintf("%d %s %s %s", u.ID, u.Email, u.Name, u.Role))
		}
	}
	got, err := tm.store.Assignees(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var have []string
	for _, u := range got {
		if !u.Active || u.PasswordHash != "" {
			t.Errorf("assignee %s: active %t, password hash %q", u.Name, u.Active, u.PasswordHash)
		}
		have = append(have, fmt.Sprintf("%d %s %s %s", u.ID, u.Email, u.Name, u.Role))
	}
	if len(want) != 4 || !slices.Equal(have, want) {
		t.Errorf("assignees\n%q\nwant (the four active users, by name)\n%q", have, want)
	}
}
