// Package demo carries the example article the desk loads for a first look.
// It is the product's own copy: the desk never reads files outside itself.
package demo

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"log/slog"

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

// Password is the password of the demo users.
const Password = "factcheck-demo"

// Users are the demo accounts, one per role.
func Users() []models.UserInput {
	return []models.UserInput{
		{Email: "admin@example.org", Name: "Ada Admin", Role: models.Admin, Password: Password},
		{Email: "editor@example.org", Name: "Edith Editor", Role: models.Editor, Password: Password},
		{Email: "reviewer@example.org", Name: "Rafael Reviewer", Role: models.Reviewer, Password: Password},
	}
}

// Seed loads the example article and the demo users, skipping whatever is
// already there, and says what it did.
func Seed(ctx context.Context, store *models.Store, log *slog.Logger) error {
	for _, in := range Users() {
		if _, err := store.UserByEmail(ctx, in.Email); err == nil {
			continue
		}
		if _, err := store.CreateUser(ctx, in); err != nil {
			return fmt.Errorf("demo user %s: %w", in.Email, err)
		}
		log.Info("created demo user", "email", in.Email, "role", in.Role, "password", Password)
	}
	a, err := store.CreateArticle(ctx, Article())
	var dup *models.DuplicateError
	switch {
	case errors.As(err, &dup):
		log.Info("the example article is already loaded", "id", dup.Existing.ID)
	case err != nil:
		return fmt.Errorf("demo article: %w", err)
	default:
		log.Info("loaded the example article", "id", a.ID, "statements", len(a.Statements))
	}
	return nil
}
