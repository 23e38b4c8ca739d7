package models

import (
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// Open opens the database named by dsn and brings its schema up to date.
// A dsn starting with postgres:// or postgresql:// opens PostgreSQL; anything
// else is a SQLite file path.
func Open(dsn string) (*gorm.DB, error) {
	cfg := config()
	var dialector gorm.Dialector
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		dialector = postgres.Open(postgresDSN(dsn))
	} else {
		dialector = sqlite.Open(sqliteDSN(dsn))
	}
	db, err := gorm.Open(dialector, cfg)
	if err != nil {
		return nil, fmt.Errorf("models: open database: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("models: open database: %w", err)
	}
	if db.Dialector.Name() == "sqlite" {
		// A small pool of readers is plenty with WAL. All of them stay
		// open: a connection closed when idle loses its prepared
		// statements and its page cache.
		sqlDB.SetMaxOpenConns(8)
		sqlDB.SetMaxIdleConns(8)
		// One writer at a time is all SQLite allows: writes go through a
		// small pool of their own that keeps their prepared statements (a
		// statement prepared on the connection a transaction runs on is
		// reused, not prepared again for every transaction).
		wDB, err := sql.Open(sqlite.DriverName, sqliteDSN(dsn))
		if err != nil {
			Close(db)
			return nil, fmt.Errorf("models: open database: %w", err)
		}
		// Two connections: while a write transaction holds one, a query
		// met for the first time is prepared on the database through the
		// other (see preparedPool); writers take turns (Store.write).
		wDB.SetMaxOpenConns(2)
		wDB.SetMaxIdleConns(2)
		// A Config holds its pool and caches: the writer has its own.
		w, err := gorm.Open(sqlite.New(sqlite.Config{Conn: newPreparedPool(wDB)}), config())
		if err != nil {
			wDB.Close()
			Close(db)
			return nil, fmt.Errorf("models: open database: %w", err)
		}
		writers.Store(sqlDB, w)
	} else {
		// A burst of requests queues for a connection rather than taking
		// every connection the server allows (100 by default) from the
		// other instances sharing it.
		sqlDB.SetMaxOpenConns(25)
		// And they stay open: database/sql keeps two idle connections
		// unless told, so a burst would close the others and open them
		// again, each time signing in (SCRAM is slow on purpose, for the
		// server too) and preparing its statements again.
		sqlDB.SetMaxIdleConns(25)
	}
	if err := Migrate(db); err != nil {
		Close(db)
		return nil, err
	}
	return db, nil
}

// config is how the desk uses GORM. Each pool needs a Config of its own.
func config() *gorm.Config {
	return &gorm.Config{
		Logger:  logger.Discard,
		NowFunc: func() time.Time { return time.Now().UTC() },
		// Every multi-row change opens its own transaction explicitly;
		// GORM's implicit per-statement transaction only costs time.
		SkipDefaultTransaction: true,
	}
}

// writers holds the write pool of each SQLite database Open opened, by its
// read pool: the Store finds it there (see NewStore).
var writers sync.Map // *sql.DB → *gorm.DB

// writerOf is the pool writes to db go through: its own for SQLite, db
// itself otherwise.
func writerOf(db *gorm.DB) *gorm.DB {
	if sqlDB, err := db.DB(); err == nil {
		if w, ok := writers.Load(sqlDB); ok {
			return w.(*gorm.DB)
		}
	}
	return db
}

// sqliteDSN turns a file path into a DSN with the pragmas the desk relies on:
// WAL so readers never block the writer, foreign keys enforced, a busy
// timeout instead of immediate "database is locked" errors, and immediate
// transactions so two writers queue instead of deadlocking on upgrade.
//
// synchronous=FULL syncs the write-ahead log at every commit, so a save
// the desk has acknowledged survives a power cut; NORMAL, SQLite's WAL
// default, can lose the last commits then. It costs throughput: 20
// reviewers saving at once reached 591 saves/s with FULL and 1,557 with
// NORMAL on the 2-core CI machine (BenchmarkReviewSync in models).
func sqliteDSN(path string) string {
	if strings.HasPrefix(path, "file:") || strings.Contains(path, "?") {
		return path
	}
	return "file:" + path + "?_journal_mode=WAL&_foreign_keys=on&_busy_timeout=10000&_txlock=immediate&_synchronous=FULL"
}

// postgresSettings are the desk's PostgreSQL session settings, each
// applied unless the URL sets it (pgx sends a parameter it does not know
// as a setting of the session):
//
//   - jit: the planner compiles a query whose estimated cost passes
//     jit_above_cost, and the desk's counts over two million statements
//     do (the Team page's compiled for 450 ms of its 1.5 s), though each
//     runs in milliseconds to a few hundred;
//   - enable_incremental_sort: every list of the desk has an index in its
//     whole order (article, position, id), yet the planner would rather
//     read the statements' (article, position) index, sort each article's
//     few rows and filter, expecting matches spread evenly. On a desk they
//     are not: old articles are done, the open work is in new ones. At
//     100,000 articles the unassigned pool (and so Take next) read 92,000
//     done statements that way, 140-320 ms, against 10 ms in its own
//     partial index;
//   - max_parallel_workers_per_gather: the desk's queries read few rows,
//     and a plan that gathers from workers does so because the planner
//     misjudged a text test (it expects 43 matches of a word in 100,000).
//     Starting the workers then costs more than the reading (a search's
//     first page: 10 ms with two workers, under 1 ms without), and on a
//     small server twenty reviewers already keep every core busy.
var postgresSettings = [][2]string{{"jit", "off"}, {"enable_incremental_sort", "off"}, {"max_parallel_workers_per_gather", "0"}}

// postgresDSN adds postgresSettings to a PostgreSQL URL.
func postgresDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn // pgx reports a malformed URL itself
	}
	q := u.Query()
	for _, kv := range postgresSettings {
		if !q.Has(kv[0]) {
			q.Set(kv[0], kv[1])
		}
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// Close closes the database connection pool.
func Close(db *gorm.DB) error {
	sqlDB, err := db.DB()
	if err != nil {
		return fmt.Errorf("models: close database: %w", err)
	}
	committers.Delete(sqlDB)
	if w, ok := writers.LoadAndDelete(sqlDB); ok {
		if p, ok := w.(*gorm.DB).ConnPool.(*preparedPool); ok {
			p.close()
			p.db.Close()
		}
	}
	if err := sqlDB.Close(); err != nil {
		return fmt.Errorf("models: close database: %w", err)
	}
	return nil
}
