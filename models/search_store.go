package models

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/factcheckdesk/factcheck/rating"
)

// Status narrows a statement search to open or reviewed statements.
type Status string

// Statuses.
const (
	StatusOpen Status = "open" // not yet given a final rating
	StatusDone Status = "done" // a final rating
)

// Due narrows a statement search by due date.
type Due string

// Due filters. Overdue and today concern open statements only.
const (
	DueOverdue Due = "overdue" // past its due time
	DueToday   Due = "today"   // due later today
	DueNone    Due = "none"    // no due date
)

// StatementFilter is a statement search. Zero fields do not filter.
type StatementFilter struct {
	Text          string // in the statement, any case
	ArticleID     uint
	Verdict       rating.Key
	Status        Status
	AssigneeID    uint
	Unassigned    bool
	Due           Due
	Now           time.Time // what Due is judged against
	Checkable     *bool
	Type          string
	ReviewedByID  uint
	ReviewedSince *time.Time
	// ReviewStatus narrows to one workflow status; Published to checks
	// on the public site.
	ReviewStatus ReviewStatus
	Published    bool
}

// likePattern matches s anywhere, with LIKE's wildcards in s taken literally.
func likePattern(s string) string {
	return "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s) + "%"
}

// apply adds the filter's conditions to q. Text is matched as the README
// says, each word at the start of a word: the full-text index finds the
// statements with words starting as the query's do (and, read in the
// list's order, is the same test statement by statement); LIKE then keeps
// those holding the query as typed, its words together and in order.
func (f StatementFilter) apply(s *Store, q *gorm.DB, scale *rating.Scale) *gorm.DB {
	open, final := scale.OpenKeys(), scale.FinalKeys()
	q = q.Where(liveArticle("article_id"))
	if t := strings.TrimSpace(f.Text); t != "" {
		if m, ok := s.textMatch("statements", "text", t); ok {
			q = q.Where(m.sql, m.args...)
		}
		q = q.Where(`LOWER(text) LIKE LOWER(?) ESCAPE '\'`, likePattern(t))
	}
	if f.ArticleID != 0 {
		q = q.Where("article_id = ?", f.ArticleID)
	}
	if f.Verdict != "" {
		q = q.Where("verdict = ?", f.Verdict)
	}
	switch f.Status {
	case StatusOpen:
		q = q.Where("verdict IN ?", open)
	case StatusDone:
		q = q.Where("verdict IN ?", final)
	}
	if f.Unassigned {
		q = q.Where("assignee_id IS NULL")
	} else if f.AssigneeID != 0 {
		q = q.Where("assignee_id = ?", f.AssigneeID)
	}
	now := f.Now.UTC()
	switch f.Due {
	case DueOverdue:
		q = q.Where("verdict IN ? AND due_at < ?", open, now)
	case DueToday:
		q = q.Where("verdict IN ? AND due_at >= ? AND due_at < ?", open, now, StartOfDay(now).AddDate(0, 0, 1))
	case DueNone:
		q = q.Where("due_at IS NULL")
	}
	if f.Checkable != nil {
		q = q.Where("checkable = ?", *f.Checkable)
	}
	if f.Type != "" {
		q = q.Where("type = ?", f.Type)
	}
	if f.ReviewedByID != 0 {
		q = q.Where("reviewed_by_id = ? AND verdict IN ?", f.ReviewedByID, final)
	}
	if f.ReviewedSince != nil {
		q = q.Where("reviewed_at >= ?", f.ReviewedSince.UTC())
	}
	if f.ReviewStatus != "" {
		q = q.Where("review_status = ?", f.ReviewStatus)
	}
	if f.Published {
		q = q.Where("published = ?", true)
	}
	return q
}

func clampPage(page, perPage int) (int, int) {
	if perPage <= 0 || perPage > 200 {
		perPage = 50
	}
	if page < 1 {
		page = 1
	}
	return page, perPage
}

// MaxCount is how far lists count their matches: beyond it a total is
// shown as "more than", so that counting never reads a large part of a
// big desk. It also bounds how deep page numbers reach.
const MaxCount = 1000

// StatementCursor is where a page of a statement list starts: after the
// statement at Position of article ArticleID, with ID.
type StatementCursor struct {
	ArticleID uint
	Position  int
	ID        uint
}

// IsZero reports whether the cursor is the start of the list.
func (c StatementCursor) IsZero() bool { return c.ID == 0 }

