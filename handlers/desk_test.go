package handlers_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
)

func TestAPISourcesCommentsHistory(t *testing.T) {
	c := newClient(t)
	a := decode[apiArticle](t, c.API(http.MethodPost, "/api/v1/articles", map[string]string{"title": "T", "body": tradeArticle}))
	s := a.Statements[1]
	base := fmt.Sprintf("/api/v1/statements/%d", s.ID)

	r := c.API(http.MethodPost, base+"/sources", map[string]any{"url": "https://ustr.gov/russia", "title": "USTR", "publisher": "USTR", "quote": "$5.2 billion", "accessed_at": "2025-10-17", "version": 1})
	wantStatus(t, r, http.StatusCreated)
	r = c.API(http.MethodPost, base+"/sources", map[string]any{"url": "https://census.gov/trade", "title": "Census", "version": 2})
	wantStatus(t, r, http.StatusCreated)
	st := decode[apiStatement](t, r)
	if len(st.Sources) != 2 || st.Version != 3 {
		t.Fatalf("after adding sources: %+v", st)
	}
	// Stale version → 409, nothing added.
	wantStatus(t, c.API(http.MethodPost, base+"/sources", map[string]any{"url": "https://x.example", "version": 1}), http.StatusConflict)
	wantStatus(t, c.API(http.MethodPost, base+"/sources", map[string]any{"url": "ftp://x.example", "version": 3}), http.StatusUnprocessableEntity)

	list := decode[[]struct {
		ID    uint   `json:"id"`
		Title string `json:"title"`
	}](t, c.API(http.MethodGet, base+"/sources", nil))
	r = c.API(http.MethodPost, base+"/sources/order", map[string]any{"ids": []uint{list[1].ID, list[0].ID}, "version": 3})
	wantStatus(t, r, http.StatusOK)
	r = c.API(http.MethodPatch, fmt.Sprintf("%s/sources/%d", base, list[0].ID), map[string]any{"url": "https://ustr.gov/russia", "title": "USTR fact sheet", "version": 4})
	wantStatus(t, r, http.StatusOK)
	r = c.API(http.MethodDelete, fmt.Sprintf("%s/sources/%d?version=5", base, list[1].ID), nil)
	wantStatus(t, r, http.StatusOK)
	if st := decode[apiStatement](t, r); len(st.Sources) != 1 || st.Sources[0].Title != "USTR fact sheet" || st.Version != 6 {
		t.Fatalf("after edit and delete: %+v", st)
	}

	wantStatus(t, c.API(http.MethodPost, base+"/comments", map[string]string{"body": "Checked with USTR https://ustr.gov"}), http.StatusCreated)
	wantStatus(t, c.API(http.MethodPost, base+"/comments", map[string]string{"body": "  "}), http.StatusUnprocessableEntity)
	comments := c.API(http.MethodGet, base+"/comments", nil)
	wantContains(t, comments, "Checked with USTR", c.user.Name)

	// The PATCH of the foundation still takes sources.
	r = c.API(http.MethodPatch, base, map[string]any{"verdict": "verified", "sources": []map[string]string{{"url": "https://ustr.gov/russia", "title": "USTR"}}, "version": 6})
	wantStatus(t, r, http.StatusOK)

	h := c.API(http.MethodGet, base+"/history", nil)
	wantStatus(t, h, http.StatusOK)
	type entry struct {
		Action  string         `json:"action"`
		UserID  *uint          `json:"user_id"`
		Changed []string       `json:"changed"`
		Before  map[string]any `json:"before"`
		After   map[string]any `json:"after"`
	}
	events := decode[[]entry](t, h)
	var actions []string
	for _, e := range events {
		actions = append(actions, e.Action)
		if e.UserID == nil || *e.UserID != c.user.ID {
			t.Errorf("%s recorded without its author", e.Action)
		}
	}
	if got := strings.Join(actions, ","); got != "source_add,source_add,source_reorder,source_edit,source_remove,comment,review" {
		t.Errorf("history = %s", got)
	}
	last := events[len(events)-1]
	if last.Before["verdict"] != "unreviewed" || last.After["verdict"] != "verified" || !strings.Contains(strings.Join(last.Changed, ","), "verdict") {
		t.Errorf("review entry = %+v", last)
	}
	wantContains(t, c.API(http.MethodGet, fmt.Sprintf("/api/v1/articles/%d/activity", a.ID), nil), `"action":"review"`)
}

