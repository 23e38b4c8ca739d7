package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/factcheckdesk/factcheck/models"
)

// isPostgres reports whether the --db value names a PostgreSQL database.
func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// setupCodePath is the file beside a SQLite database that holds its
// set-up code, or "" for PostgreSQL, which has no file to sit beside.
func setupCodePath(dsn string) string {
	if isPostgres(dsn) {
		return ""
	}
	path := strings.TrimPrefix(dsn, "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	return path + ".setup-code"
}

// announceSetupCode makes a one-time set-up code when the desk has no
// users yet, prints it and writes it to a file only the operator can
// read; the set-up page asks for it. Once the desk has users, a code file
// left from an earlier start is removed.
func announceSetupCode(ctx context.Context, store *models.Store, dsn string, stderr io.Writer) error {
	n, err := store.CountUsers(ctx)
	if err != nil {
		return err
	}
	path := setupCodePath(dsn)
	if n > 0 {
		if path != "" {
			if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("remove the spent set-up code: %w", err)
			}
		}
		return nil
	}
	code, err := store.NewSetupCode(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "This desk has no users yet. To create the first admin, open it in a browser and enter this set-up code:\n\n    %s\n\n", code)
	if path != "" {
		if err := writePrivate(path, code+"\n"); err != nil {
			return fmt.Errorf("write the set-up code: %w", err)
		}
		fmt.Fprintf(stderr, "It is also in %s, readable only by you. ", path)
	}
	fmt.Fprintln(stderr, "Scripts can instead run 'factcheck user create --role admin --password-stdin ...'.")
	return nil
}

// writePrivate writes a new file that only its owner can read, replacing
// any old one (whose permissions a plain write would keep).
func writePrivate(path, content string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(content); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
