package models_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/models"
)

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

	team, err := tm.store.TeamStats(t.Context(), now, models.ArticleCursor{})
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
	later, err := tm.store.TeamStats(t.Context(), now.Add(8*24*time.Hour), models.ArticleCursor{})
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
