package models_test

import (
	"errors"
	"net/http"
	"slices"
	"testing"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
	"github.com/factcheckdesk/factcheck/rating"
)

// requireApproval turns on the second pair of eyes, with the settings a
// publication needs.
func (tm *team) requireApproval(on bool) {
	tm.t.Helper()
	in, err := tm.store.InputOfSettings(tm.t.Context())
	if err != nil {
		tm.t.Fatal(err)
	}
	in.RequireApproval, in.OrgName, in.BaseURL = on, "Desk Fact Check", "https://checks.example.org/"
	if _, err := tm.store.UpdateSettings(tm.t.Context(), in); err != nil {
		tm.t.Fatal(err)
	}
}

func (tm *team) statement(id uint) *models.Statement {
	tm.t.Helper()
	s, err := tm.store.StatementByID(tm.t.Context(), id)
	if err != nil {
		tm.t.Fatal(err)
	}
	return s
}

func status(t *testing.T, err error) int {
	t.Helper()
	if err == nil {
		return http.StatusOK
	}
	return apperr.From(err).Status
}

func TestReviewStatusWithoutApproval(t *testing.T) {
	tm := newTeam(t)
	ids := rowIDs(nil)
	for _, s := range tm.article(2) {
		ids = append(ids, s.ID)
	}
	tm.review(ids[0], tm.r1.ID)
	s := tm.statement(ids[0])
	if s.Status() != models.ReviewApproved || s.ApprovedByID == nil || *s.ApprovedByID != tm.r1.ID {
		t.Fatalf("a final rating without required approval: %s by %v", s.Status(), s.ApprovedByID)
	}
	if got := tm.statement(ids[1]).Status(); got != models.ReviewOpen {
		t.Fatalf("an unreviewed statement is %s", got)
	}
}

