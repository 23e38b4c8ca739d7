// Factcheck Desk: the behaviour htmx does not cover. No inline script and
// no eval anywhere (the desk's Content-Security-Policy forbids both).
(function () {
  "use strict";

  // ---------------------------------------------------------------------
  // Messages: failed requests say so instead of silently doing nothing;
  // the user's input stays in the form because htmx does not swap errors.
  function toast(msg) {
    var t = document.getElementById("toast");
    if (!t) return;
    t.textContent = msg;
    t.hidden = false;
    clearTimeout(t._timer);
    t._timer = setTimeout(function () { t.hidden = true; }, 6000);
  }
  document.addEventListener("htmx:responseError", function (e) {
    var xhr = e.detail.xhr, msg = "The server could not do that (" + xhr.status + ").";
    try { var j = JSON.parse(xhr.responseText); if (j.error) msg = j.error; } catch (_) {
      var m = /<p class="error-message">([^<]*)<\/p>/.exec(xhr.responseText);
      if (m) msg = m[1];
    }
    toast(msg);
  });
  document.addEventListener("htmx:sendError", function () {
    toast("Could not reach the server. Your input is still here; try again.");
  });

  function reducedMotion() { return window.matchMedia("(prefers-reduced-motion: reduce)").matches; }
  function phone() { return window.matchMedia("(max-width: 760px)").matches; }
  function typing(el) {
    if (!el || !el.tagName) return false;
    if (el.isContentEditable || el.tagName === "TEXTAREA" || el.tagName === "SELECT") return true;
    return el.tagName === "INPUT" && !/^(radio|checkbox|button|submit|reset|range|color|file)$/.test(el.type);
  }

  // ---------------------------------------------------------------------
  // Progress: a button that sent a request is disabled and marked busy
  // (CSS shows a spinner after 200 ms) until the answer is in.
  function busy(btn, on) {
    if (!btn || btn.tagName !== "BUTTON") return;
    if (on) {
      if (btn.getAttribute("aria-busy") === "true") return;
      btn.setAttribute("aria-busy", "true");
      btn.disabled = true;
      var label = btn.getAttribute("data-busy") || (btn.form && btn.form.getAttribute("data-busy"));
      if (label) { btn._label = btn.textContent; btn.textContent = label; }
    } else {
      btn.removeAttribute("aria-busy");
      btn.disabled = false;
      if (btn._label != null) { btn.textContent = btn._label; btn._label = null; }
    }
  }
  function submitters(elt) {
    if (elt.tagName === "FORM") return Array.prototype.slice.call(elt.querySelectorAll("button[type=submit], button:not([type])"));
    return elt.tagName === "BUTTON" ? [elt] : [];
  }
  document.addEventListener("htmx:beforeRequest", function (e) {
    var elt = e.detail.elt;
    submitters(elt).forEach(function (b) { busy(b, true); });
    var target = e.detail.target;
    if (target && target.id === "panel") target.setAttribute("aria-busy", "true");
  });
  document.addEventListener("htmx:afterRequest", function (e) {
    submitters(e.detail.elt).forEach(function (b) { busy(b, false); });
    var panel = document.getElementById("panel");
    if (panel) panel.removeAttribute("aria-busy");
  });
  // Plain forms that post (an import, a deletion) load a new page: the
  // button says it is working until then.
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (e.defaultPrevented || form.hasAttribute("hx-post") || (form.method || "").toLowerCase() !== "post") return;
    var btn = e.submitter;
    leaving = true;
    setTimeout(function () { busy(btn, true); }, 0); // after the form data is taken
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("button[aria-busy=true]").forEach(function (b) { busy(b, false); });
  });

  // ---------------------------------------------------------------------
  // Confirmation: a form with data-confirm asks first, in a dialog of the
  // page (keyboard and screen reader friendly), then goes as it would.
  // The answer is taken from the button, as it is pressed. A dialog's
  // "close" event is queued, not fired at once: Cancel and a quick second
  // Delete would reopen the dialog before the first closing's event came,
  // and that event would answer the new question (no) while it is still
  // on screen. So "close" only answers a question still open when the
  // dialog really is closed (Esc).
  var confirmDialog = null, answer = null;
  function settle(yes) {
    var a = answer;
    answer = null;
    if (a) a(yes);
  }
  function ask(message, ok) {
    if (!confirmDialog) {
      confirmDialog = document.createElement("dialog");
      confirmDialog.id = "confirm";
      confirmDialog.setAttribute("aria-labelledby", "confirm-text");
      confirmDialog.innerHTML = "<p id='confirm-text'></p><form method='dialog' class='dialog-buttons'>" +
        "<button value='cancel' type='submit'>Cancel</button><button value='ok' type='submit' class='primary' id='confirm-ok'></button></form>";
      confirmDialog.querySelector("form").addEventListener("submit", function (e) {
        settle(!!e.submitter && e.submitter.value === "ok");
      });
      confirmDialog.addEventListener("close", function () {
        if (!confirmDialog.open) settle(false);
      });
      document.body.appendChild(confirmDialog);
    }
    settle(false); // never two questions at once
    confirmDialog.querySelector("#confirm-text").textContent = message;
    confirmDialog.querySelector("#confirm-ok").textContent = ok || "OK";
    return new Promise(function (resolve) {
      answer = resolve;
      confirmDialog.showModal();
      confirmDialog.querySelector("#confirm-ok").focus();
    });
  }
  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.hasAttribute || !form.hasAttribute("data-confirm")) return;
    if (form._confirmed) { form._confirmed = false; return; }
    e.preventDefault();
    e.stopImmediatePropagation();
    var submitter = e.submitter;
    ask(form.getAttribute("data-confirm"), form.getAttribute("data-confirm-ok")).then(function (ok) {
      if (!ok) return;
      form._confirmed = true;
      if (submitter && submitter.form === form) form.requestSubmit(submitter); else form.requestSubmit();
    });
  }, true);

  // ---------------------------------------------------------------------
  // The navigation collapses into a menu on a phone.
  document.addEventListener("click", function (e) {
    var t = e.target.closest && e.target.closest(".menu-toggle");
    if (!t) return;
    var bar = t.closest(".topbar"), open = !bar.classList.contains("open");
    bar.classList.toggle("open", open);
    t.setAttribute("aria-expanded", String(open));
  });

  // ---------------------------------------------------------------------
  // The article page. Everything below does nothing on other pages.
  var leaving = false; // our own navigation: no "unsaved input" warning

  function desk() { return document.getElementById("desk"); }
  function articleID() { var d = desk(); return d ? d.getAttribute("data-article-id") : ""; }
  function reviewPanel() { return document.querySelector("#panel .review-panel[data-statement]"); }
  function reviewForm() { var p = reviewPanel(); return p && p.querySelector("form.review-form"); }

  // Selection: which statement is open. It changes at once, on the key
  // press or click; the panel follows (the last one asked for wins), so
  // keys pressed quickly are never lost.
  var current = "";
  var panelTimer = null;

  function items() {
    return Array.prototype.filter.call(document.querySelectorAll("#statement-list > li"), function (li) { return !li.hidden; });
  }
  function markSelected() {
    document.querySelectorAll(".stmt.selected, #statement-list > li.selected").forEach(function (el) { el.classList.remove("selected"); });
    document.querySelectorAll("#statement-list a[aria-current]").forEach(function (a) { a.removeAttribute("aria-current"); });
    if (!current) return;
    var mark = document.getElementById("s-" + current), li = document.getElementById("li-" + current);
    if (mark) mark.classList.add("selected");
    if (li) {
      li.classList.add("selected");
      var a = li.querySelector("a");
      if (a) a.setAttribute("aria-current", "true");
    }
  }
  // scrollIntoPanes shows the selected statement in the text and in the
  // list, each scrolled within its own pane (nearest: the list does not
  // jump when the item is already in sight).
  function scrollIntoPanes() {
    var how = reducedMotion() ? "auto" : "smooth";
    var mark = document.getElementById("s-" + current), li = document.getElementById("li-" + current);
    if (li) li.scrollIntoView({ block: "nearest", behavior: how });
    if (mark) mark.scrollIntoView({ block: "center", behavior: how });
  }
  function select(id, opts) {
    opts = opts || {};
    if (!id) return;
    current = String(id);
    markSelected();
    scrollIntoPanes();
    var pane = document.getElementById("panel-pane");
    if (pane) pane.classList.remove("closed");
    var url = "/articles/" + articleID() + "?s=" + current;
    if (location.pathname + location.search !== url) history.pushState({ s: current }, "", url);
    var shown = reviewPanel();
    if (shown && shown.getAttribute("data-statement") === current) return;
    clearTimeout(panelTimer);
    panelTimer = setTimeout(function () {
      var want = current;
      htmx.ajax("GET", "/statements/" + want + "/panel", { target: "#panel", swap: "innerHTML" }).then(function () {
        if (want !== current) return; // overtaken by a later key press
        if (opts.focus && phone()) { var h = document.getElementById("panel-heading"); if (h) h.focus(); }
      });
    }, opts.now ? 0 : 60);
  }
  function move(step) {
    var list = items();
    if (!list.length) return;
    var i = list.findIndex(function (li) { return li.id === "li-" + current; });
    i = i < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, i + step));
    select(list[i].id.slice(3));
    var a = list[i].querySelector("a");
    if (a && document.activeElement && document.activeElement.closest && document.activeElement.closest("#statement-list")) a.focus({ preventScroll: true });
  }
  function statementOf(el) {
    var s = el.closest && el.closest(".stmt[id^='s-'], #statement-list > li[id^='li-']");
    if (!s || !desk()) return "";
    return s.id.replace(/^(s|li)-/, "");
  }
  // Clicks on a highlight or a list item select it (instead of the
  // element's own hx-get), so clicks and keys share one selection.
  document.addEventListener("click", function (e) {
    if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.target.closest && e.target.closest("input.pick")) return;
    var id = statementOf(e.target);
    if (!id) return;
    e.preventDefault();
    e.stopPropagation();
    select(id, { now: true, focus: true });
  }, true);
  window.addEventListener("popstate", function () {
    var m = /[?&]s=(\d+)/.exec(location.search);
    if (m && desk()) select(m[1], { now: true });
  });

  // The phone's full-screen panel closes back to the text, at the statement.
  function closeSheet() {
    var pane = document.getElementById("panel-pane");
    if (!pane || pane.classList.contains("closed")) return false;
    pane.classList.add("closed");
    var mark = document.getElementById("s-" + current);
    if (mark) { mark.scrollIntoView({ block: "center" }); if (mark.tabIndex >= 0) mark.focus({ preventScroll: true }); }
    return true;
  }
  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest("[data-close-panel]")) closeSheet();
  });

  // ---------------------------------------------------------------------
  // Drafts: what a reviewer types in the panel is kept per statement in
  // this browser until it is saved, so moving to another statement, a
  // reload or a crash loses nothing.
  var DRAFT = "fcdesk:draft:";
  function readForm(form) {
    var d = {
      version: (form.querySelector("input[name=version]") || {}).value || "",
      verdict: "", note: form.querySelector("#note") ? form.querySelector("#note").value : "",
      correction: form.querySelector("#correction") ? form.querySelector("#correction").value : "",
      sources: []
    };
    var v = form.querySelector("input[name=verdict]:checked");
    if (v) d.verdict = v.value;
    form.querySelectorAll(".source-row").forEach(function (row) {
      var s = {};
      ["url", "title", "publisher", "quote", "accessed"].forEach(function (k) {
        var f = row.querySelector("[name=source_" + k + "]");
        s[k] = f ? f.value : "";
      });
      if (s.url || s.title || s.publisher || s.quote) d.sources.push(s);
    });
    return d;
  }
  function same(a, b) {
    return a.verdict === b.verdict && a.note === b.note && a.correction === b.correction &&
      JSON.stringify(a.sources) === JSON.stringify(b.sources);
  }
  function loadDraft(id) { try { return JSON.parse(localStorage.getItem(DRAFT + id)); } catch (_) { return null; } }
  function dropDraft(id) { try { localStorage.removeItem(DRAFT + id); } catch (_) { /* storage off */ } }
  function keepDraft(id, d) {
    d.article = articleID();
    d.at = Date.now();
    try { localStorage.setItem(DRAFT + id, JSON.stringify(d)); } catch (_) { /* storage full or off: the form still holds it */ }
  }
  function fillForm(form, d) {
    form.querySelector("input[name=version]").value = d.version;
    var v = form.querySelector("input[name=verdict][value='" + d.verdict + "']");
    if (v) v.checked = true;
    if (form.querySelector("#note")) form.querySelector("#note").value = d.note;
    if (form.querySelector("#correction")) form.querySelector("#correction").value = d.correction;
    var box = form.querySelector("#sources"), rows = box.querySelectorAll(".source-row");
    var template = rows[0].cloneNode(true);
    rows.forEach(function (r) { r.remove(); });
    var list = d.sources.length ? d.sources : [{}];
    list.forEach(function (s) {
      var row = template.cloneNode(true);
      ["url", "title", "publisher", "quote", "accessed"].forEach(function (k) {
        var f = row.querySelector("[name=source_" + k + "]");
        if (f) f.value = s[k] || "";
      });
      box.appendChild(row);
    });
  }
  // A panel came in: a saved one clears its draft; any other gets its
  // draft back, and says so, with a way to drop it.
  function panelArrived() {
    var panel = reviewPanel(), form = reviewForm();
    if (!panel) return;
    current = panel.getAttribute("data-statement");
    markSelected();
    if (!form) return;
    var id = current;
    if (panel.getAttribute("data-saved") === "true") { dropDraft(id); form._base = readForm(form); return; }
    var unsaved = panel.querySelector(".conflict, .alert.error");
    form._base = readForm(form);
    if (unsaved) { keepDraft(id, readForm(form)); return; }
    var d = loadDraft(id);
    if (!d || same(d, form._base)) { dropDraft(id); return; }
    fillForm(form, d);
    var note = panel.querySelector(".draft-notice");
    if (note) {
      var when = new Date(d.at);
      note.innerHTML = "";
      var span = document.createElement("span");
      span.textContent = "Your unsaved changes from " + when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + " are back. Save them, or ";
      var b = document.createElement("button");
      b.type = "button";
      b.className = "linklike";
      b.setAttribute("data-discard-draft", "");
      b.textContent = "discard them";
      span.appendChild(b);
      note.appendChild(span);
      note.hidden = false;
    }
  }
  function formChanged(e) {
    var form = e.target.closest && e.target.closest("form.review-form");
    if (!form || !form._base) return;
    var id = form.closest(".review-panel").getAttribute("data-statement"), d = readForm(form);
    if (same(d, form._base)) dropDraft(id); else keepDraft(id, d);
  }
  document.addEventListener("input", formChanged);
  document.addEventListener("change", formChanged);
  document.addEventListener("click", function (e) {
    if (!(e.target.closest && e.target.closest("[data-discard-draft]"))) return;
    dropDraft(current);
    htmx.ajax("GET", "/statements/" + current + "/panel", { target: "#panel", swap: "innerHTML" });
  });
  // Source rows move and go without a request: keep the draft in step.
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("[data-move],[data-remove-source]");
    if (!b) return;
    var row = b.closest(".source-row");
    if (b.hasAttribute("data-remove-source")) row.remove();
    else if (b.dataset.move === "up" && row.previousElementSibling) row.parentNode.insertBefore(row, row.previousElementSibling);
    else if (b.dataset.move === "down" && row.nextElementSibling) row.parentNode.insertBefore(row.nextElementSibling, row);
    formChanged({ target: b.closest("form") || b });
  });
  function unsavedHere() {
    var aid = articleID();
    if (!aid) return false;
    for (var i = 0; i < localStorage.length; i++) {
      var k = localStorage.key(i);
      if (k && k.indexOf(DRAFT) === 0) {
        var d = loadDraft(k.slice(DRAFT.length));
        if (d && d.article === aid) return true;
      }
    }
    return false;
  }
  window.addEventListener("beforeunload", function (e) {
    if (leaving || !unsavedHere()) return;
    e.preventDefault();
    e.returnValue = "";
  });
  document.addEventListener("htmx:beforeOnLoad", function (e) {
    if (e.detail.xhr && e.detail.xhr.getResponseHeader("HX-Redirect")) leaving = true;
  });
  document.addEventListener("click", function (e) {
    // A link out of the page warns only if drafts would stay unsaved;
    // links that open a statement of this page are not leaving.
    var a = e.target.closest && e.target.closest("a[href]");
    if (a && a.getAttribute("download") != null) { leaving = true; setTimeout(function () { leaving = false; }, 0); }
  });

  // ---------------------------------------------------------------------
  // Keyboard. One model on the article page, in the ? help: nothing fires
  // while typing in a field unless it is a modifier shortcut.
  var verdictKeys = { v: "verified", d: "disputed", c: "corrected", u: "unreviewed", i: "in_progress", x: "not_checkable" };
  function focusLater(el) { if (el) setTimeout(function () { el.focus(); }, 30); }
  function help() {
    var d = document.getElementById("shortcuts");
    if (!d) {
      d = document.createElement("dialog");
      d.id = "shortcuts";
      d.setAttribute("aria-labelledby", "shortcuts-title");
      d.innerHTML = "<h2 id='shortcuts-title'>Keyboard shortcuts</h2><dl class='keys'>" +
        "<dt><kbd>j</kbd> <kbd>k</kbd></dt><dd>next, previous statement (from anywhere on the page)</dd>" +
        "<dt><kbd>↓</kbd> <kbd>↑</kbd></dt><dd>next, previous statement, in the list or the text</dd>" +
        "<dt><kbd>v</kbd> <kbd>d</kbd> <kbd>c</kbd> <kbd>i</kbd> <kbd>x</kbd> <kbd>u</kbd></dt><dd>verdict: verified, disputed, corrected, in progress, not checkable, unreviewed</dd>" +
        "<dt><kbd>n</kbd></dt><dd>write the note</dd>" +
        "<dt><kbd>s</kbd></dt><dd>add a source</dd>" +
        "<dt><kbd>Ctrl</kbd>+<kbd>Enter</kbd> <kbd>⌘</kbd>+<kbd>Enter</kbd></dt><dd>save, from anywhere</dd>" +
        "<dt><kbd>Esc</kbd></dt><dd>leave a field; close this help or the review on a phone</dd>" +
        "<dt><kbd>/</kbd></dt><dd>filter the statements</dd>" +
        "<dt><kbd>?</kbd></dt><dd>this help</dd></dl>" +
        "<p class='small muted'>Unsaved input is kept per statement in this browser until you save it.</p>" +
        "<form method='dialog' class='dialog-buttons'><button class='primary'>Close</button></form>";
      document.body.appendChild(d);
    }
    d.showModal();
  }
  document.addEventListener("click", function (e) {
    if (e.target.closest && e.target.closest("[data-help]")) help();
  });
  function save() {
    var form = reviewForm();
    if (!form) { toast("Open a statement first: press j, or click one."); return; }
    var btn = form.querySelector("button[type=submit]");
    if (!btn) { toast("Your role may not save reviews."); return; }
    form.requestSubmit(btn);
  }
  document.addEventListener("keydown", function (e) {
    if (e.defaultPrevented) return;
    var t = e.target;
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      var own = t.closest && t.closest("form");
      if (own && !own.classList.contains("review-form")) { e.preventDefault(); own.requestSubmit(); return; }
      if (desk()) { e.preventDefault(); save(); }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (typing(t)) {
      if (e.key === "Escape") { t.blur(); }
      return;
    }
    if (!desk() || document.querySelector("dialog[open]")) return;
    var inList = t.closest && t.closest("#statement-list"), onMark = t.classList && t.classList.contains("stmt");
    switch (e.key) {
      case "j": e.preventDefault(); move(1); return;
      case "k": e.preventDefault(); move(-1); return;
      case "ArrowDown": if (inList || onMark) { e.preventDefault(); move(1); } return;
      case "ArrowUp": if (inList || onMark) { e.preventDefault(); move(-1); } return;
      case "?": e.preventDefault(); help(); return;
      case "/": e.preventDefault(); focusLater(document.getElementById("filter-verdict")); return;
      case "Escape": if (phone() && closeSheet()) e.preventDefault(); return;
      case "Enter": case " ":
        if (onMark) { e.preventDefault(); select(t.id.slice(2), { now: true, focus: true }); }
        return;
    }
    var form = reviewForm();
    if (!form) return;
    if (verdictKeys[e.key]) {
      var r = form.querySelector("input[name=verdict][value=" + verdictKeys[e.key] + "]");
      if (!r) return;
      e.preventDefault();
      r.checked = true;
      r.dispatchEvent(new Event("change", { bubbles: true }));
      if (e.key === "c") focusLater(form.querySelector("#correction"));
      return;
    }
    // Focus moves once the key is done, so its letter is not typed into
    // the field it opens.
    if (e.key === "n") { e.preventDefault(); focusLater(form.querySelector("#note")); return; }
    if (e.key === "s") {
      e.preventDefault();
      var empty = Array.prototype.find.call(form.querySelectorAll("input[name=source_url]"), function (i) { return !i.value; });
      if (empty) { focusLater(empty); return; }
      var add = form.querySelector("#add-source");
      document.body.addEventListener("htmx:afterSettle", function once() {
        document.body.removeEventListener("htmx:afterSettle", once);
        var all = form.querySelectorAll("input[name=source_url]");
        if (all.length) all[all.length - 1].focus();
      });
      add.click();
    }
  });

  // ---------------------------------------------------------------------
  // Filters narrow the list and dim the text of statements that do not
  // match, and survive live and htmx updates.
  function applyFilters() {
    var v = document.getElementById("filter-verdict");
    if (!v) return;
    var t = document.getElementById("filter-type").value, c = document.getElementById("filter-checkable").checked;
    var st = (document.getElementById("filter-status") || {}).value;
    var all = document.querySelectorAll("#statement-list > li"), shown = 0;
    all.forEach(function (li) {
      var show = (!v.value || li.dataset.verdict === v.value) && (!t || li.dataset.type === t) && (!c || li.dataset.checkable === "true") &&
        (!st || (st === "published" ? li.dataset.published === "true" : li.dataset.reviewStatus === st));
      li.hidden = !show;
      if (show) shown++;
      var mark = document.getElementById(li.id.replace(/^li-/, "s-"));
      if (mark) mark.classList.toggle("filtered-out", !show);
    });
    var filtering = !!(v.value || t || c || st);
    var empty = document.getElementById("filter-empty");
    if (empty) empty.hidden = !filtering || shown > 0;
    var count = document.getElementById("filter-count");
    if (count) count.textContent = filtering ? shown + " of " + all.length + " shown" : "";
  }
  document.addEventListener("change", function (e) {
    if (e.target.closest && e.target.closest("#filters")) applyFilters();
  });

  // ---------------------------------------------------------------------
  // @mentions: typing @ and a few letters in a comment offers the desk's
  // members; arrows choose, Enter or Tab writes the name, Esc closes.
  var mentionTimer = null;
  function mentionQuery(ta) {
    var before = ta.value.slice(0, ta.selectionStart);
    var m = /(^|[^\w@])@([^@\n]{0,30})$/.exec(before);
    return m ? { at: before.length - m[2].length - 1, q: m[2] } : null;
  }
  function mentionList(ta) { return ta.parentNode.querySelector(".mention-list"); }
  function closeMentions(ta) {
    var l = mentionList(ta);
    if (l) l.remove();
    ta.removeAttribute("aria-activedescendant");
  }
  function chosen(list) { return list.querySelector("li[aria-selected=true][data-mention]"); }
  function pickMention(ta, li) {
    var q = mentionQuery(ta);
    if (!q || !li) return;
    var text = "@" + li.getAttribute("data-mention") + " ";
    ta.value = ta.value.slice(0, q.at) + text + ta.value.slice(ta.selectionStart);
    var caret = q.at + text.length;
    ta.setSelectionRange(caret, caret);
    closeMentions(ta);
    ta.focus();
  }
  document.addEventListener("input", function (e) {
    var ta = e.target;
    if (!ta.matches || !ta.matches("textarea[data-mentions]")) return;
    clearTimeout(mentionTimer);
    var q = mentionQuery(ta);
    if (!q || /\s{2}/.test(q.q)) { closeMentions(ta); return; }
    mentionTimer = setTimeout(function () {
      fetch("/members?q=" + encodeURIComponent(q.q), { headers: { "HX-Request": "true" } }).then(function (r) {
        return r.ok ? r.text() : "";
      }).then(function (html) {
        if (!html || document.activeElement !== ta || !mentionQuery(ta)) return;
        closeMentions(ta);
        ta.insertAdjacentHTML("afterend", html);
        var first = chosen(mentionList(ta));
        if (first) ta.setAttribute("aria-activedescendant", first.id);
      });
    }, 120);
  });
  document.addEventListener("keydown", function (e) {
    var ta = e.target;
    if (!ta.matches || !ta.matches("textarea[data-mentions]")) return;
    var list = mentionList(ta);
    if (!list) return;
    var opts = Array.prototype.slice.call(list.querySelectorAll("li[data-mention]")), cur = chosen(list);
    var i = opts.indexOf(cur);
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (!opts.length) return;
      e.preventDefault();
      i = (i + (e.key === "ArrowDown" ? 1 : -1) + opts.length) % opts.length;
      opts.forEach(function (o, k) { o.setAttribute("aria-selected", String(k === i)); });
      ta.setAttribute("aria-activedescendant", opts[i].id);
    } else if ((e.key === "Enter" || e.key === "Tab") && cur && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      e.stopPropagation();
      pickMention(ta, cur);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      closeMentions(ta);
    }
  }, true);
  document.addEventListener("mousedown", function (e) {
    var li = e.target.closest && e.target.closest(".mention-list li[data-mention]");
    if (!li) return;
    e.preventDefault();
    pickMention(li.closest(".mention-box").querySelector("textarea"), li);
  });
  document.addEventListener("focusout", function (e) {
    if (e.target.matches && e.target.matches("textarea[data-mentions]")) setTimeout(function () { closeMentions(e.target); }, 150);
  });

  // A panel asked for earlier may answer after a later key press asked
  // for another: only the selected statement's panel is shown.
  document.addEventListener("htmx:beforeSwap", function (e) {
    var cfg = e.detail.requestConfig, m = cfg && cfg.verb === "get" && /^\/statements\/(\d+)\/panel$/.exec(cfg.path);
    if (!m || !e.detail.target || e.detail.target.id !== "panel" || m[1] === current) return;
    e.detail.shouldSwap = false;
    var shown = reviewPanel();
    if (!shown || shown.getAttribute("data-statement") !== current) select(current, { now: true });
  });

  // ---------------------------------------------------------------------
  // Keep the page in step after htmx swaps and live updates.
  document.addEventListener("htmx:afterSwap", function (e) {
    if (e.detail.target && e.detail.target.id === "panel") panelArrived();
  });
  document.addEventListener("htmx:afterSettle", function () { markSelected(); applyFilters(); });
  document.addEventListener("htmx:oobAfterSwap", function () { markSelected(); applyFilters(); });
  document.addEventListener("htmx:sseMessage", function () { markSelected(); applyFilters(); });

  // A deep link (?s=ID, from My queue, Take next, search, notifications or
  // activity) lands with the panel open: bring the statement into view in
  // the text and the list.
  function start() {
    if (!desk()) return;
    var panel = reviewPanel();
    if (panel) {
      panelArrived();
      var how = "auto", mark = document.getElementById("s-" + current), li = document.getElementById("li-" + current);
      if (li) li.scrollIntoView({ block: "nearest", behavior: how });
      if (mark) mark.scrollIntoView({ block: "center", behavior: how });
      if (phone()) { var h = document.getElementById("panel-heading"); if (h) h.focus({ preventScroll: true }); }
    }
    applyFilters();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();

// The editor's tools turn a selection in the article into byte offsets
// for the server.
(function () {
  "use strict";
  function byteLen(s) { return new TextEncoder().encode(s).length; }
  function toast(msg) {
    var t = document.getElementById("toast");
    if (!t) return;
    t.textContent = msg;
    t.hidden = false;
    setTimeout(function () { t.hidden = true; }, 6000);
  }

  // The selection inside the article text as byte offsets into the
  // article, which is what the server stores. The article element holds
  // the article text exactly, so its text before the selection gives the
  // start.
  function selectionOffsets() {
    var art = document.getElementById("article-text"), sel = window.getSelection();
    if (!art || !sel || !sel.rangeCount) return null;
    var r = sel.getRangeAt(0);
    if (r.collapsed || !art.contains(r.startContainer) || !art.contains(r.endContainer)) return null;
    var pre = document.createRange();
    pre.selectNodeContents(art);
    pre.setEnd(r.startContainer, r.startOffset);
    var start = byteLen(pre.toString());
    return { start: start, end: start + byteLen(r.toString()) };
  }

  document.addEventListener("htmx:configRequest", function (e) {
    var form = e.detail.elt;
    if (!form || !form.hasAttribute) return;
    if (form.hasAttribute("data-selection-form")) {
      var o = selectionOffsets();
      if (!o) { e.preventDefault(); toast("Select the statement's words in the article text first."); return; }
      e.detail.parameters.start = o.start;
      e.detail.parameters.end = o.end;
    }
    if (form.hasAttribute("data-split-form")) {
      var ta = form.querySelector("textarea");
      if (ta.selectionStart <= 0 || ta.selectionStart >= ta.value.length) {
        e.preventDefault(); toast("Click in the text where the statement should be split."); return;
      }
      e.detail.parameters.at = parseInt(ta.dataset.start, 10) + byteLen(ta.value.slice(0, ta.selectionStart));
    }
  });

  // "Add as a statement": editors select text extraction missed.
  var addBtn = null;
  document.addEventListener("mouseup", function () {
    setTimeout(function () {
      var art = document.getElementById("article-text");
      if (!art || art.dataset.canEdit !== "true") return;
      var o = selectionOffsets();
      if (!addBtn) {
        addBtn = document.createElement("button");
        addBtn.type = "button";
        addBtn.className = "primary floating-add";
        addBtn.textContent = "Add as a statement";
        addBtn.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
        addBtn.addEventListener("click", function () {
          var off = selectionOffsets();
          if (!off) return;
          htmx.ajax("POST", "/articles/" + art.dataset.articleId + "/statements",
            { source: document.body, values: { start: off.start, end: off.end }, swap: "none" });
          addBtn.hidden = true;
        });
        document.body.appendChild(addBtn);
      }
      if (!o) { addBtn.hidden = true; return; }
      // Fixed to the window: the text scrolls in a pane of its own.
      var rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
      addBtn.style.top = Math.min(window.innerHeight - 48, rect.bottom + 6) + "px";
      addBtn.style.left = Math.max(8, rect.left) + "px";
      addBtn.hidden = false;
    }, 0);
  });
})();
