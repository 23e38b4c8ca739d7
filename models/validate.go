package models

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/rating"
)

// Limits on what a user may submit. They are documented in the README.
// Every stored text field has one, so no request can make the database
// (or its history, which repeats what changed) grow without bound.
const (
	MaxTitleBytes = 500     // titles, authors, site names, publishers
	MaxBodyBytes  = 2 << 20 // 2 MiB of article text
	MaxNoteBytes  = 20_000  // notes, corrections, quotes, reasons
	MaxURLBytes   = 8 << 10 // article and source links
	MaxSources    = 50
)

// ArticleInput is what a user submits to create an article.
type ArticleInput struct {
	Title       string `json:"title" form:"title"`
	Body        string `json:"body" form:"body"`
	URL         string `json:"url" form:"url"`
	Author      string `json:"author" form:"author"`
	PublishedAt string `json:"published_at" form:"published_at"` // YYYY-MM-DD or RFC 3339
	SiteName    string `json:"site_name" form:"site_name"`
	// Force imports the article even when the same URL or text is already
	// on the desk; the new article records the old one as its previous
	// version.
	Force bool `json:"force" form:"force"`
	// Furniture is what the importer knows to be page furniture in Body
	// (an HTML page's captions, infobox, reference list); never read from
	// a request.
	Furniture []extract.Furniture `json:"-" form:"-"`
}

// normalize trims what users never mean to keep and turns the line endings
// browsers send (CRLF) into LF, so statement offsets index the stored text.
func (in ArticleInput) normalize() ArticleInput {
	in.Title = strings.TrimSpace(in.Title)
	in.Body = strings.ReplaceAll(in.Body, "\r\n", "\n")
	in.URL = strings.TrimSpace(in.URL)
	in.Author = strings.TrimSpace(in.Author)
	in.PublishedAt = strings.TrimSpace(in.PublishedAt)
	in.SiteName = strings.TrimSpace(in.SiteName)
	return in
}

// validate checks a normalized input and parses its date.
func (in ArticleInput) validate() (*time.Time, error) {
	v := &ValidationError{}
	if v.checkText("title", "title", in.Title, MaxTitleBytes) && in.Title == "" {
		v.add("title", "Give the article a title.")
	}
	switch {
	case !utf8.ValidString(in.Body):
		v.add("body", "The body is not valid UTF-8 text; paste it again as plain text.")
	case strings.TrimSpace(in.Body) == "":
		v.add("body", "Paste the article text.")
	case len(in.Body) > MaxBodyBytes:
		v.add("body", "The article text is too long: at most 2 MB.")
	case strings.ContainsRune(in.Body, 0):
		v.add("body", "The article text contains binary data; paste plain text.")
	default:
		v.checkText("body", "article text", in.Body, 0)
	}
	if v.checkText("url", "source URL", in.URL, MaxURLBytes) && in.URL != "" && !validHTTPURL(in.URL) {
		v.add("url", "The source URL must start with http:// or https://.")
	}
	v.checkText("author", "author", in.Author, MaxTitleBytes)
	v.checkText("site_name", "site name", in.SiteName, MaxTitleBytes)
	var published *time.Time
	if in.PublishedAt != "" {
		t, err := parseDate(in.PublishedAt)
		if err != nil {
			v.add("published_at", "The publication date must look like 2025-10-17.")
		} else {
			published = &t
		}
	}
	return published, v.orNil()
}

func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	return t.UTC(), err
}

func validHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// SourceInput is one source as a reviewer types it.
type SourceInput struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Publisher string `json:"publisher"`
	Quote     string `json:"quote"`
	// AccessedAt is when the reviewer read the source (YYYY-MM-DD or
	// RFC 3339); empty means now.
	AccessedAt string `json:"accessed_at,omitempty"`
}

