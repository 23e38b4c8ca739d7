package models

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"time"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/rating"
)

// Action is what a change did. One vocabulary serves the statement history
// and the assignment log.
type Action string

// Actions.
const (
	ActionReview       Action = "review"
	ActionReuse        Action = "reuse_review" // a review copied from the same claim elsewhere
	ActionSourceAdd    Action = "source_add"
	ActionSourceEdit   Action = "source_edit"
	ActionSourceRemove Action = "source_remove"
	ActionSourceOrder  Action = "source_reorder"
	ActionComment      Action = "comment"
	ActionBounds       Action = "edit_bounds"
	ActionSplit        Action = "split"
	ActionMerge        Action = "merge"
	ActionDismiss      Action = "dismiss"
	ActionRestore      Action = "restore"
	ActionCreate       Action = "create" // a statement added from a selection or by a split
	ActionAssign       Action = "assign" // an editor assigned (or reassigned) the statement
	ActionUnassign     Action = "unassign"
	ActionTake         Action = "take" // a reviewer took it from the pool
)

// Relayout reports whether the action changes the article's layout of
// statements, so that open pages must reload rather than patch one item.
func (a Action) Relayout() bool {
	switch a {
	case ActionSplit, ActionMerge, ActionBounds, ActionCreate:
		return true
	}
	return false
}

// changesReview reports whether the action changes a review's evidence,
// so that an approval of it no longer holds.
func (a Action) changesReview() bool {
	switch a {
	case ActionSourceAdd, ActionSourceEdit, ActionSourceRemove, ActionSourceOrder:
		return true
	}
	return false
}

// Payload is what the history keeps of a statement before or after a
// change: one type per action (see each type), stored as JSON.
type Payload interface{ payload() }

// ReviewState is what a review or a reuse changed, before and after: each
// side holds only the fields that differ, so five small edits of a note
// store five small notes, not five copies of every source. (Entries
// recorded before this held every field; readers treat a field present on
// both sides with the same value as unchanged.)
type ReviewState struct {
	Verdict    *rating.Key    `json:"verdict,omitempty"`
	Note       *string        `json:"note,omitempty"`
	Correction *string        `json:"correction,omitempty"`
	Sources    *[]SourceInput `json:"sources,omitempty"`
	ReusedFrom uint           `json:"reused_from,omitempty"`
}

// reviewChange is the history of a review: the fields of the review that
// differ between before and after.
func reviewChange(before, after *Statement) (was, now ReviewState) {
	if before.Verdict != after.Verdict {
		was.Verdict, now.Verdict = new(before.Verdict), new(after.Verdict)
	}
	if before.Note != after.Note {
		was.Note, now.Note = new(before.Note), new(after.Note)
	}
	if before.Correction != after.Correction {
		was.Correction, now.Correction = new(before.Correction), new(after.Correction)
	}
	b, a := sourceInputs(before.Sources), sourceInputs(after.Sources)
	if !slices.Equal(b, a) {
		was.Sources, now.Sources = &b, &a
	}
	return was, now
}

func sourceInputs(list []Source) []SourceInput {
	out := make([]SourceInput, len(list))
	for i, src := range list {
		out[i] = InputOf(src)
	}
	return out
}

// Span is a statement's place in the article: before and after a change of
// boundaries, after a merge, before a split.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Spans are several statements' places: after a split, before a merge.
type Spans []Span

// Created is a statement added to an article, from a selection or split
// from another (SplitFrom).
type Created struct {
	Span
	SplitFrom uint `json:"split_from,omitempty"`
}

// SourceOrder is the order of a statement's sources, by id.
type SourceOrder struct {
	Order []uint `json:"order"`
}

// CommentBody is a comment added to a statement.
type CommentBody struct {
	Body string `json:"body"`
}

// Dismissal is whether a statement is out of review, and why.
type Dismissal struct {
	Dismissed bool   `json:"dismissed"`
	Reason    string `json:"reason,omitempty"`
}

