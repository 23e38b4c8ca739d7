package extract

import (
	"strings"
	"testing"
)

// FuzzExtract runs the whole pipeline on arbitrary input and checks the
// contract: no panic, offsets inside the input on UTF-8 boundaries,
// statements in order and non-overlapping, facets inside their statement.
//
//	go test ./extract -run '^$' -fuzz FuzzExtract -fuzztime 60s
func FuzzExtract(f *testing.F) {
	seeds := []string{
		"", " ", "\x00", "\xff\xfe", "Hello World. My name is Jonas.", "U.S.A. (", "((((((", "[[[[1]",
		"“What?” Trump asked. “No.”", ". . . . The end. . . .", "1.) a 2.) b", "• 9. a • 10. b",
		"$5.2bn – 25.8 percent\n\nAdvertisement\n\nBy admin", "told[4] reporters[", "a\u00a0b\u2009c.",
		"INTERACTIVE - x - 2025-1759225571\n(Al Jazeera)", "Mr.", "…", "’s ’", "\xe2\x80", "1,250-2,500km (780",
		strings.Repeat("a", 1<<20), strings.Repeat("1. ", 1000), strings.Repeat("(", 5000) + ".",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	if doc, err := readArticle(); err == nil {
		f.Add(doc)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		checkInvariants(t, doc, Extract(doc))
	})
}

func TestLongAndBinaryInputs(t *testing.T) {
	for _, doc := range []string{
		strings.Repeat("x", 1<<20),
		strings.Repeat("The U.S. spent $5bn. ", 50000),
		strings.Repeat("\x00\xff.", 100000),
		strings.Repeat("....", 250000),
		strings.Repeat("’", 300000),
	} {
		checkInvariants(t, doc, Extract(doc))
	}
}
