package extract

import "testing"

// TestMarkerLinesAreShort: classifyLine looks whole-line markers up only in
// lines up to maxMarkerLen long.
func TestMarkerLinesAreShort(t *testing.T) {
	for _, m := range []map[string]bool{furnitureExact, navExact, linkHeadings, referenceHeadings} {
		for w := range m {
			if len(w) > maxMarkerLen {
				t.Errorf("%q is longer than maxMarkerLen (%d)", w, maxMarkerLen)
			}
		}
	}
}
