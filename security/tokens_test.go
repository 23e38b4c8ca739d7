package security

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/models"
)

// Finding 10: deactivating a user left their API tokens alive (and
// reactivating revived them); a password change left them alive too. And
// the most common passwords and passwords of only spaces were accepted.
func TestTokenLifecycle(t *testing.T) {
	d := newDesk(t, handlers.Config{})
	admin := d.signedIn(models.Admin)
	rev := d.signedIn(models.Reviewer)
	want(t, rev.API(http.MethodGet, "/api/v1/me", nil), http.StatusOK)

	deactivate := func(active bool) {
		r := admin.API(http.MethodPatch, fmt.Sprintf("/api/v1/users/%d", rev.user.ID), map[string]bool{"active": active})
		want(t, r, http.StatusOK)
	}
	deactivate(false)
	want(t, rev.API(http.MethodGet, "/api/v1/me", nil), http.StatusUnauthorized)
	deactivate(true)
	want(t, rev.API(http.MethodGet, "/api/v1/me", nil), http.StatusUnauthorized) // revoked for good
	tokens, _ := d.store.Tokens(t.Context(), rev.user.ID)
	if len(tokens) != 1 || tokens[0].RevokedAt == nil {
		t.Fatalf("tokens after deactivation: %+v", tokens)
	}

	// A password change keeps tokens unless asked to revoke them.
	ed := d.signedIn(models.Editor)
	second, _, _ := d.store.CreateToken(t.Context(), ed.user.ID, "second")
	want(t, ed.Post("/account/password", url.Values{"current": {password}, "password": {"another long password"}}, false), http.StatusOK)
	want(t, ed.API(http.MethodGet, "/api/v1/me", nil), http.StatusOK)
	r := ed.Post("/account/password", url.Values{"current": {"another long password"}, "password": {"a third long password"}, "revoke_tokens": {"true"}}, false)
	want(t, r, http.StatusOK, "API tokens are revoked")
	want(t, ed.API(http.MethodGet, "/api/v1/me", nil), http.StatusUnauthorized)
	ed.Token = second
	want(t, ed.API(http.MethodGet, "/api/v1/me", nil), http.StatusUnauthorized)
	want(t, ed.Get("/account"), http.StatusOK) // this browser stays signed in
}

func TestPasswordPolicy(t *testing.T) {
	d := newDesk(t, handlers.Config{})
	admin := d.signedIn(models.Admin)
	for _, tt := range []struct{ password, message string }{
		{"1234567890", "most common"},
		{"qwertyuiop", "most common"},
		{"Password123", "most common"},
		{"           ", "only spaces"},
		{"\t \t \t \t \t ", "only spaces"},
		{"short", "at least 10"},
	} {
		r := admin.API(http.MethodPost, "/api/v1/users", map[string]string{"email": fmt.Sprintf("p%d@example.org", seq.Add(1)), "name": "P", "role": "reviewer", "password": tt.password})
		want(t, r, http.StatusUnprocessableEntity, tt.message)
	}
	want(t, admin.API(http.MethodPost, "/api/v1/users", map[string]string{"email": "ok@example.org", "name": "P", "role": "reviewer", "password": "a sentence nobody else uses"}), http.StatusCreated)
}
