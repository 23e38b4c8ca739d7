package export

import (
	"encoding/json"
	"io"
	"math"
	"time"
)

// JSONSchemaVersion is the "schema_version" of JSON output. It changes only
// when a field is removed or changes meaning; new fields may be added
// without a bump.
const JSONSchemaVersion = 1

// JSON output, schema_version 1 (also described in export/JSON_SCHEMA.md).
// Times are RFC 3339 strings in UTC, or null when unknown. Lists are
// always arrays, never null. Field names are stable snake_case.
//
//	{
//	  "schema_version": 1,
//	  "generated_at":   "2025-10-20T09:30:00Z",
//	  "organization":   "Factcheck Desk",          // "" if unset
//	  "base_url":       "https://desk.example.org", // "" if unset
//	  "article": {
//	    "id": 42, "title": "…", "url": "…", "author": "…",
//	    "author_is_organization": false,
//	    "published_at": "…" | null, "created_at": "…" | null,
//	    "body": "…"                                 // full text; offsets below index it
//	  },
//	  "summary": {
//	    "statements": 8, "checkable": 7, "reviewed": 6,
//	    "by_verdict": {                             // every known verdict, zeros included
//	      "unreviewed": 1, "in_progress": 1, "verified": 2,
//	      "disputed": 1, "corrected": 2, "not_checkable": 1
//	    }
//	  },
//	  "statements": [{                              // document order
//	    "id": 7, "position": 1,
//	    "start": 0, "end": 120,                     // byte offsets into article.body, end exclusive
//	    "text": "…", "checkable": true, "score": 0.82,
//	    "reasons": ["…"], "type": "claim",
//	    "verdict": "corrected",                     // stored value (see the verdict constants)
//	    "verdict_label": "corrected",               // in words
//	    "reviewed": true,                           // has a final verdict
//	    "note": "…", "correction": "…",
//	    "sources": [{"url": "…", "title": "…", "publisher": "…", "quote": "…", "accessed_at": "…" | null}],
//	    "reviewed_by": "…", "reviewed_at": "…" | null,
//	    "permalink": "https://desk.example.org/articles/42?s=7"
//	  }],
//	  "correction_notices": ["An earlier version of this article said “…”; it has been corrected to “…”."]
//	}
type jsonReport struct {
	SchemaVersion     int             `json:"schema_version"`
	GeneratedAt       *string         `json:"generated_at"`
	Organization      string          `json:"organization"`
	BaseURL           string          `json:"base_url"`
	Article           jsonArticle     `json:"article"`
	Summary           jsonSummary     `json:"summary"`
	Statements        []jsonStatement `json:"statements"`
	CorrectionNotices []string        `json:"correction_notices"`
}

type jsonArticle struct {
	ID                   uint    `json:"id"`
	Title                string  `json:"title"`
	URL                  string  `json:"url"`
	Author               string  `json:"author"`
	AuthorIsOrganization bool    `json:"author_is_organization"`
	PublishedAt          *string `json:"published_at"`
	CreatedAt            *string `json:"created_at"`
	Body                 string  `json:"body"`
}

type jsonSummary struct {
	Statements int            `json:"statements"`
	Checkable  int            `json:"checkable"`
	Reviewed   int            `json:"reviewed"`
	ByVerdict  map[string]int `json:"by_verdict"`
}

type jsonStatement struct {
	ID           uint         `json:"id"`
	Position     int          `json:"position"`
	Start        int          `json:"start"`
	End          int          `json:"end"`
	Text         string       `json:"text"`
	Checkable    bool         `json:"checkable"`
	Score        float64      `json:"score"`
	Reasons      []string     `json:"reasons"`
	Type         string       `json:"type"`
	Verdict      string       `json:"verdict"`
	VerdictLabel string       `json:"verdict_label"`
	Reviewed     bool         `json:"reviewed"`
	Note         string       `json:"note"`
	Correction   string       `json:"correction"`
	Sources      []jsonSource `json:"sources"`
	ReviewedBy   string       `json:"reviewed_by"`
	ReviewedAt   *string      `json:"reviewed_at"`
	Permalink    string       `json:"permalink"`
}

type jsonSource struct {
	URL        string  `json:"url"`
	Title      string  `json:"title"`
	Publisher  string  `json:"publisher"`
	Quote      string  `json:"quote"`
	AccessedAt *string `json:"accessed_at"`
}

// jsonTime is rfc3339 as a nullable JSON string.
func jsonTime(t *time.Time) *string {
	if s := rfc3339p(t); s != "" {
		return &s
	}
	return nil
}

// finite replaces NaN and ±Inf, which JSON cannot represent, with 0.
func finite(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// JSON writes everything about the article and its review as one indented
// JSON object; see the schema above. "<", ">" and "&" are \u-escaped so the
// output is also safe inside an HTML <script> element.
func JSON(w io.Writer, r Report) error {
	sum := Summarize(r.Scale, r.Statements)
	out := jsonReport{
		SchemaVersion: JSONSchemaVersion,
		GeneratedAt:   jsonTime(&r.GeneratedAt),
		Organization:  r.Organization,
		BaseURL:       r.BaseURL,
		Article: jsonArticle{
			ID:                   r.Article.ID,
			Title:                r.Article.Title,
			URL:                  r.Article.URL,
			Author:               r.Article.Author,
			AuthorIsOrganization: r.Article.AuthorIsOrganization,
			PublishedAt:          jsonTime(r.Article.PublishedAt),
			CreatedAt:            jsonTime(&r.Article.CreatedAt),
			Body:                 r.Article.Body,
		},
		Summary: jsonSummary{
			Statements: sum.Statements,
			Checkable:  sum.Checkable,
			Reviewed:   sum.Reviewed,
			ByVerdict:  map[string]int{},
		},
		Statements:        []jsonStatement{},
		CorrectionNotices: CorrectionNotices(r),
	}
	for _, vc := range sum.ByVerdict {
		out.Summary.ByVerdict[vc.Verdict] = vc.Count
	}
	if out.CorrectionNotices == nil {
		out.CorrectionNotices = []string{}
	}
	for _, s := range r.Statements {
		js := jsonStatement{
			ID:           s.ID,
			Position:     s.Position,
			Start:        s.Start,
			End:          s.End,
			Text:         s.Text,
			Checkable:    s.Checkable,
			Score:        finite(s.Score),
			Reasons:      append([]string{}, s.Reasons...),
			Type:         s.Type,
			Verdict:      string(key(s.Verdict)),
			VerdictLabel: VerdictLabel(r.Scale, s.Verdict),
			Reviewed:     reviewed(r.Scale, s),
			Note:         s.Note,
			Correction:   s.Correction,
			Sources:      []jsonSource{},
			ReviewedBy:   s.ReviewedBy,
			ReviewedAt:   jsonTime(s.ReviewedAt),
			Permalink:    Permalink(r, s),
		}
		for _, src := range s.Sources {
			js.Sources = append(js.Sources, jsonSource{
				URL:        src.URL,
				Title:      src.Title,
				Publisher:  src.Publisher,
				Quote:      src.Quote,
				AccessedAt: jsonTime(src.AccessedAt),
			})
		}
		out.Statements = append(out.Statements, js)
	}
	return encodeJSON(w, out)
}

// encodeJSON writes v as two-space-indented JSON followed by a newline.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