func cursorOf(st Statement) StatementCursor {
	return StatementCursor{ArticleID: st.ArticleID, Position: st.Position, ID: st.ID}
}

// SearchStatements returns one page of the statements matching f, newest
// article first, then in document order, with the total count (up to
// MaxCount). The page starts after the cursor when it is set, else at
// page (from 1).
//
// How it reads depends on what narrows the search, so that no search
// reads a large part of a big desk:
//
//   - one common word and nothing else (see commonWord) is not counted:
//     it has more than MaxCount matches, and the page is read in the
//     list's order, which meets a match every few rows;
//   - anything else is counted up to MaxCount+1 through the index that
//     narrows most (an article's, a person's, a due date's, the full-text
//     index). When the count stops short, the matches are few and the
//     page is read through the same index and sorted; when it does not,
//     matches are common, and the page is read in the list's order (the
//     index idx_statements_search) until it is full.
func (s *Store) SearchStatements(ctx context.Context, f StatementFilter, after StatementCursor, page, perPage int) (StatementPage, error) {
	page, perPage = clampPage(page, perPage)
	if !after.IsZero() {
		page = 0
	} else if (page-1)*perPage > MaxCount {
		page = MaxCount/perPage + 1
	}
	out := StatementPage{Page: page, PerPage: perPage}
	scale := s.Scale()
	pg := s.db.Dialector.Name() == "postgres"
	db := s.db.WithContext(ctx)
	// On PostgreSQL the search is one transaction, for its settings.
	read := func(fn func(*gorm.DB) error) error { return fn(db) }
	if pg {
		read = func(fn func(*gorm.DB) error) error { return db.Transaction(fn) }
	}
	var stmts []Statement
	err := read(func(tx *gorm.DB) error {
		common, err := s.commonWord(tx, f)
		if err != nil {
			return err
		}
		if common {
			ids, ok, err := s.wordInOrder(tx, searchWords(f.Text)[0], after, max(page-1, 0)*perPage, perPage+1)
			if err != nil {
				return err
			}
			if ok {
				out.Total, out.TotalCapped = MaxCount, true
				if err := tx.Preload("Assignee").Where("id IN ?", ids).Find(&stmts).Error; err != nil {
					return err
				}
				slices.SortFunc(stmts, func(a, b Statement) int {
					return cmp.Or(cmp.Compare(b.ArticleID, a.ArticleID), cmp.Compare(a.Position, b.Position), cmp.Compare(a.ID, b.ID))
				})
				return nil
			}
			// Too few among the newest statements: the search counts, and
			// a page of few matches may be sorted again.
			if pg {
				if err := tx.Exec("SET LOCAL enable_sort = on").Error; err != nil {
					return err
				}
			}
		}
		if pg {
			// The full-text index hands the count a bitmap of every match,
			// which in the default 4 MB turns lossy for a common word: each
			// row of a lossy page is then parsed again.
			if err := tx.Exec("SET LOCAL work_mem = '16MB'").Error; err != nil {
				return err
			}
		}
		count := f.apply(s, tx.Table("statements").Select("1"), scale)
		if out.Total, out.TotalCapped, err = countUpTo(tx, count); err != nil {
			return fmt.Errorf("count: %w", err)
		}
		inOrder := out.TotalCapped && !f.narrow()
		from := tx.Table("statements")
		if inOrder {
			if from, err = inListOrder(tx); err != nil {
				return err
			}
		}
		q := f.apply(s, from.Preload("Assignee"), scale)
		if !after.IsZero() {
			q = q.Where(after.sql())
		} else {
			q = q.Offset((page - 1) * perPage)
		}
		return q.Order("article_id DESC, position, id").Limit(perPage + 1).Find(&stmts).Error
	})
	if err != nil {
		return out, fmt.Errorf("models: search statements: %w", err)
	}
	if len(stmts) > perPage {
		stmts = stmts[:perPage]
		out.Next = cursorOf(stmts[perPage-1])
	}
	out.Items, err = rows(db, stmts)
	return out, err
}

// sql is the condition that a statement comes after c in the search's
// order (newest article first, then in document order).
func (c StatementCursor) sql() clause.Expr {
	return gorm.Expr("article_id < ? OR (article_id = ? AND (position > ? OR (position = ? AND id > ?)))",
		c.ArticleID, c.ArticleID, c.Position, c.Position, c.ID)
}

