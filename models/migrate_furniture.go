package models

import "gorm.io/gorm"

// migrateFurniture adds articles.furniture: the page furniture extraction
// left out of the statements, as a JSON array of {start, end, kind}, so
// that the desk can show it greyed and an editor can restore it. Articles
// stored before have none recorded.
func migrateFurniture(tx *gorm.DB) error {
	type article struct {
		Furniture string `gorm:"not null;default:'[]'"`
	}
	return tx.Migrator().AddColumn(&article{}, "Furniture")
}
