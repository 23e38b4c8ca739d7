package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestUserAndTokenCreate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "desk.db")
	tests := []struct {
		name   string
		args   []string
		stdin  string
		code   int
		outHas string
		errHas string
	}{
		{"create admin", []string{"user", "create", "--db", db, "--email", "ada@example.org", "--name", "Ada", "--role", "admin", "--password-stdin"}, "a long password\n", 0, "created admin ada@example.org", ""},
		{"duplicate email", []string{"user", "create", "--db", db, "--email", "ADA@example.org", "--name", "Ada 2", "--role", "editor", "--password-stdin"}, "a long password\n", 1, "", "already exists"},
		{"short password", []string{"user", "create", "--db", db, "--email", "bo@example.org", "--name", "Bo", "--role", "reviewer", "--password-stdin"}, "short\n", 1, "", "at least 10 characters"},
		{"bad role", []string{"user", "create", "--db", db, "--email", "cy@example.org", "--name", "Cy", "--role", "chief", "--password-stdin"}, "a long password\n", 1, "", "Choose a role"},
		{"password not on stdin", []string{"user", "create", "--db", db, "--email", "di@example.org", "--name", "Di", "--role", "reviewer"}, "", 2, "", "--password-stdin"},
		{"token", []string{"token", "create", "--db", db, "--email", "ada@example.org"}, "", 0, "fcd_", ""},
		{"token for nobody", []string{"token", "create", "--db", db, "--email", "zed@example.org"}, "", 1, "", "no user with email"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.stdin), &out, &errOut)
			if code != tt.code || !strings.Contains(out.String(), tt.outHas) || !strings.Contains(errOut.String(), tt.errHas) {
				t.Fatalf("exit %d (want %d)\nstdout %q (want %q)\nstderr %q (want %q)", code, tt.code, out.String(), tt.outHas, errOut.String(), tt.errHas)
			}
		})
	}
	// The printed token works.
	var out bytes.Buffer
	run([]string{"token", "create", "--db", db, "--email", "ada@example.org"}, nil, &out, &bytes.Buffer{})
	store, closeDB, err := openStore(db)
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB()
	u, err := store.TokenUser(t.Context(), strings.TrimSpace(out.String()))
	if err != nil || u.Email != "ada@example.org" {
		t.Fatalf("token user = %v, %v", u, err)
	}
}
