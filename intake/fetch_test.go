package intake

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/factcheckdesk/factcheck/extract"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// wantKind checks that err is an *Error of the given kind and returns it.
func wantKind(t *testing.T, err error, kind Kind) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *intake.Error", err, err)
	}
	if e.Kind != kind {
		t.Fatalf("kind = %d, want %d (msg %q, detail %q)", e.Kind, kind, e.Msg, e.Detail())
	}
	if e.Msg == "" {
		t.Fatal("empty user message")
	}
	return e
}

func newsServer(t *testing.T) *httptest.Server {
	page := readTestdata(t, "news.html")
	mux := http.NewServeMux()
	mux.HandleFunc("/news/2024/03/14/council-bridge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchNewsPage(t *testing.T) {
	srv := newsServer(t)
	f := &Fetcher{AllowPrivate: true}
	doc, err := f.Fetch(context.Background(), srv.URL+"/news/2024/03/14/council-bridge")
	if err != nil {
		t.Fatal(err)
	}
	checkNewsDoc(t, doc)
	if doc.Format != FormatURL {
		t.Errorf("Format = %q", doc.Format)
	}
	if doc.URL != srv.URL+"/news/2024/03/14/council-bridge" {
		t.Errorf("URL = %q", doc.URL)
	}
	// Relative canonical resolved against the fetched URL.
	if want := srv.URL + "/news/council-bridge"; doc.CanonicalURL != want {
		t.Errorf("CanonicalURL = %q, want %q", doc.CanonicalURL, want)
	}
}

// checkNewsDoc checks the extraction of testdata/news.html.
func checkNewsDoc(t *testing.T, doc Document) {
	t.Helper()
	if doc.Title != "Council approves & funds new bridge over River Wye" {
		t.Errorf("Title = %q", doc.Title)
	}
	if doc.Byline != "Jane Doe" {
		t.Errorf("Byline = %q", doc.Byline)
	}
	if doc.SiteName != "The Hereford Courier" {
		t.Errorf("SiteName = %q", doc.SiteName)
	}
	if doc.PublishedAt == nil || !doc.PublishedAt.Equal(time.Date(2024, 3, 14, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("PublishedAt = %v", doc.PublishedAt)
	}
	text := outsideFurniture(doc)
	for _, want := range []string{
		"Hereford councillors voted on Tuesday night to approve a £42 million pedestrian and cycle bridge across the River Wye, ending a decade-long dispute over how to ease congestion on the city’s only road crossing.\n\nThe proposal passed",
		"materialise.\n\nHow the project will be paid for\n\nAccording to the council’s own figures",
		"fund £35 million", // collapsed whitespace
		"\n\nConstruction is due to start in spring 2025.\nThe bridge will be 180 metres long.\nIt is expected to open in late 2027.\n\n",
		"Opposition councillor Sarah Lyons",
		"will open next month.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for _, furniture := range []string{
		"cookies", "Accept all", "Sport", "Weather", "Search", "Share on", "Email this story",
		"Advertisement", "document.write", "gtag", "Recommended stories", "Ten best pubs",
		"Comments", "BridgeFan99", "white elephant", "All rights reserved", "Privacy policy",
		"morning briefing", "initShareButtons", "<", ">", "&amp;", "&rsquo;",
	} {
		if strings.Contains(text, furniture) {
			t.Errorf("text contains furniture %q", furniture)
		}
	}
	// The related-stories block inside the article is kept, marked as
	// furniture, so that the desk can show it greyed.
	if len(doc.Furniture) != 1 || doc.Furniture[0].Kind != extract.FurnitureNavigation ||
		!strings.HasPrefix(doc.Text[doc.Furniture[0].Start:doc.Furniture[0].End], "Recommended stories\n\nTen best pubs") {
		t.Errorf("Furniture = %+v", doc.Furniture)
	}
	if strings.Contains(doc.Text, "\n\n\n") || strings.Contains(doc.Text, "  ") {
		t.Errorf("uncollapsed whitespace in %q", text)
	}
}

func TestFromHTMLNewsPage(t *testing.T) {
	doc, err := FromHTML(nil, strings.NewReader(string(readTestdata(t, "news.html"))))
	if err != nil {
		t.Fatal(err)
	}
	checkNewsDoc(t, doc)
	// Without a page URL only absolute candidates are usable: og:url.
	if doc.CanonicalURL != "https://www.herefordcourier.example/news/2024/03/council-bridge" {
		t.Errorf("CanonicalURL = %q", doc.CanonicalURL)
	}
}

func TestFetchLoopbackRefusedByDefault(t *testing.T) {
	srv := newsServer(t)
	var f Fetcher
	_, err := f.Fetch(context.Background(), srv.URL+"/news/2024/03/14/council-bridge")
	e := wantKind(t, err, KindPrivate)
	if e.Msg != msgPrivate {
		t.Errorf("Msg = %q", e.Msg)
	}
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	for _, u := range []string{
		"http://localhost:" + port + "/",
		"http://LOCALHOST./",
		"http://[::1]:" + port + "/",
		"http://0.0.0.0:" + port + "/",
		"http://169.254.169.254/latest/meta-data/",
		"http://10.0.0.1/",
		"http://[::ffff:127.0.0.1]/",
	} {
		_, err := f.Fetch(context.Background(), u)
		wantKind(t, err, KindPrivate)
	}
}

// TestFetchDialCheck covers the dial-time check on its own: the host name
// resolves to a non-public address, so no literal pre-check applies.
func TestFetchDialCheck(t *testing.T) {
	host, err := os.Hostname()
	if err != nil {
		t.Skip("no hostname")
	}
	addrs, err := net.LookupHost(host)
	if err != nil || len(addrs) == 0 {
		t.Skip("hostname does not resolve")
	}
	for _, a := range addrs {
		if ip, err := netip.ParseAddr(a); err != nil || isPublicIP(ip) {
			t.Skipf("%s resolves to public address %s", host, a)
		}
	}
	var f Fetcher
	_, err = f.Fetch(context.Background(), "http://"+host+":1/")
	wantKind(t, err, KindPrivate)
}

func TestDialControl(t *testing.T) {
	for _, tc := range []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:80", false},
		{"[::1]:443", false},
		{"10.1.2.3:80", false},
		{"[fd00::1]:80", false},
		{"93.184.216.34:80", true},
		{"[2606:4700::6810:85e5]:443", true},
		{"example.com:80", false}, // not an IP: never expected after resolution
	} {
		err := dialControl("tcp", tc.addr, nil)
		if (err == nil) != tc.ok {
			t.Errorf("dialControl(%s) = %v, want ok=%v", tc.addr, err, tc.ok)
		}
		if err != nil && !errors.Is(err, errBlockedAddr) {
			t.Errorf("dialControl(%s) error %v does not wrap errBlockedAddr", tc.addr, err)
		}
	}
}

func TestIsPublicIP(t *testing.T) {
	for _, tc := range []struct {
		ip     string
		public bool
	}{
		{"8.8.8.8", true},
		{"93.184.216.34", true},
		{"1.1.1.1", true},
		{"2606:4700:4700::1111", true},
		{"2002:5db8:d822::1", true}, // 6to4 of 93.184.216.34
		{"64:ff9b::808:808", true},  // NAT64 of 8.8.8.8
		{"127.0.0.1", false},
		{"127.255.255.254", false},
		{"0.0.0.0", false},
		{"0.1.2.3", false},
		{"10.0.0.1", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"100.64.0.1", false},      // CGNAT
		{"192.0.0.8", false},
		{"198.18.0.1", false},
		{"224.0.0.1", false},
		{"255.255.255.255", false},
		{"::", false},
		{"::1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"::127.0.0.1", false},
		{"fc00::1", false},
		{"fd12:3456:789a::1", false}, // ULA
		{"fe80::1", false},
		{"fe80::1%eth0", false},
		{"fec0::1", false},
		{"ff02::1", false},
		{"2001:db8::1", false},
		{"64:ff9b::7f00:1", false},  // NAT64 of 127.0.0.1
		{"2002:c0a8:101::1", false}, // 6to4 of 192.168.1.1
		{"2001:0:4136:e378::1", false},
	} {
		ip := netip.MustParseAddr(tc.ip)
		if got := isPublicIP(ip); got != tc.public {
			t.Errorf("isPublicIP(%s) = %v, want %v", tc.ip, got, tc.public)
		}
	}
	if isPublicIP(netip.Addr{}) {
		t.Error("zero Addr is public")
	}
}

// TestFetchRedirectToLoopback: the first server is exempted through the
// test hook, the redirect target is another loopback server.
func TestFetchRedirectToLoopback(t *testing.T) {
	inner := newsServer(t)
	outer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, inner.URL+"/news/2024/03/14/council-bridge", http.StatusFound)
	}))
	defer outer.Close()
	outerHost := outer.Listener.Addr().String()
	f := &Fetcher{allowAddr: func(hp string) bool { return hp == outerHost }}
	_, err := f.Fetch(context.Background(), outer.URL+"/go")
	wantKind(t, err, KindPrivate)

	// Sanity: with the inner server exempted too, the same chain works.
	innerHost := inner.Listener.Addr().String()
	f.allowAddr = func(hp string) bool { return hp == outerHost || hp == innerHost }
	if _, err := f.Fetch(context.Background(), outer.URL+"/go"); err != nil {
		t.Fatal(err)
	}
}

