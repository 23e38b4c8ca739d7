// Package e2e drives the real desk in headless Chromium: the app runs
// in-process over a throw-away database and every test gets its own
// browser. Everything here is a _test.go file, so none of it ships.
//
// Run with (from the repository root; e2e is a module of its own, in the
// root's go.work):
//
//	go test ./e2e/ -run . -v -count=1
//
// The tests skip when Chromium is missing. Screenshots go to
// e2e/testdata/screenshots/ (gitignored), or to $E2E_SCREENSHOTS.
package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/factcheckdesk/factcheck/handlers"
	"github.com/factcheckdesk/factcheck/live"
	"github.com/factcheckdesk/factcheck/match"
	"github.com/factcheckdesk/factcheck/models"
	"github.com/factcheckdesk/factcheck/models/modeltest"
)

const (
	// testTimeout bounds a whole test, browser start included, so a hang
	// fails the test instead of blocking CI until go test's own timeout.
	testTimeout = 60 * time.Second
	// stepTimeout bounds one step (a wait, a click, a download) so the
	// failure names the step that hung.
	stepTimeout = 15 * time.Second
	// viewport is the size of every page: a laptop screen.
	viewportW, viewportH = 1280, 900
)

// chromePath returns the browser to drive, or skips the test.
func chromePath(t *testing.T) string {
	t.Helper()
	path := os.Getenv("CHROME_PATH")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if fi, err := os.Stat(path); err != nil || fi.IsDir() || fi.Mode()&0o111 == 0 {
		t.Skip("headless Chromium not found: install Debian's chromium (apt-get install -y chromium) or set CHROME_PATH to run the browser tests")
	}
	return path
}

// App is the desk running in-process over a fresh database.
type App struct {
	URL   string
	Store *models.Store
}

func startApp(t *testing.T) *App {
	t.Helper()
	store := modeltest.Open(t)
	// Live updates on, as in production (woken by every save; the safety
	// net reads fast so tests are quick).
	ctx, stop := context.WithCancel(context.Background())
	hub := live.NewHub(store, 100*time.Millisecond, slog.New(slog.DiscardHandler))
	// Claim matching on, as in production: the hub keeps the index.
	matches := match.NewIndex()
	hub.KeepMatches(ctx, store, matches, slog.New(slog.DiscardHandler))
	go hub.Run(ctx)
	// Private URLs are allowed: the import tests fetch from a local server.
	srv := httptest.NewServer(handlers.New(store, handlers.Config{
		Live: hub, Log: slog.New(slog.DiscardHandler), AllowPrivateURLs: true,
		Organization: "Desk Fact Check", BaseURL: "https://factcheck.example.org",
		Matches: matches,
	}))
	// The hub stops first, so open event streams end and the server can close.
	t.Cleanup(srv.Close)
	t.Cleanup(stop)
	return &App{URL: srv.URL, Store: store}
}

// CreateArticle stores an article directly, for tests that are not about
// the new-article form, and returns it with its statements.
func (a *App) CreateArticle(t *testing.T, title, body string) *models.Article {
	t.Helper()
	art, err := a.Store.CreateArticle(context.Background(), models.ArticleInput{Title: title, Body: body})
	if err != nil {
		t.Fatalf("create article %q: %v", title, err)
	}
	return art
}

// Desk is one test's app and browser. Each reviewer in the test is a Page
// in a browser context of its own (own cookies, own downloads).
type Desk struct {
	t        *testing.T
	App      *App
	browser  context.Context // the browser's first tab; starts and owns Chromium
	deadline time.Time
	chromeMu sync.Mutex
	chromeIO bytes.Buffer // Chromium's stdout and stderr, logged on failure
}