// inListOrder is the statements table read in the search's order, which
// the planners would rather not: SQLite's, without statistics, prefers a
// broad index (verdict) and sorts all it finds; PostgreSQL's, expecting
// few rows to pass a text test, sorts every match. tx must be a
// transaction on PostgreSQL.
func inListOrder(tx *gorm.DB) (*gorm.DB, error) {
	if tx.Dialector.Name() != "postgres" {
		return tx.Table("statements INDEXED BY idx_statements_search"), nil
	}
	return tx.Table("statements"), tx.Exec("SET LOCAL enable_sort = off").Error
}

// wordInOrder returns the ids of the statements with a word starting as
// word does, in the search's order, after the cursor when it is set, else
// after the first skip of them, up to limit. It reads at most 50 rows for
// each it wants, the share commonWord judged the word to have; ok is false
// when they held too few (the word is rarer among the newest statements,
// or the list ends): the search then counts. LIKE finds the word anywhere;
// startsWord keeps it at the start of a word, as the full-text index would.
func (s *Store) wordInOrder(tx *gorm.DB, word string, after StatementCursor, skip, limit int) (ids []uint, ok bool, err error) {
	from, err := inListOrder(tx)
	if err != nil {
		return nil, false, err
	}
	read := from.Select("id, article_id, position, text").Where(liveArticle("article_id"))
	if !after.IsZero() {
		read = read.Where(after.sql())
	}
	read = read.Order("article_id DESC, position, id").Limit(50 * (skip + limit))
	var found []struct {
		ID   uint
		Text string
	}
	err = tx.Table("(?) AS s", read).Select("id, text").Where(`LOWER(text) LIKE LOWER(?) ESCAPE '\'`, likePattern(word)).
		Order("article_id DESC, position, id").Scan(&found).Error
	if err != nil {
		return nil, false, fmt.Errorf("read in order: %w", err)
	}
	for _, r := range found {
		switch {
		case !startsWord(r.Text, word):
		case skip > 0:
			skip--
		case len(ids) < limit:
			ids = append(ids, r.ID)
		}
	}
	return ids, len(ids) == limit, nil
}

// startsWord reports whether word (in lower case) starts a word of text:
// it is there, in any case, after no letter, digit or mark.
func startsWord(text, word string) bool {
	lower := strings.ToLower(text)
	for i := 0; ; {
		j := strings.Index(lower[i:], word)
		if j < 0 {
			return false
		}
		j += i
		r, _ := utf8.DecodeLastRuneInString(lower[:j])
		if j == 0 || !(unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)) {
			return true
		}
		i = j + len(word)
	}
}

// narrow reports whether the filter picks few statements through an index
// of its own (an article, a person, a due date), whatever the count says.
func (f StatementFilter) narrow() bool {
	return f.ArticleID != 0 || f.AssigneeID != 0 || f.ReviewedByID != 0 || f.Due == DueOverdue || f.Due == DueToday
}

// commonWord reports whether f is one word and nothing else, in so many
// statements that the search need not count them: more than twice
// MaxCount, and (on PostgreSQL, where the count is an estimate) one
// statement in 50. The list read in its own order then meets a match
// every few rows, so a page takes a few thousand however big the desk is
// (wordInOrder makes sure); the full-text index would hand over every
// match, a number that grows with the desk. For a word in one statement
// of 20, at 2.1 million statements on PostgreSQL: 26-45 ms to count to
// 1,001 in order, 17-65 ms for the index's bitmap of its matches, under
// 2 ms to read a page in order.
//
// On SQLite the full-text index counts the statements with the word
// itself, which it reads in order and stops at the limit (a prefix, as
// the search has, it would read whole: 4 ms for a word in 100,000). On
// PostgreSQL the planner's estimate of the matches stands in for the
// count (as in the PostgreSQL wiki's "Count estimate"), from the
// statistics of the full-text index, which sample the words' frequencies;
// a word they do not know is estimated at one statement in 200, which the
// share keeps out.
func (s *Store) commonWord(db *gorm.DB, f StatementFilter) (bool, error) {
	words := searchWords(f.Text)
	if f != (StatementFilter{Text: f.Text, Now: f.Now}) || len(words) != 1 {
		return false, nil
	}
	if db.Dialector.Name() != "postgres" {
		var n int
		err := db.Raw("SELECT COUNT(*) FROM (SELECT docid FROM statements_fts WHERE statements_fts MATCH ? LIMIT ?) m", words[0], 2*MaxCount).
			Row().Scan(&n)
		if err != nil {
			return false, fmt.Errorf("count matches: %w", err)
		}
		return n == 2*MaxCount, nil
	}
	m, _ := s.textMatch("statements", "text", f.Text)
	var plan string
	if err := db.Raw("EXPLAIN (FORMAT JSON) SELECT 1 FROM statements WHERE "+m.sql, m.args...).Row().Scan(&plan); err != nil {
		return false, fmt.Errorf("estimate matches: %w", err)
	}
	var est []struct {
		Plan struct {
			Rows float64 `json:"Plan Rows"`
		}
	}
	if err := json.Unmarshal([]byte(plan), &est); err != nil || len(est) == 0 {
		return false, fmt.Errorf("estimate matches: %q: %w", plan, err)
	}
	var statements float64
	if err := db.Raw("SELECT reltuples FROM pg_class WHERE oid = 'statements'::regclass").Row().Scan(&statements); err != nil {
		return false, fmt.Errorf("estimate statements: %w", err)
	}
	matches := est[0].Plan.Rows
	return matches > 2*MaxCount && 50*matches >= statements, nil
}

