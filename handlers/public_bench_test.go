package handlers_test

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/factcheckdesk/factcheck/handlers"
)

// BenchmarkPublicCheck serves a published check's page, the public lists,
// and beside them the desk's bare health page, through the whole
// middleware chain, in process (no network):
//
//	go test ./handlers -run '^$' -bench PublicCheck -benchmem
func BenchmarkPublicCheck(b *testing.B) {
	d := newPublishDesk(b, false, handlers.Config{})
	d.correct(b, 1)
	d.step(b, d.editor, "publish", d.version(b), "")
	srv := handlers.New(d.admin.store, handlers.Config{Log: slog.New(slog.DiscardHandler)})
	for _, path := range []string{"/healthz", fmt.Sprintf("/checks/%d", d.supersonic.ID), "/checks", "/corrections"} {
		b.Run(path, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				srv.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
				if w.Code != http.StatusOK {
					b.Fatalf("%s: %d", path, w.Code)
				}
			}
		})
	}
}

// BenchmarkPublicCheckStore is the one query of a public check's page.
func BenchmarkPublicCheckStore(b *testing.B) {
	d := newPublishDesk(b, false, handlers.Config{})
	d.correct(b, 1)
	d.step(b, d.editor, "publish", d.version(b), "")
	for b.Loop() {
		if _, err := d.admin.store.PublicCheck(b.Context(), d.supersonic.ID); err != nil {
			b.Fatal(err)
		}
	}
}
