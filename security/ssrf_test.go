package security

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/models"
)

// A check that held in the audit: URL imports never reach the desk's own
// machine, however the address is spelled. Only loopback spellings are
// tried here (the private and link-local ranges are refused by the same
// check, tested address by address in intake without any connection).
func TestURLImportRefusesLoopback(t *testing.T) {
	var hits atomic.Int64
	inside := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, "<html><head><title>Internal</title></head><body><p>Secret internal page with $5.2bn in it.</p></body></html>")
	}))
	defer inside.Close()
	port := inside.URL[strings.LastIndex(inside.URL, ":")+1:]
	d := newDesk(t, handlers.Config{FetchTimeout: 3 * time.Second})
	ed := d.signedIn(models.Editor)
	hosts := []string{"127.0.0.1", "localhost", "LOCALHOST.", "[::1]", "0.0.0.0", "127.1", "127.0.1", "2130706433", "0x7f000001",
		"0x7f.0.0.1", "0177.0.0.1", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[0:0:0:0:0:0:0:1]", "127.255.255.254", "user:pw@127.0.0.1"}
	for _, h := range hosts {
		for _, target := range []string{"http://" + h + ":" + port + "/", "http://" + h + ":" + port + "/%2e%2e/"} {
			t.Run(target, func(t *testing.T) {
				// Refused, or (for spellings no resolver reads as an
				// address) not found: never fetched.
				r := ed.API(http.MethodPost, "/api/v1/articles", map[string]string{"url": target})
				if r.Status < 400 {
					t.Fatalf("import of %s: %d, want a refusal; body %.300s", target, r.Status, r.Body)
				}
				if b := ed.Post("/articles/import", url.Values{"import_url": {target}}, false); b.Status < 400 {
					t.Fatalf("form import of %s: %d", target, b.Status)
				}
			})
		}
	}
	for _, u := range []string{"file:///etc/passwd", "ftp://127.0.0.1/", "gopher://127.0.0.1:" + port + "/", "http:///etc/passwd", "//127.0.0.1:" + port} {
		r := ed.API(http.MethodPost, "/api/v1/articles", map[string]string{"url": u})
		if r.Status < 400 {
			t.Errorf("import of %s: %d", u, r.Status)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the desk fetched from its own machine %d times", n)
	}
}
