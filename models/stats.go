package models

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/rating"
)

// Each article's counters live in article_stats and change in the same
// transaction as the statements they count, so lists and progress bars
// read one row per article instead of aggregating its statements. Hot
// paths (a review, taking work) add the difference a change made; rarer
// changes that move several statements at once recount the article.

// articleStats is an article's row of counters.
type articleStats struct {
	ArticleID    uint `gorm:"primaryKey;autoIncrement:false"`
	CreatedAt    time.Time
	Statements   int
	ToReview     int
	Reviewed     int
	AssignedOpen int
	Pool         int
	Revision     int
}

func (articleStats) TableName() string { return "article_stats" }

// counts is what one statement, or a change, adds to its article's counters.
type counts struct {
	statements, toReview, reviewed, assignedOpen, pool int
}

// countsOf is what st adds to its article's counters under scale.
func countsOf(scale *rating.Scale, st *Statement) counts {
	c := counts{statements: 1}
	if st.Dismissed {
		return c
	}
	final := scale.Final(st.Verdict)
	if st.Checkable || final {
		c.toReview = 1
	}
	switch {
	case final:
		c.reviewed = 1
	case st.AssigneeID != nil:
		c.assignedOpen = 1
	case st.Checkable:
		c.pool = 1
	}
	return c
}

func (c counts) plus(o counts) counts {
	return counts{c.statements + o.statements, c.toReview + o.toReview, c.reviewed + o.reviewed,
		c.assignedOpen + o.assignedOpen, c.pool + o.pool}
}

func (c counts) minus(o counts) counts {
	return c.plus(counts{-o.statements, -o.toReview, -o.reviewed, -o.assignedOpen, -o.pool})
}

// bumpStats adds d to the article's counters and moves its revision on.
func bumpStats(tx *gorm.DB, articleID uint, d counts) error {
	return rawExec(tx.Statement.Context, tx, `UPDATE article_stats SET statements = statements + ?, to_review = to_review + ?,
reviewed = reviewed + ?, assigned_open = assigned_open + ?, pool = pool + ?, revision = revision + 1
WHERE article_id = ?`, d.statements, d.toReview, d.reviewed, d.assignedOpen, d.pool, articleID)
}

// recountSQL sets articles' counters from their statements and moves their
// revision on; the caller appends which articles (a WHERE clause) and
// passes the final keys twice, then the open keys twice.
const recountSQL = `UPDATE article_stats SET (statements, to_review, reviewed, assigned_open, pool) = (
SELECT COUNT(*),
       COALESCE(SUM(CASE WHEN NOT s.dismissed AND (s.checkable OR s.verdict IN ?) THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN NOT s.dismissed AND s.verdict IN ? THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN NOT s.dismissed AND s.assignee_id IS NOT NULL AND s.verdict IN ? THEN 1 ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN NOT s.dismissed AND s.checkable AND s.assignee_id IS NULL AND s.verdict IN ? THEN 1 ELSE 0 END), 0)
FROM statements s WHERE s.article_id = article_stats.article_id), revision = revision + 1`

// recountStats recounts the articles' counters from their statements.
func recountStats(tx *gorm.DB, scale *rating.Scale, articleIDs ...uint) error {
	final, open := scale.FinalKeys(), scale.OpenKeys()
	return tx.Exec(recountSQL+` WHERE article_id IN ?`, final, final, open, open, articleIDs).Error
}

// Recount redoes every article's counters: after a change of the rating
// scale changes which verdicts are final. It runs in batches of articles,
// each its own transaction.
func (s *Store) Recount(ctx context.Context) error {
	scale := s.Scale()
	var last uint
	for {
		var ids []uint
		err := s.db.WithContext(ctx).Model(&articleStats{}).Where("article_id > ?", last).
			Order("article_id").Limit(1000).Pluck("article_id", &ids)
		if err.Error != nil {
			return fmt.Errorf("models: recount: %w", err.Error)
		}
		if len(ids) == 0 {
			return nil
		}
		if err := s.write(ctx, func(tx *gorm.DB) error { return recountStats(tx, scale, ids...) }); err != nil {
			return fmt.Errorf("models: recount: %w", err)
		}
		last = ids[len(ids)-1]
	}
}

// ArticleRevision is a number that changes whenever anything about the
// article's statements does: the key of its pages' ETags.
//
// Every view of an article page asks (see raw_sql.go).
func (s *Store) ArticleRevision(ctx context.Context, articleID uint) (int, error) {
	var rev int
	err := rawRow(ctx, s.db, `SELECT st.revision FROM article_stats st
JOIN articles a ON a.id = st.article_id AND a.deleted_at IS NULL WHERE st.article_id = ?`, articleID).Scan(&rev)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, notFoundf("article %d", articleID)
	}
	if err != nil {
		return 0, fmt.Errorf("models: revision of article %d: %w", articleID, err)
	}
	return rev, nil
}

// ArticleProgress returns how far the review of one article has come.
func (s *Store) ArticleProgress(ctx context.Context, articleID uint) (Progress, error) {
	var st articleStats
	err := s.db.WithContext(ctx).Select("to_review, reviewed").Where("article_id = ?", articleID).Take(&st).Error
	if err != nil {
		return Progress{}, fmt.Errorf("models: progress of article %d: %w", articleID, notFound(err))
	}
	return Progress{Reviewed: st.Reviewed, Total: st.ToReview}, nil
}

// Progresses returns the progress of each of the articles, from their
// counters, in one query.
func (s *Store) Progresses(ctx context.Context, articleIDs []uint) (map[uint]Progress, error) {
	var rows []articleStats
	out := make(map[uint]Progress, len(articleIDs))
	if len(articleIDs) == 0 {
		return out, nil
	}
	err := s.db.WithContext(ctx).Select("article_id, to_review, reviewed").Where("article_id IN ?", articleIDs).Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("models: progress of articles: %w", err)
	}
	for _, r := range rows {
		out[r.ArticleID] = Progress{Reviewed: r.Reviewed, Total: r.ToReview}
	}
	return out, nil
}
