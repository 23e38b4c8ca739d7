package export

import (
	"io"
	"strings"

	"github.com/factcheckdesk/factcheck/claimreview"
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

// ClaimReview writes schema.org ClaimReview JSON-LD as a JSON array with
// one self-contained ClaimReview object (each with its own "@context") per
// statement whose verdict is verified, disputed or corrected, in document
// order; other statements are skipped and no eligible statement gives "[]".
// Each object has:
//
//	"@context": "https://schema.org", "@type": "ClaimReview",
//	"url":           Permalink: the public page of a published check, else
//	                 BaseURL + "/articles/{id}?s={statement id}",
//	"claimReviewed": the statement text (white space collapsed, long ones
//	                 shortened: claimreview.Shorten),
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
	out := []claimreview.ClaimReview{}
	for _, s := range r.Statements {
		value, name, ok := ClaimReviewRating(r.Scale, s.Verdict)
		if !ok {
			continue
		}
		out = append(out, claimreview.New(claimreview.Input{
			URL: Permalink(r, s), Claim: s.Text,
			Value: value, Best: scaleOr(r.Scale).Best(), Worst: scaleOr(r.Scale).Worst(), Rating: name,
			Published:   isoDate(s.ReviewedAt),
			Org:         claimreview.Thing{Name: r.Organization, URL: strings.TrimRight(r.BaseURL, "/")},
			ClaimAuthor: r.Article.Author, ClaimAuthorIsOrganization: r.Article.AuthorIsOrganization,
			ClaimDate: isoDate(r.Article.PublishedAt), Appearance: r.Article.URL,
		}))
	}
	return encodeJSON(w, out)
}
