package models

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/rating"
)

// Settings are the desk's own: who publishes its checks, where, whether a
// second person approves each verdict, and its rating scale.
type Settings struct {
	OrgName    string
	OrgLogoURL string
	// BaseURL is the public site the public pages live under, without a
	// trailing slash.
	BaseURL         string
	RequireApproval bool
	Scale           *rating.Scale
	// Version counts saved changes; 0 means never saved.
	Version   int
	UpdatedAt time.Time
}

// PublicURL is the public page of a check, or "" without a base URL.
func (s Settings) PublicURL(statementID uint) string {
	if s.BaseURL == "" {
		return ""
	}
	return fmt.Sprintf("%s/checks/%d", s.BaseURL, statementID)
}

// MissingForPublishing names the settings a publication needs that are
// not set, as fields of the settings form.
func (s Settings) MissingForPublishing() []FieldError {
	var out []FieldError
	if s.OrgName == "" {
		out = append(out, FieldError{"organisation.name", "Set the name of the organisation that publishes the checks in Settings."})
	}
	if s.BaseURL == "" {
		out = append(out, FieldError{"base_url", "Set the public site's base URL in Settings; public pages live under it."})
	}
	return out
}

// deskSetting is the settings row: there is one, id 1, once saved.
type deskSetting struct {
	ID              uint `gorm:"primaryKey;autoIncrement:false"`
	OrgName         string
	OrgLogoURL      string
	BaseURL         string
	RequireApproval bool
	Ratings         string // JSON of storedRating; empty: the built-in scale
	BestRating      int
	WorstRating     int
	Version         int
	UpdatedAt       time.Time
	UpdatedByID     *uint
}

// storedRating is one rating of the scale as the settings row keeps it.
type storedRating struct {
	Key             rating.Key `json:"key"`
	Label           string     `json:"label"`
	Color           string     `json:"color,omitempty"`
	Final           bool       `json:"final,omitempty"`
	NeedsSource     bool       `json:"needs_source,omitempty"`
	NeedsNote       bool       `json:"needs_note,omitempty"`
	NeedsCorrection bool       `json:"needs_correction,omitempty"`
	Value           int        `json:"value,omitempty"`
	AlternateName   string     `json:"alternate_name,omitempty"`
	Retired         bool       `json:"retired,omitempty"`
}

// Settings returns the desk's settings now; empty organisation and base
// URL fall back to the defaults (SetDefaults).
func (s *Store) Settings() Settings {
	out := *s.settings.Load()
	d := s.defaults.Load()
	if out.OrgName == "" {
		out.OrgName = d.OrgName
	}
	if out.BaseURL == "" {
		out.BaseURL = d.BaseURL
	}
	return out
}

// SetDefaults sets the organisation and public base URL the desk uses
// while its settings name none: the --org and --base-url flags.
func (s *Store) SetDefaults(org, baseURL string) {
	s.defaults.Store(&Settings{OrgName: strings.TrimSpace(org), BaseURL: trimBase(strings.TrimSpace(baseURL))})
}

// effective is the settings of row, with the default scale when it has
// none of its own.
func (s *Store) effective(row deskSetting, scale *rating.Scale) *Settings {
	out := &Settings{OrgName: row.OrgName, OrgLogoURL: row.OrgLogoURL, BaseURL: row.BaseURL,
		RequireApproval: row.RequireApproval, Scale: scale, Version: row.Version, UpdatedAt: row.UpdatedAt}
	if out.Scale == nil {
		out.Scale = s.scale
	}
	return out
}

func scaleOf(row deskSetting) (*rating.Scale, error) {
	if row.Ratings == "" {
		return nil, nil
	}
	var stored []storedRating
	if err := json.Unmarshal([]byte(row.Ratings), &stored); err != nil {
		return nil, err
	}
	ratings := make([]rating.Rating, len(stored))
	for i, r := range stored {
		ratings[i] = rating.Rating(r)
	}
	return rating.New(ratings, row.BestRating, row.WorstRating)
}

