package live

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"
)

type countingSource struct{ calls atomic.Int32 }

func (c *countingSource) ReloadSettings(context.Context) (bool, error) {
	return c.calls.Add(1) == 2, nil
}

// FollowSettings asks every interval and stops with its context.
func TestFollowSettings(t *testing.T) {
	src := &countingSource{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { FollowSettings(ctx, src, time.Millisecond, slog.New(slog.DiscardHandler)); close(done) }()
	deadline := time.Now().Add(5 * time.Second)
	for src.calls.Load() < 3 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	cancel()
	<-done
	if src.calls.Load() < 3 {
		t.Fatalf("asked %d times", src.calls.Load())
	}
}
