package export

import (
	"fmt"
	"sort"
	"strings"

	"github.com/factcheckdesk/factcheck/rating"
)

// scaleOr is s, or the built-in scale when a report names none.
func scaleOr(s *rating.Scale) *rating.Scale {
	if s == nil {
		return rating.Builtin()
	}
	return s
}

// key is a stored verdict as a rating key; empty means unreviewed.
func key(v string) rating.Key {
	v = strings.TrimSpace(v)
	if v == "" {
		return rating.Unreviewed
	}
	return rating.Key(v)
}

// Verdicts returns the ratings of the scale in display order.
func Verdicts(scale *rating.Scale) []string {
	var out []string
	for _, r := range scaleOr(scale).All() {
		out = append(out, string(r.Key))
	}
	return out
}

// VerdictLabel returns a verdict in words, in lower case as reports use it
// mid-sentence: "unreviewed", "in progress", "verified", "not checkable".
// The empty verdict reads "unreviewed"; one the scale does not know is
// returned with underscores turned into spaces. Every format uses this
// function, so they never disagree.
func VerdictLabel(scale *rating.Scale, v string) string {
	return strings.ToLower(scaleOr(scale).Label(key(v)))
}

// reviewed reports whether the statement has a final rating.
func reviewed(scale *rating.Scale, s Statement) bool { return scaleOr(scale).Final(key(s.Verdict)) }

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
	Reviewed   int // with a final rating
	// ByVerdict lists every rating of the scale in display order (zero
	// counts included), then any unknown verdicts found, sorted.
	ByVerdict []VerdictCount
}

// Summarize counts statements by checkability, review state and verdict.
func Summarize(scale *rating.Scale, stmts []Statement) Summary {
	var sum Summary
	counts := map[string]int{}
	for _, s := range stmts {
		sum.Statements++
		if s.Checkable {
			sum.Checkable++
		}
		if reviewed(scale, s) {
			sum.Reviewed++
		}
		counts[string(key(s.Verdict))]++
	}
	for _, v := range Verdicts(scale) {
		sum.ByVerdict = append(sum.ByVerdict, VerdictCount{v, VerdictLabel(scale, v), counts[v]})
		delete(counts, v)
	}
	var extra []string
	for v := range counts {
		extra = append(extra, v)
	}
	sort.Strings(extra)
	for _, v := range extra {
		sum.ByVerdict = append(sum.ByVerdict, VerdictCount{v, VerdictLabel(scale, v), counts[v]})
	}
	return sum
}

// Permalink is the URL of a statement's review: its public page when it
// is published, else BaseURL + "/articles/{articleID}?s={statementID}",
// where the desk opens that statement's review for those signed in.
func Permalink(r Report, s Statement) string {
	if s.PublicURL != "" {
		return s.PublicURL
	}
	return fmt.Sprintf("%s/articles/%d?s=%d", strings.TrimRight(r.BaseURL, "/"), r.Article.ID, s.ID)
}
