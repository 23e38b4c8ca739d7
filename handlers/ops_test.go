package handlers_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/match"
)

// Health, readiness and metrics answer without signing in, and the
// metrics name routes by pattern, never the desk's contents.
func TestOperationsEndpoints(t *testing.T) {
	idx := match.NewIndex()
	c := newClientWith(t, handlers.Config{Matches: idx})
	a := createArticle(t, c, "A secret scoop about the mayor", tradeArticle)
	wantStatus(t, c.Get(fmt.Sprintf("/articles/%d", a.ID)), http.StatusOK)
	anon := newBrowser(t, c.Base, c.store)
	for path, want := range map[string]string{"/healthz": "ok", "/readyz": "ready"} {
		r := anon.Get(path)
		wantStatus(t, r, http.StatusOK)
		if strings.TrimSpace(r.Body) != want {
			t.Errorf("%s = %q, want %q", path, r.Body, want)
		}
	}
	m := anon.Get("/metrics")
	wantStatus(t, m, http.StatusOK)
	wantContains(t, m,
		`factcheck_http_request_duration_seconds_bucket{method="GET",route="/articles/:id",status="200"`,
		`go_sql_open_connections{db_name="reads"}`,
		"factcheck_matching_index_statements 0", "factcheck_matching_index_ready 0")
	for _, leak := range []string{"mayor", fmt.Sprintf("/articles/%d", a.ID), c.user.Email} {
		if strings.Contains(m.Body, leak) {
			t.Errorf("the metrics show %q", leak)
		}
	}
	idx.SetReady()
	wantContains(t, anon.Get("/metrics"), "factcheck_matching_index_ready 1")

	// A schema this program does not expect: not ready, still alive.
	if err := c.store.DB().Exec("DELETE FROM schema_versions WHERE version = (SELECT MAX(version) FROM schema_versions)").Error; err != nil {
		t.Fatal(err)
	}
	wantStatus(t, anon.Get("/readyz"), http.StatusServiceUnavailable)
	wantStatus(t, anon.Get("/healthz"), http.StatusOK)
}
