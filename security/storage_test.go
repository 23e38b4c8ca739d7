package security

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/models"
)

// Finding 5: an 8 MB source URL was stored; five 11-byte note edits of a
// statement with many sources grew the database by 109 MB, as each review
// stored full before and after snapshots; and the history came back as one
// 92 MB response. Every field now has a limit, a review stores only what
// it changed, and the history is paged.
func TestStorageAmplification(t *testing.T) {
	d := newDesk(t, handlers.Config{})
	rev := d.signedIn(models.Reviewer)
	a := d.anArticle("Amplify", article)
	st := a.Statements[1]
	path := fmt.Sprintf("/api/v1/statements/%d", st.ID)

	long := "https://example.org/" + strings.Repeat("a", models.MaxURLBytes)
	for _, body := range []map[string]any{
		{"verdict": "verified", "version": 1, "sources": []map[string]string{{"url": long}}},
		{"verdict": "verified", "version": 1, "sources": []map[string]string{{"url": "https://example.org", "title": strings.Repeat("t", models.MaxTitleBytes+1)}}},
		{"verdict": "verified", "version": 1, "sources": []map[string]string{{"url": "https://example.org", "quote": strings.Repeat("q", models.MaxNoteBytes+1)}}},
		{"verdict": "in_progress", "version": 1, "note": strings.Repeat("n", models.MaxNoteBytes+1)},
	} {
		want(t, rev.API(http.MethodPatch, path, body), http.StatusUnprocessableEntity, "too long")
	}
	want(t, rev.API(http.MethodPost, "/api/v1/articles", map[string]string{"title": "T", "body": "Body.", "url": long}), http.StatusForbidden) // a reviewer
	ed := d.signedIn(models.Editor)
	want(t, ed.API(http.MethodPost, "/api/v1/articles", map[string]string{"title": "T", "body": "Body.", "url": long}), http.StatusUnprocessableEntity, "too long")

	// Fifty sources with long quotes, then five small note edits.
	var sources []map[string]string
	for i := range models.MaxSources {
		sources = append(sources, map[string]string{"url": fmt.Sprintf("https://example.org/%d", i), "quote": strings.Repeat("q", 10_000)})
	}
	r := rev.API(http.MethodPatch, path, map[string]any{"verdict": "verified", "version": 1, "note": "checked", "sources": sources})
	want(t, r, http.StatusOK)
	for v := 2; v <= 6; v++ {
		want(t, rev.API(http.MethodPatch, path, map[string]any{"note": fmt.Sprintf("checked, v%d", v), "version": v}), http.StatusOK)
	}
	events, err := d.store.History(t.Context(), st.ID, 0, 100)
	if err != nil || len(events) != 6 {
		t.Fatalf("history: %d events, %v", len(events), err)
	}
	for _, e := range events[1:] {
		if n := len(e.Before) + len(e.After); n > 200 {
			t.Errorf("a note edit stored %d bytes of history: %.200s", n, e.After)
		}
		if got := e.Changed(); len(got) != 1 || got[0] != "note" {
			t.Errorf("a note edit changed %v", got)
		}
	}

	// The history comes in pages, each naming the next.
	seen := 0
	next := path + "/history?limit=4"
	for next != "" {
		r := rev.API(http.MethodGet, next, nil)
		want(t, r, http.StatusOK)
		seen += strings.Count(r.Body, `"action":`)
		next = ""
		if link := r.Header.Get("Link"); link != "" {
			next = strings.TrimPrefix(strings.SplitN(link, ">", 2)[0], "<")
		}
	}
	if seen != 6 {
		t.Errorf("paging through the history saw %d entries, want 6", seen)
	}
	want(t, rev.API(http.MethodGet, path+"/history?limit=100000", nil), http.StatusBadRequest)
}
