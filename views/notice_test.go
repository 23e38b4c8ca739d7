package views

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

func TestNoticeText(t *testing.T) {
	id := func(n uint) *uint { return &n }
	due := time.Date(2025, 11, 3, 23, 59, 59, 0, time.UTC)
	base := models.Notification{ArticleID: id(1), StatementID: id(4), Count: 1, ActorName: "Edith", ArticleTitle: "Trade"}
	with := func(f func(*models.Notification)) models.Notification { n := base; f(&n); return n }
	tests := []struct {
		name string
		n    models.Notification
		want string
	}{
		{"assigned", with(func(n *models.Notification) { n.Kind = models.NoticeAssigned }),
			"Edith assigned you 1 statement in “Trade”."},
		{"assigned, urgent and due", with(func(n *models.Notification) {
			n.Kind, n.Count, n.Priority, n.DueAt = models.NoticeAssigned, 3, models.Urgent, &due
		}), "Edith assigned you 3 statements in “Trade”, urgent, due 3 Nov 2025."},
		{"reassigned", with(func(n *models.Notification) { n.Kind, n.OtherName = models.NoticeReassigned, "Rafael" }),
			"Edith reassigned 1 statement in “Trade” to Rafael; they are no longer in your queue."},
		{"unassigned by nobody known", with(func(n *models.Notification) { n.Kind, n.ActorName = models.NoticeUnassigned, "" }),
			"An editor unassigned 1 statement in “Trade”; they are no longer in your queue."},
		{"commented", with(func(n *models.Notification) { n.Kind = models.NoticeCommented }),
			"Edith commented on a statement of yours in “Trade”."},
		{"mentioned", with(func(n *models.Notification) { n.Kind = models.NoticeMentioned }),
			"Edith mentioned you in a comment in “Trade”."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, link := NoticeText(tt.n)
			if msg != tt.want || link != "/articles/1?s=4" {
				t.Errorf("NoticeText = %q, %q; want %q, /articles/1?s=4", msg, link, tt.want)
			}
		})
	}
	old := models.Notification{Message: "Old words.", Link: "/articles/9"}
	if msg, link := NoticeText(old); msg != "Old words." || link != "/articles/9" {
		t.Errorf("a notification stored before kinds: %q %q", msg, link)
	}
}

// Every statement created, by a split or from a selection, shows its
// text in the timeline; a review shows what changed in the desk's words.
func TestEventSummary(t *testing.T) {
	event := func(action models.Action, before, after models.Payload) models.Event {
		e := models.Event{Action: action}
		for _, x := range []struct {
			p   models.Payload
			dst *models.JSONText
		}{{before, &e.Before}, {after, &e.After}} {
			if x.p != nil {
				b, _ := json.Marshal(x.p)
				*x.dst = models.JSONText(b)
			}
		}
		return e
	}
	span := models.Span{Start: 4, End: 20, Text: "at low altitudes"}
	due := time.Date(2025, 10, 21, 23, 59, 59, 0, time.UTC)
	relabelled := rating.BuiltinRatings()
	relabelled[4].Label = "Fixed"
	desk, err := rating.New(relabelled, 5, 1)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		scale *rating.Scale
		e     models.Event
		want  string
	}{
		{"created by a split", nil, event(models.ActionCreate, nil, models.Created{Span: span, SplitFrom: 3}), "at low altitudes"},
		{"created from a selection", nil, event(models.ActionCreate, nil, models.Created{Span: span}), "at low altitudes"},
		{"review", nil, event(models.ActionReview, models.ReviewState{Verdict: new(rating.Unreviewed), Correction: new(""), Note: new("")},
			models.ReviewState{Verdict: new(rating.Corrected), Correction: new("subsonic"), Note: new("Per the Navy.")}),
			"verdict Unreviewed → Corrected; correction “subsonic”; note “Per the Navy.”"},
		{"review on the desk's scale", desk, event(models.ActionReview, models.ReviewState{Verdict: new(rating.Unreviewed), Correction: new("")},
			models.ReviewState{Verdict: new(rating.Corrected), Correction: new("subsonic")}),
			"verdict Unreviewed → Fixed; correction “subsonic”"},
		{"a note edit stores only the note", nil, event(models.ActionReview, models.ReviewState{Note: new("Per the Navy")},
			models.ReviewState{Note: new("Per the Navy.")}),
			"note “Per the Navy.”"},
		{"an entry from before diffs: only what differs", nil, event(models.ActionReview,
			models.ReviewState{Verdict: new(rating.Verified), Note: new("Same."), Correction: new(""), Sources: &[]models.SourceInput{}},
			models.ReviewState{Verdict: new(rating.Verified), Note: new("Same, longer."), Correction: new(""), Sources: &[]models.SourceInput{}}),
			"note “Same, longer.”"},
		{"comment", nil, event(models.ActionComment, nil, models.CommentBody{Body: "See the Navy's page."}), "See the Navy's page."},
		{"source removed", nil, event(models.ActionSourceRemove, models.SourceInput{URL: "https://navy.mil"}, nil), "https://navy.mil"},
		{"dismissed", nil, event(models.ActionDismiss, models.Dismissal{}, models.Dismissal{Dismissed: true, Reason: "A caption."}), "A caption."},
		{"assigned, due and urgent", nil, event(models.ActionAssign, nil, models.Assigned{AssigneeID: 7, DueAt: &due, Priority: models.Urgent}),
			"to Rita Reviewer, due 21 Oct 2025, urgent"},
		{"assigned", nil, event(models.ActionAssign, nil, models.Assigned{AssigneeID: 7, Priority: models.Normal}), "to Rita Reviewer"},
		{"assigned to someone gone", nil, event(models.ActionAssign, nil, models.Assigned{AssigneeID: 8}), "to someone"},
		{"unassigned", nil, event(models.ActionUnassign, models.Holder{AssigneeID: 7}, nil), "from Rita Reviewer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			if tt.scale != nil {
				ctx = WithScale(ctx, tt.scale)
			}
			if got := eventSummary(ctx, tt.e, People{7: "Rita Reviewer"}); got != tt.want {
				t.Errorf("eventSummary = %q, want %q", got, tt.want)
			}
		})
	}
}
