package handlers_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/live"
	"github.com/factcheckdesk/factcheck/match"
	"github.com/factcheckdesk/factcheck/models/modeltest"
)

func TestClaimMatchingAndReuse(t *testing.T) {
	store := modeltest.Open(t)
	idx := match.NewIndex()
	hub := live.NewHub(store, 20*time.Millisecond, slog.New(slog.DiscardHandler))
	hub.KeepMatches(t.Context(), store, idx, slog.New(slog.DiscardHandler))
	ctx, stop := context.WithCancel(t.Context())
	defer stop()
	go hub.Run(ctx)
	c := newClientOnStore(t, store, handlers.Config{Live: hub, Matches: idx})

	first := createArticle(t, c, "October trade story", "In 2024, the US and Russia traded goods and services worth about $5.2bn – 25.8 percent less than in 2023.\n\nIt is really not clear.\n")
	s := first.Statements[0]
	r := c.API(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", s.ID), map[string]any{
		"verdict": "verified", "note": "USTR figures", "version": 1,
		"sources": []map[string]string{{"url": "https://ustr.gov/countries-regions/russia", "title": "USTR: Russia"}},
	})
	wantStatus(t, r, http.StatusOK)
	deadline := time.Now().Add(5 * time.Second)
	for idx.Len() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if idx.Len() != 1 {
		t.Fatalf("the index has %d statements after a review, want 1", idx.Len())
	}

	second := createArticle(t, c, "November follow-up", "US-Russia trade in goods and services was about 5.2 billion dollars in 2024, down 25.8% from 2023.\n\nTomahawk missiles fly at supersonic speed.\n")
	same, other := second.Statements[0], second.Statements[1]

	panel := c.Get(fmt.Sprintf("/statements/%d/matches", same.ID))
	wantStatus(t, panel, http.StatusOK)
	wantContains(t, panel, "Checked before", "October trade story", "Verified", "Reuse this verdict and its sources")
	if none := c.Get(fmt.Sprintf("/statements/%d/matches", other.ID)); strings.Contains(none.Body, "Checked before") {
		t.Errorf("an unrelated claim matched: %s", none.Body)
	}
	api := c.API(http.MethodGet, fmt.Sprintf("/api/v1/statements/%d/matches", same.ID), nil)
	wantContains(t, api, fmt.Sprintf(`"statement_id":%d`, s.ID), `"same_figures":true`, `"verdict":"verified"`, "ustr.gov")
	// The review panel comes with them: nothing loads into it afterwards
	// to push its verdicts away from the reviewer's pointer.
	whole := c.Get(fmt.Sprintf("/statements/%d/panel", same.ID))
	wantStatus(t, whole, http.StatusOK)
	wantContains(t, whole, "Checked before", "October trade story", "Reuse this verdict and its sources")
	if strings.Contains(whole.Body, "/matches") {
		t.Errorf("the panel loads its matches after it shows:\n%s", whole.Body)
	}
	if none := c.Get(fmt.Sprintf("/statements/%d/panel", other.ID)); strings.Contains(none.Body, "Checked before") || strings.Contains(none.Body, "/matches") {
		t.Errorf("the panel of an unrelated claim: %s", none.Body)
	}

	reused := c.Post(fmt.Sprintf("/statements/%d/reuse", same.ID), url.Values{"from": {fmt.Sprint(s.ID)}, "version": {"1"}}, true)
	wantStatus(t, reused, http.StatusOK)
	got, _ := store.StatementByID(t.Context(), same.ID)
	if got.Verdict != "verified" || len(got.Sources) != 1 || got.Sources[0].Title != "USTR: Russia" || got.Note != "USTR figures" {
		t.Fatalf("after reuse: %+v", got)
	}
	wantContains(t, c.API(http.MethodGet, fmt.Sprintf("/api/v1/statements/%d/history", same.ID), nil), `"action":"reuse_review"`, fmt.Sprintf(`"reused_from":%d`, s.ID))
	// The panel asked first (data-confirm, with what it copies) and now
	// offers Undo: the review the statement had before, at the new version.
	wantContains(t, panel, "data-confirm=", "What Reuse copies", "USTR figures")
	wantContains(t, reused, "Undo", `name="verdict" value="unreviewed"`, `name="version" value="2"`)
	undone := c.Post(fmt.Sprintf("/statements/%d", same.ID), url.Values{"version": {"2"}, "verdict": {"unreviewed"}, "note": {""}, "correction": {""}}, true)
	wantStatus(t, undone, http.StatusOK)
	if got, _ := store.StatementByID(t.Context(), same.ID); got.Verdict != "unreviewed" || len(got.Sources) != 0 || got.Note != "" {
		t.Fatalf("after undo: %+v", got)
	}
	redo := c.Post(fmt.Sprintf("/statements/%d/reuse", same.ID), url.Values{"from": {fmt.Sprint(s.ID)}, "version": {"3"}}, true)
	wantStatus(t, redo, http.StatusOK)
	// A stale version is a conflict; an unreviewed statement has nothing to reuse.
	wantStatus(t, c.API(http.MethodPost, fmt.Sprintf("/api/v1/statements/%d/reuse", same.ID), map[string]any{"from": s.ID, "version": 1}), http.StatusConflict)
	if stale := c.Post(fmt.Sprintf("/statements/%d/reuse", same.ID), url.Values{"from": {fmt.Sprint(s.ID)}, "version": {"1"}}, true); stale.Status != http.StatusConflict {
		t.Errorf("a stale reuse from the panel: %d, want 409", stale.Status)
	}
	wantStatus(t, c.API(http.MethodPost, fmt.Sprintf("/api/v1/statements/%d/reuse", other.ID), map[string]any{"from": other.ID, "version": 1}), http.StatusUnprocessableEntity)
}

// While the index fills after a start, the panel says so and the API asks
// to come back; nothing pretends there is no earlier review.
func TestMatchesWhileTheIndexLoads(t *testing.T) {
	idx := match.NewIndex() // never filled: loading
	c := newClientWith(t, handlers.Config{Matches: idx})
	a := createArticle(t, c, "Trade", tradeArticle)
	s := a.Statements[1]
	panel := c.Get(fmt.Sprintf("/statements/%d/matches", s.ID))
	wantStatus(t, panel, http.StatusOK)
	wantContains(t, panel, "Matching index loading", fmt.Sprintf(`id="matches-%d"`, s.ID))
	wantContains(t, c.Get(fmt.Sprintf("/statements/%d/panel", s.ID)), "Matching index loading")
	api := c.API(http.MethodGet, fmt.Sprintf("/api/v1/statements/%d/matches", s.ID), nil)
	wantStatus(t, api, http.StatusServiceUnavailable)
	if api.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After")
	}
	idx.SetReady()
	if r := c.Get(fmt.Sprintf("/statements/%d/matches", s.ID)); strings.Contains(r.Body, "loading") {
		t.Error("still loading once ready")
	}
	if r := c.Get(fmt.Sprintf("/statements/%d/panel", s.ID)); strings.Contains(r.Body, "Matching index loading") {
		t.Error("the panel still says loading once ready")
	}
}
