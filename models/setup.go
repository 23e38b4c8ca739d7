package models

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// The first run. Until the desk has a user, whoever reaches it could make
// themselves admin; so, as Jenkins does, the server makes a one-time set-up
// code that only its operator sees (in the log, and in a file beside the
// database), and the set-up page asks for it. Only its hash is stored, so
// every instance on a shared database accepts the code any of them made.

// setupCode is the hash of a one-time set-up code.
type setupCode struct {
	Hash      string `gorm:"primaryKey"`
	CreatedAt time.Time
}

func (setupCode) TableName() string { return "setup_codes" }

// badSetupCode is the message for a missing or wrong set-up code.
const badSetupCode = "That set-up code is not right. Copy it from the server's log or from the set-up code file beside the database."

// NewSetupCode makes a one-time set-up code for a desk without users and
// returns it; it stays valid until the first admin is created.
func (s *Store) NewSetupCode(ctx context.Context) (string, error) {
	b := make([]byte, 16)
	rand.Read(b)
	code := hex.EncodeToString(b)
	if err := s.db.WithContext(ctx).Create(&setupCode{Hash: hashToken(code), CreatedAt: s.nowUTC()}).Error; err != nil {
		return "", fmt.Errorf("models: set-up code: %w", err)
	}
	return code, nil
}

// CreateFirstAdmin creates the first user, an admin, given a set-up code,
// in one transaction that fails if any user exists: of two people racing
// through the set-up page, one wins and the other is told the desk is set
// up. The codes are spent.
func (s *Store) CreateFirstAdmin(ctx context.Context, code string, in UserInput) (*User, error) {
	in.Role = Admin
	code = strings.TrimSpace(code)
	return s.createUser(ctx, in, func(tx *gorm.DB, _ UserInput) error {
		// Serialise first runs on PostgreSQL, whose default isolation
		// would let two transactions each count no users; SQLite's
		// immediate transactions already run one at a time.
		if tx.Dialector.Name() == "postgres" {
			if err := tx.Exec("SELECT pg_advisory_xact_lock(7261002)").Error; err != nil {
				return err
			}
		}
		var n int64
		if err := tx.Model(&User{}).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return alreadySetUp
		}
		if code == "" || TextProblem("code", code) != "" {
			return invalid("code", badSetupCode)
		}
		res := tx.Where("hash = ?", hashToken(code)).Delete(&setupCode{})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return invalid("code", badSetupCode)
		}
		return tx.Where("1 = 1").Delete(&setupCode{}).Error
	})
}
