package models

import (
	"context"
	"errors"
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

// StatementsByID returns the statements with those ids that exist, with
// their reviewer, assignee and sources, in two queries: how the live feed
// loads a batch of changes.
func (s *Store) StatementsByID(ctx context.Context, ids []uint) ([]Statement, error) {
	var list []Statement
	if len(ids) == 0 {
		return list, nil
	}
	err := s.db.WithContext(ctx).Joins("ReviewedBy").Joins("Assignee").
		Preload("Sources", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Where("statements.id IN ?", ids).Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: statements %v: %w", ids, err)
	}
	return list, nil
}

// MatchStates returns, of the statements with those ids that exist, what
// claim matching needs to judge them (id, article, text, verdict,
// dismissed), in one light query.
func (s *Store) MatchStates(ctx context.Context, ids []uint) ([]Statement, error) {
	var list []Statement
	if len(ids) == 0 {
		return list, nil
	}
	err := s.db.WithContext(ctx).Select("id, article_id, text, verdict, dismissed").Where("id IN ?", ids).Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: statements %v: %w", ids, err)
	}
	return list, nil
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
//
// The statement is read and the review validated before the write
// transaction, so that SQLite's single writer is held only for the
// writes: the version claim (a conditional UPDATE) makes sure nobody
// changed the statement in between, or the save is a conflict.
func (s *Store) ReviewWith(ctx context.Context, id uint, build func(current *Statement) ReviewInput) (*Statement, error) {
	scale := s.Scale()
	st, err := statementByID(s.db.WithContext(ctx), id)
	if err != nil {
		if isExpected(err) {
			return nil, err
		}
		return nil, fmt.Errorf("models: review statement %d: %w", id, err)
	}
	r := build(st)
	if err := r.Validate(scale, st.Verdict); err != nil {
		return st, err
	}
	if st.Version != r.Version {
		return st, conflict(st)
	}
	now := s.nowUTC()
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
	// The workflow moves on when the review changed, or when a returned
	// one is saved again (perhaps as it was, on purpose); saving an
	// unchanged review keeps its approval.
	status := statusAfterReview(scale, s.Settings().RequireApproval, next.Verdict)
	same := st.Verdict == next.Verdict && st.Note == next.Note && st.Correction == next.Correction &&
		slices.EqualFunc(st.Sources, r.Sources, func(a Source, b SourceInput) bool { return InputOf(a).sameAs(b) })
	if !same || st.Status() == ReviewReturned || (st.Status() == ReviewOpen) != (status == ReviewOpen) {
		setFlow(&next, flowFields(status, r.UserID, now))
		if next.ApprovedByID != nil && r.By != nil && *next.ApprovedByID == r.By.ID {
			next.ApprovedBy = r.By
		}
	}
	action := ActionReview
	if r.ReusedFrom != 0 {
		action = ActionReuse
	}
	w, err := newReviewWrite(scale, st, &next, r.Sources, action, r.ReusedFrom, r.UserID, now)
	if err != nil {
		return nil, fmt.Errorf("models: review statement %d: %w", id, err)
	}
	var assignee *uint
	if s.db.Dialector.Name() == "postgres" {
		err = s.writeStatement(ctx, func(db *gorm.DB) (err error) {
			assignee, err = w.applyOne(db)
			return err
		})
	} else {
		err = s.write(ctx, func(tx *gorm.DB) (err error) {
			assignee, err = w.apply(tx)
			return err
		})
	}
	if errors.Is(err, errClaimLost) {
		current, err := statementByID(s.db.WithContext(ctx), id)
		if err != nil {
			return nil, fmt.Errorf("models: review statement %d: %w", id, err)
		}
		return current, conflict(current)
	}
	if err != nil {
		return nil, fmt.Errorf("models: review statement %d: %w", id, err)
	}
	// Assignments do not move the version: the statement has the
	// assignee the claim found.
	next.AssigneeID = assignee
	next.Sources = st.Sources
	if w.sources != nil {
		next.Sources = w.sources
	}
	if next.ReviewedByID != nil && next.ReviewedBy == nil {
		if next.ReviewedBy, err = s.UserByID(ctx, *next.ReviewedByID); err != nil {
			return nil, err
		}
	}
	if next.AssigneeID == nil {
		next.Assignee = nil
	} else if next.Assignee == nil || next.Assignee.ID != *next.AssigneeID {
		if next.Assignee, err = s.UserByID(ctx, *next.AssigneeID); err != nil {
			return nil, err
		}
	}
	return &next, nil
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
	err := s.write(ctx, func(tx *gorm.DB) error {
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
		// Edits are rare and may move several statements (a split, a
		// merge): recounting the article is simplest and always right.
		if err := recountStats(tx, s.Scale(), st.ArticleID); err != nil {
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
