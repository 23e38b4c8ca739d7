// Package modeltest opens real, throw-away databases for tests.
package modeltest

import (
	"path/filepath"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
)

// Open returns a store over a fresh, migrated SQLite file in a temporary
// directory that is removed when the test ends.
func Open(t testing.TB) *models.Store {
	t.Helper()
	db, err := models.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() {
		if err := models.Close(db); err != nil {
			t.Errorf("close test database: %v", err)
		}
	})
	return models.NewStore(db)
}
