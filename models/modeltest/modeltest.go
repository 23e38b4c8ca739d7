// Package modeltest opens real, throw-away databases for tests.
//
// By default each test gets a fresh SQLite file. With
// FACTCHECK_TEST_POSTGRES set to a PostgreSQL URL whose role may create
// databases (e.g. postgres://factcheck:factcheck@localhost/postgres), each
// test gets a fresh PostgreSQL database instead, so the same tests prove the
// queries on both.
package modeltest

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/models"
)

// Open returns a store over a fresh, migrated database that is removed
// when the test ends. Password hashing is set to its cheapest cost, as
// tests create many users.
func Open(t testing.TB) *models.Store {
	t.Helper()
	return OpenDSN(t, DSN(t))
}

// DSN names a fresh, empty database (a SQLite file, or a PostgreSQL
// database when FACTCHECK_TEST_POSTGRES is set) that is removed when the
// test ends: for tests that open it more than once, as several instances
// of the desk would.
func DSN(t testing.TB) string {
	t.Helper()
	if admin := os.Getenv("FACTCHECK_TEST_POSTGRES"); admin != "" {
		return freshPostgres(t, admin)
	}
	return filepath.Join(t.TempDir(), "test.db")
}

// OpenDSN opens the database at dsn (from DSN) as Open does.
func OpenDSN(t testing.TB, dsn string) *models.Store {
	t.Helper()
	db, err := models.Open(dsn)
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() {
		if err := models.Close(db); err != nil {
			t.Errorf("close test database: %v", err)
		}
	})
	return models.NewStore(db, Options())
}

// Options are the store options of tests: the real extractor, and password
// hashing at its cheapest cost, as tests create many users.
func Options() models.Options {
	return models.Options{BcryptCost: bcrypt.MinCost, Extractor: extract.Engine{}}
}

// freshPostgres creates an empty database for one test and drops it after.
func freshPostgres(t testing.TB, adminURL string) string {
	t.Helper()
	admin, err := gorm.Open(postgres.Open(adminURL), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatalf("connect to PostgreSQL: %v", err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	name := "factcheck_test_" + hex.EncodeToString(b)
	if err := admin.Exec("CREATE DATABASE " + name).Error; err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		if sqlDB, err := admin.DB(); err == nil {
			sqlDB.Close()
		}
	})
	u, err := url.Parse(adminURL)
	if err != nil {
		t.Fatalf("FACTCHECK_TEST_POSTGRES: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}
