package models

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/rating"
)

// maxTakeAttempts bounds TakeNext's retries. Each lost race means someone
// else claimed a statement, so the pool shrinks; only a pool refilled as
// fast as it is emptied could exhaust this.
const maxTakeAttempts = 100

// StatementRow is a statement in a list, with the title of its article.
type StatementRow struct {
	Statement
	ArticleTitle string
}

// StatementPage is one page of a statement list.
type StatementPage struct {
	Items []StatementRow
	Total int64
	// TotalCapped: there are more than Total (MaxCount) to count.
	TotalCapped bool
	Page        int // from 1; 0 when the page started at a cursor
	PerPage     int
	// Next starts the following page; zero when this is the last.
	Next StatementCursor
}

// Pages is how many pages the list has (at least 1).
func (p StatementPage) Pages() int {
	if p.PerPage <= 0 || p.Total == 0 {
		return 1
	}
	return int((p.Total + int64(p.PerPage) - 1) / int64(p.PerPage))
}

// rows adds article titles to statements.
func rows(db *gorm.DB, stmts []Statement) ([]StatementRow, error) {
	out := make([]StatementRow, len(stmts))
	if len(stmts) == 0 {
		return out, nil
	}
	ids := make([]uint, 0, len(stmts))
	for _, st := range stmts {
		ids = append(ids, st.ArticleID)
	}
	var arts []Article
	if err := db.Select("id, title").Where("id IN ?", ids).Find(&arts).Error; err != nil {
		return nil, fmt.Errorf("models: article titles: %w", err)
	}
	titles := map[uint]string{}
	for _, a := range arts {
		titles[a.ID] = a.Title
	}
	for i, st := range stmts {
		out[i] = StatementRow{Statement: st, ArticleTitle: titles[st.ArticleID]}
	}
	return out, nil
}

// Overdue reports whether the statement is still open (by scale) past its
// due time at now.
func (s Statement) Overdue(scale *rating.Scale, now time.Time) bool {
	return s.DueAt != nil && !scale.Final(s.Verdict) && s.DueAt.Before(now)
}

// QueuePageSize is how many statements a page of My queue holds unless
// the caller asks for another size (up to QueueMaxPage).
const (
	QueuePageSize = 50
	QueueMaxPage  = 500
)

// QueuePage is one page of a user's queue.
type QueuePage struct {
	Items []StatementRow
	// Next starts the following page; zero when this is the last.
	Next QueueCursor
}

// QueueCursor is where a page of My queue starts: after the statement
// with these keys of the queue's order. Rank packs the three ranks of
// that order (returned, urgent or overdue, without a due date) into one
// number; DueAt and AssignedAt are zero when the statement has none.
type QueueCursor struct {
	Rank       int
	DueAt      time.Time
	AssignedAt time.Time
	ID         uint
}

// IsZero reports whether the cursor is the start of the queue.
func (c QueueCursor) IsZero() bool { return c.ID == 0 }

// queueRank ranks a statement in the queue at now (the first argument
// after queueRankArgs): 0–3 returned to the user, then 4–5 urgent or
// overdue, then the rest; within each, with a due date before without.
// Lower comes first. It is the one definition of the queue's order, read
// by the ORDER BY, the cursor's comparison and the cursor itself.
const queueRank = `(CASE WHEN review_status = ? THEN 0 ELSE 4 END +
CASE WHEN priority = ? OR due_at < ? THEN 0 ELSE 2 END +
CASE WHEN due_at IS NULL THEN 1 ELSE 0 END)`

// noTime stands in for a missing due date or assignment time in the
// queue's keys, so that they compare (NULL would not) and a cursor can
// carry them; it is the zero of QueueCursor's times.
var noTime = time.Unix(0, 0).UTC()

// queueKeys are the queue's order after the rank, NULLs replaced.
const queueKeys = "COALESCE(due_at, ?), COALESCE(assigned_at, ?), id"

