package models

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"net/http"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/apperr"
)

// Session limits.
const (
	SessionIdle = 12 * time.Hour      // a session unused this long expires
	SessionMax  = 30 * 24 * time.Hour // and no session outlives this
)

// Messages of the sign-in errors. The same for an unknown email and a
// wrong password, so the form does not reveal who has an account.
var (
	badCredentials = apperr.Wrap(ErrBadCredentials, http.StatusUnauthorized, "The email or password is not right.")
	rateLimited    = apperr.Wrap(ErrRateLimited, http.StatusTooManyRequests, "Too many failed sign-in attempts. Wait 15 minutes and try again.")
	alreadySetUp   = apperr.Wrap(ErrAlreadySetUp, http.StatusConflict, "The desk is already set up; sign in instead.")
	noSuchSession  = notFound(ErrNotFound)
)

// CountUsers returns how many users exist; zero means the desk is not set up.
func (s *Store) CountUsers(ctx context.Context) (int64, error) {
	var n int64
	if err := s.db.WithContext(ctx).Model(&User{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("models: count users: %w", err)
	}
	return n, nil
}

// CreateUser validates in and stores a new active user.
func (s *Store) CreateUser(ctx context.Context, in UserInput) (*User, error) {
	return s.createUser(ctx, in, func(tx *gorm.DB, in UserInput) error {
		var n int64
		if err := tx.Model(&User{}).Where("email = ?", in.Email).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return invalid("email", "A user with this email already exists.")
		}
		return nil
	})
}

// createUser validates and hashes, then stores the user in a transaction
// after allowed says the desk may have them.
func (s *Store) createUser(ctx context.Context, in UserInput, allowed func(tx *gorm.DB, in UserInput) error) (*User, error) {
	in = in.normalize()
	if err := in.validate(); err != nil {
		return nil, err
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(in.Password), s.cost)
	if err != nil {
		return nil, fmt.Errorf("models: hash password: %w", err)
	}
	u := &User{Email: in.Email, Name: in.Name, Role: in.Role, PasswordHash: string(hash), Active: true}
	err = s.write(ctx, func(tx *gorm.DB) error {
		if err := allowed(tx, in); err != nil {
			return err
		}
		return tx.Create(u).Error
	})
	if err != nil {
		if isExpected(err) {
			return nil, err
		}
		return nil, fmt.Errorf("models: create user %s: %w", in.Email, err)
	}
	return u, nil
}

// UserByID returns one user.
func (s *Store) UserByID(ctx context.Context, id uint) (*User, error) {
	var u User
	if err := s.db.WithContext(ctx).Take(&u, id).Error; err != nil {
		return nil, fmt.Errorf("models: user %d: %w", id, notFound(err))
	}
	return &u, nil
}

// UserByEmail returns the user with that email (case-insensitive).
func (s *Store) UserByEmail(ctx context.Context, email string) (*User, error) {
	var u User
	err := s.db.WithContext(ctx).Where("email = ?", strings.ToLower(strings.TrimSpace(email))).First(&u).Error
	if err != nil {
		return nil, fmt.Errorf("models: user %s: %w", email, notFound(err))
	}
	return &u, nil
}

// Users returns every user, active first, then by name.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	var list []User
	if err := s.db.WithContext(ctx).Order("active DESC, name, id").Find(&list).Error; err != nil {
		return nil, fmt.Errorf("models: users: %w", err)
	}
	return list, nil
}

// UserChange is an admin's change to a user; nil fields stay as they are.
type UserChange struct {
	Role   *Role `json:"role"`
	Active *bool `json:"active"`
}

// UpdateUser changes a user's role or active state. The desk always keeps
// one active admin. Deactivating signs the user out everywhere and revokes
// their API tokens.
func (s *Store) UpdateUser(ctx context.Context, id uint, ch UserChange) (*User, error) {
	if ch.Role != nil && !ch.Role.Valid() {
		return nil, invalid("role", "Choose a role: admin, editor or reviewer.")
	}
	var out User
	err := s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.First(&out, id).Error; err != nil {
			return notFound(err)
		}
		if ch.Role != nil {
			out.Role = *ch.Role
		}
		if ch.Active != nil {
			out.Active = *ch.Active
		}
		var admins int64
		if err := tx.Model(&User{}).Where("role = ? AND active = ? AND id <> ?", Admin, true, id).Count(&admins).Error; err != nil {
			return err
		}
		if admins == 0 && (out.Role != Admin || !out.Active) {
			return invalid("role", "The desk needs at least one active admin.")
		}
		if err := tx.Model(&User{}).Where("id = ?", id).Updates(map[string]any{"role": out.Role, "active": out.Active, "updated_at": s.nowUTC()}).Error; err != nil {
			return err
		}
		if !out.Active {
			// Signed out everywhere, and their API tokens revoked for
			// good: reactivating the user does not bring them back.
			if err := tx.Where("user_id = ?", id).Delete(&Session{}).Error; err != nil {
				return err
			}
			return revokeTokens(tx, id, s.nowUTC())
		}
		return nil
	})
	if err != nil {
		if isExpected(err) {
			return nil, err
		}
		return nil, fmt.Errorf("models: update user %d: %w", id, err)
	}
	return &out, nil
}