// newDesk starts the app and a fresh headless Chromium for the test, and
// returns the first reviewer's page.
func newDesk(t *testing.T) (*Desk, *Page) {
	t.Helper()
	exe := chromePath(t)
	removeOldScreenshots(t)
	d := &Desk{t: t, App: startApp(t), deadline: time.Now().Add(testTimeout)}
	if td, ok := t.Deadline(); ok && td.Add(-5*time.Second).Before(d.deadline) {
		d.deadline = td.Add(-5 * time.Second)
	}

	// The allocator gets a hard limit a little past the test deadline: if
	// everything else fails, Chromium is killed and the test fails rather
	// than hangs. Steps use the test deadline, so a step that times out
	// leaves the browser alive for the failure screenshot.
	hard, cancelHard := context.WithDeadline(context.Background(), d.deadline.Add(15*time.Second))
	alloc, cancelAlloc := chromedp.NewExecAllocator(hard,
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.CombinedOutput(d),
	)
	bctx, cancelBrowser := chromedp.NewContext(alloc)
	// Cleanups run last-in first-out: every Page's own cleanup (failure
	// screenshot, closing its context) runs before the browser goes, and
	// the browser goes before the server and the temporary directories.
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc() // waits for Chromium to exit
		cancelHard()
		if t.Failed() {
			d.chromeMu.Lock()
			if out := chromeOutput(d.chromeIO.String()); out != "" {
				t.Logf("Chromium output:\n%s", out)
			}
			d.chromeMu.Unlock()
		}
	})
	// The first Do starts Chromium; its life is bound to bctx, not to a
	// step timeout (see chromedp docs/API.md, example 21).
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("start headless Chromium %s: %v", exe, err)
	}
	d.browser = bctx
	return d, d.NewPage("editor1", models.Editor)
}

// chromeOutput drops the D-Bus complaints a container without a system
// bus makes Chromium print, which say nothing about a failing test.
func chromeOutput(s string) string {
	var keep []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.Contains(l, ":ERROR:dbus/") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// Write collects Chromium's output (CombinedOutput).
func (d *Desk) Write(b []byte) (int, error) {
	d.chromeMu.Lock()
	defer d.chromeMu.Unlock()
	return d.chromeIO.Write(b)
}

// Page is one reviewer: a tab in a browser context of its own, so two
// Pages share no cookies, storage or downloads.
type Page struct {
	t         *testing.T
	d         *Desk
	Name      string
	tab       context.Context // the tab, alive until the test ends
	ctx       context.Context // tab with the test deadline; steps derive from it
	downloads string
	shots     int

	consoleMu sync.Mutex
	console   []string
	User      *models.User
}

// NewPage opens a new person: a new browser context with its own cookie
// jar and download directory, and a tab in it, signed in through the login
// form as a new user called name with the role.
func (d *Desk) NewPage(name string, role models.Role) *Page {
	t := d.t
	t.Helper()
	p := &Page{t: t, d: d, Name: name, downloads: t.TempDir()}
	tab, cancelTab := chromedp.NewContext(d.browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancelTab)
	// Subscribe before the first Do so the console of the start is kept.
	console := chromedp.Console(tab)
	if err := chromedp.Do(tab); err != nil { // opens the tab; its life is bound to tab
		t.Fatalf("%s: open a browser context: %v", name, err)
	}
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			p.consoleMu.Lock()
			p.console = append(p.console, m.String())
			p.consoleMu.Unlock()
		}
	}()
	ctx, cancelCtx := context.WithDeadline(tab, d.deadline)
	t.Cleanup(cancelCtx)
	p.tab, p.ctx = tab, ctx
	// Registered after cancelTab, so it runs before it: the tab is still
	// open when a failed test takes its last screenshot.
	t.Cleanup(func() {
		if !t.Failed() {
			return
		}
		p.screenshot(p.tab, "failure")
		p.consoleMu.Lock()
		if len(p.console) > 0 {
			t.Logf("%s: browser console:\n%s", p.Name, strings.Join(p.console, "\n"))
		}
		p.consoleMu.Unlock()
	})

	bcID := chromedp.FromContext(tab).BrowserContextID
	p.Do("set up the viewport and downloads",
		chromedp.EmulateViewport(viewportW, viewportH),
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior:         browser.SetDownloadBehaviorBehaviorAllowAndName,
				BrowserContextID: bcID,
				DownloadPath:     p.downloads,
				EventsEnabled:    new(true),
			})
			return err
		}),
	)
	p.signIn(role)
	return p
}

// testPassword is every test user's password.
const testPassword = "correct horse battery"

