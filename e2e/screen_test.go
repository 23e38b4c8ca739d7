package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// screen is a window size the desk must work at: a wide laptop and a
// phone (390×844, an iPhone 12 to 15 in portrait).
type screen struct {
	name   string
	w, h   int64
	mobile bool
}

var (
	wide  = screen{"wide", 1400, 900, false}
	phone = screen{"phone", 390, 844, true}
)

var screens = []screen{wide, phone}

// SetScreen sizes the page's window; a phone also gets touch and a mobile
// viewport, as a phone's browser has.
func (p *Page) SetScreen(s screen) {
	p.t.Helper()
	var opts []chromedp.EmulateViewportOption
	if s.mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2))
	}
	p.Do("set the screen to "+s.name, chromedp.EmulateViewport(s.w, s.h, opts...))
}

// SetDark turns prefers-color-scheme: dark on or off.
func (p *Page) SetDark(dark bool) {
	p.t.Helper()
	scheme := "light"
	if dark {
		scheme = "dark"
	}
	p.Do("prefer the "+scheme+" colour scheme", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	}))
}

// onScreens runs f at each screen size, on a desk of its own, as a
// reviewer and as an editor.
func onScreens(t *testing.T, f func(t *testing.T, d *Desk, s screen, p *Page)) {
	for _, s := range screens {
		t.Run(s.name, func(t *testing.T) {
			d, editor := newDesk(t)
			reviewer := d.NewPage("rita", "reviewer")
			for _, p := range []*Page{reviewer, editor} {
				p.SetScreen(s)
				f(t, d, s, p)
			}
		})
	}
}

// Dialogs accepts every JavaScript dialog the page opens (such as the
// browser's "leave this page?" before unloading with unsaved input) and
// records their types.
type Dialogs struct {
	mu    sync.Mutex
	types []string
}

// Seen lists the dialog types opened so far.
func (d *Dialogs) Seen() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.types...)
}

// AcceptDialogs starts recording and accepting the page's dialogs.
func (p *Page) AcceptDialogs() *Dialogs {
	d := &Dialogs{}
	events := chromedp.Events(p.tab, page.JavascriptDialogOpening)
	target := chromedp.FromContext(p.tab).Target
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			d.mu.Lock()
			d.types = append(d.types, string(ev.Type))
			d.mu.Unlock()
			cdp.Call(p.tab, target, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
		}
	}()
	return d
}

// axeSource is axe-core, installed by `npm ci` in e2e/ (.ci/run does).
var axeSource = sync.OnceValues(func() ([]byte, error) {
	return os.ReadFile(filepath.Join("node_modules", "axe-core", "axe.min.js"))
})

// axeViolation is one rule axe-core found broken.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any `json:"target"`
	} `json:"nodes"`
}

// Axe checks the page as shown now against WCAG 2.2 A and AA with
// axe-core and returns the serious and critical violations, in words.
// Without axe-core installed the test is skipped, saying how to get it.
func (p *Page) Axe() []string {
	p.t.Helper()
	src, err := axeSource()
	if err != nil {
		p.t.Skipf("axe-core is not installed (run npm ci in e2e/): %v", err)
	}
	if !Eval[bool](p, `typeof window.axe === "object"`) {
		Run(p, "inject axe-core", chromedp.Evaluate[any](string(src)+";0"))
	}
	raw := Run(p, "run axe-core", chromedp.Evaluate[string](`axe.run(document, {
		runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
		resultTypes: ["violations"]
	}).then(r => JSON.stringify(r.violations))`, chromedp.EvalAwaitPromise))
	var found []axeViolation
	if err := json.Unmarshal([]byte(raw), &found); err != nil {
		p.t.Fatalf("axe-core result: %v", err)
	}
	var out []string
	for _, v := range found {
		if v.Impact != "serious" && v.Impact != "critical" {
			continue
		}
		var where []string
		for i, n := range v.Nodes {
			if i == 3 {
				where = append(where, fmt.Sprintf("and %d more", len(v.Nodes)-3))
				break
			}
			where = append(where, fmt.Sprint(n.Target...))
		}
		out = append(out, fmt.Sprintf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(where, ", ")))
	}
	return out
}
