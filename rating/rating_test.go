package rating

import (
	"slices"
	"strings"
	"testing"
)

func TestBuiltinRules(t *testing.T) {
	s := Builtin()
	if got := s.FinalKeys(); !slices.Equal(got, []Key{Verified, Disputed, Corrected, NotCheckable}) {
		t.Errorf("final = %v", got)
	}
	if got := s.OpenKeys(); !slices.Equal(got, []Key{Unreviewed, InProgress}) {
		t.Errorf("open = %v", got)
	}
	if got := s.MatchableKeys(); !slices.Equal(got, []Key{Verified, Disputed, Corrected}) {
		t.Errorf("matchable = %v", got)
	}
	if s.Label("") != "Unreviewed" || s.Label("half_true") != "half true" || s.Final("half_true") {
		t.Errorf("unknown keys: %q %q %v", s.Label(""), s.Label("half_true"), s.Final("half_true"))
	}
	if s.Best() != 5 || s.Worst() != 1 || s.Of(Corrected).Value != 1 || s.Of(Verified).AlternateName != "Accurate" {
		t.Errorf("ClaimReview values: %+v", s.Of(Corrected))
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		key  Key
		ev   Evidence
		want []string // fields, in order
	}{
		{"unknown", "true-ish", Evidence{}, []string{"verdict"}},
		{"unreviewed needs nothing", Unreviewed, Evidence{}, nil},
		{"verified needs a source", Verified, Evidence{}, []string{"sources"}},
		{"verified with a source", Verified, Evidence{Sources: 1}, nil},
		{"disputed needs a note and a source", Disputed, Evidence{Note: "  "}, []string{"note", "sources"}},
		{"corrected needs wording and a source", Corrected, Evidence{Note: "n"}, []string{"correction", "sources"}},
		{"not checkable needs nothing", NotCheckable, Evidence{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range Builtin().Check(tt.key, tt.ev) {
				got = append(got, p.Field)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems on %v, want %v", got, tt.want)
			}
		})
	}
	p := Builtin().Check(Verified, Evidence{})
	if p[0].Message != "Add at least one source for a verified verdict." {
		t.Errorf("message = %q", p[0].Message)
	}
	p = Builtin().Check("x<y", Evidence{})
	if !strings.Contains(p[0].Message, "use one of unreviewed, in_progress, verified, disputed, corrected, not_checkable") {
		t.Errorf("message = %q", p[0].Message)
	}
}

// A desk's own scale relabels the built-in ratings and adds its own; a
// retired rating is kept on old reviews but not given anew.
func TestDeskScale(t *testing.T) {
	ratings := BuiltinRatings()
	ratings[2].Label = "True"
	ratings = append(ratings,
		Rating{Key: "misleading", Label: "Misleading", Final: true, NeedsSource: true, NeedsNote: true, Value: 2, AlternateName: "Misleading"},
		Rating{Key: "half_true", Label: "Half true", Final: true, NeedsSource: true, Value: 3, Retired: true})
	s, err := New(ratings, 5, 1)
	if err != nil {
		t.Fatal(err)
	}
	if s.Label(Verified) != "True" || !s.Final("misleading") || !slices.Contains(s.FinalKeys(), "misleading") || !s.Matchable("misleading") {
		t.Errorf("desk ratings not in the rules: %+v", s.Of("misleading"))
	}
	if got := Builtin().Label(Verified); got != "Verified" {
		t.Errorf("the built-in scale changed: %q", got)
	}
	if p := s.Check("misleading", Evidence{Sources: 1}); len(p) != 1 || p[0].Message != "A misleading statement needs a note saying what is in dispute." {
		t.Errorf("misleading without note: %+v", p)
	}
	if p := s.Check("half_true", Evidence{Sources: 1}); len(p) != 1 || p[0].Field != "verdict" {
		t.Errorf("a retired rating was accepted anew: %+v", p)
	}
	if p := s.Check("half_true", Evidence{Sources: 1, Previous: "half_true"}); len(p) != 0 {
		t.Errorf("keeping a retired rating was refused: %+v", p)
	}
	for _, k := range s.Offered() {
		if k.Key == "half_true" {
			t.Error("a retired rating is offered")
		}
	}
}

func TestNewRefusesBrokenScales(t *testing.T) {
	change := func(f func([]Rating) []Rating) []Rating { return f(BuiltinRatings()) }
	tests := map[string][]Rating{
		"missing built-in": change(func(r []Rating) []Rating { return r[1:] }),
		"duplicate key":    change(func(r []Rating) []Rating { return append(r, r[0]) }),
		"built-in rule":    change(func(r []Rating) []Rating { r[2].NeedsSource = false; return r }),
		"retired built-in": change(func(r []Rating) []Rating { r[0].Retired = true; return r }),
		"no label":         change(func(r []Rating) []Rating { return append(r, Rating{Key: "x"}) }),
		"value off scale":  change(func(r []Rating) []Rating { return append(r, Rating{Key: "x", Label: "X", Value: 9}) }),
	}
	for name, ratings := range tests {
		if _, err := New(ratings, 5, 1); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := New(BuiltinRatings(), 1, 5); err == nil {
		t.Error("best below worst: accepted")
	}
}
