package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportThenExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "desk.db")
	file := filepath.Join(dir, "trade.md")
	os.WriteFile(file, []byte("# Trade\n\nIn 2024, the US and Russia traded goods worth about $5.2bn.\n"), 0o644)

	var out, errOut bytes.Buffer
	if code := run([]string{"import", "--db", db, "--title", "Trade figures", file}, nil, &out, &errOut); code != 0 {
		t.Fatalf("import exit %d: %s", code, errOut.String())
	}
	if id := strings.TrimSpace(out.String()); id != "1" {
		t.Fatalf("import printed %q, want the new id 1", id)
	}

	// The same file again is refused, and says how to import anyway.
	out.Reset()
	errOut.Reset()
	if code := run([]string{"import", "--db", db, file}, nil, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "--force") {
		t.Fatalf("duplicate import: exit %d, stderr %q", code, errOut.String())
	}

	tests := []struct {
		format string
		want   string
	}{
		{"md", "Trade figures"},
		{"json", `"schema_version": 1`},
		{"csv", "statement"},
		{"html", "<!DOCTYPE html>"},
		{"claimreview", "["},
		{"corrected", "$5.2bn"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			dst := filepath.Join(dir, "report."+tt.format)
			var out, errOut bytes.Buffer
			if code := run([]string{"export", "--db", db, "--article", "1", "--format", tt.format, "--out", dst}, nil, &out, &errOut); code != 0 {
				t.Fatalf("export exit %d: %s", code, errOut.String())
			}
			b, err := os.ReadFile(dst)
			if err != nil || !strings.Contains(string(b), tt.want) {
				t.Fatalf("%s does not contain %q (%v):\n%.500s", dst, tt.want, err, b)
			}
		})
	}

	for _, bad := range [][]string{
		{"export", "--db", db, "--format", "md"},
		{"export", "--db", db, "--article", "1", "--format", "pdf"},
		{"import", "--db", db},
	} {
		var out, errOut bytes.Buffer
		if code := run(bad, nil, &out, &errOut); code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage); stderr %q", bad, code, errOut.String())
		}
	}
	var errOut2 bytes.Buffer
	if code := run([]string{"export", "--db", db, "--article", "99"}, nil, &bytes.Buffer{}, &errOut2); code != 1 || !strings.Contains(errOut2.String(), "not found") {
		t.Errorf("missing article: exit %d, %q", code, errOut2.String())
	}
}
