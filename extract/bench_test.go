package extract

import (
	"os"
	"strings"
	"testing"
)

// Benchmarks of the whole pipeline (furniture, segmentation, scoring and
// facets):
//
//	go test ./extract -run '^$' -bench . -benchmem
//
// MB/s comes from b.SetBytes; allocations per MB = allocs/op ÷ (bytes/1e6).
// The comparison with neurosnap/sentences (Punkt) segmentation is in the
// bench module at the repository root (cd bench && go test -bench .), so
// that Punkt is not a dependency of the product.

func readArticle() (string, error) {
	b, err := os.ReadFile("testdata/tomahawk-article.txt")
	return string(b), err
}

func benchTexts(b *testing.B) map[string]string {
	doc, err := readArticle()
	if err != nil {
		b.Fatal(err)
	}
	big := strings.Repeat(doc+"\n\n", 5<<20/len(doc)+1)[:5<<20]
	return map[string]string{"article": doc, "5MB": big}
}

func BenchmarkExtract(b *testing.B) {
	for _, name := range []string{"article", "5MB"} {
		text := benchTexts(b)[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				Extract(text)
			}
		})
	}
}