// The whole workflow with a second pair of eyes, and every refusal.
func TestApprovalWorkflow(t *testing.T) {
	tm := newTeam(t)
	tm.requireApproval(true)
	st := tm.article(1)[0]
	tm.assign(models.AssignInput{StatementIDs: []uint{st.ID}, AssigneeID: tm.r1.ID, ByUserID: tm.editor.ID})
	tm.review(st.ID, tm.r1.ID)
	s := tm.statement(st.ID)
	if s.Status() != models.ReviewSubmitted || s.ApprovedByID != nil {
		t.Fatalf("after the reviewer's save: %s", s.Status())
	}
	if got := tm.queueIDs(tm.r1); len(got) != 0 {
		t.Fatalf("a submitted review stays in the reviewer's queue: %v", got)
	}
	if n, _ := tm.store.AwaitingCount(t.Context()); n != 1 {
		t.Fatalf("awaiting approval: %d", n)
	}
	ctx := t.Context()
	_, err := tm.store.Publish(ctx, st.ID, models.Step{Version: s.Version, By: tm.editor})
	if status(t, err) != http.StatusUnprocessableEntity {
		t.Fatalf("publish before approval: %v", err)
	}
	steps := []struct {
		name string
		do   func() error
		want int
	}{
		{"return without a reason", func() error {
			_, err := tm.store.Return(ctx, st.ID, models.Step{Version: s.Version, By: tm.editor, Reason: "  "})
			return err
		}, http.StatusUnprocessableEntity},
		{"own approval", func() error {
			_, err := tm.store.Approve(ctx, st.ID, models.Step{Version: s.Version, By: tm.r1})
			return err
		}, http.StatusForbidden},
		{"stale approval", func() error {
			_, err := tm.store.Approve(ctx, st.ID, models.Step{Version: s.Version - 1, By: tm.editor})
			return err
		}, http.StatusConflict},
	}
	for _, step := range steps {
		if got := status(t, step.do()); got != step.want {
			t.Errorf("%s: %d, want %d", step.name, got, step.want)
		}
	}
	if now := tm.statement(st.ID); now.Version != s.Version || now.Status() != models.ReviewSubmitted {
		t.Fatalf("a refused step changed the statement: v%d %s", now.Version, now.Status())
	}

	// Returned: back to the top of the reviewer's queue, with a notice.
	other := tm.article(1)[0]
	tm.assign(models.AssignInput{StatementIDs: []uint{other.ID}, AssigneeID: tm.r1.ID, ByUserID: tm.editor.ID, Priority: models.Urgent})
	s, err = tm.store.Return(ctx, st.ID, models.Step{Version: s.Version, By: tm.editor, Reason: "The source is a blog; find the Navy fact file."})
	if err != nil || s.Status() != models.ReviewReturned || s.ReturnReason == "" {
		t.Fatalf("return: %v %+v", err, s)
	}
	if got := tm.queueIDs(tm.r1); !slices.Equal(got, []uint{st.ID, other.ID}) {
		t.Fatalf("queue after the return = %v, want the returned one first", got)
	}
	if n, _ := tm.store.QueueCount(ctx, tm.r1.ID); n != 2 {
		t.Fatalf("queue count %d", n)
	}
	if facts := noticeFacts(t, tm.store, tm.r1.ID); !slices.Contains(facts, "returned 1 in “Article 1” by editor") {
		t.Fatalf("the reviewer was not told: %v", facts)
	}

	// The reviewer fixes it: submitted again; an editor approves.
	s, err = tm.store.Review(ctx, st.ID, models.ReviewInput{Verdict: rating.Verified, Version: s.Version, UserID: tm.r1.ID,
		Sources: []models.SourceInput{{URL: "https://www.navy.mil/fact-file"}}})
	if err != nil || s.Status() != models.ReviewSubmitted {
		t.Fatalf("resubmit: %v %s", err, s.Status())
	}
	s, err = tm.store.Approve(ctx, st.ID, models.Step{Version: s.Version, By: tm.editor})
	if err != nil || s.Status() != models.ReviewApproved || s.ApprovedBy == nil || s.ApprovedBy.ID != tm.editor.ID {
		t.Fatalf("approve: %v %+v", err, s)
	}
	// Saving the same review again keeps the approval; changing its
	// evidence does not.
	s, err = tm.store.Review(ctx, st.ID, models.ReviewInput{Verdict: rating.Verified, Version: s.Version, UserID: tm.r1.ID,
		Sources: []models.SourceInput{models.InputOf(s.Sources[0])}})
	if err != nil || s.Status() != models.ReviewApproved {
		t.Fatalf("an unchanged save: %v %s", err, s.Status())
	}
	s, err = tm.store.AddSource(ctx, st.ID, s.Version, models.SourceInput{URL: "https://example.org/more"}, tm.editor.ID)
	if err != nil || s.Status() != models.ReviewSubmitted || *s.ReviewedByID != tm.editor.ID {
		t.Fatalf("a new source keeps the approval: %v %s", err, s.Status())
	}
	if _, err := tm.store.Approve(ctx, st.ID, models.Step{Version: s.Version, By: tm.editor}); status(t, err) != http.StatusForbidden {
		t.Fatalf("the editor approved their own source: %v", err)
	}
	events, _ := tm.store.History(ctx, st.ID, 0, 100)
	var actions []models.Action
	for _, e := range events {
		actions = append(actions, e.Action)
	}
	for _, a := range []models.Action{models.ActionReturn, models.ActionApprove} {
		if !slices.Contains(actions, a) {
			t.Errorf("history lacks %s: %v", a, actions)
		}
	}
}