// ReloadSettings re-reads the settings when another instance has changed
// them since this one last read: one indexed read of a version number,
// cheap enough to run every second (see live.FollowSettings).
func (s *Store) ReloadSettings(ctx context.Context) (bool, error) {
	var rows []deskSetting
	if err := s.db.WithContext(ctx).Where("id = 1").Limit(1).Find(&rows).Error; err != nil {
		return false, fmt.Errorf("models: settings: %w", err)
	}
	if len(rows) == 0 || rows[0].Version == s.settings.Load().Version {
		return false, nil
	}
	scale, err := scaleOf(rows[0])
	if err != nil {
		return false, fmt.Errorf("models: settings version %d: the rating scale: %w", rows[0].Version, err)
	}
	s.settings.Store(s.effective(rows[0], scale))
	return true, nil
}

// SettingsInput is a whole new set of settings, based on Version.
type SettingsInput struct {
	OrgName, OrgLogoURL, BaseURL string
	RequireApproval              bool
	Ratings                      []rating.Rating
	Best, Worst                  int
	// Version is the settings version the change is based on; another
	// change saved since is a conflict.
	Version int
	UserID  uint
}

// InputOfSettings is the stored settings as a form would hold them,
// without the defaults filled in.
func (s *Store) InputOfSettings(ctx context.Context) (SettingsInput, error) {
	var rows []deskSetting
	if err := s.db.WithContext(ctx).Where("id = 1").Limit(1).Find(&rows).Error; err != nil {
		return SettingsInput{}, fmt.Errorf("models: settings: %w", err)
	}
	scale := s.scale
	in := SettingsInput{}
	if len(rows) > 0 {
		r := rows[0]
		in = SettingsInput{OrgName: r.OrgName, OrgLogoURL: r.OrgLogoURL, BaseURL: r.BaseURL, RequireApproval: r.RequireApproval, Version: r.Version}
		if sc, err := scaleOf(r); err == nil && sc != nil {
			scale = sc
		}
	}
	in.Ratings, in.Best, in.Worst = scale.All(), scale.Best(), scale.Worst()
	return in, nil
}

// normalize trims what users never mean to keep.
func (in SettingsInput) normalize() SettingsInput {
	in.OrgName = strings.TrimSpace(in.OrgName)
	in.OrgLogoURL = strings.TrimSpace(in.OrgLogoURL)
	in.BaseURL = trimBase(strings.TrimSpace(in.BaseURL))
	for i := range in.Ratings {
		r := &in.Ratings[i]
		r.Key = rating.Key(strings.TrimSpace(string(r.Key)))
		r.Label, r.AlternateName, r.Color = strings.TrimSpace(r.Label), strings.TrimSpace(r.AlternateName), strings.TrimSpace(r.Color)
	}
	return in
}

func trimBase(u string) string { return strings.TrimRight(u, "/") }

// validate checks the settings and builds their scale.
func (in SettingsInput) validate() (*rating.Scale, error) {
	v := &ValidationError{}
	if !utf8.ValidString(in.OrgName) || len(in.OrgName) > 200 || hasControl(in.OrgName) {
		v.add("organisation.name", "The organisation's name must be text of at most 200 characters.")
	}
	if in.OrgLogoURL != "" && !validHTTPURL(in.OrgLogoURL) {
		v.add("organisation.logo_url", "The logo URL must start with http:// or https://.")
	}
	if in.BaseURL != "" {
		u, err := url.Parse(in.BaseURL)
		if err != nil || !validHTTPURL(in.BaseURL) || u.RawQuery != "" || u.Fragment != "" || len(in.BaseURL) > 500 {
			v.add("base_url", "The base URL is the public site's address, such as https://factcheck.example.org (no query or #).")
		}
	}
	scale, err := rating.New(in.Ratings, in.Best, in.Worst)
	if err != nil {
		v.add("ratings", strings.TrimPrefix(err.Error(), "rating: ")+".")
	}
	return scale, v.orNil()
}

func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f })
}

// errSettingsChanged is the conflict of two admins saving settings at once.
var errSettingsChanged = apperr.Wrap(ErrConflict, http.StatusConflict,
	"Someone else saved the settings since you loaded them. Nothing was saved; reload and apply your change again.")

