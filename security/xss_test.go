package security

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/export"
	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/models"
)

// xssCorpus is markup that must never reach a page as markup.
var xssCorpus = []string{
	`<script>alert(1)</script>`,
	`<img src=x onerror=alert(2)>`,
	`"><svg onload=alert(3)>`,
	`'><iframe src=javascript:alert(4)>`,
	`</textarea><script>alert(5)</script>`,
	`</script><script>alert(6)</script>`,
}

// A check that held in the audit: no stored XSS in any page or export.
// Every text a user can store carries the corpus; every page and export
// that shows it must escape it.
func TestStoredXSSCorpus(t *testing.T) {
	d := newDesk(t, handlers.Config{BaseURL: "https://desk.example", Organization: "Desk"})
	admin := d.signedIn(models.Admin)
	all := strings.Join(xssCorpus, " ")
	rev := d.browser()
	rev.user, _ = d.store.CreateUser(t.Context(), models.UserInput{Email: "x@example.org", Name: "Eve " + xssCorpus[1], Role: models.Reviewer, Password: password})
	rev.Get("/login")
	rev.Post("/login", url.Values{"email": {rev.user.Email}, "password": {password}}, false)
	rev.Get("/")
	rev.Token, _, _ = d.store.CreateToken(t.Context(), rev.user.ID, "t")

	a := d.anArticle("Title "+all, "In 2024 trade was worth $5.2bn "+all+".\n\nMissiles fly at supersonic speed "+xssCorpus[0]+".\n")
	st := a.Statements[0]
	r := rev.API(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", st.ID), map[string]any{
		"verdict": "corrected", "version": 1, "note": "Note " + all, "correction": "Fixed " + all,
		"sources": []map[string]string{{"url": "https://example.org/?q=" + url.QueryEscape(xssCorpus[0]), "title": "T " + all, "publisher": "P " + all, "quote": "Q " + all}},
	})
	want(t, r, http.StatusOK)
	want(t, rev.API(http.MethodPost, fmt.Sprintf("/api/v1/statements/%d/comments", st.ID), map[string]string{"body": "C " + all}), http.StatusCreated)
	want(t, admin.API(http.MethodPost, fmt.Sprintf("/api/v1/statements/%d/dismiss", a.Statements[1].ID), map[string]any{"reason": "R " + all, "version": 1}), http.StatusOK)

	pages := []string{"/", "/queue", "/pool", "/statements", "/statements?q=" + url.QueryEscape(xssCorpus[0]), "/team", "/reports/team",
		"/account", "/admin/users", "/notifications",
		fmt.Sprintf("/articles/%d", a.ID), fmt.Sprintf("/articles/%d/activity", a.ID), fmt.Sprintf("/articles/%d/corrected", a.ID),
		fmt.Sprintf("/articles/%d/print", a.ID), fmt.Sprintf("/statements/%d/panel", st.ID), fmt.Sprintf("/statements/%d/history", st.ID),
		fmt.Sprintf("/statements/%d/matches", st.ID)}
	for _, f := range export.Names() {
		pages = append(pages, fmt.Sprintf("/articles/%d/export?format=%s", a.ID, f))
	}
	if r := admin.Get(fmt.Sprintf("/articles/%d", a.ID)); !strings.Contains(r.Body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Fatal("the article page does not show the payload as text: the corpus never reached it")
	}
	for _, p := range pages {
		r := admin.Get(p)
		if r.Status != http.StatusOK {
			t.Errorf("GET %s: %d", p, r.Status)
			continue
		}
		ct := r.Header.Get("Content-Type")
		for _, x := range xssCorpus {
			// HTML must escape markup; JSON-LD must stay safe inside a
			// <script> element; the other formats are plain text files.
			if (strings.Contains(ct, "html") || strings.Contains(ct, "ld+json")) && strings.Contains(r.Body, x) {
				t.Errorf("GET %s (%s) holds %q unescaped", p, ct, x)
			}
		}
		if strings.Contains(ct, "ld+json") && strings.Contains(strings.ToLower(r.Body), "</script") {
			t.Errorf("GET %s: JSON-LD could close its script element", p)
		}
	}
}