// Assigned is a statement's assignment after an editor assigned it.
type Assigned struct {
	AssigneeID uint       `json:"assignee_id"`
	DueAt      *time.Time `json:"due_at"`
	Priority   Priority   `json:"priority"`
}

// Holder is who has a statement: after a take, before an unassignment.
type Holder struct {
	AssigneeID uint `json:"assignee_id"`
}

func (ReviewState) payload() {}
func (SourceInput) payload() {}
func (Span) payload()        {}
func (Spans) payload()       {}
func (Created) payload()     {}
func (SourceOrder) payload() {}
func (CommentBody) payload() {}
func (Dismissal) payload()   {}
func (Assigned) payload()    {}
func (Holder) payload()      {}

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
	ID          uint `gorm:"primaryKey"`
	ArticleID   uint
	StatementID uint
	UserID      *uint
	User        *User `gorm:"foreignKey:UserID"`
	Action      Action
	Before      JSONText
	After       JSONText
	CreatedAt   time.Time
}

// TableName is the history table.
func (Event) TableName() string { return "statement_events" }

// Change is an event's payloads decoded as T; a side the event has not
// (or not as T) is nil.
type Change[T Payload] struct {
	Before, After *T
}

// ChangeOf decodes e's payloads as T, the payload type of its action.
func ChangeOf[T Payload](e Event) Change[T] {
	return Change[T]{Before: decodePayload[T](e.Before), After: decodePayload[T](e.After)}
}

func decodePayload[T Payload](j JSONText) *T {
	if j == "" {
		return nil
	}
	var v T
	if json.Unmarshal([]byte(j), &v) != nil {
		return nil
	}
	return &v
}

// Changed lists the top-level fields that differ between before and after.
func (e Event) Changed() []string {
	var before, after map[string]json.RawMessage
	json.Unmarshal([]byte(e.Before), &before)
	json.Unmarshal([]byte(e.After), &after)
	out := []string{}
	for k, v := range after {
		if !bytes.Equal(before[k], v) {
			out = append(out, k)
		}
	}
	for k := range before {
		if _, ok := after[k]; !ok {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// entry is one history entry to record.
type entry struct {
	articleID, statementID, userID uint
	action                         Action
	before, after                  Payload
}

// record appends history entries inside the caller's transaction.
func record(tx *gorm.DB, now time.Time, entries ...entry) error {
	events := make([]Event, len(entries))
	for i, en := range entries {
		e := Event{ArticleID: en.articleID, StatementID: en.statementID, Action: en.action, CreatedAt: now}
		if en.userID != 0 {
			e.UserID = &en.userID
		}
		for _, x := range []struct {
			v   Payload
			dst *JSONText
		}{{en.before, &e.Before}, {en.after, &e.After}} {
			if x.v == nil {
				continue
			}
			b, err := json.Marshal(x.v)
			if err != nil {
				return fmt.Errorf("models: history of statement %d: %w", en.statementID, err)
			}
			*x.dst = JSONText(b)
		}
		events[i] = e
	}
	if len(events) == 0 {
		return nil
	}
	return tx.CreateInBatches(&events, 200).Error
}

// History returns up to limit entries of the statement's history with an
// id above afterID, oldest first: a page, and the id of its last entry
// asks for the next.
func (s *Store) History(ctx context.Context, statementID, afterID uint, limit int) ([]Event, error) {
	var list []Event
	err := s.db.WithContext(ctx).Preload("User").Where("statement_id = ? AND id > ?", statementID, afterID).
		Order("id").Limit(limit).Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: history of statement %d: %w", statementID, err)
	}
	return list, nil
}

// Activity returns up to limit of the article's changes, newest first,
// with an id below beforeID (0: the latest): the id of a page's last
// entry asks for the next.
func (s *Store) Activity(ctx context.Context, articleID, beforeID uint, limit int) ([]Event, error) {
	var list []Event
	q := s.db.WithContext(ctx).Preload("User").Where("article_id = ?", articleID)
	if beforeID != 0 {
		q = q.Where("id < ?", beforeID)
	}
	err := q.Order("id DESC").Limit(limit).Find(&list).Error
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
