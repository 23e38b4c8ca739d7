package models

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/rating"
)

// ReviewStatus is where a statement's review stands on its way to
// publication.
type ReviewStatus string

// Review statuses.
const (
	ReviewOpen      ReviewStatus = "open"      // no final rating yet
	ReviewSubmitted ReviewStatus = "submitted" // a final rating waits for a second person's approval
	ReviewReturned  ReviewStatus = "returned"  // sent back to the reviewer with a reason
	ReviewApproved  ReviewStatus = "approved"  // ready to publish
)

// ReviewStatuses lists every status, in workflow order.
var ReviewStatuses = []ReviewStatus{ReviewOpen, ReviewSubmitted, ReviewReturned, ReviewApproved}

// Valid reports whether r is a known status.
func (r ReviewStatus) Valid() bool { return slices.Contains(ReviewStatuses, r) }

// Status is the statement's review status; statements stored before the
// workflow existed read as open.
func (s Statement) Status() ReviewStatus {
	if s.ReviewStatus == "" {
		return ReviewOpen
	}
	return s.ReviewStatus
}

// statusAfterReview is the one rule for where a review stands once
// someone saves a rating: open until the rating is final, then approved
// at once, or submitted when the desk wants a second person's approval.
func statusAfterReview(scale *rating.Scale, requireApproval bool, v rating.Key) ReviewStatus {
	switch {
	case !scale.Final(v):
		return ReviewOpen
	case requireApproval:
		return ReviewSubmitted
	}
	return ReviewApproved
}

// flowFields are the workflow columns a review save sets, given the status
// it leads to and who saved it.
func flowFields(status ReviewStatus, by uint, now time.Time) map[string]any {
	f := map[string]any{"review_status": status, "approved_by_id": nil, "approved_at": nil, "return_reason": ""}
	if status == ReviewApproved {
		f["approved_by_id"], f["approved_at"] = idOrNil(by), now
	}
	return f
}

// setFlow sets the workflow fields on a statement value.
func setFlow(st *Statement, fields map[string]any) {
	st.ReviewStatus = fields["review_status"].(ReviewStatus)
	st.ApprovedByID, st.ApprovedAt, st.ApprovedBy, st.ReturnReason = nil, nil, nil, ""
	if id, ok := fields["approved_by_id"].(*uint); ok {
		st.ApprovedByID = id
	}
	if at, ok := fields["approved_at"].(time.Time); ok {
		st.ApprovedAt = &at
	}
}

// reopenReview puts a statement whose evidence someone changed (a source
// added, edited, removed or moved) back before the approver when the desk
// requires approval: the approved review is no longer what was approved.
// The one who changed it counts as its reviewer, so they cannot approve
// it themselves.
func (s *Store) reopenReview(tx *gorm.DB, st *Statement, userID uint, now time.Time) error {
	if !s.Settings().RequireApproval || !s.Scale().Final(st.Verdict) {
		return nil
	}
	fields := flowFields(ReviewSubmitted, userID, now)
	fields["reviewed_by_id"] = idOrNil(userID)
	return tx.Model(&Statement{}).Where("id = ?", st.ID).Updates(fields).Error
}

// WebhookEvent is what a webhook can be told about.
type WebhookEvent string

// Webhook events.
const (
	EventApproved    WebhookEvent = "approved"
	EventReturned    WebhookEvent = "returned"
	EventPublished   WebhookEvent = "published"
	EventUnpublished WebhookEvent = "unpublished"
)

// WebhookEvents lists every event.
var WebhookEvents = []WebhookEvent{EventApproved, EventReturned, EventPublished, EventUnpublished}

// Announcer encodes a statement for the webhooks of an event: the API's
// statement JSON, which the store does not know.
type Announcer func(*Statement) ([]byte, error)

// Step is an editor's step in a statement's workflow.
type Step struct {
	// Version is the statement version the editor saw.
	Version int
	By      *User
	// Reason says why a review is returned.
	Reason string
	// Check vets what a publication will show (its ClaimReview, say)
	// inside the transaction; an error stops the publication.
	Check func(*PublishedCheck) error
	// Announce encodes the statement for webhooks; nil tells none.
	Announce Announcer
}

// MaxReasonBytes caps a return's reason.
const MaxReasonBytes = 2000

// FlowChange is a payload of the workflow's history entries: the status
// after the step and, for a return, why and to whom it went back.
type FlowChange struct {
	Status     ReviewStatus `json:"status"`
	Reason     string       `json:"reason,omitempty"`
	AssigneeID uint         `json:"assignee_id,omitempty"`
}