func TestAPIEditorFixes(t *testing.T) {
	c := newClient(t)
	reviewer := c.as(models.Reviewer)
	a := decode[apiArticle](t, c.API(http.MethodPost, "/api/v1/articles", map[string]string{"title": "T", "body": tradeArticle}))
	var s apiStatement
	for _, x := range a.Statements {
		if strings.Contains(x.Text, "supersonic") {
			s = x
		}
	}
	at := s.Start + strings.Index(s.Text, " at low")
	path := fmt.Sprintf("/api/v1/statements/%d", s.ID)

	// Reviewers may not restructure statements.
	wantStatus(t, reviewer.API(http.MethodPost, path+"/split", map[string]int{"at": at, "version": 1}), http.StatusForbidden)

	r := c.API(http.MethodPost, path+"/split", map[string]int{"at": at, "version": 1})
	wantStatus(t, r, http.StatusOK)
	parts := decode[struct {
		Statements []apiStatement `json:"statements"`
	}](t, r).Statements
	if parts[0].Text != "Tomahawk missiles fly at supersonic speed" || parts[1].Text != "at low altitudes." {
		t.Fatalf("split into %q / %q", parts[0].Text, parts[1].Text)
	}
	wantStatus(t, c.API(http.MethodPost, path+"/merge", map[string]int{"version": parts[0].Version, "next_version": 99}), http.StatusConflict)
	r = c.API(http.MethodPost, path+"/merge", map[string]int{"version": parts[0].Version, "next_version": parts[1].Version})
	wantStatus(t, r, http.StatusOK)
	merged := decode[apiStatement](t, r)
	if merged.Text != s.Text {
		t.Fatalf("merged = %q", merged.Text)
	}
	r = c.API(http.MethodPost, path+"/dismiss", map[string]any{"reason": "duplicate of the headline", "version": merged.Version})
	wantStatus(t, r, http.StatusOK)
	wantContains(t, r, `"dismissed":true`)
	r = c.API(http.MethodPost, path+"/restore", map[string]any{"version": merged.Version + 1})
	wantStatus(t, r, http.StatusOK)
	r = c.API(http.MethodPost, path+"/bounds", map[string]any{"start": s.Start, "end": s.Start + len("Tomahawk missiles"), "version": merged.Version + 2})
	wantStatus(t, r, http.StatusOK)
	wantContains(t, r, `"text":"Tomahawk missiles"`)

	// Add the heading back as a statement, from a "selection".
	r = c.API(http.MethodPost, fmt.Sprintf("/api/v1/articles/%d/statements", a.ID), map[string]int{"start": 0, "end": len("Trade talks")})
	if r.Status != http.StatusCreated && r.Status != http.StatusUnprocessableEntity {
		t.Fatalf("create: %d %s", r.Status, r.Body)
	}
	bad := c.API(http.MethodPost, fmt.Sprintf("/api/v1/articles/%d/statements", a.ID), map[string]int{"start": s.Start, "end": s.End})
	wantStatus(t, bad, http.StatusUnprocessableEntity)
	wantContains(t, bad, "overlaps")
}

func TestPanelDeskPieces(t *testing.T) {
	c := newClient(t)
	a := createArticle(t, c, "T", tradeArticle)
	s := a.Statements[1]
	panel := c.Get(fmt.Sprintf("/statements/%d/panel", s.ID))
	wantContains(t, panel, "Comments (0)", "History", "Fix this statement", "Merge with the next statement", "Dismiss")

	// Comments: plain text, links clickable, HTML escaped.
	r := c.Post(fmt.Sprintf("/statements/%d/comments", s.ID), url.Values{"body": {"See https://ustr.gov/x. <script>alert(1)</script>"}}, true)
	wantStatus(t, r, http.StatusOK)
	wantContains(t, r, `<a href="https://ustr.gov/x"`, "&lt;script&gt;", "Comments (1)")
	if strings.Contains(r.Body, "<script>alert") {
		t.Fatal("a comment reached the page as HTML")
	}
	// History fragment.
	wantContains(t, c.Get(fmt.Sprintf("/statements/%d/history", s.ID)), "Comment", c.user.Name)
	// Dismiss from the panel updates the highlight out of band.
	d := c.Post(fmt.Sprintf("/statements/%d/dismiss", s.ID), url.Values{"version": {"1"}, "reason": {"a caption"}}, true)
	wantStatus(t, d, http.StatusOK)
	wantContains(t, d, "Dismissed: a caption", "Restore to review", `hx-swap-oob="true"`)
	// Stale version: conflict shown in the panel.
	stale := c.Post(fmt.Sprintf("/statements/%d/restore", s.ID), url.Values{"version": {"1"}}, true)
	wantStatus(t, stale, http.StatusConflict)
	wantContains(t, stale, "Someone else saved this statement")
	// Split from the panel reloads the article.
	sp := c.Post(fmt.Sprintf("/statements/%d/split", s.ID), url.Values{"version": {"2"}, "at": {fmt.Sprint(s.Start + strings.Index(s.Text, " worth"))}}, true)
	wantStatus(t, sp, http.StatusOK)
	if loc := sp.Header.Get("HX-Redirect"); !strings.HasPrefix(loc, fmt.Sprintf("/articles/%d?s=%d", a.ID, s.ID)) {
		t.Errorf("HX-Redirect = %q", loc)
	}
	// Reviewers see no editor tools and cannot use them.
	rv := c.as(models.Reviewer)
	if p := rv.Get(fmt.Sprintf("/statements/%d/panel", s.ID)); strings.Contains(p.Body, "Fix this statement") {
		t.Error("a reviewer sees the editor tools")
	}
	wantStatus(t, rv.Post(fmt.Sprintf("/statements/%d/dismiss", s.ID), url.Values{"version": {"3"}, "reason": {"x"}}, true), http.StatusForbidden)
	// The activity feed lists what happened.
	wantContains(t, c.Get(fmt.Sprintf("/articles/%d/activity", a.ID)), "Dismissed", "Split", "Comment")
}
