// Package models holds the desk's data: GORM models, the rules a change must
// follow, and the Store with one method per query.
package models

import (
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"time"

	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/rating"
)

// Article is a piece of journalism loaded into the desk.
type Article struct {
	ID          uint       `json:"id" gorm:"primaryKey"`
	Title       string     `json:"title"`
	Body        string     `json:"body"`
	URL         string     `json:"url"`
	Author      string     `json:"author"`
	PublishedAt *time.Time `json:"published_at"`
	SiteName    string     `json:"site_name"`
	// PreviousID is the article this one is a new version of, when an
	// editor imported the same text or URL again on purpose.
	PreviousID  *uint     `json:"previous_id"`
	ContentHash string    `json:"-"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`

	Statements []Statement `json:"statements" gorm:"foreignKey:ArticleID"`
}

// Statement is one checkable (or not) sentence of an article with its review.
type Statement struct {
	ID         uint       `json:"id" gorm:"primaryKey"`
	ArticleID  uint       `json:"article_id"`
	Position   int        `json:"position"`
	Start      int        `json:"start" gorm:"column:start_offset"`
	End        int        `json:"end" gorm:"column:end_offset"`
	Text       string     `json:"text"`
	Checkable  bool       `json:"checkable"`
	Score      float64    `json:"score"`
	Type       string     `json:"type"`
	Reasons    StringList `json:"reasons"`
	Facets     FacetList  `json:"facets"`
	Verdict    rating.Key `json:"verdict"`
	Note       string     `json:"note"`
	Correction string     `json:"correction"`
	Version    int        `json:"version"`
	ReviewedAt *time.Time `json:"reviewed_at"`
	CreatedAt  time.Time  `json:"created_at"`
	UpdatedAt  time.Time  `json:"updated_at"`
	Sources    []Source   `json:"sources" gorm:"foreignKey:StatementID"`

	// ReviewedBy is who gave the current final verdict.
	ReviewedByID *uint `json:"reviewed_by_id"`
	ReviewedBy   *User `json:"reviewed_by,omitempty" gorm:"foreignKey:ReviewedByID"`
	// The assignment: who should review it, by when, how urgently.
	AssigneeID   *uint      `json:"assignee_id"`
	Assignee     *User      `json:"assignee,omitempty" gorm:"foreignKey:AssigneeID"`
	AssignedByID *uint      `json:"assigned_by_id"`
	AssignedAt   *time.Time `json:"assigned_at"`
	DueAt        *time.Time `json:"due_at"`
	Priority     Priority   `json:"priority"`
	// Dismissed statements were split out by mistake (by extraction or an
	// editor); they stay in the text but out of review and progress.
	Dismissed     bool   `json:"dismissed"`
	DismissReason string `json:"dismiss_reason"`
}

// NeedsReview reports whether the statement counts towards the article's
// progress: checkable (or reviewed anyway), and not dismissed.
func (s Statement) NeedsReview(scale *rating.Scale) bool {
	return !s.Dismissed && (s.Checkable || scale.Final(s.Verdict))
}

// Priority is how urgent an assignment is.
type Priority string

// Priorities.
const (
	Normal Priority = "normal"
	Urgent Priority = "urgent"
)

// Valid reports whether p is a known priority.
func (p Priority) Valid() bool { return p == Normal || p == Urgent }

// Source is evidence backing a verdict.
type Source struct {
	ID          uint       `json:"id" gorm:"primaryKey"`
	StatementID uint       `json:"statement_id"`
	Position    int        `json:"position"`
	URL         string     `json:"url"`
	Title       string     `json:"title"`
	Publisher   string     `json:"publisher"`
	Quote       string     `json:"quote"`
	AccessedAt  *time.Time `json:"accessed_at"`
	CreatedAt   time.Time  `json:"created_at"`
}

// ArticleSummary is an article with its review progress, for lists.
type ArticleSummary struct {
	ID         uint
	Title      string
	URL        string
	CreatedAt  time.Time
	Statements int // all statements
	Checkable  int // statements to review: checkable or already reviewed
	Reviewed   int
}

// Progress is how far the review of one article has come.
type Progress struct {
	Reviewed int
	Total    int
}

// Percent is the share reviewed, 0..100.
func (p Progress) Percent() int {
	if p.Total == 0 {
		return 0
	}
	return p.Reviewed * 100 / p.Total
}

// ProgressOf counts what is reviewed among the statements that need review:
// the checkable ones, plus any other a reviewer chose to review.
func ProgressOf(scale *rating.Scale, stmts []Statement) Progress {
	var p Progress
	for _, s := range stmts {
		if s.NeedsReview(scale) {
			p.Total++
			if scale.Final(s.Verdict) {
				p.Reviewed++
			}
		}
	}
	return p
}

// StringList is stored as a JSON array in one text column.
type StringList []string

// Scan implements sql.Scanner.
func (l *StringList) Scan(v any) error { return scanJSON(v, l) }

// Value implements driver.Valuer.
func (l StringList) Value() (driver.Value, error) {
	if l == nil {
		return "[]", nil
	}
	return valueJSON(l)
}

// MarshalJSON writes null lists as [].
func (l StringList) MarshalJSON() ([]byte, error) {
	if l == nil {
		return []byte("[]"), nil
	}
	return json.Marshal([]string(l))
}

// FacetList is stored as a JSON array in one text column.
type FacetList []extract.Facet

// Scan implements sql.Scanner.
func (l *FacetList) Scan(v any) error { return scanJSON(v, l) }

// Value implements driver.Valuer.
func (l FacetList) Value() (driver.Value, error) {
	if l == nil {
		return "[]", nil
	}
	return valueJSON(l)
}

// MarshalJSON writes null lists as [].
func (l FacetList) MarshalJSON() ([]byte, error) {
	if l == nil {
		return []byte("[]"), nil
	}
	return json.Marshal([]extract.Facet(l))
}

func scanJSON(v any, dst any) error {
	var b []byte
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		b = []byte(x)
	case []byte:
		b = x
	default:
		return fmt.Errorf("models: cannot scan %T as JSON", v)
	}
	if len(b) == 0 {
		return nil
	}
	return json.Unmarshal(b, dst)
}

func valueJSON(v any) (driver.Value, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}
