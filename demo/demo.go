// Package demo carries the example article the desk loads for a first look.
// It is the product's own copy: the desk never reads files outside itself.
package demo

import (
	_ "embed"

	"github.com/factcheckdesk/factcheck/models"
)

//go:embed tomahawk-article.txt
var tomahawk string

// Article is the example article: a news explainer on Tomahawk missiles for
// Ukraine, as pasted from a news site, furniture and all.
func Article() models.ArticleInput {
	return models.ArticleInput{
		Title: "Will the US supply Tomahawk missiles to Ukraine?",
		Body:  tomahawk,
	}
}