// validate checks one source.
func (s SourceInput) validate(v *ValidationError) {
	n := len(v.Problems)
	v.checkText("sources", "source URL", s.URL, MaxURLBytes)
	v.checkText("sources", "source's title", s.Title, MaxTitleBytes)
	v.checkText("sources", "source's publisher", s.Publisher, MaxTitleBytes)
	v.checkText("sources", "source's quote", s.Quote, MaxNoteBytes)
	if len(v.Problems) > n {
		return
	}
	if !validHTTPURL(strings.TrimSpace(s.URL)) {
		v.add("sources", "Source URL "+quote(s.URL)+" must start with http:// or https://.")
		return
	}
	if s.AccessedAt != "" {
		if _, err := parseDate(s.AccessedAt); err != nil {
			v.add("sources", "The date accessed must look like 2025-10-17.")
		}
	}
}

// source turns the input into a stored source of the statement.
func (s SourceInput) source(statementID uint, position int, now time.Time) Source {
	accessed := now
	if t, err := parseDate(s.AccessedAt); err == nil {
		accessed = t
	}
	return Source{
		StatementID: statementID, Position: position, URL: strings.TrimSpace(s.URL),
		Title: strings.TrimSpace(s.Title), Publisher: strings.TrimSpace(s.Publisher),
		Quote: strings.TrimSpace(s.Quote), AccessedAt: &accessed,
	}
}

// InputOf is a stored source as the reviewer would type it.
func InputOf(src Source) SourceInput {
	in := SourceInput{URL: src.URL, Title: src.Title, Publisher: src.Publisher, Quote: src.Quote}
	if src.AccessedAt != nil {
		in.AccessedAt = src.AccessedAt.Format(time.DateOnly)
	}
	return in
}

// sameAs reports whether two sources would be stored alike.
func (s SourceInput) sameAs(o SourceInput) bool {
	t := strings.TrimSpace
	return t(s.URL) == t(o.URL) && t(s.Title) == t(o.Title) && t(s.Publisher) == t(o.Publisher) &&
		t(s.Quote) == t(o.Quote) && s.AccessedAt != "" && s.AccessedAt == o.AccessedAt
}

// Empty reports whether the reviewer left every field blank.
func (s SourceInput) Empty() bool {
	return strings.TrimSpace(s.URL+s.Title+s.Publisher+s.Quote) == ""
}

// ReviewInput is the full review state a reviewer saves for a statement.
// Version is the statement version the reviewer's edit is based on.
type ReviewInput struct {
	Verdict    rating.Key
	Note       string
	Correction string
	Sources    []SourceInput
	Version    int
	// UserID is who saves the review (0 before the desk has users); By is
	// that user, when the caller has them at hand.
	UserID uint
	By     *User
	// ReusedFrom is the statement whose review this copies, if any.
	ReusedFrom uint
}

// SetUser records who saves the review.
func (r *ReviewInput) SetUser(u *User) {
	r.By, r.UserID = u, 0
	if u != nil {
		r.UserID = u.ID
	}
}

// Validate checks the review against the rules of scale, for a statement
// whose rating is now previous.
func (r ReviewInput) Validate(scale *rating.Scale, previous rating.Key) error {
	v := &ValidationError{}
	for _, p := range scale.Check(r.Verdict, rating.Evidence{Note: r.Note, Correction: r.Correction, Sources: len(r.Sources), Previous: previous}) {
		v.add(p.Field, p.Message)
	}
	v.checkText("note", "note", r.Note, MaxNoteBytes)
	v.checkText("correction", "correction", r.Correction, MaxNoteBytes)
	if len(r.Sources) > MaxSources {
		v.add("sources", "Too many sources (at most 50).")
	}
	for _, s := range r.Sources {
		n := len(v.Problems)
		s.validate(v)
		if len(v.Problems) > n {
			break
		}
	}
	if r.Version < 1 {
		v.add("version", "The version you based your edit on is required.")
	}
	return v.orNil()
}

func quote(s string) string {
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return "“" + strings.ToValidUTF8(s, "") + "”"
}
