package handlers_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// createArticle posts the new-article form and returns the stored article.
func createArticle(t *testing.T, c *client, title, body string) *models.Article {
	t.Helper()
	r := c.Post("/articles", url.Values{"title": {title}, "body": {body}}, false)
	wantStatus(t, r, http.StatusSeeOther)
	var id uint
	if _, err := fmt.Sscanf(r.Header.Get("Location"), "/articles/%d", &id); err != nil {
		t.Fatalf("redirect to %q", r.Header.Get("Location"))
	}
	a, err := c.store.ArticleByID(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// The first complete path: paste an article, review a statement with a
// source and a correction, see the page change, export the report.
func TestPasteReviewExport(t *testing.T) {
	c := newClient(t)
	a := createArticle(t, c, "Trade <talks>", tradeArticle)
	if len(a.Statements) < 3 {
		t.Fatalf("only %d statements", len(a.Statements))
	}
	var s models.Statement
	for _, x := range a.Statements {
		if strings.Contains(x.Text, "supersonic") {
			s = x
		}
	}
	if s.ID == 0 {
		t.Fatal("no statement about supersonic speed")
	}

	page := c.Get(fmt.Sprintf("/articles/%d", a.ID))
	wantStatus(t, page, http.StatusOK)
	wantContains(t, page, "Trade &lt;talks&gt;", fmt.Sprintf(`id="s-%d"`, s.ID), fmt.Sprintf(`hx-get="/statements/%d/panel"`, s.ID))

	panel := c.Get(fmt.Sprintf("/statements/%d/panel", s.ID))
	wantStatus(t, panel, http.StatusOK)
	wantContains(t, panel, `name="version" value="1"`, "Save review")

	r := c.Post(fmt.Sprintf("/statements/%d", s.ID), url.Values{
		"version": {"1"}, "verdict": {"corrected"},
		"correction":       {"Tomahawk missiles fly at subsonic speed, about 880 km/h."},
		"note":             {"Manufacturer data."},
		"source_url":       {"https://www.navy.mil/Resources/Fact-Files/Display-FactFiles/Article/2169229/", ""},
		"source_title":     {"Tomahawk cruise missile fact file", ""},
		"source_publisher": {"US Navy", ""},
		"source_quote":     {"Speed: Subsonic – about 550 mph", ""},
	}, true)
	wantStatus(t, r, http.StatusOK)
	wantContains(t, r, "Saved.",
		fmt.Sprintf(`id="s-%d" class="stmt v-corrected"`, s.ID), // the highlight, out of band
		`id="progress" hx-swap-oob="true"`, "1 of ",
		`name="version" value="2"`)

	got, _ := c.store.StatementByID(t.Context(), s.ID)
	if got.Verdict != rating.Corrected || len(got.Sources) != 1 || got.Sources[0].Publisher != "US Navy" {
		t.Fatalf("stored: %+v", got)
	}

	rep := c.Get(fmt.Sprintf("/articles/%d/report.md", a.ID))
	wantStatus(t, rep, http.StatusOK)
	if ct := rep.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/markdown") {
		t.Errorf("Content-Type = %q", ct)
	}
	if cd := rep.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="trade-talks-2025-10-20.md"`) {
		t.Errorf("Content-Disposition = %q", cd)
	}
	wantContains(t, rep, "subsonic speed, about 880 km/h", "https://www.navy.mil/", "Tomahawk cruise missile fact file")
}

func TestNewArticleFormRejectsBadInput(t *testing.T) {
	big := strings.Repeat("Word. ", (models.MaxBodyBytes/6)+10)
	tests := []struct {
		name, title, body string
		want              []string
	}{
		{"empty title", "", "Some text.", []string{"Give the article a title.", "Some text."}},
		{"empty body", "Kept title", "   ", []string{"Paste the article text.", `value="Kept title"`}},
		{"body over 2 MB", "Big", big, []string{"at most 2 MB", `value="Big"`}},
		{"invalid UTF-8", "Latin-1", "caf\xe9 au lait", []string{"not valid UTF-8", "caf\uFFFD au lait"}},
	}
	c := newClient(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Post("/articles", url.Values{"title": {tt.title}, "body": {tt.body}}, false)
			wantStatus(t, r, http.StatusUnprocessableEntity)
			wantContains(t, r, append(tt.want, "Nothing was saved.")...)
		})
	}
	list := articleList(t, c.store)
	if len(list) != 0 {
		t.Fatalf("bad input stored %d articles", len(list))
	}
}

func TestFormsNeedCSRFToken(t *testing.T) {
	tests := []struct {
		name  string
		token string
	}{
		{"missing", ""},
		{"wrong", "forged-token"},
	}
	c := newClient(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := url.Values{"title": {"T"}, "body": {"Text."}}
			if tt.token != "" {
				form.Set("_csrf", tt.token)
			}
			r := c.PostRaw("/articles", form, false)
			wantStatus(t, r, http.StatusForbidden)
			wantContains(t, r, "Reload the page and try again", `class="error-page`)
		})
	}
	list := articleList(t, c.store)
	if len(list) != 0 {
		t.Fatal("a forged form stored an article")
	}
}

