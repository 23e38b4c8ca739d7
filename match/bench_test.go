package match

import (
	"runtime"
	"sync"
	"testing"
	"time"
)

// The synthetic corpus must behave like the real thing at small scale:
// re-worded claims find their source first, fresh claims find nothing.
func TestSyntheticCorpus(t *testing.T) {
	const n = 20000
	ix := NewIndex()
	for i := range n {
		ix.Add(corpusDoc(i))
	}
	hits, misses, false_ := 0, 0, 0
	for j := 0; j < n; j += 37 {
		if j%10 == 9 {
			continue
		}
		got := ix.Query(claimText(uint64(j), 2+j%2), 0, 3)
		if len(got) > 0 && isSource(got[0].ID, j) {
			hits++
		} else {
			misses++
			if misses <= 5 {
				t.Logf("miss %d: %q -> %+v\n  source %q", j, claimText(uint64(j), 2+j%2), got, corpusDoc(j).Text)
			}
		}
		if len(ix.Query(claimText(uint64(1e9+j), 0), 0, 3)) > 0 {
			false_++
		}
	}
	if rate := float64(hits) / float64(hits+misses); rate < 0.95 {
		t.Errorf("hit@1 %.3f (%d of %d)", rate, hits, hits+misses)
	}
	if false_ > (hits+misses)/50 {
		t.Errorf("%d of %d fresh claims matched something", false_, hits+misses)
	}
}

// isSource: the statement with this ID is claim j or its re-wording.
func isSource(id uint, j int) bool {
	return id == uint(j+1) || (j+4)%10 == 9 && id == uint(j+5)
}

var big struct {
	once   sync.Once
	ix     *Index
	build  time.Duration
	heapMB float64
}

const bigN = 1_000_000

// bigIndex builds the 1M-statement index once per test binary run.
func bigIndex(b *testing.B) *Index {
	if testing.Short() {
		b.Skip("1M-statement index: skipped under -short")
	}
	big.once.Do(func() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		start := time.Now()
		ix := NewIndex()
		for i := range bigN {
			ix.Add(corpusDoc(i))
		}
		big.build = time.Since(start)
		runtime.GC()
		runtime.ReadMemStats(&after)
		big.heapMB = float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
		big.ix = ix
	})
	return big.ix
}

// BenchmarkQuery1M: query latency against 1,000,000 indexed statements.
//
//	go test ./match -run '^$' -bench Query1M -benchmem
//
// match: a third phrasing of an indexed claim (its source must come first;
// hit@1 is reported). nomatch: fresh claims from the same templates, names
// and places (similar words, other figures), which should match nothing.
// common: a query of frequent words only, the approximate worst case.
func BenchmarkQuery1M(b *testing.B) {
	ix := bigIndex(b)
	const nq = 2000
	b.Run("match", func(b *testing.B) {
		qs, src := make([]string, 0, nq), make([]int, 0, nq)
		for j := 3; len(qs) < nq; j = (j + 7919) % (bigN - 10) {
			if j%10 != 9 {
				qs, src = append(qs, claimText(uint64(j), 2+j%2)), append(src, j)
			}
		}
		hits := 0
		for k, q := range qs {
			if got := ix.Query(q, 0, 5); len(got) > 0 && isSource(got[0].ID, src[k]) {
				hits++
			}
		}
		queryLoop(b, ix, qs)
		b.ReportMetric(float64(hits)/nq, "hit@1")
	})
	b.Run("nomatch", func(b *testing.B) {
		qs := make([]string, nq)
		for j := range qs {
			qs[j] = claimText(uint64(1e9+j), j%2)
		}
		matched := 0
		for _, q := range qs {
			if len(ix.Query(q, 0, 5)) > 0 {
				matched++
			}
		}
		queryLoop(b, ix, qs)
		b.ReportMetric(float64(matched)/nq, "matched")
	})
	b.Run("common", func(b *testing.B) {
		qs := []string{
			"Trade in goods and services was worth less than the year before",
			"People in the city say the cost of spending has been higher than in the country",
			"The government spent more on aid, according to the survey",
		}
		queryLoop(b, ix, qs)
	})
}

// reportWork: posting entries merged and statements scored in full per
// query, and the share of queries whose retrieval was exact (see Query).
func reportWork(b *testing.B, ix *Index, qs []string) {
	var st queryStats
	postings, scored, exact := 0, 0, 0
	for _, q := range qs {
		ix.query(q, 0, 5, &st)
		postings += st.postings
		scored += st.scored
		if st.exact {
			exact++
		}
	}
	n := float64(len(qs))
	b.ReportMetric(float64(postings)/n, "postings/op")
	b.ReportMetric(float64(scored)/n, "scored/op")
	b.ReportMetric(float64(exact)/n, "exact")
}

// BenchmarkAdd: indexing one statement (analysis included), index growing
// from empty.
func BenchmarkAdd(b *testing.B) {
	docs := make([]Doc, 100_000)
	for i := range docs {
		docs[i] = corpusDoc(i)
	}
	ix := NewIndex()
	i := 0
	for b.Loop() {
		d := docs[i%len(docs)]
		d.ID = uint(i + 1)
		ix.Add(d)
		i++
	}
}

// queryLoop times queries of qs in turn against the 1M index and reports
// the work they did and what building the index cost.
func queryLoop(b *testing.B, ix *Index, qs []string) {
	k := 0
	for b.Loop() {
		ix.Query(qs[k%len(qs)], 0, 5)
		k++
	}
	b.ReportMetric(big.build.Seconds(), "build-s")
	b.ReportMetric(big.heapMB, "heap-MB")
	reportWork(b, ix, qs)
}

// BenchmarkFigures: figure parsing of one statement.
func BenchmarkFigures(b *testing.B) {
	text := "In 2024, the US and Russia traded goods and services worth about $5.2bn – 25.8 percent less than in 2023"
	for b.Loop() {
		Figures(text)
	}
}