// Queue returns a page of up to limit (QueuePageSize when out of range)
// of the user's open statements, most pressing first, starting after the
// cursor: those returned to them, then urgent or overdue ones, then by due
// date (none last), then in the order they were assigned. Reviewed (and
// dismissed) statements drop out.
//
// "Overdue" depends on now, which ranks the whole page at once. As time
// passes a statement can only become overdue, so its rank only moves it
// earlier: a cursor made a while ago never shows a statement twice, but a
// statement that fell due since the earlier pages were read is on the
// first page rather than the next. A cursor is a position, not a row, so
// a stale one (its statement reviewed or moved) still starts the right
// page, and every page starts strictly after the last one's end.
func (s *Store) Queue(ctx context.Context, userID uint, now time.Time, after QueueCursor, limit int) (QueuePage, error) {
	if limit < 1 || limit > QueueMaxPage {
		limit = QueuePageSize
	}
	db := s.db.WithContext(ctx)
	// Each half of the queue ranked, then the two read as one.
	var args []any
	halves := s.queueHalves(userID)
	for _, h := range halves {
		args = append(append(args, ReviewReturned, Urgent, now.UTC()), h.args...) // queueRank's, then the half's
	}
	from := ""
	if !after.IsZero() {
		from = "WHERE (queue_rank, " + queueKeys + ") > (?, ?, ?, ?)"
		args = append(args, noTime, noTime, after.Rank, timeKey(after.DueAt), timeKey(after.AssignedAt), after.ID)
	}
	args = append(args, noTime, noTime, limit+1)
	var found []struct {
		Statement
		QueueRank int
	}
	ranked := `SELECT statements.*, ` + queueRank + ` AS queue_rank FROM statements WHERE ` + liveArticle("article_id") + ` AND `
	err := db.Raw(`SELECT * FROM (`+ranked+halves[0].where+` UNION ALL `+ranked+halves[1].where+`) q `+from+`
ORDER BY queue_rank, `+queueKeys+` LIMIT ?`, args...).Scan(&found).Error
	if err != nil {
		return QueuePage{}, fmt.Errorf("models: queue of user %d: %w", userID, err)
	}
	var out QueuePage
	if len(found) > limit {
		found = found[:limit]
		last := found[limit-1]
		out.Next = QueueCursor{Rank: last.QueueRank, DueAt: timeOrZero(last.DueAt), AssignedAt: timeOrZero(last.AssignedAt), ID: last.ID}
	}
	stmts := make([]Statement, len(found))
	for i, f := range found {
		stmts[i] = f.Statement
	}
	out.Items, err = rows(db, stmts)
	return out, err
}

// timeKey is a cursor's time as the queue's keys compare it.
func timeKey(t time.Time) time.Time {
	if t.IsZero() {
		return noTime
	}
	return t.UTC()
}

