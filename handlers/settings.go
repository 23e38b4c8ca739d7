package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/rating"
	"github.com/factcheckdesk/factcheck/views"
)

// Desk settings (admins): GET /settings and its form, GET and PATCH
// /api/v1/settings. The organisation and base URL show the start-up
// defaults (--org, --base-url) until the desk saves its own.

// currentSettings is the stored settings as a form holds them, with the
// defaults where nothing is stored.
func (h *Handler) currentSettings(c echo.Context) (models.SettingsInput, error) {
	in, err := h.store.InputOfSettings(c.Request().Context())
	if err != nil {
		return in, err
	}
	eff := h.store.Settings()
	if in.OrgName == "" {
		in.OrgName = eff.OrgName
	}
	if in.BaseURL == "" {
		in.BaseURL = eff.BaseURL
	}
	return in, nil
}

// settingsPatch names the settings to change; others keep their value.
// Ratings, when given, is the whole new scale.
type settingsPatch struct {
	Organisation *struct {
		Name    *string `json:"name"`
		LogoURL *string `json:"logo_url"`
	} `json:"organisation"`
	BaseURL         *string       `json:"base_url"`
	RequireApproval *bool         `json:"require_approval"`
	Ratings         *[]ratingJSON `json:"ratings"`
	BestRating      *int          `json:"best_rating"`
	WorstRating     *int          `json:"worst_rating"`
	Version         *int          `json:"version"`
}

func (p settingsPatch) apply(in *models.SettingsInput) {
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	if o := p.Organisation; o != nil {
		set(&in.OrgName, o.Name)
		set(&in.OrgLogoURL, o.LogoURL)
	}
	set(&in.BaseURL, p.BaseURL)
	if p.RequireApproval != nil {
		in.RequireApproval = *p.RequireApproval
	}
	if p.Ratings != nil {
		in.Ratings = make([]rating.Rating, len(*p.Ratings))
		for i, r := range *p.Ratings {
			in.Ratings[i] = rating.Rating{Key: r.Key, Label: r.Label, Color: r.Color, Final: r.Final, NeedsSource: r.NeedsSource,
				NeedsNote: r.NeedsNote, NeedsCorrection: r.NeedsCorrection, Value: r.RatingValue, AlternateName: r.AlternateName, Retired: r.Retired}
		}
	}
	if p.BestRating != nil {
		in.Best = *p.BestRating
	}
	if p.WorstRating != nil {
		in.Worst = *p.WorstRating
	}
	if p.Version != nil {
		in.Version = *p.Version
	}
}

// apiSettings returns the settings.
func (h *Handler) apiSettings(c echo.Context) error {
	in, err := h.currentSettings(c)
	if err != nil {
		return err
	}
	use, err := h.store.RatingUse(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toSettings(in, use))
}

// apiUpdateSettings changes the named settings.
func (h *Handler) apiUpdateSettings(c echo.Context) error {
	var patch settingsPatch
	if err := decodeJSON(c, &patch); err != nil {
		return err
	}
	in, err := h.currentSettings(c)
	if err != nil {
		return err
	}
	patch.apply(&in)
	in.UserID = userID(c)
	if _, err := h.store.UpdateSettings(c.Request().Context(), in); err != nil {
		return err
	}
	return h.apiSettings(c)
}

// settingsPage shows the settings form and the webhooks.
func (h *Handler) settingsPage(c echo.Context) error {
	in, err := h.currentSettings(c)
	if err != nil {
		return err
	}
	return h.renderSettings(c, http.StatusOK, views.SettingsView{Input: in})
}

func (h *Handler) renderSettings(c echo.Context, status int, v views.SettingsView) error {
	ctx := c.Request().Context()
	var err error
	if v.InUse, err = h.store.RatingUse(ctx); err != nil {
		return err
	}
	if v.Webhooks, err = h.store.Webhooks(ctx); err != nil {
		return err
	}
	v.Events = models.WebhookEvents
	return render(c, status, views.SettingsPage(h.page(c, "Settings"), v))
}

// saveSettings saves the settings form.
func (h *Handler) saveSettings(c echo.Context) error {
	form, err := c.FormParams()
	if err != nil {
		return err
	}
	in := settingsFromForm(form.Get, form.Has)
	in.UserID = userID(c)
	_, err = h.store.UpdateSettings(c.Request().Context(), in)
	var invalid *models.ValidationError
	switch {
	case errors.As(err, &invalid):
		return h.renderSettings(c, http.StatusUnprocessableEntity, views.SettingsView{Input: in, Errors: invalid})
	case errors.Is(err, models.ErrConflict):
		return h.renderSettings(c, http.StatusConflict, views.SettingsView{Input: in, Message: "Someone else saved the settings since you loaded them; nothing was saved. Reload to see theirs."})
	case err != nil:
		return err
	}
	saved, err := h.currentSettings(c)
	if err != nil {
		return err
	}
	return h.renderSettings(c, http.StatusOK, views.SettingsView{Input: saved, Message: "Settings saved."})
}

// settingsFromForm reads the settings form: the scale comes as numbered
// rows (r0_key, r0_label, …); a row without a key, or marked to remove,
// is left out.
func settingsFromForm(get func(string) string, has func(string) bool) models.SettingsInput {
	num := func(k string) int { n, _ := strconv.Atoi(strings.TrimSpace(get(k))); return n }
	in := models.SettingsInput{OrgName: get("org_name"), OrgLogoURL: get("org_logo_url"), BaseURL: get("base_url"),
		RequireApproval: has("require_approval"), Best: num("best_rating"), Worst: num("worst_rating"), Version: num("version")}
	rows := min(num("rating_rows"), rating.MaxRatings+1)
	for i := range rows {
		p := fmt.Sprintf("r%d_", i)
		key := strings.TrimSpace(get(p + "key"))
		if key == "" || has(p+"remove") {
			continue
		}
		in.Ratings = append(in.Ratings, rating.Rating{Key: rating.Key(key), Label: get(p + "label"), Color: get(p + "color"),
			Final: has(p + "final"), NeedsSource: has(p + "needs_source"), NeedsNote: has(p + "needs_note"),
			NeedsCorrection: has(p + "needs_correction"), Value: num(p + "value"), AlternateName: get(p + "alt"), Retired: has(p + "retired")})
	}
	return in
}
