// Factcheck Desk: the little behaviour htmx does not cover.
(function () {
  "use strict";

  // Show failed requests instead of silently doing nothing: the user's
  // input stays in the form because htmx does not swap error responses.
  function toast(msg) {
    var t = document.getElementById("toast");
    if (!t) return;
    t.textContent = msg;
    t.hidden = false;
    clearTimeout(t._timer);
    t._timer = setTimeout(function () { t.hidden = true; }, 6000);
  }
  window.deskToast = toast;
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

  // Ctrl/Cmd+Enter saves the form you are typing in.
  document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      var form = e.target.closest && e.target.closest("form");
      if (form) { e.preventDefault(); form.requestSubmit(); }
    }
  });

  // Highlights are focusable; Enter or Space opens their review panel
  // just as a click does.
  document.addEventListener("keydown", function (e) {
    if ((e.key === "Enter" || e.key === " ") && e.target.classList && e.target.classList.contains("stmt")) {
      e.preventDefault();
      e.target.click();
    }
  });

  // Keep the selected statement marked in the text and the list.
  document.addEventListener("htmx:afterSettle", function () {
    var panel = document.querySelector(".review-panel[data-statement]");
    var id = panel && panel.getAttribute("data-statement");
    document.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
    if (!id) return;
    ["s-" + id, "li-" + id].forEach(function (x) {
      var el = document.getElementById(x);
      if (el) el.classList.add("selected");
    });
  });
})();

// The review desk: keyboard shortcuts, source rows, and the editor's tools
// that turn a selection in the article into byte offsets for the server.
(function () {
  "use strict";

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }
  function byteLen(s) { return new TextEncoder().encode(s).length; }
  function later(f) { setTimeout(f, 30); }
  var toast = window.deskToast;

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

  // Source rows: move up or down, remove.
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("[data-move],[data-remove-source]");
    if (!b) return;
    var row = b.closest(".source-row");
    if (b.hasAttribute("data-remove-source")) { row.remove(); return; }
    if (b.dataset.move === "up" && row.previousElementSibling) row.parentNode.insertBefore(row, row.previousElementSibling);
    if (b.dataset.move === "down" && row.nextElementSibling) row.parentNode.insertBefore(row.nextElementSibling, row);
  });

  // Editor tools: fill in offsets before the form goes.
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
      var rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
      addBtn.style.top = (window.scrollY + rect.bottom + 6) + "px";
      addBtn.style.left = (window.scrollX + rect.left) + "px";
      addBtn.hidden = false;
    }, 0);
  });

  // Keyboard shortcuts on the article page.
  var verdictKeys = { v: "verified", d: "disputed", c: "corrected", u: "unreviewed" };
  function items() {
    return Array.prototype.filter.call(document.querySelectorAll("#statement-list > li"), function (li) {
      return !li.hidden && li.offsetParent !== null;
    });
  }
  function move(step) {
    var list = items();
    if (!list.length) return;
    // The open panel says where we are (the "selected" mark comes a moment
    // later, when htmx settles).
    var panel = document.querySelector("#panel .review-panel[data-statement]");
    var current = panel ? "li-" + panel.getAttribute("data-statement") : "";
    var i = list.findIndex(function (li) { return li.id === current; });
    i = i < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, i + step));
    var a = list[i].querySelector("a");
    a.click();
    list[i].scrollIntoView({ block: "nearest" });
    var mark = document.getElementById(list[i].id.replace(/^li-/, "s-"));
    if (mark) mark.scrollIntoView({ block: "center", behavior: "smooth" });
  }
  function help() {
    var d = document.getElementById("shortcuts");
    if (!d) {
      d = document.createElement("dialog");
      d.id = "shortcuts";
      d.innerHTML = "<h2>Keyboard shortcuts</h2><dl class='keys'>" +
        "<dt><kbd>j</kbd> <kbd>↓</kbd></dt><dd>next statement</dd>" +
        "<dt><kbd>k</kbd> <kbd>↑</kbd></dt><dd>previous statement</dd>" +
        "<dt><kbd>v</kbd> <kbd>d</kbd> <kbd>c</kbd> <kbd>u</kbd></dt><dd>verdict: verified, disputed, corrected, unreviewed</dd>" +
        "<dt><kbd>n</kbd></dt><dd>write the note</dd>" +
        "<dt><kbd>s</kbd></dt><dd>add a source</dd>" +
        "<dt><kbd>Ctrl</kbd>+<kbd>Enter</kbd></dt><dd>save</dd>" +
        "<dt><kbd>Esc</kbd></dt><dd>leave a field; close this help</dd>" +
        "<dt><kbd>?</kbd></dt><dd>this help</dd></dl><form method='dialog'><button class='primary'>Close</button></form>";
      document.body.appendChild(d);
    }
    d.showModal();
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "Escape" && typing(document.activeElement)) { document.activeElement.blur(); return; }
    if (typing(e.target) || !document.getElementById("statement-list")) return;
    var panel = document.querySelector("#panel .review-panel form");
    switch (e.key) {
      case "j": case "ArrowDown": e.preventDefault(); move(1); return;
      case "k": case "ArrowUp": e.preventDefault(); move(-1); return;
      case "?": e.preventDefault(); help(); return;
    }
    if (!panel) return;
    if (verdictKeys[e.key]) {
      var r = panel.querySelector("input[name=verdict][value=" + verdictKeys[e.key] + "]");
      if (r) { e.preventDefault(); r.checked = true; r.dispatchEvent(new Event("change", { bubbles: true })); }
      if (e.key === "c") { var c = panel.querySelector("#correction"); if (c) later(function () { c.focus(); }); }
      return;
    }
    // Focus moves once the key is done, so its character is not typed
    // into the field it opens.
    if (e.key === "n") { e.preventDefault(); later(function () { panel.querySelector("#note").focus(); }); return; }
    if (e.key === "s") {
      e.preventDefault();
      var empty = Array.prototype.find.call(panel.querySelectorAll("input[name=source_url]"), function (i) { return !i.value; });
      if (empty) { later(function () { empty.focus(); }); return; }
      document.body.addEventListener("htmx:afterSettle", function once() {
        document.body.removeEventListener("htmx:afterSettle", once);
        var all = panel.querySelectorAll("input[name=source_url]");
        if (all.length) all[all.length - 1].focus();
      });
      panel.querySelector("#add-source").click();
    }
  });
})();

// Filters on the article page: they hide list items and dim the text of
// statements that do not match, and survive live and htmx updates.
(function () {
  "use strict";
  function apply() {
    var v = document.getElementById("filter-verdict");
    if (!v) return;
    var t = document.getElementById("filter-type").value, c = document.getElementById("filter-checkable").checked;
    var st = (document.getElementById("filter-status") || {}).value;
    document.querySelectorAll("#statement-list > li").forEach(function (li) {
      var show = (!v.value || li.dataset.verdict === v.value) && (!t || li.dataset.type === t) && (!c || li.dataset.checkable === "true") &&
        (!st || (st === "published" ? li.dataset.published === "true" : li.dataset.reviewStatus === st));
      li.hidden = !show;
      var mark = document.getElementById(li.id.replace(/^li-/, "s-"));
      if (mark) mark.classList.toggle("filtered-out", !show);
    });
  }
  document.addEventListener("change", function (e) {
    if (e.target.closest && e.target.closest("#filters")) apply();
  });
  document.addEventListener("htmx:afterSettle", apply);
  document.addEventListener("htmx:oobAfterSwap", apply);
  document.addEventListener("htmx:sseMessage", apply);
})();
