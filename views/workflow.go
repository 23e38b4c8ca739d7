package views

import (
	"context"
	"fmt"
	"strings"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// ApprovalsView is the editors' queue of reviews awaiting approval.
type ApprovalsView struct {
	Items []models.StatementRow
	Me    uint // the viewer, who cannot approve their own reviews
}

// statusLabel is a review status in words.
func statusLabel(s models.ReviewStatus) string {
	switch s {
	case models.ReviewSubmitted:
		return "Awaiting approval"
	case models.ReviewReturned:
		return "Returned"
	case models.ReviewApproved:
		return "Approved"
	}
	return "Open"
}

// statusClass is the CSS class of a status badge.
func statusClass(s models.ReviewStatus) string { return "rs-" + string(s) }

func stepURL(id uint, step string) string { return fmt.Sprintf("/statements/%d/%s", id, step) }

func checkURL(id uint) string { return fmt.Sprintf("/checks/%d", id) }

// ownReview reports whether the user saved the statement's rating, and so
// may not approve it.
func ownReview(s *models.Statement, userID uint) bool {
	return s.ReviewedByID != nil && *s.ReviewedByID == userID
}

// scaleCSSURL is the stylesheet of the scale's colours, versioned by them.
func scaleCSSURL(ctx context.Context) string { return "/scale.css?v=" + scale(ctx).Fingerprint() }

// SettingsView is the settings page: the form as typed, which ratings
// are in use, and the webhooks.
type SettingsView struct {
	Input   models.SettingsInput
	Errors  *models.ValidationError
	Message string
	InUse   map[rating.Key]int64

	Webhooks      []models.Webhook
	Events        []models.WebhookEvent
	NewSecret     string // shown once, right after a webhook is added
	WebhookErrors *models.ValidationError
	WebhookURL    string
}

// rows are the scale's ratings and one blank row to add a rating.
func (v SettingsView) rows() []rating.Rating { return append(v.Input.Ratings, rating.Rating{}) }

func rowName(i int, field string) string { return fmt.Sprintf("r%d_%s", i, field) }

func builtin(k rating.Key) bool { _, ok := rating.Builtin().Lookup(k); return ok }

func valueText(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

func eventsText(es []models.WebhookEvent) string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = string(e)
	}
	return strings.Join(out, ", ")
}
