package handlers_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
)

// getIf fetches path as c with If-None-Match: etag.
func (c *client) getIf(path, etag string) response {
	c.T.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.Base+path, nil)
	req.Header.Set("If-None-Match", etag)
	return c.Do(req)
}

// A repeat view of an unchanged article page is 304 Not Modified; any
// change to the article, or to what the page shows the viewer, draws it
// again, with the change.
func TestArticlePageETag(t *testing.T) {
	c := newClient(t)
	rev := c.as(models.Reviewer)
	a := createArticle(t, c, "Trade talks", tradeArticle)
	path := fmt.Sprintf("/articles/%d", a.ID)
	first := c.Get(path)
	wantStatus(t, first, http.StatusOK)
	etag := first.Header.Get("ETag")
	if !strings.HasPrefix(etag, `W/"`) || first.Header.Get("Cache-Control") != "private, no-cache" {
		t.Fatalf("ETag %q, Cache-Control %q", etag, first.Header.Get("Cache-Control"))
	}
	if again := c.getIf(path, etag); again.Status != http.StatusNotModified || again.Body != "" {
		t.Fatalf("repeat view: %d with %d bytes, want 304 and nothing", again.Status, len(again.Body))
	}
	// Another person's copy is theirs: their ETag differs.
	if other := rev.getIf(path, etag); other.Status != http.StatusOK {
		t.Errorf("another user's view with this ETag: %d, want 200", other.Status)
	}
	// Someone saves a verdict: the page changes, and says so.
	s := a.Statements[1]
	wantStatus(t, rev.API(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", s.ID), map[string]any{
		"verdict": "verified", "version": 1, "sources": []map[string]string{{"url": "https://ustr.gov/x"}}}), http.StatusOK)
	changed := c.getIf(path, etag)
	wantStatus(t, changed, http.StatusOK)
	wantContains(t, changed, fmt.Sprintf(`id="s-%d" class="stmt v-verified"`, s.ID))
	if changed.Header.Get("ETag") == etag {
		t.Error("the ETag did not change with the article")
	}
	etag = changed.Header.Get("ETag")
	// A comment, an assignment: each moves the page on.
	wantStatus(t, rev.API(http.MethodPost, fmt.Sprintf("/api/v1/statements/%d/comments", s.ID), map[string]string{"body": "ok"}), http.StatusCreated)
	if r := c.getIf(path, etag); r.Status != http.StatusOK {
		t.Errorf("after a comment: %d, want 200", r.Status)
	} else {
		etag = r.Header.Get("ETag")
	}
	wantStatus(t, c.API(http.MethodPost, "/api/v1/assignments", map[string]any{"statement_ids": []uint{a.Statements[2].ID}, "assignee_id": rev.user.ID}), http.StatusOK)
	r := c.getIf(path, etag)
	wantStatus(t, r, http.StatusOK)
	wantContains(t, r, rev.user.Name)
	// The reviewer's queue count is on their page: it is part of theirs.
	rp := rev.Get(path)
	wantContains(t, rp, `<span class="count" id="queue-count">1</span>`)
}

// The statement list and the article text are drawn once per revision and
// shared, but by what the viewer may do: an editor's copy offers to
// restore furniture, a reviewer's viewing the same revision does not, and
// neither sees the other's. A change draws both again.
func TestArticlePagePartsPerPermission(t *testing.T) {
	ed := newClient(t)
	rev := ed.as(models.Reviewer)
	a := createArticle(t, ed, "Rates", furnitureArticle)
	path := fmt.Sprintf("/articles/%d", a.ID)
	for range 2 { // drawn, then from the cache
		if r := ed.Get(path); !strings.Contains(r.Body, `class="restore"`) {
			t.Fatalf("the editor's page offers no restore button")
		}
		r := rev.Get(path)
		wantStatus(t, r, http.StatusOK)
		if strings.Contains(r.Body, `class="restore"`) {
			t.Fatalf("the reviewer's page offers to restore furniture")
		}
		if got := articleText(t, r.Body); got != furnitureArticle {
			t.Fatalf("the article text is %q, want the body", got)
		}
	}
	s := a.Statements[0]
	wantStatus(t, rev.API(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", s.ID), map[string]any{
		"verdict": "disputed", "note": "No.", "version": 1, "sources": []map[string]string{{"url": "https://boz.zm/x"}}}), http.StatusOK)
	for _, c := range []*client{ed, rev} {
		r := c.Get(path)
		wantContains(t, r, fmt.Sprintf(`id="s-%d" class="stmt v-disputed"`, s.ID))
		if !regexp.MustCompile(fmt.Sprintf(`<li id="li-%d"[^>]* data-verdict="disputed"`, s.ID)).MatchString(r.Body) {
			t.Errorf("%s: the list item does not say disputed", c.user.Role)
		}
	}
}

// A view of the article page costs a few small queries, whatever the
// article's size: who is asking (one), the navigation counts (one), the
// revision (one) and, for those who assign work, the assignees (one).
// The statements are read once per revision, not once per view.
func TestArticlePageQueries(t *testing.T) {
	c := newClient(t)
	log := watchSQL(t, c.store.DB(), c.store.Writer())
	a := createArticle(t, c, "Trade talks", tradeArticle)
	path := fmt.Sprintf("/articles/%d", a.ID)
	wantStatus(t, c.Get(path), http.StatusOK) // the first view reads the article
	for _, who := range []struct {
		c    *client
		want int
	}{{c, 4}, {c.as(models.Reviewer), 3}} {
		log.start()
		r := who.c.Get(path)
		stmts := log.stop()
		wantStatus(t, r, http.StatusOK)
		for _, q := range stmts {
			if strings.Contains(q, "FROM `statements`") && !strings.Contains(q, "COUNT(") {
				t.Errorf("a repeat view read statements: %s", q)
			}
		}
		if len(stmts) != who.want {
			t.Errorf("%s: a view ran %d SQL statements, want %d:\n%s", who.c.user.Role, len(stmts), who.want, strings.Join(stmts, "\n"))
		}
	}
}
