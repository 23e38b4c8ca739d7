package models

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
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
		var err error
		if events[i], err = eventOf(now, en); err != nil {
			return err
		}
	}
	return insertEvents(tx, events...)
}

// eventOf is the history entry of en, its payloads encoded.
func eventOf(now time.Time, en entry) (Event, error) {
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
			return e, fmt.Errorf("models: history of statement %d: %w", en.statementID, err)
		}
		*x.dst = JSONText(b)
	}
	return e, nil
}

// insertEvents writes history entries.
func insertEvents(tx *gorm.DB, events ...Event) error {
	switch len(events) {
	case 0:
		return nil
	case 1:
		// The common case (a review, a comment) in plain SQL: it runs
		// while SQLite's one writer is held, where every microsecond
		// counts.
		e := events[0]
		return rawExec(tx.Statement.Context, tx, `INSERT INTO statement_events (article_id, statement_id, user_id, action, before, after, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?)`, e.ArticleID, e.StatementID, e.UserID, e.Action, string(e.Before), string(e.After), e.CreatedAt)
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

// EventCursor is how far a reader of the history has come. A cursor is
// for one reader: EventsAfter returns the next one.
//
// On SQLite, whose single writer commits entries in the order of their
// ids, the id of the last entry read is enough. On PostgreSQL an entry's
// id is taken when it is written, not when its transaction commits, so a
// reader following ids alone could pass an entry whose transaction was
// still open and never see it. There entries are read in the order of the
// transaction that wrote them (TxID, then id), and the cursor keeps two
// places: Head, the last entry handed out, and Safe, below which every
// transaction has ended, so nothing can appear any more. Between the two,
// a transaction that commits late can still add entries: each read looks
// there again for entries that became visible, and Seen drops those
// already handed out, so that none is missed and none repeats.
type EventCursor struct {
	TxID uint64 // Head: the entry handed out last
	ID   uint
	Safe struct {
		TxID uint64
		ID   uint
	}
	Seen map[uint]uint64 // entries handed out past Safe: id → TxID
}

// LatestEvents is a cursor past every history entry committed so far.
func (s *Store) LatestEvents(ctx context.Context) (EventCursor, error) {
	db := s.db.WithContext(ctx)
	var c EventCursor
	if s.db.Dialector.Name() == "postgres" {
		// Entries of transactions from the oldest one running on come
		// later; everything before is committed, and skipped.
		xmin, err := snapshotXmin(db)
		if err != nil {
			return c, fmt.Errorf("models: latest events: %w", err)
		}
		c.TxID, c.ID = xmin-1, math.MaxInt64
		c.Safe.TxID, c.Safe.ID = c.TxID, c.ID
		c.Seen = map[uint]uint64{}
		return c, nil
	}
	err := db.Model(&Event{}).Select("COALESCE(MAX(id), 0)").Scan(&c.ID).Error
	if err != nil {
		return c, fmt.Errorf("models: latest events: %w", err)
	}
	return c, nil
}

// snapshotXmin is the id of the oldest transaction still running: every
// transaction below it has ended.
func snapshotXmin(db *gorm.DB) (uint64, error) {
	var xmin uint64
	err := db.Raw("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint").Scan(&xmin).Error
	return xmin, err
}

// eventRow is a history entry with the transaction that wrote it.
type eventRow struct {
	Event
	Tx uint64
}

// EventsAfter returns up to limit history entries after the cursor, in
// the order they became visible, and the cursor past them: how every app
// instance learns what others changed, never skipping an entry.
func (s *Store) EventsAfter(ctx context.Context, after EventCursor, limit int) ([]Event, EventCursor, error) {
	db := s.db.WithContext(ctx)
	if s.db.Dialector.Name() != "postgres" {
		var list []Event
		if err := db.Where("id > ?", after.ID).Order("id").Limit(limit).Find(&list).Error; err != nil {
			return nil, after, fmt.Errorf("models: events after %d: %w", after.ID, err)
		}
		if len(list) > 0 {
			after.ID = list[len(list)-1].ID
		}
		return list, after, nil
	}
	if after.Seen == nil {
		after.Seen = map[uint]uint64{}
	}
	// Read before the entries: a transaction below it ended before they
	// were read, so its entries are among them.
	xmin, err := snapshotXmin(db)
	if err != nil {
		return nil, after, fmt.Errorf("models: events: %w", err)
	}
	const cols = `SELECT e.*, e.txid::text::bigint AS tx FROM statement_events e WHERE `
	var out []Event
	if after.Safe.TxID != after.TxID || after.Safe.ID != after.ID {
		// Late commits between Safe and Head that have become visible.
		var late []eventRow
		err := db.Raw(cols+`(e.txid, e.id) > (?::text::xid8, ?) AND (e.txid, e.id) <= (?::text::xid8, ?)
ORDER BY e.txid, e.id`, strconv.FormatUint(after.Safe.TxID, 10), after.Safe.ID, strconv.FormatUint(after.TxID, 10), after.ID).
			Scan(&late).Error
		if err != nil {
			return nil, after, fmt.Errorf("models: late events: %w", err)
		}
		for _, r := range late {
			if _, ok := after.Seen[r.ID]; !ok {
				out = append(out, r.Event)
				after.Seen[r.ID] = r.Tx
			}
		}
	}
	var fresh []eventRow
	err = db.Raw(cols+`(e.txid, e.id) > (?::text::xid8, ?) ORDER BY e.txid, e.id LIMIT ?`,
		strconv.FormatUint(after.TxID, 10), after.ID, limit).Scan(&fresh).Error
	if err != nil {
		return nil, after, fmt.Errorf("models: events: %w", err)
	}
	for _, r := range fresh {
		out = append(out, r.Event)
		after.Seen[r.ID] = r.Tx
		after.TxID, after.ID = r.Tx, r.ID
	}
	// Everything below xmin has ended: Safe moves up to it (never past
	// Head), and what was seen below it need not be remembered.
	if after.TxID < xmin {
		after.Safe.TxID, after.Safe.ID = after.TxID, after.ID
	} else if xmin-1 > after.Safe.TxID {
		after.Safe.TxID, after.Safe.ID = xmin-1, math.MaxInt64
	}
	for id, tx := range after.Seen {
		if tx < after.Safe.TxID || (tx == after.Safe.TxID && id <= after.Safe.ID) {
			delete(after.Seen, id)
		}
	}
	return out, after, nil
}

// OnChange calls fn after every write transaction the store commits: how
// the live feed on this instance hears of changes at once, without
// polling. (Other instances hear of them through PostgreSQL's
// notifications; see EventsChannel.)
func (s *Store) OnChange(fn func()) {
	s.hooksMu.Lock()
	defer s.hooksMu.Unlock()
	s.onChange = append(s.onChange, fn)
}

func (s *Store) changed() {
	s.hooksMu.Lock()
	hooks := s.onChange
	s.hooksMu.Unlock()
	for _, fn := range hooks {
		fn()
	}
}
