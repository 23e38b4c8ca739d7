package models

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// A migration moves the schema one version forward. Each one works on its
// own snapshot of the tables it touches, never on the current model types,
// so that editing a model later cannot change what an old migration does.
type migration func(tx *gorm.DB) error

// migrations are applied in order; the schema version is how many have run.
// Append only: never edit or reorder an entry that has been released.
var migrations = []migration{
	// 1: articles and their statements.
	func(tx *gorm.DB) error {
		type article struct {
			ID          uint   `gorm:"primaryKey"`
			Title       string `gorm:"not null"`
			Body        string `gorm:"not null"`
			URL         string `gorm:"not null;default:''"`
			Author      string `gorm:"not null;default:''"`
			PublishedAt *time.Time
			CreatedAt   time.Time `gorm:"not null;index"`
			UpdatedAt   time.Time `gorm:"not null"`
		}
		type statement struct {
			ID          uint    `gorm:"primaryKey"`
			ArticleID   uint    `gorm:"not null;index:idx_statements_article_position,priority:1"`
			Position    int     `gorm:"not null;index:idx_statements_article_position,priority:2"`
			StartOffset int     `gorm:"not null"`
			EndOffset   int     `gorm:"not null"`
			Text        string  `gorm:"not null"`
			Checkable   bool    `gorm:"not null"`
			Score       float64 `gorm:"not null"`
			Type        string  `gorm:"not null;default:''"`
			Reasons     string  `gorm:"not null;default:'[]'"`
			Facets      string  `gorm:"not null;default:'[]'"`
			Verdict     string  `gorm:"not null;default:'unreviewed';index"`
			Note        string  `gorm:"not null;default:''"`
			Correction  string  `gorm:"not null;default:''"`
			Version     int     `gorm:"not null;default:1"`
			ReviewedAt  *time.Time
			CreatedAt   time.Time `gorm:"not null"`
			UpdatedAt   time.Time `gorm:"not null"`
			Article     *article  `gorm:"foreignKey:ArticleID;constraint:OnDelete:CASCADE"`
		}
		return tx.Migrator().CreateTable(&article{}, &statement{})
	},
	// 2: sources backing a statement's verdict.
	func(tx *gorm.DB) error {
		type statement struct{ ID uint }
		type source struct {
			ID          uint   `gorm:"primaryKey"`
			StatementID uint   `gorm:"not null;index"`
			Position    int    `gorm:"not null"`
			URL         string `gorm:"not null"`
			Title       string `gorm:"not null;default:''"`
			Publisher   string `gorm:"not null;default:''"`
			Quote       string `gorm:"not null;default:''"`
			AccessedAt  *time.Time
			CreatedAt   time.Time  `gorm:"not null"`
			Statement   *statement `gorm:"foreignKey:StatementID;constraint:OnDelete:CASCADE"`
		}
		return tx.Migrator().CreateTable(&source{})
	},
	// 3: what imports need: a fingerprint of the text to spot duplicates,
	// the site an article came from, and the article it is a new version of.
	func(tx *gorm.DB) error {
		type article struct {
			ContentHash string `gorm:"not null;default:'';index"`
			SiteName    string `gorm:"not null;default:''"`
			PreviousID  *uint  `gorm:"index"`
		}
		m := tx.Migrator()
		for _, col := range []string{"ContentHash", "SiteName", "PreviousID"} {
			if err := m.AddColumn(&article{}, col); err != nil {
				return err
			}
		}
		if err := m.CreateIndex(&article{}, "ContentHash"); err != nil {
			return err
		}
		return m.CreateIndex(&article{}, "PreviousID")
	},
	// 4: the team: users, their sessions and API tokens, login attempts
	// for rate limiting, who reviewed a statement, assignments with their
	// history, and notifications.
	func(tx *gorm.DB) error {
		type user struct {
			ID           uint      `gorm:"primaryKey"`
			Email        string    `gorm:"not null;uniqueIndex"`
			Name         string    `gorm:"not null"`
			Role         string    `gorm:"not null"`
			PasswordHash string    `gorm:"not null"`
			Active       bool      `gorm:"not null;default:true"`
			CreatedAt    time.Time `gorm:"not null"`
			UpdatedAt    time.Time `gorm:"not null"`
		}
		type session struct {
			ID         string    `gorm:"primaryKey;size:64"` // SHA-256 of the cookie value
			UserID     uint      `gorm:"not null;index"`
			CreatedAt  time.Time `gorm:"not null"`
			LastSeenAt time.Time `gorm:"not null"`
			ExpiresAt  time.Time `gorm:"not null;index"`
			User       *user     `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE"`
		}
		type apiToken struct {
			ID         uint      `gorm:"primaryKey"`
			UserID     uint      `gorm:"not null;index"`
			Name       string    `gorm:"not null"`
			Hash       string    `gorm:"not null;uniqueIndex;size:64"`
			Prefix     string    `gorm:"not null"`
			CreatedAt  time.Time `gorm:"not null"`
			LastUsedAt *time.Time
			RevokedAt  *time.Time
			User       *user `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE"`
		}
		type loginAttempt struct {
			ID        uint      `gorm:"primaryKey"`
			Email     string    `gorm:"not null;index:idx_login_attempts_email,priority:1"`
			IP        string    `gorm:"not null;index:idx_login_attempts_ip,priority:1"`
			OK        bool      `gorm:"not null"`
			CreatedAt time.Time `gorm:"not null;index:idx_login_attempts_email,priority:2;index:idx_login_attempts_ip,priority:2"`
		}
		type statement struct {
			ReviewedByID *uint `gorm:"index"`
			AssigneeID   *uint `gorm:"index"`
			AssignedByID *uint
			AssignedAt   *time.Time
			DueAt        *time.Time `gorm:"index"`
			Priority     string     `gorm:"not null;default:'normal'"`
		}
		type assignment struct {
			ID           uint   `gorm:"primaryKey"`
			StatementID  uint   `gorm:"not null;index"`
			Action       string `gorm:"not null"` // assign, unassign, take
			AssigneeID   *uint
			AssignedByID uint `gorm:"not null"`
			DueAt        *time.Time
			Priority     string    `gorm:"not null;default:'normal'"`
			CreatedAt    time.Time `gorm:"not null;index"`
		}
		type notification struct {
			ID        uint       `gorm:"primaryKey"`
			UserID    uint       `gorm:"not null;index:idx_notifications_user_read,priority:1"`
			Message   string     `gorm:"not null"`
			Link      string     `gorm:"not null;default:''"`
			CreatedAt time.Time  `gorm:"not null"`
			ReadAt    *time.Time `gorm:"index:idx_notifications_user_read,priority:2"`
			User      *user      `gorm:"foreignKey:UserID;constraint:OnDelete:CASCADE"`
		}
		m := tx.Migrator()
		if err := m.CreateTable(&user{}, &session{}, &apiToken{}, &loginAttempt{}, &assignment{}, &notification{}); err != nil {
			return err
		}
		for _, col := range []string{"ReviewedByID", "AssigneeID", "AssignedByID", "AssignedAt", "DueAt", "Priority"} {
			if err := m.AddColumn(&statement{}, col); err != nil {
				return err
			}
		}
		for _, idx := range []string{"ReviewedByID", "AssigneeID", "DueAt"} {
			if err := m.CreateIndex(&statement{}, idx); err != nil {
				return err
			}
		}
		return nil
	},
	// 5: the review desk: dismissed statements, comments, the append-only
	// history of every change, and who is viewing which article.
	func(tx *gorm.DB) error {
		type statement struct {
			Dismissed     bool   `gorm:"not null;default:false"`
			DismissReason string `gorm:"not null;default:''"`
		}
		type comment struct {
			ID          uint `gorm:"primaryKey"`
			StatementID uint `gorm:"not null;index"`
			UserID      *uint
			Body        string    `gorm:"not null"`
			CreatedAt   time.Time `gorm:"not null"`
		}
		type statementEvent struct {
			ID          uint `gorm:"primaryKey"`
			ArticleID   uint `gorm:"not null;index:idx_statement_events_article,priority:1"`
			StatementID uint `gorm:"not null;index"`
			UserID      *uint
			Action      string    `gorm:"not null"`
			Before      string    `gorm:"not null;default:''"`
			After       string    `gorm:"not null;default:''"`
			CreatedAt   time.Time `gorm:"not null;index:idx_statement_events_article,priority:2"`
		}
		type presence struct {
			ArticleID uint      `gorm:"primaryKey;autoIncrement:false"`
			UserID    uint      `gorm:"primaryKey;autoIncrement:false"`
			SeenAt    time.Time `gorm:"not null;index"`
		}
		m := tx.Migrator()
		for _, col := range []string{"Dismissed", "DismissReason"} {
			if err := m.AddColumn(&statement{}, col); err != nil {
				return err
			}
		}
		return m.CreateTable(&comment{}, &statementEvent{}, &presence{})
	},

	// 6: notifications keep facts (kind, who, which article and
	// statements, how many) for views to word, instead of English
	// sentences; statements created by a split record the same payload
	// as those created from a selection.
	func(tx *gorm.DB) error {
		type notification struct {
			Kind        string `gorm:"not null;default:''"`
			ActorID     *uint
			ArticleID   *uint
			StatementID *uint
			Count       int `gorm:"not null;default:0"`
			OtherID     *uint
			Priority    string `gorm:"not null;default:'normal'"`
			DueAt       *time.Time
		}
		m := tx.Migrator()
		for _, col := range []string{"Kind", "ActorID", "ArticleID", "StatementID", "Count", "OtherID", "Priority", "DueAt"} {
			if err := m.AddColumn(&notification{}, col); err != nil {
				return err
			}
		}
		type event struct {
			ID    uint
			After string
		}
		var old []event
		err := tx.Table("statement_events").Select("id, after").
			Where("action = ? AND after LIKE ?", "create", `%"span":%`).Find(&old).Error
		if err != nil {
			return err
		}
		type span struct {
			Start int    `json:"start"`
			End   int    `json:"end"`
			Text  string `json:"text"`
		}
		type created struct {
			span
			SplitFrom uint `json:"split_from,omitempty"`
		}
		for _, e := range old {
			var was struct {
				SplitFrom uint `json:"split_from"`
				Span      span `json:"span"`
			}
			if json.Unmarshal([]byte(e.After), &was) != nil {
				continue
			}
			now, err := json.Marshal(created{span: was.Span, SplitFrom: was.SplitFrom})
			if err != nil {
				return err
			}
			if err := tx.Table("statement_events").Where("id = ?", e.ID).Update("after", string(now)).Error; err != nil {
				return err
			}
		}
		return nil
	},
	// Sign-in counters counted before the password check; set-up codes.
	migrateSignInSecurity,
	migrateArticleDeletion,
	// Counters, key-paged lists, full-text search and a change feed
	// that never skips, for a desk of years of work.
	migrateScale,
	// Page furniture the extractor set aside, shown greyed and restorable.
	migrateFurniture,
	// Desk settings, the review workflow, publication and webhooks.
	migratePublication,
	// Team's "done this week" from one covering index.
	migrateReviewerDone,
	// My queue paged by key: the returned statements of an assignee.
	migrateQueuePaging,
	// PostgreSQL's full-text indexes without a pending list.
	migrateFullTextAtOnce,
}

