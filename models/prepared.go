package models

import (
	"context"
	"database/sql"
	"sync"

	"gorm.io/gorm"
)

// preparedPool is the connection pool of SQLite's writer: it prepares each
// query once on the database and reuses it in every transaction.
//
// GORM's own prepared-statement mode prepares a query first met inside a
// transaction on that transaction, and database/sql prepares such a
// statement again in every later transaction (Tx.StmtContext of a
// statement that belongs to another transaction): every write would pay a
// prepare per query. Statements prepared on the database itself are
// prepared once per connection and reused (the writer has one).
type preparedPool struct {
	db    *sql.DB
	mu    sync.RWMutex
	stmts map[string]*sql.Stmt
}

// maxPrepared bounds the statements kept: queries whose text varies (a
// list of ids of any length) would otherwise grow it without end. Past it,
// new queries run unprepared.
const maxPrepared = 500

func newPreparedPool(db *sql.DB) *preparedPool {
	return &preparedPool{db: db, stmts: map[string]*sql.Stmt{}}
}

// stmt is query prepared on the database, or nil past maxPrepared.
func (p *preparedPool) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	p.mu.RLock()
	s, ok := p.stmts[query]
	p.mu.RUnlock()
	if ok {
		return s, nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if s, ok := p.stmts[query]; ok {
		return s, nil
	}
	if len(p.stmts) >= maxPrepared {
		return nil, nil
	}
	s, err := p.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	p.stmts[query] = s
	return s, nil
}

// GetDBConn lets GORM's DB() find the pool.
func (p *preparedPool) GetDBConn() (*sql.DB, error) { return p.db, nil }

func (p *preparedPool) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return p.db.PrepareContext(ctx, query)
}

func (p *preparedPool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s, err := p.stmt(ctx, query)
	if err != nil || s == nil {
		return p.db.ExecContext(ctx, query, args...)
	}
	return s.ExecContext(ctx, args...)
}

func (p *preparedPool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	s, err := p.stmt(ctx, query)
	if err != nil || s == nil {
		return p.db.QueryContext(ctx, query, args...)
	}
	return s.QueryContext(ctx, args...)
}

func (p *preparedPool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	s, err := p.stmt(ctx, query)
	if err != nil || s == nil {
		return p.db.QueryRowContext(ctx, query, args...)
	}
	return s.QueryRowContext(ctx, args...)
}

func (p *preparedPool) BeginTx(ctx context.Context, opts *sql.TxOptions) (gorm.ConnPool, error) {
	tx, err := p.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &preparedTx{Tx: tx, pool: p}, nil
}

// close closes the prepared statements.
func (p *preparedPool) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for q, s := range p.stmts {
		s.Close()
		delete(p.stmts, q)
	}
}

// preparedTx runs a transaction's queries with the pool's statements.
type preparedTx struct {
	*sql.Tx
	pool *preparedPool
}

func (t *preparedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	s, err := t.pool.stmt(ctx, query)
	if err != nil || s == nil {
		return t.Tx.ExecContext(ctx, query, args...)
	}
	return t.Tx.StmtContext(ctx, s).ExecContext(ctx, args...)
}

func (t *preparedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	s, err := t.pool.stmt(ctx, query)
	if err != nil || s == nil {
		return t.Tx.QueryContext(ctx, query, args...)
	}
	return t.Tx.StmtContext(ctx, s).QueryContext(ctx, args...)
}

func (t *preparedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	s, err := t.pool.stmt(ctx, query)
	if err != nil || s == nil {
		return t.Tx.QueryRowContext(ctx, query, args...)
	}
	return t.Tx.StmtContext(ctx, s).QueryRowContext(ctx, args...)
}
