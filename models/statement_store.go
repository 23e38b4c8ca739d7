package models

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/factcheckdesk/factcheck/rating"
)

// StatementByID returns one statement with its sources.
func (s *Store) StatementByID(ctx context.Context, id uint) (*Statement, error) {
	return statementByID(s.db.WithContext(ctx), id)
}

// statementByID reads a statement, with its reviewer and assignee joined
// in the same query, and its sources in a second.
func statementByID(db *gorm.DB, id uint) (*Statement, error) {
	var st Statement
	err := db.Joins("ReviewedBy").Joins("Assignee").Joins("ApprovedBy").
		Preload("Sources", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Where("statements.id = ?", id).Where(liveArticle("statements.article_id")).Take(&st).Error
	if err != nil {
		return nil, fmt.Errorf("models: statement %d: %w", id, notFound(err))
	}
	return &st, nil
}

// Review saves a reviewer's verdict, note, correction and sources for a
// statement in one transaction that reads the statement once and writes it
// once. A stale r.Version fails with a conflict (a *ConflictError cause),
// changing nothing. When the review breaks a rule the error's cause is a
// *ValidationError and the statement is returned as stored, so the form
// can be shown again beside it.
func (s *Store) Review(ctx context.Context, id uint, r ReviewInput) (*Statement, error) {
	return s.ReviewWith(ctx, id, func(*Statement) ReviewInput { return r })
}

// ReviewWith is Review of the input that build makes from the statement as
// stored: how a partial change (the API's PATCH) keeps the fields it does
// not name, still reading the statement once.
func (s *Store) ReviewWith(ctx context.Context, id uint, build func(current *Statement) ReviewInput) (*Statement, error) {
	scale := s.Scale()
	now := s.nowUTC()
	var out *Statement
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		st, err := statementByID(tx, id)
		if err != nil {
			return err
		}
		out = st
		r := build(st)
		if err := r.Validate(scale, st.Verdict); err != nil {
			return err
		}
		if st.Version != r.Version {
			return conflict(st)
		}
		next := *st
		next.Verdict, next.Note, next.Version, next.UpdatedAt = r.Verdict, strings.TrimSpace(r.Note), st.Version+1, now
		next.Correction = ""
		if scale.Of(r.Verdict).NeedsCorrection {
			// A correction only means something with a rating that asks
			// for one; keeping a stale one would leak into reports.
			next.Correction = strings.TrimSpace(r.Correction)
		}
		next.ReviewedAt, next.ReviewedByID, next.ReviewedBy = nil, nil, nil
		if scale.Final(r.Verdict) {
			next.ReviewedAt = &now
			if r.UserID != 0 {
				next.ReviewedByID, next.ReviewedBy = &r.UserID, r.By
			}
		}
		fields := map[string]any{
			"verdict": next.Verdict, "note": next.Note, "correction": next.Correction,
			"reviewed_at": next.ReviewedAt, "reviewed_by_id": next.ReviewedByID,
		}
		// The workflow moves on when the review changed, or when a
		// returned one is saved again (perhaps as it was, on purpose);
		// saving an unchanged review keeps its approval.
		status := statusAfterReview(scale, s.Settings().RequireApproval, next.Verdict)
		same := st.Verdict == next.Verdict && st.Note == next.Note && st.Correction == next.Correction &&
			slices.EqualFunc(st.Sources, r.Sources, func(a Source, b SourceInput) bool { return InputOf(a).sameAs(b) })
		if !same || st.Status() == ReviewReturned || (st.Status() == ReviewOpen) != (status == ReviewOpen) {
			flow := flowFields(status, r.UserID, now)
			setFlow(&next, flow)
			for k, v := range flow {
				fields[k] = v
			}
		}
		err = claimVersion(tx, st, now, fields)
		if err != nil {
			return err
		}
		if next.Sources, err = replaceSources(tx, st, r.Sources, now); err != nil {
			return err
		}
		if next.ReviewedByID != nil && next.ReviewedBy == nil {
			var by User
			if err := tx.Take(&by, *next.ReviewedByID).Error; err != nil {
				return err
			}
			next.ReviewedBy = &by
		}
		out = &next
		action := ActionReview
		before, after := reviewChange(st, out)
		if r.ReusedFrom != 0 {
			action, after.ReusedFrom = ActionReuse, r.ReusedFrom
		}
		return record(tx, now, entry{st.ArticleID, id, r.UserID, action, before, after})
	})
	switch {
	case err == nil:
		return out, nil
	case isExpected(err):
		return out, err // out is the statement as stored, or nil
	}
	return nil, fmt.Errorf("models: review statement %d: %w", id, err)
}

// replaceSources makes the statement's sources those of in, writing only
// when they differ from what is stored.
func replaceSources(tx *gorm.DB, st *Statement, in []SourceInput, now time.Time) ([]Source, error) {
	current := make([]SourceInput, len(st.Sources))
	for i, src := range st.Sources {
		current[i] = InputOf(src)
	}
	if slices.EqualFunc(current, in, func(a, b SourceInput) bool { return a.sameAs(b) }) {
		return st.Sources, nil
	}
	if err := tx.Where("statement_id = ?", st.ID).Delete(&Source{}).Error; err != nil {
		return nil, err
	}
	sources := make([]Source, len(in))
	for i, x := range in {
		sources[i] = x.source(st.ID, i+1, now)
		sources[i].CreatedAt = now
	}
	if len(sources) > 0 {
		if err := tx.Create(&sources).Error; err != nil {
			return nil, err
		}
	}
	return sources, nil
}

