// Package webhook delivers the desk's workflow events to the receivers
// admins registered: signed JSON POSTs, retried with backoff, logged.
//
// Deliveries are queued by the store in the same transaction as the event
// (an outbox), so none is lost when an instance stops; any instance may
// send any delivery, and a claim (models.Store.ClaimDelivery) makes sure
// only one does at a time.
package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/factcheckdesk/factcheck/models"
)

// Headers of every delivery.
const (
	HeaderEvent     = "X-Factcheck-Event"
	HeaderSignature = "X-Factcheck-Signature"
	HeaderDelivery  = "X-Factcheck-Delivery"
)

// Store is what the dispatcher needs of the store.
type Store interface {
	ClaimDelivery(ctx context.Context) (*models.WebhookDelivery, *models.Webhook, error)
	DeliveryResult(ctx context.Context, d *models.WebhookDelivery, code int, failure string) error
}

// Dispatcher sends due deliveries.
type Dispatcher struct {
	Store  Store
	Client *http.Client // intake.Fetcher.Client: the SSRF guard on every connection
	Log    *slog.Logger
	Now    func() time.Time
}

// Sign is the signature header's value for body: "sha256=" and the hex
// HMAC-SHA256 of the body with the webhook's secret.
func Sign(secret string, body []byte) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return "sha256=" + hex.EncodeToString(m.Sum(nil))
}

// payload is the body of a delivery.
type payload struct {
	Event       models.WebhookEvent `json:"event"`
	Statement   json.RawMessage     `json:"statement"`
	PublicURL   *string             `json:"public_url"`
	DeliveredAt time.Time           `json:"delivered_at"`
}

// Body is the JSON a delivery sends at a time.
func Body(d *models.WebhookDelivery, at time.Time) ([]byte, error) {
	p := payload{Event: d.Event, Statement: json.RawMessage(d.Statement), DeliveredAt: at.UTC()}
	if d.PublicURL != "" {
		p.PublicURL = &d.PublicURL
	}
	return json.Marshal(p)
}

// Run sends due deliveries every interval until ctx ends.
func (d *Dispatcher) Run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := d.DeliverDue(ctx); err != nil && ctx.Err() == nil {
			d.Log.Error("webhooks: delivering", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// DeliverDue sends every delivery that is due now and returns how many it
// tried.
func (d *Dispatcher) DeliverDue(ctx context.Context) (int, error) {
	n := 0
	for ctx.Err() == nil {
		del, hook, err := d.Store.ClaimDelivery(ctx)
		if err != nil || del == nil {
			return n, err
		}
		n++
		code, failure := d.send(ctx, del, hook)
		if failure != "" {
			d.Log.Warn("webhooks: delivery failed", "delivery", del.ID, "url", hook.URL, "attempt", del.Attempts, "err", failure)
		}
		if err := d.Store.DeliveryResult(ctx, del, code, failure); err != nil {
			return n, err
		}
	}
	return n, nil
}

// send makes one attempt: the answer's status, and what went wrong ("" on
// a 2xx answer).
func (d *Dispatcher) send(ctx context.Context, del *models.WebhookDelivery, hook *models.Webhook) (int, string) {
	now := time.Now
	if d.Now != nil {
		now = d.Now
	}
	body, err := Body(del, now())
	if err != nil {
		return 0, err.Error()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hook.URL, bytes.NewReader(body))
	if err != nil {
		return 0, "bad URL: " + err.Error()
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "FactcheckDesk-Webhook/1.0")
	req.Header.Set(HeaderEvent, string(del.Event))
	req.Header.Set(HeaderDelivery, fmt.Sprint(del.ID))
	req.Header.Set(HeaderSignature, Sign(hook.Secret, body))
	res, err := d.Client.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10))
	if res.StatusCode < 200 || res.StatusCode > 299 {
		return res.StatusCode, "HTTP " + res.Status
	}
	return res.StatusCode, ""
}
