package handlers_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

type apiStatement struct {
	ID         uint     `json:"id"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Text       string   `json:"text"`
	Checkable  bool     `json:"checkable"`
	Score      float64  `json:"score"`
	Reasons    []string `json:"reasons"`
	Facets     []any    `json:"facets"`
	Verdict    string   `json:"verdict"`
	Note       string   `json:"note"`
	Correction string   `json:"correction"`
	AssigneeID *uint    `json:"assignee_id"`
	Sources    []struct {
		URL   string `json:"url"`
		Title string `json:"title"`
	} `json:"sources"`
	Version int `json:"version"`
}

type apiArticle struct {
	ID         uint           `json:"id"`
	Title      string         `json:"title"`
	Body       string         `json:"body"`
	URL        string         `json:"url"`
	Statements []apiStatement `json:"statements"`
}

func TestAPIArticleContract(t *testing.T) {
	c := newClient(t)
	r := c.API(http.MethodPost, "/api/v1/articles", map[string]any{
		"title": "Trade", "body": tradeArticle, "url": "https://example.org/trade", "author": "Desk", "published_at": "2025-10-17",
	})
	wantStatus(t, r, http.StatusCreated)
	// Every field of the contract is present, lists as [] never null.
	for _, field := range []string{`"id":`, `"start":`, `"end":`, `"text":`, `"checkable":`, `"score":`, `"reasons":[`, `"facets":[`, `"verdict":"unreviewed"`, `"note":""`, `"correction":""`, `"sources":[]`, `"version":1`} {
		if !strings.Contains(r.Body, field) {
			t.Errorf("POST response lacks %s", field)
		}
	}
	created := decode[apiArticle](t, r)
	if created.ID == 0 || len(created.Statements) == 0 {
		t.Fatalf("created = %+v", created)
	}
	for _, s := range created.Statements {
		if created.Body[s.Start:s.End] != s.Text || s.Score < 0 || s.Score > 1 {
			t.Errorf("statement offsets or score wrong: %+v", s)
		}
	}

	one := c.API(http.MethodGet, fmt.Sprintf("/api/v1/articles/%d", created.ID), nil)
	wantStatus(t, one, http.StatusOK)
	if got := decode[apiArticle](t, one); got.URL != "https://example.org/trade" || len(got.Statements) != len(created.Statements) {
		t.Errorf("GET article = %+v", got)
	}
	list := c.API(http.MethodGet, "/api/v1/articles", nil)
	wantStatus(t, list, http.StatusOK)
	if got := decode[[]apiArticle](t, list); len(got) != 1 || len(got[0].Statements) == 0 {
		t.Errorf("GET articles = %+v", got)
	}
	rep := c.API(http.MethodGet, fmt.Sprintf("/api/v1/articles/%d/report.md", created.ID), nil)
	wantStatus(t, rep, http.StatusOK)
	wantContains(t, rep, "Trade")
}

// The list of whole articles takes articles it has read before from the
// article cache, by revision: a change shows in the next list.
func TestAPIArticleListFollowsChanges(t *testing.T) {
	c := newClient(t)
	first := decode[apiArticle](t, c.API(http.MethodPost, "/api/v1/articles", map[string]string{"title": "First", "body": tradeArticle}))
	second := decode[apiArticle](t, c.API(http.MethodPost, "/api/v1/articles", map[string]string{"title": "Second", "body": tradeArticle + "\n\nAnother line."}))
	list := func(query string) []apiArticle {
		t.Helper()
		r := c.API(http.MethodGet, "/api/v1/articles"+query, nil)
		wantStatus(t, r, http.StatusOK)
		return decode[[]apiArticle](t, r)
	}
	titles := func(l []apiArticle) (out []string) {
		for _, a := range l {
			out = append(out, a.Title)
		}
		return out
	}
	if got := titles(list("")); !slices.Equal(got, []string{"Second", "First"}) {
		t.Fatalf("list: %v, want newest first", got)
	}
	s := first.Statements[1]
	r := c.API(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", s.ID), map[string]any{"verdict": "disputed", "note": "No.", "version": 1,
		"sources": []map[string]string{{"url": "https://ustr.gov/russia", "title": "USTR"}}})
	wantStatus(t, r, http.StatusOK)
	got := list("")
	if st := got[1].Statements[1]; st.ID != s.ID || st.Verdict != "disputed" || st.Version != 2 {
		t.Fatalf("after a review the list shows %+v", st)
	}
	if got := titles(list("?limit=1&offset=1")); !slices.Equal(got, []string{"First"}) {
		t.Fatalf("limit=1&offset=1: %v", got)
	}
	wantStatus(t, c.API(http.MethodDelete, fmt.Sprintf("/api/v1/articles/%d", second.ID), nil), http.StatusNoContent)
	if got := titles(list("")); !slices.Equal(got, []string{"First"}) {
		t.Fatalf("after deleting Second: %v", got)
	}
}

func TestAPICreateArticleErrors(t *testing.T) {
	tests := []struct {
		name string
		ct   string
		body string
		code int
		want string
	}{
		{"empty title", "application/json", `{"title":"","body":"Text."}`, 422, "title"},
		{"empty body", "application/json", `{"title":"T","body":""}`, 422, "Paste the article text"},
		{"invalid UTF-8", "application/json", "{\"title\":\"T\",\"body\":\"caf\xe9\"}", 422, "not valid UTF-8"},
		{"body too long", "application/json", `{"title":"T","body":"` + strings.Repeat("a", 2<<20+1) + `"}`, 422, "at most 2 MB"},
		{"bad JSON", "application/json", `{"title":`, 400, "invalid JSON"},
		{"not JSON", "text/plain", `title=T`, 415, "Content-Type: application/json"},
		{"ftp url", "application/json", `{"title":"T","body":"Text.","url":"ftp://x"}`, 422, "http"},
	}
	c := newClient(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, c.Base+"/api/v1/articles", strings.NewReader(tt.body))
			req.Header.Set("Content-Type", tt.ct)
			r := c.Do(req)
			wantStatus(t, r, tt.code)
			e := decode[map[string]any](t, r)
			if msg, _ := e["error"].(string); !strings.Contains(msg, tt.want) {
				t.Errorf("error = %q, want it to mention %q", msg, tt.want)
			}
		})
	}
	if list := decode[[]apiArticle](t, c.API(http.MethodGet, "/api/v1/articles", nil)); len(list) != 0 {
		t.Fatalf("bad input stored %d articles", len(list))
	}
}

func TestAPIPatchStatement(t *testing.T) {
	c := newClient(t)
	created := decode[apiArticle](t, c.API(http.MethodPost, "/api/v1/articles", map[string]string{"title": "T", "body": tradeArticle}))
	s := created.Statements[1]
	path := fmt.Sprintf("/api/v1/statements/%d", s.ID)

	tests := []struct {
		name string
		body string
		code int
		want string
	}{
		{"unknown verdict", `{"verdict":"mostly-true","version":1}`, 422, "Unknown verdict"},
		{"corrected without correction", `{"verdict":"corrected","version":1}`, 422, "corrected wording"},
		{"source not http", `{"verdict":"verified","sources":[{"url":"javascript:alert(1)","title":"x"}],"version":1}`, 422, "http"},
		{"no version", `{"verdict":"verified"}`, 422, "version"},
		{"stale version", `{"verdict":"verified","version":0}`, 422, "version"},
		{"unknown statement", `{"verdict":"verified","version":1}`, 404, "find"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := path
			if tt.code == 404 {
				p = "/api/v1/statements/99999"
			}
			r := c.API(http.MethodPatch, p, tt.body)
			wantStatus(t, r, tt.code)
			if msg, _ := decode[map[string]any](t, r)["error"].(string); !strings.Contains(msg, tt.want) {
				t.Errorf("error = %q, want %q", msg, tt.want)
			}
		})
	}

	r := c.API(http.MethodPatch, path, map[string]any{
		"verdict": "corrected", "correction": "about $5.3bn", "note": "USTR",
		"sources": []map[string]string{{"url": "https://ustr.gov/russia", "title": "USTR"}}, "version": 1,
	})
	wantStatus(t, r, http.StatusOK)
	got := decode[apiStatement](t, r)
	if got.Version != 2 || got.Verdict != "corrected" || got.Correction != "about $5.3bn" || len(got.Sources) != 1 {
		t.Fatalf("patched = %+v", got)
	}

	// A partial patch keeps the other fields.
	r = c.API(http.MethodPatch, path, `{"note":"USTR, 2024 figures","version":2}`)
	wantStatus(t, r, http.StatusOK)
	if got := decode[apiStatement](t, r); got.Verdict != "corrected" || len(got.Sources) != 1 || got.Note != "USTR, 2024 figures" {
		t.Fatalf("partial patch = %+v", got)
	}

	// Stale: version 2 is gone now. Nothing changes; the current state comes back.
	r = c.API(http.MethodPatch, path, `{"verdict":"verified","version":2}`)
	wantStatus(t, r, http.StatusConflict)
	wantContains(t, r, `"current":`, `"version":3`)
	if cur := decode[apiArticle](t, c.API(http.MethodGet, fmt.Sprintf("/api/v1/articles/%d", created.ID), nil)).Statements[1]; cur.Verdict != "corrected" || cur.Version != 3 {
		t.Fatalf("a stale patch changed the statement: %+v", cur)
	}
}

func TestAPINotFoundIsJSON(t *testing.T) {
	c := newClient(t)
	for _, p := range []string{"/api/v1/articles/42", "/api/v1/nothing", "/api/v1/articles/x/report.md"} {
		r := c.API(http.MethodGet, p, nil)
		wantStatus(t, r, http.StatusNotFound)
		if e := decode[map[string]any](t, r); e["error"] == nil {
			t.Errorf("%s: %s", p, r.Body)
		}
	}
}
