package models_test

import (
	"testing"

	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
)

// TestArticleFurniture: the furniture extraction leaves out is stored with
// the article, in order, whether found by its shape or known from the
// importer, and reads back as stored.
func TestArticleFurniture(t *testing.T) {
	store := modeltest.Open(t)
	body := "By Ana Lima\n\nRates rose to 5%.\n\nThe governor, at the bank in May.\n\nAdvertisement\n\nPrices fell 2%."
	caption := extract.Furniture{Start: 32, End: 65, Kind: extract.FurnitureCaption}
	if body[caption.Start:caption.End] != "The governor, at the bank in May." {
		t.Fatalf("test body: %q", body[caption.Start:caption.End])
	}
	a, err := store.CreateArticle(t.Context(), models.ArticleInput{Title: "Rates", Body: body, Furniture: []extract.Furniture{caption}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := store.ArticleByID(t.Context(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"credit: By Ana Lima", "caption: The governor, at the bank in May.", "promotion: Advertisement"}
	if len(got.Furniture) != len(want) {
		t.Fatalf("furniture %+v, want %q", got.Furniture, want)
	}
	for i, f := range got.Furniture {
		if s := f.Kind + ": " + got.Body[f.Start:f.End]; s != want[i] {
			t.Errorf("furniture %d = %q, want %q", i, s, want[i])
		}
	}
	var texts []string
	for _, s := range got.Statements {
		texts = append(texts, s.Text)
	}
	if len(texts) != 2 || texts[0] != "Rates rose to 5%." || texts[1] != "Prices fell 2%." {
		t.Errorf("statements %q", texts)
	}
}