// Publishing needs approval and the settings; republishing after a
// correction keeps the first date and adds a dated update; unpublished
// checks are not public.
func TestPublication(t *testing.T) {
	tm := newTeam(t)
	st := tm.article(1)[0]
	tm.review(st.ID, tm.r1.ID)
	s := tm.statement(st.ID)
	ctx := t.Context()
	_, err := tm.store.Publish(ctx, st.ID, models.Step{Version: s.Version, By: tm.editor})
	var invalid *models.ValidationError
	if !errors.As(err, &invalid) || invalid.For("base_url") == "" || invalid.For("organisation.name") == "" {
		t.Fatalf("publish without settings: %v", err)
	}
	tm.requireApproval(false)
	s, err = tm.store.Publish(ctx, st.ID, models.Step{Version: s.Version, By: tm.editor})
	if err != nil || !s.Published || s.PublishedAt == nil {
		t.Fatalf("publish: %v %+v", err, s)
	}
	first := *s.PublishedAt
	p, err := tm.store.PublicCheck(ctx, st.ID)
	if err != nil || p.Content.Rating.Key != rating.Verified || p.Content.Claim != s.Text || len(p.Content.Sources) != 1 {
		t.Fatalf("public check: %v %+v", err, p)
	}
	// A correction: the public page keeps the published version until
	// the check is published again.
	s, err = tm.store.Review(ctx, st.ID, models.ReviewInput{Verdict: rating.Corrected, Correction: "It cost $11 million.", Version: s.Version,
		UserID: tm.r1.ID, Sources: []models.SourceInput{{URL: "https://example.org/budget"}}})
	if err != nil {
		t.Fatal(err)
	}
	if p, _ := tm.store.PublicCheck(ctx, st.ID); p.Content.Rating.Key != rating.Verified {
		t.Fatalf("an unpublished change reached the public page: %+v", p.Content.Rating)
	}
	if list, _, _ := tm.store.PublicChecks(ctx, 0, 10, true); len(list) != 0 {
		t.Fatalf("an unpublished correction is in the log: %+v", list)
	}
	if s, err = tm.store.Unpublish(ctx, st.ID, models.Step{Version: s.Version, By: tm.editor}); err != nil || s.Published {
		t.Fatalf("unpublish: %v", err)
	}
	if _, err := tm.store.PublicCheck(ctx, st.ID); !errors.Is(err, models.ErrNotFound) {
		t.Fatalf("an unpublished check is public: %v", err)
	}
	if list, _, _ := tm.store.PublicChecks(ctx, 0, 10, false); len(list) != 0 {
		t.Fatalf("an unpublished check is listed: %d", len(list))
	}
	s, err = tm.store.Publish(ctx, st.ID, models.Step{Version: s.Version, By: tm.editor})
	if err != nil || !s.PublishedAt.Equal(first) {
		t.Fatalf("republish: %v, first published %v, now %v", err, first, s.PublishedAt)
	}
	p, _ = tm.store.PublicCheck(ctx, st.ID)
	if len(p.Content.Updates) != 1 || p.Content.Updates[0].Was.Key != rating.Verified ||
		!slices.Equal(p.Content.Updates[0].Changed, []string{"rating", "correction", "sources"}) {
		t.Fatalf("updates: %+v", p.Content.Updates)
	}
	if list, _, _ := tm.store.PublicChecks(ctx, 0, 10, true); len(list) != 1 {
		t.Fatalf("the correction is not in the log: %d", len(list))
	}
}

