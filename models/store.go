package models

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/rating"
)

// Extractor splits article text into scored statements. The store is
// handed one, so that storage never decides on its own what is checkable.
type Extractor interface {
	// Analyse splits a whole article into statements and the page
	// furniture left out of them; known is furniture the importer found.
	Analyse(body string, known []extract.Furniture) extract.Result
	// Score judges one span of text an editor chose, offsets from 0.
	Score(text string) extract.Statement
}

// Options configure a Store. The zero value of each field is a sensible
// default, except Extractor, which creating articles and editing
// statements need.
type Options struct {
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// BcryptCost is the cost of password hashes; 0 means 12.
	BcryptCost int
	// Extractor splits and scores article text.
	Extractor Extractor
	// Scale is the rating scale until the desk defines its own in its
	// settings; nil means rating.Builtin().
	Scale *rating.Scale
	// Organization and BaseURL stand in for the settings of the same
	// name while those are empty: the --org and --base-url flags.
	Organization, BaseURL string
	// PasswordChecks caps how many passwords are checked at once; 0 means
	// one per CPU. A sign-in beyond it is refused (429) rather than queued.
	PasswordChecks int
}

// DefaultBcryptCost is the password hashing cost unless Options say.
const DefaultBcryptCost = 12

// Store runs the desk's queries. It is safe for concurrent use.
type Store struct {
	db        *gorm.DB
	wdb       *gorm.DB // where writes go: see Open
	now       func() time.Time
	cost      int
	extractor Extractor
	// settings are the desk's settings as last read: every request
	// reads them, so they are kept here and re-read when they change
	// (see ReloadSettings).
	settings atomic.Pointer[Settings]
	defaults atomic.Pointer[Settings]
	scale    *rating.Scale // until the desk defines its own
	// writers queues the store's write transactions on SQLite, which has
	// one writer: waiting in a queue is fair and immediate, where waiting
	// in SQLite's busy handler means sleeping and retrying (seconds, at
	// worst, under load), and it lets writes share a commit. nil on
	// PostgreSQL, whose writers run at once.
	writers *committer
	// onChange is told of every committed write (see OnChange).
	hooksMu  sync.Mutex
	onChange []func()
	// dummyHash is compared against when an email is unknown, so that a
	// sign-in takes as long whether or not the account exists: it has
	// the cost of real hashes.
	dummyHash []byte
	// checks holds one token per password check running.
	checks chan struct{}
}

// NewStore returns a Store over db.
func NewStore(db *gorm.DB, o Options) *Store {
	s := &Store{now: o.Now, cost: o.BcryptCost, extractor: o.Extractor}
	if s.now == nil {
		s.now = time.Now
	}
	// GORM stamps created_at and updated_at with the store's clock too.
	// Statements are prepared once per connection and reused: the SQL of
	// each query is the same every time, only its arguments change. On
	// SQLite, GORM prepares the reads (outside transactions, where its
	// statement cache works) and the writer's pool prepares the writes
	// (see preparedPool); PostgreSQL's driver (pgx) prepares and caches
	// every statement itself.
	sqlite := db.Dialector.Name() == "sqlite"
	s.db = db.Session(&gorm.Session{NowFunc: s.nowUTC, PrepareStmt: sqlite})
	s.wdb = writerOf(db).Session(&gorm.Session{NowFunc: s.nowUTC})
	if sqlite {
		s.writers = committerOf(db)
	}
	if s.cost == 0 {
		s.cost = DefaultBcryptCost
	}
	if o.Scale == nil {
		o.Scale = rating.Builtin()
	}
	s.scale = o.Scale
	s.SetDefaults(o.Organization, o.BaseURL)
	s.settings.Store(s.effective(deskSetting{}, nil))
	s.dummyHash = dummyHashOf(s.cost)
	if o.PasswordChecks <= 0 {
		o.PasswordChecks = runtime.NumCPU()
	}
	s.checks = make(chan struct{}, o.PasswordChecks)
	return s
}

// write runs fn as one transaction: on SQLite in the queue of its one
// writer, committed together with the writes waiting beside it (see
// committer); elsewhere at once. Every change the store makes goes
// through here.
func (s *Store) write(ctx context.Context, fn func(tx *gorm.DB) error) error {
	err := s.commit(ctx, fn)
	if err == nil {
		s.changed()
	}
	return err
}

// writeStatement runs fn, which writes with one statement that is atomic
// on its own, outside a transaction (PostgreSQL: no BEGIN and COMMIT round
// trips), and wakes the live feed as write does.
func (s *Store) writeStatement(ctx context.Context, fn func(db *gorm.DB) error) error {
	err := fn(s.wdb.WithContext(ctx))
	if err == nil {
		s.changed()
	}
	return err
}

// commit is write without waking the live feed: for bookkeeping that no
// page shows (when a session or token was last used).
func (s *Store) commit(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if s.writers != nil {
		return s.writers.do(ctx, s.wdb, fn)
	}
	return s.wdb.WithContext(ctx).Transaction(fn)
}

// Writer returns the connection writes go through (on SQLite a small
// pool of its own; see Open), for tests.
func (s *Store) Writer() *gorm.DB { return s.wdb }

// DB returns the underlying connection, for wiring and tests.
func (s *Store) DB() *gorm.DB { return s.db }

// Scale is the desk's rating scale now.
func (s *Store) Scale() *rating.Scale { return s.settings.Load().Scale }

// nowUTC is the store's clock in UTC, the zone every stored time is in.
func (s *Store) nowUTC() time.Time { return s.now().UTC() }
