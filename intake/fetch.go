package intake

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"path"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// Fetch defaults, used when the corresponding Fetcher field is zero.
const (
	DefaultTimeout      = 10 * time.Second
	DefaultMaxBytes     = 5 << 20
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "FactcheckDesk/1.0 (article import)"
)

// Fetcher downloads web pages. The zero value is ready to use and refuses
// private addresses. A Fetcher is safe for concurrent use as long as its
// fields are not modified.
type Fetcher struct {
	// AllowPrivate permits loopback, private, link-local and other
	// non-public addresses (the server's --allow-private-urls flag).
	AllowPrivate bool
	// Timeout bounds the whole request including reading the body.
	Timeout time.Duration
	// MaxBytes caps the (decompressed) response body.
	MaxBytes int64
	// MaxRedirects is the number of redirects followed; a negative value
	// means none.
	MaxRedirects int
	UserAgent    string

	// allowAddr, if set, lets tests exempt specific host:port pairs from
	// the private-address checks.
	allowAddr func(hostport string) bool
}

// control returns the net.Dialer.Control hook for f.
func (f *Fetcher) control() func(network, address string, c syscall.RawConn) error {
	if f.AllowPrivate {
		return nil
	}
	return func(network, address string, c syscall.RawConn) error {
		if f.allowAddr != nil && f.allowAddr(address) {
			return nil
		}
		return dialControl(network, address, c)
	}
}

// precheck refuses obviously private hosts before any connection.
func (f *Fetcher) precheck(u *url.URL) error {
	if f.AllowPrivate || (f.allowAddr != nil && f.allowAddr(u.Host)) {
		return nil
	}
	return checkHostLiteral(u.Hostname())
}

func (f *Fetcher) timeout() time.Duration {
	if f.Timeout > 0 {
		return f.Timeout
	}
	return DefaultTimeout
}

func (f *Fetcher) maxBytes() int64 {
	if f.MaxBytes > 0 {
		return f.MaxBytes
	}
	return DefaultMaxBytes
}

func (f *Fetcher) maxRedirects() int {
	switch {
	case f.MaxRedirects < 0:
		return 0
	case f.MaxRedirects == 0:
		return DefaultMaxRedirects
	}
	return f.MaxRedirects
}

