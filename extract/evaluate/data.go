package evaluate

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/factcheckdesk/factcheck/extract/internal/claim"
)

// Row is one labelled sentence of the check-worthiness data (ClaimBuster,
// Arslan et al. 2020, as used by CheckThat! 2024 task 1, Hasanain et al. 2024).
type Row struct {
	ID    int
	Text  string
	Label bool
}

// ReadRows reads a TSV file with columns id, text, label and a header line.
func ReadRows(path string) ([]Row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	defer f.Close()
	var rows []Row
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 0; sc.Scan(); n++ {
		if n == 0 {
			continue
		}
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) < 3 {
			return nil, fmt.Errorf("evaluate: %s line %d: want 3 columns, got %d", path, n+1, len(parts))
		}
		id, err := strconv.Atoi(parts[0])
		if err != nil {
			return nil, fmt.Errorf("evaluate: %s line %d: id: %w", path, n+1, err)
		}
		label := strings.TrimSpace(parts[len(parts)-1])
		rows = append(rows, Row{ID: id, Text: strings.Join(parts[1:len(parts)-1], "\t"), Label: label == "1" || label == "Yes"})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("evaluate: %s: %w", path, err)
	}
	return rows, nil
}

// Examples converts rows to training examples.
func Examples(rows []Row) []claim.Example {
	ex := make([]claim.Example, len(rows))
	for i, r := range rows {
		ex[i] = claim.Example{Text: r.Text, Label: r.Label, ID: r.ID}
	}
	return ex
}

// BoundaryCase is one sentence-boundary rule: input and the expected
// sentences.
type BoundaryCase struct {
	Name     string   `json:"name"`
	Number   int      `json:"number"`
	Input    string   `json:"input"`
	Expected []string `json:"expected"`
}

// ReadBoundaryCases reads sentence_boundaries.json.
func ReadBoundaryCases(path string) ([]BoundaryCase, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("evaluate: %w", err)
	}
	var cases []BoundaryCase
	if err := json.Unmarshal(b, &cases); err != nil {
		return nil, fmt.Errorf("evaluate: %s: %w", path, err)
	}
	return cases, nil
}

// FindShared locates the shared data directory: $FACTCHECK_SHARED, or
// ../shared beside the module root found by walking up from dir. It returns
// "" when there is none, also when $FACTCHECK_SHARED names a folder without
// eval/ in it, so that tests skip rather than fail.
func FindShared(dir string) string {
	if d := os.Getenv("FACTCHECK_SHARED"); d != "" {
		if hasEval(d) {
			return d
		}
		return ""
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			if s := filepath.Join(filepath.Dir(dir), "shared"); hasEval(s) {
				return s
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// hasEval reports whether dir holds an eval/ folder.
func hasEval(dir string) bool {
	fi, err := os.Stat(filepath.Join(dir, "eval"))
	return err == nil && fi.IsDir()
}
