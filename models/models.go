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
	ID          uint `gorm:"primaryKey"`
	Title       string
	Body        string
	URL         string
	Author      string
	PublishedAt *time.Time
	SiteName    string
	// PreviousID is the article this one is a new version of, when an
	// editor imported the same text or URL again on purpose.
	PreviousID  *uint
	ContentHash string
	// Furniture is the page furniture extraction left out of the
	// statements (captions, credits, menus…), shown greyed in the text.
	Furniture FurnitureList
	CreatedAt time.Time
	UpdatedAt time.Time
	// DeletedAt is set while the article is deleted but restorable (see
	// RestoreWindow); it is then out of every list, page and queue.
	DeletedAt   *time.Time
	DeletedByID *uint

	Statements []Statement `gorm:"foreignKey:ArticleID"`
}

// Statement is one checkable (or not) sentence of an article with its review.
type Statement struct {
	ID         uint `gorm:"primaryKey"`
	ArticleID  uint
	Position   int
	Start      int `gorm:"column:start_offset"`
	End        int `gorm:"column:end_offset"`
	Text       string
	Checkable  bool
	Score      float64
	Type       string
	Reasons    StringList
	Facets     FacetList
	Verdict    rating.Key
	Note       string
	Correction string
	Version    int
	ReviewedAt *time.Time
	CreatedAt  time.Time
	UpdatedAt  time.Time
	Sources    []Source `gorm:"foreignKey:StatementID"`

	// ReviewedBy is who gave the current final verdict.
	ReviewedByID *uint
	ReviewedBy   *User `gorm:"foreignKey:ReviewedByID"`
	// The assignment: who should review it, by when, how urgently.
	AssigneeID   *uint
	Assignee     *User `gorm:"foreignKey:AssigneeID"`
	AssignedByID *uint
	AssignedAt   *time.Time
	DueAt        *time.Time
	Priority     Priority
	// Dismissed statements were split out by mistake (by extraction or an
	// editor); they stay in the text but out of review and progress.
	Dismissed     bool
	DismissReason string

	// The review workflow (workflow_store.go): where the review stands,
	// who approved it and when, and why it was last sent back.
	ReviewStatus ReviewStatus `gorm:"default:open"`
	ApprovedByID *uint
	ApprovedBy   *User `gorm:"foreignKey:ApprovedByID"`
	ApprovedAt   *time.Time
	ReturnReason string
	// PublishedAt is when the check was first published; it is kept when
	// the check is taken down, so a republication keeps the date.
	// Published says whether it is on the public site now.
	PublishedAt *time.Time
	Published   bool
	// PublicURL is where the check was last published.
	PublicURL string
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
	ID          uint `gorm:"primaryKey"`
	StatementID uint
	Position    int
	URL         string
	Title       string
	Publisher   string
	Quote       string
	AccessedAt  *time.Time
	CreatedAt   time.Time
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

// FurnitureList is stored as a JSON array in one text column.
type FurnitureList []extract.Furniture

// Scan implements sql.Scanner.
func (l *FurnitureList) Scan(v any) error { return scanJSON(v, l) }

// Value implements driver.Valuer.
func (l FurnitureList) Value() (driver.Value, error) {
	if l == nil {
		return "[]", nil
	}
	return valueJSON(l)
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
