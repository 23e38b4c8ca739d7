package models

import (
	"context"
	"errors"
	"fmt"
	"os"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// ErrNotSQLite says an operation works on SQLite desks only.
var ErrNotSQLite = errors.New("not a SQLite database")

// Backup writes a consistent copy of a running SQLite desk to out, which
// must not exist yet. VACUUM INTO reads one snapshot of the database in a
// single read transaction, so writers carry on meanwhile and the copy
// holds exactly the commits made before it began; the copy is compact and
// its file is synced before Backup returns.
func Backup(ctx context.Context, db *gorm.DB, out string) error {
	if db.Dialector.Name() != "sqlite" {
		return ErrNotSQLite
	}
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("models: backup: %s already exists; choose a new file name", out)
	}
	if err := db.WithContext(ctx).Exec("VACUUM INTO ?", out).Error; err != nil {
		return fmt.Errorf("models: backup to %s: %w", out, err)
	}
	return syncFile(out)
}

// syncFile flushes a file to stable storage.
func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// CheckBackup opens a SQLite file read-only and checks that it is a whole,
// uncorrupted desk database that this program can run: SQLite's integrity
// check passes and its schema is not newer than this program's. It
// returns the backup's schema version.
func CheckBackup(ctx context.Context, path string) (int, error) {
	if _, err := os.Stat(path); err != nil {
		return 0, fmt.Errorf("models: backup: %w", err)
	}
	db, err := gorm.Open(sqlite.Open("file:"+path+"?mode=ro&_query_only=true"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return 0, fmt.Errorf("models: open backup %s: %w", path, err)
	}
	defer Close(db)
	var result string
	if err := db.WithContext(ctx).Raw("PRAGMA integrity_check").Scan(&result).Error; err != nil {
		return 0, fmt.Errorf("models: backup %s is not a SQLite database: %w", path, err)
	}
	if result != "ok" {
		return 0, fmt.Errorf("models: backup %s is damaged: %s", path, result)
	}
	if !db.Migrator().HasTable(&schemaVersion{}) {
		return 0, fmt.Errorf("models: %s is not a desk database (no schema version)", path)
	}
	v, err := SchemaVersion(db)
	if err != nil {
		return 0, err
	}
	if v > len(migrations) {
		return 0, fmt.Errorf("models: backup %s has schema version %d, newer than this program (%d); restore it with a newer factcheck", path, v, len(migrations))
	}
	return v, nil
}
