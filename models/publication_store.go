package models

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/factcheckdesk/factcheck/rating"
)

// Publication is a check on the public site: what its page shows, fixed
// when it was (last) published, so later work on the statement stays
// inside the desk until it is published again.
type Publication struct {
	StatementID uint `gorm:"primaryKey;autoIncrement:false"`
	ArticleID   uint
	// Live is false once the check is taken down.
	Live bool
	// PublishedAt is the first publication; UpdatedAt the last change of
	// what the page shows.
	PublishedAt time.Time
	UpdatedAt   time.Time
	Verdict     rating.Key
	Content     PublishedCheck `gorm:"serializer:json"`
}

// PublishedCheck is what the public page of a check shows.
type PublishedCheck struct {
	StatementID uint             `json:"statement_id"`
	Claim       string           `json:"claim"`
	Article     PublishedArticle `json:"article"`
	Rating      PublishedRating  `json:"rating"`
	Note        string           `json:"note"`
	Correction  string           `json:"correction"`
	Sources     []SourceInput    `json:"sources"`
	ReviewedAt  *time.Time       `json:"reviewed_at"`
	// PublishedAt is the first publication.
	PublishedAt time.Time           `json:"published_at"`
	Updates     []PublicationUpdate `json:"updates,omitempty"`
}

// PublishedArticle is where the claim appeared.
type PublishedArticle struct {
	ID          uint       `json:"id"`
	Title       string     `json:"title"`
	Outlet      string     `json:"outlet"`
	Author      string     `json:"author"`
	URL         string     `json:"url"`
	PublishedAt *time.Time `json:"published_at"`
}

// PublishedRating is the rating as the scale defined it when published.
type PublishedRating struct {
	Key           rating.Key `json:"key"`
	Label         string     `json:"label"`
	Color         string     `json:"color,omitempty"`
	Value         int        `json:"value"`
	Best          int        `json:"best"`
	Worst         int        `json:"worst"`
	AlternateName string     `json:"alternate_name"`
}

// PublicationUpdate is a dated change to a published check: what the
// rating was before, and which parts changed ("rating", "note",
// "correction", "sources", "claim").
type PublicationUpdate struct {
	At      time.Time       `json:"at"`
	Was     PublishedRating `json:"was"`
	Changed []string        `json:"changed"`
}

// Corrected reports whether the check is a correction: its rating asks
// for corrected wording and it has some.
func (c PublishedCheck) Corrected(scale *rating.Scale) bool {
	return scale.Of(c.Rating.Key).NeedsCorrection && c.Correction != ""
}

// LastUpdate is when the check last changed, or nil.
func (c PublishedCheck) LastUpdate() *time.Time {
	if n := len(c.Updates); n > 0 {
		return &c.Updates[n-1].At
	}
	return nil
}

// publishedCheck is what publishing st shows now.
func publishedCheck(st *Statement, a *Article, scale *rating.Scale, now time.Time) PublishedCheck {
	r := scale.Of(st.Verdict)
	c := PublishedCheck{
		StatementID: st.ID, Claim: st.Text, Note: st.Note, Correction: st.Correction,
		Article: PublishedArticle{ID: a.ID, Title: a.Title, Outlet: a.SiteName, Author: a.Author, URL: a.URL, PublishedAt: a.PublishedAt},
		Rating: PublishedRating{Key: r.Key, Label: r.Label, Color: r.Color, Value: r.Value, Best: scale.Best(), Worst: scale.Worst(),
			AlternateName: r.AlternateName},
		Sources: make([]SourceInput, len(st.Sources)), ReviewedAt: st.ReviewedAt, PublishedAt: now,
	}
	for i, src := range st.Sources {
		c.Sources[i] = InputOf(src)
	}
	return c
}

// differences names what the public page of next shows differently from c.
func (c PublishedCheck) differences(next PublishedCheck) []string {
	var out []string
	if c.Rating != next.Rating {
		out = append(out, "rating")
	}
	if c.Claim != next.Claim {
		out = append(out, "claim")
	}
	if c.Note != next.Note {
		out = append(out, "note")
	}
	if c.Correction != next.Correction {
		out = append(out, "correction")
	}
	if !slices.Equal(c.Sources, next.Sources) {
		out = append(out, "sources")
	}
	return out
}

// PublicCheck returns a check on the public site; one taken down or
// never published is not found.
func (s *Store) PublicCheck(ctx context.Context, statementID uint) (*Publication, error) {
	var p Publication
	// A deleted article takes its checks off the site; restoring it puts
	// them back.
	err := s.db.WithContext(ctx).Where("statement_id = ? AND live = ?", statementID, true).Where(liveArticle("article_id")).Take(&p).Error
	if err != nil {
		return nil, fmt.Errorf("models: public check %d: %w", statementID, notFound(err))
	}
	return &p, nil
}

// PublicChecks returns up to limit checks on the public site, newest
// first, after the check before (0: from the newest), and whether more
// follow. Corrections only narrows them to corrected statements.
func (s *Store) PublicChecks(ctx context.Context, before uint, limit int, correctionsOnly bool) ([]Publication, bool, error) {
	q := s.db.WithContext(ctx).Where("live = ?", true).Where(liveArticle("article_id"))
	if correctionsOnly {
		q = q.Where("verdict IN ?", s.Scale().CorrectionKeys())
	}
	if before != 0 {
		// The seek method: rows after the cursor's row in the order, by
		// key, so a deep page costs what the first one does.
		q = q.Where("(published_at, statement_id) < (SELECT published_at, statement_id FROM publications WHERE statement_id = ?)", before)
	}
	var list []Publication
	if err := q.Order("published_at DESC, statement_id DESC").Limit(limit + 1).Find(&list).Error; err != nil {
		return nil, false, fmt.Errorf("models: public checks before %d: %w", before, err)
	}
	more := len(list) > limit
	if more {
		list = list[:limit]
	}
	return list, more, nil
}
