package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// fillCmd adds articles through the store, as an archive's import would:
// each is extracted and stored with its counters, --batch articles to a
// transaction (Store.CreateArticles). A share of their checkable
// statements is then reviewed (with a source) the way a reviewer saves,
// so that the pool, queues, the team view and claim matching have years
// of work to show.
//
// On PostgreSQL the fill's own connections commit without waiting for the
// disk (synchronous_commit=off): a crash may lose the fill's last
// transactions, never anything else, and a desk fills in minutes instead
// of hours.
func fillCmd(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("fill", flag.ContinueOnError)
	dsn := fs.String("db", "loadtest.db", "SQLite file or postgres:// URL")
	articles := fs.Int("articles", 10_000, "articles to add")
	sentences := fs.Int("sentences", 20, "sentences per article")
	reviewed := fs.Float64("reviewed", 0.12, "share of statements given a final verdict")
	workers := fs.Int("workers", 2, "batches stored at once")
	batch := fs.Int("batch", 50, "articles stored in one transaction")
	seed := fs.Uint64("seed", 1, "random seed: the same seed makes the same desk")
	published := fs.Int("published", -1, "checks to publish once filled (-1: one for every 20 articles)")
	submitted := fs.Int("submitted", -1, "reviews left awaiting approval (-1: one for every 50 articles)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := models.Open(fillDSN(*dsn))
	if err != nil {
		return err
	}
	defer models.Close(db)
	start := time.Now()
	base := time.Now().UTC().Add(-3 * 365 * 24 * time.Hour)
	step := 3 * 365 * 24 * time.Hour / time.Duration(max(*articles, 1))
	var made, stmts, reviews atomic.Int64
	users, err := loadUsers(ctx, models.NewStore(db, models.Options{Extractor: extract.Engine{}, BcryptCost: 4}), 20)
	if err != nil {
		return err
	}
	var wg sync.WaitGroup
	next := atomic.Int64{}
	errs := make(chan error, *workers)
	for w := range *workers {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(*seed, uint64(w)))
			var at time.Time
			store := models.NewStore(db, models.Options{Extractor: extract.Engine{}, Now: func() time.Time { return at }})
			for {
				first := next.Add(int64(*batch)) - int64(*batch)
				if first >= int64(*articles) || ctx.Err() != nil {
					return
				}
				n := min(int64(*batch), int64(*articles)-first)
				// Articles are added as if over three years, oldest
				// first; a batch shares its time.
				at = base.Add(time.Duration(first) * step)
				ins := make([]models.ArticleInput, n)
				for k := range ins {
					i := int(first) + k
					ins[k] = models.ArticleInput{Title: articleTitle(rng, i), Body: articleBody(rng, *sentences, i), Force: true}
				}
				list, err := store.CreateArticles(ctx, ins)
				if err != nil {
					errs <- err
					return
				}
				for _, a := range list {
					made.Add(1)
					stmts.Add(int64(len(a.Statements)))
					for _, st := range a.Statements {
						if rng.Float64() >= *reviewed {
							continue
						}
						u := users[rng.IntN(len(users))]
						in := models.ReviewInput{Verdict: []rating.Key{rating.Verified, rating.Disputed, rating.Corrected}[rng.IntN(3)],
							Note: "Checked against the source.", Correction: "The figure was lower.", Version: 1,
							Sources: []models.SourceInput{{URL: fmt.Sprintf("https://stats.example.org/%d", st.ID), Title: "Official statistics"}}}
						in.SetUser(&u)
						if _, err := store.Review(ctx, st.ID, in); err != nil {
							errs <- err
							return
						}
						reviews.Add(1)
					}
				}
				if m := made.Load(); m/1000 != (m-n)/1000 {
					fmt.Printf("%d articles, %d statements, %d reviewed (%s)\n", m, stmts.Load(), reviews.Load(), time.Since(start).Round(time.Second))
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return err
	}
	fmt.Printf("added %d articles with %d statements, %d reviewed, in %s\n", made.Load(), stmts.Load(), reviews.Load(), time.Since(start).Round(time.Second))
	if *published < 0 {
		*published = *articles / 20
	}
	if *submitted < 0 {
		*submitted = *articles / 50
	}
	if *published == 0 && *submitted == 0 {
		return nil
	}
	return fillWorkflow(ctx, db, models.NewStore(db, models.Options{Extractor: extract.Engine{}}), *published, *submitted)
}

// fillDSN is the fill's own connection to dsn: on PostgreSQL its commits
// do not wait for the disk (see fillCmd).
func fillDSN(dsn string) string {
	if !strings.HasPrefix(dsn, "postgres://") && !strings.HasPrefix(dsn, "postgresql://") {
		return dsn
	}
	if strings.Contains(dsn, "?") {
		return dsn + "&synchronous_commit=off"
	}
	return dsn + "?synchronous_commit=off"
}

// loadUsers returns n reviewers of the load test, creating them once.
func loadUsers(ctx context.Context, store *models.Store, n int) ([]models.User, error) {
	out := make([]models.User, n)
	for i := range n {
		email := fmt.Sprintf("load-reviewer-%02d@example.org", i+1)
		u, err := store.UserByEmail(ctx, email)
		if err != nil {
			u, err = store.CreateUser(ctx, models.UserInput{Email: email, Name: fmt.Sprintf("Load Reviewer %02d", i+1),
				Role: models.Reviewer, Password: "load-test-password"})
		}
		if err != nil {
			return nil, err
		}
		out[i] = *u
	}
	return out, nil
}

var (
	subjects = []string{"The government", "The central bank", "The minister", "Officials", "The city council", "The company",
		"The report", "Researchers", "The union", "The opposition leader", "Analysts", "The agency"}
	topics = []string{"unemployment", "inflation", "housing", "exports", "tax revenue", "hospital waiting lists", "crime",
		"school funding", "energy prices", "wages", "the deficit", "public transport", "migration", "rents", "emissions"}
	verbs = []string{"rose", "fell", "grew", "dropped", "climbed", "declined", "reached", "doubled"}
	plain = []string{"The meeting lasted until late in the evening.", "Reporters gathered outside the building.",
		"Some residents said they were worried.", "It was not clear what would happen next.",
		"The debate is expected to continue.", "Critics were not convinced.", "Photographs showed long queues."}
	places = []string{"London", "Manchester", "Berlin", "Madrid", "Chicago", "Toronto", "Lagos", "Sydney", "Delhi", "Paris"}
)

func articleTitle(rng *rand.Rand, i int) string {
	return fmt.Sprintf("%s in %s: what the figures say (%d)", strings.ToUpper(topics[rng.IntN(len(topics))][:1])+topics[rng.IntN(len(topics))][1:], places[rng.IntN(len(places))], i+1)
}

// articleBody writes n sentences, most of them claims with figures.
func articleBody(rng *rand.Rand, n, i int) string {
	var b strings.Builder
	for k := range n {
		switch rng.IntN(4) {
		case 0:
			b.WriteString(plain[rng.IntN(len(plain))])
		case 1:
			fmt.Fprintf(&b, "%s said %s in %s %s by %d.%d percent in %d.", subjects[rng.IntN(len(subjects))],
				topics[rng.IntN(len(topics))], places[rng.IntN(len(places))], verbs[rng.IntN(len(verbs))], rng.IntN(20), rng.IntN(10), 2015+rng.IntN(10))
		case 2:
			fmt.Fprintf(&b, "Spending on %s %s to $%d.%d billion last year, according to %s.", topics[rng.IntN(len(topics))],
				verbs[rng.IntN(len(verbs))], rng.IntN(90)+1, rng.IntN(10), strings.ToLower(subjects[rng.IntN(len(subjects))]))
		default:
			fmt.Fprintf(&b, "About %d,%03d people in %s were affected by %s in %d, the %s said.", rng.IntN(900)+1, rng.IntN(1000),
				places[rng.IntN(len(places))], topics[rng.IntN(len(topics))], 2015+rng.IntN(10), []string{"report", "agency", "ministry"}[rng.IntN(3)])
		}
		if k%4 == 3 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	fmt.Fprintf(&b, "(Story %d.)", i+1)
	return b.String()
}
