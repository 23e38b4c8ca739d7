package models

import (
	"net/mail"
	"strings"
	"time"
	"unicode/utf8"
)

// Role is what a user may do on the desk.
type Role string

// Roles, from most to least powerful.
const (
	Admin    Role = "admin"
	Editor   Role = "editor"
	Reviewer Role = "reviewer"
)

// Roles lists every role.
var Roles = []Role{Admin, Editor, Reviewer}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == Admin || r == Editor || r == Reviewer }

// Label is the role in words.
func (r Role) Label() string {
	switch r {
	case Admin:
		return "Admin"
	case Editor:
		return "Editor"
	}
	return "Reviewer"
}

// Permission is one kind of action the server checks on every route.
type Permission int

// Permissions. The README's permission matrix is this table.
const (
	PermRead           Permission = iota // see articles, statements, queues and reports; export
	PermReview                           // verdicts, sources, notes; take work from the queue
	PermCreateArticle                    // create and import articles
	PermDeleteArticle                    // delete articles
	PermEditStatements                   // fix statement boundaries, split, merge, dismiss
	PermAssign                           // assign, reassign and unassign work; the team view
	PermManageUsers                      // create users, change roles, deactivate; settings and webhooks
	PermRestoreArticle                   // list deleted articles and restore them
	PermApprove                          // approve or return a review; publish and unpublish checks
)

var rolePermissions = map[Role][]Permission{
	Admin:    {PermRead, PermReview, PermCreateArticle, PermDeleteArticle, PermEditStatements, PermAssign, PermManageUsers, PermRestoreArticle, PermApprove},
	Editor:   {PermRead, PermReview, PermCreateArticle, PermDeleteArticle, PermEditStatements, PermAssign, PermApprove},
	Reviewer: {PermRead, PermReview},
}

// Can reports whether the role grants p.
func (r Role) Can(p Permission) bool {
	for _, x := range rolePermissions[r] {
		if x == p {
			return true
		}
	}
	return false
}

// MinPasswordLength is the shortest password the desk accepts.
const MinPasswordLength = 10

// Limits of a user's fields. An email address cannot be longer (RFC 5321).
const (
	MaxEmailBytes = 254
	MaxNameBytes  = 200
)

// User is a member of the desk. Users are deactivated, never deleted, so
// the history keeps their names.
type User struct {
	ID           uint `gorm:"primaryKey"`
	Email        string
	Name         string
	Role         Role
	PasswordHash string
	Active       bool
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Can reports whether the user is active and their role grants p.
func (u *User) Can(p Permission) bool { return u != nil && u.Active && u.Role.Can(p) }

// UserInput is what an admin (or the set-up page) submits to create a user.
type UserInput struct {
	Email    string `json:"email" form:"email"`
	Name     string `json:"name" form:"name"`
	Role     Role   `json:"role" form:"role"`
	Password string `json:"password" form:"password"`
}

func (in UserInput) normalize() UserInput {
	in.Email = strings.ToLower(strings.TrimSpace(in.Email))
	in.Name = strings.TrimSpace(in.Name)
	return in
}

func (in UserInput) validate() error {
	v := &ValidationError{}
	if a, err := mail.ParseAddress(in.Email); err != nil || a.Address != in.Email || len(in.Email) > MaxEmailBytes {
		v.add("email", "Enter an email address like name@example.org.")
	}
	if in.Name == "" || !utf8.ValidString(in.Name) || len(in.Name) > MaxNameBytes {
		v.add("name", "Enter a name (at most 200 characters).")
	} else {
		v.checkText("name", "name", in.Name, MaxNameBytes)
	}
	if !in.Role.Valid() {
		v.add("role", "Choose a role: admin, editor or reviewer.")
	}
	if err := validatePassword(in.Password); err != "" {
		v.add("password", err)
	}
	return v.orNil()
}

// Session is a signed-in browser. ID is the SHA-256 of the cookie value, so
// a leaked database does not leak live sessions.
type Session struct {
	ID         string `gorm:"primaryKey"`
	UserID     uint
	CreatedAt  time.Time
	LastSeenAt time.Time
	ExpiresAt  time.Time
}

// APIToken is a personal token for /api/v1. Only its hash is stored; the
// token itself is shown once, when it is created.
type APIToken struct {
	ID         uint `gorm:"primaryKey"`
	UserID     uint
	Name       string
	Hash       string
	Prefix     string
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

// TableName keeps GORM from naming the table "api_tokens" differently on
// different versions.
func (APIToken) TableName() string { return "api_tokens" }
