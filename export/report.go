// Package export writes an article's review as reports: Markdown, printable
// HTML, CSV, JSON, schema.org ClaimReview and the corrected article. Every
// writer is a pure function: a writer and a Report in, an error out.
package export

import (
	"time"

	"github.com/factcheckdesk/factcheck/rating"
)

// Report is everything a report about one article needs.
type Report struct {
	Article     Article
	Statements  []Statement // in document order
	GeneratedAt time.Time
	// Organization is the fact-checking organisation named as author of
	// ClaimReview markup; BaseURL is the public base for permalinks
	// (e.g. "https://desk.example.org"), without a trailing slash.
	Organization string
	BaseURL      string
	// Scale is the desk's rating scale: labels, which ratings are final,
	// which carry a correction, their ClaimReview values. Nil means the
	// built-in scale.
	Scale *rating.Scale
}

// Article is the reviewed article.
type Article struct {
	ID     uint
	Title  string
	URL    string
	Author string
	// AuthorIsOrganization marks Author as an organisation (a newsroom or
	// agency) rather than a person; ClaimReview uses it for the claim
	// author's @type. The zero value means a person.
	AuthorIsOrganization bool
	PublishedAt          *time.Time
	CreatedAt            time.Time
	Body                 string
}

// Statement is one statement with its review.
type Statement struct {
	ID         uint
	Position   int // 1-based position in the article
	Start, End int // byte offsets into Article.Body
	Text       string
	Checkable  bool
	Score      float64
	Reasons    []string
	Type       string
	Verdict    string
	Note       string
	Correction string
	Sources    []Source
	ReviewedBy string
	ReviewedAt *time.Time
	// PublicURL is the public page of the check once it is published.
	PublicURL string
}

// Source backs a verdict.
type Source struct {
	URL        string
	Title      string
	Publisher  string
	Quote      string
	AccessedAt *time.Time
}
