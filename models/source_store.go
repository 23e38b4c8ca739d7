package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// AddSource adds a source to a statement, based on the statement version
// the reviewer saw.
func (s *Store) AddSource(ctx context.Context, statementID uint, version int, in SourceInput, userID uint) (*Statement, error) {
	if err := validateSource(in); err != nil {
		return nil, err
	}
	return s.change(ctx, statementID, version, userID, ActionSourceAdd, func(tx *gorm.DB, st *Statement, now time.Time) (Payload, Payload, error) {
		if len(st.Sources) >= MaxSources {
			return nil, nil, invalid("sources", "Too many sources (at most 50).")
		}
		src := in.source(statementID, len(st.Sources)+1, now)
		if err := tx.Create(&src).Error; err != nil {
			return nil, nil, err
		}
		return nil, InputOf(src), nil
	})
}

// UpdateSource changes one source of a statement.
func (s *Store) UpdateSource(ctx context.Context, statementID, sourceID uint, version int, in SourceInput, userID uint) (*Statement, error) {
	if err := validateSource(in); err != nil {
		return nil, err
	}
	return s.change(ctx, statementID, version, userID, ActionSourceEdit, func(tx *gorm.DB, st *Statement, now time.Time) (Payload, Payload, error) {
		old, ok := sourceOf(st, sourceID)
		if !ok {
			return nil, nil, notFoundf("source %d", sourceID)
		}
		src := in.source(statementID, old.Position, now)
		err := tx.Model(&Source{}).Where("id = ?", sourceID).Updates(map[string]any{
			"url": src.URL, "title": src.Title, "publisher": src.Publisher, "quote": src.Quote, "accessed_at": src.AccessedAt,
		}).Error
		return InputOf(old), InputOf(src), err
	})
}

// DeleteSource removes one source of a statement.
func (s *Store) DeleteSource(ctx context.Context, statementID, sourceID uint, version int, userID uint) (*Statement, error) {
	return s.change(ctx, statementID, version, userID, ActionSourceRemove, func(tx *gorm.DB, st *Statement, now time.Time) (Payload, Payload, error) {
		old, ok := sourceOf(st, sourceID)
		if !ok {
			return nil, nil, notFoundf("source %d", sourceID)
		}
		if err := tx.Delete(&Source{}, sourceID).Error; err != nil {
			return nil, nil, err
		}
		var rest []uint
		for _, x := range st.Sources {
			if x.ID != sourceID {
				rest = append(rest, x.ID)
			}
		}
		return InputOf(old), nil, renumberSources(tx, rest)
	})
}

// ReorderSources puts a statement's sources in the order of ids, which
// must name each of its sources once.
func (s *Store) ReorderSources(ctx context.Context, statementID uint, version int, ids []uint, userID uint) (*Statement, error) {
	return s.change(ctx, statementID, version, userID, ActionSourceOrder, func(tx *gorm.DB, st *Statement, now time.Time) (Payload, Payload, error) {
		if len(ids) != len(st.Sources) {
			return nil, nil, invalid("sources", "Give every source of the statement exactly once.")
		}
		seen := map[uint]bool{}
		before := make([]uint, len(st.Sources))
		for i, x := range st.Sources {
			before[i] = x.ID
		}
		for _, id := range ids {
			if _, ok := sourceOf(st, id); !ok || seen[id] {
				return nil, nil, invalid("sources", "Give every source of the statement exactly once.")
			}
			seen[id] = true
		}
		return SourceOrder{before}, SourceOrder{ids}, renumberSources(tx, ids)
	})
}

// ArticleSources returns the distinct sources used anywhere in an article,
// so a reviewer can back another statement with one of them.
func (s *Store) ArticleSources(ctx context.Context, articleID uint) ([]Source, error) {
	var all []Source
	err := s.db.WithContext(ctx).Joins("JOIN statements ON statements.id = sources.statement_id").
		Where("statements.article_id = ?", articleID).Order("sources.id").Find(&all).Error
	if err != nil {
		return nil, fmt.Errorf("models: sources of article %d: %w", articleID, err)
	}
	seen := map[string]bool{}
	var out []Source
	for _, src := range all {
		if !seen[src.URL] {
			seen[src.URL] = true
			out = append(out, src)
		}
	}
	return out, nil
}

// SourceByID returns one source.
func (s *Store) SourceByID(ctx context.Context, id uint) (*Source, error) {
	var src Source
	if err := s.db.WithContext(ctx).Take(&src, id).Error; err != nil {
		return nil, fmt.Errorf("models: source %d: %w", id, notFound(err))
	}
	return &src, nil
}

func validateSource(in SourceInput) error {
	v := &ValidationError{}
	in.validate(v)
	return v.orNil()
}

func sourceOf(st *Statement, id uint) (Source, bool) {
	for _, x := range st.Sources {
		if x.ID == id {
			return x, true
		}
	}
	return Source{}, false
}

func renumberSources(tx *gorm.DB, ids []uint) error {
	for i, id := range ids {
		if err := tx.Model(&Source{}).Where("id = ?", id).Update("position", i+1).Error; err != nil {
			return err
		}
	}
	return nil
}
