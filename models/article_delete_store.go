package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// RestoreWindow is how long a deleted article can be restored; after it,
// PurgeDeleted removes the article with its statements for good.
const RestoreWindow = 30 * 24 * time.Hour

// liveArticle is a condition on a column holding an article id: the
// article is not deleted. Deleted articles are few, so the subquery is
// small; every query that lists statements or articles carries it.
func liveArticle(column string) string {
	return column + " NOT IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL)"
}

// DeletedArticle is an article in the admins' "Deleted" list.
type DeletedArticle struct {
	ID            uint
	Title         string
	DeletedAt     time.Time
	DeletedByName string
	Statements    int
	Reviewed      int
}

// PurgeAt is when the article goes for good.
func (d DeletedArticle) PurgeAt() time.Time { return d.DeletedAt.Add(RestoreWindow) }

// DeleteArticle deletes an article softly: it leaves every list, page and
// queue at once, and an admin can restore it within RestoreWindow.
func (s *Store) DeleteArticle(ctx context.Context, id, byUserID uint) error {
	res := s.db.WithContext(ctx).Model(&Article{}).Where("id = ? AND deleted_at IS NULL", id).
		Updates(map[string]any{"deleted_at": s.nowUTC(), "deleted_by_id": idOrNil(byUserID)})
	if res.Error != nil {
		return fmt.Errorf("models: delete article %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return notFoundf("article %d", id)
	}
	return nil
}

// RestoreArticle brings back an article deleted within RestoreWindow.
func (s *Store) RestoreArticle(ctx context.Context, id uint) error {
	res := s.db.WithContext(ctx).Model(&Article{}).
		Where("id = ? AND deleted_at IS NOT NULL AND deleted_at >= ?", id, s.nowUTC().Add(-RestoreWindow)).
		Updates(map[string]any{"deleted_at": nil, "deleted_by_id": nil})
	if res.Error != nil {
		return fmt.Errorf("models: restore article %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return notFoundf("deleted article %d", id)
	}
	return nil
}

// DeletedArticles lists the articles that can still be restored, most
// recently deleted first.
func (s *Store) DeletedArticles(ctx context.Context) ([]DeletedArticle, error) {
	return s.deletedArticles(ctx, 0)
}

// DeletedArticleByID returns one restorable article, or a not-found error.
func (s *Store) DeletedArticleByID(ctx context.Context, id uint) (*DeletedArticle, error) {
	list, err := s.deletedArticles(ctx, id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, notFoundf("deleted article %d", id)
	}
	return &list[0], nil
}

func (s *Store) deletedArticles(ctx context.Context, id uint) ([]DeletedArticle, error) {
	var list []DeletedArticle
	q := s.db.WithContext(ctx).Table("articles a").
		Select(`a.id, a.title, a.deleted_at, COALESCE(u.name, '') AS deleted_by_name,
		        (SELECT COUNT(*) FROM statements s WHERE s.article_id = a.id) AS statements,
		        (SELECT COUNT(*) FROM statements s WHERE s.article_id = a.id AND s.verdict IN ?) AS reviewed`, s.Scale().FinalKeys()).
		Joins("LEFT JOIN users u ON u.id = a.deleted_by_id").
		Where("a.deleted_at IS NOT NULL AND a.deleted_at >= ?", s.nowUTC().Add(-RestoreWindow))
	if id != 0 {
		q = q.Where("a.id = ?", id)
	}
	if err := q.Order("a.deleted_at DESC, a.id DESC").Limit(500).Scan(&list).Error; err != nil {
		return nil, fmt.Errorf("models: deleted articles: %w", err)
	}
	return list, nil
}

// PurgeDeleted removes for good the articles deleted more than
// RestoreWindow ago, with their statements, sources and history (foreign
// keys cascade; assignments are removed here), and says how many went.
func (s *Store) PurgeDeleted(ctx context.Context) (int64, error) {
	cutoff := s.nowUTC().Add(-RestoreWindow)
	var n int64
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		gone := tx.Model(&Article{}).Select("id").Where("deleted_at IS NOT NULL AND deleted_at < ?", cutoff)
		stmts := tx.Model(&Statement{}).Select("id").Where("article_id IN (?)", gone)
		for _, table := range []string{"assignments", "comments", "statement_events"} {
			if err := tx.Exec("DELETE FROM "+table+" WHERE statement_id IN (?)", stmts).Error; err != nil {
				return err
			}
		}
		for _, table := range []string{"notifications", "presences"} {
			if err := tx.Exec("DELETE FROM "+table+" WHERE article_id IN (?)", gone).Error; err != nil {
				return err
			}
		}
		res := tx.Where("deleted_at IS NOT NULL AND deleted_at < ?", cutoff).Delete(&Article{})
		n = res.RowsAffected
		return res.Error
	})
	if err != nil {
		return 0, fmt.Errorf("models: purge deleted articles: %w", err)
	}
	return n, nil
}
