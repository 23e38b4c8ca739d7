// Package rating is the desk's rating scale: the verdicts a reviewer can
// give, what each means for the work (final, or still open; the evidence it
// needs) and how it is shown and published.
//
// It is the one definition every other package reads: the store's
// validation and its SQL filters (as parameters), the views and the
// exports. They ask a *Scale, never a list of their own, so a scale a desk
// defines for itself replaces the built-in one without touching them.
package rating

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"strings"
)

// Key names a rating; it is what the desk stores as a statement's verdict.
type Key string

// The built-in ratings. Every scale has them, with these rules.
const (
	Unreviewed   Key = "unreviewed"
	InProgress   Key = "in_progress"
	Verified     Key = "verified"
	Disputed     Key = "disputed"
	Corrected    Key = "corrected"
	NotCheckable Key = "not_checkable"
)

// Rating is one step of a scale.
type Rating struct {
	Key   Key
	Label string // in words for people, capitalised: "Not checkable"
	// Color is a CSS colour for highlights and badges; empty means the
	// desk's stylesheet colour for the key.
	Color string

	// Final ratings count as reviewed: they end the work on a statement.
	Final bool
	// What a reviewer must give with the rating.
	NeedsSource     bool
	NeedsNote       bool
	NeedsCorrection bool

	// Value is the ClaimReview ratingValue, between the scale's Worst and
	// Best; 0 means the rating is not published as a ClaimReview.
	Value int
	// AlternateName is the ClaimReview rating in words.
	AlternateName string

	// Retired ratings are no longer offered for new reviews but are still
	// shown on the statements that have them.
	Retired bool
}

// Scale is an ordered set of ratings. It is immutable once built, so one
// value can be shared by every request.
type Scale struct {
	ratings     []Rating
	index       map[Key]int
	best, worst int
	fingerprint string
}

// Limits on a desk's own scale, so a scale always fits a form and a page.
const (
	MaxRatings     = 40
	MaxLabel       = 60
	MaxAlternative = 100
)

// keyPattern is what a desk's own key may look like: it is stored, sent
// in URLs and used as a CSS class name.
var keyPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

// colorPattern is the only colour form accepted: it goes into a
// stylesheet, so nothing else may get through.
var colorPattern = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// builtin is the desk's scale until it defines its own.
var builtin = []Rating{
	{Key: Unreviewed, Label: "Unreviewed"},
	{Key: InProgress, Label: "In progress"},
	{Key: Verified, Label: "Verified", Final: true, NeedsSource: true, Value: 5, AlternateName: "Accurate"},
	{Key: Disputed, Label: "Disputed", Final: true, NeedsSource: true, NeedsNote: true, Value: 3, AlternateName: "Disputed"},
	{Key: Corrected, Label: "Corrected", Final: true, NeedsSource: true, NeedsCorrection: true, Value: 1, AlternateName: "Incorrect — corrected"},
	{Key: NotCheckable, Label: "Not checkable", Final: true},
}

var builtinScale = mustNew(builtin, 5, 1)

// Builtin returns the built-in scale: the six ratings above, published
// as ClaimReview from 1 (worst) to 5 (best).
func Builtin() *Scale { return builtinScale }

// BuiltinRatings returns a copy of the built-in ratings, for a desk to
// start its own scale from.
func BuiltinRatings() []Rating { return append([]Rating(nil), builtin...) }

// New builds a scale from ratings in display order. Keys must be unique
// and non-empty, and every built-in key must be present with its built-in
// rules (its label, colour and ClaimReview wording may change).
func New(ratings []Rating, best, worst int) (*Scale, error) {
	if best <= worst {
		return nil, fmt.Errorf("rating: best rating %d must be above worst %d", best, worst)
	}
	if len(ratings) > MaxRatings {
		return nil, fmt.Errorf("rating: a scale has at most %d ratings", MaxRatings)
	}
	s := &Scale{ratings: append([]Rating(nil), ratings...), index: make(map[Key]int, len(ratings)), best: best, worst: worst}
	h := fnv.New64a()
	fmt.Fprint(h, best, worst)
	for i, r := range s.ratings {
		switch {
		case r.Key == "":
			return nil, fmt.Errorf("rating: rating %d has no key", i+1)
		case !keyPattern.MatchString(string(r.Key)):
			return nil, fmt.Errorf("rating: the key %s must be lower-case letters, digits and _ (at most 40), starting with a letter", quote(string(r.Key)))
		case strings.TrimSpace(r.Label) == "":
			return nil, fmt.Errorf("rating: %q has no label", r.Key)
		case len(r.Label) > MaxLabel || len(r.AlternateName) > MaxAlternative:
			return nil, fmt.Errorf("rating: the label or ClaimReview name of %q is too long", r.Key)
		case r.Color != "" && !colorPattern.MatchString(r.Color):
			return nil, fmt.Errorf("rating: the colour of %q must look like #1f5fbf", r.Key)
		case r.Value != 0 && (r.Value < worst || r.Value > best):
			return nil, fmt.Errorf("rating: %q has value %d outside %d..%d", r.Key, r.Value, worst, best)
		}
		fmt.Fprintf(h, "|%s|%s|%s", r.Key, r.Color, r.Label)
		if _, dup := s.index[r.Key]; dup {
			return nil, fmt.Errorf("rating: %q appears twice", r.Key)
		}
		s.index[r.Key] = i
	}
	s.fingerprint = fmt.Sprintf("%x", h.Sum64())
	for _, b := range builtin {
		r, ok := s.Lookup(b.Key)
		if !ok {
			return nil, fmt.Errorf("rating: the built-in rating %q is missing", b.Key)
		}
		if r.Final != b.Final || r.NeedsSource != b.NeedsSource || r.NeedsNote != b.NeedsNote ||
			r.NeedsCorrection != b.NeedsCorrection || r.Retired {
			return nil, fmt.Errorf("rating: the rules of the built-in rating %q cannot change", b.Key)
		}
	}
	return s, nil
}

