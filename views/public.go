package views

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/a-h/templ"

	"github.com/factcheckdesk/factcheck/models"
)

// The public site: published checks and the corrections log, for anyone,
// without signing in. Everything here comes from what was published
// (models.PublishedCheck), never from the desk's work in progress.

// Site is what every public page says about who publishes it.
type Site struct {
	OrgName    string
	OrgLogoURL string
	BaseURL    string
}

// SiteOf is the public site of the desk's settings.
func SiteOf(s models.Settings) Site {
	return Site{OrgName: s.OrgName, OrgLogoURL: s.OrgLogoURL, BaseURL: s.BaseURL}
}

// CheckView is a check's public page.
type CheckView struct {
	Site  Site
	Check models.PublishedCheck
	// JSONLD is the page's ClaimReview, JSON with <, > and & escaped.
	JSONLD    string
	Canonical string
}

// ChecksView is a page of published checks, or of the corrections log.
type ChecksView struct {
	Site        Site
	Items       []models.PublishedCheck
	Corrections bool   // the corrections log
	Next        string // the next (older) page, or ""
}

// longDate is a date as the public pages write it.
func longDate(t time.Time) string { return t.UTC().Format("2 January 2006") }

func longDatePtr(t *time.Time) string {
	if t == nil {
		return ""
	}
	return longDate(*t)
}

// claimOrigin says where a claim appeared: "“Title” · Outlet · by
// Author · 17 October 2025", with whatever is known.
func claimOrigin(a models.PublishedArticle) string {
	parts := []string{"“" + a.Title + "”"}
	if a.Outlet != "" {
		parts = append(parts, a.Outlet)
	}
	if a.Author != "" {
		parts = append(parts, "by "+a.Author)
	}
	if a.PublishedAt != nil {
		parts = append(parts, longDate(*a.PublishedAt))
	}
	return strings.Join(parts, " · ")
}

// claimSource opens a correction notice: "In “Title” (Outlet, 17 October
// 2025), Author wrote", with whatever is known.
func claimSource(a models.PublishedArticle) string {
	var in []string
	if a.Outlet != "" {
		in = append(in, a.Outlet)
	}
	if a.PublishedAt != nil {
		in = append(in, longDate(*a.PublishedAt))
	}
	s := "In “" + a.Title + "”"
	if len(in) > 0 {
		s += " (" + strings.Join(in, ", ") + ")"
	}
	if a.Author != "" {
		return s + ", " + a.Author + " wrote"
	}
	return s + ", the article said"
}

// ratingScaleText says where the rating sits on its scale.
func ratingScaleText(r models.PublishedRating) string {
	if r.Value == 0 {
		return r.AlternateName
	}
	return fmt.Sprintf("%s: %d on a scale from %d to %d", r.AlternateName, r.Value, r.Worst, r.Best)
}

// CorrectedOn is when a check became a correction: the update that
// corrected it, or its first publication.
func CorrectedOn(c models.PublishedCheck) time.Time {
	for i := len(c.Updates) - 1; i >= 0; i-- {
		for _, f := range c.Updates[i].Changed {
			if f == "correction" || f == "rating" {
				return c.Updates[i].At
			}
		}
	}
	return c.PublishedAt
}

// CorrectionNotice words a correction as wire services do: what was
// wrong, what is right, and when.
func CorrectionNotice(c models.PublishedCheck) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: “%s”", claimSource(c.Article), strings.TrimRight(oneLine(c.Claim), "."))
	b.WriteString(". That is wrong.")
	if n := oneLine(c.Note); n != "" {
		b.WriteString(" " + strings.TrimRight(n, ".") + ".")
	}
	fmt.Fprintf(&b, " It should read: “%s”. Corrected on %s.", strings.TrimRight(oneLine(c.Correction), "."), longDate(CorrectedOn(c)))
	return b.String()
}

// updateText says what an update of a published check changed.
func updateText(u models.PublicationUpdate) string {
	names := map[string]string{"rating": "the rating (was " + u.Was.Label + ")", "claim": "the claim's wording",
		"note": "the explanation", "correction": "the corrected wording", "sources": "the sources"}
	var parts []string
	for _, f := range u.Changed {
		parts = append(parts, names[f])
	}
	switch len(parts) {
	case 0:
		return "Updated."
	case 1:
		return "Updated " + parts[0] + "."
	}
	return "Updated " + strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1] + "."
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func sourceName(s models.SourceInput) string {
	if s.Title != "" {
		return s.Title
	}
	return s.URL
}

func accessedText(s models.SourceInput) string {
	if t, err := time.Parse(time.DateOnly, dateOnly(s.AccessedAt)); err == nil {
		return "Accessed " + longDate(t) + "."
	}
	return ""
}

func checkPath(c models.PublishedCheck) string { return checkURL(c.StatementID) }

// ldJSON embeds JSON-LD as a data block. The JSON must have "<", ">"
// and "&" escaped (encoding/json does), so nothing in it ends the element;
// browsers never run a data block, so a script policy does not apply.
func ldJSON(json string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, `<script type="application/ld+json">`+json+`</script>`)
		return err
	})
}
