package models

import (
	"time"

	"gorm.io/gorm"
)

// migrateArticleDeletion lets an editor delete an article softly: it
// leaves every list and page at once but can be restored for
// RestoreWindow, after which PurgeDeleted removes it for good.
func migrateArticleDeletion(tx *gorm.DB) error {
	type article struct {
		DeletedAt   *time.Time `gorm:"index"`
		DeletedByID *uint
	}
	m := tx.Migrator()
	for _, col := range []string{"DeletedAt", "DeletedByID"} {
		if err := m.AddColumn(&article{}, col); err != nil {
			return err
		}
	}
	return m.CreateIndex(&article{}, "DeletedAt")
}
