package claimreview

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Problem is one thing wrong with a ClaimReview, or worth improving when
// Warning is set.
type Problem struct {
	Item    int    // which ClaimReview of the document, from 1
	Field   string // its path, as in "reviewRating.ratingValue"
	Message string
	Warning bool // recommended, not required
}

func (p Problem) String() string {
	kind := "error"
	if p.Warning {
		kind = "warning"
	}
	return fmt.Sprintf("ClaimReview %d: %s: %s: %s", p.Item, kind, p.Field, p.Message)
}

// Errors keeps the problems that are not warnings.
func Errors(ps []Problem) []Problem {
	var out []Problem
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p)
		}
	}
	return out
}

// ErrNone says a document holds no ClaimReview at all.
var ErrNone = errors.New("no ClaimReview found")

// Validate checks every ClaimReview in doc: JSON-LD (one object, an array
// or an "@graph") or an HTML page carrying it in
// <script type="application/ld+json"> elements. It returns how many
// reviews it found and their problems; the error is for a document that
// cannot be read or holds no ClaimReview.
func Validate(doc []byte) (int, []Problem, error) {
	blocks := [][]byte{doc}
	if t := bytes.TrimSpace(doc); len(t) > 0 && t[0] == '<' {
		blocks = scripts(doc)
	}
	var reviews []node
	for i, b := range blocks {
		var v any
		d := json.NewDecoder(bytes.NewReader(b))
		d.UseNumber()
		if err := d.Decode(&v); err != nil {
			return 0, nil, fmt.Errorf("JSON-LD block %d is not valid JSON: %w", i+1, err)
		}
		collect(v, "", &reviews)
	}
	if len(reviews) == 0 {
		return 0, nil, ErrNone
	}
	var out []Problem
	for i, r := range reviews {
		out = append(out, check(i+1, r)...)
	}
	return len(reviews), out, nil
}

// scripts returns the contents of the page's JSON-LD script elements.
func scripts(page []byte) [][]byte {
	var out [][]byte
	z := html.NewTokenizer(bytes.NewReader(page))
	in := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			t := z.Token()
			in = false
			if t.DataAtom == atom.Script {
				for _, a := range t.Attr {
					if a.Key == "type" && strings.EqualFold(strings.TrimSpace(a.Val), "application/ld+json") {
						in = true
					}
				}
			}
		case html.TextToken:
			if in {
				out = append(out, append([]byte(nil), z.Text()...))
			}
		case html.EndTagToken:
			in = false
		}
	}
}

// node is a JSON-LD object with the @context it is read in.
type node struct {
	fields  map[string]any
	context string
}

// collect finds ClaimReview objects in v: itself, an array's items, a
// "@graph".
func collect(v any, context string, out *[]node) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collect(e, context, out)
		}
	case map[string]any:
		if c, ok := x["@context"].(string); ok {
			context = c
		}
		if isType(x, "ClaimReview") {
			*out = append(*out, node{x, context})
			return
		}
		if g, ok := x["@graph"]; ok {
			collect(g, context, out)
		}
	}
}

// isType reports whether the object's @type is (or includes) t.
func isType(m map[string]any, t string) bool {
	switch x := m["@type"].(type) {
	case string:
		return trimSchema(x) == t
	case []any:
		for _, e := range x {
			if s, ok := e.(string); ok && trimSchema(s) == t {
				return true
			}
		}
	}
	return false
}

