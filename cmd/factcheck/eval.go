package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/factcheckdesk/factcheck/extract/evaluate"
)

// evalCmd prints the extraction engine's measured quality on the shared
// evaluation data (sentence boundaries and check-worthiness) and on the
// project's own labelled news set.
func evalCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", stderr)
	root := moduleRoot()
	shared := fs.String("shared", env("FACTCHECK_SHARED", filepath.Join(filepath.Dir(root), "shared")), "folder holding eval/ (env FACTCHECK_SHARED)")
	news := fs.String("news", filepath.Join(root, "extract", "testdata", "news"), "folder holding the labelled news set (NAME.txt and NAME.gold)")
	verbose := fs.Bool("v", false, "list every sentence, furniture line and facet the engine gets wrong on the news set")
	only := fs.String("only", "", "score only the news articles whose name matches one of these comma-separated patterns (path.Match syntax, e.g. 'bbc-*,ap-*')")
	if err := parse(fs, args); err != nil {
		return err
	}
	var pick []string
	if *only != "" {
		pick = strings.Split(*only, ",")
	}
	return evaluate.Run(stdout, evaluate.Config{Shared: *shared, News: *news, Only: pick, Verbose: *verbose})
}

// moduleRoot is the folder of the go.mod above the working directory (or
// the working directory itself when there is none): development checkouts
// keep the shared data beside it and the news set inside it.
func moduleRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			return wd
		}
	}
}
