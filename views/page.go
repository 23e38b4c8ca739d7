// Package views renders the desk's pages and htmx fragments with templ.
package views

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/factcheckdesk/factcheck/models"
)

// Page is what every full page needs from the request.
type Page struct {
	Title string
	CSRF  string
}

// ArticleForm is the new-article form with the user's input and problems.
type ArticleForm struct {
	Input  models.ArticleInput
	Errors *models.ValidationError
}

// ReviewForm is the review panel of one statement.
type ReviewForm struct {
	Statement *models.Statement // as stored
	Input     models.ReviewInput
	Errors    *models.ValidationError
	// Conflict is the statement as someone else saved it while the
	// reviewer was editing; Input then holds what the reviewer typed.
	Conflict *models.Statement
	Saved    bool
}

// NewReviewForm fills the panel from the stored statement.
func NewReviewForm(s *models.Statement) ReviewForm {
	in := models.ReviewInput{Verdict: s.Verdict, Note: s.Note, Correction: s.Correction, Version: s.Version}
	for _, src := range s.Sources {
		in.Sources = append(in.Sources, models.SourceInput{URL: src.URL, Title: src.Title, Publisher: src.Publisher, Quote: src.Quote})
	}
	return ReviewForm{Statement: s, Input: in}
}

// ArticleView is the article page.
type ArticleView struct {
	Article  *models.Article
	Progress models.Progress
	Panel    *ReviewForm // the selected statement, if any
}

func csrfHeaders(token string) string {
	b, _ := json.Marshal(map[string]string{"X-CSRF-Token": token})
	return string(b)
}

func itoa(n int) string { return fmt.Sprint(n) }

func uitoa(n uint) string { return fmt.Sprint(n) }

func statementURL(id uint) string { return fmt.Sprintf("/statements/%d", id) }

func articleURL(id uint) string { return fmt.Sprintf("/articles/%d", id) }

func verdictClass(v models.Verdict) string { return "v-" + string(v) }

func reviewedCount(p models.Progress) string {
	return fmt.Sprintf("%d of %d reviewed", p.Reviewed, p.Total)
}

func percentStyle(p models.Progress) string { return fmt.Sprintf("width: %d%%", p.Percent()) }

func reasonsText(r []string) string { return strings.Join(r, ", ") }

// facetTitle is the hover text of a facet: its kind in words.
func facetTitle(kind string) string { return strings.ReplaceAll(kind, "_", " ") }
