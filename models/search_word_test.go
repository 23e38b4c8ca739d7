package models

import "testing"

// startsWord keeps a word found by LIKE only where the full-text index
// would find it: at the start of a word, in any case.
func TestStartsWord(t *testing.T) {
	tests := []struct {
		text, word string
		want       bool
	}{
		{"Unemployment fell.", "unemployment", true},
		{"UNEMPLOYMENT FELL", "unemployment", true},
		{"the bridge", "bridge", true},
		{"the footbridge", "bridge", false},
		{"the footbridge and the bridge", "bridge", true},
		{"a (bridge)", "bridge", true},
		{"foot-bridge", "bridge", true},
		{"2024bridge", "bridge", false},
		{"bridges", "bridge", true},
		{"Über alles", "über", true},
		{"cafe\u0301bridge", "bridge", false}, // after a combining accent
		{"no such word", "bridge", false},
		{"", "bridge", false},
	}
	for _, tt := range tests {
		if got := startsWord(tt.text, tt.word); got != tt.want {
			t.Errorf("startsWord(%q, %q) = %v, want %v", tt.text, tt.word, got, tt.want)
		}
	}
}
