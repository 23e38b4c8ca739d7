package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/rating"
)

// CreateArticle validates in, splits its body into statements and stores
// both in one transaction. A *ValidationError means nothing was stored.
func (s *Store) CreateArticle(ctx context.Context, in ArticleInput) (*Article, error) {
	list, err := s.CreateArticles(ctx, []ArticleInput{in})
	if err != nil {
		return nil, err
	}
	return &list[0], nil
}

// CreateArticles is CreateArticle of many articles at once, in one
// transaction of a few multi-row inserts: how an archive is brought in
// (and a load test fills a desk) without a commit per article. The first
// input that is invalid or a duplicate (without Force) fails them all,
// storing none.
func (s *Store) CreateArticles(ctx context.Context, ins []ArticleInput) ([]Article, error) {
	list := make([]Article, len(ins))
	for i, in := range ins {
		in = in.normalize()
		published, err := in.validate()
		if err != nil {
			return nil, err
		}
		a := Article{Title: in.Title, Body: in.Body, URL: in.URL, Author: in.Author, PublishedAt: published,
			SiteName: in.SiteName, ContentHash: contentHash(in.Body)}
		dup, err := s.duplicateOf(ctx, &a)
		if err != nil {
			return nil, err
		}
		if dup != nil {
			if !in.Force {
				return nil, duplicate(dup)
			}
			a.PreviousID = &dup.Existing.ID
		}
		res := s.extractor.Analyse(in.Body, in.Furniture)
		a.Furniture = res.Furniture
		a.Statements = make([]Statement, len(res.Statements))
		for i, x := range res.Statements {
			a.Statements[i] = Statement{
				Position: i + 1, Start: x.Start, End: x.End, Text: x.Text,
				Checkable: x.Checkable, Score: x.Score, Type: x.Type,
				Reasons: x.Reasons, Facets: x.Facets, Verdict: rating.Unreviewed, Version: 1, Priority: Normal,
				Sources: []Source{},
			}
		}
		list[i] = a
	}
	scale := s.Scale()
	err := s.write(ctx, func(tx *gorm.DB) error {
		// The statements are created below, all together, not by
		// association.
		stmts := make([][]Statement, len(list))
		for i := range list {
			stmts[i], list[i].Statements = list[i].Statements, nil
		}
		if err := tx.CreateInBatches(&list, 100).Error; err != nil {
			return err
		}
		stats := make([]articleStats, len(list))
		var all []Statement
		for i := range list {
			var c counts
			for k := range stmts[i] {
				c = c.plus(countsOf(scale, &stmts[i][k]))
				stmts[i][k].ArticleID = list[i].ID
			}
			stats[i] = articleStats{ArticleID: list[i].ID, CreatedAt: list[i].CreatedAt, Statements: c.statements,
				ToReview: c.toReview, Reviewed: c.reviewed, AssignedOpen: c.assignedOpen, Pool: c.pool, Revision: 1}
			all = append(all, stmts[i]...)
		}
		if err := tx.CreateInBatches(&stats, 500).Error; err != nil {
			return err
		}
		if len(all) > 0 {
			if err := tx.Omit("Sources", "ReviewedBy", "Assignee").CreateInBatches(&all, 200).Error; err != nil {
				return err
			}
		}
		// Each article gets its statements back, with their ids.
		for i := range list {
			list[i].Statements, all = all[:len(stmts[i]):len(stmts[i])], all[len(stmts[i]):]
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("models: create articles: %w", err)
	}
	return list, nil
}

// contentHash fingerprints article text so that the same article pasted
// again, with different line breaks or spacing, is recognised.
func contentHash(body string) string {
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(body), " ")))
	return hex.EncodeToString(sum[:])
}

// duplicateOf returns a *DuplicateError naming the newest article with the
// same URL or the same text as a, or nil.
func (s *Store) duplicateOf(ctx context.Context, a *Article) (*DuplicateError, error) {
	q := s.db.WithContext(ctx).Model(&Article{}).Select("id, title, url, created_at").Where("deleted_at IS NULL")
	if a.URL != "" {
		q = q.Where("content_hash = ? OR url = ?", a.ContentHash, a.URL)
	} else {
		q = q.Where("content_hash = ?", a.ContentHash)
	}
	var found []ArticleSummary
	if err := q.Order("created_at DESC, id DESC").Limit(1).Scan(&found).Error; err != nil {
		return nil, fmt.Errorf("models: look for duplicates: %w", err)
	}
	if len(found) == 0 {
		return nil, nil
	}
	return &DuplicateError{Existing: found[0], SameURL: a.URL != "" && found[0].URL == a.URL}, nil
}

// ArticleByID returns the article with its statements (in document order)
// and their sources.
func (s *Store) ArticleByID(ctx context.Context, id uint) (*Article, error) {
	var a Article
	if err := withStatements(s.db.WithContext(ctx)).Where("deleted_at IS NULL").First(&a, id).Error; err != nil {
		return nil, fmt.Errorf("models: article %d: %w", id, notFound(err))
	}
	return &a, nil
}