func TestHugePasteIsRefusedClearly(t *testing.T) {
	c := newClient(t)
	r := c.Post("/articles", url.Values{"title": {"T"}, "body": {strings.Repeat("x", 50<<20)}}, false)
	wantStatus(t, r, http.StatusRequestEntityTooLarge)
	wantContains(t, r, "too large")
}

// Two reviewers open the same statement; the second to save is told, sees
// the first one's verdict, and keeps everything they typed.
func TestReviewConflictKeepsInput(t *testing.T) {
	c := newClient(t)
	a := createArticle(t, c, "T", tradeArticle)
	s := a.Statements[1]
	path := fmt.Sprintf("/statements/%d", s.ID)

	first := c.Post(path, url.Values{"version": {"1"}, "verdict": {"disputed"}, "note": {"First reviewer's note"}, "source_url": {"https://example.org/first"}}, true)
	wantStatus(t, first, http.StatusOK)

	second := c.Post(path, url.Values{"version": {"1"}, "verdict": {"verified"}, "note": {"Second reviewer typed this"},
		"source_url": {"https://example.org/evidence"}, "source_title": {"Evidence"}}, true)
	wantStatus(t, second, http.StatusConflict)
	wantContains(t, second, c.user.Name+" saved this statement while you were editing", "First reviewer&#39;s note",
		"Second reviewer typed this", "https://example.org/evidence", `name="version" value="2"`)

	got, _ := c.store.StatementByID(t.Context(), s.ID)
	if got.Verdict != rating.Disputed || got.Note != "First reviewer's note" {
		t.Fatalf("the stale save changed the statement: %+v", got)
	}
	// Saving again, now based on version 2, is a deliberate overwrite.
	third := c.Post(path, url.Values{"version": {"2"}, "verdict": {"verified"}, "note": {"Second reviewer typed this"}, "source_url": {"https://example.org/evidence"}}, true)
	wantStatus(t, third, http.StatusOK)
}

func TestReviewValidationKeepsInput(t *testing.T) {
	c := newClient(t)
	a := createArticle(t, c, "T", tradeArticle)
	path := fmt.Sprintf("/statements/%d", a.Statements[1].ID)
	r := c.Post(path, url.Values{"version": {"1"}, "verdict": {"corrected"}, "note": {"My careful note"},
		"source_url": {"ftp://files.example.org/report.pdf"}}, true)
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantContains(t, r, "Not saved", "needs the corrected wording", "must start with http", "My careful note", "ftp://files.example.org/report.pdf")
}

// Without JavaScript the review form still works: it redirects back.
func TestReviewWithoutJavaScript(t *testing.T) {
	c := newClient(t)
	a := createArticle(t, c, "T", tradeArticle)
	s := a.Statements[1]
	r := c.Post(fmt.Sprintf("/statements/%d", s.ID), url.Values{"version": {"1"}, "verdict": {"verified"}, "source_url": {"https://example.org/a"}}, false)
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.Header.Get("Location"); loc != fmt.Sprintf("/articles/%d?s=%d", a.ID, s.ID) {
		t.Errorf("Location = %q", loc)
	}
	page := c.Get(r.Header.Get("Location"))
	wantContains(t, page, `class="review-panel"`, fmt.Sprintf(`data-statement="%d"`, s.ID))
}

func TestErrorPages(t *testing.T) {
	tests := []struct {
		path string
		code int
		want string
	}{
		{"/articles/999", http.StatusNotFound, "We could not find that"},
		{"/articles/abc", http.StatusNotFound, "could not find"},
		{"/no/such/page", http.StatusNotFound, "could not find"},
		{"/statements/999/panel", http.StatusNotFound, "could not find"},
	}
	c := newClient(t)
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			r := c.Get(tt.path)
			wantStatus(t, r, tt.code)
			wantContains(t, r, tt.want, "Factcheck <span>Desk</span>", "/static/app.css")
		})
	}
}

func TestHomeListsProgress(t *testing.T) {
	c := newClient(t)
	empty := c.Get("/")
	wantContains(t, empty, "No articles yet", "Load the example article")
	demo := c.Post("/demo", url.Values{}, false)
	wantStatus(t, demo, http.StatusSeeOther)
	home := c.Get("/")
	wantContains(t, home, "Will the US supply Tomahawk missiles to Ukraine?", "0 of ", "reviewed")
}
