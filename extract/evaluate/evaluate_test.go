package evaluate

import (
	"os"
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
	if err := Run(os.Stdout, dir); err != nil {
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
