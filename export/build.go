package export

import (
	"time"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// ReportOf turns a stored article and its review into the input of the
// writers, rated on scale.
func ReportOf(a *models.Article, scale *rating.Scale, now time.Time) Report {
	r := Report{
		Article: Article{
			ID: a.ID, Title: a.Title, URL: a.URL, Author: a.Author,
			PublishedAt: a.PublishedAt, CreatedAt: a.CreatedAt, Body: a.Body,
		},
		GeneratedAt: now.UTC(),
		Statements:  make([]Statement, len(a.Statements)),
		Scale:       scale,
	}
	for i := range a.Statements {
		r.Statements[i] = statementOf(&a.Statements[i])
	}
	return r
}

func statementOf(s *models.Statement) Statement {
	es := Statement{
		ID: s.ID, Position: s.Position, Start: s.Start, End: s.End, Text: s.Text,
		Checkable: s.Checkable, Score: s.Score, Reasons: s.Reasons, Type: s.Type,
		Verdict: string(s.Verdict), Note: s.Note, Correction: s.Correction,
		ReviewedAt: s.ReviewedAt,
	}
	if s.Published {
		es.PublicURL = s.PublicURL
	}
	if s.ReviewedBy != nil {
		es.ReviewedBy = s.ReviewedBy.Name
	}
	for _, src := range s.Sources {
		es.Sources = append(es.Sources, Source{
			URL: src.URL, Title: src.Title, Publisher: src.Publisher, Quote: src.Quote, AccessedAt: src.AccessedAt,
		})
	}
	return es
}

// TeamReportOf builds the team report of statements reviewed in
// [from, to); the report names the last day included.
func TeamReportOf(rows []models.StatementRow, from, to time.Time, verdict, reviewer string, scale *rating.Scale, now time.Time) TeamReport {
	t := TeamReport{From: from, To: to.AddDate(0, 0, -1), Verdict: verdict, Reviewer: reviewer, GeneratedAt: now.UTC(),
		Rows: make([]TeamRow, len(rows)), Scale: scale}
	for i := range rows {
		t.Rows[i] = TeamRow{ArticleID: rows[i].ArticleID, ArticleTitle: rows[i].ArticleTitle, Statement: statementOf(&rows[i].Statement)}
	}
	return t
}
