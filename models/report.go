package models

import (
	"time"

	"github.com/factcheckdesk/factcheck/export"
)

// ReportOf turns an article and its review into the input of the exporters.
func ReportOf(a *Article, now time.Time) export.Report {
	r := export.Report{
		Article: export.Article{
			ID: a.ID, Title: a.Title, URL: a.URL, Author: a.Author,
			PublishedAt: a.PublishedAt, CreatedAt: a.CreatedAt, Body: a.Body,
		},
		GeneratedAt: now.UTC(),
		Statements:  make([]export.Statement, len(a.Statements)),
	}
	for i, s := range a.Statements {
		es := export.Statement{
			ID: s.ID, Position: s.Position, Start: s.Start, End: s.End, Text: s.Text,
			Checkable: s.Checkable, Score: s.Score, Reasons: s.Reasons, Type: s.Type,
			Verdict: string(s.Verdict), Note: s.Note, Correction: s.Correction,
			ReviewedAt: s.ReviewedAt,
		}
		for _, src := range s.Sources {
			es.Sources = append(es.Sources, export.Source{
				URL: src.URL, Title: src.Title, Publisher: src.Publisher, Quote: src.Quote, AccessedAt: src.AccessedAt,
			})
		}
		r.Statements[i] = es
	}
	return r
}