// Keyset paging of the public list: newest first, every check once.
func TestPublicChecksPaging(t *testing.T) {
	tm := newTeam(t)
	tm.requireApproval(false)
	var want []uint
	for _, st := range tm.article(5) {
		tm.review(st.ID, tm.r1.ID)
		if _, err := tm.store.Publish(t.Context(), st.ID, models.Step{Version: tm.statement(st.ID).Version, By: tm.editor}); err != nil {
			t.Fatal(err)
		}
		want = append([]uint{st.ID}, want...)
	}
	var got []uint
	before := uint(0)
	for {
		list, more, err := tm.store.PublicChecks(t.Context(), before, 2, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range list {
			got = append(got, p.StatementID)
		}
		if !more {
			break
		}
		before = list[len(list)-1].StatementID
	}
	if !slices.Equal(got, want) {
		t.Fatalf("pages = %v, want %v", got, want)
	}
}

// Another instance on the same database sees saved settings once it
// re-reads them; a rating in use can be retired but not removed.
func TestSettingsAcrossInstances(t *testing.T) {
	tm := newTeam(t)
	other := models.NewStore(tm.store.DB(), modeltest.Options())
	in, _ := tm.store.InputOfSettings(t.Context())
	in.Ratings = append(in.Ratings, rating.Rating{Key: "misleading", Label: "Misleading", Color: "#b5651d", Final: true,
		NeedsSource: true, NeedsNote: true, Value: 2, AlternateName: "Misleading"})
	in.RequireApproval = true
	saved, err := tm.store.UpdateSettings(t.Context(), in)
	if err != nil {
		t.Fatal(err)
	}
	if other.Settings().RequireApproval {
		t.Fatal("the other instance changed without reading")
	}
	if changed, err := other.ReloadSettings(t.Context()); err != nil || !changed {
		t.Fatalf("reload: %v %v", changed, err)
	}
	if !other.Settings().RequireApproval || !other.Scale().Final("misleading") {
		t.Fatalf("the other instance did not pick up the settings")
	}
	if changed, _ := other.ReloadSettings(t.Context()); changed {
		t.Fatal("a reload without a change re-read the settings")
	}
	// Stale: based on the old version.
	if _, err := tm.store.UpdateSettings(t.Context(), in); status(t, err) != http.StatusConflict {
		t.Fatalf("stale settings: %v", err)
	}
	st := tm.article(1)[0]
	if _, err := tm.store.Review(t.Context(), st.ID, models.ReviewInput{Verdict: "misleading", Note: "Half the story.", Version: 1,
		UserID: tm.r1.ID, Sources: []models.SourceInput{{URL: "https://example.org/x"}}}); err != nil {
		t.Fatal(err)
	}
	in.Version = saved.Version
	in.Ratings = in.Ratings[:len(in.Ratings)-1]
	if _, err := tm.store.UpdateSettings(t.Context(), in); status(t, err) != http.StatusUnprocessableEntity {
		t.Fatalf("removing a rating in use: %v", err)
	}
	in.Ratings = append(in.Ratings, rating.Rating{Key: "misleading", Label: "Misleading", Final: true, NeedsSource: true, NeedsNote: true, Retired: true})
	if _, err := tm.store.UpdateSettings(t.Context(), in); err != nil {
		t.Fatalf("retiring a rating in use: %v", err)
	}
}

// Webhook deliveries are queued with the step, claimed once, and retried
// with backoff until they fail.
func TestWebhookOutbox(t *testing.T) {
	tm := newTeam(t)
	tm.requireApproval(true)
	ctx := t.Context()
	hook, err := tm.store.CreateWebhook(ctx, models.WebhookInput{URL: "https://hooks.example.org/in", Events: []models.WebhookEvent{models.EventApproved, models.EventPublished}})
	if err != nil || len(hook.Secret) < 40 {
		t.Fatalf("create: %v %+v", err, hook)
	}
	if _, err := tm.store.CreateWebhook(ctx, models.WebhookInput{URL: "ftp://x", Events: []models.WebhookEvent{"deleted"}}); status(t, err) != http.StatusUnprocessableEntity {
		t.Fatalf("a bad webhook: %v", err)
	}
	st := tm.article(1)[0]
	tm.review(st.ID, tm.r1.ID)
	enc := func(s *models.Statement) ([]byte, error) { return []byte(`{"id":1}`), nil }
	s, err := tm.store.Return(ctx, st.ID, models.Step{Version: tm.statement(st.ID).Version, By: tm.editor, Reason: "More.", Announce: enc})
	if err != nil {
		t.Fatal(err)
	}
	if d, _, _ := tm.store.ClaimDelivery(ctx); d != nil {
		t.Fatalf("an event nobody subscribed to was queued: %+v", d)
	}
	s, _ = tm.store.Review(ctx, st.ID, models.ReviewInput{Verdict: rating.Verified, Version: s.Version, UserID: tm.r1.ID,
		Sources: []models.SourceInput{{URL: "https://example.org/y"}}})
	if _, err := tm.store.Approve(ctx, st.ID, models.Step{Version: s.Version, By: tm.editor, Announce: enc}); err != nil {
		t.Fatal(err)
	}
	d, w, err := tm.store.ClaimDelivery(ctx)
	if err != nil || d == nil || w.ID != hook.ID || d.Event != models.EventApproved || d.Statement != `{"id":1}` || d.Attempts != 1 {
		t.Fatalf("claim: %v %+v", err, d)
	}
	if again, _, _ := tm.store.ClaimDelivery(ctx); again != nil {
		t.Fatal("a claimed delivery was claimed twice")
	}
	for d.Attempts < models.MaxAttempts {
		if err := tm.store.DeliveryResult(ctx, d, 500, "HTTP 500"); err != nil {
			t.Fatal(err)
		}
		d.Attempts++
	}
	if err := tm.store.DeliveryResult(ctx, d, 500, "HTTP 500"); err != nil {
		t.Fatal(err)
	}
	log, _ := tm.store.Deliveries(ctx, hook.ID)
	if len(log) != 1 || log[0].Status != models.DeliveryFailed {
		t.Fatalf("after every attempt failed: %+v", log)
	}
	if models.Backoff(1) >= models.Backoff(2) || models.Backoff(99) != models.Backoff(5) {
		t.Fatal("backoff does not grow, or grows without bound")
	}
}
