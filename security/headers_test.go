package security

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/models"
)

// Finding 8: no Content-Security-Policy, no HSTS behind TLS, and pages
// (including the one showing a new API token) could be cached.
func TestSecurityHeaders(t *testing.T) {
	for _, secure := range []bool{false, true} {
		t.Run(fmt.Sprintf("secure cookies %t", secure), func(t *testing.T) {
			d := newDesk(t, handlers.Config{SecureCookies: secure})
			b := d.browser()
			if secure {
				// Secure cookies are not sent back over plain HTTP; a
				// bearer token is enough to read headers.
				b.user = d.user(models.Admin)
				b.Token, _, _ = d.store.CreateToken(t.Context(), b.user.ID, "t")
			} else {
				b = d.signedIn(models.Admin)
			}
			a := d.anArticle("Headers", article)
			paths := []string{"/api/v1/me", fmt.Sprintf("/api/v1/articles/%d", a.ID), "/login"}
			if !secure {
				paths = append(paths, "/", "/account", fmt.Sprintf("/articles/%d", a.ID), fmt.Sprintf("/articles/%d/export?format=csv", a.ID))
			}
			for _, p := range paths {
				r := b.Get(p)
				h := r.Header
				csp := h.Get("Content-Security-Policy")
				for _, part := range []string{"script-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"} {
					if !strings.Contains(csp, part) {
						t.Errorf("%s: CSP %q lacks %s", p, csp, part)
					}
				}
				if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
					t.Errorf("%s: CSP allows inline code: %q", p, csp)
				}
				// The article page alone is kept by the browser, privately,
				// and asked again each time (304 while it has not changed:
				// issue 11); nothing else is stored.
				wantCC := "no-store"
				if p == fmt.Sprintf("/articles/%d", a.ID) {
					wantCC = "private, no-cache"
				}
				if cc := h.Get("Cache-Control"); cc != wantCC {
					t.Errorf("%s: Cache-Control %q, want %s", p, cc, wantCC)
				}
				if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
					t.Errorf("%s: missing nosniff or frame options: %v", p, h)
				}
				if hsts := h.Get("Strict-Transport-Security"); (hsts != "") != secure {
					t.Errorf("%s: HSTS %q with secure cookies %t", p, hsts, secure)
				}
			}
			// The page that shows a new token once is not stored anywhere.
			if !secure {
				r := b.Post("/account/tokens", url.Values{"name": {"cms"}}, false)
				want(t, r, http.StatusOK, `id="new-token"`)
				if r.Header.Get("Cache-Control") != "no-store" {
					t.Errorf("the new-token page: Cache-Control %q", r.Header.Get("Cache-Control"))
				}
				// The printable report has its own stylesheet inline and
				// may run no script at all.
				r = b.Get(fmt.Sprintf("/articles/%d/print", a.ID))
				csp := r.Header.Get("Content-Security-Policy")
				if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
					t.Errorf("report CSP %q", csp)
				}
			}
			// Static files are cached: their names carry a content hash.
			r := b.Get("/static/app.css")
			if !strings.Contains(r.Header.Get("Cache-Control"), "immutable") {
				t.Errorf("static Cache-Control %q", r.Header.Get("Cache-Control"))
			}
		})
	}
}

// The pages need nothing the policy forbids: no inline script, no style
// attribute, no hx-on or js: values (htmx runs with allowEval false).
func TestPagesNeedNoInlineCode(t *testing.T) {
	d := newDesk(t, handlers.Config{})
	b := d.signedIn(models.Admin)
	a := d.anArticle("Inline", article)
	st := a.Statements[1]
	b.API(http.MethodPatch, fmt.Sprintf("/api/v1/statements/%d", st.ID), map[string]any{"verdict": "in_progress", "note": "n", "version": 1})
	for _, p := range []string{"/", "/queue", "/pool", "/statements", "/team", "/reports/team", "/account", "/admin/users", "/notifications",
		fmt.Sprintf("/articles/%d", a.ID), fmt.Sprintf("/articles/%d/activity", a.ID), fmt.Sprintf("/articles/%d/corrected", a.ID),
		fmt.Sprintf("/statements/%d/panel", st.ID), fmt.Sprintf("/statements/%d/history", st.ID)} {
		r := b.Get(p)
		want(t, r, http.StatusOK)
		body := strings.ToLower(r.Body)
		for _, bad := range []string{" style=", "<style", "hx-on", "js:", "javascript:", " onclick=", " onload=", " onerror="} {
			if strings.Contains(body, bad) {
				i := strings.Index(body, bad)
				t.Errorf("%s holds %q, which the CSP forbids: …%s…", p, bad, r.Body[max(0, i-80):min(len(body), i+80)])
			}
		}
		for _, script := range strings.Split(body, "<script")[1:] {
			if !strings.HasPrefix(strings.TrimSpace(script), "src=") {
				t.Errorf("%s holds an inline script: <script%.80s", p, script)
			}
		}
		if !strings.Contains(r.Body, `&#34;allowEval&#34;:false`) && strings.Contains(r.Body, "htmx-config") {
			t.Errorf("%s: htmx may eval", p)
		}
	}
}
