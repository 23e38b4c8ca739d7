package models

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/rating"
)

// A verdict save is the desk's busiest write. Everything it writes is
// worked out before the write begins (reviewWrite), so that the write
// itself is only SQL: on SQLite a few statements while the one writer is
// held (apply), on PostgreSQL one statement, atomic on its own, in one
// round trip (applyOne). Both write the same rows; the store's tests run
// on both databases.

// reviewWrite is what a review writes over the statement st as read.
type reviewWrite struct {
	st *Statement
	// The version claim: the columns whose value changes, and their values.
	set  []string
	args []any
	now  time.Time
	// sources replace the statement's; nil when they stay as they are.
	sources []Source
	event   Event
	// What the review adds to the article's counters when the statement
	// is assigned, and when it is not, as the claim finds it:
	// assignments do not move the version, so only the claim knows.
	assigned, unassigned counts
}

// errClaimLost is a version claim that found the statement changed.
var errClaimLost = errors.New("models: the statement changed since it was read")

// newReviewWrite works out the write of next (the statement as the review
// leaves it, sources aside) with the sources in over st, by userID.
func newReviewWrite(scale *rating.Scale, st, next *Statement, in []SourceInput, action Action, reusedFrom, userID uint, now time.Time) (*reviewWrite, error) {
	w := &reviewWrite{st: st, now: now}
	col := func(name string, changed bool, v any) {
		if changed {
			w.set = append(w.set, name+" = ?")
			w.args = append(w.args, v)
		}
	}
	// Only the columns whose value changes: the claim makes sure the row
	// is still st, and every index over a column set is rewritten even
	// when its value stays (the statements table has several, for the
	// queues, the pool, approvals and reports).
	col("verdict", st.Verdict != next.Verdict, next.Verdict)
	col("note", st.Note != next.Note, next.Note)
	col("correction", st.Correction != next.Correction, next.Correction)
	col("reviewed_at", !sameTime(st.ReviewedAt, next.ReviewedAt), next.ReviewedAt)
	col("reviewed_by_id", !sameID(st.ReviewedByID, next.ReviewedByID), next.ReviewedByID)
	col("review_status", st.ReviewStatus != next.Status(), next.Status())
	col("approved_by_id", !sameID(st.ApprovedByID, next.ApprovedByID), next.ApprovedByID)
	col("approved_at", !sameTime(st.ApprovedAt, next.ApprovedAt), next.ApprovedAt)
	col("return_reason", st.ReturnReason != next.ReturnReason, next.ReturnReason)

	after := *next
	after.Sources = st.Sources
	if !slices.EqualFunc(st.Sources, in, func(a Source, b SourceInput) bool { return InputOf(a).sameAs(b) }) {
		w.sources = make([]Source, len(in))
		for i, x := range in {
			w.sources[i] = x.source(st.ID, i+1, now)
			w.sources[i].CreatedAt = now
		}
		after.Sources = w.sources
	}
	before, now2 := reviewChange(st, &after)
	if reusedFrom != 0 {
		now2.ReusedFrom = reusedFrom
	}
	var err error
	if w.event, err = eventOf(now, entry{st.ArticleID, st.ID, userID, action, before, now2}); err != nil {
		return nil, err
	}
	someone := uint(1)
	for _, c := range []struct {
		dst      *counts
		assignee *uint
	}{{&w.assigned, &someone}, {&w.unassigned, nil}} {
		was, is := *st, *next
		was.AssigneeID, is.AssigneeID = c.assignee, c.assignee
		*c.dst = countsOf(scale, &is).minus(countsOf(scale, &was))
	}
	return w, nil
}

// countsFor is what the review adds to the counters with the statement
// assigned as the claim found it.
func (w *reviewWrite) countsFor(assignee *uint) counts {
	if assignee != nil {
		return w.assigned
	}
	return w.unassigned
}

