package export

import (
	"fmt"
	"sort"
	"strings"
)

// verdictOrder is the display order of the known verdicts.
var verdictOrder = []string{
	VerdictUnreviewed,
	VerdictInProgress,
	VerdictVerified,
	VerdictDisputed,
	VerdictCorrected,
	VerdictNotCheckable,
}

// Verdicts returns the known verdicts in display order.
func Verdicts() []string { return append([]string(nil), verdictOrder...) }

// normVerdict maps the empty verdict to VerdictUnreviewed.
func normVerdict(v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return VerdictUnreviewed
	}
	return v
}

// VerdictLabel returns a verdict in words: "unreviewed", "in progress",
// "verified", "disputed", "corrected" or "not checkable". The empty verdict
// reads "unreviewed"; an unknown one is returned with underscores turned into
// spaces. Every format uses this function, so they never disagree.
func VerdictLabel(v string) string {
	switch v = normVerdict(v); v {
	case VerdictUnreviewed:
		return "unreviewed"
	case VerdictInProgress:
		return "in progress"
	case VerdictVerified:
		return "verified"
	case VerdictDisputed:
		return "disputed"
	case VerdictCorrected:
		return "corrected"
	case VerdictNotCheckable:
		return "not checkable"
	}
	return strings.ReplaceAll(v, "_", " ")
}

// VerdictCount is the number of statements with one verdict.
type VerdictCount struct {
	Verdict string // stored value, e.g. "not_checkable"
	Label   string // VerdictLabel(Verdict)
	Count   int
}

// Summary counts a set of statements.
type Summary struct {
	Statements int
	Checkable  int
	Reviewed   int // final verdict: see Statement.Reviewed
	// ByVerdict lists every known verdict in display order (zero counts
	// included), then any unknown verdicts found, sorted.
	ByVerdict []VerdictCount
}

// Summarize counts statements by checkability, review state and verdict.
func Summarize(stmts []Statement) Summary {
	var sum Summary
	counts := map[string]int{}
	for _, s := range stmts {
		sum.Statements++
		if s.Checkable {
			sum.Checkable++
		}
		if s.Reviewed() {
			sum.Reviewed++
		}
		counts[normVerdict(s.Verdict)]++
	}
	for _, v := range verdictOrder {
		sum.ByVerdict = append(sum.ByVerdict, VerdictCount{v, VerdictLabel(v), counts[v]})
		delete(counts, v)
	}
	var extra []string
	for v := range counts {
		extra = append(extra, v)
	}
	sort.Strings(extra)
	for _, v := range extra {
		sum.ByVerdict = append(sum.ByVerdict, VerdictCount{v, VerdictLabel(v), counts[v]})
	}
	return sum
}

// Permalink is the public URL of a statement's review:
// BaseURL + "/articles/{articleID}?s={statementID}": the desk opens that
// statement's review there.
func Permalink(r Report, s Statement) string {
	return fmt.Sprintf("%s/articles/%d?s=%d", strings.TrimRight(r.BaseURL, "/"), r.Article.ID, s.ID)
}
