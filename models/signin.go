package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/apperr"
)

// Sign-in throttling. Failures are counted per account and address
// together, and per address: an attacker who guesses a colleague's
// password from elsewhere slows only their own attempts and never locks
// the colleague out. The counters are rows in the database, so the limit
// holds across instances, and an attempt is counted before its password
// is checked, in the same transaction that reads the count: a burst of
// parallel guesses cannot all slip under it.
const (
	loginWindow          = 15 * time.Minute
	maxFailuresPerUserIP = 10
	maxFailuresPerIP     = 50
)

var busy = apperr.Wrap(ErrBusy, http.StatusTooManyRequests, "The desk is busy checking other sign-ins. Try again in a few seconds.")

// loginThrottle counts the failed sign-ins of one bucket (an account at an
// address, or an address) in a window that starts at the first failure.
type loginThrottle struct {
	Bucket      string `gorm:"primaryKey"`
	Failures    int
	WindowStart time.Time
}

func (loginThrottle) TableName() string { return "login_throttles" }

// bucket limits are checked in this order.
type bucket struct {
	name  string
	limit int
}

// signInBuckets are the counters one attempt counts against. The account
// is named by a hash of the email, so the table never holds more than a
// fixed-size key per account and address, however long the input.
func signInBuckets(email, ip string) []bucket {
	sum := sha256.Sum256([]byte(email + "\x00" + ip))
	return []bucket{
		{"user-ip:" + hex.EncodeToString(sum[:]), maxFailuresPerUserIP},
		{"ip:" + ip, maxFailuresPerIP},
	}
}

// countAttempt counts one attempt against each bucket, assuming it fails
// (a success gives it back), and refuses it, counting nothing, when a
// bucket is over its limit. The upsert locks each counter row until the
// transaction ends (PostgreSQL), and SQLite runs one writer at a time.
func (s *Store) countAttempt(ctx context.Context, buckets []bucket, now time.Time) error {
	expired := now.Add(-loginWindow)
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, b := range buckets {
			var failures int
			err := tx.Raw(`INSERT INTO login_throttles (bucket, failures, window_start) VALUES (?, 1, ?)
ON CONFLICT (bucket) DO UPDATE SET
  failures = CASE WHEN login_throttles.window_start <= ? THEN 1 ELSE login_throttles.failures + 1 END,
  window_start = CASE WHEN login_throttles.window_start <= ? THEN excluded.window_start ELSE login_throttles.window_start END
RETURNING failures`, b.name, now, expired, expired).Scan(&failures).Error
			if err != nil {
				return fmt.Errorf("models: count sign-in attempt: %w", err)
			}
			if failures > b.limit {
				return rateLimited // rolls back: a refused attempt counts nowhere
			}
		}
		return nil
	})
}

// forgiveAttempt gives back a successful attempt: the account starts
// afresh at that address, and the address gets its one back.
func (s *Store) forgiveAttempt(ctx context.Context, buckets []bucket, now time.Time) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("bucket = ?", buckets[0].name).Delete(&loginThrottle{}).Error; err != nil {
			return err
		}
		for _, b := range buckets[1:] {
			if err := tx.Model(&loginThrottle{}).Where("bucket = ? AND failures > 0", b.name).
				Update("failures", gorm.Expr("failures - 1")).Error; err != nil {
				return err
			}
		}
		// Sweep windows long over now and then, not on every attempt.
		return tx.Where("window_start < ?", now.Add(-loginWindow)).Delete(&loginThrottle{}).Error
	})
}

// acquireCheck takes one of the slots for a password check, or reports
// that all are busy: bcrypt is slow by design, and a flood of checks must
// not take every CPU from the desk.
func (s *Store) acquireCheck() (release func(), ok bool) {
	select {
	case s.checks <- struct{}{}:
		return func() { <-s.checks }, true
	default:
		return nil, false
	}
}

// Authenticate checks an email and password for a sign-in from ip. The
// attempt is counted before the password is checked; a success gives it
// back. An unknown email costs as much as a wrong password (the same
// bcrypt work, against a hash of the store's cost), so the answer's timing
// does not tell who has an account.
func (s *Store) Authenticate(ctx context.Context, email, password, ip string) (*User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	release, ok := s.acquireCheck()
	if !ok {
		return nil, busy
	}
	defer release()
	buckets := signInBuckets(email, ip)
	now := s.nowUTC()
	if err := s.countAttempt(ctx, buckets, now); err != nil {
		return nil, err
	}
	var u User
	hash := s.dummyHash
	err := s.db.WithContext(ctx).Where("email = ?", email).Take(&u).Error
	switch {
	case err == nil:
		hash = []byte(u.PasswordHash)
	case !errors.Is(err, gorm.ErrRecordNotFound):
		return nil, fmt.Errorf("models: find user %s: %w", email, err)
	}
	if bcrypt.CompareHashAndPassword(hash, []byte(password)) != nil || err != nil || !u.Active {
		return nil, badCredentials
	}
	if err := s.forgiveAttempt(ctx, buckets, now); err != nil {
		return nil, fmt.Errorf("models: record sign-in: %w", err)
	}
	return &u, nil
}

// dummyHashOf is a bcrypt hash of the given cost that no password
// matches in practice. Checking a password against it costs what checking
// a real hash of that cost does, and making it costs nothing: bcrypt's
// work factor is part of the hash, not of its salt.
func dummyHashOf(cost int) []byte {
	const saltAndHash = "/JU29i6WhJOYQfI2.CynUeY3Tcgr0YyC0cE6n8m8YFLZJfKibrgjq"
	return fmt.Appendf(nil, "$2a$%02d$%s", cost, saltAndHash)
}