// ArticlesByID returns the live articles among ids, in no order, each as
// ArticleByID does.
func (s *Store) ArticlesByID(ctx context.Context, ids []uint) ([]Article, error) {
	var list []Article
	if len(ids) == 0 {
		return list, nil
	}
	if err := withStatements(s.db.WithContext(ctx)).Where("deleted_at IS NULL AND id IN ?", ids).Find(&list).Error; err != nil {
		return nil, fmt.Errorf("models: articles: %w", err)
	}
	return list, nil
}

// withStatements loads articles with their statements (in document
// order), their sources, reviewers and assignees.
func withStatements(db *gorm.DB) *gorm.DB {
	return db.Preload("Statements", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Preload("Statements.Sources", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Preload("Statements.ReviewedBy").Preload("Statements.Assignee")
}

// ArticleAt is an article at one revision (see ArticleRevision).
type ArticleAt struct {
	ID       uint
	Revision int
}

// ArticleRevisions returns a page of the live articles, newest first, each
// with its revision: what a list of whole articles needs to take those it
// has already read from a cache.
func (s *Store) ArticleRevisions(ctx context.Context, limit, offset int) ([]ArticleAt, error) {
	var list []ArticleAt
	err := s.db.WithContext(ctx).Table("articles a").Select("a.id, st.revision").
		Joins("JOIN article_stats st ON st.article_id = a.id").Where(liveArticle("a.id")).
		Order("a.created_at DESC, a.id DESC").Limit(limit).Offset(offset).Scan(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: articles: %w", err)
	}
	return list, nil
}

// ArticleCursor is where a page of the article list starts: after the
// article created at CreatedAt with ID, in the list's order (newest first).
type ArticleCursor struct {
	CreatedAt time.Time
	ID        uint
}

// IsZero reports whether the cursor is the start of the list.
func (c ArticleCursor) IsZero() bool { return c.ID == 0 }

// ArticleList is one page of articles, newest first, with their progress.
type ArticleList struct {
	Items []ArticleSummary
	// Next starts the following page; zero when this is the last.
	Next ArticleCursor
}

// ArticleList lists up to limit articles, newest first, starting after
// cursor, with their counters: one row per article, read by key.
func (s *Store) ArticleList(ctx context.Context, after ArticleCursor, limit int) (ArticleList, error) {
	q := s.db.WithContext(ctx).Table("articles a").
		Select("a.id, a.title, a.url, a.created_at, st.statements, st.to_review AS checkable, st.reviewed").
		Joins("JOIN article_stats st ON st.article_id = a.id").
		// Not "deleted_at IS NULL": planners would read that index (every
		// article) and sort, instead of reading by date.
		Where(liveArticle("a.id"))
	if !after.IsZero() {
		q = q.Where("a.created_at < ? OR (a.created_at = ? AND a.id < ?)", after.CreatedAt, after.CreatedAt, after.ID)
	}
	var out ArticleList
	err := q.Order("a.created_at DESC, a.id DESC").Limit(limit + 1).Scan(&out.Items).Error
	if err != nil {
		return out, fmt.Errorf("models: articles: %w", err)
	}
	if len(out.Items) > limit {
		out.Items = out.Items[:limit]
		last := out.Items[limit-1]
		out.Next = ArticleCursor{CreatedAt: last.CreatedAt, ID: last.ID}
	}
	return out, nil
}

// SuggestArticles returns up to limit articles whose title has words
// starting as those of q do, newest first: the type-ahead of filters. A
// number finds the article with that id. Newest is by id, the order
// articles came to the desk in: SQLite then looks up the matches newest
// first and stops at the limit (0.2 ms at 100,000 articles for a prefix
// in 444 titles), where by creation time it looked up all of them and
// sorted (4 ms).
func (s *Store) SuggestArticles(ctx context.Context, q string, limit int) ([]ArticleSummary, error) {
	db := s.db.WithContext(ctx).Table("articles a").Select("a.id, a.title, a.url, a.created_at").Where(liveArticle("a.id"))
	var out []ArticleSummary
	if id, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimSpace(q), "#"), 10, 32); err == nil {
		if err := db.Where("a.id = ?", id).Scan(&out).Error; err != nil {
			return nil, fmt.Errorf("models: suggest articles: %w", err)
		}
		return out, nil
	}
	match, ok := s.textMatch("a", "title", q)
	if !ok {
		return nil, nil
	}
	err := db.Where(match.sql, match.args...).Order("a.id DESC").Limit(limit).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("models: suggest articles: %w", err)
	}
	return out, nil
}

// ArticleTitle returns just the title of an article.
func (s *Store) ArticleTitle(ctx context.Context, id uint) (string, error) {
	var a Article
	if err := s.db.WithContext(ctx).Select("id, title").Where("deleted_at IS NULL").Take(&a, id).Error; err != nil {
		return "", fmt.Errorf("models: article %d: %w", id, notFound(err))
	}
	return a.Title, nil
}
