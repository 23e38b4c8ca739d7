package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/rating"
)

// CreateArticle validates in, splits its body into statements and stores
// both in one transaction. A *ValidationError means nothing was stored.
func (s *Store) CreateArticle(ctx context.Context, in ArticleInput) (*Article, error) {
	in = in.normalize()
	published, err := in.validate()
	if err != nil {
		return nil, err
	}
	a := &Article{Title: in.Title, Body: in.Body, URL: in.URL, Author: in.Author, PublishedAt: published,
		SiteName: in.SiteName, ContentHash: contentHash(in.Body)}
	dup, err := s.duplicateOf(ctx, a)
	if err != nil {
		return nil, err
	}
	if dup != nil {
		if !in.Force {
			return nil, duplicate(dup)
		}
		a.PreviousID = &dup.Existing.ID
	}
	found := s.extractor.Extract(in.Body)
	a.Statements = make([]Statement, len(found))
	for i, x := range found {
		a.Statements[i] = Statement{
			Position: i + 1, Start: x.Start, End: x.End, Text: x.Text,
			Checkable: x.Checkable, Score: x.Score, Type: x.Type,
			Reasons: x.Reasons, Facets: x.Facets, Verdict: rating.Unreviewed, Version: 1, Priority: Normal,
			Sources: []Source{},
		}
	}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		stmts := a.Statements
		a.Statements = nil // created below in batches, not by association
		if err := tx.Create(a).Error; err != nil {
			return err
		}
		for i := range stmts {
			stmts[i].ArticleID = a.ID
		}
		a.Statements = stmts
		if len(stmts) == 0 {
			return nil
		}
		return tx.Omit("Sources", "ReviewedBy", "Assignee").CreateInBatches(&a.Statements, 200).Error
	})
	if err != nil {
		return nil, fmt.Errorf("models: create article: %w", err)
	}
	return a, nil
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
	err := s.db.WithContext(ctx).
		Preload("Statements", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Preload("Statements.Sources", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Preload("Statements.ReviewedBy").Preload("Statements.Assignee").
		Where("deleted_at IS NULL").First(&a, id).Error
	if err != nil {
		return nil, fmt.Errorf("models: article %d: %w", id, notFound(err))
	}
	return &a, nil
}

// Articles returns articles newest first, with statements and sources.
func (s *Store) Articles(ctx context.Context, limit, offset int) ([]Article, error) {
	var list []Article
	err := s.db.WithContext(ctx).
		Preload("Statements", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Preload("Statements.Sources", func(db *gorm.DB) *gorm.DB { return db.Order("position") }).
		Where("deleted_at IS NULL").Order("created_at DESC, id DESC").Limit(limit).Offset(offset).Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: articles: %w", err)
	}
	return list, nil
}

// ArticleSummaries returns every article, newest first, with its progress.
func (s *Store) ArticleSummaries(ctx context.Context) ([]ArticleSummary, error) {
	var list []ArticleSummary
	final := s.Scale().FinalKeys()
	err := s.db.WithContext(ctx).Raw(`
SELECT a.id, a.title, a.url, a.created_at,
       COUNT(s.id) AS statements,
       COALESCE(SUM(CASE WHEN (s.checkable OR s.verdict IN ?) AND NOT s.dismissed THEN 1 ELSE 0 END), 0) AS checkable,
       COALESCE(SUM(CASE WHEN s.verdict IN ? AND NOT s.dismissed THEN 1 ELSE 0 END), 0) AS reviewed
FROM articles a LEFT JOIN statements s ON s.article_id = a.id
WHERE a.deleted_at IS NULL
GROUP BY a.id, a.title, a.url, a.created_at
ORDER BY a.created_at DESC, a.id DESC`, final, final).Scan(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: article summaries: %w", err)
	}
	return list, nil
}

// ArticleProgress returns how far the review of one article has come.
func (s *Store) ArticleProgress(ctx context.Context, articleID uint) (Progress, error) {
	var p Progress
	final := s.Scale().FinalKeys()
	err := s.db.WithContext(ctx).Raw(`
SELECT COALESCE(SUM(CASE WHEN (checkable OR verdict IN ?) AND NOT dismissed THEN 1 ELSE 0 END), 0) AS total,
       COALESCE(SUM(CASE WHEN verdict IN ? AND NOT dismissed THEN 1 ELSE 0 END), 0) AS reviewed
FROM statements WHERE article_id = ?`, final, final, articleID).Scan(&p).Error
	if err != nil {
		return p, fmt.Errorf("models: progress of article %d: %w", articleID, err)
	}
	return p, nil
}

// ArticleTitle returns just the title of an article.
func (s *Store) ArticleTitle(ctx context.Context, id uint) (string, error) {
	var a Article
	if err := s.db.WithContext(ctx).Select("id, title").Where("deleted_at IS NULL").Take(&a, id).Error; err != nil {
		return "", fmt.Errorf("models: article %d: %w", id, notFound(err))
	}
	return a.Title, nil
}
