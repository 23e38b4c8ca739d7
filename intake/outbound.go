package intake

import (
	"errors"
	"net"
	"net/http"
	"time"
)

// CheckURL checks a URL the desk will call (a webhook receiver): http or
// https with a host, and not an obviously private one unless private
// addresses are allowed. The dialer checks again on every connection
// (Client), which also covers names that resolve to private addresses.
func (f *Fetcher) CheckURL(raw string) error {
	u, err := parseUserURL(raw)
	if err != nil {
		return err
	}
	return f.precheck(u)
}

// Client is an HTTP client for calls out to other servers with the same
// guard as Fetch: no proxy, every connection's address checked after DNS
// resolution, the Fetcher's timeout on the whole call, and redirects not
// followed (a receiver that moves must be updated, not chased).
func (f *Fetcher) Client() *http.Client {
	timeout := f.timeout()
	dialer := &net.Dialer{Timeout: timeout, Control: f.control()}
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			Proxy:                 nil,
			DialContext:           dialer.DialContext,
			TLSHandshakeTimeout:   timeout,
			ResponseHeaderTimeout: timeout,
			MaxIdleConns:          4,
			IdleConnTimeout:       30 * time.Second,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// Blocked reports whether err is the guard refusing a private address.
func Blocked(err error) bool {
	return errors.Is(err, errBlockedAddr)
}
