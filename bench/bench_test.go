// Package bench compares the extraction pipeline with neurosnap/sentences
// (Punkt) segmentation, on the same texts in the same run. It is its own
// module so that the Punkt dependency stays out of the product's module.
//
//	cd bench && go test -run '^$' -bench . -benchmem
//
// MB/s comes from b.SetBytes; allocations per MB = allocs/op ÷ (bytes/1e6).
package bench

import (
	"os"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/extract"
	"github.com/neurosnap/sentences/english"
)

// texts are the example article and 5 MB of it repeated.
func texts(b *testing.B) map[string]string {
	data, err := os.ReadFile("../extract/testdata/tomahawk-article.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := string(data)
	big := strings.Repeat(doc+"\n\n", 5<<20/len(doc)+1)[:5<<20]
	return map[string]string{"article": doc, "5MB": big}
}

// BenchmarkExtract is the whole pipeline: furniture, segmentation, scoring
// and facets (extract has the same benchmark).
func BenchmarkExtract(b *testing.B) {
	for _, name := range []string{"article", "5MB"} {
		text := texts(b)[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				extract.Extract(text)
			}
		})
	}
}

// BenchmarkSentencesPunkt is Punkt sentence segmentation alone.
func BenchmarkSentencesPunkt(b *testing.B) {
	tok, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{"article", "5MB"} {
		text := texts(b)[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				tok.Tokenize(text)
			}
		})
	}
}
