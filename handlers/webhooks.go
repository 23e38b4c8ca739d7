package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/intake"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/views"
)

// Webhooks (admins): POST, GET /api/v1/webhooks, DELETE
// /api/v1/webhooks/:id, GET /api/v1/webhooks/:id/deliveries, and the same
// on the settings page. A receiver's address must pass the same guard as
// URL imports (private addresses need --allow-private-urls); the webhook
// package checks it again on every delivery.

type webhookBody struct {
	URL    string                `json:"url"`
	Events []models.WebhookEvent `json:"events"`
}

// createWebhook stores a webhook and shows its secret, once.
func (h *Handler) createWebhook(c echo.Context) error {
	var body webhookBody
	if isAPI(c) {
		if err := decodeJSON(c, &body); err != nil {
			return err
		}
	} else {
		body.URL = c.FormValue("url")
		form, _ := c.FormParams()
		for _, e := range form["events"] {
			body.Events = append(body.Events, models.WebhookEvent(e))
		}
	}
	w, err := h.newWebhook(c, body)
	if !isAPI(c) {
		var invalid *models.ValidationError
		switch {
		case errors.As(err, &invalid):
			in, ierr := h.currentSettings(c)
			if ierr != nil {
				return ierr
			}
			return h.renderSettings(c, http.StatusUnprocessableEntity, views.SettingsView{Input: in, WebhookErrors: invalid, WebhookURL: body.URL})
		case err != nil:
			return err
		}
		in, err := h.currentSettings(c)
		if err != nil {
			return err
		}
		return h.renderSettings(c, http.StatusOK, views.SettingsView{Input: in, NewSecret: w.Secret, Message: "Webhook added. Copy its secret now: it is not shown again."})
	}
	if err != nil {
		return err
	}
	out := toWebhook(w)
	out.Secret = w.Secret
	return c.JSON(http.StatusCreated, out)
}

func (h *Handler) newWebhook(c echo.Context, body webhookBody) (*models.Webhook, error) {
	if err := h.fetcher.CheckURL(body.URL); err != nil {
		var ie *intake.Error
		if errors.As(err, &ie) && ie.Kind == intake.KindPrivate {
			return nil, models.Invalid(models.FieldError{Field: "url", Message: "That address is private or local; the desk only calls public addresses unless started with --allow-private-urls."})
		}
	}
	return h.store.CreateWebhook(c.Request().Context(), models.WebhookInput{URL: body.URL, Events: body.Events, UserID: userID(c)})
}

// webhooks lists the webhooks, without their secrets.
func (h *Handler) webhooks(c echo.Context) error {
	list, err := h.store.Webhooks(c.Request().Context())
	if err != nil {
		return err
	}
	out := make([]webhookJSON, len(list))
	for i := range list {
		out[i] = toWebhook(&list[i])
	}
	return c.JSON(http.StatusOK, out)
}

// deleteWebhook removes a webhook and its delivery log.
func (h *Handler) deleteWebhook(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if err := h.store.DeleteWebhook(c.Request().Context(), id); err != nil {
		return err
	}
	if isAPI(c) {
		return c.NoContent(http.StatusNoContent)
	}
	return redirect(c, "/settings#webhooks")
}

// webhookDeliveries is a webhook's delivery log, newest first.
func (h *Handler) webhookDeliveries(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	w, err := h.store.WebhookByID(c.Request().Context(), id)
	if err != nil {
		return err
	}
	list, err := h.store.Deliveries(c.Request().Context(), w.ID)
	if err != nil {
		return err
	}
	if isAPI(c) {
		return c.JSON(http.StatusOK, toDeliveries(list))
	}
	return render(c, http.StatusOK, views.DeliveriesPage(h.page(c, "Webhook deliveries"), w, list))
}