func mustNew(ratings []Rating, best, worst int) *Scale {
	s, err := New(ratings, best, worst)
	if err != nil {
		panic(err)
	}
	return s
}

// All returns every rating in display order, retired ones included.
func (s *Scale) All() []Rating { return append([]Rating(nil), s.ratings...) }

// Offered returns the ratings a reviewer may choose now, in display order.
func (s *Scale) Offered() []Rating { return s.where(func(r Rating) bool { return !r.Retired }) }

// Fingerprint changes whenever a key, label or colour of the scale does:
// it versions the stylesheet of the scale's colours.
func (s *Scale) Fingerprint() string { return s.fingerprint }

// Best is the ClaimReview bestRating of the scale.
func (s *Scale) Best() int { return s.best }

// Worst is the ClaimReview worstRating of the scale.
func (s *Scale) Worst() int { return s.worst }

// Lookup returns the rating with the key.
func (s *Scale) Lookup(k Key) (Rating, bool) {
	i, ok := s.index[k]
	if !ok {
		return Rating{}, false
	}
	return s.ratings[i], true
}

// Of returns the rating with the key, or, for a key the scale does not
// know, an open rating labelled with the key in words, so a statement
// always has something to show.
func (s *Scale) Of(k Key) Rating {
	if r, ok := s.Lookup(k); ok {
		return r
	}
	if k == "" {
		return s.Of(Unreviewed)
	}
	return Rating{Key: k, Label: strings.ReplaceAll(string(k), "_", " ")}
}

// Label is the rating in words.
func (s *Scale) Label(k Key) string { return s.Of(k).Label }

// Final reports whether k counts as reviewed.
func (s *Scale) Final(k Key) bool { return s.Of(k).Final }

// Matchable reports whether a review with k may be reused for the same
// claim elsewhere: it is final and backed by evidence.
func (s *Scale) Matchable(k Key) bool { r := s.Of(k); return r.Final && r.NeedsSource }

// FinalKeys lists the ratings that count as reviewed, for SQL parameters.
func (s *Scale) FinalKeys() []Key { return s.keys(func(r Rating) bool { return r.Final }) }

// OpenKeys lists the ratings of statements still to be reviewed, for SQL
// parameters.
func (s *Scale) OpenKeys() []Key { return s.keys(func(r Rating) bool { return !r.Final }) }

// CorrectionKeys lists the ratings that carry corrected wording: a
// published statement with one is a correction.
func (s *Scale) CorrectionKeys() []Key {
	return s.keys(func(r Rating) bool { return r.NeedsCorrection })
}

// MatchableKeys lists the ratings whose reviews may be reused.
func (s *Scale) MatchableKeys() []Key {
	return s.keys(func(r Rating) bool { return r.Final && r.NeedsSource })
}

func (s *Scale) where(keep func(Rating) bool) []Rating {
	var out []Rating
	for _, r := range s.ratings {
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}

func (s *Scale) keys(keep func(Rating) bool) []Key {
	var out []Key
	for _, r := range s.where(keep) {
		out = append(out, r.Key)
	}
	return out
}

// Evidence is what a reviewer gives with a rating, as far as the rules of
// the scale go.
type Evidence struct {
	Note       string
	Correction string
	Sources    int
	// Previous is the statement's rating before this review: a retired
	// rating may be kept, not newly given.
	Previous Key
}

// Problem is one rule a review breaks, named by the form field to fix.
type Problem struct {
	Field   string
	Message string
}

// Check lists the rules of the scale that giving k with e would break.
func (s *Scale) Check(k Key, e Evidence) []Problem {
	r, ok := s.Lookup(k)
	if !ok {
		var keys []string
		for _, o := range s.Offered() {
			keys = append(keys, string(o.Key))
		}
		return []Problem{{"verdict", "Unknown verdict " + quote(string(k)) + "; use one of " + strings.Join(keys, ", ") + "."}}
	}
	var out []Problem
	if r.Retired && k != e.Previous {
		out = append(out, Problem{"verdict", "The rating " + quote(r.Label) + " is retired; choose another."})
	}
	words := strings.ToLower(r.Label)
	if r.NeedsCorrection && strings.TrimSpace(e.Correction) == "" {
		out = append(out, Problem{"correction", "A " + words + " statement needs the corrected wording."})
	}
	if r.NeedsNote && strings.TrimSpace(e.Note) == "" {
		out = append(out, Problem{"note", "A " + words + " statement needs a note saying what is in dispute."})
	}
	if r.NeedsSource && e.Sources == 0 {
		out = append(out, Problem{"sources", "Add at least one source for a " + words + " verdict."})
	}
	return out
}

// quote shows user input inside a message: clipped, valid UTF-8.
func quote(s string) string {
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return "“" + strings.ToValidUTF8(s, "") + "”"
}