func TestFetchSchemes(t *testing.T) {
	f := &Fetcher{AllowPrivate: true}
	for _, u := range []string{"ftp://example.com/file.txt", "file:///etc/passwd", "javascript:alert(1)", "gopher://x/"} {
		_, err := f.Fetch(context.Background(), u)
		e := wantKind(t, err, KindScheme)
		if e.Msg != msgScheme {
			t.Errorf("%s: Msg = %q", u, e.Msg)
		}
	}
	for _, u := range []string{"", "   ", "http://", "https:///path"} {
		_, err := f.Fetch(context.Background(), u)
		wantKind(t, err, KindInvalid)
	}
	// Redirect to ftp:// is refused as well.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/x", http.StatusMovedPermanently)
	}))
	defer srv.Close()
	_, err := f.Fetch(context.Background(), srv.URL)
	wantKind(t, err, KindScheme)
}

func TestFetchTimeout(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	f := &Fetcher{AllowPrivate: true, Timeout: 100 * time.Millisecond}
	_, err := f.Fetch(context.Background(), srv.URL)
	e := wantKind(t, err, KindTimeout)
	if e.Msg != "The page took longer than 100ms to answer" {
		t.Errorf("Msg = %q", e.Msg)
	}
	if (&Fetcher{}).timeout() != 10*time.Second || durationString(10*time.Second) != "10 seconds" {
		t.Error("default timeout message would not read 10 seconds")
	}

	// Slow body after the headers.
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>start"))
		w.(http.Flusher).Flush()
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	}))
	defer slow.Close()
	_, err = f.Fetch(context.Background(), slow.URL)
	wantKind(t, err, KindTimeout)

	// Caller cancellation is reported as such.
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	_, err = (&Fetcher{AllowPrivate: true}).Fetch(ctx, srv.URL)
	wantKind(t, err, KindCanceled)
}