// Fetch downloads rawURL and extracts the article. A URL without a scheme
// is treated as https. HTML pages go through FromHTML; text/plain is taken
// as is; any other content type is refused. All errors are *Error.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (Document, error) {
	u, err := parseUserURL(rawURL)
	if err != nil {
		return Document{}, err
	}
	if err := f.precheck(u); err != nil {
		return Document{}, err
	}

	timeout := f.timeout()
	maxRedirects := f.maxRedirects()
	dialer := &net.Dialer{Timeout: timeout, Control: f.control()}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would hide the real destination from the IP check
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		TLSHandshakeTimeout:   timeout,
		ResponseHeaderTimeout: timeout,
		MaxIdleConns:          1,
	}
	defer transport.CloseIdleConnections()
	client := &http.Client{
		Transport: transport,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return newErr(KindRedirects, fmt.Errorf("more than %d redirects, last to %s", maxRedirects, req.URL), msgRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return newErr(KindScheme, fmt.Errorf("redirect to %s", req.URL), msgScheme)
			}
			return f.precheck(req.URL)
		},
	}

	reqCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(reqCtx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Document{}, newErr(KindInvalid, err, msgBadURL)
	}
	ua := f.UserAgent
	if ua == "" {
		ua = DefaultUserAgent
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")

	resp, err := client.Do(req)
	if err != nil {
		return Document{}, f.classify(ctx, err)
	}
	defer resp.Body.Close()

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Document{}, newErr(KindFetch, fmt.Errorf("GET %s: %s", resp.Request.URL, resp.Status),
			"The page answered with an error (HTTP %d %s)", resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	limit := f.maxBytes()
	tooLarge := newErr(KindTooLarge, nil, "The page is larger than %s", sizeString(limit))
	if resp.ContentLength > limit {
		tooLarge.Err = fmt.Errorf("Content-Length %d > %d", resp.ContentLength, limit)
		return Document{}, tooLarge
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return Document{}, f.classify(ctx, err)
	}
	if int64(len(body)) > limit {
		tooLarge.Err = fmt.Errorf("body over %d bytes", limit)
		return Document{}, tooLarge
	}

	final := resp.Request.URL
	contentType := resp.Header.Get("Content-Type")
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil || mediaType == "" {
		contentType = http.DetectContentType(body)
		mediaType, _, _ = mime.ParseMediaType(contentType)
	}

	var doc Document
	switch mediaType {
	case "text/html", "application/xhtml+xml":
		doc, err = fromHTMLBytes(final, body, contentType)
		if err != nil {
			return Document{}, err
		}
		if doc.Title == "" {
			doc.Title = titleFromURL(final)
		}
	case "text/plain":
		text, err := decodeTextWithCharset(body, contentType)
		if err != nil {
			return Document{}, err
		}
		doc.Text = tidyText(text)
		if doc.Text == "" {
			return Document{}, newErr(KindNoText, errors.New("empty text/plain body"), msgNoText)
		}
		doc.Title = titleFromURL(final)
	case "application/pdf":
		return Document{}, newErr(KindUnsupported, errors.New("application/pdf"), msgPDF)
	default:
		return Document{}, newErr(KindUnsupported, fmt.Errorf("content type %q", contentType),
			"That link does not lead to a web page (it returned %s); only HTML pages and plain text can be imported", mediaType)
	}
	doc.URL = final.String()
	doc.Format = FormatURL
	return doc, nil
}

// classify turns a transport error into an *Error.
func (f *Fetcher) classify(parent context.Context, err error) error {
	var e *Error
	if errors.As(err, &e) {
		// From CheckRedirect; keep the URL context for logs.
		return &Error{Kind: e.Kind, Msg: e.Msg, Err: err}
	}
	if errors.Is(err, errBlockedAddr) {
		return newErr(KindPrivate, err, msgPrivate)
	}
	switch parent.Err() {
	case context.Canceled:
		return newErr(KindCanceled, err, msgCanceled)
	case context.DeadlineExceeded:
		return newErr(KindTimeout, err, "The page took too long to answer")
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return newErr(KindTimeout, err, "The page took longer than %s to answer", durationString(f.timeout()))
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return newErr(KindFetch, err, "We could not find that website; check the address")
	}
	return newErr(KindFetch, err, msgUnreachable)
}

// parseUserURL parses a URL typed or pasted by a user. A missing scheme
// means https.
func parseUserURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, newErr(KindInvalid, errors.New("empty URL"), msgBadURL)
	}
	u, err := url.Parse(raw)
	if err == nil && u.Scheme == "" {
		u, err = url.Parse("https://" + raw)
	}
	if err != nil {
		return nil, newErr(KindInvalid, err, msgBadURL)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, newErr(KindScheme, fmt.Errorf("scheme %q", u.Scheme), msgScheme)
	}
	if u.Hostname() == "" {
		return nil, newErr(KindInvalid, errors.New("no host"), msgBadURL)
	}
	u.Fragment = ""
	return u, nil
}

// checkHostLiteral refuses, before any connection, hosts that are IP
// literals in blocked ranges or obviously local names. It is a fast path
// for a clear error; the authoritative check is dialControl.
func checkHostLiteral(host string) error {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return newErr(KindPrivate, fmt.Errorf("%w: %s", errBlockedAddr, host), msgPrivate)
	}
	if ip, err := netip.ParseAddr(h); err == nil && !isPublicIP(ip) {
		return newErr(KindPrivate, fmt.Errorf("%w: %s", errBlockedAddr, host), msgPrivate)
	}
	return nil
}

// titleFromURL names a plain-text page after the last path segment, or the
// host.
func titleFromURL(u *url.URL) string {
	if base := path.Base(u.Path); base != "/" && base != "." && base != "" {
		return base
	}
	return u.Hostname()
}

// decodeTextWithCharset decodes a text/plain body: valid non-ASCII UTF-8
// is UTF-8 (see decodeHTML), then the charset parameter, then the same
// rules as uploaded text files.
func decodeTextWithCharset(data []byte, contentType string) (string, error) {
	if !hasUTF16BOM(data) && utf8.Valid(data) && hasHighBit(data) {
		return strings.TrimPrefix(string(data), "\ufeff"), nil
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		if enc, _ := charset.Lookup(params["charset"]); enc != nil {
			if out, err := enc.NewDecoder().Bytes(data); err == nil {
				return string(out), nil
			}
		}
	}
	return decodeText(data)
}
