package handlers_test

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/live"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
)

// stream is an open live stream; it remembers what it has read so a test
// can look for several things that arrive in one event.
type stream struct {
	t     *testing.T
	lines chan string
	seen  []string
}

// openStream opens the article's live stream as c.
func openStream(t *testing.T, c *client, articleID uint) *stream {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/articles/%d/live", c.Base, articleID), nil)
	res, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("live stream: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	s := &stream{t: t, lines: make(chan string, 256)}
	go func() {
		defer res.Body.Close()
		defer close(s.lines)
		sc := bufio.NewScanner(res.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
	}()
	return s
}

// waitFor reads the stream until some line contains want.
func (s *stream) waitFor(want string) {
	s.t.Helper()
	for _, l := range s.seen {
		if strings.Contains(l, want) {
			return
		}
	}
	deadline := time.After(10 * time.Second)
	for {
		select {
		case l, ok := <-s.lines:
			if !ok {
				s.t.Fatalf("stream ended before %q", want)
			}
			s.seen = append(s.seen, l)
			if strings.Contains(l, want) {
				return
			}
		case <-deadline:
			s.t.Fatalf("no %q on the live stream", want)
		}
	}
}

func TestLiveUpdatesAndPresence(t *testing.T) {
	store := modeltest.Open(t)
	hubCtx, stop := context.WithCancel(t.Context())
	defer stop()
	hub := live.NewHub(store, 50*time.Millisecond, slog.New(slog.DiscardHandler))
	go hub.Run(hubCtx)
	alice := newClientOnStore(t, store, handlers.Config{Live: hub})
	bob := alice.as(models.Reviewer)

	a := createArticle(t, alice, "Live", tradeArticle)
	s := a.Statements[1]
	lines := openStream(t, alice, a.ID)
	lines.waitFor(`id="viewers"`)

	// Bob opens the article too: Alice sees him.
	bobLines := openStream(t, bob, a.ID)
	bobLines.waitFor(`title="` + alice.user.Name + ` is viewing this article"`)
	lines.waitFor(`title="` + bob.user.Name + ` is viewing this article"`)

	// Bob saves a review: Alice's page updates the highlight, the list
	// item and the progress, and the panel says who changed it.
	r := bob.API(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", s.ID),
		map[string]any{"verdict": "verified", "sources": []map[string]string{{"url": "https://ustr.gov"}}, "version": 1})
	wantStatus(t, r, http.StatusOK)
	lines.waitFor(fmt.Sprintf(`id="s-%d" class="stmt v-verified"`, s.ID))
	lines.waitFor(bob.user.Name + " just saved a review of this statement")

	// A comment updates the thread without touching the comment form.
	wantStatus(t, bob.API(http.MethodPost, fmt.Sprintf("/api/v1/statements/%d/comments", s.ID), map[string]string{"body": "USTR agrees"}), http.StatusCreated)
	lines.waitFor(fmt.Sprintf(`id="comment-list-%d" hx-swap-oob="true"`, s.ID))

	// Shutting the hub down ends the streams.
	stop()
	for range lines.lines {
	}
}
