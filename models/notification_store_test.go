package models_test

import (
	"fmt"
	"slices"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
)

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
