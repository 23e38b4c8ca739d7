package models_test

import (
	"slices"
	"testing"

	"github.com/factcheckdesk/factcheck/models"
)

func TestMentioned(t *testing.T) {
	users := []models.User{
		{ID: 1, Name: "Edith Editor", Email: "edith@example.org"},
		{ID: 2, Name: "Ann", Email: "ann.b@example.org"},
		{ID: 3, Name: "Ann Lee", Email: "lee@example.org"},
		{ID: 4, Name: "Zoë Ahmed", Email: "zoe@example.org"},
	}
	tests := []struct {
		body string
		want []uint
	}{
		{"No mention here.", nil},
		{"@Edith Editor can you check?", []uint{1}},
		{"Ask @edith editor and @ZOË AHMED.", []uint{1, 4}},
		{"cc @edith", []uint{1}},
		{"@Ann Lee knows", []uint{3}},
		{"@Ann, and @Ann Lee", []uint{2, 3}},
		{"@ann.b said so", []uint{2}},
		{"mail edith@example.org", nil}, // an address, not a mention
		{"@Annabel is not Ann", nil},    // a longer word
		{"@@Ann twice", nil},            // not after another @
		{"(@Zoë Ahmed) agreed", []uint{4}},
		{"@Edith Editor @Edith Editor", []uint{1}},
	}
	for _, tt := range tests {
		if got := models.Mentioned(tt.body, users); !slices.Equal(got, tt.want) {
			t.Errorf("Mentioned(%q) = %v, want %v", tt.body, got, tt.want)
		}
	}
}
