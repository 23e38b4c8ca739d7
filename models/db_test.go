package models_test

import (
	"net/url"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
)

// The desk's PostgreSQL sessions run without JIT compilation, incremental
// sorts and parallel workers (see postgresSettings), unless the URL asks
// for them.
func TestPostgresSessionSettings(t *testing.T) {
	dsn := modeltest.DSN(t)
	s := modeltest.OpenDSN(t, dsn)
	if s.DB().Dialector.Name() != "postgres" {
		t.Skip("PostgreSQL only: set FACTCHECK_TEST_POSTGRES")
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("jit", "on")
	u.RawQuery = q.Encode()
	for _, c := range []struct{ dsn, want string }{{dsn, "off"}, {u.String(), "on"}} {
		db, err := models.Open(c.dsn)
		if err != nil {
			t.Fatal(err)
		}
		var jit, incremental, workers string
		err = db.Raw("SELECT current_setting('jit'), current_setting('enable_incremental_sort'), current_setting('max_parallel_workers_per_gather')").
			Row().Scan(&jit, &incremental, &workers)
		models.Close(db)
		if err != nil || jit != c.want || incremental != "off" || workers != "0" {
			t.Errorf("%s: jit %q, enable_incremental_sort %q, max_parallel_workers_per_gather %q (%v), want jit %q, no incremental sort, no workers",
				c.dsn, jit, incremental, workers, err, c.want)
		}
	}
}

// PostgreSQL's full-text indexes take each change at once: no search reads
// a pending list (see migrateFullTextAtOnce).
func TestPostgresFullTextWithoutPendingList(t *testing.T) {
	s := modeltest.Open(t)
	if s.DB().Dialector.Name() != "postgres" {
		t.Skip("PostgreSQL only: set FACTCHECK_TEST_POSTGRES")
	}
	for _, idx := range []string{"idx_statements_fts", "idx_articles_fts"} {
		var options string
		if err := s.DB().Raw("SELECT COALESCE(array_to_string(reloptions, ','), '') FROM pg_class WHERE relname = ?", idx).Row().Scan(&options); err != nil {
			t.Fatal(err)
		}
		if options != "fastupdate=off" {
			t.Errorf("%s: options %q, want fastupdate=off", idx, options)
		}
	}
}
