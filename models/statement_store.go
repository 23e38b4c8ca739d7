package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ConflictError is returned when a review was based on an old version of the
// statement. Current is the statement as it is now, so the reviewer can see
// what changed beside what they typed.
type ConflictError struct {
	Current *Statement
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("statement %d was changed by someone else (now version %d)", e.Current.ID, e.Current.Version)
}

// Unwrap makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Unwrap() error { return ErrConflict }

// StatementByID returns one statement with its sources.
func (s *Store) StatementByID(ctx context.Context, id uint) (*Statement, error) {
	return statementByID(s.db.WithContext(ctx), id)
}

func statementByID(db *gorm.DB, id uint) (*Statement, error) {
	var st Statement
	err := db.Preload("Sources", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Preload("ReviewedBy").Preload("Assignee").First(&st, id).Error
	if err != nil {
		return nil, fmt.Errorf("models: statement %d: %w", id, notFound(err))
	}
	return &st, nil
}

// Review saves a reviewer's verdict, note, correction and sources for a
// statement in one transaction. It fails with a *ConflictError, changing
// nothing, when the statement's version is no longer r.Version.
func (s *Store) Review(ctx context.Context, id uint, r ReviewInput) (*Statement, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	now := time.Now().UTC()
	var (
		reviewedAt *time.Time
		reviewedBy *uint
	)
	if r.Verdict.Final() {
		reviewedAt = &now
		if r.UserID != 0 {
			reviewedBy = &r.UserID
		}
	}
	correction := strings.TrimSpace(r.Correction)
	if r.Verdict != Corrected {
		// A correction only means something with the corrected verdict;
		// keeping a stale one would leak into reports.
		correction = ""
	}
	var out *Statement
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		before, err := statementByID(tx, id)
		if err != nil {
			return err
		}
		err = claimVersion(tx, id, r.Version, map[string]any{
			"verdict":        r.Verdict,
			"note":           strings.TrimSpace(r.Note),
			"correction":     correction,
			"reviewed_at":    reviewedAt,
			"reviewed_by_id": reviewedBy,
		})
		if err != nil {
			return err
		}
		if err := tx.Where("statement_id = ?", id).Delete(&Source{}).Error; err != nil {
			return err
		}
		sources := make([]Source, 0, len(r.Sources))
		for i, in := range r.Sources {
			sources = append(sources, in.source(id, i+1, now))
		}
		if len(sources) > 0 {
			if err := tx.Create(&sources).Error; err != nil {
				return err
			}
		}
		if out, err = statementByID(tx, id); err != nil {
			return err
		}
		action, after := ActionReview, reviewStateOf(out)
		if r.ReusedFrom != 0 {
			action, after.ReusedFrom = ActionReuse, r.ReusedFrom
		}
		return record(tx, out.ArticleID, id, r.UserID, action, reviewStateOf(before), after)
	})
	if err != nil {
		var conflict *ConflictError
		if errors.As(err, &conflict) || errors.Is(err, ErrNotFound) {
			return nil, err
		}
		return nil, fmt.Errorf("models: review statement %d: %w", id, err)
	}
	return out, nil
}

// ReviewedStatement is a reviewed statement with the title of its article.
type ReviewedStatement struct {
	Statement
	ArticleTitle string
}

