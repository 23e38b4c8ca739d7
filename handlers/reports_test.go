package handlers_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/models"
)

// reviewedArticle creates an article and corrects its statement about
// supersonic speed, with a source.
func reviewedArticle(t *testing.T, c *client) (*models.Article, models.Statement) {
	t.Helper()
	a := createArticle(t, c, "Trade <talks> & missiles", tradeArticle+"\n<script>alert(1)</script> costs 5 dollars.\n")
	var s models.Statement
	for _, x := range a.Statements {
		if strings.Contains(x.Text, "supersonic") {
			s = x
		}
	}
	r := c.Post(fmt.Sprintf("/statements/%d", s.ID), url.Values{
		"version": {"1"}, "verdict": {"corrected"},
		"correction": {"Tomahawk missiles fly at subsonic speed."}, "note": {"=HYPERLINK(\"http://evil\")"},
		"source_url": {"https://www.navy.mil/tomahawk"}, "source_title": {"Tomahawk fact file"},
	}, true)
	wantStatus(t, r, http.StatusOK)
	return a, s
}

func TestExportFormats(t *testing.T) {
	c := newClientWith(t, handlers.Config{Organization: "Desk News Fact Check", BaseURL: "https://desk.example.org/"})
	a, s := reviewedArticle(t, c)
	base := fmt.Sprintf("/articles/%d/export?format=", a.ID)
	tests := []struct {
		format, contentType, file string
		want                      []string
	}{
		{"md", "text/markdown; charset=utf-8", "trade-talks-missiles-2025-10-20.md", []string{"subsonic speed", "https://www.navy.mil/tomahawk"}},
		{"html", "text/html; charset=utf-8", "trade-talks-missiles-2025-10-20.html", []string{"@media print", "subsonic speed", "&lt;talks&gt;"}},
		{"csv", "text/csv; charset=utf-8", "trade-talks-missiles-2025-10-20.csv", []string{"'=HYPERLINK", "subsonic speed"}},
		{"json", "application/json", "trade-talks-missiles-2025-10-20.json", []string{`"schema_version": 1`, "subsonic speed"}},
		{"claimreview", "application/ld+json", "trade-talks-missiles-2025-10-20.jsonld", []string{`"ClaimReview"`, "Desk News Fact Check", fmt.Sprintf("https://desk.example.org/articles/%d?s=%d", a.ID, s.ID)}},
		{"corrected", "text/plain; charset=utf-8", "trade-talks-missiles-2025-10-20.txt", []string{"Tomahawk missiles fly at subsonic speed.", "An earlier version of this article said"}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			for _, prefix := range []string{"", "/api/v1"} {
				r := c.Get(prefix + base + tt.format)
				wantStatus(t, r, http.StatusOK)
				if ct := r.Header.Get("Content-Type"); ct != tt.contentType {
					t.Errorf("%s Content-Type = %q, want %q", prefix, ct, tt.contentType)
				}
				if cd := r.Header.Get("Content-Disposition"); cd != `attachment; filename="`+tt.file+`"` {
					t.Errorf("%s Content-Disposition = %q", prefix, cd)
				}
				wantContains(t, r, tt.want...)
				if strings.Contains(r.Body, "<script>alert(1)</script>") && tt.format == "html" {
					t.Error("article HTML reached the printable report unescaped")
				}
			}
		})
	}
	t.Run("json parses", func(t *testing.T) {
		var v map[string]any
		if err := json.Unmarshal([]byte(c.Get(base+"json").Body), &v); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("csv bom", func(t *testing.T) {
		if r := c.Get(base + "csv&bom=1"); !strings.HasPrefix(r.Body, "\uFEFF") {
			t.Errorf("no BOM: %.20q", r.Body)
		}
	})
	t.Run("unknown format", func(t *testing.T) {
		r := c.Get(base + "pdf")
		wantStatus(t, r, http.StatusBadRequest)
		wantContains(t, r, "Unknown format")
	})
	t.Run("print view", func(t *testing.T) {
		r := c.Get(fmt.Sprintf("/articles/%d/print", a.ID))
		wantStatus(t, r, http.StatusOK)
		if cd := r.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "inline") {
			t.Errorf("Content-Disposition = %q", cd)
		}
	})
}

func TestCorrectedPage(t *testing.T) {
	c := newClient(t)
	a, _ := reviewedArticle(t, c)
	r := c.Get(fmt.Sprintf("/articles/%d/corrected", a.ID))
	wantStatus(t, r, http.StatusOK)
	wantContains(t, r, "<del>Tomahawk missiles fly at supersonic speed at low altitudes.</del>", "<ins>Tomahawk missiles fly at subsonic speed.</ins>",
		"An earlier version of this article said", "&lt;script&gt;alert(1)&lt;/script&gt;")
	if strings.Contains(r.Body, "<script>alert(1)") {
		t.Error("article text reached the page as HTML")
	}
}

func TestTeamReport(t *testing.T) {
	c := newClient(t) // the clock says 2025-10-20, the reviews are stored with the real time
	reviewedArticle(t, c)
	page := c.Get("/reports/team?from=2000-01-01&to=2100-01-01")
	wantStatus(t, page, http.StatusOK)
	wantContains(t, page, "1</strong> statement(s) reviewed", "Tomahawk missiles fly at supersonic speed", "Corrected: 1")

	none := c.Get("/reports/team?from=2000-01-01&to=2100-01-01&verdict=verified")
	wantContains(t, none, "0</strong> statement(s) reviewed")

	md := c.Get("/reports/team?from=2000-01-01&to=2100-01-01&format=md")
	wantStatus(t, md, http.StatusOK)
	wantContains(t, md, "# Team review report", "2000-01-01")
	csv := c.Get("/reports/team?from=2000-01-01&to=2100-01-01&format=csv")
	wantStatus(t, csv, http.StatusOK)
	if cd := csv.Header.Get("Content-Disposition"); cd != `attachment; filename="team-report-2000-01-01-to-2100-01-01.csv"` {
		t.Errorf("Content-Disposition = %q", cd)
	}
	// Like the article's CSV, the team report's has a BOM for Excel: the
	// page offers it (ticked), and the timestamps are to the second.
	wantContains(t, page, `name="bom" value="1" checked`)
	if strings.HasPrefix(csv.Body, "\uFEFF") {
		t.Error("a BOM without bom=1")
	}
	excel := c.Get("/reports/team?from=2000-01-01&to=2100-01-01&format=csv&bom=1")
	if !strings.HasPrefix(excel.Body, "\uFEFF") {
		t.Errorf("no BOM with bom=1: %.20q", excel.Body)
	}
	if !regexp.MustCompile(`,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\r\n`).MatchString(csv.Body) {
		t.Errorf("reviewed_at not RFC 3339 to the second:\n%s", csv.Body)
	}
	// By reviewer: the admin reviewed it, a new reviewer did not.
	mine := c.Get(fmt.Sprintf("/reports/team?from=2000-01-01&to=2100-01-01&reviewer=%d", c.user.ID))
	wantContains(t, mine, "1</strong> statement(s) reviewed")
	other := c.as(models.Reviewer)
	theirs := c.Get(fmt.Sprintf("/reports/team?from=2000-01-01&to=2100-01-01&reviewer=%d&format=md", other.user.ID))
	wantContains(t, theirs, "**Reviewer:** "+other.user.Name, "| Statements | 0 |")
	wantStatus(t, c.Get("/reports/team?reviewer=999"), http.StatusBadRequest)

	bad := c.Get("/reports/team?from=yesterday")
	wantStatus(t, bad, http.StatusBadRequest)
	wantContains(t, bad, "must look like")
}