func TestFetchSizeCap(t *testing.T) {
	big := strings.Repeat("<p>"+strings.Repeat("word ", 100)+"</p>\n", 3000) // ~1.5 MB
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		if r.URL.Path == "/chunked" {
			// No Content-Length: the cap must hold while reading.
			for i := 0; i < len(big); i += 64 << 10 {
				w.Write([]byte(big[i:min(i+64<<10, len(big))]))
				w.(http.Flusher).Flush()
			}
			return
		}
		w.Header().Set("Content-Length", fmt.Sprint(len(big)))
		w.Write([]byte(big))
	}))
	defer srv.Close()
	f := &Fetcher{AllowPrivate: true, MaxBytes: 1 << 20}
	for _, p := range []string{"/length", "/chunked"} {
		_, err := f.Fetch(context.Background(), srv.URL+p)
		e := wantKind(t, err, KindTooLarge)
		if e.Msg != "The page is larger than 1 MB" {
			t.Errorf("Msg = %q", e.Msg)
		}
	}
	if sizeString(DefaultMaxBytes) != "5 MB" {
		t.Errorf("default cap reads %q", sizeString(DefaultMaxBytes))
	}
	// Under the cap it works.
	f.MaxBytes = 2 << 20
	if _, err := f.Fetch(context.Background(), srv.URL+"/chunked"); err != nil {
		t.Fatal(err)
	}
}

func TestFetchRedirectLimit(t *testing.T) {
	page := readTestdata(t, "news.html")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		if _, err := fmt.Sscanf(r.URL.Path, "/r/%d", &n); err == nil && n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/r/%d", n-1), http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(page)
	}))
	defer srv.Close()
	for _, tc := range []struct {
		max, hops int
		ok        bool
	}{
		{0, 5, true}, // default 5
		{0, 6, false},
		{2, 2, true},
		{2, 3, false},
		{-1, 1, false}, // no redirects at all
	} {
		f := &Fetcher{AllowPrivate: true, MaxRedirects: tc.max}
		doc, err := f.Fetch(context.Background(), fmt.Sprintf("%s/r/%d", srv.URL, tc.hops))
		if tc.ok {
			if err != nil {
				t.Errorf("max %d hops %d: %v", tc.max, tc.hops, err)
			} else if doc.URL != srv.URL+"/r/0" {
				t.Errorf("URL after redirects = %q", doc.URL)
			}
			continue
		}
		e := wantKind(t, err, KindRedirects)
		if e.Msg != msgRedirects {
			t.Errorf("Msg = %q", e.Msg)
		}
	}
}