// PublicationChange is the payload of a publication's history entries.
type PublicationChange struct {
	Live    bool       `json:"live"`
	Verdict rating.Key `json:"verdict"`
	// Changed lists what a republication changed on the public page.
	Changed []string `json:"changed,omitempty"`
}

func (FlowChange) payload()        {}
func (PublicationChange) payload() {}

// Workflow actions of the history.
const (
	ActionApprove   Action = "approve"
	ActionReturn    Action = "return"
	ActionPublish   Action = "publish"
	ActionUnpublish Action = "unpublish"
)

// idOf is the user's id, or 0 for nobody.
func idOf(u *User) uint {
	if u == nil {
		return 0
	}
	return u.ID
}

// refuse is a 403 for a step the rules do not allow this person.
func refuse(msg string) error { return apperr.New(http.StatusForbidden, msg) }

// Approve approves a submitted review. Only someone other than its
// reviewer may: 403 for one's own; 409 when the version is stale.
func (s *Store) Approve(ctx context.Context, id uint, step Step) (*Statement, error) {
	by := idOf(step.By)
	return s.changeThen(ctx, id, step.Version, by, ActionApprove, func(tx *gorm.DB, st *Statement, now time.Time) (Payload, Payload, error) {
		if st.Status() != ReviewSubmitted {
			return nil, nil, invalid("review_status", "Only a submitted review can be approved; this one is "+string(st.Status())+".")
		}
		if st.ReviewedByID != nil && *st.ReviewedByID == by {
			return nil, nil, refuse("You saved this rating: another editor must approve it.")
		}
		err := tx.Model(&Statement{}).Where("id = ?", id).
			Updates(map[string]any{"review_status": ReviewApproved, "approved_by_id": by, "approved_at": now, "return_reason": ""}).Error
		return FlowChange{Status: st.Status()}, FlowChange{Status: ReviewApproved}, err
	}, s.announce(EventApproved, step.Announce))
}

// Return sends a submitted (or approved) review back to its reviewer with
// a reason: it goes to the top of their queue and they are notified.
func (s *Store) Return(ctx context.Context, id uint, step Step) (*Statement, error) {
	reason := strings.TrimSpace(step.Reason)
	switch {
	case reason == "":
		return nil, invalid("reason", "Say why the review goes back, so the reviewer knows what to fix.")
	case len(reason) > MaxReasonBytes || !utf8.ValidString(reason):
		return nil, invalid("reason", "The reason is too long (at most 2,000 characters).")
	}
	by := idOf(step.By)
	return s.changeThen(ctx, id, step.Version, by, ActionReturn, func(tx *gorm.DB, st *Statement, now time.Time) (Payload, Payload, error) {
		if st.Status() != ReviewSubmitted && st.Status() != ReviewApproved {
			return nil, nil, invalid("review_status", "Only a submitted or approved review can be returned; this one is "+string(st.Status())+".")
		}
		fields := map[string]any{"review_status": ReviewReturned, "return_reason": reason, "approved_by_id": nil, "approved_at": nil}
		after := FlowChange{Status: ReviewReturned, Reason: reason}
		if r := st.ReviewedByID; r != nil {
			// Back to whoever saved the rating: their queue shows it first.
			fields["assignee_id"], fields["assigned_by_id"], fields["assigned_at"] = *r, by, now
			after.AssigneeID = *r
			if *r != by {
				err := notify(tx, now, []notice{{kind: NoticeReturned, user: *r, actor: by, article: st.ArticleID, stmt: st.ID}})
				if err != nil {
					return nil, nil, err
				}
			}
		}
		err := tx.Model(&Statement{}).Where("id = ?", id).Updates(fields).Error
		return FlowChange{Status: st.Status()}, after, err
	}, s.announce(EventReturned, step.Announce))
}

