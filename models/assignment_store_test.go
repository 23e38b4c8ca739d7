package models_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
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
	q, err := tm.store.Queue(tm.t.Context(), u.ID, tm.now)
	if err != nil {
		tm.t.Fatal(err)
	}
	return rowIDs(q)
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

// The queue rules: urgent or overdue first, then by due date with no due
// date last, then in the order assigned; reviewed statements drop out.
func TestQueueOrder(t *testing.T) {
	tm := newTeam(t)
	st := tm.article(7)
	day := func(n int) *time.Time { d := tm.now.Add(time.Duration(n) * 24 * time.Hour); return &d }
	noDue, in3Days, urgent, overdue, tomorrow, done, urgentIn2Days := st[0], st[1], st[2], st[3], st[4], st[5], st[6]
	for _, a := range []struct {
		s        models.Statement
		due      *time.Time
		priority models.Priority
	}{
		{noDue, nil, models.Normal},
		{in3Days, day(3), models.Normal},
		{urgent, nil, models.Urgent},
		{overdue, day(-1), models.Normal},
		{tomorrow, day(1), models.Normal},
		{done, day(-2), models.Urgent},
		{urgentIn2Days, day(2), models.Urgent},
	} {
		tm.assign(models.AssignInput{StatementIDs: ids(a.s), AssigneeID: tm.r1.ID, DueAt: a.due, Priority: a.priority})
	}
	tm.review(done.ID, tm.r1.ID)
	tm.assign(models.AssignInput{StatementIDs: ids(tm.article(1)...), AssigneeID: tm.r2.ID}) // someone else's

	want := ids(overdue, urgentIn2Days, urgent, tomorrow, in3Days, noDue)
	if got := tm.queueIDs(tm.r1); !slices.Equal(got, want) {
		t.Fatalf("queue = %v, want %v", got, want)
	}
	if n, _ := tm.store.QueueCount(t.Context(), tm.r1.ID); n != int64(len(want)) {
		t.Errorf("queue count = %d, want %d", n, len(want))
	}

	// Once reviewed, a statement leaves the queue; marking it in progress
	// keeps it there.
	tm.review(overdue.ID, tm.r1.ID)
	s, _ := tm.store.StatementByID(t.Context(), tomorrow.ID)
	if _, err := tm.store.Review(t.Context(), s.ID, models.ReviewInput{Verdict: rating.InProgress, Version: s.Version, UserID: tm.r1.ID}); err != nil {
		t.Fatal(err)
	}
	want = ids(urgentIn2Days, urgent, tomorrow, in3Days, noDue)
	if got := tm.queueIDs(tm.r1); !slices.Equal(got, want) {
		t.Fatalf("queue after reviewing the overdue one = %v, want %v", got, want)
	}
	// A statement dismissed (split out by mistake) leaves the queue too.
	extra := tm.article(1)[0]
	tm.assign(models.AssignInput{StatementIDs: ids(extra), AssigneeID: tm.r1.ID, Priority: models.Urgent})
	tm.dismiss(extra.ID)
	if got := tm.queueIDs(tm.r1); !slices.Equal(got, want) {
		t.Fatalf("queue with a dismissed statement = %v, want %v", got, want)
	}
	// Seen from three days later, the statements due tomorrow and in two
	// days are overdue too.
	later, err := tm.store.Queue(t.Context(), tm.r1.ID, tm.now.Add(72*time.Hour+time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rowIDs(later), ids(tomorrow, urgentIn2Days, in3Days, urgent, noDue); !slices.Equal(got, want) {
		t.Fatalf("queue three days later = %v, want %v", got, want)
	}
	if later[0].ArticleTitle != "Article 1" || !later[0].Overdue(rating.Builtin(), tm.now.Add(72*time.Hour)) {
		t.Errorf("first row = %+v", later[0])
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

// The pool is checkable, open, unassigned statements, oldest article
// first, then in document order; TakeNext hands it out in that order.
func TestTakeNextOrderAndPool(t *testing.T) {
	tm := newTeam(t)
	older := tm.article(4, 2) // 2 is not checkable
	newer := tm.article(3)
	tm.dismiss(newer[2].ID)
	tm.review(older[2].ID, tm.r2.ID)                                                 // 3 is reviewed
	tm.assign(models.AssignInput{StatementIDs: ids(older[0]), AssigneeID: tm.r2.ID}) // 1 is assigned

	page, err := tm.store.Pool(t.Context(), 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if want := ids(older[3], newer[0]); page.Total != 3 || page.Pages() != 2 || !slices.Equal(rowIDs(page.Items), want) {
		t.Fatalf("pool page 1 = %v of %d (%d pages), want %v of 3", rowIDs(page.Items), page.Total, page.Pages(), want)
	}
	if page.Items[0].ArticleTitle != "Article 1" {
		t.Errorf("pool row title = %q", page.Items[0].ArticleTitle)
	}
	for _, want := range ids(older[3], newer[0], newer[1]) {
		s, err := tm.store.TakeNext(t.Context(), tm.r1.ID)
		if err != nil {
			t.Fatal(err)
		}
		if s.ID != want || s.AssigneeID == nil || *s.AssigneeID != tm.r1.ID || s.AssignedByID == nil || *s.AssignedByID != tm.r1.ID {
			t.Fatalf("took statement %d (assignee %v), want %d for reviewer %d", s.ID, s.AssigneeID, want, tm.r1.ID)
		}
		hist, _ := tm.store.AssignmentsOf(t.Context(), s.ID)
		if len(hist) != 1 || hist[0].Action != models.ActionTake || *hist[0].AssigneeID != tm.r1.ID || hist[0].AssignedByID != tm.r1.ID {
			t.Errorf("history of the take: %+v", hist)
		}
	}
	if _, err := tm.store.TakeNext(t.Context(), tm.r1.ID); !errors.Is(err, models.ErrPoolEmpty) {
		t.Fatalf("taking from an empty pool: %v, want ErrPoolEmpty", err)
	}
	if q := tm.queueIDs(tm.r1); !slices.Equal(q, ids(older[3], newer[0], newer[1])) {
		t.Errorf("queue after taking = %v", q)
	}
	if n, _ := tm.store.UnreadCount(t.Context(), tm.r1.ID); n != 0 {
		t.Errorf("taking work notified the taker: %d", n)
	}
}

// N reviewers press "Take next" at the same moment with M statements in
// the pool: min(N, M) of them get one each, all different, and the rest
// are told the pool is empty.
func TestTakeNextConcurrent(t *testing.T) {
	for _, tt := range []struct{ reviewers, pool int }{{8, 3}, {8, 8}, {8, 20}} {
		t.Run(fmt.Sprintf("%d reviewers, %d statements", tt.reviewers, tt.pool), func(t *testing.T) {
			tm := newTeam(t)
			tm.article(tt.pool)
			users := make([]*models.User, tt.reviewers)
			for i := range users {
				users[i] = tm.user(fmt.Sprintf("r%d", i), models.Reviewer)
			}
			var (
				start = make(chan struct{})
				wg    sync.WaitGroup
				mu    sync.Mutex
				owner = map[uint]uint{} // statement → who took it
				empty int
			)
			for _, u := range users {
				wg.Go(func() {
					<-start
					s, err := tm.store.TakeNext(t.Context(), u.ID)
					mu.Lock()
					defer mu.Unlock()
					switch {
					case errors.Is(err, models.ErrPoolEmpty):
						empty++
					case err != nil:
						t.Errorf("%s: %v", u.Name, err)
					default:
						if prev, dup := owner[s.ID]; dup {
							t.Errorf("statement %d taken by both user %d and user %d", s.ID, prev, u.ID)
						}
						owner[s.ID] = u.ID
					}
				})
			}
			close(start)
			wg.Wait()
			want := min(tt.reviewers, tt.pool)
			if len(owner) != want || empty != tt.reviewers-want {
				t.Fatalf("%d distinct statements taken and %d told the pool is empty, want %d and %d", len(owner), empty, want, tt.reviewers-want)
			}
			for sid, uid := range owner {
				s, _ := tm.store.StatementByID(t.Context(), sid)
				if s.AssigneeID == nil || *s.AssigneeID != uid {
					t.Errorf("statement %d stored with assignee %v, but user %d was told they took it", sid, s.AssigneeID, uid)
				}
				if h, _ := tm.store.AssignmentsOf(t.Context(), sid); len(h) != 1 {
					t.Errorf("statement %d has %d history entries, want one take", sid, len(h))
				}
			}
			page, _ := tm.store.Pool(t.Context(), 1, 100)
			if page.Total != int64(tt.pool-want) {
				t.Errorf("%d left in the pool, want %d", page.Total, tt.pool-want)
			}
		})
	}
}

func TestSearchStatements(t *testing.T) {
	tm := newTeam(t)
	a := tm.article(4, 4)
	b := tm.article(3)
	now := tm.now
	tomorrowEarly := models.StartOfDay(now).Add(24*time.Hour + time.Hour)
	laterToday := now.Add(time.Minute)
	if laterToday.After(models.StartOfDay(now).Add(24 * time.Hour)) {
		t.Skip("too close to midnight UTC for a 'due today' case")
	}
	yesterday := now.Add(-24 * time.Hour)
	db := tm.store.DB()
	// Text with LIKE wildcards and another case.
	db.Model(&models.Statement{}).Where("id = ?", b[0].ID).Updates(map[string]any{"text": "Growth was 100% in Q_3, said the MINISTER.", "type": "attribution"})
	db.Model(&models.Statement{}).Where("id = ?", b[1].ID).Updates(map[string]any{"text": "Growth was 100 percent in Q13.", "type": "quantity"})
	db.Model(&models.Statement{}).Where("id = ?", b[2].ID).Update("type", "event")
	tm.assign(models.AssignInput{StatementIDs: ids(a[0]), AssigneeID: tm.r1.ID, DueAt: &yesterday})
	tm.assign(models.AssignInput{StatementIDs: ids(a[1]), AssigneeID: tm.r1.ID, DueAt: &laterToday})
	tm.assign(models.AssignInput{StatementIDs: ids(a[2]), AssigneeID: tm.r2.ID, DueAt: &tomorrowEarly})
	tm.assign(models.AssignInput{StatementIDs: ids(b[2]), AssigneeID: tm.r2.ID, DueAt: &yesterday})
	tm.review(b[2].ID, tm.r2.ID) // reviewed: no longer overdue
	weekStart := models.WeekStart(now)

	yes, no := true, false
	tests := []struct {
		name string
		f    models.StatementFilter
		want []models.Statement
	}{
		{"everything, newest article first", models.StatementFilter{}, []models.Statement{b[0], b[1], b[2], a[0], a[1], a[2], a[3]}},
		{"text, any case", models.StatementFilter{Text: "minister"}, []models.Statement{b[0]}},
		{"percent sign is literal", models.StatementFilter{Text: "100%"}, []models.Statement{b[0]}},
		{"underscore is literal", models.StatementFilter{Text: "q_3"}, []models.Statement{b[0]}},
		{"article", models.StatementFilter{ArticleID: a[0].ArticleID}, a},
		{"verdict", models.StatementFilter{Verdict: rating.Verified}, []models.Statement{b[2]}},
		{"open", models.StatementFilter{Status: models.StatusOpen, ArticleID: b[0].ArticleID}, b[:2]},
		{"done", models.StatementFilter{Status: models.StatusDone}, []models.Statement{b[2]}},
		{"assignee", models.StatementFilter{AssigneeID: tm.r1.ID}, a[:2]},
		{"unassigned", models.StatementFilter{Unassigned: true}, []models.Statement{b[0], b[1], a[3]}},
		{"overdue", models.StatementFilter{Due: models.DueOverdue, Now: now}, []models.Statement{a[0]}},
		{"due today", models.StatementFilter{Due: models.DueToday, Now: now}, []models.Statement{a[1]}},
		{"no due date", models.StatementFilter{Due: models.DueNone, Now: now}, []models.Statement{b[0], b[1], a[3]}},
		{"checkable", models.StatementFilter{Checkable: &no}, []models.Statement{a[3]}},
		{"checkable and assigned", models.StatementFilter{Checkable: &yes, AssigneeID: tm.r2.ID}, []models.Statement{b[2], a[2]}},
		{"type", models.StatementFilter{Type: "quantity", ArticleID: b[0].ArticleID}, []models.Statement{b[1]}},
		{"reviewed by, this week", models.StatementFilter{ReviewedByID: tm.r2.ID, ReviewedSince: &weekStart}, []models.Statement{b[2]}},
		{"nothing", models.StatementFilter{Text: "no such words"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := tm.store.SearchStatements(t.Context(), tt.f, 1, 50)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := rowIDs(page.Items), ids(tt.want...); !slices.Equal(got, want) || page.Total != int64(len(want)) {
				t.Fatalf("found %v (total %d), want %v", got, page.Total, want)
			}
		})
	}
	// Pages.
	p2, err := tm.store.SearchStatements(t.Context(), models.StatementFilter{}, 2, 3)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := rowIDs(p2.Items), ids(a[0], a[1], a[2]); !slices.Equal(got, want) || p2.Total != 7 || p2.Pages() != 3 {
		t.Fatalf("page 2 of 3 = %v (total %d, %d pages), want %v", got, p2.Total, p2.Pages(), want)
	}
	if p2.Items[0].Assignee == nil || p2.Items[0].Assignee.Name != "rita" || p2.Items[0].ArticleTitle != "Article 1" {
		t.Errorf("row = %+v", p2.Items[0])
	}
	types, err := tm.store.StatementTypes(t.Context())
	if err != nil || !slices.Contains(types, "quantity") || !slices.Contains(types, "attribution") {
		t.Errorf("types = %v, %v", types, err)
	}
}

func TestTeamStats(t *testing.T) {
	tm := newTeam(t)
	now := tm.now
	a := tm.article(5, 5)
	b := tm.article(2)
	done := tm.article(1)
	yesterday, laterToday, nextWeek := now.Add(-24*time.Hour), now.Add(time.Minute), now.Add(7*24*time.Hour)
	if laterToday.After(models.StartOfDay(now).Add(24 * time.Hour)) {
		t.Skip("too close to midnight UTC for a 'due today' case")
	}
	tm.assign(models.AssignInput{StatementIDs: ids(a[0]), AssigneeID: tm.r1.ID, DueAt: &yesterday})
	tm.assign(models.AssignInput{StatementIDs: ids(a[1]), AssigneeID: tm.r1.ID, DueAt: &laterToday})
	tm.assign(models.AssignInput{StatementIDs: ids(a[2]), AssigneeID: tm.r1.ID, DueAt: &nextWeek})
	tm.assign(models.AssignInput{StatementIDs: ids(a[3]), AssigneeID: tm.r2.ID})
	tm.review(a[3].ID, tm.r2.ID)
	tm.review(done[0].ID, tm.r2.ID)
	tm.review(b[0].ID, tm.r1.ID)

	team, err := tm.store.TeamStats(t.Context(), now)
	if err != nil {
		t.Fatal(err)
	}
	type load struct {
		name                                string
		open, dueToday, overdue, doneInWeek int
	}
	var got []load
	for _, r := range team.Reviewers {
		got = append(got, load{r.User.Name, r.Open, r.DueToday, r.Overdue, r.DoneThisWeek})
	}
	// By name; the deactivated reviewer is not listed.
	want := []load{{"ada", 0, 0, 0, 0}, {"editor", 0, 0, 0, 0}, {"rafael", 0, 0, 0, 2}, {"rita", 3, 1, 1, 1}}
	if !slices.Equal(got, want) {
		t.Errorf("reviewers = %+v, want %+v", got, want)
	}
	// Eight days later, those reviews were last week and everything is overdue.
	later, err := tm.store.TeamStats(t.Context(), now.Add(8*24*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range later.Reviewers {
		if r.DoneThisWeek != 0 {
			t.Errorf("a week later, %s has %d done this week", r.User.Name, r.DoneThisWeek)
		}
		if r.User.ID == tm.r1.ID && r.Overdue != 3 {
			t.Errorf("a week later, rita has %d overdue, want 3", r.Overdue)
		}
	}
	// Articles with open work, oldest first; the fully reviewed one is left out.
	type art struct {
		title                                          string
		total, reviewed, assigned, unassigned, overdue int
	}
	var gotArts []art
	for _, x := range team.Articles {
		gotArts = append(gotArts, art{x.Title, x.Total, x.Reviewed, x.Assigned, x.Unassigned, x.Overdue})
	}
	wantArts := []art{{"Article 1", 4, 1, 3, 0, 1}, {"Article 2", 2, 1, 0, 1, 0}}
	if !slices.Equal(gotArts, wantArts) {
		t.Errorf("articles = %+v, want %+v", gotArts, wantArts)
	}
	if p := team.Articles[0].Progress(); p.Percent() != 25 {
		t.Errorf("progress = %+v", p)
	}
}

func TestNotificationsMarkRead(t *testing.T) {
	tm := newTeam(t)
	st := tm.article(2)
	tm.assign(models.AssignInput{StatementIDs: ids(st[0]), AssigneeID: tm.r1.ID})
	tm.assign(models.AssignInput{StatementIDs: ids(st[1]), AssigneeID: tm.r1.ID})
	tm.assign(models.AssignInput{StatementIDs: ids(st[1]), AssigneeID: tm.r2.ID})
	list, err := tm.store.Notifications(t.Context(), tm.r1.ID, 1)
	if err != nil || len(list) != 1 || *list[0].StatementID != st[1].ID || list[0].Kind != models.NoticeReassigned {
		t.Fatalf("latest notification = %+v, %v", list, err)
	}
	if err := tm.store.MarkNotificationsRead(t.Context(), tm.r1.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := tm.store.UnreadCount(t.Context(), tm.r1.ID); n != 0 {
		t.Errorf("unread after marking read = %d", n)
	}
	if n, _ := tm.store.UnreadCount(t.Context(), tm.r2.ID); n != 1 {
		t.Errorf("someone else's notifications were marked read: unread = %d", n)
	}
	list, _ = tm.store.Notifications(t.Context(), tm.r1.ID, 10)
	if len(list) != 3 || list[0].ReadAt == nil || list[2].ReadAt == nil { // two assigned, one taken back
		t.Errorf("notifications after marking read = %+v", list)
	}
}

func TestParseDue(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{"", "", false},
		{"2025-10-20", "2025-10-20T23:59:59Z", false},
		{"2025-10-20T12:00:00+02:00", "2025-10-20T10:00:00Z", false},
		{"20/10/2025", "", true},
	}
	for _, tt := range tests {
		got, err := models.ParseDue(tt.in)
		var v *models.ValidationError
		switch {
		case tt.bad && !errors.As(err, &v):
			t.Errorf("ParseDue(%q) err = %v, want a validation error", tt.in, err)
		case !tt.bad && err != nil:
			t.Errorf("ParseDue(%q): %v", tt.in, err)
		case !tt.bad && tt.want == "" && got != nil:
			t.Errorf("ParseDue(%q) = %v, want nil", tt.in, got)
		case !tt.bad && tt.want != "" && (got == nil || got.Format(time.RFC3339) != tt.want):
			t.Errorf("ParseDue(%q) = %v, want %s", tt.in, got, tt.want)
		}
	}
	if w := models.WeekStart(time.Date(2025, 10, 26, 23, 0, 0, 0, time.UTC)); !w.Equal(time.Date(2025, 10, 20, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("week of Sunday 26 Oct 2025 starts %v, want Monday 20 Oct", w)
	}
}

// TestNoticesOnlyForNews: assigning someone what they already have (now
// urgent) is an assignment, not a reassignment, and taking back one's own
// work tells nobody anything.
func TestNoticesOnlyForNews(t *testing.T) {
	tm := newTeam(t)
	st := tm.article(1)
	tm.assign(models.AssignInput{StatementIDs: ids(st[0]), AssigneeID: tm.r1.ID})
	tm.assign(models.AssignInput{StatementIDs: ids(st[0]), AssigneeID: tm.r1.ID, Priority: models.Urgent})
	if _, err := tm.store.Unassign(t.Context(), ids(st[0]), tm.r1.ID); err != nil {
		t.Fatal(err)
	}
	got := noticeFacts(t, tm.store, tm.r1.ID)
	want := []string{"assigned 1 in “Article 1” by editor, urgent", "assigned 1 in “Article 1” by editor"}
	if !slices.Equal(got, want) {
		t.Errorf("notifications = %q, want %q", got, want)
	}
}

// noticeFacts lists a user's notifications, newest first, as the facts
// they hold; views put them into words.
func noticeFacts(t *testing.T, store *models.Store, userID uint) []string {
	t.Helper()
	list, err := store.Notifications(t.Context(), userID, 10)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, n := range list {
		s := fmt.Sprintf("%s %d in “%s” by %s", n.Kind, n.Count, n.ArticleTitle, n.ActorName)
		if n.OtherName != "" {
			s += " to " + n.OtherName
		}
		if n.Priority == models.Urgent {
			s += ", urgent"
		}
		out = append(out, s)
	}
	return out
}
