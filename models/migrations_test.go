package models

import (
	"path/filepath"
	"testing"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// An upgrade from the first released schema keeps the data already stored.
func TestMigrateUpgradeKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := gorm.Open(sqlite.Open(sqliteDSN(path)), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateTo(db, 1); err != nil {
		t.Fatalf("migrate to 1: %v", err)
	}
	if v, _ := SchemaVersion(db); v != 1 {
		t.Fatalf("version after first migration = %d, want 1", v)
	}
	mustExec(t, db, `INSERT INTO articles (id, title, body, created_at, updated_at) VALUES (1, 'Old', 'It costs $5.2bn.', '2025-01-01 00:00:00', '2025-01-01 00:00:00')`)
	mustExec(t, db, `INSERT INTO statements (id, article_id, position, start_offset, end_offset, text, checkable, score, verdict, version, created_at, updated_at)
		VALUES (7, 1, 1, 0, 16, 'It costs $5.2bn.', true, 0.9, 'verified', 3, '2025-01-01 00:00:00', '2025-01-01 00:00:00')`)
	if err := Close(db); err != nil {
		t.Fatal(err)
	}

	db, err = Open(path) // what the program does at start: migrate to the latest
	if err != nil {
		t.Fatalf("open and upgrade: %v", err)
	}
	defer Close(db)
	if v, _ := SchemaVersion(db); v != len(migrations) {
		t.Fatalf("version after upgrade = %d, want %d", v, len(migrations))
	}
	a, err := NewStore(db).ArticleByID(t.Context(), 1)
	if err != nil {
		t.Fatalf("old article after upgrade: %v", err)
	}
	if a.Title != "Old" || len(a.Statements) != 1 || a.Statements[0].Verdict != Verified || a.Statements[0].Version != 3 {
		t.Fatalf("old data changed by the upgrade: %+v", a)
	}
	if err := Migrate(db); err != nil {
		t.Fatalf("migrating an up-to-date database: %v", err)
	}
}

func mustExec(t *testing.T, db *gorm.DB, sql string) {
	t.Helper()
	if err := db.Exec(sql).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}
