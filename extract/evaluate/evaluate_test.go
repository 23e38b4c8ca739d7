package evaluate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun prints every figure; run it with
//
//	go test ./extract/evaluate -run TestRun -v
//
// It needs the shared data (../shared beside the module, or
// $FACTCHECK_SHARED) and skips without it.
func TestRun(t *testing.T) {
	dir := FindShared(".")
	if dir == "" {
		t.Skip("shared data not found: set FACTCHECK_SHARED or place it at ../shared beside the module")
	}
	if err := Run(os.Stdout, Config{Shared: dir, News: filepath.Join("..", "testdata", "news")}); err != nil {
		t.Fatal(err)
	}
}

func TestNewsCases(t *testing.T) {
	ok, failures := Boundaries(NewsCases)
	for _, f := range failures {
		t.Error(f)
	}
	if ok != len(NewsCases) {
		t.Errorf("%d of %d news cases right", ok, len(NewsCases))
	}
}

func TestFindSharedMissing(t *testing.T) {
	t.Setenv("FACTCHECK_SHARED", filepath.Join(t.TempDir(), "nowhere"))
	if got := FindShared("."); got != "" {
		t.Errorf("FindShared with $FACTCHECK_SHARED naming a missing folder = %q, want \"\"", got)
	}
	with := t.TempDir()
	if err := os.Mkdir(filepath.Join(with, "eval"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("FACTCHECK_SHARED", with)
	if got := FindShared("."); got != with {
		t.Errorf("FindShared = %q, want %q", got, with)
	}
}

func TestPick(t *testing.T) {
	news := []NewsArticle{{Name: "ap-one"}, {Name: "ap-two"}, {Name: "bbc-one"}}
	tests := []struct {
		patterns []string
		want     []string
		err      bool
	}{
		{nil, []string{"ap-one", "ap-two", "bbc-one"}, false},
		{[]string{"ap-*"}, []string{"ap-one", "ap-two"}, false},
		{[]string{"bbc-one", " ap-two"}, []string{"bbc-one", "ap-two"}, false},
		{[]string{"ap-*", "*-one"}, []string{"ap-one", "ap-two", "bbc-one"}, false},
		{[]string{"cnn-*"}, nil, true},
		{[]string{"["}, nil, true},
	}
	for _, tt := range tests {
		got, err := Pick(news, tt.patterns)
		if (err != nil) != tt.err {
			t.Errorf("Pick(%q) error = %v, want error %v", tt.patterns, err, tt.err)
			continue
		}
		var names []string
		for _, a := range got {
			names = append(names, a.Name)
		}
		if strings.Join(names, ",") != strings.Join(tt.want, ",") {
			t.Errorf("Pick(%q) = %q, want %q", tt.patterns, names, tt.want)
		}
	}
}
