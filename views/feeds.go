package views

import (
	"encoding/json"
	"html"
	"io"
	"strconv"

	"github.com/gorilla/feeds"

	"github.com/factcheckdesk/factcheck/claimreview"
	"github.com/factcheckdesk/factcheck/models"
)

// The corrections log as feeds: Atom (RFC 4287), written by
// gorilla/feeds, and JSON Feed 1.1, with gorilla/feeds' JSON Feed types
// filled in here so the feed carries its own URL and language. Both are
// made from what was published alone, and say when each correction was
// made, so the same log always gives the same bytes.

// CorrectionsFeed is the corrections log for a feed reader.
type CorrectionsFeed struct {
	Site  Site
	Items []models.PublishedCheck // newest first
}

func (f CorrectionsFeed) abs(path string) string { return f.Site.BaseURL + path }

func (f CorrectionsFeed) generic() *feeds.Feed {
	out := &feeds.Feed{
		Title:       f.Site.OrgName + ": corrections",
		Link:        &feeds.Link{Href: f.abs("/corrections")},
		Description: "Every correction " + f.Site.OrgName + " has published: what was wrong, what is right, and when.",
		Author:      &feeds.Author{Name: f.Site.OrgName},
		Id:          f.abs("/corrections"),
	}
	for i, c := range f.Items {
		when := CorrectedOn(c)
		if i == 0 {
			out.Updated = when
		}
		notice := CorrectionNotice(c)
		out.Items = append(out.Items, &feeds.Item{
			Id:          f.abs(checkPath(c)),
			Title:       "Correction: " + claimreview.Shorten(c.Claim),
			Link:        &feeds.Link{Href: f.abs(checkPath(c))},
			Description: html.EscapeString(notice),
			Content:     "<p>" + html.EscapeString(notice) + "</p>",
			Author:      &feeds.Author{Name: f.Site.OrgName},
			Created:     c.PublishedAt,
			Updated:     when,
		})
	}
	return out
}

// CorrectionsAtom writes the log as an Atom feed.
func CorrectionsAtom(w io.Writer, f CorrectionsFeed) error { return f.generic().WriteAtom(w) }

// CorrectionsJSONFeed writes the log as a JSON Feed 1.1.
func CorrectionsJSONFeed(w io.Writer, f CorrectionsFeed) error {
	out := &feeds.JSONFeed{
		Version:     "https://jsonfeed.org/version/1.1",
		Title:       f.Site.OrgName + ": corrections",
		HomePageUrl: f.abs("/corrections"),
		FeedUrl:     f.abs("/corrections.json"),
		Description: "Every correction " + f.Site.OrgName + " has published: what was wrong, what is right, and when.",
		Language:    "en",
		Authors:     []*feeds.JSONAuthor{{Name: f.Site.OrgName, Url: f.Site.BaseURL}},
		Items:       []*feeds.JSONItem{},
	}
	for _, c := range f.Items {
		published, updated := c.PublishedAt.UTC(), CorrectedOn(c).UTC()
		out.Items = append(out.Items, &feeds.JSONItem{
			Id: strconv.FormatUint(uint64(c.StatementID), 10), Url: f.abs(checkPath(c)),
			Title: "Correction: " + claimreview.Shorten(c.Claim), ContentText: CorrectionNotice(c),
			PublishedDate: &published, ModifiedDate: &updated,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// gorilla/feeds leaves out an empty item list; JSON Feed requires it.
	return enc.Encode(struct {
		*feeds.JSONFeed
		Items []*feeds.JSONItem `json:"items"`
	}{out, out.Items})
}
