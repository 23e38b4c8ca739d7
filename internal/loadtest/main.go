// Command loadtest fills a desk with years of work and measures it: page
// latency one client at a time, verdict saves by many reviewers at once
// (with a plain-SQL program doing the same work as the peer), and how
// late live updates reach another instance.
//
//	go run ./internal/loadtest fill   --db desk.db --articles 100000
//	go run ./internal/loadtest pages  --db desk.db --base http://127.0.0.1:18101
//	go run ./internal/loadtest writes --db desk.db --base http://127.0.0.1:18101 --reviewers 20 --duration 30s
//	go run ./internal/loadtest writes --db desk.db --plain --reviewers 20 --duration 30s
//	go run ./internal/loadtest article --db desk.db --statements 200   # then wrk the path it prints
//	go run ./internal/loadtest bare --size 60                          # the article page's peer
//
// Every run ends by checking that each acknowledged save is in the
// database; it exits non-zero if one is not.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/models"
)

const usage = `usage: loadtest fill|pages|writes|article|bare [flags]   (loadtest COMMAND -h for its flags)`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, usage)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var err error
	switch os.Args[1] {
	case "fill":
		err = fillCmd(ctx, os.Args[2:])
	case "pages":
		err = pagesCmd(ctx, os.Args[2:])
	case "writes":
		err = writesCmd(ctx, os.Args[2:])
	case "article":
		err = articleCmd(ctx, os.Args[2:])
	case "bare":
		err = bareCmd(ctx, os.Args[2:])
	default:
		err = errors.New(usage)
	}
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

// openDesk opens the desk's database and a store over it for a command
// that signs people in and adds work (cheap password hashes: the load
// test's users are its own). close releases the database.
func openDesk(dsn string) (db *gorm.DB, store *models.Store, close func(), err error) {
	if db, err = models.Open(dsn); err != nil {
		return nil, nil, nil, err
	}
	store = models.NewStore(db, models.Options{Extractor: extract.Engine{}, BcryptCost: 4})
	return db, store, func() { models.Close(db) }, nil
}

// latencies summarises request times.
type latencies []time.Duration

func (l latencies) pct(p float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	s := slices.Clone(l)
	slices.Sort(s)
	i := int(float64(len(s)-1) * p)
	return s[i]
}

func (l latencies) String() string {
	return fmt.Sprintf("p50 %s  p95 %s  p99 %s  max %s", ms(l.pct(0.5)), ms(l.pct(0.95)), ms(l.pct(0.99)), ms(l.pct(1)))
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }
