package extract

import (
	"fmt"
	"os"
	"testing"
)

func TestTmpArt(t *testing.T) {
	a, _ := os.ReadFile("testdata/tomahawk-article.txt")
	for _, s := range Extract(string(a)) {
		fmt.Printf("%v %.2f %-11s %v | %.90s\n", map[bool]string{true: "C", false: "-"}[s.Checkable], s.Score, s.Type, s.Reasons, s.Text)
	}
}