// PasswordChange is a user's change of their own password.
type PasswordChange struct {
	Current, New string
	// KeepSession is the cookie value of the session making the change,
	// which stays signed in; every other session of the user ends.
	KeepSession string
	// RevokeTokens also revokes every API token of the user.
	RevokeTokens bool
}

// ChangePassword sets a new password after checking the current one, and
// signs the user out of every other session (and, if asked, revokes their
// API tokens), in one transaction.
func (s *Store) ChangePassword(ctx context.Context, id uint, ch PasswordChange) error {
	u, err := s.UserByID(ctx, id)
	if err != nil {
		return err
	}
	release, ok := s.acquireCheck()
	if !ok {
		return busy
	}
	wrong := bcrypt.CompareHashAndPassword([]byte(u.PasswordHash), []byte(ch.Current)) != nil
	release()
	if wrong {
		return invalid("current", "Your current password is not right.")
	}
	if msg := validatePassword(ch.New); msg != "" {
		return invalid("password", msg)
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(ch.New), s.cost)
	if err != nil {
		return fmt.Errorf("models: hash password: %w", err)
	}
	now := s.nowUTC()
	err = s.write(ctx, func(tx *gorm.DB) error {
		if err := tx.Model(&User{}).Where("id = ?", id).Updates(map[string]any{"password_hash": string(hash), "updated_at": now}).Error; err != nil {
			return err
		}
		if err := tx.Where("user_id = ? AND id <> ?", id, hashToken(ch.KeepSession)).Delete(&Session{}).Error; err != nil {
			return err
		}
		if ch.RevokeTokens {
			return revokeTokens(tx, id, now)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("models: change password of user %d: %w", id, err)
	}
	return nil
}

// revokeTokens revokes every live API token of a user.
func revokeTokens(tx *gorm.DB, userID uint, now time.Time) error {
	return tx.Model(&APIToken{}).Where("user_id = ? AND revoked_at IS NULL", userID).Update("revoked_at", now).Error
}

// newSecret returns a random URL-safe string of 32 bytes of entropy.
func newSecret() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateSession starts a session for the user and returns the cookie value.
// A sign-in always gets a new session, so a session id planted before the
// sign-in is worthless after it.
func (s *Store) CreateSession(ctx context.Context, userID uint) (string, error) {
	token := newSecret()
	now := s.nowUTC()
	sess := Session{ID: hashToken(token), UserID: userID, CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(SessionMax)}
	db := s.db.WithContext(ctx)
	if err := db.Create(&sess).Error; err != nil {
		return "", fmt.Errorf("models: create session: %w", err)
	}
	// Sweep expired sessions now and then, not on every request.
	db.Where("expires_at < ? OR last_seen_at < ?", now, now.Add(-SessionIdle)).Delete(&Session{})
	return token, nil
}

// signedInColumns are the columns of a user (as u) in the order signedInFields
// scans them. Every request reads its user, with its session or token, so
// those reads are scanned by hand rather than by GORM's reflection (and
// run without its builder: raw_sql.go).
const signedInColumns = "u.id, u.email, u.name, u.role, u.password_hash, u.active, u.created_at, u.updated_at"

func signedInFields(u *User) []any {
	return []any{&u.ID, &u.Email, &u.Name, &u.Role, &u.PasswordHash, &u.Active, &u.CreatedAt, &u.UpdatedAt}
}

// SessionUser returns the active user signed in with the cookie value, and
// keeps the session alive. An unknown, idle or expired session is ErrNotFound.
// Every page asks, so it is one query: the session with its user.
func (s *Store) SessionUser(ctx context.Context, token string) (*User, error) {
	if token == "" {
		return nil, noSuchSession
	}
	var row struct {
		User
		SessionID     string
		SessionSeen   time.Time
		SessionExpiry time.Time
	}
	err := rawRow(ctx, s.db, `SELECT `+signedInColumns+`, se.id, se.last_seen_at, se.expires_at
FROM sessions se JOIN users u ON u.id = se.user_id WHERE se.id = ?`, hashToken(token)).
		Scan(append(signedInFields(&row.User), &row.SessionID, &row.SessionSeen, &row.SessionExpiry)...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, noSuchSession
	}
	if err != nil {
		return nil, fmt.Errorf("models: session: %w", err)
	}
	now := s.nowUTC()
	if now.After(row.SessionExpiry) || now.Sub(row.SessionSeen) > SessionIdle {
		s.commit(ctx, func(tx *gorm.DB) error { return tx.Delete(&Session{}, "id = ?", row.SessionID).Error })
		return nil, noSuchSession
	}
	if !row.Active {
		return nil, noSuchSession
	}
	// Writing on every request would make every page view a write.
	if now.Sub(row.SessionSeen) > time.Minute {
		s.commit(ctx, func(tx *gorm.DB) error {
			return tx.Model(&Session{}).Where("id = ?", row.SessionID).Update("last_seen_at", now).Error
		})
	}
	return &row.User, nil
}

// DeleteSession signs a browser out.
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	if err := s.db.WithContext(ctx).Where("id = ?", hashToken(token)).Delete(&Session{}).Error; err != nil {
		return fmt.Errorf("models: delete session: %w", err)
	}
	return nil
}

// tokenPrefix marks desk tokens so they are easy to spot in logs and
// secret scanners.
const tokenPrefix = "fcd_"

// CreateToken makes a personal API token and returns it in full; only its
// hash is kept.
func (s *Store) CreateToken(ctx context.Context, userID uint, name string) (string, *APIToken, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "API token"
	}
	if len(name) > 100 || !utf8.ValidString(name) {
		return "", nil, invalid("name", "Give the token a name of at most 100 characters.")
	}
	if err := textError("name", "token name", name, 100); err != nil {
		return "", nil, err
	}
	token := tokenPrefix + newSecret()
	t := &APIToken{UserID: userID, Name: name, Hash: hashToken(token), Prefix: token[:len(tokenPrefix)+6]}
	if err := s.db.WithContext(ctx).Create(t).Error; err != nil {
		return "", nil, fmt.Errorf("models: create token: %w", err)
	}
	return token, t, nil
}

