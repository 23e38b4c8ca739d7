package main

import (
	"io"
	"os"
	"path/filepath"

	"github.com/factcheckdesk/factcheck/extract/evaluate"
)

// evalCmd prints the extraction engine's measured quality on the shared
// evaluation data: sentence boundaries and check-worthiness.
func evalCmd(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", stderr)
	shared := fs.String("shared", env("FACTCHECK_SHARED", defaultShared()), "folder holding eval/ (env FACTCHECK_SHARED)")
	if err := parse(fs, args); err != nil {
		return err
	}
	return evaluate.Run(stdout, *shared)
}

// defaultShared is ../shared beside the working directory's project, the
// place development checkouts keep the evaluation data.
func defaultShared() string {
	wd, err := os.Getwd()
	if err != nil {
		return "../shared"
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared")
		}
		if filepath.Dir(dir) == dir {
			return "../shared"
		}
	}
}
