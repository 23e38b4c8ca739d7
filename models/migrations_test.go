package models

import (
	"path/filepath"
	"testing"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/factcheckdesk/factcheck/rating"
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
	a, err := NewStore(db, Options{}).ArticleByID(t.Context(), 1)
	if err != nil {
		t.Fatalf("old article after upgrade: %v", err)
	}
	if a.Title != "Old" || len(a.Statements) != 1 || a.Statements[0].Verdict != rating.Verified || a.Statements[0].Version != 3 {
		t.Fatalf("old data changed by the upgrade: %+v", a)
	}
	if err := Migrate(db); err != nil {
		t.Fatalf("migrating an up-to-date database: %v", err)
	}
}

// Migration 6 rewrites the history of statements made by a split into the
// shape every created statement has, and keeps old notifications' words.
func TestMigrateUnifiesCreatedEvents(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := gorm.Open(sqlite.Open(sqliteDSN(path)), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateTo(db, 5); err != nil {
		t.Fatalf("migrate to 5: %v", err)
	}
	mustExec(t, db, `INSERT INTO statement_events (article_id, statement_id, action, before, after, created_at)
		VALUES (1, 8, 'create', '', '{"split_from":7,"span":{"start":10,"end":16,"text":"$5.2bn"}}', '2025-01-01 00:00:00'),
		       (1, 9, 'create', '', '{"start":0,"end":2,"text":"It"}', '2025-01-01 00:00:00')`)
	mustExec(t, db, `INSERT INTO users (id, email, name, role, password_hash, created_at, updated_at) VALUES (1, 'a@example.org', 'A', 'admin', 'x', '2025-01-01', '2025-01-01')`)
	mustExec(t, db, `INSERT INTO notifications (user_id, message, link, created_at) VALUES (1, 'Old words.', '/articles/1', '2025-01-01 00:00:00')`)
	if err := migrateTo(db, len(migrations)); err != nil {
		t.Fatal(err)
	}
	defer Close(db)
	store := NewStore(db, Options{})
	for id, want := range map[uint]Created{8: {Span: Span{10, 16, "$5.2bn"}, SplitFrom: 7}, 9: {Span: Span{0, 2, "It"}}} {
		h, err := store.History(t.Context(), id, 0, 100)
		if err != nil || len(h) != 1 {
			t.Fatalf("history of %d: %v %v", id, h, err)
		}
		if got := ChangeOf[Created](h[0]).After; got == nil || *got != want {
			t.Errorf("statement %d created = %+v, want %+v", id, got, want)
		}
	}
	notes, err := store.Notifications(t.Context(), 1, 10)
	if err != nil || len(notes) != 1 || notes[0].Message != "Old words." || notes[0].Kind != "" {
		t.Fatalf("old notification after upgrade: %+v %v", notes, err)
	}
}

func mustExec(t *testing.T, db *gorm.DB, sql string) {
	t.Helper()
	if err := db.Exec(sql).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}
