package extract

import (
	"strings"
	"testing"
)

func TestLowerDoc(t *testing.T) {
	naive := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if isUpper(c) {
				b[i] = c + 'a' - 'A'
			}
		}
		return string(b)
	}
	for _, doc := range []string{"", "a", "A", "abc", "ABC", "Élysée ÉTÉ", "Trump’s U.S. $5.2BN\xff\xfeX", "end Z", strings.Repeat("aB", 100)} {
		if got, want := lowerDoc(doc), naive(doc); got != want {
			t.Errorf("lowerDoc(%q) = %q, want %q", doc, got, want)
		}
	}
}