// signIn creates the page's user and signs in with the login form.
func (p *Page) signIn(role models.Role) {
	p.t.Helper()
	u, err := p.d.App.Store.CreateUser(context.Background(), models.UserInput{
		Email: p.Name + "@example.org", Name: p.Name, Role: role, Password: testPassword,
	})
	if err != nil {
		p.t.Fatalf("create user %s: %v", p.Name, err)
	}
	p.User = u
	p.Open("/login")
	p.Do("sign in as "+p.Name,
		chromedp.SendKeys(chromedp.ID("email"), u.Email),
		chromedp.SendKeys(chromedp.ID("password"), testPassword),
		chromedp.Click(chromedp.CSS(`form[action="/login"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`nav a[href="/queue"]`)),
	)
}

// step returns a context for one step, bounded by stepTimeout and the
// test deadline.
func (p *Page) step() (context.Context, context.CancelFunc) {
	return context.WithTimeout(p.ctx, stepTimeout)
}

// Do runs steps that return nothing and fails the test, naming what, when
// one of them fails.
func (p *Page) Do(what string, steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := p.step()
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		p.t.Fatalf("%s: %s: %v", p.Name, what, explain(err))
	}
}

// explain says which limit a timed-out step ran into.
func explain(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("timed out (a step may take %v, the whole test %v): %w", stepTimeout, testTimeout, err)
	}
	return err
}

// Run runs one action that returns a value and fails the test on error.
func Run[T any](p *Page, what string, a chromedp.Action[T]) T {
	p.t.Helper()
	ctx, cancel := p.step()
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		p.t.Fatalf("%s: %s: %v", p.Name, what, explain(err))
	}
	return v
}

// Open navigates to a path of the app and waits for the page to load.
func (p *Page) Open(path string) {
	p.t.Helper()
	p.Do("open "+path, chromedp.Navigate(p.d.App.URL+path))
}

// Path is the path and query of the page now shown.
func (p *Page) Path() string {
	p.t.Helper()
	loc := Run(p, "read the location", chromedp.Location())
	return strings.TrimPrefix(loc, p.d.App.URL)
}

// Eval evaluates a JavaScript expression in the page.
func Eval[T any](p *Page, expr string) T {
	p.t.Helper()
	return Run(p, "evaluate "+expr, chromedp.Evaluate[T](expr))
}

// WaitJS waits until the JavaScript expression is truthy.
func (p *Page) WaitJS(what, expr string) {
	p.t.Helper()
	p.Do("wait for "+what, chromedp.Poll[chromedp.Void](expr,
		chromedp.WithPollingInterval(25*time.Millisecond),
		chromedp.WithPollingTimeout(stepTimeout)))
}

// Text is the visible text of the first element matching the CSS selector.
func (p *Page) Text(sel string) string {
	p.t.Helper()
	return strings.TrimSpace(Run(p, "read the text of "+sel, chromedp.Text(chromedp.CSS(sel), chromedp.NodeVisible)))
}

// TextContent is the text of the first element matching the CSS selector
// as written in the page, before CSS (text-transform, display) acts on it.
func (p *Page) TextContent(sel string) string {
	p.t.Helper()
	return strings.TrimSpace(Run(p, "read the text content of "+sel, chromedp.TextContent(chromedp.CSS(sel))))
}

// Value is the value of the form field matching the CSS selector.
func (p *Page) Value(sel string) string {
	p.t.Helper()
	return Run(p, "read the value of "+sel, chromedp.Value(chromedp.CSS(sel)))
}

// Paste puts text into the field as a paste does: all at once, with the
// input events a paste fires, not typed key by key.
func (p *Page) Paste(sel, text string) {
	p.t.Helper()
	p.Do("paste into "+sel,
		chromedp.Focus(chromedp.CSS(sel)),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: text})
			return err
		}),
	)
}

// Screenshot saves a full-page PNG named after the test, the reviewer and
// name, and returns its path.
func (p *Page) Screenshot(name string) string {
	p.t.Helper()
	ctx, cancel := p.step()
	defer cancel()
	path, err := p.saveScreenshot(ctx, name)
	if err != nil {
		p.t.Fatalf("%s: screenshot %s: %v", p.Name, name, err)
	}
	return path
}

// screenshot is the failure path: it may run after the test deadline, so
// it gets a short budget of its own and only logs.
func (p *Page) screenshot(tab context.Context, name string) {
	ctx, cancel := context.WithTimeout(tab, 10*time.Second)
	defer cancel()
	if path, err := p.saveScreenshot(ctx, name); err != nil {
		p.t.Logf("%s: no %s screenshot: %v", p.Name, name, err)
	} else {
		p.t.Logf("%s: %s screenshot: %s", p.Name, name, path)
	}
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// screenshotDir is where screenshots go: $E2E_SCREENSHOTS, or the
// gitignored e2e/testdata/screenshots.
func screenshotDir() string {
	if dir := os.Getenv("E2E_SCREENSHOTS"); dir != "" {
		return dir
	}
	return filepath.Join("testdata", "screenshots")
}

func shotPrefix(t *testing.T) string { return unsafeName.ReplaceAllString(t.Name(), "_") }

// removeOldScreenshots deletes the test's screenshots of an earlier run, so
// the directory shows this run only (a stale failure.png misleads).
func removeOldScreenshots(t *testing.T) {
	old, _ := filepath.Glob(filepath.Join(screenshotDir(), shotPrefix(t)+"-*.png"))
	for _, f := range old {
		os.Remove(f)
	}
}

func (p *Page) saveScreenshot(ctx context.Context, name string) (string, error) {
	return p.savePNG(ctx, name, chromedp.FullScreenshot(100))
}

// ViewportScreenshot saves what the window shows, as a person sees it
// without scrolling.
func (p *Page) ViewportScreenshot(name string) string {
	p.t.Helper()
	ctx, cancel := p.step()
	defer cancel()
	path, err := p.savePNG(ctx, name, chromedp.CaptureScreenshot())
	if err != nil {
		p.t.Fatalf("%s: screenshot %s: %v", p.Name, name, err)
	}
	return path
}

func (p *Page) savePNG(ctx context.Context, name string, shot chromedp.Action[[]byte]) (string, error) {
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		return "", err
	}
	dir := screenshotDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	p.shots++
	file := fmt.Sprintf("%s-%s-%02d-%s.png", shotPrefix(p.t), p.Name, p.shots, name)
	path := filepath.Join(dir, file)
	return path, os.WriteFile(path, png, 0o644)
}

// Download runs trigger (a click on a download link, say), waits for the
// browser to finish the download and returns the file name the server
// suggested and the bytes saved on disk.
func (p *Page) Download(what string, trigger chromedp.Action[chromedp.Void]) (string, []byte) {
	p.t.Helper()
	ctx, cancel := p.step()
	defer cancel()
	name, data, err := p.download(ctx, trigger)
	if err != nil {
		p.t.Fatalf("%s: download %s: %v", p.Name, what, explain(err))
	}
	return name, data
}

func (p *Page) download(ctx context.Context, trigger chromedp.Action[chromedp.Void]) (string, []byte, error) {
	// Subscribe before the click so no event is missed.
	begins := chromedp.BrowserEvents(ctx, browser.DownloadWillBegin)
	progress := chromedp.BrowserEvents(ctx, browser.DownloadProgress)
	if err := chromedp.Do(ctx, trigger); err != nil {
		return "", nil, err
	}
	// Downloads of every browser context reach the browser session; the
	// one of this tab starts in its main frame, whose id is the target id.
	frame := cdp.FrameID(chromedp.FromContext(p.tab).Target.TargetID)
	var begin browser.EventDownloadWillBegin
	for ev, err := range begins {
		if err != nil {
			return "", nil, fmt.Errorf("no download started: %w", err)
		}
		if ev.FrameID == frame {
			begin = ev
			break
		}
	}
	for ev, err := range progress {
		if err != nil {
			return "", nil, fmt.Errorf("download of %s did not finish: %w", begin.URL, err)
		}
		if ev.GUID != begin.GUID {
			continue
		}
		switch ev.State {
		case browser.DownloadProgressStateCompleted:
			// allowAndName saves the file under its GUID.
			data, err := os.ReadFile(filepath.Join(p.downloads, begin.GUID))
			return begin.SuggestedFilename, data, err
		case browser.DownloadProgressStateCanceled:
			return "", nil, errors.New("the browser canceled the download of " + begin.URL)
		}
	}
	return "", nil, errors.New("download events ended")
}
