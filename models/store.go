package models

import (
	"errors"

	"gorm.io/gorm"
)

// Store runs the desk's queries. It is safe for concurrent use.
type Store struct {
	db *gorm.DB
}

// NewStore returns a Store over db.
func NewStore(db *gorm.DB) *Store { return &Store{db: db} }

// DB returns the underlying connection, for wiring and tests.
func (s *Store) DB() *gorm.DB { return s.db }

func notFound(err error) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	return err
}
