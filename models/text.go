package models

import (
	"fmt"
	"unicode/utf8"
)

// The desk's one rule for text, applied to every field it stores and, by
// the handlers, to every query parameter and form value it reads: valid
// UTF-8, and no control characters of the C0 range other than tab, newline
// and carriage return. NUL and its kin have no place in prose, break
// PostgreSQL's text type, and can hide text from reviewers.

// ControlChar returns the first C0 control character in s other than tab,
// newline and carriage return, and whether there is one.
func ControlChar(s string) (rune, bool) {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			return rune(b), true // a byte below 0x80 is always a whole rune
		}
	}
	return 0, false
}

// TextProblem says what is wrong with s as text the desk stores, naming
// the field as label ("the title"), or "" when nothing is.
func TextProblem(label, s string) string {
	if !utf8.ValidString(s) {
		return fmt.Sprintf("The %s is not valid UTF-8 text; paste it again as plain text.", label)
	}
	if r, ok := ControlChar(s); ok {
		return fmt.Sprintf("The %s contains a control character (U+%04X), which the desk does not store; remove it and try again.", label, r)
	}
	return ""
}

// checkText adds a problem to v when value breaks the text rule or is
// longer than max bytes (0 means no limit here), and reports whether it
// was fine.
func (v *ValidationError) checkText(field, label, value string, max int) bool {
	if msg := TextProblem(label, value); msg != "" {
		v.add(field, msg)
		return false
	}
	if max > 0 && len(value) > max {
		v.add(field, fmt.Sprintf("The %s is too long (at most %s).", label, sizeWords(max)))
		return false
	}
	return true
}

// textError is checkText for one field on its own: a 422 or nil.
func textError(field, label, value string, max int) error {
	v := &ValidationError{}
	v.checkText(field, label, value, max)
	return v.orNil()
}

// sizeWords says a limit in bytes the way the README does.
func sizeWords(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%s characters", thousands(n))
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
