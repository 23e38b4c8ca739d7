package models

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mentioned returns the ids of the users a comment mentions: "@" followed
// by a user's name (any case, spaces and all, as the desk's autocomplete
// writes it) or by the part of their email before the "@". A mention
// starts the text or follows a character that is not a letter or digit,
// and ends where the name ends and no letter or digit follows. Longer
// names win where two overlap ("@Ann Lee" is Ann Lee, not Ann).
func Mentioned(body string, users []User) []uint {
	if !strings.Contains(body, "@") {
		return nil
	}
	type handle struct {
		text string
		id   uint
	}
	var handles []handle
	for _, u := range users {
		if name := strings.ToLower(strings.TrimSpace(u.Name)); name != "" {
			handles = append(handles, handle{name, u.ID})
		}
		if local, _, ok := strings.Cut(strings.ToLower(u.Email), "@"); ok && local != "" {
			handles = append(handles, handle{local, u.ID})
		}
	}
	sort.SliceStable(handles, func(i, j int) bool { return len(handles[i].text) > len(handles[j].text) })
	lower := strings.ToLower(body)
	taken := make([]bool, len(lower))
	seen := map[uint]bool{}
	var out []uint
	for _, h := range handles {
		for from := 0; ; {
			i := strings.Index(lower[from:], "@"+h.text)
			if i < 0 {
				break
			}
			at := from + i
			end := at + 1 + len(h.text)
			from = at + 1
			if taken[at] || !boundaryBefore(lower, at) || !boundaryAfter(lower, end) {
				continue
			}
			for k := at; k < end; k++ {
				taken[k] = true
			}
			if !seen[h.id] {
				seen[h.id] = true
				out = append(out, h.id)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func boundaryBefore(s string, at int) bool {
	if at == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:at])
	return !wordRune(r) && r != '@'
}

func boundaryAfter(s string, end int) bool {
	if end >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[end:])
	return !wordRune(r)
}
