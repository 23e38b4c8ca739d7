package handlers_test

import (
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata")

// timestamps and secrets differ from run to run; the rest of every
// response is the API's contract.
var (
	timestampRE = regexp.MustCompile(`"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)"`)
	userNumRE   = regexp.MustCompile(`(admin|editor|reviewer)\d+@example\.org|(Admin|Editor|Reviewer) \d+`)
	dayRE       = regexp.MustCompile(`\(added \d+ \w+ \d{4}\)`)
	secretRE    = regexp.MustCompile(`whsec_[0-9a-f]+`)
)

// TestAPIContract drives every JSON route through one scripted session and
// compares each response (status and body) with testdata/api_contract.golden.
// Outside checks rely on these shapes: a change here must be deliberate
// (go test ./handlers -run TestAPIContract -update) and extend, never
// rename or drop, a field.
func TestAPIContract(t *testing.T) {
	admin := newClient(t)
	rev := admin.as(models.Reviewer)
	var out strings.Builder
	step := func(name string, r response) response {
		t.Helper()
		body := timestampRE.ReplaceAllString(r.Body, `"<time>"`)
		body = userNumRE.ReplaceAllStringFunc(body, func(s string) string {
			return regexp.MustCompile(`\d+`).ReplaceAllString(s, "N")
		})
		body = dayRE.ReplaceAllString(body, "(added <day>)")
		body = secretRE.ReplaceAllString(body, "whsec_<secret>")
		fmt.Fprintf(&out, "== %s\n%d %s\n", name, r.Status, strings.TrimSpace(body))
		return r
	}

	step("me", admin.API(http.MethodGet, "/api/v1/me", nil))
	step("users", admin.API(http.MethodGet, "/api/v1/users", nil))
	step("create user", admin.API(http.MethodPost, "/api/v1/users", map[string]string{
		"email": "new@example.org", "name": "New Person", "role": "reviewer", "password": "a long password here"}))
	step("create user invalid", admin.API(http.MethodPost, "/api/v1/users", map[string]string{"email": "nope"}))
	step("create article", admin.API(http.MethodPost, "/api/v1/articles", map[string]string{"title": "Trade talks", "body": tradeArticle}))
	step("duplicate article", admin.API(http.MethodPost, "/api/v1/articles", map[string]string{"title": "Trade talks", "body": tradeArticle}))
	step("list articles", admin.API(http.MethodGet, "/api/v1/articles", nil))
	step("article", admin.API(http.MethodGet, "/api/v1/articles/1", nil))
	step("missing article", admin.API(http.MethodGet, "/api/v1/articles/999", nil))
	step("statement", admin.API(http.MethodGet, "/api/v1/statements/2", nil))
	step("verify without source", rev.API(http.MethodPatch, "/api/v1/statements/2", map[string]any{"verdict": "verified", "version": 1}))
	step("verify", rev.API(http.MethodPatch, "/api/v1/statements/2", map[string]any{"verdict": "verified", "version": 1,
		"note": "Checked against USTR data.", "sources": []map[string]string{{"url": "https://ustr.gov/x", "title": "USTR", "accessed_at": "2025-10-01"}}}))
	step("stale verify", rev.API(http.MethodPatch, "/api/v1/statements/2", map[string]any{"verdict": "disputed", "version": 1}))
	step("sources", rev.API(http.MethodGet, "/api/v1/statements/2/sources", nil))
	step("add source", rev.API(http.MethodPost, "/api/v1/statements/2/sources", map[string]any{"url": "https://example.org/b", "title": "B", "version": 2}))
	step("edit source", rev.API(http.MethodPatch, "/api/v1/statements/2/sources/2", map[string]any{"publisher": "Example", "version": 3}))
	step("reorder sources", rev.API(http.MethodPost, "/api/v1/statements/2/sources/order", map[string]any{"ids": []uint{2, 1}, "version": 4}))
	step("delete source", rev.API(http.MethodDelete, "/api/v1/statements/2/sources/2?version=5", nil))
	step("comment", rev.API(http.MethodPost, "/api/v1/statements/2/comments", map[string]string{"body": "See https://example.org."}))
	step("comments", rev.API(http.MethodGet, "/api/v1/statements/2/comments", nil))
	step("history", rev.API(http.MethodGet, "/api/v1/statements/2/history", nil))
	page := step("history, first page of two", rev.API(http.MethodGet, "/api/v1/statements/2/history?limit=2", nil))
	if link := page.Header.Get("Link"); link != `</api/v1/statements/2/history?after=2&limit=2>; rel="next"` {
		t.Errorf("history page Link = %q", link)
	}
	step("history, next page", rev.API(http.MethodGet, "/api/v1/statements/2/history?after=2&limit=2", nil))
	step("matches", rev.API(http.MethodGet, "/api/v1/statements/3/matches", nil))
	step("bounds", admin.API(http.MethodPost, "/api/v1/statements/3/bounds", map[string]any{"version": 1, "start": 0, "end": 0}))
	step("split", admin.API(http.MethodPost, "/api/v1/statements/3/split", map[string]any{"version": 1, "at": 229}))
	step("merge", admin.API(http.MethodPost, "/api/v1/statements/3/merge", map[string]any{"version": 2, "next_version": 1}))
	step("dismiss", admin.API(http.MethodPost, "/api/v1/statements/4/dismiss", map[string]any{"version": 1, "reason": "Not a claim."}))
	step("restore", admin.API(http.MethodPost, "/api/v1/statements/4/restore", map[string]any{"version": 2}))
	step("create overlapping statement", admin.API(http.MethodPost, "/api/v1/articles/1/statements", map[string]any{"start": 0, "end": 11}))
	step("shorten", admin.API(http.MethodPost, "/api/v1/statements/4/bounds", map[string]any{"version": 3, "start": 249, "end": 261}))
	step("create statement", admin.API(http.MethodPost, "/api/v1/articles/1/statements", map[string]any{"start": 262, "end": 272}))
	step("assign article", admin.API(http.MethodPost, "/api/v1/assignments", map[string]any{"article_id": 1, "assignee_id": rev.user.ID}))
	step("assign", admin.API(http.MethodPost, "/api/v1/assignments", map[string]any{"statement_ids": []uint{3, 4, 6}, "assignee_id": rev.user.ID, "due_at": "2025-10-21", "priority": "urgent"}))
	step("queue", rev.API(http.MethodGet, "/api/v1/queue", nil))
	step("notifications", rev.API(http.MethodGet, "/api/v1/notifications", nil))
	step("search", rev.API(http.MethodGet, "/api/v1/statements?q=missiles", nil))
	step("unassign", admin.API(http.MethodPost, "/api/v1/assignments/unassign", map[string]any{"statement_ids": []uint{3}}))
	step("take next", rev.API(http.MethodPost, "/api/v1/queue/take", "{}"))
	step("activity", admin.API(http.MethodGet, "/api/v1/articles/1/activity", nil))
	step("export json", admin.API(http.MethodGet, "/api/v1/articles/1/export?format=json", nil))
	step("export claimreview", admin.API(http.MethodGet, "/api/v1/articles/1/export?format=claimreview", nil))
	step("not json", admin.API(http.MethodPost, "/api/v1/articles", nil))
	step("delete article", admin.API(http.MethodDelete, "/api/v1/articles/1", nil))

	// From verdict to publication, on an article of its own.
	art := decode[struct {
		Statements []struct{ ID uint } `json:"statements"`
	}](t, step("create article to publish", admin.API(http.MethodPost, "/api/v1/articles", map[string]string{"title": "Missiles", "body": tradeArticle})))
	s, own := art.Statements[2].ID, art.Statements[1].ID
	path := func(id uint, action string) string {
		return strings.TrimSuffix(fmt.Sprintf("/api/v1/statements/%d/%s", id, action), "/")
	}
	src := []map[string]string{{"url": "https://www.navy.mil/fact-file", "title": "Navy", "accessed_at": "2025-10-01"}}
	step("settings", admin.API(http.MethodGet, "/api/v1/settings", nil))
	step("settings invalid", admin.API(http.MethodPatch, "/api/v1/settings", map[string]any{"base_url": "ftp://checks.example.org"}))
	step("settings for reviewers", rev.API(http.MethodGet, "/api/v1/settings", nil))
	step("require approval", admin.API(http.MethodPatch, "/api/v1/settings", map[string]any{
		"organisation": map[string]string{"name": "Desk Fact Check"}, "base_url": "https://checks.example.org", "require_approval": true}))
	step("create webhook", admin.API(http.MethodPost, "/api/v1/webhooks", map[string]any{"url": "https://hooks.example.org/in", "events": []string{"approved", "published"}}))
	step("webhooks", admin.API(http.MethodGet, "/api/v1/webhooks", nil))
	step("submit", rev.API(http.MethodPatch, path(s, ""), map[string]any{"verdict": "corrected", "correction": "They fly at subsonic speed.",
		"sources": src, "version": 1}))
	step("awaiting approval", admin.API(http.MethodGet, "/api/v1/approvals", nil))
	step("publish before approval", admin.API(http.MethodPost, path(s, "publish"), map[string]any{"version": 2}))
	step("return without reason", admin.API(http.MethodPost, path(s, "return"), map[string]any{"version": 2}))
	step("return", admin.API(http.MethodPost, path(s, "return"), map[string]any{"version": 2, "reason": "Quote the fact file."}))
	step("queue after return", rev.API(http.MethodGet, "/api/v1/queue", nil))
	step("resubmit", rev.API(http.MethodPatch, path(s, ""), map[string]any{"note": "The Navy's fact file says subsonic.", "version": 3}))
	step("stale approval", admin.API(http.MethodPost, path(s, "approve"), map[string]any{"version": 3}))
	step("approve", admin.API(http.MethodPost, path(s, "approve"), map[string]any{"version": 4}))
	step("publish", admin.API(http.MethodPost, path(s, "publish"), map[string]any{"version": 5}))
	step("deliveries", admin.API(http.MethodGet, "/api/v1/webhooks/1/deliveries", nil))
	step("unpublish", admin.API(http.MethodPost, path(s, "unpublish"), map[string]any{"version": 6}))
	step("own save", admin.API(http.MethodPatch, path(own, ""), map[string]any{"verdict": "verified", "sources": src, "version": 1}))
	step("own approval", admin.API(http.MethodPost, path(own, "approve"), map[string]any{"version": 2}))

	golden := filepath.Join("testdata", "api_contract.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got := out.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("API responses differ from %s at line %d:\n got: %.2000s\nwant: %.2000s", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("API responses differ from %s in length: got %d lines, want %d", golden, len(gl), len(wl))
	}
}