func TestFetchCharset(t *testing.T) {
	body := "<html><head><title>Caf\xe9 culture in Z\xfcrich</title></head><body><article>" +
		strings.Repeat("<p>Le caf\xe9 est tr\xe8s bon \xe0 Z\xfcrich, na\xefve fa\xe7ade &amp; cr\xe8me br\xfbl\xe9e, said the ma\xeetre d'h\xf4tel in a long interview.</p>", 6) +
		"</article></body></html>"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/header":
			w.Header().Set("Content-Type", "text/html; charset=ISO-8859-1")
			w.Write([]byte(body))
		case "/meta":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(strings.Replace(body, "<head>", `<head><meta charset="iso-8859-1">`, 1)))
		case "/sniff":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(body))
		case "/utf8-late":
			// No declaration and only ASCII in the first 1024 bytes.
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(strings.Replace(latin1ToUTF8(body), "<head>", "<head><script>"+strings.Repeat("var a = 1;\n", 150)+"</script>", 1)))
		case "/utf8-mislabelled":
			w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
			w.Write([]byte(latin1ToUTF8(body)))
		}
	}))
	defer srv.Close()
	f := &Fetcher{AllowPrivate: true}
	for _, p := range []string{"/header", "/meta", "/sniff", "/utf8-late", "/utf8-mislabelled"} {
		doc, err := f.Fetch(context.Background(), srv.URL+p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if !utf8.ValidString(doc.Text) {
			t.Fatalf("%s: invalid UTF-8", p)
		}
		if !strings.Contains(doc.Text, "Le café est très bon à Zürich, naïve façade & crème brûlée") {
			t.Errorf("%s: text = %q", p, doc.Text[:min(200, len(doc.Text))])
		}
		if doc.Title != "Café culture in Zürich" {
			t.Errorf("%s: title = %q", p, doc.Title)
		}
	}
}

func TestFetchContentTypes(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/statement.txt":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write([]byte("Press statement\r\n\r\nThe minister said   unemployment fell to 4.1%.\r\n  Indented line <b>kept</b> as-is.\r\n"))
		case "/latin1.txt":
			w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
			w.Write([]byte("Gr\xfc\xdfe aus K\xf6ln"))
		case "/data.json":
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"a":1}`))
		case "/image.png":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG\r\n\x1a\n"))
		case "/report.pdf":
			w.Header().Set("Content-Type", "application/pdf")
			w.Write([]byte("%PDF-1.7"))
		case "/notext":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>"))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	f := &Fetcher{AllowPrivate: true}
	ctx := context.Background()

	doc, err := f.Fetch(ctx, srv.URL+"/statement.txt")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Press statement\n\nThe minister said   unemployment fell to 4.1%.\n  Indented line <b>kept</b> as-is."; doc.Text != want {
		t.Errorf("text/plain Text = %q, want %q", doc.Text, want)
	}
	if doc.Title != "statement.txt" || doc.Format != FormatURL {
		t.Errorf("Title %q Format %q", doc.Title, doc.Format)
	}
	doc, err = f.Fetch(ctx, srv.URL+"/latin1.txt")
	if err != nil || doc.Text != "Grüße aus Köln" {
		t.Errorf("latin1 text/plain = %q, %v", doc.Text, err)
	}

	for path, kind := range map[string]Kind{
		"/data.json":  KindUnsupported,
		"/image.png":  KindUnsupported,
		"/report.pdf": KindUnsupported,
		"/notext":     KindNoText,
		"/missing":    KindFetch,
	} {
		_, err := f.Fetch(ctx, srv.URL+path)
		e := wantKind(t, err, kind)
		t.Logf("%s: %s", path, e.Msg)
	}
	_, err = f.Fetch(ctx, srv.URL+"/data.json")
	if e := wantKind(t, err, KindUnsupported); !strings.Contains(e.Msg, "application/json") {
		t.Errorf("Msg = %q", e.Msg)
	}
	_, err = f.Fetch(ctx, srv.URL+"/report.pdf")
	if e := wantKind(t, err, KindUnsupported); e.Msg != msgPDF {
		t.Errorf("Msg = %q", e.Msg)
	}
	_, err = f.Fetch(ctx, srv.URL+"/notext")
	if e := wantKind(t, err, KindNoText); e.Msg != msgNoText {
		t.Errorf("Msg = %q", e.Msg)
	}
	_, err = f.Fetch(ctx, srv.URL+"/missing")
	if e := wantKind(t, err, KindFetch); e.Msg != "The page answered with an error (HTTP 404 Not Found)" {
		t.Errorf("Msg = %q", e.Msg)
	}
}

func TestErrorDetail(t *testing.T) {
	cause := errors.New("dial tcp 10.0.0.1:80: blocked")
	e := newErr(KindPrivate, cause, msgPrivate)
	var err error = e
	if err.Error() != msgPrivate {
		t.Errorf("Error() = %q leaks the cause", err.Error())
	}
	if !errors.Is(err, cause) {
		t.Error("cause not unwrapped")
	}
	if e.Detail() != msgPrivate+": "+cause.Error() {
		t.Errorf("Detail() = %q", e.Detail())
	}
}

func latin1ToUTF8(s string) string {
	r := make([]rune, 0, len(s))
	for i := 0; i < len(s); i++ {
		r = append(r, rune(s[i]))
	}
	return string(r)
}
