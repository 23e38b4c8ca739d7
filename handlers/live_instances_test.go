package handlers_test

import (
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/live"
	"github.com/factcheckdesk/factcheck/models/modeltest"
)

// Two instances share a PostgreSQL database: a save on one reaches a page
// open on the other, woken by PostgreSQL's notification alone (the hubs'
// safety-net reads are an hour apart here).
func TestLiveAcrossInstances(t *testing.T) {
	if os.Getenv("FACTCHECK_TEST_POSTGRES") == "" {
		t.Skip("instances share a PostgreSQL database: set FACTCHECK_TEST_POSTGRES to run this")
	}
	dsn := modeltest.DSN(t)
	log := slog.New(slog.DiscardHandler)
	var clients []*client
	for range 2 {
		store := modeltest.OpenDSN(t, dsn)
		hub := live.NewHub(store, time.Hour, log)
		go live.ListenPostgres(t.Context(), dsn, hub, store, log)
		go hub.Run(t.Context())
		clients = append(clients, newClientOnStore(t, store, handlers.Config{Live: hub}))
	}
	alice, bob := clients[0], clients[1]
	a := createArticle(t, alice, "Live across instances", tradeArticle)
	lines := openStream(t, bob, a.ID)
	lines.waitFor(`id="viewers"`)
	time.Sleep(100 * time.Millisecond) // both listening
	for i, s := range a.Statements[:2] {
		r := alice.API(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", s.ID),
			map[string]any{"verdict": "verified", "sources": []map[string]string{{"url": "https://ustr.gov"}}, "version": 1})
		wantStatus(t, r, http.StatusOK)
		lines.waitFor(fmt.Sprintf(`id="s-%d" class="stmt v-verified"`, s.ID))
		lines.waitFor(fmt.Sprintf("%d of ", i+1))
	}
}
