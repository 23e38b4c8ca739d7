package models

import (
	"context"
	"crypto/rand"
	"database/sql/driver"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Webhook is a receiver told about workflow events by signed JSON POSTs.
// Its secret signs every delivery; the API shows it once, when created.
type Webhook struct {
	ID          uint `gorm:"primaryKey"`
	URL         string
	Events      EventList
	Secret      string
	Active      bool
	CreatedByID *uint
	CreatedAt   time.Time
}

// EventList is stored as a JSON array in one text column.
type EventList []WebhookEvent

// Scan implements sql.Scanner.
func (l *EventList) Scan(v any) error { return scanJSON(v, l) }

// Value implements driver.Valuer.
func (l EventList) Value() (driver.Value, error) { return valueJSON([]WebhookEvent(l)) }

// DeliveryStatus is where a delivery stands.
type DeliveryStatus string

// Delivery statuses.
const (
	DeliveryPending   DeliveryStatus = "pending"   // to be sent, or sent again after a failure
	DeliveryDelivered DeliveryStatus = "delivered" // the receiver answered 2xx
	DeliveryFailed    DeliveryStatus = "failed"    // every attempt failed
)

// WebhookDelivery is one event for one webhook: sent, retried with
// backoff, and kept as the delivery log.
type WebhookDelivery struct {
	ID          uint `gorm:"primaryKey"`
	WebhookID   uint
	Event       WebhookEvent
	StatementID uint
	PublicURL   string
	// Statement is the API's statement JSON at the event.
	Statement     string
	Status        DeliveryStatus
	Attempts      int
	NextAttemptAt time.Time
	LastCode      int
	LastError     string
	DeliveredAt   *time.Time
	CreatedAt     time.Time
}

// Limits on webhooks.
const (
	MaxWebhooks     = 20
	MaxWebhookURL   = 2000
	MaxAttempts     = 6 // then the delivery has failed
	deliveryLease   = 2 * time.Minute
	deliveriesShown = 100
)

// Backoff is how long after its n-th failed attempt (from 1) a delivery is
// tried again.
func Backoff(n int) time.Duration {
	steps := []time.Duration{30 * time.Second, 2 * time.Minute, 10 * time.Minute, time.Hour, 6 * time.Hour}
	return steps[min(max(n, 1), len(steps))-1]
}

// WebhookInput is a new webhook.
type WebhookInput struct {
	URL    string
	Events []WebhookEvent
	UserID uint
}

// CreateWebhook stores a webhook with a new secret. The URL's address is
// checked again on every delivery (the SSRF guard); here only its form.
func (s *Store) CreateWebhook(ctx context.Context, in WebhookInput) (*Webhook, error) {
	in.URL = strings.TrimSpace(in.URL)
	v := &ValidationError{}
	if !validHTTPURL(in.URL) || len(in.URL) > MaxWebhookURL {
		v.add("url", "The webhook URL must start with http:// or https:// (at most 2,000 characters).")
	}
	var events EventList
	for _, e := range in.Events {
		if !slices.Contains(WebhookEvents, e) {
			v.add("events", "Unknown event "+quote(string(e))+"; use approved, returned, published or unpublished.")
			break
		}
		if !slices.Contains(events, e) {
			events = append(events, e)
		}
	}
	if len(in.Events) == 0 {
		v.add("events", "Choose at least one event: approved, returned, published or unpublished.")
	}
	if err := v.orNil(); err != nil {
		return nil, err
	}
	b := make([]byte, 24)
	rand.Read(b)
	w := &Webhook{URL: in.URL, Events: events, Secret: "whsec_" + hex.EncodeToString(b), Active: true,
		CreatedByID: idOrNil(in.UserID), CreatedAt: s.nowUTC()}
	err := s.write(ctx, func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&Webhook{}).Count(&n).Error; err != nil {
			return err
		}
		if n >= MaxWebhooks {
			return invalid("url", fmt.Sprintf("A desk has at most %d webhooks; delete one first.", MaxWebhooks))
		}
		return tx.Create(w).Error
	})
	if err != nil {
		if isExpected(err) {
			return nil, err
		}
		return nil, fmt.Errorf("models: create webhook: %w", err)
	}
	return w, nil
}

// Webhooks lists the webhooks, oldest first.
func (s *Store) Webhooks(ctx context.Context) ([]Webhook, error) {
	var list []Webhook
	if err := s.db.WithContext(ctx).Order("id").Find(&list).Error; err != nil {
		return nil, fmt.Errorf("models: webhooks: %w", err)
	}
	return list, nil
}

// WebhookByID returns one webhook.
func (s *Store) WebhookByID(ctx context.Context, id uint) (*Webhook, error) {
	var w Webhook
	if err := s.db.WithContext(ctx).Take(&w, id).Error; err != nil {
		return nil, fmt.Errorf("models: webhook %d: %w", id, notFound(err))
	}
	return &w, nil
}