// countUpTo counts the rows q selects, up to MaxCount; capped reports that
// there are more.
func countUpTo(db, q *gorm.DB) (n int64, capped bool, err error) {
	err = db.Raw("SELECT COUNT(*) FROM (?) m", q.Limit(MaxCount+1)).Scan(&n).Error
	if n > MaxCount {
		return MaxCount, true, err
	}
	return n, false, err
}

// match is a condition of a WHERE clause with its arguments.
type match struct {
	sql  string
	args []any
}

// textMatch is the condition that table.column (of the row aliased as
// alias) has words starting as each word of q does, served by the
// full-text index of the column (see migrateScale); ok is false when q has
// no word to look for.
func (s *Store) textMatch(alias, column, q string) (m match, ok bool) {
	words := searchWords(q)
	if len(words) == 0 {
		return m, false
	}
	if s.db.Dialector.Name() == "postgres" {
		for i, w := range words {
			words[i] = w + ":*"
		}
		return match{"to_tsvector('simple', " + alias + "." + column + ") @@ to_tsquery('simple', ?)",
			[]any{strings.Join(words, " & ")}}, true
	}
	table := map[string]string{"text": "statements", "title": "articles"}[column]
	for i, w := range words {
		words[i] = w + "*"
	}
	return match{alias + ".id IN (SELECT docid FROM " + table + "_fts WHERE " + table + "_fts MATCH ?)",
		[]any{strings.Join(words, " ")}}, true
}

// searchWords are the words of a search, in lower case: its runs of
// letters and digits, at most 16.
func searchWords(q string) []string {
	words := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	return words[:min(len(words), 16)]
}

// StatementTypes lists the claim types statements have, for filters. It
// reads the type index once per type (a loose index scan), not once per
// statement.
func (s *Store) StatementTypes(ctx context.Context) ([]string, error) {
	var list []string
	err := s.db.WithContext(ctx).Raw(`WITH RECURSIVE t(type) AS (
  SELECT MIN(type) FROM statements WHERE type > ''
  UNION ALL
  SELECT (SELECT MIN(type) FROM statements WHERE type > t.type) FROM t WHERE t.type IS NOT NULL
) SELECT type FROM t WHERE type IS NOT NULL`).Scan(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: statement types: %w", err)
	}
	return list, nil
}

// ReviewedBetween returns the statements given a final rating in
// [from, to), oldest first, optionally only those with one rating or
// reviewed by one user (0: anyone), with their sources and reviewer.
func (s *Store) ReviewedBetween(ctx context.Context, from, to time.Time, verdict rating.Key, reviewerID uint) ([]StatementRow, error) {
	var stmts []Statement
	q := s.db.WithContext(ctx).
		Preload("Sources", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Preload("ReviewedBy").
		Where("reviewed_at >= ? AND reviewed_at < ?", from, to).
		Where("verdict IN ?", s.Scale().FinalKeys()).
		Where(liveArticle("article_id"))
	if verdict != "" {
		q = q.Where("verdict = ?", verdict)
	}
	if reviewerID != 0 {
		q = q.Where("reviewed_by_id = ?", reviewerID)
	}
	if err := q.Order("reviewed_at, id").Find(&stmts).Error; err != nil {
		return nil, fmt.Errorf("models: statements reviewed between %s and %s: %w", from, to, err)
	}
	return rows(s.db.WithContext(ctx), stmts)
}
