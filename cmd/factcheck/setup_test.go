package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
)

// On a desk without users the server prints a set-up code and writes it
// beside the database, readable by its owner only; the code creates the
// first admin once. With users, the file goes.
func TestSetupCodeOnFirstRun(t *testing.T) {
	db := filepath.Join(t.TempDir(), "desk.db")
	store, closeDB, err := openStore(db)
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB()
	var log bytes.Buffer
	if err := announceSetupCode(t.Context(), store, db, &log); err != nil {
		t.Fatal(err)
	}
	file := db + ".setup-code"
	fi, err := os.Stat(file)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("set-up code file: %v, mode %v; want 0600", err, fi.Mode())
	}
	b, _ := os.ReadFile(file)
	code := strings.TrimSpace(string(b))
	if len(code) != 32 || !strings.Contains(log.String(), code) {
		t.Fatalf("code %q; log %q", code, log.String())
	}
	if _, err := store.CreateFirstAdmin(t.Context(), code, models.UserInput{Email: "ada@example.org", Name: "Ada", Password: "a long password here"}); err != nil {
		t.Fatal(err)
	}
	log.Reset()
	if err := announceSetupCode(t.Context(), store, db, &log); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) || log.Len() != 0 {
		t.Errorf("after set-up the code file is still there (%v) or a code was printed: %q", err, log.String())
	}
	// user create keeps working from the command line on a fresh desk.
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	var out, errOut bytes.Buffer
	code2 := run([]string{"user", "create", "--db", fresh, "--email", "bo@example.org", "--name", "Bo", "--role", "admin", "--password-stdin"}, strings.NewReader("a long password here\n"), &out, &errOut)
	if code2 != 0 {
		t.Fatalf("user create on a fresh desk: %d %s", code2, errOut.String())
	}
}
