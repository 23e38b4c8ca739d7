package claimreview

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func valid() ClaimReview {
	return New(Input{URL: "https://checks.example.org/checks/3", Claim: "  Tomahawks fly at\nsupersonic speed. ",
		Value: 1, Best: 5, Worst: 1, Rating: "False", Published: "2025-10-20",
		Org:         Thing{Name: "Desk Fact Check", URL: "https://checks.example.org"},
		ClaimAuthor: "Al Jazeera Staff", ClaimDate: "2025-10-17", Appearance: "https://www.aljazeera.com/news/x"})
}

func TestNewTrimsTheClaim(t *testing.T) {
	if got := valid().ClaimReviewed; got != "Tomahawks fly at supersonic speed." {
		t.Errorf("claimReviewed = %q", got)
	}
	long := strings.Repeat("word ", 100)
	s := Shorten(long)
	if n := utf8.RuneCountInString(s); n > MaxClaimReviewed || !strings.HasSuffix(s, "word…") {
		t.Errorf("shortened to %d characters: %q", n, s)
	}
}

func TestValidate(t *testing.T) {
	change := func(f func(m map[string]any)) string {
		b, _ := json.Marshal(valid())
		var m map[string]any
		json.Unmarshal(b, &m)
		f(m)
		out, _ := json.Marshal(m)
		return string(out)
	}
	rating := func(m map[string]any) map[string]any { return m["reviewRating"].(map[string]any) }
	tests := []struct {
		name   string
		doc    string
		fields []string // the errors expected, in order
	}{
		{"valid", change(func(map[string]any) {}), nil},
		{"relative url", change(func(m map[string]any) { m["url"] = "/checks/3" }), []string{"url"}},
		{"no claim", change(func(m map[string]any) { delete(m, "claimReviewed") }), []string{"claimReviewed"}},
		{"untrimmed claim", change(func(m map[string]any) { m["claimReviewed"] = " x " }), []string{"claimReviewed"}},
		{"long claim", change(func(m map[string]any) { m["claimReviewed"] = strings.Repeat("a", MaxClaimReviewed+1) }), []string{"claimReviewed"}},
		{"rating off the scale", change(func(m map[string]any) { rating(m)["ratingValue"] = 7 }), []string{"reviewRating.ratingValue"}},
		{"no rating name", change(func(m map[string]any) { delete(rating(m), "alternateName") }), []string{"reviewRating.alternateName"}},
		{"best below worst", change(func(m map[string]any) { rating(m)["bestRating"] = 0 }), []string{"reviewRating.bestRating"}},
		{"no author", change(func(m map[string]any) { delete(m, "author") }), []string{"author"}},
		{"bad date", change(func(m map[string]any) { m["datePublished"] = "20/10/2025" }), []string{"datePublished"}},
		{"wrong context", change(func(m map[string]any) { m["@context"] = "https://example.org" }), []string{"@context"}},
		{"relative appearance", change(func(m map[string]any) {
			m["itemReviewed"].(map[string]any)["appearance"] = []any{map[string]any{"@type": "CreativeWork", "url": "x"}}
		}), []string{"itemReviewed.appearance[0].url"}},
		{"string rating value in range", change(func(m map[string]any) { rating(m)["ratingValue"] = "2" }), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, problems, err := Validate([]byte(tt.doc))
			if err != nil || n != 1 {
				t.Fatalf("%d reviews, %v", n, err)
			}
			var got []string
			for _, p := range Errors(problems) {
				got = append(got, p.Field)
			}
			if strings.Join(got, " ") != strings.Join(tt.fields, " ") {
				t.Errorf("errors on %v, want %v (%v)", got, tt.fields, problems)
			}
		})
	}
}

// Any JSON-LD: an array, a @graph, or an HTML page carrying it.
func TestValidateFinds(t *testing.T) {
	one, _ := json.Marshal(valid())
	docs := map[string]string{
		"array": "[" + string(one) + "," + string(one) + "]",
		"graph": `{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},` + strings.Replace(string(one), `"@context":"https://schema.org",`, "", 1) + `]}`,
		"html":  `<!doctype html><html><head><script type="application/ld+json">` + string(one) + `</script></head><body><script>var x = 1 < 2;</script></body></html>`,
	}
	want := map[string]int{"array": 2, "graph": 1, "html": 1}
	for name, doc := range docs {
		n, problems, err := Validate([]byte(doc))
		if err != nil || n != want[name] || len(Errors(problems)) != 0 {
			t.Errorf("%s: %d reviews, %v, %v", name, n, problems, err)
		}
	}
	if _, _, err := Validate([]byte(`{"@type":"Article"}`)); err != ErrNone {
		t.Errorf("no ClaimReview: %v", err)
	}
	if _, _, err := Validate([]byte(`{"@type":`)); err == nil {
		t.Error("broken JSON accepted")
	}
}