// apply writes the review in the caller's transaction, statement by
// statement, and returns who the statement is assigned to; errClaimLost
// when someone else changed it first. The sources written get their ids.
func (w *reviewWrite) apply(tx *gorm.DB) (assignee *uint, err error) {
	ctx := tx.Statement.Context
	rows, err := rawQuery(ctx, tx, `UPDATE statements SET `+w.setSQL()+` WHERE id = ? AND version = ? RETURNING assignee_id`,
		w.claimArgs()...)
	if err != nil {
		return nil, err
	}
	if !rows.Next() {
		err := rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
		return nil, errClaimLost
	}
	err = rows.Scan(&assignee)
	rows.Close()
	if err != nil {
		return nil, err
	}
	if w.sources != nil {
		if err := rawExec(ctx, tx, "DELETE FROM sources WHERE statement_id = ?", w.st.ID); err != nil {
			return nil, err
		}
		for i := range w.sources {
			src := &w.sources[i]
			err := rawRow(ctx, tx, `INSERT INTO sources (statement_id, position, url, title, publisher, quote, accessed_at, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, src.StatementID, src.Position, src.URL, src.Title, src.Publisher, src.Quote,
				src.AccessedAt, src.CreatedAt).Scan(&src.ID)
			if err != nil {
				return nil, err
			}
		}
	}
	if err := insertEvents(tx, w.event); err != nil {
		return nil, err
	}
	// Last: the article's row of counters is shared by everyone
	// reviewing it, and stays locked until the commit.
	return assignee, bumpStats(tx, w.st.ArticleID, w.countsFor(assignee))
}

// applyOne writes the review in one statement of PostgreSQL, which is
// atomic on its own: the claim, the sources, the history entry and the
// counters are data-modifying parts of one WITH query, each but the
// claim writing only if the claim found the statement unchanged.
func (w *reviewWrite) applyOne(db *gorm.DB) (assignee *uint, err error) {
	var q strings.Builder
	args := w.claimArgs()
	q.WriteString(`WITH claim AS (UPDATE statements SET ` + w.setSQL() + ` WHERE id = ? AND version = ? RETURNING assignee_id)`)
	added := "(SELECT NULL::bigint AS id, NULL::int AS position WHERE false)"
	if w.sources != nil {
		type row struct {
			Position   int        `json:"position"`
			URL        string     `json:"url"`
			Title      string     `json:"title"`
			Publisher  string     `json:"publisher"`
			Quote      string     `json:"quote"`
			AccessedAt *time.Time `json:"accessed_at"`
		}
		list := make([]row, len(w.sources))
		for i, s := range w.sources {
			list[i] = row{s.Position, s.URL, s.Title, s.Publisher, s.Quote, s.AccessedAt}
		}
		b, err := json.Marshal(list)
		if err != nil {
			return nil, err
		}
		q.WriteString(`,
gone AS (DELETE FROM sources WHERE statement_id = ? AND EXISTS (SELECT 1 FROM claim)),
added AS (INSERT INTO sources (statement_id, position, url, title, publisher, quote, accessed_at, created_at)
  SELECT ?, x.position, x.url, x.title, x.publisher, x.quote, x.accessed_at, ? FROM claim,
  json_to_recordset(?::json) AS x(position int, url text, title text, publisher text, quote text, accessed_at timestamptz)
  RETURNING id, position)`)
		args = append(args, w.st.ID, w.st.ID, w.now, string(b))
		added = "added"
	}
	e := w.event
	q.WriteString(`,
event AS (INSERT INTO statement_events (article_id, statement_id, user_id, action, before, after, created_at)
  SELECT ?, ?, ?, ?, ?, ?, ? FROM claim),
stats AS (UPDATE article_stats st SET`)
	args = append(args, e.ArticleID, e.StatementID, e.UserID, e.Action, string(e.Before), string(e.After), e.CreatedAt)
	a, u := w.assigned, w.unassigned
	for i, c := range []struct {
		col                  string
		assigned, unassigned int
	}{{"statements", a.statements, u.statements}, {"to_review", a.toReview, u.toReview}, {"reviewed", a.reviewed, u.reviewed},
		{"assigned_open", a.assignedOpen, u.assignedOpen}, {"pool", a.pool, u.pool}} {
		if i > 0 {
			q.WriteString(",")
		}
		fmt.Fprintf(&q, " %[1]s = st.%[1]s + CASE WHEN c.assignee_id IS NULL THEN ?::int ELSE ?::int END", c.col)
		args = append(args, c.unassigned, c.assigned)
	}
	q.WriteString(`, revision = st.revision + 1 FROM claim c WHERE st.article_id = ?)
SELECT c.assignee_id, a.id, a.position FROM claim c LEFT JOIN ` + added + ` a ON true ORDER BY a.position`)
	args = append(args, w.st.ArticleID)
	rows, err := rawQuery(db.Statement.Context, db, q.String(), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	claimed := false
	for rows.Next() {
		claimed = true
		var id, position *int64
		if err := rows.Scan(&assignee, &id, &position); err != nil {
			return nil, err
		}
		if id != nil && *position >= 1 && int(*position) <= len(w.sources) {
			w.sources[*position-1].ID = uint(*id)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if !claimed {
		return nil, errClaimLost
	}
	return assignee, nil
}

// setSQL is the SET list of the claim; claimArgs its arguments and the
// WHERE clause's.
func (w *reviewWrite) setSQL() string {
	return strings.Join(append(slices.Clip(w.set), "version = version + 1", "updated_at = ?"), ", ")
}

func (w *reviewWrite) claimArgs() []any {
	return append(slices.Clip(w.args), w.now, w.st.ID, w.st.Version)
}

func sameID(a, b *uint) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

func sameTime(a, b *time.Time) bool {
	return a == nil && b == nil || a != nil && b != nil && a.Equal(*b)
}
