(function () {
  "use strict";
  // The review page: every row and issue comes from the JSON block, and only the current page
  // of rows is in the document. Text goes in with textContent only, never as markup.
  var data = JSON.parse(document.getElementById("review-data").textContent);
  var rows = data.rows, issues = data.issues, files = data.files;
  var RANK = { error: 2, warning: 1, info: 0 };
  var MARKS = { accepted: "accepted", "false-positive": "false positive", fixed: "fixed by hand" };
  var PAGE = { segments: 50, issues: 200 };  // a page of segments is several screens; fewer rows re-render faster
  var CSV_COLUMNS = data.csvColumns.concat(["status"]);
  var storeKey = "mtfix-review:" + data.key;
  var marks = loadMarks();
  var $ = function (id) { return document.getElementById(id); };
  var el = mtfixPage.el;
  var state = {
    view: "segments", query: "", severity: { error: true, warning: true, info: true },
    category: "", rule: "", file: "", status: "", only: data.onlyIssues, sort: "position",
    page: { segments: 0, issues: 0 }, current: -1
  };
  var shownRows = [], shownIssues = [], issueOn = new Uint8Array(issues.length);

  rows.forEach(function (row, n) {
    row.n = n;
    row.rank = -1;
    row.first = "";
    (row.issues || []).forEach(function (k) {
      var issue = issues[k];
      if (RANK[issue.severity] > row.rank) row.rank = RANK[issue.severity];
      if (!row.first || issue.code < row.first) row.first = issue.code;
    });
  });

  function loadMarks() {
    try { return JSON.parse(window.localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { return {}; }
  }
  function saveMarks() {
    try { window.localStorage.setItem(storeKey, JSON.stringify(marks)); } catch (e) { /* private mode: this session only */ }
  }

  // What matches the filters and the search. Each row's searchable text is worked out when
  // first searched, or while the page is idle after opening.
  var haystacks = new Array(rows.length);
  function haystack(n) {
    if (haystacks[n] === undefined) {
      var row = rows[n];
      var parts = [row.id, row.context || "", row.source || "", row.target, fixedText(row) || ""];
      (row.issues || []).forEach(function (k) { parts.push(issues[k].code, issues[k].message); });
      haystacks[n] = parts.join("\u0001").toLowerCase();
    }
    return haystacks[n];
  }
  function prepareSearch(from) {
    var until = Math.min(rows.length, from + 2000);
    for (var n = from; n < until; n++) haystack(n);
    if (until < rows.length) setTimeout(function () { prepareSearch(until); }, 0);
  }
  function issueFilterActive() {
    return !(state.severity.error && state.severity.warning && state.severity.info) ||
      state.category || state.rule || state.status;
  }
  function issuePasses(k) {
    var issue = issues[k];
    if (!state.severity[issue.severity]) return false;
    if (state.category && issue.category !== state.category) return false;
    if (state.rule && issue.code !== state.rule) return false;
    if (state.file !== "" && String(issue.file) !== state.file) return false;
    if (state.status) {
      var mark = marks[k] || "open";
      if (mark !== state.status) return false;
    }
    return true;
  }
  function apply() {
    var query = state.query.toLowerCase();
    var narrowed = issueFilterActive();
    for (var k = 0; k < issues.length; k++) issueOn[k] = issuePasses(k) ? 1 : 0;
    shownRows = [];
    for (var n = 0; n < rows.length; n++) {
      var row = rows[n];
      if (state.file !== "" && String(row.file) !== state.file) continue;
      if (query && haystack(n).indexOf(query) < 0) continue;
      var any = false;
      var list = row.issues || [];
      for (var j = 0; j < list.length; j++) if (issueOn[list[j]]) { any = true; break; }
      if (!any && (narrowed || state.only)) continue;
      shownRows.push(row);
    }
    shownIssues = [];
    for (k = 0; k < issues.length; k++) {
      if (!issueOn[k]) continue;
      var at = issues[k].row;
      if (query && (at === null || haystack(at).indexOf(query) < 0)) continue;
      shownIssues.push(k);
    }
    sortShown();
    state.page.segments = 0;
    state.page.issues = 0;
    render();
  }
  // Each sort order over all rows and all issues is worked out once, while the page is idle
  // after opening (or when first asked for): a number per item (its sort key, then its
  // position) sorted natively. Sorting what is shown is then one pass over that order.
  var orders = {};
  function ranks(values, descending) {
    var distinct = Array.from(new Set(values));
    distinct.sort(function (a, b) { return descending ? (a < b ? 1 : a > b ? -1 : 0) : (a < b ? -1 : a > b ? 1 : 0); });
    var rank = new Map();
    distinct.forEach(function (v, n) { rank.set(v, n); });
    return rank;
  }
  function sorted(count, major, minor) {
    // Indices 0..count-1 by major key, then minor key, then index (all whole numbers >= 0).
    var most = 0, n;
    for (n = 0; n < count; n++) most = Math.max(most, major(n) * (rows.length + 2) + minor(n));
    var order = new Int32Array(count);
    if ((most + 1) * count > Number.MAX_SAFE_INTEGER) {
      for (n = 0; n < count; n++) order[n] = n;
      return order.sort(function (a, b) { return major(a) - major(b) || minor(a) - minor(b) || a - b; });
    }
    var keys = new Float64Array(count);
    for (n = 0; n < count; n++) keys[n] = (major(n) * (rows.length + 2) + minor(n)) * count + n;
    keys.sort();
    for (n = 0; n < count; n++) order[n] = keys[n] % count;
    return order;
  }
  function orderOf(by) {
    if (orders[by]) return orders[by];
    var codes = ranks(issues.map(function (i) { return i.code; }).concat(rows.map(function (r) { return r.first || "~"; })), false);
    var ter = ranks(rows.map(function (r) { return r.ter || 0; }), true);
    var rowKey = {
      position: function () { return 0; },
      severity: function (n) { return 2 - rows[n].rank; },
      rule: function (n) { return codes.get(rows[n].first || "~"); },
      ter: function (n) { return ter.get(rows[n].ter || 0); }
    }[by];
    var issueKey = {
      position: function (k) { return issues[k].file; },
      severity: function (k) { return 2 - RANK[issues[k].severity]; },
      rule: function (k) { return codes.get(issues[k].code); },
      ter: function (k) { var at = issues[k].row; return ter.get((at !== null && rows[at].ter) || 0); }
    }[by];
    orders[by] = {
      rows: sorted(rows.length, rowKey, function () { return 0; }),
      issues: sorted(issues.length, issueKey, function (k) { return issues[k].row === null ? 0 : issues[k].row + 1; })
    };
    return orders[by];
  }
  function sortShown() {
    var order = orderOf(state.sort), n;
    var rowOn = new Uint8Array(rows.length), issueShown = new Uint8Array(issues.length);
    for (n = 0; n < shownRows.length; n++) rowOn[shownRows[n].n] = 1;
    for (n = 0; n < shownIssues.length; n++) issueShown[shownIssues[n]] = 1;
    shownRows = [];
    for (n = 0; n < order.rows.length; n++) if (rowOn[order.rows[n]]) shownRows.push(rows[order.rows[n]]);
    shownIssues = [];
    for (n = 0; n < order.issues.length; n++) if (issueShown[order.issues[n]]) shownIssues.push(order.issues[n]);
  }

  // Text with flagged spans, placeholders and runs of a word diff.
  function fixedText(row) {
    if (!row.diff) return row.fixed === null ? null : row.target;
    var out = "";
    row.diff.forEach(function (op) { if (op[0] >= 0) out += op[1]; });
    return out;
  }
  function appendText(parent, text, codes, className) {
    var parts = text.split("\ufffc");
    parts.forEach(function (part, n) {
      if (n) {
        var code = el("span", "ph" + (className ? " " + className : ""), "\u27e8\u27e9");
        code.title = codes.list[codes.next++] || "inline code";
        parent.appendChild(code);
      }
      if (part) parent.appendChild(className ? el("span", className, part) : document.createTextNode(part));
    });
  }
  function appendMarked(parent, text, offset, spans, codes, className) {
    // `text` sits at [offset, offset + length) of the coordinates `spans` are in
    var end = offset + text.length;
    var cuts = [offset, end];
    spans.forEach(function (s) {
      if (s.start > offset && s.start < end) cuts.push(s.start);
      if (s.end > offset && s.end < end) cuts.push(s.end);
    });
    cuts.sort(function (a, b) { return a - b; });
    for (var c = 0; c < cuts.length; c++) {
      var a = cuts[c], b = c + 1 < cuts.length ? cuts[c + 1] : a;
      spans.forEach(function (s) {
        if (s.start === s.end && s.start === a && !s.placed) {
          s.placed = true;
          var point = el("span", "point sev-" + issues[s.k].severity);
          point.dataset.issues = String(s.k);
          point.title = issues[s.k].code;
          parent.appendChild(point);
        }
      });
      if (b <= a) continue;
      var covering = spans.filter(function (s) { return s.start < b && s.end > a; });
      var piece = text.slice(a - offset, b - offset);
      if (!covering.length) { appendText(parent, piece, codes, className); continue; }
      var rank = -1, ids = [];
      covering.forEach(function (s) { ids.push(s.k); rank = Math.max(rank, RANK[issues[s.k].severity]); });
      var mark = el("mark", "flag sev-" + ["info", "warning", "error"][rank] + (className ? " " + className : ""));
      mark.dataset.issues = ids.join(" ");
      appendText(mark, piece, codes, "");
      parent.appendChild(mark);
    }
  }
  function spansOn(row, side) {
    return (row.issues || []).filter(function (k) { return issues[k].on === side && issueOn[k]; })
      .map(function (k) { return { k: k, start: issues[k].start, end: issues[k].end }; });
  }
  function targetCell(row) {
    var cell = el("div", "c-tgt text");
    appendMarked(cell, row.target, 0, spansOn(row, "target"), { list: row.codes || [], next: 0 }, "");
    return cell;
  }
  function fixedCell(row) {
    var cell = el("div", "c-fix text");
    if (row.fixed === null) { cell.appendChild(el("span", "muted", "(no such unit in the fixed text)")); return cell; }
    if (!row.diff) { cell.classList.add("same"); cell.appendChild(el("span", "muted", "unchanged")); return cell; }
    var spans = spansOn(row, "fixed"), at = 0, codes = { list: row.codes || [], next: 0 };
    row.diff.forEach(function (op) {
      if (op[0] < 0) { appendText(cell, op[1], { list: [], next: 0 }, "del"); return; }
      appendMarked(cell, op[1], at, spans, codes, op[0] > 0 ? "ins" : "");
      at += op[1].length;
    });
    return cell;
  }
  function appendMessage(parent, message) {
    message.split("`").forEach(function (part, n) {
      if (!part) return;
      parent.appendChild(n % 2 ? el("code", "", part) : document.createTextNode(part));
    });
  }
  function visibleBlank(text) {
    return text ? text.replace(/ /g, "\u2423").replace(/\t/g, "\u21e5").replace(/\r?\n/g, "\u21b5") : "(empty)";
  }
  function triageButtons(k) {
    var group = el("div", "triage");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Decision");
    Object.keys(MARKS).forEach(function (name) {
      var button = el("button", "mark-" + name, { accepted: "Accept", "false-positive": "False positive", fixed: "Fixed by hand" }[name]);
      button.type = "button";
      button.dataset.mark = name;
      button.dataset.issue = String(k);
      button.setAttribute("aria-pressed", marks[k] === name ? "true" : "false");
      group.appendChild(button);
    });
    return group;
  }
  function chip(k) {
    var issue = issues[k];
    var node = el("div", "chip sev-" + issue.severity + (marks[k] ? " is-" + marks[k] : ""));
    node.id = "i" + k;
    node.tabIndex = 0;
    node.dataset.issue = String(k);
    var top = el("div", "chip-top");
    top.appendChild(el("b", "code", issue.code));
    top.appendChild(el("span", "sev", issue.severity));
    top.appendChild(el("span", "cat", issue.category));
    top.appendChild(el("span", "pos", issue.line + ":" + issue.column));
    node.appendChild(top);
    var message = el("div", "msg");
    appendMessage(message, issue.message);
    node.appendChild(message);
    if (issue.suggestion) {
      var sugg = el("div", "sugg");
      sugg.appendChild(el("span", "arrow", "\u2192 "));
      sugg.appendChild(el("span", "", issue.suggestion));
      node.appendChild(sugg);
    }
    if (marks[k]) node.appendChild(el("div", "decision", MARKS[marks[k]]));
    node.appendChild(triageButtons(k));
    return node;
  }
  function segmentRow(row) {
    var line = el("div", "seg" + (row.diff ? " changed" : "") + ((row.issues || []).length ? " has-issues" : ""));
    line.id = "r" + row.n;
    line.dataset.row = String(row.n);
    var id = el("div", "c-id");
    if (row.context) id.appendChild(el("span", "ctx", row.context));
    var name = el("span", "uid", row.id);
    name.title = files[row.file].bilingual ? "unit id" : "line " + row.id;
    id.appendChild(name);
    if (row.state) id.appendChild(el("span", "badge state", row.state));
    if (row.ter !== undefined) id.appendChild(el("span", "ter", "TER " + row.ter.toFixed(1)));
    line.appendChild(id);
    if (data.hasSource) line.appendChild(el("div", "c-src text", row.source || ""));
    line.appendChild(targetCell(row));
    line.appendChild(fixedCell(row));
    var notes = el("div", "c-iss");
    (row.issues || []).forEach(function (k) { if (issueOn[k]) notes.appendChild(chip(k)); });
    line.appendChild(notes);
    return line;
  }
  function fileHead(file) {
    var info = files[file];
    var head = el("div", "file-head");
    head.appendChild(el("span", "path", info.path));
    head.appendChild(el("span", "muted", " \u00b7 " + info.issues + " issues \u00b7 " + info.words + " words \u00b7 penalty " + info.penalty.toFixed(2)));
    return head;
  }

  // Pages of rows and of issues.
  function pager(view, total) {
    var shown = mtfixPage.pager(view, state.page[view], PAGE[view], total);
    state.page[view] = shown.page;
    return [shown.from, shown.to];
  }
  function renderSegments(all) {
    var box = $("segments");
    var range = all ? [0, shownRows.length] : pager("segments", shownRows.length);
    var frame = document.createDocumentFragment(), last = -1;
    for (var n = range[0]; n < range[1]; n++) {
      var row = shownRows[n];
      if (files.length > 1 && row.file !== last) frame.appendChild(fileHead(row.file));
      last = row.file;
      frame.appendChild(segmentRow(row));
    }
    if (!shownRows.length) frame.appendChild(el("p", "empty-note", rows.length ? "No segment matches." : "Nothing to show."));
    box.textContent = "";
    box.appendChild(frame);
  }
  function renderIssues(all) {
    var body = $("issue-rows");
    var range = all ? [0, shownIssues.length] : pager("issues", shownIssues.length);
    var frame = document.createDocumentFragment();
    for (var n = range[0]; n < range[1]; n++) {
      var k = shownIssues[n], issue = issues[k];
      var tr = el("tr", "sev-" + issue.severity + (marks[k] ? " is-" + marks[k] : ""));
      tr.dataset.issue = String(k);
      tr.id = "l" + k;
      tr.appendChild(el("td", "path", files[issue.file].path));
      var where = el("td", "num");
      var link = el("a", "", issue.line + ":" + issue.column);
      link.href = "#r" + issue.row;
      link.dataset.go = String(k);
      where.appendChild(link);
      tr.appendChild(where);
      tr.appendChild(el("td", "uid", issue.row === null ? "" : rows[issue.row].id));
      var code = el("td", "code", issue.code);
      code.title = issue.name;
      tr.appendChild(code);
      var sev = el("td");
      sev.appendChild(el("span", "badge sev-" + issue.severity, issue.severity));
      tr.appendChild(sev);
      tr.appendChild(el("td", "cat", issue.category));
      var message = el("td", "msg");
      appendMessage(message, issue.message);
      tr.appendChild(message);
      tr.appendChild(issue.text.trim() ? el("td", "text", issue.text) : el("td", "muted", visibleBlank(issue.text)));
      tr.appendChild(el("td", "text", issue.suggestion));
      var decide = el("td");
      decide.appendChild(triageButtons(k));
      tr.appendChild(decide);
      frame.appendChild(tr);
    }
    body.textContent = "";
    body.appendChild(frame);
    $("issue-table").classList.toggle("hidden", !shownIssues.length);
  }
  function render() {
    $("shown").textContent = shownIssues.length + " of " + issues.length + " issues \u00b7 " + shownRows.length + " of " + rows.length + " segments";
    if (state.view === "segments") renderSegments(false);
    else if (state.view === "issues") renderIssues(false);
    markCurrent(false);
  }

  // Moving from issue to issue, and deciding on each.
  function order() {
    if (state.view === "issues") return shownIssues;
    var list = [];
    shownRows.forEach(function (row) { (row.issues || []).forEach(function (k) { if (issueOn[k]) list.push(k); }); });
    return list;
  }
  function pageOf(k) {
    if (state.view === "issues") return Math.floor(shownIssues.indexOf(k) / PAGE.issues);
    for (var n = 0; n < shownRows.length; n++) if (shownRows[n].n === issues[k].row) return Math.floor(n / PAGE.segments);
    return -1;
  }
  function markCurrent(scroll) {
    document.querySelectorAll(".current").forEach(function (node) { node.classList.remove("current"); });
    if (state.current < 0) return;
    var node = $((state.view === "issues" ? "l" : "i") + state.current);
    if (!node) return;
    node.classList.add("current");
    if (scroll) {
      node.scrollIntoView({ block: "center" });
      node.focus({ preventScroll: true });
    }
    $("position").textContent = issues[state.current].code + " \u00b7 issue " + (order().indexOf(state.current) + 1) + " of " + order().length;
  }
  function move(step) {
    var list = order();
    if (!list.length) return;
    var at = list.indexOf(state.current);
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : (at + step + list.length) % list.length;
    goTo(list[next]);
  }
  function goTo(k) {
    state.current = k;
    var page = pageOf(k);
    if (page >= 0 && page !== state.page[state.view]) {
      state.page[state.view] = page;
      if (state.view === "segments") renderSegments(false); else renderIssues(false);
    }
    markCurrent(true);
  }
  function decide(k, name) {
    if (k < 0) return;
    if (!name || marks[k] === name) delete marks[k]; else marks[k] = name;
    saveMarks();
    updateDecisions();
    if (state.status) apply(); else render();
  }
  function updateDecisions() {
    var counts = { accepted: 0, "false-positive": 0, fixed: 0 };
    Object.keys(marks).forEach(function (k) { counts[marks[k]] += 1; });
    $("decided").textContent = counts.accepted + " accepted \u00b7 " + counts["false-positive"] + " false positive \u00b7 " + counts.fixed + " fixed by hand";
  }

  // Exports: the decisions as a baseline `mtfix check --baseline` reads, and every issue as CSV.
  function download(name, text, type) {
    var link = el("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }
  function baseline() {
    var byFile = {};
    issues.forEach(function (issue, k) {
      if (marks[k] !== "accepted" && marks[k] !== "false-positive") return;
      var path = files[issue.file].path;
      var prints = byFile[path] = byFile[path] || {};
      prints[issue.fingerprint] = (prints[issue.fingerprint] || 0) + 1;
    });
    var sorted = {};
    Object.keys(byFile).sort().forEach(function (path) {
      var prints = {};
      Object.keys(byFile[path]).sort().forEach(function (p) { prints[p] = byFile[path][p]; });
      sorted[path] = prints;
    });
    return JSON.stringify({ version: 1, files: sorted }, null, 2) + "\n";
  }
  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;  // a spreadsheet would run it as a formula
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function csv() {
    var lines = [CSV_COLUMNS.join(",")];
    issues.forEach(function (issue, k) {
      var row = issue.row === null ? null : rows[issue.row];
      var fields = {
        file: files[issue.file].path, unit: row ? (row.context ? row.context + " | " : "") + row.id : "",
        line: issue.line, column: issue.column, source: row ? row.source || "" : "", target: row ? row.target : "",
        flagged: issue.text, code: issue.code, rule: issue.name, category: issue.category, severity: issue.severity,
        message: issue.message, suggestion: issue.suggestion, fixed: row ? fixedText(row) || "" : "",
        status: marks[k] ? MARKS[marks[k]] : ""
      };
      lines.push(CSV_COLUMNS.map(function (c) { return csvCell(fields[c]); }).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  }

  // Wiring.
  function fillSelect(id, options) {
    var select = $(id);
    options.forEach(function (o) {
      var option = el("option", "", o.text);
      option.value = o.value;
      select.appendChild(option);
    });
  }
  function uniq(list) { return list.filter(function (v, n) { return list.indexOf(v) === n; }).sort(); }
  var counts = {};
  issues.forEach(function (i) { counts[i.category] = (counts[i.category] || 0) + 1; counts[i.code] = (counts[i.code] || 0) + 1; });
  var names = {};
  issues.forEach(function (i) { names[i.code] = i.name; });
  fillSelect("f-category", uniq(issues.map(function (i) { return i.category; })).map(function (c) { return { value: c, text: c + " (" + counts[c] + ")" }; }));
  fillSelect("f-rule", Object.keys(names).sort().map(function (c) { return { value: c, text: c + " " + names[c] + " (" + counts[c] + ")" }; }));
  fillSelect("f-file", files.map(function (f, n) { return { value: String(n), text: f.path + " (" + f.issues + ")" }; }));
  $("f-only").checked = state.only;

  function setView(view) {
    state.view = view;
    document.querySelectorAll(".view").forEach(function (node) { node.classList.toggle("hidden", node.id !== "view-" + view); });
    document.querySelectorAll(".tabs button").forEach(function (b) { b.setAttribute("aria-selected", b.dataset.view === view ? "true" : "false"); });
    $("toolbar").classList.toggle("hidden", view === "summary");
    render();
  }
  function setFilter(kind, value) {
    if (kind === "severity") { state.severity = { error: false, warning: false, info: false }; state.severity[value] = true; }
    else state[kind] = value;
    syncControls();
    apply();
  }
  function syncControls() {
    ["error", "warning", "info"].forEach(function (s) { $("f-" + s).checked = state.severity[s]; });
    $("f-category").value = state.category;
    $("f-rule").value = state.rule;
    $("f-file").value = state.file;
    $("f-status").value = state.status;
    $("f-only").checked = state.only;
    $("f-sort").value = state.sort;
  }
  var typing = null;
  $("search").addEventListener("input", function (event) {
    clearTimeout(typing);
    typing = setTimeout(function () { state.query = event.target.value; apply(); }, 120);
  });
  ["error", "warning", "info"].forEach(function (s) {
    $("f-" + s).addEventListener("change", function (event) { state.severity[s] = event.target.checked; apply(); });
  });
  [["f-category", "category"], ["f-rule", "rule"], ["f-file", "file"], ["f-status", "status"]].forEach(function (pair) {
    $(pair[0]).addEventListener("change", function (event) { state[pair[1]] = event.target.value; apply(); });
  });
  $("f-only").addEventListener("change", function (event) { state.only = event.target.checked; apply(); });
  $("f-sort").addEventListener("change", function (event) { state.sort = event.target.value; sortShown(); render(); });
  $("f-reset").addEventListener("click", function () {
    state.severity = { error: true, warning: true, info: true };
    state.category = state.rule = state.file = state.status = state.query = "";
    $("search").value = "";
    syncControls();
    apply();
  });
  $("export-baseline").addEventListener("click", function () { download("mtfix-baseline.json", baseline(), "application/json"); });
  $("export-csv").addEventListener("click", function () { download("mtfix-review.csv", csv(), "text/csv"); });
  document.querySelectorAll(".tabs button").forEach(function (b) { b.addEventListener("click", function () { setView(b.dataset.view); }); });
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : event.target.parentNode;
    var button = target.closest("button[data-mark]");
    if (button) { decide(Number(button.dataset.issue), button.dataset.mark); return; }
    var page = target.closest("button[data-page]");
    if (page) {
      state.page[page.dataset.view] = Number(page.dataset.page);
      if (page.dataset.view === "segments") renderSegments(false); else renderIssues(false);
      window.scrollTo(0, $("toolbar").offsetTop);
      return;
    }
    var go = target.closest("a[data-go]");
    if (go) { event.preventDefault(); setView("segments"); revealIssue(Number(go.dataset.go)); return; }
    var item = target.closest("[data-kind][data-value]");
    if (item) { setView("segments"); setFilter(item.dataset.kind, item.dataset.kind === "file" ? fileIndex(item.dataset.value) : item.dataset.value); return; }
    var picked = target.closest(".chip, tr[data-issue]");
    if (picked) { state.current = Number(picked.dataset.issue); markCurrent(false); }
  });
  function fileIndex(path) {
    for (var n = 0; n < files.length; n++) if (files[n].path === path) return String(n);
    return "";
  }
  function revealIssue(k) {
    if (order().indexOf(k) < 0) { $("f-reset").click(); state.only = false; syncControls(); apply(); }
    goTo(k);
  }
  function hot(event, on) {
    var node = event.target.closest && event.target.closest(".chip");
    if (!node) return;
    var k = node.dataset.issue;
    var row = node.closest(".seg");
    if (!row) return;
    row.querySelectorAll("[data-issues]").forEach(function (m) {
      if ((" " + m.dataset.issues + " ").indexOf(" " + k + " ") >= 0) m.classList.toggle("hot", on);
    });
  }
  $("segments").addEventListener("mouseover", function (event) { hot(event, true); });
  $("segments").addEventListener("mouseout", function (event) { hot(event, false); });
  $("segments").addEventListener("focusin", function (event) { hot(event, true); });
  $("segments").addEventListener("focusout", function (event) { hot(event, false); });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (mtfixPage.typing(event)) {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    var keys = {
      j: function () { move(1); }, k: function () { move(-1); },
      a: function () { decide(state.current, "accepted"); }, f: function () { decide(state.current, "false-positive"); },
      h: function () { decide(state.current, "fixed"); }, u: function () { decide(state.current, ""); },
      "/": function () { $("search").focus(); },
      "1": function () { setView("summary"); }, "2": function () { setView("segments"); }, "3": function () { setView("issues"); },
      "?": function () { $("keys").classList.toggle("hidden"); }
    };
    if (keys[event.key]) { keys[event.key](); event.preventDefault(); }
  });
  mtfixPage.theme($("theme"));
  window.addEventListener("beforeprint", function () {
    if (state.view === "segments") renderSegments(true); else if (state.view === "issues") renderIssues(true);
  });
  window.addEventListener("afterprint", render);

  updateDecisions();
  apply();
  setView(issues.length || rows.length ? "segments" : "summary");
  document.documentElement.dataset.ready = String(Math.round(performance.now()));
  setTimeout(function () { prepareSearch(0); }, 200);
  ["severity", "rule", "ter"].forEach(function (by, n) { setTimeout(function () { orderOf(by); }, 250 + 50 * n); });
})();
