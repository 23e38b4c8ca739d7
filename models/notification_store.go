package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// NoticeKind is what a notification is about. The store keeps the facts;
// views put them into words.
type NoticeKind string

// Notification kinds.
const (
	// NoticeAssigned: Actor assigned the user Count statements of Article
	// (with Priority and DueAt).
	NoticeAssigned NoticeKind = "assigned"
	// NoticeReassigned: Actor gave Count statements the user had to Other.
	NoticeReassigned NoticeKind = "reassigned"
	// NoticeUnassigned: Actor sent Count statements the user had back to
	// the pool.
	NoticeUnassigned NoticeKind = "unassigned"
	// NoticeReturned: Actor returned the user's review of Statement (of
	// Article); the statement says why.
	NoticeReturned NoticeKind = "returned"
	// NoticeCommented: Actor commented on a statement of Article that the
	// user is assigned or gave the verdict of.
	NoticeCommented NoticeKind = "commented"
	// NoticeMentioned: Actor @mentioned the user in a comment on a
	// statement of Article.
	NoticeMentioned NoticeKind = "mentioned"
)

// Notification tells a user that something needs them, such as new work
// assigned. Message and Link are only set on notifications stored before
// kinds existed; views word the others from their fields.
type Notification struct {
	ID          uint       `gorm:"primaryKey"`
	UserID      uint       // who is told
	Kind        NoticeKind // empty on old notifications
	ActorID     *uint      // who did it
	ArticleID   *uint
	StatementID *uint // the first statement concerned, to open
	Count       int   // how many statements
	OtherID     *uint // the other person concerned (who has them now)
	Priority    Priority
	DueAt       *time.Time
	Message     string
	Link        string
	CreatedAt   time.Time
	ReadAt      *time.Time

	// Read with the notification, for its wording.
	ActorName    string `gorm:"->;-:migration"`
	OtherName    string `gorm:"->;-:migration"`
	ArticleTitle string `gorm:"->;-:migration"`
}

// notice is one statement someone is to be told about.
type notice struct {
	kind          NoticeKind
	user          uint // who is told
	actor, other  uint
	article, stmt uint
	priority      Priority
	due           *time.Time
}

// notify stores one notification per person, kind and article for the
// notices, pointing at the first statement concerned.
func notify(tx *gorm.DB, now time.Time, items []notice) error {
	type key struct {
		user    uint
		kind    NoticeKind
		article uint
	}
	index := map[key]int{}
	var notes []Notification
	for _, it := range items {
		k := key{it.user, it.kind, it.article}
		if i, ok := index[k]; ok {
			notes[i].Count++
			continue
		}
		index[k] = len(notes)
		if it.priority == "" {
			it.priority = Normal
		}
		notes = append(notes, Notification{
			UserID: it.user, Kind: it.kind, ActorID: idOrNil(it.actor), ArticleID: idOrNil(it.article),
			StatementID: idOrNil(it.stmt), Count: 1, OtherID: idOrNil(it.other),
			Priority: it.priority, DueAt: it.due, CreatedAt: now,
		})
	}
	if len(notes) == 0 {
		return nil
	}
	return tx.Omit("ActorName", "OtherName", "ArticleTitle").CreateInBatches(&notes, 200).Error
}

func idOrNil(id uint) *uint {
	if id == 0 {
		return nil
	}
	return &id
}

// assignmentNotices tells the assignee what they were given, and anyone who
// had the statements before (stmts hold the earlier AssigneeID) that they
// went to someone else. Nobody is told about what they did themselves.
func assignmentNotices(in AssignInput, stmts []Statement) []notice {
	var out []notice
	for _, st := range stmts {
		if in.AssigneeID != in.ByUserID {
			out = append(out, notice{kind: NoticeAssigned, user: in.AssigneeID, actor: in.ByUserID,
				article: st.ArticleID, stmt: st.ID, priority: in.Priority, due: in.DueAt})
		}
		if prev := st.AssigneeID; prev != nil && *prev != in.AssigneeID && *prev != in.ByUserID {
			out = append(out, notice{kind: NoticeReassigned, user: *prev, actor: in.ByUserID,
				other: in.AssigneeID, article: st.ArticleID, stmt: st.ID})
		}
	}
	return out
}

// unassignmentNotices tells those who had the statements that they went
// back to the pool.
func unassignmentNotices(had []Statement, byUserID uint) []notice {
	var out []notice
	for _, st := range had {
		if *st.AssigneeID != byUserID {
			out = append(out, notice{kind: NoticeUnassigned, user: *st.AssigneeID, actor: byUserID,
				article: st.ArticleID, stmt: st.ID})
		}
	}
	return out
}

// Notifications returns the user's latest notifications, newest first.
func (s *Store) Notifications(ctx context.Context, userID uint, limit int) ([]Notification, error) {
	var list []Notification
	err := s.db.WithContext(ctx).Table("notifications n").
		Select("n.*, actor.name AS actor_name, other.name AS other_name, a.title AS article_title").
		Joins("LEFT JOIN users actor ON actor.id = n.actor_id").
		Joins("LEFT JOIN users other ON other.id = n.other_id").
		Joins("LEFT JOIN articles a ON a.id = n.article_id").
		Where("n.user_id = ?", userID).Where(noticeLive("n.article_id")).Order("n.created_at DESC, n.id DESC").Limit(limit).Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: notifications of user %d: %w", userID, err)
	}
	return list, nil
}

// UnreadCount is how many of the user's notifications are unread.
func (s *Store) UnreadCount(ctx context.Context, userID uint) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Notification{}).
		Where("user_id = ? AND read_at IS NULL", userID).Where(noticeLive("article_id")).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("models: unread notifications of user %d: %w", userID, err)
	}
	return n, nil
}

// MarkNotificationsRead marks all of the user's notifications read.
func (s *Store) MarkNotificationsRead(ctx context.Context, userID uint) error {
	err := s.write(ctx, func(tx *gorm.DB) error {
		return tx.Model(&Notification{}).Where("user_id = ? AND read_at IS NULL", userID).Update("read_at", s.nowUTC()).Error
	})
	if err != nil {
		return fmt.Errorf("models: mark notifications of user %d read: %w", userID, err)
	}
	return nil
}

// noticeLive keeps notifications about no article, or about one that is
// not deleted: those about a deleted article leave the list with it.
func noticeLive(column string) string {
	return "(" + column + " IS NULL OR " + liveArticle(column) + ")"
}
