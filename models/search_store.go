package models

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/rating"
)

// Status narrows a statement search to open or reviewed statements.
type Status string

// Statuses.
const (
	StatusOpen Status = "open" // not yet given a final rating
	StatusDone Status = "done" // a final rating
)

// Due narrows a statement search by due date.
type Due string

// Due filters. Overdue and today concern open statements only.
const (
	DueOverdue Due = "overdue" // past its due time
	DueToday   Due = "today"   // due later today
	DueNone    Due = "none"    // no due date
)

// StatementFilter is a statement search. Zero fields do not filter.
type StatementFilter struct {
	Text          string // in the statement, any case
	ArticleID     uint
	Verdict       rating.Key
	Status        Status
	AssigneeID    uint
	Unassigned    bool
	Due           Due
	Now           time.Time // what Due is judged against
	Checkable     *bool
	Type          string
	ReviewedByID  uint
	ReviewedSince *time.Time
	// ReviewStatus narrows to one workflow status; Published to checks
	// on the public site.
	ReviewStatus ReviewStatus
	Published    bool
}

// likePattern matches s anywhere, with LIKE's wildcards in s taken literally.
func likePattern(s string) string {
	return "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s) + "%"
}

func (f StatementFilter) apply(q *gorm.DB, scale *rating.Scale) *gorm.DB {
	open, final := scale.OpenKeys(), scale.FinalKeys()
	q = q.Where(liveArticle("article_id"))
	if t := strings.TrimSpace(f.Text); t != "" {
		q = q.Where(`LOWER(text) LIKE LOWER(?) ESCAPE '\'`, likePattern(t))
	}
	if f.ArticleID != 0 {
		q = q.Where("article_id = ?", f.ArticleID)
	}
	if f.Verdict != "" {
		q = q.Where("verdict = ?", f.Verdict)
	}
	switch f.Status {
	case StatusOpen:
		q = q.Where("verdict IN ?", open)
	case StatusDone:
		q = q.Where("verdict IN ?", final)
	}
	if f.Unassigned {
		q = q.Where("assignee_id IS NULL")
	} else if f.AssigneeID != 0 {
		q = q.Where("assignee_id = ?", f.AssigneeID)
	}
	now := f.Now.UTC()
	switch f.Due {
	case DueOverdue:
		q = q.Where("verdict IN ? AND due_at < ?", open, now)
	case DueToday:
		q = q.Where("verdict IN ? AND due_at >= ? AND due_at < ?", open, now, StartOfDay(now).AddDate(0, 0, 1))
	case DueNone:
		q = q.Where("due_at IS NULL")
	}
	if f.Checkable != nil {
		q = q.Where("checkable = ?", *f.Checkable)
	}
	if f.Type != "" {
		q = q.Where("type = ?", f.Type)
	}
	if f.ReviewedByID != 0 {
		q = q.Where("reviewed_by_id = ? AND verdict IN ?", f.ReviewedByID, final)
	}
	if f.ReviewedSince != nil {
		q = q.Where("reviewed_at >= ?", f.ReviewedSince.UTC())
	}
	if f.ReviewStatus != "" {
		q = q.Where("review_status = ?", f.ReviewStatus)
	}
	if f.Published {
		q = q.Where("published = ?", true)
	}
	return q
}

func clampPage(page, perPage int) (int, int) {
	if perPage <= 0 || perPage > 200 {
		perPage = 50
	}
	if page < 1 {
		page = 1
	}
	return page, perPage
}

// SearchStatements returns one page of the statements matching f, newest
// article first, then in document order, with the total count.
func (s *Store) SearchStatements(ctx context.Context, f StatementFilter, page, perPage int) (StatementPage, error) {
	page, perPage = clampPage(page, perPage)
	db := s.db.WithContext(ctx)
	scale := s.Scale()
	out := StatementPage{Page: page, PerPage: perPage}
	if err := f.apply(db.Model(&Statement{}), scale).Count(&out.Total).Error; err != nil {
		return out, fmt.Errorf("models: count statements: %w", err)
	}
	var stmts []Statement
	err := f.apply(db.Preload("Assignee"), scale).Order("article_id DESC, position, id").
		Limit(perPage).Offset((page - 1) * perPage).Find(&stmts).Error
	if err != nil {
		return out, fmt.Errorf("models: search statements: %w", err)
	}
	out.Items, err = rows(db, stmts)
	return out, err
}

// StatementTypes lists the claim types statements have, for filters.
func (s *Store) StatementTypes(ctx context.Context) ([]string, error) {
	var list []string
	err := s.db.WithContext(ctx).Model(&Statement{}).Distinct("type").Where("type <> ?", "").Order("type").Pluck("type", &list).Error
	if err != nil {
		return nil, fmt.Errorf("models: statement types: %w", err)
	}
	return list, nil
}

// ReviewedBetween returns the statements given a final rating in
// [from, to), oldest first, optionally only those with one rating or
// reviewed by one user (0: anyone), with their sources and reviewer.
func (s *Store) ReviewedBetween(ctx context.Context, from, to time.Time, verdict rating.Key, reviewerID uint) ([]StatementRow, error) {
	var stmts []Statement
	q := s.db.WithContext(ctx).
		Preload("Sources", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Preload("ReviewedBy").
		Where("reviewed_at >= ? AND reviewed_at < ?", from, to).
		Where("verdict IN ?", s.Scale().FinalKeys()).
		Where(liveArticle("article_id"))
	if verdict != "" {
		q = q.Where("verdict = ?", verdict)
	}
	if reviewerID != 0 {
		q = q.Where("reviewed_by_id = ?", reviewerID)
	}
	if err := q.Order("reviewed_at, id").Find(&stmts).Error; err != nil {
		return nil, fmt.Errorf("models: statements reviewed between %s and %s: %w", from, to, err)
	}
	return rows(s.db.WithContext(ctx), stmts)
}