// timeOrZero is a statement's time as its cursor carries it.
func timeOrZero(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// queueHalf is one of the two halves of a user's queue: a condition on
// statements and its arguments.
type queueHalf struct {
	where string
	args  []any
}

// queueHalves is the one definition of a user's queue: the statements
// assigned to them of an open verdict, and apart, those returned to them
// with a final one. The halves never overlap, and each is an index range
// (one condition with OR would read every statement ever assigned to the
// user). Dismissed statements drop out.
func (s *Store) queueHalves(userID uint) [2]queueHalf {
	open := s.Scale().OpenKeys()
	return [2]queueHalf{
		{"assignee_id = ? AND verdict IN ? AND dismissed = ?", []any{userID, open, false}},
		{"assignee_id = ? AND review_status = ? AND verdict NOT IN ? AND dismissed = ?", []any{userID, ReviewReturned, open, false}},
	}
}

// queueCount is an SQL expression counting the user's queue (statements
// of deleted articles left out), with its arguments.
func (s *Store) queueCount(userID uint) (string, []any) {
	h := s.queueHalves(userID)
	count := func(where string) string {
		return `(SELECT COUNT(*) FROM statements WHERE ` + where + ` AND ` + liveArticle("article_id") + `)`
	}
	return count(h[0].where) + ` + ` + count(h[1].where), append(append([]any{}, h[0].args...), h[1].args...)
}

// QueueCount is how many open statements are assigned to the user.
func (s *Store) QueueCount(ctx context.Context, userID uint) (int64, error) {
	var n int64
	count, args := s.queueCount(userID)
	if err := s.db.WithContext(ctx).Raw(`SELECT `+count, args...).Scan(&n).Error; err != nil {
		return 0, fmt.Errorf("models: queue count of user %d: %w", userID, err)
	}
	return n, nil
}

// NavCounts returns what the navigation bar of every page counts for the
// user, in one query: the open statements of their queue (QueueCount)
// and their unread notifications (UnreadCount).
func (s *Store) NavCounts(ctx context.Context, userID uint) (queue, unread int64, err error) {
	var row struct{ Queue, Unread int64 }
	count, args := s.queueCount(userID)
	err = s.db.WithContext(ctx).Raw(`SELECT
`+count+` AS queue,
(SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL AND `+noticeLive("article_id")+`) AS unread`,
		append(args, userID)...).Scan(&row).Error
	if err != nil {
		return 0, 0, fmt.Errorf("models: navigation counts of user %d: %w", userID, err)
	}
	return row.Queue, row.Unread, nil
}

// poolWhere selects the unassigned pool: checkable statements, not
// dismissed and unassigned (and open, which callers add by verdict). It is
// the predicate of the partial index idx_statements_pool, written the same
// way so that both databases use that index.
const poolWhere = "checkable AND NOT dismissed AND assignee_id IS NULL"

// poolAfter returns up to limit statements of the pool after cursor,
// oldest article first, then in document order: the order TakeNext hands
// them out. One index range per open rating, merged.
func (s *Store) poolAfter(db *gorm.DB, after StatementCursor, limit int) ([]Statement, error) {
	var parts []string
	var args []any
	for _, k := range s.Scale().OpenKeys() {
		parts = append(parts, `SELECT * FROM (SELECT * FROM statements WHERE `+poolWhere+` AND verdict = ?
AND (article_id, position, id) > (?, ?, ?) AND `+liveArticle("article_id")+` ORDER BY article_id, position, id LIMIT ?) p`)
		args = append(args, k, after.ArticleID, after.Position, after.ID, limit)
	}
	var stmts []Statement
	err := db.Raw(strings.Join(parts, " UNION ALL ")+" ORDER BY article_id, position, id LIMIT ?", append(args, limit)...).
		Scan(&stmts).Error
	return stmts, err
}

// Pool returns a page of the unassigned pool, in the order TakeNext
// hands it out, starting after the cursor, and its size up to MaxCount
// (counted in the pool's partial index).
func (s *Store) Pool(ctx context.Context, after StatementCursor, perPage int) (StatementPage, error) {
	_, perPage = clampPage(1, perPage)
	db := s.db.WithContext(ctx)
	out := StatementPage{PerPage: perPage}
	if after.IsZero() {
		out.Page = 1
	}
	var err error
	count := db.Table("statements").Select("1").Where(poolWhere+" AND verdict IN ?", s.Scale().OpenKeys()).Where(liveArticle("article_id"))
	if out.Total, out.TotalCapped, err = countUpTo(db, count); err != nil {
		return out, fmt.Errorf("models: pool size: %w", err)
	}
	stmts, err := s.poolAfter(db, after, perPage+1)
	if err != nil {
		return out, fmt.Errorf("models: pool: %w", err)
	}
	if len(stmts) > perPage {
		stmts = stmts[:perPage]
		out.Next = cursorOf(stmts[perPage-1])
	}
	out.Items, err = rows(db, stmts)
	return out, err
}

// poolEmpty is TakeNext's answer when there is nothing to take.
var poolEmpty = notFoundWith(ErrPoolEmpty, "Nothing is left to take: every checkable statement is reviewed or assigned.")

// TakeNext claims the first statement of the pool for the user and returns
// it, or an error wrapping ErrPoolEmpty. The claim is a conditional UPDATE
// that only succeeds while the statement is still unassigned: of two
// reviewers reaching for the same statement, one updates a row and the
// other updates none and tries the next. That holds under SQLite's single
// writer and under PostgreSQL's READ COMMITTED, where the second UPDATE
// waits for the first to commit and then re-checks the condition.
func (s *Store) TakeNext(ctx context.Context, userID uint) (*Statement, error) {
	db := s.db.WithContext(ctx)
	for range maxTakeAttempts {
		next, err := s.poolAfter(db, StatementCursor{}, 1)
		if err != nil {
			return nil, fmt.Errorf("models: take next for user %d: %w", userID, err)
		}
		if len(next) == 0 {
			return nil, poolEmpty
		}
		claimed, err := s.take(db, next[0], userID)
		if err != nil {
			return nil, fmt.Errorf("models: take statement %d for user %d: %w", next[0].ID, userID, err)
		}
		if claimed {
			return s.StatementByID(ctx, next[0].ID)
		}
	}
	return nil, fmt.Errorf("models: take next for user %d: the pool kept changing; gave up after %d tries", userID, maxTakeAttempts)
}

// take claims statement st for the user if it is still in the pool.
func (s *Store) take(db *gorm.DB, st Statement, userID uint) (bool, error) {
	now := s.nowUTC()
	id := st.ID
	claimed := false
	err := s.write(db.Statement.Context, func(tx *gorm.DB) error {
		res := tx.Model(&Statement{}).
			Where("id = ? AND assignee_id IS NULL AND checkable = ? AND dismissed = ? AND verdict IN ?", id, true, false, s.Scale().OpenKeys()).
			Updates(map[string]any{"assignee_id": userID, "assigned_by_id": userID, "assigned_at": now,
				"due_at": nil, "priority": Normal, "updated_at": now})
		if res.Error != nil || res.RowsAffected == 0 {
			return res.Error // taken by someone else first: try the next one
		}
		claimed = true
		if err := bumpStats(tx, st.ArticleID, counts{assignedOpen: 1, pool: -1}); err != nil {
			return err
		}
		if err := record(tx, now, entry{st.ArticleID, id, userID, ActionTake, nil, Holder{userID}}); err != nil {
			return err
		}
		return tx.Create(&Assignment{StatementID: id, Action: ActionTake, AssigneeID: &userID,
			AssignedByID: userID, Priority: Normal, CreatedAt: now}).Error
	})
	return claimed, err
}
