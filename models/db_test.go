package models_test

import (
	"net/url"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
)

// The desk's PostgreSQL sessions run without JIT compilation (see
// postgresDSN), unless the URL asks for it.
func TestPostgresSessionsWithoutJIT(t *testing.T) {
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
		var jit string
		err = db.Raw("SHOW jit").Scan(&jit).Error
		models.Close(db)
		if err != nil || jit != c.want {
			t.Errorf("%s: jit %q (%v), want %q", c.dsn, jit, err, c.want)
		}
	}
}
