package intake

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// FromHTML extracts the main article from an HTML document. pageURL (may be
// nil) is used to resolve relative links such as the canonical URL. The
// character set is taken from a BOM or <meta charset>, else guessed; at most
// MaxFileBytes are read. The returned Document has Format FormatHTML and an
// empty URL; Fetch fills in URL and Format for web pages.
func FromHTML(pageURL *url.URL, r io.Reader) (Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		return Document{}, newErr(KindInvalid, err, "We could not read that document")
	}
	if int64(len(data)) > MaxFileBytes {
		return Document{}, newErr(KindTooLarge, nil, "The document is larger than %s", sizeString(MaxFileBytes))
	}
	return fromHTMLBytes(pageURL, data, "")
}

// fromHTMLBytes decodes data using contentType's charset parameter, a BOM,
// a <meta> declaration or a guess, in that order, and extracts the article.
func fromHTMLBytes(pageURL *url.URL, data []byte, contentType string) (Document, error) {
	doc, err := html.Parse(bytes.NewReader(decodeHTML(data, contentType)))
	if err != nil {
		return Document{}, newErr(KindInvalid, err, "We could not read that HTML document")
	}
	meta := scanHead(doc, pageURL)

	var aside setAside
	aside.prepare(doc)
	art, err := parseArticle(doc, pageURL)
	if err != nil {
		return Document{}, newErr(KindNoText, err, msgNoText)
	}
	if art.Node == nil {
		return Document{}, newErr(KindNoText, errors.New("readability found no content node"), msgNoText)
	}
	text, furniture := renderArticle(art.Node, &aside)
	if n := proseWords(art.Node); n < minArticleWords {
		return Document{}, newErr(KindNoText, fmt.Errorf("only %d words outside links", n), msgNoText)
	}
	d := Document{
		Title:        cleanLine(art.Title()),
		Byline:       cleanLine(art.Byline()),
		SiteName:     cleanLine(art.SiteName()),
		CanonicalURL: meta.canonical,
		Text:         text,
		Furniture:    furniture,
		Format:       FormatHTML,
	}
	if d.Title == "" {
		d.Title = meta.h1
	}
	if t, err := art.PublishedTime(); err == nil && !t.IsZero() {
		d.PublishedAt = &t
	} else if meta.published != nil {
		d.PublishedAt = meta.published
	}
	return d, nil
}

// minArticleWords is the least number of words outside links that counts
// as article text; below it readability has usually picked up navigation or
// an error page.
const minArticleWords = 15

// proseWords counts the words under n that are not link text.
func proseWords(n *html.Node) int {
	count := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			count += len(strings.Fields(n.Data))
			return
		case n.Type == html.ElementNode && (n.DataAtom == atom.A || n.DataAtom == atom.Script || n.DataAtom == atom.Style):
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return count
}

// parseArticle runs readability, turning a panic on hostile or unusual
// markup into an error.
func parseArticle(doc *html.Node, pageURL *url.URL) (art readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("readability panic: %v", r)
		}
	}()
	parser := readability.NewParser()
	return parser.ParseAndMutate(doc, pageURL)
}

// decodeHTML converts an HTML document to UTF-8. A BOM wins. Otherwise a
// document that is entirely valid UTF-8 and not plain ASCII is taken as
// UTF-8 even if the header or <meta> says otherwise (mislabelled UTF-8 is
// far more common than Latin-1 that happens to be valid UTF-8, and
// x/net/html/charset only looks at the first 1024 bytes before falling
// back to windows-1252). Then the Content-Type charset, <meta> and the
// windows-1252 default apply, as in x/net/html/charset.
func decodeHTML(data []byte, contentType string) []byte {
	enc, _, certain := charset.DetermineEncoding(data, contentType)
	fromBOM := certain && (bytes.HasPrefix(data, utf8BOM) || hasUTF16BOM(data))
	if !fromBOM && utf8.Valid(data) && hasHighBit(data) {
		return data
	}
	if enc == nil || enc == encoding.Nop {
		return data
	}
	if dec, err := enc.NewDecoder().Bytes(data); err == nil {
		return dec
	}
	return data
}

func hasHighBit(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// cleanLine collapses whitespace in a one-line value and makes it valid UTF-8.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
}

type headMeta struct {
	canonical string
	h1        string
	published *time.Time
}

// scanHead collects what readability does not give us: the canonical URL
// (<link rel=canonical>, then og:url), the first <h1> (title fallback) and
// a published date from microdata/<time> when there is no meta tag for it.
func scanHead(doc *html.Node, base *url.URL) headMeta {
	var m headMeta
	var canonical, ogURL string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Link:
				if canonical == "" && hasToken(attr(n, "rel"), "canonical") {
					canonical = attr(n, "href")
				}
			case atom.Meta:
				prop := strings.ToLower(attr(n, "property"))
				if ogURL == "" && (prop == "og:url" || strings.EqualFold(attr(n, "name"), "og:url")) {
					ogURL = attr(n, "content")
				}
				if m.published == nil && (strings.EqualFold(attr(n, "itemprop"), "datePublished") ||
					strings.EqualFold(attr(n, "name"), "date") || strings.EqualFold(attr(n, "name"), "pubdate")) {
					m.published = parseDate(attr(n, "content"))
				}
			case atom.Time:
				if m.published == nil && (strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate")) {
					m.published = parseDate(attr(n, "datetime"))
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = cleanLine(renderText(n))
				}
			case atom.Script, atom.Style, atom.Template:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, u := range []string{canonical, ogURL} {
		if abs := absoluteHTTP(base, u); abs != "" {
			m.canonical = abs
			break
		}
	}
	return m
}

// absoluteHTTP resolves ref against base and returns it if the result is an
// absolute http(s) URL.
func absoluteHTTP(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

func parseDate(s string) *time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return &t
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}

// wholeHTML renders the whole <body> of a document, for HTML files where
// readability finds no article (short fragments, notes).
func wholeHTML(data []byte) (Document, error) {
	doc, err := html.Parse(bytes.NewReader(decodeHTML(data, "")))
	if err != nil {
		return Document{}, newErr(KindInvalid, err, "We could not read that HTML document")
	}
	meta := scanHead(doc, nil)
	var title string
	var body *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if title == "" {
					title = cleanLine(renderTextRaw(n))
				}
			case atom.Body:
				if body == nil {
					body = n
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if title == "" {
		title = meta.h1
	}
	d := Document{Title: title, CanonicalURL: meta.canonical, PublishedAt: meta.published}
	if body != nil {
		d.Text = renderText(body)
	}
	if d.Text == "" {
		return Document{}, newErr(KindNoText, errors.New("empty body"), msgNoFileText)
	}
	return d, nil
}

// renderTextRaw concatenates the text nodes under n.
func renderTextRaw(n *html.Node) string {
	var sb strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}