func trimSchema(s string) string {
	for _, p := range []string{"https://schema.org/", "http://schema.org/", "schema:"} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// checker collects the problems of one ClaimReview.
type checker struct {
	item int
	out  []Problem
}

func (c *checker) bad(field, format string, args ...any) {
	c.out = append(c.out, Problem{Item: c.item, Field: field, Message: fmt.Sprintf(format, args...)})
}

func (c *checker) advise(field, format string, args ...any) {
	c.out = append(c.out, Problem{Item: c.item, Field: field, Message: fmt.Sprintf(format, args...), Warning: true})
}

func check(item int, n node) []Problem {
	c := &checker{item: item}
	switch strings.TrimRight(n.context, "/") {
	case "https://schema.org", "http://schema.org":
	default:
		c.bad("@context", "must be https://schema.org")
	}
	c.absoluteURL("url", n.fields["url"], true)
	claim, _ := n.fields["claimReviewed"].(string)
	switch {
	case strings.TrimSpace(claim) == "":
		c.bad("claimReviewed", "is required: a short summary of the claim reviewed")
	case claim != OneLine(claim):
		c.bad("claimReviewed", "has surrounding or repeated white space; write it on one line, trimmed")
	case utf8.RuneCountInString(claim) > MaxClaimReviewed:
		c.bad("claimReviewed", "is %d characters long; keep it to %d", utf8.RuneCountInString(claim), MaxClaimReviewed)
	}
	c.rating(first(n.fields["reviewRating"]))
	c.author("author", first(n.fields["author"]), true)
	c.date("datePublished", n.fields["datePublished"], true)
	c.claim(first(n.fields["itemReviewed"]))
	return c.out
}

// first is v, or the first item when v is an array.
func first(v any) any {
	if a, ok := v.([]any); ok {
		if len(a) == 0 {
			return nil
		}
		return a[0]
	}
	return v
}

func (c *checker) absoluteURL(field string, v any, required bool) {
	s, ok := v.(string)
	if !ok || strings.TrimSpace(s) == "" {
		if required {
			c.bad(field, "is required: an absolute http(s) URL")
		}
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || s != strings.TrimSpace(s) {
		c.bad(field, "must be an absolute http(s) URL, not %q", clip(s))
	}
}

func (c *checker) date(field string, v any, required bool) {
	s, ok := v.(string)
	if !ok || s == "" {
		if required {
			c.bad(field, "is required: a date such as 2025-10-20")
		}
		return
	}
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return
	}
	if _, err := time.Parse(time.RFC3339, s); err == nil {
		return
	}
	c.bad(field, "must be an ISO 8601 date such as 2025-10-20, not %q", clip(s))
}

func (c *checker) rating(v any) {
	r, ok := v.(map[string]any)
	if !ok {
		c.bad("reviewRating", "is required: a Rating with alternateName and ratingValue")
		return
	}
	if !isType(r, "Rating") {
		c.bad("reviewRating.@type", "must be Rating")
	}
	if name, _ := r["alternateName"].(string); strings.TrimSpace(name) == "" {
		c.bad("reviewRating.alternateName", "is required: the rating in words, such as \"False\"")
	}
	best, okBest := number(r["bestRating"])
	worst, okWorst := number(r["worstRating"])
	if !okBest {
		best = 5 // schema.org's defaults
	}
	if !okWorst {
		worst = 1
	}
	if best <= worst {
		c.bad("reviewRating.bestRating", "must be above worstRating (%g ≤ %g)", best, worst)
		return
	}
	value, ok := number(r["ratingValue"])
	switch {
	case r["ratingValue"] == nil:
		c.advise("reviewRating.ratingValue", "is recommended: the rating as a number between worstRating and bestRating")
	case !ok:
		c.bad("reviewRating.ratingValue", "must be a number")
	case value < worst || value > best:
		c.bad("reviewRating.ratingValue", "%g is outside the scale %g to %g", value, worst, best)
	}
	if !okBest || !okWorst {
		c.advise("reviewRating.bestRating", "bestRating and worstRating are recommended, so readers know the scale")
	}
}

// number reads a JSON number, or a string holding one.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil
	}
	return 0, false
}

func (c *checker) author(field string, v any, required bool) {
	a, ok := v.(map[string]any)
	if !ok {
		if required {
			c.bad(field, "is required: the Organization (or Person) that wrote the review, with its name")
		} else if v != nil {
			c.bad(field, "must be a Person or Organization with a name")
		}
		return
	}
	if !isType(a, "Organization") && !isType(a, "Person") {
		c.bad(field+".@type", "must be Organization or Person")
	}
	if name, _ := a["name"].(string); strings.TrimSpace(name) == "" {
		c.bad(field+".name", "is required")
	}
	if u, ok := a["url"]; ok {
		c.absoluteURL(field+".url", u, false)
	}
	if l, ok := a["logo"].(string); ok {
		c.absoluteURL(field+".logo", l, false)
	}
}

func (c *checker) claim(v any) {
	cl, ok := v.(map[string]any)
	if !ok {
		c.bad("itemReviewed", "is required: the Claim reviewed, with where it appeared")
		return
	}
	if !isType(cl, "Claim") {
		c.bad("itemReviewed.@type", "must be Claim")
	}
	if a, ok := cl["author"]; ok {
		c.author("itemReviewed.author", first(a), false)
	}
	c.date("itemReviewed.datePublished", cl["datePublished"], false)
	apps, _ := cl["appearance"].([]any)
	if a, ok := cl["appearance"].(map[string]any); ok {
		apps = []any{a}
	}
	if len(apps) == 0 {
		c.advise("itemReviewed.appearance", "is recommended: the URL of the work the claim appeared in")
	}
	for i, a := range apps {
		field := fmt.Sprintf("itemReviewed.appearance[%d].url", i)
		switch x := a.(type) {
		case map[string]any:
			c.absoluteURL(field, x["url"], true)
		case string:
			c.absoluteURL(field, x, true)
		default:
			c.bad(field, "must be a CreativeWork with a url")
		}
	}
}

func clip(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		return string([]rune(s)[:60]) + "…"
	}
	return s
}