// DeleteWebhook removes a webhook and its delivery log.
func (s *Store) DeleteWebhook(ctx context.Context, id uint) error {
	var n int64
	err := s.write(ctx, func(tx *gorm.DB) error {
		res := tx.Delete(&Webhook{}, id)
		n = res.RowsAffected
		return res.Error
	})
	if err != nil {
		return fmt.Errorf("models: delete webhook %d: %w", id, err)
	}
	if n == 0 {
		return notFoundf("webhook %d", id)
	}
	return nil
}

// Deliveries returns a webhook's latest deliveries, newest first.
func (s *Store) Deliveries(ctx context.Context, webhookID uint) ([]WebhookDelivery, error) {
	var list []WebhookDelivery
	err := s.db.WithContext(ctx).Where("webhook_id = ?", webhookID).Order("created_at DESC, id DESC").Limit(deliveriesShown).Find(&list).Error
	if err != nil {
		return nil, fmt.Errorf("models: deliveries of webhook %d: %w", webhookID, err)
	}
	return list, nil
}

// enqueueDeliveries queues the event for every active webhook that wants
// it, in the caller's transaction: the event and its deliveries are saved
// together or not at all.
func enqueueDeliveries(tx *gorm.DB, now time.Time, event WebhookEvent, st *Statement, publicURL string, enc Announcer) error {
	var hooks []Webhook
	if err := tx.Where("active = ?", true).Find(&hooks).Error; err != nil {
		return err
	}
	var out []WebhookDelivery
	var body []byte
	for _, h := range hooks {
		if !slices.Contains(h.Events, event) {
			continue
		}
		if body == nil {
			var err error
			if body, err = enc(st); err != nil {
				return err
			}
		}
		out = append(out, WebhookDelivery{WebhookID: h.ID, Event: event, StatementID: st.ID, PublicURL: publicURL,
			Statement: string(body), Status: DeliveryPending, NextAttemptAt: now, CreatedAt: now})
	}
	if len(out) == 0 {
		return nil
	}
	return tx.Create(&out).Error
}

// ClaimDelivery takes the next delivery that is due, for one attempt:
// one conditional UPDATE moves its next attempt a lease ahead, so of
// several instances exactly one sends it, and if that one dies another
// tries again when the lease ends. It returns nil when nothing is due.
func (s *Store) ClaimDelivery(ctx context.Context) (*WebhookDelivery, *Webhook, error) {
	db := s.db.WithContext(ctx)
	now := s.nowUTC()
	for range 10 {
		var due []WebhookDelivery
		err := db.Where("status = ? AND next_attempt_at <= ?", DeliveryPending, now).Order("next_attempt_at, id").Limit(1).Find(&due).Error
		if err != nil || len(due) == 0 {
			return nil, nil, err
		}
		d := due[0]
		var claimed int64
		err = s.write(ctx, func(tx *gorm.DB) error {
			res := tx.Model(&WebhookDelivery{}).Where("id = ? AND attempts = ? AND status = ?", d.ID, d.Attempts, DeliveryPending).
				Updates(map[string]any{"attempts": d.Attempts + 1, "next_attempt_at": now.Add(deliveryLease)})
			claimed = res.RowsAffected
			return res.Error
		})
		if err != nil {
			return nil, nil, fmt.Errorf("models: claim delivery %d: %w", d.ID, err)
		}
		if claimed == 0 {
			continue // another instance took it
		}
		d.Attempts++
		var w Webhook
		if err := db.Take(&w, d.WebhookID).Error; err != nil {
			return nil, nil, fmt.Errorf("models: webhook of delivery %d: %w", d.ID, err)
		}
		return &d, &w, nil
	}
	return nil, nil, nil
}

// DeliveryResult records an attempt: delivered on success; else tried
// again after Backoff, or failed after MaxAttempts.
func (s *Store) DeliveryResult(ctx context.Context, d *WebhookDelivery, code int, failure string) error {
	now := s.nowUTC()
	set := map[string]any{"last_code": code, "last_error": failure}
	switch {
	case failure == "":
		set["status"], set["delivered_at"] = DeliveryDelivered, now
	case d.Attempts >= MaxAttempts:
		set["status"] = DeliveryFailed
	default:
		set["next_attempt_at"] = now.Add(Backoff(d.Attempts))
	}
	err := s.write(ctx, func(tx *gorm.DB) error {
		return tx.Model(&WebhookDelivery{}).Where("id = ?", d.ID).Updates(set).Error
	})
	if err != nil {
		return fmt.Errorf("models: result of delivery %d: %w", d.ID, err)
	}
	return nil
}
