// Package intake turns a URL or an uploaded file into plain article text.
//
// Entry points:
//
//   - (*Fetcher).Fetch downloads a web page (with SSRF protection, a time
//     limit, a size cap and a redirect limit) and extracts the main article
//     text with readability.
//   - ReadFile reads an uploaded .txt, .md, .html/.htm or .docx file. The
//     format is detected from the content as well as from the extension.
//   - FromHTML extracts the article from an HTML document; Fetch and
//     ReadFile use it for HTML.
//
// The Text of a Document is plain UTF-8 without markup: paragraphs are
// separated by a blank line, headings are paragraphs of their own, list
// items and table rows are on their own line (table cells separated by a
// tab), and runs of spaces are collapsed.
//
// Every error returned by this package is an *Error whose Error() text is
// safe to show to a user; the underlying cause (for logs) is available with
// errors.Unwrap or (*Error).Detail.
package intake

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/factcheckdesk/factcheck/apperr"
	"github.com/factcheckdesk/factcheck/extract"
	"github.com/factcheckdesk/factcheck/models"
)

// Formats reported in Document.Format.
const (
	FormatURL  = "url"
	FormatText = "txt"
	FormatMD   = "md"
	FormatHTML = "html"
	FormatDOCX = "docx"
)

// Document is the result of an import.
type Document struct {
	Title        string
	Byline       string
	SiteName     string
	URL          string // the URL that was fetched (after redirects); empty for files
	CanonicalURL string // <link rel=canonical> or og:url, resolved to an absolute URL
	Text         string // plain UTF-8 text, see the package documentation
	// Furniture are the spans of Text that the page's markup says are
	// furniture (captions, infoboxes, reference lists…), in order.
	Furniture   []extract.Furniture
	PublishedAt *time.Time
	Format      string // FormatURL, FormatText, FormatMD, FormatHTML or FormatDOCX
}

// Kind classifies an *Error so callers can react (e.g. choose an HTTP
// status) without comparing messages.
type Kind int

// Error kinds.
const (
	KindInvalid     Kind = iota // malformed input (bad URL, corrupt file)
	KindScheme                  // not an http/https URL
	KindPrivate                 // address in a private/loopback/link-local range
	KindTimeout                 // the remote server was too slow
	KindTooLarge                // response or file over the size limit
	KindRedirects               // too many redirects
	KindFetch                   // network error or non-2xx HTTP status
	KindUnsupported             // content type / file format not supported
	KindEmpty                   // empty file
	KindNoText                  // no article text could be found
	KindCanceled                // the caller's context was cancelled
)

// Error is the error type returned by this package. Msg is written for end
// users; Err is the underlying cause, meant for logs only.
type Error struct {
	Kind Kind
	Msg  string
	Err  error
}

// Error returns the user-facing message (never the cause, which may contain
// internal addresses).
func (e *Error) Error() string { return e.Msg }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Status is the HTTP status a failure of this kind deserves: 504 when the
// remote site was too slow, 502 when it could not be reached or answered
// with an error, 422 for what is wrong with the input itself.
func (e *Error) Status() int {
	switch e.Kind {
	case KindTimeout:
		return http.StatusGatewayTimeout
	case KindFetch:
		return http.StatusBadGateway
	}
	return http.StatusUnprocessableEntity
}

// As lets errors.As see an *Error as the desk's *apperr.Error, with the
// status of its kind and its message for users.
func (e *Error) As(target any) bool {
	if t, ok := target.(**apperr.Error); ok {
		*t = apperr.Wrap(e, e.Status(), e.Msg)
		return true
	}
	return false
}

// Detail returns the message with the cause, for logs.
func (e *Error) Detail() string {
	if e.Err == nil {
		return e.Msg
	}
	return e.Msg + ": " + e.Err.Error()
}

func newErr(k Kind, cause error, format string, args ...any) *Error {
	return &Error{Kind: k, Msg: fmt.Sprintf(format, args...), Err: cause}
}

// User-facing messages that do not depend on limits.
const (
	msgPrivate     = "That address points to a private network; ask an admin to allow private URLs"
	msgRedirects   = "Too many redirects"
	msgScheme      = "Only http and https links can be imported"
	msgNoText      = "We could not find article text on that page"
	msgNoFileText  = "We could not find any text in that file"
	msgPDF         = "PDF files are not supported yet; paste the text or upload .txt, .md, .html or .docx"
	msgEmptyFile   = "The file is empty"
	msgBinary      = "That file does not look like text; upload .txt, .md, .html or .docx"
	msgCanceled    = "The import was cancelled"
	msgBadURL      = "That does not look like a valid web address"
	msgDoc         = "Old Word .doc files are not supported; save the file as .docx and upload it again"
	msgNotDocx     = "That file is not a valid Word (.docx) document"
	msgUnreachable = "We could not reach that page"
)

// sizeString renders a byte limit as "5 MB", "512 KB" or "100 bytes".
func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}

// durationString renders a timeout as "10 seconds" or "250ms".
func durationString(d time.Duration) string {
	if d%time.Second == 0 {
		if d == time.Second {
			return "1 second"
		}
		return fmt.Sprintf("%d seconds", d/time.Second)
	}
	return d.String()
}

// ArticleInput is the document as an article to store. A non-empty title
// overrides the one found in the document.
func (d Document) ArticleInput(title string) models.ArticleInput {
	in := models.ArticleInput{
		Title:     strings.TrimSpace(title),
		Body:      d.Text,
		URL:       d.CanonicalURL,
		Author:    d.Byline,
		SiteName:  d.SiteName,
		Furniture: d.Furniture,
	}
	if in.Title == "" {
		in.Title = d.Title
	}
	if in.URL == "" {
		in.URL = d.URL
	}
	if d.PublishedAt != nil {
		in.PublishedAt = d.PublishedAt.UTC().Format(time.RFC3339)
	}
	if len(in.Author) > models.MaxTitleBytes {
		in.Author = ""
	}
	if len(in.Title) > models.MaxTitleBytes {
		in.Title = strings.ToValidUTF8(in.Title[:models.MaxTitleBytes], "")
	}
	return in
}
