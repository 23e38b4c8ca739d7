package views

import (
	"context"
	"strings"

	"github.com/factcheckdesk/factcheck/models"
)

// ArticleParts are the two big parts of the article page, as HTML: the
// items of the statement list and the article text with its statements
// marked. They depend only on the article as stored, the rating scale (in
// ctx) and whether the viewer may edit statements, never on who else is
// looking: drawn once, they serve every viewer of that revision.
type ArticleParts struct {
	Items string
	Text  string
}

// Size is how many bytes the parts hold.
func (p ArticleParts) Size() int { return len(p.Items) + len(p.Text) }

// RenderArticleParts draws the parts of a's page with the scale ctx
// carries; selected are the statements ticked in the bulk-assign bar
// (nil but after an assignment that failed).
func RenderArticleParts(ctx context.Context, a *models.Article, canEdit bool, selected map[uint]bool) (ArticleParts, error) {
	var items, text strings.Builder
	if err := statementItems(a.Statements, selected).Render(ctx, &items); err != nil {
		return ArticleParts{}, err
	}
	if err := articleText(a, canEdit).Render(ctx, &text); err != nil {
		return ArticleParts{}, err
	}
	return ArticleParts{Items: items.String(), Text: text.String()}, nil
}