// ReviewedBetween returns the statements given a final verdict in
// [from, to), oldest first, optionally only those with one verdict or
// reviewed by one user (0: anyone).
func (s *Store) ReviewedBetween(ctx context.Context, from, to time.Time, verdict Verdict, reviewerID uint) ([]ReviewedStatement, error) {
	var stmts []Statement
	q := s.db.WithContext(ctx).
		Preload("Sources", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Preload("ReviewedBy").
		Where("reviewed_at >= ? AND reviewed_at < ?", from, to).
		Where("verdict IN ?", []Verdict{Verified, Disputed, Corrected, NotCheckable})
	if verdict != "" {
		q = q.Where("verdict = ?", verdict)
	}
	if reviewerID != 0 {
		q = q.Where("reviewed_by_id = ?", reviewerID)
	}
	if err := q.Order("reviewed_at, id").Find(&stmts).Error; err != nil {
		return nil, fmt.Errorf("models: statements reviewed between %s and %s: %w", from, to, err)
	}
	titles := map[uint]string{}
	var ids []uint
	for _, st := range stmts {
		if _, ok := titles[st.ArticleID]; !ok {
			titles[st.ArticleID] = ""
			ids = append(ids, st.ArticleID)
		}
	}
	if len(ids) > 0 {
		var arts []Article
		if err := s.db.WithContext(ctx).Select("id, title").Where("id IN ?", ids).Find(&arts).Error; err != nil {
			return nil, fmt.Errorf("models: article titles: %w", err)
		}
		for _, a := range arts {
			titles[a.ID] = a.Title
		}
	}
	out := make([]ReviewedStatement, len(stmts))
	for i, st := range stmts {
		out[i] = ReviewedStatement{Statement: st, ArticleTitle: titles[st.ArticleID]}
	}
	return out, nil
}

// reviewState is what the history keeps of a review.
type reviewState struct {
	Verdict    Verdict       `json:"verdict"`
	Note       string        `json:"note"`
	Correction string        `json:"correction"`
	Sources    []SourceInput `json:"sources"`
	ReusedFrom uint          `json:"reused_from,omitempty"`
}

func reviewStateOf(s *Statement) reviewState {
	r := reviewState{Verdict: s.Verdict, Note: s.Note, Correction: s.Correction, Sources: []SourceInput{}}
	for _, src := range s.Sources {
		r.Sources = append(r.Sources, InputOf(src))
	}
	return r
}

// NextStatement returns the statement after st in its article, or
// ErrNotFound when st is the last.
func (s *Store) NextStatement(ctx context.Context, st *Statement) (*Statement, error) {
	var next Statement
	err := s.db.WithContext(ctx).Where("article_id = ? AND start_offset >= ? AND id <> ?", st.ArticleID, st.End, st.ID).
		Order("start_offset").First(&next).Error
	if err != nil {
		return nil, fmt.Errorf("models: statement after %d: %w", st.ID, notFound(err))
	}
	return &next, nil
}

// CurrentOrNil is the statement as it is now, or nil for a nil error.
func (e *ConflictError) CurrentOrNil() *Statement {
	if e == nil {
		return nil
	}
	return e.Current
}

// Matchable reports whether others may reuse the statement's review: it
// has a verdict with evidence and is not dismissed.
func (s Statement) Matchable() bool {
	return !s.Dismissed && (s.Verdict == Verified || s.Verdict == Disputed || s.Verdict == Corrected)
}

// EachMatchable calls fn for every statement whose review others may
// reuse, reading in batches so a large desk never loads all at once.
func (s *Store) EachMatchable(ctx context.Context, fn func(id, articleID uint, text string)) error {
	var batch []Statement
	err := s.db.WithContext(ctx).Select("id, article_id, text").
		Where("verdict IN ? AND dismissed = ?", []Verdict{Verified, Disputed, Corrected}, false).
		FindInBatches(&batch, 5000, func(tx *gorm.DB, _ int) error {
			for _, st := range batch {
				fn(st.ID, st.ArticleID, st.Text)
			}
			return nil
		}).Error
	if err != nil {
		return fmt.Errorf("models: matchable statements: %w", err)
	}
	return nil
}

// Reuse copies the review of an earlier statement (verdict, note,
// correction and sources) onto this one, as one review.
func (s *Store) Reuse(ctx context.Context, id uint, version int, fromID, userID uint) (*Statement, error) {
	from, err := s.StatementByID(ctx, fromID)
	if err != nil {
		return nil, err
	}
	if !from.Matchable() {
		return nil, &ValidationError{Problems: []FieldError{{"from", "That statement has no review to reuse."}}}
	}
	in := ReviewInput{Verdict: from.Verdict, Note: from.Note, Correction: from.Correction,
		Version: version, UserID: userID, ReusedFrom: fromID}
	for _, src := range from.Sources {
		in.Sources = append(in.Sources, InputOf(src))
	}
	return s.Review(ctx, id, in)
}
