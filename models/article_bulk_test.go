package models_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
)

// Many articles stored at once stand as if each had been created alone:
// their statements, ids and counters; and one bad article stores none.
func TestCreateArticles(t *testing.T) {
	store := modeltest.Open(t)
	ctx := t.Context()
	var ins []models.ArticleInput
	for i := range 3 {
		ins = append(ins, models.ArticleInput{Title: fmt.Sprintf("Trade %d", i),
			Body: fmt.Sprintf("In 2024, exports rose %d percent to $5.2bn.\n\nIt is really not clear.\n", i+3)})
	}
	list, err := store.CreateArticles(ctx, ins)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 {
		t.Fatalf("%d articles, want 3", len(list))
	}
	for i, a := range list {
		alone, err := store.ArticleByID(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if alone.Title != ins[i].Title || len(alone.Statements) != 2 || len(a.Statements) != 2 {
			t.Fatalf("article %d: %q with %d statements stored, %d returned", i, alone.Title, len(alone.Statements), len(a.Statements))
		}
		for k := range a.Statements {
			if a.Statements[k].ID != alone.Statements[k].ID || a.Statements[k].ArticleID != a.ID || a.Statements[k].Text != alone.Statements[k].Text {
				t.Errorf("article %d statement %d: returned %+v, stored %+v", i, k, a.Statements[k], alone.Statements[k])
			}
		}
		p, err := store.ArticleProgress(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := models.ProgressOf(store.Scale(), alone.Statements); p != want {
			t.Errorf("article %d: counters say %+v, the statements %+v", i, p, want)
		}
	}
	// The same text again, and one without a title: nothing is stored.
	before, _ := store.ArticleList(ctx, models.ArticleCursor{}, 50)
	_, err = store.CreateArticles(ctx, []models.ArticleInput{{Title: "New", Body: "Prices rose 3% in May."}, {Title: "", Body: "x"}})
	var invalid *models.ValidationError
	if !errors.As(err, &invalid) {
		t.Fatalf("an article without a title: %v, want a validation error", err)
	}
	_, err = store.CreateArticles(ctx, []models.ArticleInput{{Title: "New", Body: "Prices rose 3% in May."}, ins[0]})
	var dup *models.DuplicateError
	if !errors.As(err, &dup) || dup.Existing.ID != list[0].ID {
		t.Fatalf("an article already stored: %v, want a duplicate of %d", err, list[0].ID)
	}
	after, _ := store.ArticleList(ctx, models.ArticleCursor{}, 50)
	if len(after.Items) != len(before.Items) {
		t.Errorf("a failed batch stored %d articles", len(after.Items)-len(before.Items))
	}
}
