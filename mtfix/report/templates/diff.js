(function () {
  "use strict";
  // The diff page: segments from the JSON block, a page at a time, text put in as text only.
  var data = JSON.parse(document.getElementById("diff-data").textContent);
  var segments = data.segments, el = mtfixPage.el, PAGE = 100;
  var $ = function (id) { return document.getElementById(id); };
  var state = { only: false, query: "", sort: "position", page: 0, current: -1 };
  var shown = [], haystacks = null;

  function side(segment, keep) {
    var out = "";
    segment.ops.forEach(function (op) { if (op[0] === 0 || op[0] === keep) out += op[1]; });
    return out;
  }
  function cell(className, segment, keep, mark) {
    var node = el("div", className + " text");
    if (segment[keep < 0 ? "mt" : "pe"] === null) { node.classList.add("none"); return node; }
    segment.ops.forEach(function (op) {
      if (op[0] !== 0 && op[0] !== keep) return;
      node.appendChild(op[0] === 0 ? document.createTextNode(op[1]) : el("span", mark, op[1]));
    });
    return node;
  }
  function row(segment) {
    var line = el("div", "seg" + (segment.edited ? " changed" : ""));
    line.id = "s" + segment.n;
    line.dataset.segment = String(segment.n);
    var id = el("div", "c-id");
    id.appendChild(el("span", "uid", String(segment.n)));
    id.appendChild(el("span", "", "line " + (segment.mt === null ? "\u2013" : segment.mt) + "\u2192" + (segment.pe === null ? "\u2013" : segment.pe)));
    line.appendChild(id);
    if (data.hasSource) line.appendChild(el("div", "c-src text", segment.source || ""));
    line.appendChild(cell("c-tgt", segment, -1, "del"));
    line.appendChild(cell("c-pe", segment, 1, "ins"));
    var scores = el("div", "scores");
    [["TER", segment.ter], ["chrF", segment.chrf], ["BLEU", segment.bleu]].forEach(function (s) {
      var item = el("div");
      item.appendChild(document.createTextNode(s[0] + " "));
      item.appendChild(el("b", "", s[1].toFixed(2)));
      scores.appendChild(item);
    });
    scores.appendChild(el("div", "", segment.edits + " edit" + (segment.edits === 1 ? "" : "s")));
    line.appendChild(scores);
    return line;
  }
  function apply() {
    var query = state.query.toLowerCase();
    if (query && !haystacks) {
      haystacks = segments.map(function (s) { return (side(s, -1) + "\u0001" + side(s, 1) + "\u0001" + (s.source || "")).toLowerCase(); });
    }
    shown = segments.filter(function (s, n) {
      return (!state.only || s.edited) && (!query || haystacks[n].indexOf(query) >= 0);
    });
    var by = state.sort;
    if (by !== "position") {
      var sign = by === "ter" || by === "edits" ? -1 : 1;  // most edited first
      shown.sort(function (a, b) { return sign * (a[by] - b[by]) || a.n - b.n; });
    }
    state.page = 0;
    render();
  }
  function render() {
    var range = mtfixPage.pager("segments", state.page, PAGE, shown.length);
    state.page = range.page;
    var frame = document.createDocumentFragment();
    for (var n = range.from; n < range.to; n++) frame.appendChild(row(shown[n]));
    if (!shown.length) frame.appendChild(el("p", "empty-note", "No segment matches."));
    $("segments").textContent = "";
    $("segments").appendChild(frame);
    $("shown").textContent = shown.length + " of " + segments.length + " segments";
    var current = $("s" + state.current);
    if (current) current.classList.add("current");
  }
  function move(step) {
    var edited = shown.filter(function (s) { return s.edited; });
    if (!edited.length) return;
    var at = -1;
    edited.forEach(function (s, n) { if (s.n === state.current) at = n; });
    var next = edited[at < 0 ? (step > 0 ? 0 : edited.length - 1) : (at + step + edited.length) % edited.length];
    state.current = next.n;
    var page = Math.floor(shown.indexOf(next) / PAGE);
    if (page !== state.page) state.page = page;
    render();
    var node = $("s" + next.n);
    node.scrollIntoView({ block: "center" });
  }
  $("only-edited").addEventListener("change", function (event) { state.only = event.target.checked; apply(); });
  $("sort").addEventListener("change", function (event) { state.sort = event.target.value; apply(); });
  var typing = null;
  $("search").addEventListener("input", function (event) {
    clearTimeout(typing);
    typing = setTimeout(function () { state.query = event.target.value; apply(); }, 120);
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-page]");
    if (!button) return;
    state.page = Number(button.dataset.page);
    render();
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (mtfixPage.typing(event)) { if (event.key === "Escape") event.target.blur(); return; }
    if (event.key === "j" || event.key === "k") { move(event.key === "j" ? 1 : -1); event.preventDefault(); }
    else if (event.key === "/") { $("search").focus(); event.preventDefault(); }
  });
  mtfixPage.theme($("theme"));
  apply();
  document.documentElement.dataset.ready = String(Math.round(performance.now()));
})();
