package models

import "gorm.io/gorm"

// migrateQueuePaging indexes the statements returned to their assignee,
// so that My queue reads a reviewer's open statements by two index ranges
// (open verdicts; returned ones) instead of every statement ever assigned
// to them, which grows with years of finished work.
func migrateQueuePaging(tx *gorm.DB) error {
	return tx.Exec(`CREATE INDEX idx_statements_assignee_status ON statements (assignee_id, review_status) WHERE assignee_id IS NOT NULL`).Error
}
