package export

import (
	"io"
	"strings"
	"unicode/utf8"
)

// Format is one report format. The HTTP handlers and the CLI both use this
// registry, so names, content types and file names never disagree.
type Format struct {
	Name        string // "md", "html", "csv", "json", "claimreview", "corrected"
	Label       string // for menus, e.g. "Markdown"
	ContentType string // for the Content-Type header
	Ext         string // file extension, without the dot
	Write       func(io.Writer, Report) error
}

// formats is the registry, in menu order.
var formats = []Format{
	{"md", "Markdown", "text/markdown; charset=utf-8", "md", Markdown},
	{"html", "Printable HTML", "text/html; charset=utf-8", "html", HTML},
	{"csv", "CSV spreadsheet", "text/csv; charset=utf-8", "csv", func(w io.Writer, r Report) error {
		return CSV(w, r, CSVOptions{})
	}},
	{"json", "JSON", "application/json", "json", JSON},
	{"claimreview", "ClaimReview JSON-LD", "application/ld+json", "jsonld", ClaimReview},
	{"corrected", "Corrected article", "text/plain; charset=utf-8", "txt", Corrected},
}

// Lookup returns the format called name (case-insensitive, surrounding
// space ignored).
func Lookup(name string) (Format, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, f := range formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

// Names returns the format names in menu order: md, html, csv, json,
// claimreview, corrected.
func Names() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.Name
	}
	return out
}

// FileName is the download name of r in format f:
// "<title-slug>-<YYYY-MM-DD>.<ext>", the date being r.GeneratedAt in its
// own zone.
func FileName(r Report, f Format) string {
	return Slug(r.Article.Title) + "-" + r.GeneratedAt.Format("2006-01-02") + "." + f.Ext
}

// slugMaxLen is the longest slug Slug returns.
const slugMaxLen = 60

// slugFold spells common accented Latin letters in ASCII.
var slugFold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ğ': "g", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'į': "i", 'ı': "i",
	'ł': "l", 'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o", 'œ': "oe",
	'ř': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ș': "s", 'ß': "ss", 'ť': "t", 'ţ': "t", 'ț': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
}

// Slug turns a title into a file-name slug: lowercase ASCII letters and
// digits separated by single hyphens, common accented letters folded to
// ASCII, other characters dropped as separators, cut at a word boundary to
// at most 60 characters. An empty result becomes "article".
func Slug(title string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(title) {
		var s string
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			s = string(r)
		case r == '\'' || r == '’': // "Trump's" → "trumps"
			continue
		default:
			s = slugFold[r]
		}
		if s == "" {
			hyphen = b.Len() > 0
			continue
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteString(s)
	}
	slug := b.String()
	if len(slug) > slugMaxLen {
		cut := slug[:slugMaxLen+1]
		if i := strings.LastIndexByte(cut, '-'); i > 0 {
			slug = slug[:i]
		} else {
			slug = slug[:slugMaxLen]
		}
	}
	slug = strings.Trim(slug, "-")
	if slug == "" || !utf8.ValidString(slug) {
		return "article"
	}
	return slug
}
