package apperr

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
)

func TestFrom(t *testing.T) {
	cause := errors.New("disk on fire")
	tests := []struct {
		name    string
		err     error
		status  int
		message string
	}{
		{"an Error", New(http.StatusNotFound, "No such page."), 404, "No such page."},
		{"wrapped with context", fmt.Errorf("models: statement 3: %w", Wrap(cause, http.StatusConflict, "Changed.")), 409, "Changed."},
		{"anything else is ours", cause, 500, Internal},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := From(tt.err)
			if e.Status != tt.status || e.Message != tt.message {
				t.Errorf("From = %d %q, want %d %q", e.Status, e.Message, tt.status, tt.message)
			}
		})
	}
	if e := Wrap(cause, 409, "Changed."); !errors.Is(e, cause) || e.Error() != "disk on fire" {
		t.Errorf("the cause is lost: %v", e)
	}
}
