package views

import (
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/models"
)

func TestPublicWording(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 10, d, 9, 0, 0, 0, time.UTC) }
	published := day(17)
	c := models.PublishedCheck{Claim: "It cost $5m.", Correction: "It cost $7m.", PublishedAt: day(20),
		Article: models.PublishedArticle{Title: "Budget", Outlet: "The Times", PublishedAt: &published}}
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"notice without author or note", CorrectionNotice(c),
			"In “Budget” (The Times, 17 October 2025), the article said: “It cost $5m”. That is wrong. It should read: “It cost $7m”. Corrected on 20 October 2025."},
		{"origin", claimOrigin(c.Article), "“Budget” · The Times · 17 October 2025"},
		{"one update", updateText(models.PublicationUpdate{Changed: []string{"note"}}), "Updated the explanation."},
		{"updates", updateText(models.PublicationUpdate{Was: models.PublishedRating{Label: "Verified"}, Changed: []string{"rating", "correction", "sources"}}),
			"Updated the rating (was Verified), the corrected wording and the sources."},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, tt.got, tt.want)
		}
	}
	// A correction made by a later update is dated by it.
	c.Updates = []models.PublicationUpdate{{At: day(22), Changed: []string{"correction"}}}
	if got := CorrectedOn(c); !got.Equal(day(22)) {
		t.Errorf("corrected on %v", got)
	}
}
