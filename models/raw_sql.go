package models

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// The busiest queries (every request's user, the statement a save reads,
// the statements a save writes while SQLite's one writer is held, and its
// one statement on PostgreSQL) are
// written out, and run straight on the pool or transaction GORM holds:
// GORM's Raw copies the SQL byte by byte looking for placeholders, clones
// its statement and runs its callbacks, which together cost more than
// these queries do in the database. The pool still prepares them (see
// preparedPool and GORM's PrepareStmt on SQLite; pgx caches its own).
// Their placeholders are ?, numbered for PostgreSQL by bind; no slices.
// Each is still reported to GORM's logger, as GORM reports its own, so
// what watches the SQL a request runs sees them all.

// rawQuery runs a written-out query on db's pool or transaction.
func rawQuery(ctx context.Context, db *gorm.DB, query string, args ...any) (*sql.Rows, error) {
	begin := time.Now()
	rows, err := db.Statement.ConnPool.QueryContext(ctx, bind(db, query), args...)
	trace(ctx, db, begin, query, err)
	return rows, err
}

// rawRow runs a written-out query of one row on db's pool or transaction.
func rawRow(ctx context.Context, db *gorm.DB, query string, args ...any) *sql.Row {
	begin := time.Now()
	row := db.Statement.ConnPool.QueryRowContext(ctx, bind(db, query), args...)
	trace(ctx, db, begin, query, row.Err())
	return row
}

// rawExec runs a written-out change on db's pool or transaction.
func rawExec(ctx context.Context, db *gorm.DB, query string, args ...any) error {
	begin := time.Now()
	_, err := db.Statement.ConnPool.ExecContext(ctx, bind(db, query), args...)
	trace(ctx, db, begin, query, err)
	return err
}

func trace(ctx context.Context, db *gorm.DB, begin time.Time, query string, err error) {
	db.Logger.Trace(ctx, begin, func() (string, int64) { return query, -1 }, err)
}

// bind numbers the placeholders of query for PostgreSQL ($1, $2, …). The
// queries given have no ? inside a string or an identifier.
func bind(db *gorm.DB, query string) string {
	if db.Dialector.Name() != "postgres" {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
	for {
		i := strings.IndexByte(query, '?')
		if i < 0 {
			b.WriteString(query)
			return b.String()
		}
		n++
		b.WriteString(query[:i])
		b.WriteByte('$')
		b.WriteString(strconv.Itoa(n))
		query = query[i+1:]
	}
}