// change runs one edit of a statement as a transaction: it claims the
// version the user's edit was based on (a conflict, changing nothing, if
// someone else got there first), lets edit change the statement, records
// the edit in the history and returns the statement as it is now. Every
// write to a statement goes through here or through Review.
func (s *Store) change(ctx context.Context, id uint, version int, userID uint, action Action,
	edit func(tx *gorm.DB, st *Statement, now time.Time) (before, after Payload, err error)) (*Statement, error) {
	return s.changeThen(ctx, id, version, userID, action, edit, nil)
}

// changeThen is change with a last step, given the statement as the edit
// left it, inside the same transaction (nil for none): how a workflow
// step queues its webhooks.
func (s *Store) changeThen(ctx context.Context, id uint, version int, userID uint, action Action,
	edit func(tx *gorm.DB, st *Statement, now time.Time) (before, after Payload, err error),
	then func(tx *gorm.DB, st *Statement, now time.Time) error) (*Statement, error) {
	if version < 1 {
		return nil, invalid("version", "The version you based your edit on is required.")
	}
	now := s.nowUTC()
	var out *Statement
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		st, err := statementByID(tx, id)
		if err != nil {
			return err
		}
		if st.Version != version {
			return conflict(st)
		}
		if err := claimVersion(tx, st, now, nil); err != nil {
			return err
		}
		before, after, err := edit(tx, st, now)
		if err != nil {
			return err
		}
		if action.changesReview() {
			if err := s.reopenReview(tx, st, userID, now); err != nil {
				return err
			}
		}
		if err := record(tx, now, entry{st.ArticleID, id, userID, action, before, after}); err != nil {
			return err
		}
		if out, err = statementByID(tx, id); err != nil || then == nil {
			return err
		}
		return then(tx, out, now)
	})
	if err != nil {
		if isExpected(err) {
			return nil, err
		}
		return nil, fmt.Errorf("models: %s statement %d: %w", action, id, err)
	}
	return out, nil
}

// claimVersion moves st from the version it was read at to the next,
// setting fields on the way, in one conditional UPDATE: of two writers
// based on the same version exactly one gets it; the other gets a conflict
// with the statement as it is now.
func claimVersion(tx *gorm.DB, st *Statement, now time.Time, fields map[string]any) error {
	set := map[string]any{"version": gorm.Expr("version + 1"), "updated_at": now}
	for k, v := range fields {
		set[k] = v
	}
	res := tx.Model(&Statement{}).Where("id = ? AND version = ?", st.ID, st.Version).Updates(set)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		current, err := statementByID(tx, st.ID)
		if err != nil {
			return err
		}
		return conflict(current)
	}
	return nil
}

// lockStatements reads the statements q selects, locking their rows
// against concurrent writers on PostgreSQL (SQLite's single writer already
// holds them).
func lockStatements(q *gorm.DB, dst *[]Statement) error {
	return q.Clauses(clause.Locking{Strength: "UPDATE"}).Find(dst).Error
}

// NextStatement returns the statement after st in its article, or a
// not-found error when st is the last.
func (s *Store) NextStatement(ctx context.Context, st *Statement) (*Statement, error) {
	var next Statement
	err := s.db.WithContext(ctx).Where("article_id = ? AND start_offset >= ? AND id <> ?", st.ArticleID, st.End, st.ID).
		Order("start_offset").Take(&next).Error
	if err != nil {
		return nil, fmt.Errorf("models: statement after %d: %w", st.ID, notFound(err))
	}
	return &next, nil
}

// Matchable reports whether others may reuse the statement's review: its
// rating is final and backed by evidence, and it is not dismissed.
func (s Statement) Matchable(scale *rating.Scale) bool {
	return !s.Dismissed && scale.Matchable(s.Verdict)
}

// EachMatchable calls fn for every statement whose review others may
// reuse, reading in batches so a large desk never loads all at once.
func (s *Store) EachMatchable(ctx context.Context, fn func(id, articleID uint, text string)) error {
	var batch []Statement
	err := s.db.WithContext(ctx).Select("id, article_id, text").
		Where("verdict IN ? AND dismissed = ?", s.Scale().MatchableKeys(), false).Where(liveArticle("article_id")).
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
func (s *Store) Reuse(ctx context.Context, id uint, version int, fromID uint, by *User) (*Statement, error) {
	from, err := s.StatementByID(ctx, fromID)
	if err != nil {
		return nil, err
	}
	if !from.Matchable(s.Scale()) {
		return nil, invalid("from", "That statement has no review to reuse.")
	}
	in := ReviewInput{Verdict: from.Verdict, Note: from.Note, Correction: from.Correction,
		Version: version, ReusedFrom: fromID}
	in.SetUser(by)
	for _, src := range from.Sources {
		in.Sources = append(in.Sources, InputOf(src))
	}
	return s.Review(ctx, id, in)
}
