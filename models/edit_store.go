package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/rating"
)

// Editors fix what extraction got wrong. Every edit keeps offsets pointing
// into the article text, keeps statements in order and apart, and
// renumbers positions, all in one transaction.

func spanOf(s *Statement) Span { return Span{s.Start, s.End, s.Text} }

// trimSpan narrows [start, end) of body to its text without surrounding
// space, and checks it is a real, non-empty span on character boundaries.
func trimSpan(body string, start, end int) (int, int, error) {
	bad := invalid("range", "Select some text of the article.")
	if start < 0 || end > len(body) || start >= end {
		return 0, 0, bad
	}
	if !utf8.RuneStart(body[start]) || (end < len(body) && !utf8.RuneStart(body[end])) {
		return 0, 0, invalid("range", "The selection cuts a character in two.")
	}
	for start < end {
		r, n := utf8.DecodeRuneInString(body[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(body[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	if start >= end {
		return 0, 0, bad
	}
	return start, end, nil
}

// rescore gives a statement the text of body[start:end) with fresh
// check-worthiness, reasons and facets.
func (s *Store) rescore(st *Statement, body string, start, end int) {
	x := s.extractor.Score(body[start:end])
	for i := range x.Facets {
		x.Facets[i].Start += start
		x.Facets[i].End += start
	}
	st.Start, st.End, st.Text = start, end, body[start:end]
	st.Checkable, st.Score, st.Type, st.Reasons, st.Facets = x.Checkable, x.Score, x.Type, x.Reasons, x.Facets
}

func saveText(tx *gorm.DB, st *Statement) error {
	return tx.Model(&Statement{}).Where("id = ?", st.ID).Updates(map[string]any{
		"start_offset": st.Start, "end_offset": st.End, "text": st.Text, "checkable": st.Checkable,
		"score": st.Score, "type": st.Type, "reasons": st.Reasons, "facets": st.Facets,
	}).Error
}

// articleBody returns the text of the article a statement belongs to.
func articleBody(tx *gorm.DB, articleID uint) (string, error) {
	var a Article
	if err := tx.Select("id, body").First(&a, articleID).Error; err != nil {
		return "", notFound(err)
	}
	return a.Body, nil
}

// overlapping returns a statement of the article, other than those in
// except, that overlaps [start, end), or nil.
func overlapping(tx *gorm.DB, articleID uint, start, end int, except ...uint) (*Statement, error) {
	q := tx.Where("article_id = ? AND start_offset < ? AND end_offset > ?", articleID, end, start)
	if len(except) > 0 {
		q = q.Where("id NOT IN ?", except)
	}
	var found []Statement
	if err := q.Order("position").Limit(1).Find(&found).Error; err != nil {
		return nil, err
	}
	if len(found) == 0 {
		return nil, nil
	}
	return &found[0], nil
}

func overlapError(s *Statement) error {
	return invalid("range", fmt.Sprintf("That overlaps statement %d; change its boundaries or merge instead.", s.Position))
}

// renumber sets positions 1..n in text order for an article's statements.
func renumber(tx *gorm.DB, articleID uint) error {
	var list []Statement
	if err := tx.Select("id, position").Where("article_id = ?", articleID).Order("start_offset, id").Find(&list).Error; err != nil {
		return err
	}
	for i, s := range list {
		if s.Position != i+1 {
			if err := tx.Model(&Statement{}).Where("id = ?", s.ID).Update("position", i+1).Error; err != nil {
				return err
			}
		}
	}
	return nil
}

// EditBounds moves a statement's start and end (byte offsets into the
// article) and re-reads its text.
func (s *Store) EditBounds(ctx context.Context, id uint, version, start, end int, userID uint) (*Statement, error) {
	return s.change(ctx, id, version, userID, ActionBounds, func(tx *gorm.DB, st *Statement, now time.Time) (Payload, Payload, error) {
		body, err := articleBody(tx, st.ArticleID)
		if err != nil {
			return nil, nil, err
		}
		if start, end, err = trimSpan(body, start, end); err != nil {
			return nil, nil, err
		}
		if o, err := overlapping(tx, st.ArticleID, start, end, st.ID); err != nil || o != nil {
			if err == nil {
				err = overlapError(o)
			}
			return nil, nil, err
		}
		before := spanOf(st)
		s.rescore(st, body, start, end)
		if err := saveText(tx, st); err != nil {
			return nil, nil, err
		}
		return before, spanOf(st), renumber(tx, st.ArticleID)
	})
}

// Split cuts a statement in two at byte offset at (into the article). The
// first part keeps the statement's review; the second is a new statement,
// unreviewed.
func (s *Store) Split(ctx context.Context, id uint, version, at int, userID uint) (*Statement, *Statement, error) {
	var second Statement
	first, err := s.change(ctx, id, version, userID, ActionSplit, func(tx *gorm.DB, st *Statement, now time.Time) (Payload, Payload, error) {
		body, err := articleBody(tx, st.ArticleID)
		if err != nil {
			return nil, nil, err
		}
		if at <= st.Start || at >= st.End || !wordBoundary(body, at) {
			return nil, nil, invalid("at", "Split inside the statement, between two words.")
		}
		aStart, aEnd, err1 := trimSpan(body, st.Start, at)
		bStart, bEnd, err2 := trimSpan(body, at, st.End)
		if err := errors.Join(err1, err2); err != nil {
			return nil, nil, invalid("at", "Both parts of a split need some text.")
		}
		before := spanOf(st)
		s.rescore(st, body, aStart, aEnd)
		if err := saveText(tx, st); err != nil {
			return nil, nil, err
		}
		second = Statement{ArticleID: st.ArticleID, Position: st.Position + 1, Verdict: rating.Unreviewed, Version: 1, Priority: Normal}
		s.rescore(&second, body, bStart, bEnd)
		if err := tx.Omit("Sources", "ReviewedBy", "Assignee").Create(&second).Error; err != nil {
			return nil, nil, err
		}
		created := entry{st.ArticleID, second.ID, userID, ActionCreate, nil, Created{Span: spanOf(&second), SplitFrom: st.ID}}
		if err := record(tx, now, created); err != nil {
			return nil, nil, err
		}
		return before, Spans{spanOf(st), spanOf(&second)}, renumber(tx, st.ArticleID)
	})
	if err != nil {
		return nil, nil, err
	}
	out, err := s.StatementByID(ctx, second.ID)
	return first, out, err
}

// Merge joins a statement with the next one in the article. The merged
// statement keeps the first one's id; it takes the second's review if it
// had none, and the second's sources and comments either way.
func (s *Store) Merge(ctx context.Context, id uint, version, nextVersion int, userID uint) (*Statement, error) {
	return s.change(ctx, id, version, userID, ActionMerge, func(tx *gorm.DB, st *Statement, now time.Time) (Payload, Payload, error) {
		var next Statement
		err := tx.Preload("Sources").Where("article_id = ? AND start_offset >= ? AND id <> ?", st.ArticleID, st.End, st.ID).
			Order("start_offset").First(&next).Error
		if err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return nil, nil, invalid("merge", "This is the last statement; there is nothing to merge it with.")
			}
			return nil, nil, err
		}
		if next.Version != nextVersion {
			current, err := statementByID(tx, next.ID)
			if err != nil {
				return nil, nil, err
			}
			return nil, nil, conflict(current)
		}
		body, err := articleBody(tx, st.ArticleID)
		if err != nil {
			return nil, nil, err
		}
		before := Spans{spanOf(st), spanOf(&next)}
		s.rescore(st, body, st.Start, next.End)
		if err := saveText(tx, st); err != nil {
			return nil, nil, err
		}
		if scale := s.Scale(); !scale.Final(st.Verdict) && scale.Final(next.Verdict) {
			err := tx.Model(&Statement{}).Where("id = ?", st.ID).Updates(map[string]any{
				"verdict": next.Verdict, "note": next.Note, "correction": next.Correction,
				"reviewed_at": next.ReviewedAt, "reviewed_by_id": next.ReviewedByID,
			}).Error
			if err != nil {
				return nil, nil, err
			}
		} else if strings.TrimSpace(next.Note) != "" {
			note := strings.TrimSpace(st.Note + "\n\n" + next.Note)
			if err := tx.Model(&Statement{}).Where("id = ?", st.ID).Update("note", note).Error; err != nil {
				return nil, nil, err
			}
		}
		ids := make([]uint, 0, len(st.Sources)+len(next.Sources))
		for _, x := range st.Sources {
			ids = append(ids, x.ID)
		}
		for _, x := range next.Sources {
			ids = append(ids, x.ID)
		}
		if err := tx.Model(&Source{}).Where("statement_id = ?", next.ID).Update("statement_id", st.ID).Error; err != nil {
			return nil, nil, err
		}
		if err := renumberSources(tx, ids); err != nil {
			return nil, nil, err
		}
		for _, table := range []string{"comments", "statement_events", "assignments"} {
			if err := tx.Table(table).Where("statement_id = ?", next.ID).Update("statement_id", st.ID).Error; err != nil {
				return nil, nil, err
			}
		}
		if err := tx.Delete(&Statement{}, next.ID).Error; err != nil {
			return nil, nil, err
		}
		return before, spanOf(st), renumber(tx, st.ArticleID)
	})
}

// Dismiss takes a statement out of review (it stays in the text), with the
// reason why. Restore undoes it.
func (s *Store) Dismiss(ctx context.Context, id uint, version int, reason string, userID uint) (*Statement, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, invalid("reason", "Say why the statement is dismissed.")
	}
	if err := textError("reason", "reason", reason, MaxNoteBytes); err != nil {
		return nil, err
	}
	return s.change(ctx, id, version, userID, ActionDismiss, func(tx *gorm.DB, st *Statement, now time.Time) (Payload, Payload, error) {
		if st.Dismissed {
			return nil, nil, invalid("reason", "The statement is already dismissed.")
		}
		err := tx.Model(&Statement{}).Where("id = ?", id).Updates(map[string]any{"dismissed": true, "dismiss_reason": reason}).Error
		return Dismissal{Dismissed: false}, Dismissal{Dismissed: true, Reason: reason}, err
	})
}

// Restore brings a dismissed statement back into review.
func (s *Store) Restore(ctx context.Context, id uint, version int, userID uint) (*Statement, error) {
	return s.change(ctx, id, version, userID, ActionRestore, func(tx *gorm.DB, st *Statement, now time.Time) (Payload, Payload, error) {
		if !st.Dismissed {
			return nil, nil, invalid("reason", "The statement is not dismissed.")
		}
		err := tx.Model(&Statement{}).Where("id = ?", id).Updates(map[string]any{"dismissed": false, "dismiss_reason": ""}).Error
		return Dismissal{Dismissed: true, Reason: st.DismissReason}, Dismissal{Dismissed: false}, err
	})
}

// CreateStatement adds a statement extraction missed: the text of the
// article from start to end (byte offsets), which must not overlap another.
func (s *Store) CreateStatement(ctx context.Context, articleID uint, start, end int, userID uint) (*Statement, error) {
	var st Statement
	now := s.nowUTC()
	err := s.write(ctx, func(tx *gorm.DB) error {
		body, err := articleBody(tx, articleID)
		if err != nil {
			return err
		}
		if start, end, err = trimSpan(body, start, end); err != nil {
			return err
		}
		if o, err := overlapping(tx, articleID, start, end); err != nil || o != nil {
			if err == nil {
				err = overlapError(o)
			}
			return err
		}
		st = Statement{ArticleID: articleID, Verdict: rating.Unreviewed, Version: 1, Priority: Normal, CreatedAt: now}
		s.rescore(&st, body, start, end)
		if err := tx.Omit("Sources", "ReviewedBy", "Assignee").Create(&st).Error; err != nil {
			return err
		}
		if err := renumber(tx, articleID); err != nil {
			return err
		}
		if err := recountStats(tx, s.Scale(), articleID); err != nil {
			return err
		}
		return record(tx, now, entry{articleID, st.ID, userID, ActionCreate, nil, Created{Span: spanOf(&st)}})
	})
	if err != nil {
		if isExpected(err) {
			return nil, err
		}
		return nil, fmt.Errorf("models: add statement to article %d: %w", articleID, err)
	}
	return s.StatementByID(ctx, st.ID)
}

// wordBoundary reports whether byte offset at of body falls between words:
// after a space or punctuation, or before a space.
func wordBoundary(body string, at int) bool {
	if !utf8.RuneStart(body[at]) {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(body[:at])
	next, _ := utf8.DecodeRuneInString(body[at:])
	return unicode.IsSpace(prev) || unicode.IsPunct(prev) || unicode.IsSpace(next)
}
