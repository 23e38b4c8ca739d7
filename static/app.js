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
