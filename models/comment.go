package models

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// MaxCommentBytes bounds one comment.
const MaxCommentBytes = 10_000

// Comment is one message in a statement's discussion. Comments are plain
// text; links in them are made clickable when shown, nothing else.
type Comment struct {
	ID          uint `gorm:"primaryKey"`
	StatementID uint
	UserID      *uint
	User        *User `gorm:"foreignKey:UserID"`
	Body        string
	CreatedAt   time.Time
}

// AddComment appends a comment to a statement's thread. Comments do not
// change the statement, so they need no version and never conflict. In
// the same transaction it tells those whose statement it is (its assignee
// and whoever gave its verdict) and those the comment @mentions; nobody
// is told of their own comment.
func (s *Store) AddComment(ctx context.Context, statementID, userID uint, body string) (*Comment, error) {
	body = strings.TrimSpace(strings.ReplaceAll(body, "\r\n", "\n"))
	switch {
	case body == "":
		return nil, invalid("body", "Write a comment first.")
	case !utf8.ValidString(body) || len(body) > MaxCommentBytes:
		return nil, invalid("body", "A comment is plain text of at most 10,000 characters.")
	}
	if err := textError("body", "comment", body, MaxCommentBytes); err != nil {
		return nil, err
	}
	now := s.nowUTC()
	c := &Comment{StatementID: statementID, Body: body, CreatedAt: now}
	if userID != 0 {
		c.UserID = &userID
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		var st Statement
		err := tx.Select("id, article_id, assignee_id, reviewed_by_id").Where(liveArticle("article_id")).Take(&st, statementID).Error
		if err != nil {
			return notFound(err)
		}
		if err := tx.Create(c).Error; err != nil {
			return err
		}
		if err := bumpStats(tx, st.ArticleID, counts{}); err != nil {
			return err
		}
		if err := record(tx, now, entry{st.ArticleID, statementID, userID, ActionComment, nil, CommentBody{body}}); err != nil {
			return err
		}
		var mentioned []uint
		if strings.Contains(body, "@") {
			var members []User
			if err := tx.Select("id, name, email").Where("active = ?", true).Find(&members).Error; err != nil {
				return err
			}
			mentioned = Mentioned(body, members)
		}
		return notify(tx, now, commentNotices(st, userID, mentioned))
	})
	if isExpected(err) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("models: comment on statement %d: %w", statementID, err)
	}
	return c, nil
}

// commentNotices tells the mentioned that they were, and the statement's
// assignee and reviewer that it has a comment, once each, never the
// commenter.
func commentNotices(st Statement, by uint, mentioned []uint) []notice {
	told := map[uint]bool{by: true}
	var out []notice
	for _, id := range mentioned {
		if !told[id] {
			told[id] = true
			out = append(out, notice{kind: NoticeMentioned, user: id, actor: by, article: st.ArticleID, stmt: st.ID})
		}
	}
	for _, owner := range []*uint{st.AssigneeID, st.ReviewedByID} {
		if owner != nil && !told[*owner] {
			told[*owner] = true
			out = append(out, notice{kind: NoticeCommented, user: *owner, actor: by, article: st.ArticleID, stmt: st.ID})
		}
	}
	return out
}

// Members returns up to limit active members whose name (or a word of
// it) or email starts with prefix, by name: the people a comment can
// @mention.
func (s *Store) Members(ctx context.Context, prefix string, limit int) ([]User, error) {
	p := strings.ToLower(strings.TrimSpace(prefix))
	q := s.db.WithContext(ctx).Select("id, name, email, role, active").Where("active = ?", true)
	if p != "" {
		like := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(p)
		q = q.Where(`LOWER(name) LIKE ? ESCAPE '\' OR LOWER(name) LIKE ? ESCAPE '\' OR LOWER(email) LIKE ? ESCAPE '\'`,
			like+"%", "% "+like+"%", like+"%")
	}
	var list []User
	if err := q.Order("name, id").Limit(limit).Find(&list).Error; err != nil {
		return nil, fmt.Errorf("models: members like %q: %w", prefix, err)
	}
	return list, nil
}

// Comments returns a statement's thread, oldest first.
func (s *Store) Comments(ctx context.Context, statementID uint) ([]Comment, error) {
	var list []Comment
	err := s.db.WithContext(ctx).Preload("User").Where("statement_id = ?", statementID).Order("id").Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: comments on statement %d: %w", statementID, err)
	}
	return list, nil
}

// Presence records that a user has an article open.
type Presence struct {
	ArticleID uint `gorm:"primaryKey;autoIncrement:false"`
	UserID    uint `gorm:"primaryKey;autoIncrement:false"`
	SeenAt    time.Time
}

// TableName is the presence table.
func (Presence) TableName() string { return "presences" }

// TouchPresence notes that the user is looking at the article now.
func (s *Store) TouchPresence(ctx context.Context, articleID, userID uint) error {
	// An upsert, so two app instances touching at once cannot collide.
	err := s.write(ctx, func(tx *gorm.DB) error {
		return tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "article_id"}, {Name: "user_id"}},
			DoUpdates: clause.AssignmentColumns([]string{"seen_at"}),
		}).Create(&Presence{ArticleID: articleID, UserID: userID, SeenAt: s.nowUTC()}).Error
	})
	if err != nil {
		return fmt.Errorf("models: presence on article %d: %w", articleID, err)
	}
	return nil
}

// LeavePresence notes that the user closed the article.
func (s *Store) LeavePresence(ctx context.Context, articleID, userID uint) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		return tx.Where("article_id = ? AND user_id = ?", articleID, userID).Delete(&Presence{}).Error
	})
	if err != nil {
		return fmt.Errorf("models: leave article %d: %w", articleID, err)
	}
	return nil
}

// Viewers returns who has had the article open within the last fresh.
func (s *Store) Viewers(ctx context.Context, articleID uint, fresh time.Duration) ([]User, error) {
	since := s.nowUTC().Add(-fresh)
	var list []User
	err := s.db.WithContext(ctx).Joins("JOIN presences ON presences.user_id = users.id").
		Where("presences.article_id = ? AND presences.seen_at >= ?", articleID, since).Order("users.name").Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: viewers of article %d: %w", articleID, err)
	}
	return list, nil
}
