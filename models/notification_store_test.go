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

// A comment tells the statement's assignee and reviewer, and those it
// @mentions, once each; never the commenter.
func TestCommentNotices(t *testing.T) {
	tm := newTeam(t)
	ctx := t.Context()
	st := tm.article(2)
	tm.assign(models.AssignInput{StatementIDs: ids(st[0]), AssigneeID: tm.r1.ID})
	// rafael gives the verdict; rita is still the assignee.
	if _, err := tm.store.Review(ctx, st[0].ID, models.ReviewInput{Verdict: "in_progress", Version: st[0].Version, UserID: tm.r2.ID}); err != nil {
		t.Fatal(err)
	}
	if err := tm.store.DB().Model(&models.Statement{}).Where("id = ?", st[0].ID).Update("reviewed_by_id", tm.r2.ID).Error; err != nil {
		t.Fatal(err)
	}
	mark := func() {
		for _, u := range []*models.User{tm.editor, tm.r1, tm.r2} {
			if err := tm.store.MarkNotificationsRead(ctx, u.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	unread := func(u *models.User) []string {
		t.Helper()
		list, err := tm.store.Notifications(ctx, u.ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, n := range list {
			if n.ReadAt == nil {
				out = append(out, fmt.Sprintf("%s by %s", n.Kind, n.ActorName))
			}
		}
		return out
	}
	tests := []struct {
		name                 string
		by                   *models.User
		body                 string
		editor, rita, rafael []string
	}{
		{"owners are told", tm.editor, "Is the figure right?", nil, []string{"commented by editor"}, []string{"commented by editor"}},
		{"not of one's own comment", tm.r1, "I am on it.", nil, nil, []string{"commented by rita"}},
		{"a mention, once", tm.r1, "@editor can you look? @Rafael too", []string{"mentioned by rita"}, nil, []string{"mentioned by rita"}},
		{"a mention of oneself", tm.editor, "Note to @editor", nil, []string{"commented by editor"}, []string{"commented by editor"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mark()
			if _, err := tm.store.AddComment(ctx, st[0].ID, tt.by.ID, tt.body); err != nil {
				t.Fatal(err)
			}
			for _, x := range []struct {
				who  *models.User
				want []string
			}{{tm.editor, tt.editor}, {tm.r1, tt.rita}, {tm.r2, tt.rafael}} {
				if got := unread(x.who); !slices.Equal(got, x.want) {
					t.Errorf("%s is told %q, want %q", x.who.Name, got, x.want)
				}
			}
		})
	}
	// A statement nobody has: only mentions tell anyone.
	mark()
	if _, err := tm.store.AddComment(ctx, st[1].ID, tm.editor.ID, "Nobody's yet."); err != nil {
		t.Fatal(err)
	}
	for _, u := range []*models.User{tm.r1, tm.r2} {
		if got := unread(u); len(got) != 0 {
			t.Errorf("%s is told %q about a statement that is not theirs", u.Name, got)
		}
	}
}

func TestMembers(t *testing.T) {
	tm := newTeam(t)
	tests := []struct {
		prefix string
		want   []string
	}{
		{"ra", []string{"rafael"}},
		{"R", []string{"rafael", "rita"}},
		{"ed", []string{"editor"}},
		{"ines", nil}, // deactivated
		{"%", nil},    // taken literally
		{"", []string{"ada", "editor", "rafael", "rita"}},
	}
	for _, tt := range tests {
		list, err := tm.store.Members(t.Context(), tt.prefix, 8)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, u := range list {
			got = append(got, u.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Members(%q) = %q, want %q", tt.prefix, got, tt.want)
		}
	}
}
