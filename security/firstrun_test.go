package security

import (
	"net/http"
	"net/url"
	"sync"
	"testing"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/models"
)

// Finding 6: before the first user existed the API was open, and ten
// anonymous POST /api/v1/users made ten admins while the operator's
// /setup lost the race. Now the API answers 401 until an admin exists and
// /setup needs the code the server printed; of ten people racing through
// it with the code, exactly one becomes admin.
func TestFirstRunRace(t *testing.T) {
	d := newDesk(t, handlers.Config{})
	var wg sync.WaitGroup
	api := make([]int, 10)
	for i := range api {
		wg.Go(func() {
			b := d.browser()
			api[i] = b.API(http.MethodPost, "/api/v1/users", map[string]string{
				"email": "eve" + string(rune('a'+i)) + "@example.org", "name": "Eve", "role": "admin", "password": password}).Status
		})
	}
	wg.Wait()
	for i, s := range api {
		if s != http.StatusUnauthorized {
			t.Errorf("anonymous POST /api/v1/users %d on a fresh desk: %d, want 401", i, s)
		}
	}
	// Without the code, nobody gets in.
	b := d.browser()
	b.Get("/setup")
	want(t, b.Post("/setup", url.Values{"email": {"eve@example.org"}, "name": {"Eve"}, "password": {password}}, false), http.StatusUnprocessableEntity, "set-up code is not right")

	code, err := d.store.NewSetupCode(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	statuses := make([]int, 10)
	browsers := make([]*browser, 10)
	for i := range browsers {
		browsers[i] = d.browser()
		browsers[i].Get("/setup")
	}
	start := make(chan struct{})
	for i, b := range browsers {
		wg.Go(func() {
			<-start
			statuses[i] = b.Post("/setup", url.Values{"code": {code}, "email": {"admin" + string(rune('a'+i)) + "@example.org"}, "name": {"Admin"}, "password": {password}}, false).Status
		})
	}
	close(start)
	wg.Wait()
	users, err := d.store.Users(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 1 || users[0].Role != models.Admin {
		t.Fatalf("%d users after ten racing set-ups (statuses %v), want one admin", len(users), statuses)
	}
	// The code is spent.
	if _, err := d.store.CreateFirstAdmin(t.Context(), code, models.UserInput{Email: "late@example.org", Name: "Late", Password: password}); !isErr(err, models.ErrAlreadySetUp) {
		t.Errorf("a late set-up: %v", err)
	}
}
