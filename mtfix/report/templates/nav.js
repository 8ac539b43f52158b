(function () {
  "use strict";
  var filters = Array.prototype.slice.call(document.querySelectorAll(".filters input[type=checkbox]"));
  var notes = Array.prototype.slice.call(document.querySelectorAll(".note[data-issue]"));
  var listRows = Array.prototype.slice.call(document.querySelectorAll("tr[data-issue]"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("[data-ids]"));
  var current = -1;

  function hiddenValues(kind) {
    var off = {};
    filters.forEach(function (box) {
      if (box.dataset.kind === kind && !box.checked) off[box.value] = true;
    });
    return off;
  }
  function apply() {
    var off = { category: hiddenValues("category"), severity: hiddenValues("severity"), rule: hiddenValues("rule") };
    var visible = {};
    var count = 0;
    notes.forEach(function (note) {
      var shown = !off.category[note.dataset.category] && !off.severity[note.dataset.severity] && !off.rule[note.dataset.rule];
      note.classList.toggle("hidden", !shown);
      if (shown) { visible[note.dataset.issue] = true; count += 1; }
    });
    listRows.forEach(function (row) { row.classList.toggle("hidden", !visible[row.dataset.issue]); });
    marks.forEach(function (mark) {
      var ids = mark.dataset.ids.split(" ");
      mark.classList.toggle("off", !ids.some(function (id) { return visible[id]; }));
    });
    var counter = document.getElementById("visible-count");
    if (counter) counter.textContent = String(count);
    document.querySelectorAll("[data-file-count]").forEach(function (el) {
      var file = el.dataset.fileCount;
      el.textContent = String(notes.filter(function (n) { return n.dataset.file === file && !n.classList.contains("hidden"); }).length);
    });
  }
  function move(step) {
    var shown = notes.filter(function (n) { return !n.classList.contains("hidden"); });
    if (!shown.length) return;
    var at = shown.indexOf(notes[current]);
    var next = at < 0 ? (step > 0 ? 0 : shown.length - 1) : (at + step + shown.length) % shown.length;
    notes.forEach(function (n) { n.classList.remove("current"); });
    current = notes.indexOf(shown[next]);
    shown[next].classList.add("current");
    shown[next].scrollIntoView({ block: "center" });
    shown[next].focus({ preventScroll: true });
    var status = document.getElementById("position");
    if (status) status.textContent = "Issue " + (next + 1) + " of " + shown.length;
  }
  filters.forEach(function (box) { box.addEventListener("change", apply); });
  document.querySelectorAll("button[data-all]").forEach(function (button) {
    button.addEventListener("click", function () {
      var kind = button.dataset.kind, on = button.dataset.all === "on";
      filters.forEach(function (box) { if (box.dataset.kind === kind) box.checked = on; });
      apply();
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target || {};
    var tag = target.tagName || "";
    var typing = tag === "TEXTAREA" || tag === "SELECT" ||
      (tag === "INPUT" && !/^(checkbox|radio|button)$/.test(target.type || ""));
    if (typing || target.isContentEditable) return;
    if (event.key === "j") { move(1); event.preventDefault(); }
    else if (event.key === "k") { move(-1); event.preventDefault(); }
  });
  apply();
})();
