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
	for i := range a.Statements {
		r.Statements[i] = exportStatement(&a.Statements[i])
	}
	return r
}

func exportStatement(s *Statement) export.Statement {
	es := export.Statement{
		ID: s.ID, Position: s.Position, Start: s.Start, End: s.End, Text: s.Text,
		Checkable: s.Checkable, Score: s.Score, Reasons: s.Reasons, Type: s.Type,
		Verdict: string(s.Verdict), Note: s.Note, Correction: s.Correction,
		ReviewedAt: s.ReviewedAt,
	}
	if s.ReviewedBy != nil {
		es.ReviewedBy = s.ReviewedBy.Name
	}
	for _, src := range s.Sources {
		es.Sources = append(es.Sources, export.Source{
			URL: src.URL, Title: src.Title, Publisher: src.Publisher, Quote: src.Quote, AccessedAt: src.AccessedAt,
		})
	}
	return es
}

// TeamReportOf builds the team report of statements reviewed in
// [from, to); the report names the last day included.
func TeamReportOf(rows []ReviewedStatement, from, to time.Time, verdict, reviewer string, now time.Time) export.TeamReport {
	t := export.TeamReport{From: from, To: to.AddDate(0, 0, -1), Verdict: verdict, Reviewer: reviewer, GeneratedAt: now.UTC(),
		Rows: make([]export.TeamRow, len(rows))}
	for i := range rows {
		t.Rows[i] = export.TeamRow{ArticleID: rows[i].ArticleID, ArticleTitle: rows[i].ArticleTitle, Statement: exportStatement(&rows[i].Statement)}
	}
	return t
}
