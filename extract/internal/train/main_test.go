package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/factcheckdesk/factcheck/extract/evaluate"
)

// TestCommittedModelReproduces fits the model again on the shared training
// data and compares the generated source with the committed
// extract/model_gen.go byte for byte: the trainer is deterministic, so any
// change to the features, their order or the fit shows here.
func TestCommittedModelReproduces(t *testing.T) {
	dir := evaluate.FindShared(".")
	if dir == "" {
		t.Skip("shared data not found (../shared beside the module, or $FACTCHECK_SHARED): refitting the model needs eval/checkworthy_train.tsv")
	}
	rows, err := evaluate.ReadRows(filepath.Join(dir, "eval", "checkworthy_train.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := generate(rows)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "model_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("the model fit on checkworthy_train.tsv differs from extract/model_gen.go: regenerate it with go run ./extract/internal/train -shared ../shared if the change is meant")
	}
}
