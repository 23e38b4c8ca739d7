package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type docLine struct {
	Doc        string `json:"doc"`
	Statements []struct {
		Start     int      `json:"start"`
		End       int      `json:"end"`
		Text      string   `json:"text"`
		Checkable bool     `json:"checkable"`
		Score     float64  `json:"score"`
		Reasons   []string `json:"reasons"`
		Facets    []struct {
			Kind  string `json:"kind"`
			Start int    `json:"start"`
			End   int    `json:"end"`
			Text  string `json:"text"`
		} `json:"facets"`
	} `json:"statements"`
}

func TestExtractCommand(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "a.txt")
	body := "In 2024, trade was worth about $5.2bn. It is really not clear."
	os.WriteFile(article, []byte(body), 0o644)
	os.WriteFile(filepath.Join(dir, "latin1.txt"), []byte("caf\xe9"), 0o644)

	tests := []struct {
		name      string
		args      []string
		stdin     string
		code      int
		docs      []string // the "doc" of each output line
		stderrHas string
	}{
		{"one file", []string{"extract", article}, "", 0, []string{article}, ""},
		{"stdin", []string{"extract"}, body, 0, []string{"-"}, ""},
		{"per line", []string{"extract", "--per-line"}, "First line is 2,300.\n\nThird line.\n", 0, []string{"1", "2", "3"}, ""},
		{"missing file", []string{"extract", filepath.Join(dir, "nope.txt")}, "", 1, nil, "nope.txt: cannot read"},
		{"directory", []string{"extract", dir}, "", 1, nil, "is a directory"},
		{"invalid UTF-8", []string{"extract", article, filepath.Join(dir, "latin1.txt")}, "", 1, nil, "not valid UTF-8"},
		{"bad flag", []string{"extract", "--nope"}, "", 2, nil, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.stdin), &out, &errOut)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, errOut.String())
			}
			if !strings.Contains(errOut.String(), tt.stderrHas) {
				t.Errorf("stderr %q lacks %q", errOut.String(), tt.stderrHas)
			}
			if tt.code != 0 {
				if out.Len() != 0 {
					t.Errorf("a failed run printed output: %s", out.String())
				}
				return
			}
			lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
			if len(lines) != len(tt.docs) {
				t.Fatalf("%d output lines, want %d:\n%s", len(lines), len(tt.docs), out.String())
			}
			for i, line := range lines {
				var d docLine
				if err := json.Unmarshal([]byte(line), &d); err != nil {
					t.Fatalf("line %d is not JSON: %v", i+1, err)
				}
				if d.Doc != tt.docs[i] {
					t.Errorf("doc = %q, want %q", d.Doc, tt.docs[i])
				}
				if d.Statements == nil {
					t.Errorf("statements is null, want a list")
				}
				for _, s := range d.Statements {
					if s.Reasons == nil || s.Facets == nil || s.Score < 0 || s.Score > 1 || s.End <= s.Start {
						t.Errorf("statement breaks the contract: %+v", s)
					}
				}
			}
		})
	}
}

// Offsets index the document's bytes, multi-byte characters included.
func TestExtractOffsetsAreBytes(t *testing.T) {
	doc := "Zelenskyy’s “plan” costs €3 million. Moscow is about 800km (500 miles) from Kyiv."
	var out, errOut bytes.Buffer
	if code := run([]string{"extract"}, strings.NewReader(doc), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	var d docLine
	if err := json.Unmarshal(out.Bytes(), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Statements) != 2 {
		t.Fatalf("%d statements: %+v", len(d.Statements), d.Statements)
	}
	for _, s := range d.Statements {
		if doc[s.Start:s.End] != s.Text {
			t.Errorf("doc[%d:%d] = %q, text %q", s.Start, s.End, doc[s.Start:s.End], s.Text)
		}
		for _, f := range s.Facets {
			if f.Start < s.Start || f.End > s.End || doc[f.Start:f.End] != f.Text {
				t.Errorf("facet %+v outside its statement or misplaced", f)
			}
		}
	}
}

// TestExtractDemoGolden pins the command's exact output for the desk's
// example article read from standard input; the extract package pins the
// same file (see extract/golden_test.go, which also has -update).
func TestExtractDemoGolden(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "demo", "tomahawk-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "extract", "testdata", "tomahawk-article.golden.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"extract"}, bytes.NewReader(doc), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("factcheck extract < demo/tomahawk-article.txt differs from extract/testdata/tomahawk-article.golden.jsonl\n got: %.300s\nwant: %.300s", out.Bytes(), want)
	}
}
