package e2e

import (
	"context"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// traceJS logs, with the milliseconds since the page began, what happened
// in it that a flaky test turns on: where each click landed, keys, form
// submissions (and their submitter), dialogs closing (and their answer),
// htmx requests and swaps, live updates, and what changed in the page.
// A failing test prints the console of each of its pages, so the order of
// events shows, for example, a panel growing between a mouse press and
// its release.
const traceJS = `(() => {
	const t0 = performance.now();
	const log = (...a) => console.log("trace", (performance.now() - t0).toFixed(0), location.pathname + location.search, ...a);
	const name = el => !el || !el.tagName ? String(el) :
		el.tagName + (el.id ? "#" + el.id : "") + (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "") +
		(el.value && el.type !== "password" ? "[value=" + el.value + "]" : "");
	for (const type of ["mousedown", "click", "keydown", "submit"]) {
		document.addEventListener(type, e => log(type, name(e.target),
			e.clientX !== undefined ? e.clientX + "," + e.clientY : "", e.target.type === "password" ? "•" : e.key || "", e.submitter ? "by " + name(e.submitter) : ""), true);
	}
	document.addEventListener("close", e => log("close", name(e.target), "returnValue=" + e.target.returnValue), true);
	window.addEventListener("beforeunload", () => log("beforeunload"));
	for (const type of ["htmx:beforeRequest", "htmx:afterRequest", "htmx:beforeSwap", "htmx:afterSwap", "htmx:oobAfterSwap", "htmx:sseMessage"]) {
		document.addEventListener(type, e => {
			const d = e.detail || {};
			log(type, name(d.target || d.elt), d.requestConfig ? d.requestConfig.path : "", d.shouldSwap === false ? "(not swapped)" : "");
		});
	}
	document.addEventListener("DOMContentLoaded", () => new MutationObserver(changes => {
		for (const c of changes) log("changed", name(c.target), "+" + c.addedNodes.length, "-" + c.removedNodes.length);
	}).observe(document.body, {childList: true, subtree: true}));
})();`

// trace makes every document the page loads run traceJS first.
func (p *Page) trace() {
	p.t.Helper()
	p.Do("trace the page's events", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: traceJS})
		return err
	}))
}
