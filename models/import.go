package models

import (
	"strings"
	"time"

	"github.com/factcheckdesk/factcheck/intake"
)

// InputFromDocument turns an imported page or file into an article input.
// A non-empty title overrides the one found in the document.
func InputFromDocument(doc intake.Document, title string) ArticleInput {
	in := ArticleInput{
		Title:    strings.TrimSpace(title),
		Body:     doc.Text,
		URL:      doc.CanonicalURL,
		Author:   doc.Byline,
		SiteName: doc.SiteName,
	}
	if in.Title == "" {
		in.Title = doc.Title
	}
	if in.URL == "" {
		in.URL = doc.URL
	}
	if doc.PublishedAt != nil {
		in.PublishedAt = doc.PublishedAt.UTC().Format(time.RFC3339)
	}
	if len(in.Author) > MaxTitleBytes {
		in.Author = ""
	}
	if len(in.Title) > MaxTitleBytes {
		in.Title = strings.ToValidUTF8(in.Title[:MaxTitleBytes], "")
	}
	return in
}
