package models

import (
	"time"

	"gorm.io/gorm"
)

// migratePublication adds what takes a verdict to publication: the desk's
// settings (one row), the review workflow on statements, the published
// checks, and webhooks with their deliveries. Statements that already have
// a final built-in rating count as approved, which is what saving one
// meant before a second approval could be required.
func migratePublication(tx *gorm.DB) error {
	type user struct{ ID uint }
	type deskSetting struct {
		ID              uint   `gorm:"primaryKey;autoIncrement:false"`
		OrgName         string `gorm:"not null;default:''"`
		OrgLogoURL      string `gorm:"not null;default:''"`
		BaseURL         string `gorm:"not null;default:''"`
		RequireApproval bool   `gorm:"not null;default:false"`
		Ratings         string `gorm:"not null;default:''"` // JSON; empty: the built-in scale
		BestRating      int    `gorm:"not null;default:5"`
		WorstRating     int    `gorm:"not null;default:1"`
		Version         int    `gorm:"not null;default:0"`
		UpdatedAt       time.Time
		UpdatedByID     *uint
	}
	type statement struct {
		ID           uint
		ReviewStatus string `gorm:"not null;default:'open';index"`
		ApprovedByID *uint
		ApprovedAt   *time.Time
		ReturnReason string `gorm:"not null;default:''"`
		PublishedAt  *time.Time
		Published    bool   `gorm:"not null;default:false"`
		PublicURL    string `gorm:"not null;default:''"`
	}
	type publication struct {
		StatementID uint       `gorm:"primaryKey;autoIncrement:false"`
		ArticleID   uint       `gorm:"not null;index"`
		Live        bool       `gorm:"not null;index:idx_publications_live,priority:1"`
		PublishedAt time.Time  `gorm:"not null;index:idx_publications_live,priority:2"`
		UpdatedAt   time.Time  `gorm:"not null"`
		Verdict     string     `gorm:"not null"`
		Content     string     `gorm:"not null"` // JSON: what the public page shows
		Statement   *statement `gorm:"foreignKey:StatementID;constraint:OnDelete:CASCADE"`
	}
	type webhook struct {
		ID          uint      `gorm:"primaryKey"`
		URL         string    `gorm:"not null"`
		Events      string    `gorm:"not null"` // JSON list
		Secret      string    `gorm:"not null"`
		Active      bool      `gorm:"not null;default:true"`
		CreatedByID *uint     `gorm:"index"`
		CreatedAt   time.Time `gorm:"not null"`
		CreatedBy   *user     `gorm:"foreignKey:CreatedByID;constraint:OnDelete:SET NULL"`
	}
	type webhookDelivery struct {
		ID            uint      `gorm:"primaryKey"`
		WebhookID     uint      `gorm:"not null;index:idx_webhook_deliveries_webhook,priority:1"`
		Event         string    `gorm:"not null"`
		StatementID   uint      `gorm:"not null"`
		PublicURL     string    `gorm:"not null;default:''"`
		Statement     string    `gorm:"not null"` // the API's statement JSON at the event
		Status        string    `gorm:"not null;index:idx_webhook_deliveries_due,priority:1"`
		Attempts      int       `gorm:"not null;default:0"`
		NextAttemptAt time.Time `gorm:"not null;index:idx_webhook_deliveries_due,priority:2"`
		LastCode      int       `gorm:"not null;default:0"`
		LastError     string    `gorm:"not null;default:''"`
		DeliveredAt   *time.Time
		CreatedAt     time.Time `gorm:"not null;index:idx_webhook_deliveries_webhook,priority:2"`
		Webhook       *webhook  `gorm:"foreignKey:WebhookID;constraint:OnDelete:CASCADE"`
	}
	m := tx.Migrator()
	for _, col := range []string{"ReviewStatus", "ApprovedByID", "ApprovedAt", "ReturnReason", "PublishedAt", "Published", "PublicURL"} {
		if err := m.AddColumn(&statement{}, col); err != nil {
			return err
		}
	}
	if err := m.CreateIndex(&statement{}, "ReviewStatus"); err != nil {
		return err
	}
	if err := m.CreateTable(&deskSetting{}, &publication{}, &webhook{}, &webhookDelivery{}); err != nil {
		return err
	}
	return tx.Table("statements").
		Where("verdict IN ?", []string{"verified", "disputed", "corrected", "not_checkable"}).
		Updates(map[string]any{"review_status": "approved", "approved_by_id": gorm.Expr("reviewed_by_id"), "approved_at": gorm.Expr("reviewed_at")}).Error
}
