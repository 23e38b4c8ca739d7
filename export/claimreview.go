package export

import (
	"io"
	"strings"

	"github.com/factcheckdesk/factcheck/rating"
)

// ClaimReviewRating maps a verdict to the ClaimReview reviewRating of the
// scale: ratingValue between the scale's Worst and Best, and
// alternateName, the rating in words as fact-check markup shows it. ok is
// false for ratings published as no ClaimReview (in the built-in scale:
// unreviewed, in progress, not checkable, and unknown ones).
func ClaimReviewRating(scale *rating.Scale, verdict string) (value int, alternateName string, ok bool) {
	r := scaleOr(scale).Of(key(verdict))
	if !r.Final || r.Value == 0 {
		return 0, "", false
	}
	return r.Value, r.AlternateName, true
}

type crThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

type crRating struct {
	Type          string `json:"@type"`
	RatingValue   int    `json:"ratingValue"`
	BestRating    int    `json:"bestRating"`
	WorstRating   int    `json:"worstRating"`
	AlternateName string `json:"alternateName"`
}

type crAppearance struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

type crClaim struct {
	Type          string         `json:"@type"`
	Author        *crThing       `json:"author,omitempty"`
	DatePublished string         `json:"datePublished,omitempty"`
	Appearance    []crAppearance `json:"appearance,omitempty"`
}

type claimReview struct {
	Context       string   `json:"@context"`
	Type          string   `json:"@type"`
	URL           string   `json:"url"`
	ClaimReviewed string   `json:"claimReviewed"`
	ReviewRating  crRating `json:"reviewRating"`
	ItemReviewed  crClaim  `json:"itemReviewed"`
	Author        crThing  `json:"author"`
	DatePublished string   `json:"datePublished,omitempty"`
}

// ClaimReview writes schema.org ClaimReview JSON-LD as a JSON array with
// one self-contained ClaimReview object (each with its own "@context") per
// statement whose verdict is verified, disputed or corrected, in document
// order; other statements are skipped and no eligible statement gives "[]".
// Each object has:
//
//	"@context": "https://schema.org", "@type": "ClaimReview",
//	"url":           Permalink (BaseURL + "/articles/{id}?s={statement id}"),
//	"claimReviewed": the statement text (white space collapsed),
//	"reviewRating":  {"@type": "Rating", "ratingValue", "bestRating": 5,
//	                  "worstRating": 1, "alternateName"} (see ClaimReviewRating),
//	"itemReviewed":  {"@type": "Claim",
//	                  "author": {"@type": "Person"|"Organization", "name": Article.Author},
//	                  "datePublished": Article.PublishedAt (YYYY-MM-DD),
//	                  "appearance": [{"@type": "CreativeWork", "url": Article.URL}]},
//	"author":        {"@type": "Organization", "name": Organization, "url": BaseURL},
//	"datePublished": the statement's ReviewedAt (YYYY-MM-DD).
//
// Fields whose source is empty (no article author, published date, URL or
// review date) are left out rather than invented. "<", ">" and "&" are
// \u-escaped, so the output can go straight into
// <script type="application/ld+json">.
func ClaimReview(w io.Writer, r Report) error {
	out := []claimReview{}
	for _, s := range r.Statements {
		value, name, ok := ClaimReviewRating(r.Scale, s.Verdict)
		if !ok {
			continue
		}
		cr := claimReview{
			Context:       "https://schema.org",
			Type:          "ClaimReview",
			URL:           Permalink(r, s),
			ClaimReviewed: oneLine(s.Text),
			ReviewRating: crRating{
				Type:          "Rating",
				RatingValue:   value,
				BestRating:    scaleOr(r.Scale).Best(),
				WorstRating:   scaleOr(r.Scale).Worst(),
				AlternateName: name,
			},
			ItemReviewed: crClaim{
				Type:          "Claim",
				DatePublished: isoDate(r.Article.PublishedAt),
			},
			Author: crThing{
				Type: "Organization",
				Name: oneLine(r.Organization),
				URL:  strings.TrimRight(r.BaseURL, "/"),
			},
			DatePublished: isoDate(s.ReviewedAt),
		}
		if a := oneLine(r.Article.Author); a != "" {
			typ := "Person"
			if r.Article.AuthorIsOrganization {
				typ = "Organization"
			}
			cr.ItemReviewed.Author = &crThing{Type: typ, Name: a}
		}
		if u := strings.TrimSpace(r.Article.URL); u != "" {
			cr.ItemReviewed.Appearance = []crAppearance{{Type: "CreativeWork", URL: u}}
		}
		out = append(out, cr)
	}
	return encodeJSON(w, out)
}
