package main

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
)

// fillWorkflow gives a filled desk what the review workflow leaves behind
// over the years: published checks on the public site (the /checks list,
// the corrections log and its feeds) and reviews waiting for a second
// person (Approvals). It turns on approval, as a desk that publishes
// would, publishes published of the approved reviews, spread over the
// desk, then saves submitted reviews of open statements.
func fillWorkflow(ctx context.Context, db *gorm.DB, store *models.Store, published, submitted int) error {
	start := time.Now()
	admin, err := loadAdmin(ctx, store)
	if err != nil {
		return err
	}
	in, err := store.InputOfSettings(ctx)
	if err != nil {
		return err
	}
	in.OrgName, in.BaseURL, in.RequireApproval, in.UserID = "Load Test Desk", "https://checks.example.org", true, admin.ID
	if _, err := store.UpdateSettings(ctx, in); err != nil {
		return err
	}
	// Every k-th approved review, so that publications span the desk.
	var total int64
	if err := db.Table("statements").Where("review_status = ? AND NOT published", models.ReviewApproved).Count(&total).Error; err != nil {
		return err
	}
	var pick []struct {
		ID      uint
		Version int
	}
	if published > 0 && total > 0 {
		k := max(total/int64(published), 1)
		err := db.Raw(`SELECT id, version FROM (SELECT id, version, ROW_NUMBER() OVER (ORDER BY id) AS n FROM statements
WHERE review_status = ? AND NOT published) r WHERE n % ? = 0 ORDER BY id LIMIT ?`, models.ReviewApproved, k, published).Scan(&pick).Error
		if err != nil {
			return err
		}
	}
	for _, p := range pick {
		if _, err := store.Publish(ctx, p.ID, models.Step{Version: p.Version, By: admin}); err != nil {
			return fmt.Errorf("publish statement %d: %w", p.ID, err)
		}
	}
	users, err := loadUsers(ctx, store, 20)
	if err != nil {
		return err
	}
	var open []struct {
		ID      uint
		Version int
	}
	err = db.Raw(`SELECT id, version FROM statements WHERE checkable AND NOT dismissed AND verdict = ? ORDER BY id DESC LIMIT ?`,
		rating.Unreviewed, submitted).Scan(&open).Error
	if err != nil {
		return err
	}
	for i, o := range open {
		r := models.ReviewInput{Verdict: rating.Verified, Version: o.Version, Note: "Checked against the release.",
			Sources: []models.SourceInput{{URL: fmt.Sprintf("https://stats.example.org/%d", o.ID), Title: "Official statistics"}}}
		r.SetUser(&users[i%len(users)])
		if _, err := store.Review(ctx, o.ID, r); err != nil {
			return fmt.Errorf("review statement %d: %w", o.ID, err)
		}
	}
	fmt.Printf("published %d checks, %d reviews await approval (%s)\n", len(pick), len(open), time.Since(start).Round(time.Second))
	return nil
}
