package live

import (
	"context"
	"log/slog"
	"time"
)

// SettingsSource re-reads the desk's settings when they changed.
type SettingsSource interface {
	ReloadSettings(ctx context.Context) (bool, error)
}

// FollowSettings keeps this instance's copy of the desk's settings (its
// rating scale, whether approval is required, the public site) in step
// with changes saved on any instance: every interval it compares one
// version number and reads the settings only when it moved. It returns
// when ctx ends.
func FollowSettings(ctx context.Context, src SettingsSource, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if changed, err := src.ReloadSettings(ctx); err != nil && ctx.Err() == nil {
			log.Error("settings: re-reading", "err", err)
		} else if changed {
			log.Info("settings changed on another instance: re-read")
		}
	}
}
