package match

import (
	"fmt"
	"testing"
)

func TestScratch4(t *testing.T) {
	ix := NewIndex()
	for i := range 20000 {
		ix.Add(corpusDoc(i))
	}
	fmt.Println(corpusDoc(4799).Text)
	for j := 0; j < 20000; j += 37 {
		q := claimText(uint64(1e9+j), 0)
		if got := ix.Query(q, 0, 3); len(got) > 0 {
			fmt.Printf("%q\n  %+v %q\n", q, got[0], corpusDoc(int(got[0].ID-1)).Text)
		}
	}
}
