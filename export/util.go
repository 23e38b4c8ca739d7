package export

import (
	"net/url"
	"strings"
	"time"
)

// rfc3339 formats t for machine-readable formats (CSV, JSON): RFC 3339 in
// UTC, with fractional seconds only when present. The zero time is "".
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

// rfc3339p is rfc3339 for an optional time.
func rfc3339p(t *time.Time) string {
	if t == nil {
		return ""
	}
	return rfc3339(*t)
}

// humanTime formats t for people: "2006-01-02 15:04 MST" in t's own zone.
func humanTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04 MST")
}

// humanTimep is humanTime for an optional time.
func humanTimep(t *time.Time) string {
	if t == nil {
		return ""
	}
	return humanTime(*t)
}

// isoDate formats t as "2006-01-02" in t's own zone; nil or zero is "".
func isoDate(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// oneLine collapses every run of white space (newlines included) into one
// space and trims the ends.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// safeHTTPURL reports whether s is an absolute http(s) URL without control
// characters or white space, i.e. safe to render as a link.
func safeHTTPURL(s string) bool {
	if s == "" || strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return false
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return false
	}
	return u.Scheme == "http" || u.Scheme == "https"
}

// titleOr returns the trimmed title, or "Untitled article".
func titleOr(t string) string {
	if t = oneLine(t); t == "" {
		return "Untitled article"
	}
	return t
}
