package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/models"
)

// A backup taken while reviewers write holds every write acknowledged
// before it began, and restoring it brings them all back; the database it
// replaces is kept.
func TestBackupUnderLoadAndRestore(t *testing.T) {
	dir := t.TempDir()
	live := filepath.Join(dir, "desk.db")
	store, closeDB, err := openStore(live)
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB()
	ctx := t.Context()
	a, err := store.CreateArticle(ctx, models.ArticleInput{Title: "Load", Body: "In 2024 trade was worth $5.2bn.\n\nIt grew by 3 percent.\n"})
	if err != nil {
		t.Fatal(err)
	}
	stmt := a.Statements[0].ID

	var (
		mu    sync.Mutex
		acked []uint // comment ids, in the order their writes returned
	)
	writeCtx, stop := context.WithCancel(ctx)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := 0; writeCtx.Err() == nil && i < 2000; i++ {
				c, err := store.AddComment(writeCtx, stmt, 0, "writer "+string(rune('a'+w))+" comment")
				if err != nil {
					if writeCtx.Err() == nil {
						t.Errorf("write: %v", err)
					}
					return
				}
				mu.Lock()
				acked = append(acked, c.ID)
				mu.Unlock()
			}
		})
	}
	// Let writes pile up, then back up while they go on.
	for {
		mu.Lock()
		n := len(acked)
		mu.Unlock()
		if n >= 200 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	mu.Lock()
	before := append([]uint(nil), acked...)
	mu.Unlock()
	backup := filepath.Join(dir, "backup.db")
	var out, errOut bytes.Buffer
	if code := run([]string{"backup", "--db", live, "--out", backup}, nil, &out, &errOut); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, errOut.String())
	}
	stop()
	wg.Wait()
	if !strings.Contains(out.String(), "backed up") {
		t.Errorf("backup said %q", out.String())
	}
	if code := run([]string{"backup", "--db", live, "--out", backup}, nil, &out, &errOut); code == 0 {
		t.Error("a second backup overwrote the first")
	}

	// Restore over an existing database: it is kept aside.
	target := filepath.Join(dir, "restored.db")
	if err := os.WriteFile(target, []byte("the old desk"), 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := run([]string{"restore", "--db", target, "--from", backup}, nil, &out, &errOut); code != 0 {
		t.Fatalf("restore: exit %d: %s", code, errOut.String())
	}
	kept, _ := filepath.Glob(target + ".before-restore-*")
	if len(kept) != 1 {
		t.Fatalf("the replaced database was not kept: %v (%s)", kept, out.String())
	}
	restored, closeRestored, err := openStore(target)
	if err != nil {
		t.Fatal(err)
	}
	defer closeRestored()
	comments, err := restored.Comments(ctx, stmt)
	if err != nil {
		t.Fatal(err)
	}
	have := map[uint]bool{}
	for _, c := range comments {
		have[c.ID] = true
	}
	for _, id := range before {
		if !have[id] {
			t.Fatalf("comment %d, acknowledged before the backup began, is missing from it (%d of %d there)", id, len(have), len(before))
		}
	}
	t.Logf("%d writes acknowledged before the backup began, all restored; the backup holds %d", len(before), len(have))
}

// A damaged or foreign file is refused and the desk's database is left
// as it was.
func TestRestoreRefusesBadBackups(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "desk.db")
	if err := os.WriteFile(target, []byte("the desk"), 0o600); err != nil {
		t.Fatal(err)
	}
	garbage := filepath.Join(dir, "garbage.db")
	os.WriteFile(garbage, bytes.Repeat([]byte("not a database "), 100), 0o600)
	for _, from := range []string{garbage, filepath.Join(dir, "missing.db")} {
		var out, errOut bytes.Buffer
		if code := run([]string{"restore", "--db", target, "--from", from}, nil, &out, &errOut); code == 0 {
			t.Errorf("restore from %s succeeded", from)
		}
		if b, _ := os.ReadFile(target); string(b) != "the desk" {
			t.Fatalf("a refused restore changed the database")
		}
	}
	var errOut bytes.Buffer
	if code := run([]string{"backup", "--db", "postgres://x@localhost/desk", "--out", filepath.Join(dir, "b")}, nil, &bytes.Buffer{}, &errOut); code == 0 || !strings.Contains(errOut.String(), "pg_dump") {
		t.Errorf("backup of PostgreSQL: %s", errOut.String())
	}
}
