package models

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"gorm.io/gorm"
)

// Actions recorded in the history of a statement.
const (
	ActionReview       = "review"
	ActionSourceAdd    = "source_add"
	ActionSourceEdit   = "source_edit"
	ActionSourceRemove = "source_remove"
	ActionSourceOrder  = "source_reorder"
	ActionComment      = "comment"
	ActionBounds       = "edit_bounds"
	ActionSplit        = "split"
	ActionMerge        = "merge"
	ActionDismiss      = "dismiss"
	ActionRestore      = "restore"
	ActionCreate       = "create"
	ActionReuse        = "reuse_review"
)

// JSONText is JSON kept in a text column and shown as JSON, not as a string.
type JSONText string

// MarshalJSON writes the stored JSON as is, or null.
func (j JSONText) MarshalJSON() ([]byte, error) {
	if j == "" {
		return []byte("null"), nil
	}
	return []byte(j), nil
}

// Event is one entry of the append-only history: who changed what on a
// statement, when, and the state before and after.
type Event struct {
	ID          uint      `json:"id" gorm:"primaryKey"`
	ArticleID   uint      `json:"article_id"`
	StatementID uint      `json:"statement_id"`
	UserID      *uint     `json:"user_id"`
	User        *User     `json:"user,omitempty" gorm:"foreignKey:UserID"`
	Action      string    `json:"action"`
	Before      JSONText  `json:"before"`
	After       JSONText  `json:"after"`
	CreatedAt   time.Time `json:"created_at"`
}

// TableName is the history table.
func (Event) TableName() string { return "statement_events" }

// Changed lists the top-level fields that differ between before and after.
func (e Event) Changed() []string {
	var before, after map[string]json.RawMessage
	json.Unmarshal([]byte(e.Before), &before)
	json.Unmarshal([]byte(e.After), &after)
	var out []string
	seen := map[string]bool{}
	for k, v := range after {
		seen[k] = true
		if !bytes.Equal(before[k], v) {
			out = append(out, k)
		}
	}
	for k := range before {
		if !seen[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// MarshalJSON adds the list of changed fields.
func (e Event) MarshalJSON() ([]byte, error) {
	type plain Event // without this method
	return json.Marshal(struct {
		plain
		Changed []string `json:"changed"`
	}{plain(e), nonNilStrings(e.Changed())})
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// record appends one history entry inside the caller's transaction.
func record(tx *gorm.DB, articleID, statementID, userID uint, action string, before, after any) error {
	e := Event{ArticleID: articleID, StatementID: statementID, Action: action}
	if userID != 0 {
		e.UserID = &userID
	}
	for _, x := range []struct {
		v   any
		dst *JSONText
	}{{before, &e.Before}, {after, &e.After}} {
		if x.v == nil {
			continue
		}
		b, err := json.Marshal(x.v)
		if err != nil {
			return fmt.Errorf("models: history of statement %d: %w", statementID, err)
		}
		*x.dst = JSONText(b)
	}
	return tx.Create(&e).Error
}

// History returns the statement's history, oldest first.
func (s *Store) History(ctx context.Context, statementID uint) ([]Event, error) {
	var list []Event
	err := s.db.WithContext(ctx).Preload("User").Where("statement_id = ?", statementID).Order("id").Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: history of statement %d: %w", statementID, err)
	}
	return list, nil
}

// Activity returns the article's latest changes, newest first.
func (s *Store) Activity(ctx context.Context, articleID uint, limit int) ([]Event, error) {
	var list []Event
	err := s.db.WithContext(ctx).Preload("User").Where("article_id = ?", articleID).Order("id DESC").Limit(limit).Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: activity of article %d: %w", articleID, err)
	}
	return list, nil
}

// EventsAfter returns history entries with an id above afterID, oldest
// first: how every app instance learns what others changed.
func (s *Store) EventsAfter(ctx context.Context, afterID uint, limit int) ([]Event, error) {
	var list []Event
	err := s.db.WithContext(ctx).Where("id > ?", afterID).Order("id").Limit(limit).Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: events after %d: %w", afterID, err)
	}
	return list, nil
}

// LastEventID is the id of the newest history entry, or 0.
func (s *Store) LastEventID(ctx context.Context) (uint, error) {
	var id uint
	err := s.db.WithContext(ctx).Model(&Event{}).Select("COALESCE(MAX(id), 0)").Scan(&id).Error
	if err != nil {
		return 0, fmt.Errorf("models: last event: %w", err)
	}
	return id, nil
}

// change runs one edit of a statement as a transaction: it claims the
// version the user's edit was based on (a *ConflictError, changing
// nothing, if someone else got there first), lets edit change the
// statement, and records the edit in the history. Every write to a
// statement goes through here or through Review.
func (s *Store) change(ctx context.Context, id uint, version int, userID uint, action string,
	edit func(tx *gorm.DB, st *Statement) (before, after any, err error)) (*Statement, error) {
	if version < 1 {
		return nil, &ValidationError{Problems: []FieldError{{"version", "The version you based your edit on is required."}}}
	}
	var out *Statement
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := claimVersion(tx, id, version, nil); err != nil {
			return err
		}
		st, err := statementByID(tx, id)
		if err != nil {
			return err
		}
		before, after, err := edit(tx, st)
		if err != nil {
			return err
		}
		if err := record(tx, st.ArticleID, id, userID, action, before, after); err != nil {
			return err
		}
		out, err = statementByID(tx, id)
		return err
	})
	if err != nil {
		var (
			conflict *ConflictError
			invalid  *ValidationError
		)
		if errors.As(err, &conflict) || errors.As(err, &invalid) || errors.Is(err, ErrNotFound) {
			return nil, err
		}
		return nil, fmt.Errorf("models: %s statement %d: %w", action, id, err)
	}
	return out, nil
}

// claimVersion moves a statement from version to version+1, setting fields
// on the way, in one conditional UPDATE: of two writers based on the same
// version exactly one gets it; the other gets a *ConflictError with the
// statement as it is now.
func claimVersion(tx *gorm.DB, id uint, version int, fields map[string]any) error {
	set := map[string]any{"version": gorm.Expr("version + 1"), "updated_at": time.Now().UTC()}
	for k, v := range fields {
		set[k] = v
	}
	res := tx.Model(&Statement{}).Where("id = ? AND version = ?", id, version).Updates(set)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		current, err := statementByID(tx, id)
		if err != nil {
			return err
		}
		return &ConflictError{Current: current}
	}
	return nil
}