// Publish puts an approved check on the public site, with what it shows
// fixed until the next publication. A republication keeps the first
// publication date and, when the check changed, adds a dated update.
func (s *Store) Publish(ctx context.Context, id uint, step Step) (*Statement, error) {
	settings := s.Settings()
	if missing := settings.MissingForPublishing(); len(missing) > 0 {
		return nil, Invalid(missing...)
	}
	return s.changeThen(ctx, id, step.Version, idOf(step.By), ActionPublish, func(tx *gorm.DB, st *Statement, now time.Time) (Payload, Payload, error) {
		switch {
		case st.Status() != ReviewApproved:
			return nil, nil, invalid("review_status", "Only an approved review can be published; this one is "+string(st.Status())+".")
		case st.Dismissed:
			return nil, nil, invalid("dismissed", "A dismissed statement cannot be published.")
		}
		var a Article
		if err := tx.Select("id, title, url, author, published_at, site_name").Take(&a, st.ArticleID).Error; err != nil {
			return nil, nil, err
		}
		var old []Publication
		if err := tx.Where("statement_id = ?", id).Limit(1).Find(&old).Error; err != nil {
			return nil, nil, err
		}
		check := publishedCheck(st, &a, s.Scale(), now)
		before := PublicationChange{}
		pub := Publication{StatementID: id, ArticleID: st.ArticleID, Live: true, PublishedAt: now, UpdatedAt: now, Verdict: st.Verdict}
		if len(old) > 0 {
			prev := old[0].Content
			before = PublicationChange{Live: old[0].Live, Verdict: old[0].Verdict}
			pub.PublishedAt, pub.UpdatedAt = old[0].PublishedAt, old[0].UpdatedAt
			check.PublishedAt, check.Updates = prev.PublishedAt, prev.Updates
			if changed := prev.differences(check); len(changed) > 0 {
				check.Updates = append(check.Updates, PublicationUpdate{At: now, Was: prev.Rating, Changed: changed})
				pub.UpdatedAt = now
			}
		}
		if step.Check != nil {
			if err := step.Check(&check); err != nil {
				return nil, nil, err
			}
		}
		pub.Content = check
		if err := tx.Save(&pub).Error; err != nil {
			return nil, nil, err
		}
		err := tx.Model(&Statement{}).Where("id = ?", id).
			Updates(map[string]any{"published": true, "published_at": check.PublishedAt, "public_url": settings.PublicURL(id)}).Error
		after := PublicationChange{Live: true, Verdict: st.Verdict}
		if n := len(check.Updates); n > 0 && check.Updates[n-1].At.Equal(now) {
			after.Changed = check.Updates[n-1].Changed
		}
		return before, after, err
	}, s.announce(EventPublished, step.Announce))
}

// Unpublish takes a check off the public site. Its first publication
// date is kept for a later republication.
func (s *Store) Unpublish(ctx context.Context, id uint, step Step) (*Statement, error) {
	return s.changeThen(ctx, id, step.Version, idOf(step.By), ActionUnpublish, func(tx *gorm.DB, st *Statement, now time.Time) (Payload, Payload, error) {
		if !st.Published {
			return nil, nil, invalid("published", "This check is not published.")
		}
		if err := tx.Model(&Publication{}).Where("statement_id = ?", id).Update("live", false).Error; err != nil {
			return nil, nil, err
		}
		err := tx.Model(&Statement{}).Where("id = ?", id).Update("published", false).Error
		return PublicationChange{Live: true, Verdict: st.Verdict}, PublicationChange{Live: false, Verdict: st.Verdict}, err
	}, s.announce(EventUnpublished, step.Announce))
}

// announce is the after-step of a transition that queues its webhooks.
func (s *Store) announce(event WebhookEvent, enc Announcer) func(tx *gorm.DB, st *Statement, now time.Time) error {
	if enc == nil {
		return nil
	}
	return func(tx *gorm.DB, st *Statement, now time.Time) error {
		publicURL := ""
		if st.Published {
			publicURL = st.PublicURL
		}
		return enqueueDeliveries(tx, now, event, st, publicURL, enc)
	}
}

// AwaitingApproval lists the submitted reviews, oldest first.
func (s *Store) AwaitingApproval(ctx context.Context, limit int) ([]StatementRow, error) {
	db := s.db.WithContext(ctx)
	var stmts []Statement
	err := db.Preload("ReviewedBy").Where("review_status = ? AND dismissed = ?", ReviewSubmitted, false).Where(liveArticle("article_id")).
		Order("reviewed_at, id").Limit(limit).Find(&stmts).Error
	if err != nil {
		return nil, fmt.Errorf("models: awaiting approval: %w", err)
	}
	return rows(db, stmts)
}

// AwaitingCount is how many reviews wait for approval.
func (s *Store) AwaitingCount(ctx context.Context) (int64, error) {
	var n int64
	err := s.db.WithContext(ctx).Model(&Statement{}).Where("review_status = ? AND dismissed = ?", ReviewSubmitted, false).
		Where(liveArticle("article_id")).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("models: awaiting approval count: %w", err)
	}
	return n, nil
}
