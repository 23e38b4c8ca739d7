package models

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/trustelem/zxcvbn/frequency"
)

// commonPasswordsConsidered is how many of the most used passwords (by
// frequency in leaked password lists, as zxcvbn ships them) the desk
// refuses.
const commonPasswordsConsidered = 10_000

// commonPasswords holds the most used passwords that the length rule
// alone would let through; the shorter ones it refuses anyway.
var commonPasswords = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, p := range frequency.FrequencyLists["passwords"][:commonPasswordsConsidered] {
		if utf8.RuneCountInString(p) >= MinPasswordLength {
			set[p] = true
		}
	}
	return set
})

// validatePassword says what is wrong with a new password, or "".
func validatePassword(p string) string {
	switch {
	case utf8.RuneCountInString(p) < MinPasswordLength:
		return "Use a password of at least 10 characters."
	case len(p) > 72:
		return "Use a password of at most 72 bytes."
	case strings.TrimFunc(p, unicode.IsSpace) == "":
		return "Use a password that is not only spaces."
	case commonPasswords()[strings.ToLower(p)]:
		return "That password is one of the most common ones, the first any attacker tries. Choose another."
	}
	if _, ok := ControlChar(p); ok {
		return "Use a password without control characters."
	}
	return ""
}
