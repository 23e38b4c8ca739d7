package intake

import (
	"errors"
	"strings"
	"testing"
)

// XML shaped to exhaust memory or time is refused early, whatever its
// size: a deep nest of paragraphs, a flood of empty ones, a flood of text.
func TestDocxShapeLimits(t *testing.T) {
	const open = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`
	tests := []struct {
		name string
		xml  string
		kind Kind
		ok   bool
	}{
		{"deeply nested paragraphs", open + strings.Repeat("<w:p>", 100_000), KindInvalid, false},
		{"nested just within the limit", open + strings.Repeat("<w:p>", maxDocxDepth-4) + "<w:r><w:t>deep</w:t></w:r>" +
			strings.Repeat("</w:p>", maxDocxDepth-4) + "</w:body></w:document>", 0, true},
		{"millions of empty paragraphs", open + strings.Repeat("<w:p/>", maxDocxElements+10) + "</w:body></w:document>", KindTooLarge, false},
		{"too much text", open + "<w:p><w:r><w:t>" + strings.Repeat("a", maxDocxText+1) + "</w:t></w:r></w:p></w:body></w:document>", KindTooLarge, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := makeZip(t, "word/document.xml", tt.xml)
			doc, err := ReadFile("bomb.docx", data)
			if tt.ok {
				if err != nil || doc.Text != "deep" {
					t.Fatalf("ReadFile = %q, %v; want the text of a document nested within the limit", doc.Text, err)
				}
				return
			}
			var ie *Error
			if !errors.As(err, &ie) || ie.Kind != tt.kind {
				t.Fatalf("ReadFile error = %v, want kind %d", err, tt.kind)
			}
		})
	}
}
