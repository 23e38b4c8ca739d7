package export

import (
	"encoding/json"
	"fmt"

	"github.com/factcheckdesk/factcheck/claimreview"
	"github.com/factcheckdesk/factcheck/models"
)

// CheckClaimReview is the ClaimReview of a published check: its url is
// the check's public page, its author the desk's organisation and its
// rating the one published, on the scale it was published on.
func CheckClaimReview(c models.PublishedCheck, s models.Settings) claimreview.ClaimReview {
	return claimreview.New(claimreview.Input{
		URL: s.PublicURL(c.StatementID), Claim: c.Claim,
		Value: c.Rating.Value, Best: c.Rating.Best, Worst: c.Rating.Worst, Rating: c.Rating.AlternateName,
		Published:   c.PublishedAt.UTC().Format("2006-01-02"),
		Org:         claimreview.Thing{Name: s.OrgName, URL: s.BaseURL, Logo: s.OrgLogoURL},
		ClaimAuthor: c.Article.Author, ClaimDate: isoDate(c.Article.PublishedAt), Appearance: c.Article.URL,
	})
}

// ClaimReviewJSON is the ClaimReview as JSON, safe inside a
// <script type="application/ld+json"> element: "<", ">" and "&" are
// \u-escaped, so no text in it can close the element.
func ClaimReviewJSON(cr claimreview.ClaimReview) (string, error) {
	b, err := json.Marshal(cr)
	return string(b), err
}

// CheckPublishable validates the ClaimReview a check would publish and
// names what is missing or wrong, as field problems.
func CheckPublishable(c models.PublishedCheck, s models.Settings) error {
	if c.Rating.Value == 0 {
		return models.Invalid(models.FieldError{Field: "rating",
			Message: fmt.Sprintf("The rating %q is not published as a ClaimReview (it has no rating value); give it one in Settings to publish it.", c.Rating.Label)})
	}
	b, err := json.Marshal(CheckClaimReview(c, s))
	if err != nil {
		return err
	}
	_, problems, err := claimreview.Validate(b)
	if err != nil {
		return err
	}
	var fields []models.FieldError
	for _, p := range claimreview.Errors(problems) {
		fields = append(fields, models.FieldError{Field: "claimreview." + p.Field, Message: fmt.Sprintf("The ClaimReview's %s %s.", p.Field, p.Message)})
	}
	if len(fields) == 0 {
		return nil
	}
	return models.Invalid(fields...)
}
