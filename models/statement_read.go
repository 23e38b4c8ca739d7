package models

import (
	"database/sql"
	"fmt"

	"gorm.io/gorm"
)

// A statement is read on every save, panel and edit: in one query, with
// the three people it names and its sources joined (a row per source),
// scanned by hand. GORM's joins and preloads spent more time building and
// scanning that read than the database spent running it.
// TestStatementReadMatchesGORM checks that no column is forgotten.

// statementSQL reads a statement of a live article with its reviewer,
// assignee, approver and sources, in the order scanStatement takes them.
var statementSQL = `SELECT s.id, s.article_id, s.position, s.start_offset, s.end_offset, s.text, s.checkable, s.score,
s.type, s.reasons, s.facets, s.verdict, s.note, s.correction, s.version, s.reviewed_at, s.created_at, s.updated_at,
s.reviewed_by_id, s.assignee_id, s.assigned_by_id, s.assigned_at, s.due_at, s.priority, s.dismissed, s.dismiss_reason,
s.review_status, s.approved_by_id, s.approved_at, s.return_reason, s.published_at, s.published, s.public_url,
` + userColumns("rb") + `, ` + userColumns("au") + `, ` + userColumns("ap") + `,
src.id, src.position, src.url, src.title, src.publisher, src.quote, src.accessed_at, src.created_at
FROM statements s
LEFT JOIN users rb ON rb.id = s.reviewed_by_id
LEFT JOIN users au ON au.id = s.assignee_id
LEFT JOIN users ap ON ap.id = s.approved_by_id
LEFT JOIN sources src ON src.statement_id = s.id
WHERE s.id = ? AND ` + liveArticle("s.article_id") + `
ORDER BY src.position`

// userColumns are the columns of a joined user that nullUser scans.
func userColumns(alias string) string {
	return fmt.Sprintf("%[1]s.id, %[1]s.email, %[1]s.name, %[1]s.role, %[1]s.active, %[1]s.created_at, %[1]s.updated_at", alias)
}

// nullUser is a user of a LEFT JOIN: all NULL when there is none.
type nullUser struct {
	ID                   sql.NullInt64
	Email, Name, Role    sql.NullString
	Active               sql.NullBool
	CreatedAt, UpdatedAt sql.NullTime
}

func (n *nullUser) dest() []any {
	return []any{&n.ID, &n.Email, &n.Name, &n.Role, &n.Active, &n.CreatedAt, &n.UpdatedAt}
}

func (n *nullUser) user() *User {
	if !n.ID.Valid {
		return nil
	}
	return &User{ID: uint(n.ID.Int64), Email: n.Email.String, Name: n.Name.String, Role: Role(n.Role.String),
		Active: n.Active.Bool, CreatedAt: n.CreatedAt.Time, UpdatedAt: n.UpdatedAt.Time}
}

// statementByID reads a statement of a live article with the people it
// names and its sources, in one query.
func statementByID(db *gorm.DB, id uint) (*Statement, error) {
	rows, err := rawQuery(db.Statement.Context, db, statementSQL, id)
	if err != nil {
		return nil, fmt.Errorf("models: statement %d: %w", id, err)
	}
	defer rows.Close()
	var st *Statement
	for rows.Next() {
		if st == nil {
			st = &Statement{Sources: []Source{}}
		}
		if err := scanStatement(rows, st); err != nil {
			return nil, fmt.Errorf("models: statement %d: %w", id, err)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("models: statement %d: %w", id, err)
	}
	if st == nil {
		return nil, notFoundf("models: statement %d", id)
	}
	return st, nil
}

// scanStatement reads a row of statementSQL into st: the statement, and
// the source the row carries, if any, appended to its sources.
func scanStatement(rows *sql.Rows, st *Statement) error {
	var rb, au, ap nullUser
	var src struct {
		ID, Position                 sql.NullInt64
		URL, Title, Publisher, Quote sql.NullString
		AccessedAt, CreatedAt        sql.NullTime
	}
	dest := []any{&st.ID, &st.ArticleID, &st.Position, &st.Start, &st.End, &st.Text, &st.Checkable, &st.Score,
		&st.Type, &st.Reasons, &st.Facets, &st.Verdict, &st.Note, &st.Correction, &st.Version, &st.ReviewedAt, &st.CreatedAt, &st.UpdatedAt,
		&st.ReviewedByID, &st.AssigneeID, &st.AssignedByID, &st.AssignedAt, &st.DueAt, &st.Priority, &st.Dismissed, &st.DismissReason,
		&st.ReviewStatus, &st.ApprovedByID, &st.ApprovedAt, &st.ReturnReason, &st.PublishedAt, &st.Published, &st.PublicURL}
	dest = append(dest, rb.dest()...)
	dest = append(dest, au.dest()...)
	dest = append(dest, ap.dest()...)
	dest = append(dest, &src.ID, &src.Position, &src.URL, &src.Title, &src.Publisher, &src.Quote, &src.AccessedAt, &src.CreatedAt)
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	st.ReviewedBy, st.Assignee, st.ApprovedBy = rb.user(), au.user(), ap.user()
	if src.ID.Valid {
		s := Source{ID: uint(src.ID.Int64), StatementID: st.ID, Position: int(src.Position.Int64), URL: src.URL.String,
			Title: src.Title.String, Publisher: src.Publisher.String, Quote: src.Quote.String, CreatedAt: src.CreatedAt.Time}
		if src.AccessedAt.Valid {
			t := src.AccessedAt.Time
			s.AccessedAt = &t
		}
		st.Sources = append(st.Sources, s)
	}
	return nil
}