// schemaVersion records how many migrations have run.
type schemaVersion struct {
	Version   int `gorm:"primaryKey;autoIncrement:false"`
	AppliedAt time.Time
}

func (schemaVersion) TableName() string { return "schema_versions" }

// Migrate applies every migration the database has not seen yet, each in
// its own transaction together with the record of its version.
func Migrate(db *gorm.DB) error { return migrateTo(db, len(migrations)) }

// Ready reports whether the store can serve: the database answers and its
// schema is the one this program expects.
func (s *Store) Ready(ctx context.Context) error {
	v, err := SchemaVersion(s.db.WithContext(ctx))
	if err != nil {
		return err
	}
	if v != len(migrations) {
		return fmt.Errorf("models: schema version %d, want %d", v, len(migrations))
	}
	return nil
}

// SchemaVersion returns the number of migrations applied to db.
func SchemaVersion(db *gorm.DB) (int, error) {
	var v int
	err := db.Model(&schemaVersion{}).Select("COALESCE(MAX(version), 0)").Scan(&v).Error
	if err != nil {
		return 0, fmt.Errorf("models: schema version: %w", err)
	}
	return v, nil
}

func migrateTo(db *gorm.DB, target int) error {
	if err := db.AutoMigrate(&schemaVersion{}); err != nil {
		return fmt.Errorf("models: create schema_versions: %w", err)
	}
	current, err := SchemaVersion(db)
	if err != nil {
		return err
	}
	if current > len(migrations) {
		return fmt.Errorf("models: database schema version %d is newer than this program (%d); upgrade factcheck", current, len(migrations))
	}
	for v := current + 1; v <= target; v++ {
		err := db.Transaction(func(tx *gorm.DB) error {
			// Several app instances may start at once on one PostgreSQL
			// database: the first takes the lock and migrates, the others
			// wait and then find the work done.
			if tx.Dialector.Name() == "postgres" {
				if err := tx.Exec("SELECT pg_advisory_xact_lock(7261001)").Error; err != nil {
					return err
				}
				if now, err := SchemaVersion(tx); err != nil || now >= v {
					return err
				}
			}
			if err := migrations[v-1](tx); err != nil {
				return err
			}
			return tx.Create(&schemaVersion{Version: v, AppliedAt: time.Now().UTC()}).Error
		})
		if err != nil {
			return fmt.Errorf("models: migration %d: %w", v, err)
		}
	}
	return nil
}
