package handlers_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
)

// getIf fetches path as c with If-None-Match: etag.
func (c *client) getIf(path, etag string) response {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.base+path, nil)
	req.Header.Set("If-None-Match", etag)
	return c.do(req)
}

// A repeat view of an unchanged article page is 304 Not Modified; any
// change to the article, or to what the page shows the viewer, draws it
// again, with the change.
func TestArticlePageETag(t *testing.T) {
	c := newClient(t)
	rev := c.as(models.Reviewer)
	a := createArticle(t, c, "Trade talks", tradeArticle)
	path := fmt.Sprintf("/articles/%d", a.ID)
	first := c.get(path)
	wantStatus(t, first, http.StatusOK)
	etag := first.header.Get("ETag")
	if !strings.HasPrefix(etag, `W/"`) || first.header.Get("Cache-Control") != "private, no-cache" {
		t.Fatalf("ETag %q, Cache-Control %q", etag, first.header.Get("Cache-Control"))
	}
	if again := c.getIf(path, etag); again.status != http.StatusNotModified || again.body != "" {
		t.Fatalf("repeat view: %d with %d bytes, want 304 and nothing", again.status, len(again.body))
	}
	// Another person's copy is theirs: their ETag differs.
	if other := rev.getIf(path, etag); other.status != http.StatusOK {
		t.Errorf("another user's view with this ETag: %d, want 200", other.status)
	}
	// Someone saves a verdict: the page changes, and says so.
	s := a.Statements[1]
	wantStatus(t, rev.api(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", s.ID), map[string]any{
		"verdict": "verified", "version": 1, "sources": []map[string]string{{"url": "https://ustr.gov/x"}}}), http.StatusOK)
	changed := c.getIf(path, etag)
	wantStatus(t, changed, http.StatusOK)
	wantContains(t, changed, fmt.Sprintf(`id="s-%d" class="stmt v-verified"`, s.ID))
	if changed.header.Get("ETag") == etag {
		t.Error("the ETag did not change with the article")
	}
	etag = changed.header.Get("ETag")
	// A comment, an assignment: each moves the page on.
	wantStatus(t, rev.api(http.MethodPost, fmt.Sprintf("/api/v1/statements/%d/comments", s.ID), map[string]string{"body": "ok"}), http.StatusCreated)
	if r := c.getIf(path, etag); r.status != http.StatusOK {
		t.Errorf("after a comment: %d, want 200", r.status)
	} else {
		etag = r.header.Get("ETag")
	}
	wantStatus(t, c.api(http.MethodPost, "/api/v1/assignments", map[string]any{"statement_ids": []uint{a.Statements[2].ID}, "assignee_id": rev.user.ID}), http.StatusOK)
	r := c.getIf(path, etag)
	wantStatus(t, r, http.StatusOK)
	wantContains(t, r, rev.user.Name)
	// The reviewer's queue count is on their page: it is part of theirs.
	rp := rev.get(path)
	wantContains(t, rp, `<span class="count" id="queue-count">1</span>`)
}
