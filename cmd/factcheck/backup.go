package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/factcheckdesk/factcheck/models"
)

// backupCmd copies a SQLite desk, while it runs, to a new file:
// factcheck backup --out FILE.
func backupCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := newFlags("backup", stderr)
	dsn := dbFlag(flags)
	out := flags.String("out", "", "the backup file to write; it must not exist (required)")
	if err := parse(flags, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"backup needs --out FILE"}
	}
	if isPostgres(*dsn) {
		return errors.New("a PostgreSQL desk is backed up with PostgreSQL's own tools: pg_dump --format=custom --file=FILE DATABASE_URL (see the README)")
	}
	if _, err := os.Stat(*dsn); err != nil {
		return fmt.Errorf("no database at %s: %w", *dsn, err)
	}
	db, err := models.Open(*dsn)
	if err != nil {
		return err
	}
	defer models.Close(db)
	started := time.Now()
	if err := models.Backup(ctx, db, *out); err != nil {
		return err
	}
	v, err := models.CheckBackup(ctx, *out)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backed up %s to %s (schema version %d, %s)\n", *dsn, *out, v, time.Since(started).Round(time.Millisecond))
	return nil
}

// restoreCmd checks a backup and installs it as the desk's database:
// factcheck restore --from FILE. The desk must be stopped. The database it
// replaces is kept beside it, renamed, never deleted.
func restoreCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := newFlags("restore", stderr)
	dsn := dbFlag(flags)
	from := flags.String("from", "", "the backup file to restore (required)")
	if err := parse(flags, args); err != nil {
		return err
	}
	if *from == "" {
		return usageError{"restore needs --from FILE"}
	}
	if isPostgres(*dsn) {
		return errors.New("a PostgreSQL desk is restored with PostgreSQL's own tools: pg_restore --clean --dbname=DATABASE_URL FILE (see the README)")
	}
	if _, err := models.CheckBackup(ctx, *from); err != nil {
		return err
	}
	// Copy next to the target first, so the last step is one rename on
	// the same file system: the desk's file is the old one or the new
	// one, never half of each.
	tmp := *dsn + ".restoring"
	if err := copyFile(*from, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("copy the backup: %w", err)
	}
	kept := ""
	if _, err := os.Stat(*dsn); err == nil {
		kept = fmt.Sprintf("%s.before-restore-%s", *dsn, time.Now().UTC().Format("20060102T150405Z"))
		if err := os.Rename(*dsn, kept); err != nil {
			os.Remove(tmp)
			return fmt.Errorf("keep the current database: %w", err)
		}
	}
	// The old database's write-ahead log belongs to the old file.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(*dsn + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := os.Rename(tmp, *dsn); err != nil {
		return fmt.Errorf("install the backup: %w", err)
	}
	if err := syncDir(filepath.Dir(*dsn)); err != nil {
		return err
	}
	// Bring the schema up to this program's, as serve would.
	db, err := models.Open(*dsn)
	if err != nil {
		return err
	}
	models.Close(db)
	fmt.Fprintf(stdout, "restored %s from %s\n", *dsn, *from)
	if kept != "" {
		fmt.Fprintf(stdout, "the database it replaced is kept as %s\n", kept)
	}
	return nil
}

// copyFile copies src to a new file dst and syncs it.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	// The rename that follows must survive a crash too.
	return syncDir(filepath.Dir(dst))
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
