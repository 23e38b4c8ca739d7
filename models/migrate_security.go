package models

import (
	"time"

	"gorm.io/gorm"
)

// migrateSignInSecurity replaces the log of every sign-in attempt, which
// grew with each try and was counted after the password check, by one
// counter row per account-and-address and per address; and adds the
// hashes of one-time set-up codes for the first run.
func migrateSignInSecurity(tx *gorm.DB) error {
	type loginThrottle struct {
		Bucket      string    `gorm:"primaryKey;size:80"`
		Failures    int       `gorm:"not null"`
		WindowStart time.Time `gorm:"not null;index"`
	}
	type setupCode struct {
		Hash      string    `gorm:"primaryKey;size:64"` // SHA-256 of the code
		CreatedAt time.Time `gorm:"not null"`
	}
	m := tx.Migrator()
	if err := m.CreateTable(&loginThrottle{}, &setupCode{}); err != nil {
		return err
	}
	return m.DropTable("login_attempts")
}
