package live

import (
	"context"

	"github.com/factcheckdesk/factcheck/match"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// Matchable is what keeping the claim-matching index needs from the store.
type Matchable interface {
	EachMatchable(ctx context.Context, fn func(id, articleID uint, text string)) error
	StatementByID(ctx context.Context, id uint) (*models.Statement, error)
	Scale() *rating.Scale
}

// LoadMatches fills idx with every statement that can be matched: those
// with a final rating backed by sources (verified, disputed, corrected),
// and not dismissed.
func LoadMatches(ctx context.Context, store Matchable, idx *match.Index) error {
	return store.EachMatchable(ctx, func(id, articleID uint, text string) {
		idx.Add(match.Doc{ID: id, ArticleID: articleID, Text: text})
	})
}

// KeepMatches keeps idx in step with the history: a statement joins the
// index when it gets a verdict worth reusing and leaves it when it loses
// one, is dismissed, merged away or deleted.
func (h *Hub) KeepMatches(store Matchable, idx *match.Index) {
	h.Listen(func(e models.Event) {
		st, err := store.StatementByID(context.Background(), e.StatementID)
		if err != nil || !st.Matchable(store.Scale()) {
			idx.Remove(e.StatementID)
			return
		}
		idx.Add(match.Doc{ID: st.ID, ArticleID: st.ArticleID, Text: st.Text})
	})
}