// TokenUser returns the active user owning a live token.
func (s *Store) TokenUser(ctx context.Context, token string) (*User, error) {
	var row struct {
		User
		TokenID       uint
		TokenHash     string
		TokenLastUsed *time.Time
	}
	// Every API request asks: one query, the token with its user.
	hash := hashToken(token)
	err := rawRow(ctx, s.db, `SELECT `+signedInColumns+`, t.id, t.hash, t.last_used_at
FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ? AND t.revoked_at IS NULL`, hash).
		Scan(append(signedInFields(&row.User), &row.TokenID, &row.TokenHash, &row.TokenLastUsed)...)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, noSuchSession
	}
	if err != nil {
		return nil, fmt.Errorf("models: token: %w", err)
	}
	// The hash matched in the index; compare again in constant time so the
	// check does not depend on how the database compares strings.
	if subtle.ConstantTimeCompare([]byte(row.TokenHash), []byte(hash)) != 1 || !row.Active {
		return nil, noSuchSession
	}
	now := s.nowUTC()
	if row.TokenLastUsed == nil || now.Sub(*row.TokenLastUsed) > time.Minute {
		s.commit(ctx, func(tx *gorm.DB) error {
			return tx.Model(&APIToken{}).Where("id = ?", row.TokenID).Update("last_used_at", now).Error
		})
	}
	return &row.User, nil
}

// Tokens returns a user's tokens, newest first.
func (s *Store) Tokens(ctx context.Context, userID uint) ([]APIToken, error) {
	var list []APIToken
	if err := s.db.WithContext(ctx).Where("user_id = ?", userID).Order("created_at DESC, id DESC").Find(&list).Error; err != nil {
		return nil, fmt.Errorf("models: tokens of user %d: %w", userID, err)
	}
	return list, nil
}

// RevokeToken revokes one of the user's tokens.
func (s *Store) RevokeToken(ctx context.Context, userID, tokenID uint) error {
	res := s.db.WithContext(ctx).Model(&APIToken{}).
		Where("id = ? AND user_id = ? AND revoked_at IS NULL", tokenID, userID).
		Update("revoked_at", s.nowUTC())
	if res.Error != nil {
		return fmt.Errorf("models: revoke token %d: %w", tokenID, res.Error)
	}
	if res.RowsAffected == 0 {
		return notFoundf("models: token %d", tokenID)
	}
	return nil
}
