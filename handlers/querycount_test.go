package handlers_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// sqlLog records every SQL statement the store runs, so tests can pin how
// much work a request does. It is the pools' GORM logger: GORM reports
// each statement it runs there, and so does the store for the queries it
// runs without GORM's builder (models/raw_sql.go).
type sqlLog struct {
	mu    sync.Mutex
	on    bool
	stmts []string
}

func watchSQL(t *testing.T, dbs ...*gorm.DB) *sqlLog {
	t.Helper()
	l := &sqlLog{}
	for _, db := range dbs {
		db.Logger = l
	}
	return l
}

func (l *sqlLog) LogMode(logger.LogLevel) logger.Interface { return l }
func (l *sqlLog) Info(context.Context, string, ...any)     {}
func (l *sqlLog) Warn(context.Context, string, ...any)     {}
func (l *sqlLog) Error(context.Context, string, ...any)    {}
func (l *sqlLog) Trace(_ context.Context, _ time.Time, fc func() (string, int64), _ error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.on {
		q, _ := fc()
		l.stmts = append(l.stmts, q)
	}
}

func (l *sqlLog) start() { l.mu.Lock(); l.on, l.stmts = true, nil; l.mu.Unlock() }

func (l *sqlLog) stop() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.on = false
	return l.stmts
}

// TestVerdictSaveQueries pins the work of the reviewer's most frequent
// request: saving a verdict with a source from the panel (htmx).
func TestVerdictSaveQueries(t *testing.T) {
	c := newClient(t)
	log := watchSQL(t, c.store.DB(), c.store.Writer())
	a := createArticle(t, c, "Trade talks", tradeArticle)
	stmt := a.Statements[1]
	log.start()
	r := c.Post(fmt.Sprintf("/statements/%d", stmt.ID), url.Values{
		"verdict": {"verified"}, "version": {"1"}, "note": {"Checked."},
		"source_url": {"https://ustr.gov/x"}, "source_title": {"USTR"}, "source_publisher": {""}, "source_quote": {""}, "source_accessed": {""},
	}, true)
	stmts := log.stop()
	wantStatus(t, r, 200)
	var reads, writes int
	for _, q := range stmts {
		switch {
		case strings.HasPrefix(q, "SELECT") && strings.Contains(q, "WHERE s.id = "):
			reads++
		case strings.HasPrefix(q, "UPDATE `statements`"), strings.HasPrefix(q, `UPDATE "statements"`), strings.HasPrefix(q, "UPDATE statements "),
			strings.HasPrefix(q, "WITH claim AS (UPDATE statements "):
			writes++
		}
	}
	// 12: the session with its user (1), the statement with its people
	// and sources (1, before the write transaction), then in it the
	// version claim, the sources replaced (2), the article's counters and
	// the history entry; then what the re-rendered panel shows: progress
	// (one row of counters), comments, the article's sources, the next
	// statement and the queue count. On PostgreSQL the write is one
	// statement (8 in all).
	if reads != 1 || writes != 1 || len(stmts) > 12 {
		t.Errorf("a verdict save read the statement %d times and wrote it %d times (want once each), in %d SQL statements (want at most 12):\n%s",
			reads, writes, len(stmts), strings.Join(stmts, "\n"))
	}
}