// UpdateSettings saves new settings in one transaction. A rating that
// statements or published checks still use may be retired but not
// removed; Version must be the stored one.
func (s *Store) UpdateSettings(ctx context.Context, in SettingsInput) (Settings, error) {
	in = in.normalize()
	scale, err := in.validate()
	if err != nil {
		return Settings{}, err
	}
	stored := make([]storedRating, len(in.Ratings))
	for i, r := range in.Ratings {
		stored[i] = storedRating(r)
	}
	ratings, err := json.Marshal(stored)
	if err != nil {
		return Settings{}, fmt.Errorf("models: settings: %w", err)
	}
	now := s.nowUTC()
	var saved deskSetting
	err = s.write(ctx, func(tx *gorm.DB) error {
		var rows []deskSetting
		if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Where("id = 1").Limit(1).Find(&rows).Error; err != nil {
			return err
		}
		current := deskSetting{ID: 1}
		if len(rows) > 0 {
			current = rows[0]
		}
		if current.Version != in.Version {
			return errSettingsChanged
		}
		old, err := scaleOf(current)
		if err != nil {
			return err
		}
		if old == nil {
			old = s.scale
		}
		if err := ratingsInUse(tx, old, scale); err != nil {
			return err
		}
		saved = deskSetting{ID: 1, OrgName: in.OrgName, OrgLogoURL: in.OrgLogoURL, BaseURL: in.BaseURL,
			RequireApproval: in.RequireApproval, Ratings: string(ratings), BestRating: in.Best, WorstRating: in.Worst,
			Version: current.Version + 1, UpdatedAt: now, UpdatedByID: idOrNil(in.UserID)}
		if len(rows) == 0 {
			if err := tx.Create(&saved).Error; err != nil {
				// Two first saves at once: the other one's row is there.
				return apperr.Wrap(err, http.StatusConflict, errSettingsChanged.Message)
			}
			return nil
		}
		res := tx.Model(&deskSetting{}).Where("id = 1 AND version = ?", current.Version).Select("*").Updates(&saved)
		if res.Error == nil && res.RowsAffected == 0 {
			return errSettingsChanged
		}
		return res.Error
	})
	if err != nil {
		if isExpected(err) {
			return Settings{}, err
		}
		return Settings{}, fmt.Errorf("models: save settings: %w", err)
	}
	eff := s.effective(saved, scale)
	before := s.settings.Swap(eff)
	if !slices.Equal(before.Scale.FinalKeys(), scale.FinalKeys()) {
		// The articles' counters of what is reviewed follow the scale.
		if err := s.Recount(ctx); err != nil {
			return *eff, err
		}
	}
	return *eff, nil
}

// ratingsInUse refuses to drop a rating of old that statements or
// published checks still have.
func ratingsInUse(tx *gorm.DB, old, next *rating.Scale) error {
	var dropped []rating.Key
	for _, r := range old.All() {
		if _, ok := next.Lookup(r.Key); !ok {
			dropped = append(dropped, r.Key)
		}
	}
	if len(dropped) == 0 {
		return nil
	}
	var used []string
	err := tx.Model(&Statement{}).Distinct("verdict").Where("verdict IN ?", dropped).Pluck("verdict", &used).Error
	if err != nil {
		return err
	}
	var published []string
	if err := tx.Model(&Publication{}).Distinct("verdict").Where("verdict IN ?", dropped).Pluck("verdict", &published).Error; err != nil {
		return err
	}
	used = append(used, published...)
	if len(used) == 0 {
		return nil
	}
	return invalid("ratings", "The rating "+quote(string(used[0]))+" is in use and cannot be removed; retire it instead.")
}

// RatingUse counts the statements with each rating, to show which can
// still be removed.
func (s *Store) RatingUse(ctx context.Context) (map[rating.Key]int64, error) {
	var rows []struct {
		Verdict rating.Key
		N       int64
	}
	err := s.db.WithContext(ctx).Model(&Statement{}).Select("verdict, COUNT(*) AS n").Group("verdict").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("models: rating use: %w", err)
	}
	out := make(map[rating.Key]int64, len(rows))
	for _, r := range rows {
		out[r.Verdict] = r.N
	}
	return out, nil
}
