package models_test

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

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
	page, err := tm.store.Queue(t.Context(), tm.r1.ID, tm.now.Add(72*time.Hour+time.Minute), models.QueueCursor{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	later := page.Items
	if got, want := rowIDs(later), ids(tomorrow, urgentIn2Days, in3Days, urgent, noDue); !slices.Equal(got, want) {
		t.Fatalf("queue three days later = %v, want %v", got, want)
	}
	if later[0].ArticleTitle != "Article 1" || !later[0].Overdue(rating.Builtin(), tm.now.Add(72*time.Hour)) {
		t.Errorf("first row = %+v", later[0])
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

	page, err := tm.store.Pool(t.Context(), models.StatementCursor{}, 2)
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
			page, _ := tm.store.Pool(t.Context(), models.StatementCursor{}, 100)
			if page.Total != int64(tt.pool-want) {
				t.Errorf("%d left in the pool, want %d", page.Total, tt.pool-want)
			}
		})
	}
}

// My queue comes a page at a time: walking it by cursor at any page size
// gives the whole queue in order, each statement once; a cursor that is
// not one starts at the top, and time passing between pages moves newly
// overdue statements up, never twice onto the pages.
func TestQueuePaging(t *testing.T) {
	tm := newTeam(t)
	tm.requireApproval(true)
	st := tm.article(24)
	at := func(h int) *time.Time { d := tm.now.Add(time.Duration(h) * time.Hour); return &d }
	// Each group is assigned at once: equal due dates and assignment
	// times, so ties fall to the id.
	for _, g := range []struct {
		from, to int
		due      *time.Time
		priority models.Priority
	}{
		{0, 4, nil, models.Normal},
		{4, 8, at(5), models.Normal},
		{8, 11, nil, models.Urgent},
		{11, 14, at(-2), models.Normal},
		{14, 18, at(1), models.Urgent},
		{18, 21, at(30), models.Normal},
		{21, 24, at(3), models.Normal},
	} {
		tm.assign(models.AssignInput{StatementIDs: ids(st[g.from:g.to]...), AssigneeID: tm.r1.ID, DueAt: g.due, Priority: g.priority})
	}
	tm.review(st[22].ID, tm.r1.ID) // submitted: out of the queue
	tm.review(st[23].ID, tm.r1.ID) // submitted, then returned: first
	if _, err := tm.store.Return(t.Context(), st[23].ID, models.Step{Version: tm.statement(st[23].ID).Version, By: tm.editor, Reason: "Find a better source."}); err != nil {
		t.Fatal(err)
	}
	full := tm.queueIDs(tm.r1)
	if len(full) != 23 || full[0] != st[23].ID || slices.Contains(full, st[22].ID) {
		t.Fatalf("queue = %v: want 23 statements, the returned one (%d) first, the submitted one (%d) out", full, st[23].ID, st[22].ID)
	}

	walk := func(t *testing.T, limit int, now func(page int) time.Time) []uint {
		t.Helper()
		var got []uint
		after := models.QueueCursor{}
		for page := 0; ; page++ {
			if page > len(full) {
				t.Fatalf("still paging after %d pages", page)
			}
			p, err := tm.store.Queue(t.Context(), tm.r1.ID, now(page), after, limit)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Items) > limit || (len(p.Items) < limit && !p.Next.IsZero()) {
				t.Fatalf("page %d: %d items (limit %d), next %+v", page, len(p.Items), limit, p.Next)
			}
			got = append(got, rowIDs(p.Items)...)
			if p.Next.IsZero() {
				return got
			}
			// The cursor travels as a string.
			if after = models.ParseQueueCursor(p.Next.String()); after != p.Next {
				t.Fatalf("cursor %+v came back as %+v", p.Next, after)
			}
		}
	}
	same := func(int) time.Time { return tm.now }
	for _, limit := range []int{1, 2, 5, 7, 22, 23, 50} {
		t.Run(fmt.Sprint("limit ", limit), func(t *testing.T) {
			if got := walk(t, limit, same); !slices.Equal(got, full) {
				t.Fatalf("pages of %d = %v, want %v", limit, got, full)
			}
		})
	}

	t.Run("not a cursor", func(t *testing.T) {
		first, _ := tm.store.Queue(t.Context(), tm.r1.ID, tm.now, models.QueueCursor{}, 5)
		for _, bad := range []string{"", "x", "1.2.3", "1.2.3.4.5", "8.0.0.1", "-1.0.0.5", "1.a.0.5", "0.0.0.0", "0.0.0.99999999999"} {
			c := models.ParseQueueCursor(bad)
			p, err := tm.store.Queue(t.Context(), tm.r1.ID, tm.now, c, 5)
			if err != nil || !slices.Equal(rowIDs(p.Items), rowIDs(first.Items)) || p.Next != first.Next {
				t.Errorf("cursor %q: %v %v, want the first page %v", bad, err, rowIDs(p.Items), rowIDs(first.Items))
			}
		}
	})

	t.Run("past the end", func(t *testing.T) {
		far := time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC)
		end := models.QueueCursor{Rank: 7, DueAt: far, AssignedAt: far, ID: 1 << 30}
		p, err := tm.store.Queue(t.Context(), tm.r1.ID, tm.now, end, 5)
		if err != nil || len(p.Items) != 0 || !p.Next.IsZero() {
			t.Fatalf("after the end: %v %v next %+v", err, rowIDs(p.Items), p.Next)
		}
	})

	// Six hours on, the four due in five hours and the three due in three
	// are overdue: they move up, behind the pages already read.
	t.Run("time passes", func(t *testing.T) {
		moved := ids(st[4:8]...)
		moved = append(moved, st[21].ID)
		got := walk(t, 5, func(page int) time.Time {
			if page == 0 {
				return tm.now
			}
			return tm.now.Add(6 * time.Hour)
		})
		seen := map[uint]bool{}
		for _, id := range got {
			if seen[id] {
				t.Fatalf("statement %d twice: %v", id, got)
			}
			seen[id] = true
		}
		for _, id := range full {
			if !seen[id] && !slices.Contains(moved, id) {
				t.Errorf("statement %d left out though its rank did not change: %v", id, got)
			}
		}
	})
}
