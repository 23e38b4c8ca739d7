// Package claimreview is schema.org ClaimReview markup: the types the desk
// writes and the checks it runs on any ClaimReview JSON-LD, its own before
// publishing and anyone's with `factcheck claimreview validate`.
//
// What is checked follows schema.org and the fact-check markup guidance
// that Fact Check Explorer and the Fact Check Tools API read: a review
// needs the page it is published on (url), the claim (claimReviewed), a
// rating in words (reviewRating.alternateName) and, when given, a
// ratingValue inside its own best and worst; the desk also insists on the
// author and the date, which readers of the markup rely on.
package claimreview

import (
	"strings"
	"unicode/utf8"
)

// MaxClaimReviewed is the longest claimReviewed the desk writes or
// accepts, in characters: a claim summary, not an article. Longer
// statements are shortened at a word boundary (see Shorten).
const MaxClaimReviewed = 280

// ClaimReview is one fact-check as JSON-LD. The field order is the order
// of the keys in the output.
type ClaimReview struct {
	Context       string `json:"@context"`
	Type          string `json:"@type"`
	URL           string `json:"url"`
	ClaimReviewed string `json:"claimReviewed"`
	ReviewRating  Rating `json:"reviewRating"`
	ItemReviewed  Claim  `json:"itemReviewed"`
	Author        Thing  `json:"author"`
	DatePublished string `json:"datePublished,omitempty"`
}

// Rating is the verdict: a value on the publisher's scale and its name.
type Rating struct {
	Type          string `json:"@type"`
	RatingValue   int    `json:"ratingValue"`
	BestRating    int    `json:"bestRating"`
	WorstRating   int    `json:"worstRating"`
	AlternateName string `json:"alternateName"`
}

// Claim is what was reviewed: who said it, when, and where it appeared.
type Claim struct {
	Type          string       `json:"@type"`
	Author        *Thing       `json:"author,omitempty"`
	DatePublished string       `json:"datePublished,omitempty"`
	Appearance    []Appearance `json:"appearance,omitempty"`
}

// Thing is a person or an organisation.
type Thing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
	Logo string `json:"logo,omitempty"`
}

// Appearance is a work the claim appeared in.
type Appearance struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

// Input is what a ClaimReview is made from.
type Input struct {
	URL       string // the public page of the review
	Claim     string // the statement; white space is collapsed and long ones shortened
	Value     int    // ratingValue, between Worst and Best
	Best      int
	Worst     int
	Rating    string // alternateName
	Published string // YYYY-MM-DD, or empty

	Org                       Thing // the fact-checker; Type defaults to Organization
	ClaimAuthor               string
	ClaimAuthorIsOrganization bool
	ClaimDate                 string // YYYY-MM-DD, or empty
	Appearance                string // the article's URL, or empty
}

// New builds a ClaimReview. Fields whose source is empty are left out
// rather than invented.
func New(in Input) ClaimReview {
	org := in.Org
	org.Name = OneLine(org.Name)
	if org.Type == "" {
		org.Type = "Organization"
	}
	cr := ClaimReview{
		Context:       "https://schema.org",
		Type:          "ClaimReview",
		URL:           in.URL,
		ClaimReviewed: Shorten(in.Claim),
		ReviewRating: Rating{Type: "Rating", RatingValue: in.Value, BestRating: in.Best, WorstRating: in.Worst,
			AlternateName: in.Rating},
		ItemReviewed:  Claim{Type: "Claim", DatePublished: in.ClaimDate},
		Author:        org,
		DatePublished: in.Published,
	}
	if a := OneLine(in.ClaimAuthor); a != "" {
		typ := "Person"
		if in.ClaimAuthorIsOrganization {
			typ = "Organization"
		}
		cr.ItemReviewed.Author = &Thing{Type: typ, Name: a}
	}
	if u := strings.TrimSpace(in.Appearance); u != "" {
		cr.ItemReviewed.Appearance = []Appearance{{Type: "CreativeWork", URL: u}}
	}
	return cr
}

// OneLine collapses runs of white space into single spaces and trims.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// Shorten is s on one line, cut at a word boundary to at most
// MaxClaimReviewed characters (an ellipsis included) when it is longer.
func Shorten(s string) string {
	s = OneLine(s)
	if utf8.RuneCountInString(s) <= MaxClaimReviewed {
		return s
	}
	cut := []rune(s)[:MaxClaimReviewed-1]
	if i := strings.LastIndexByte(string(cut), ' '); i > MaxClaimReviewed/2 {
		return strings.TrimRight(string(cut)[:i], " ,;:–—-") + "…"
	}
	return string(cut) + "…"
}
