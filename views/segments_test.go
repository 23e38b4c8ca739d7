package views

import (
	"testing"

	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/models"
)

// TestChunksWithFurniture: furniture between statements is cut out as its
// own chunks, clipped where a statement (a restored one) covers part of it,
// and nonsense spans fall back to plain text; the chunks rebuild the body.
func TestChunksWithFurniture(t *testing.T) {
	body := "By Ana Lima\n\nRates rose.\n\nA caption here\n\nMenu | Home"
	stmts := []models.Statement{{Start: 13, End: 24}, {Start: 26, End: 27}} // "Rates rose.", "A" restored
	furn := []extract.Furniture{
		{Start: 0, End: 11, Kind: "credit"},
		{Start: 26, End: 40, Kind: "caption"},
		{Start: 90, End: 95, Kind: "navigation"}, // out of range
		{Start: 42, End: 53, Kind: "navigation"},
	}
	type want struct{ text, furniture string }
	wants := []want{{"By Ana Lima", "credit"}, {"\n\n", ""}, {"Rates rose.", ""}, {"\n\n", ""}, {"A", ""},
		{" caption here", "caption"}, {"\n\n", ""}, {"Menu | Home", "navigation"}}
	got := Chunks(body, stmts, furn...)
	rebuilt := ""
	for _, c := range got {
		rebuilt += c.Text
	}
	if rebuilt != body {
		t.Fatalf("chunks rebuild %q", rebuilt)
	}
	if len(got) != len(wants) {
		t.Fatalf("got %d chunks: %+v", len(got), got)
	}
	for i, w := range wants {
		if got[i].Text != w.text || got[i].Furniture != w.furniture {
			t.Errorf("chunk %d = %q/%q, want %q/%q", i, got[i].Text, got[i].Furniture, w.text, w.furniture)
		}
		if w.furniture != "" && body[got[i].Start:got[i].End] != w.text {
			t.Errorf("chunk %d offsets [%d,%d) do not hold its text", i, got[i].Start, got[i].End)
		}
	}
}
