var mtfixPage = (function () {
  "use strict";
  // What both pages share: making elements (text always as text), pagers, the theme switch.
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function pager(view, page, size, total) {
    // Draw the pagers of `view` (buttons carry data-page and data-view); the [from, to) shown.
    var pages = Math.max(1, Math.ceil(total / size));
    page = Math.min(page, pages - 1);
    var from = page * size, to = Math.min(total, (page + 1) * size);
    document.querySelectorAll(".pager[data-view=" + view + "]").forEach(function (bar) {
      bar.textContent = "";
      [["\u00ab", 0, "first page"], ["\u2039", page - 1, "previous page"], ["\u203a", page + 1, "next page"],
        ["\u00bb", pages - 1, "last page"]].forEach(function (b, n) {
        var button = el("button", "", b[0]);
        button.type = "button";
        button.dataset.page = String(b[1]);
        button.dataset.view = view;
        button.title = b[2];
        button.disabled = b[1] < 0 || b[1] >= pages || b[1] === page;
        bar.appendChild(button);
        if (n === 1) {
          bar.appendChild(el("span", "where", (total ? from + 1 : 0) + "\u2013" + to + " of " + total +
            " (page " + (page + 1) + " of " + pages + ")"));
        }
      });
    });
    return { page: page, from: from, to: to };
  }
  function theme(button) {
    var names = ["auto", "light", "dark"];
    function set(name) {
      if (name === "auto") document.documentElement.removeAttribute("data-theme");
      else document.documentElement.dataset.theme = name;
      button.textContent = "Theme: " + name;
      try { window.localStorage.setItem("mtfix-theme", name); } catch (e) { /* this session only */ }
    }
    button.addEventListener("click", function () {
      set(names[(names.indexOf(document.documentElement.dataset.theme || "auto") + 1) % names.length]);
    });
    var saved = "auto";
    try { saved = window.localStorage.getItem("mtfix-theme") || "auto"; } catch (e) { /* none saved */ }
    set(names.indexOf(saved) >= 0 ? saved : "auto");
  }
  function typing(event) {
    // Whether a key goes to a text field (where the page's keys do nothing but Escape).
    var target = event.target || {};
    var tag = target.tagName || "";
    return tag === "INPUT" && /^(search|text)$/.test(target.type) || tag === "TEXTAREA" || tag === "SELECT";
  }
  return { el: el, pager: pager, theme: theme, typing: typing };
})();
