"""The HTML review page: one self-contained file a reviewer opens offline, triages and exports.

Three views: a summary (counts, the MQM-style penalty, charts), a segment table (id, source,
target with its flagged spans, the fixed text as a word diff, the issues beside the text) and
the issue list. The rows and issues are one JSON block the page's script renders a page at a
time, so a report of a hundred files opens at once; search, sort and filters work on the
data, and a reviewer's decisions (accepted, false positive, fixed by hand) export as a
baseline file `mtfix check --baseline` reads and as CSV. No network access: style and script
are inline, fonts are the reader's own; document text reaches the page as JSON and is put in
as text, never as markup.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from mtfix.engine import FileResult
from mtfix.report import charts, signature
from mtfix.report.redline import ops
from mtfix.report.review import Review, build
from mtfix.report.review import fixed_view as _fixed_view  # noqa: F401  (the golden tests read the fixed side here)
from mtfix.report.table import COLUMNS
from mtfix.version import __version__

TEMPLATES = Path(__file__).parent / "templates"
#: A report with more segments than this opens on the segments that have issues.
LONG = 200


@cache
def environment():
    """The Jinja environment, autoescaping everything, built on first use."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def render(
    results: list[FileResult],
    unsafe: bool = False,
    weights: dict[str, float] | None = None,
    title: str = "mtfix report",
) -> str:
    """The whole report as one HTML string."""
    review = build(results, unsafe, weights)
    return environment().get_template("report.html.j2").render(
        title=title,
        version=__version__,
        summary=_summary(review, results),
        has_source=any(f.bilingual for f in review.files),
        data=script_data(page_data(review, results)),
    )


def page_data(review: Review, results: list[FileResult]) -> dict[str, Any]:
    """What the page's script reads: files, rows and issues (fields left out where empty)."""
    files = [
        {"path": f.path, "words": f.words, "issues": f.issues, "bilingual": f.bilingual, "side": f.side,
         "penalty": f.score.per_1000 if f.score else 0.0, "error": f.error}
        for f in review.files
    ]
    rows = []
    for row in review.rows:
        item: dict[str, Any] = {"file": row.file, "id": row.id, "target": row.target}
        if row.fixed is None:
            item["fixed"] = None
        elif row.changed:
            item["diff"] = ops(row.target, row.fixed)
            item["ter"] = round(row.ter or 0.0, 2)
        for name in ("context", "state", "codes", "issues"):
            if getattr(row, name):
                item[name] = getattr(row, name)
        if row.source is not None:
            item["source"] = row.source
        rows.append(item)
    issues = [
        {"file": f.file, "row": f.row, "code": f.issue.code, "name": f.issue.name, "severity": f.issue.severity.value,
         "category": f.issue.category, "message": f.issue.message, "suggestion": f.suggestion, "on": f.on,
         "start": f.start, "end": f.end, "line": f.line, "column": f.column, "text": f.text,
         "fingerprint": f.fingerprint}
        for f in review.flags
    ]
    digest = hashlib.sha256(signature(results).encode())
    for f in review.flags:
        digest.update(f"{review.files[f.file].path}\0{f.fingerprint}\0".encode())
    return {
        "files": files, "rows": rows, "issues": issues, "key": digest.hexdigest()[:16],
        "onlyIssues": len(rows) > LONG, "hasSource": any(f.bilingual for f in review.files),
        "csvColumns": list(COLUMNS),
    }


def script_data(data: Any) -> Markup:
    """`data` as JSON that is safe inside a `<script>` element: no `<`, `>` or `&` in it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _summary(review: Review, results: list[FileResult]) -> dict[str, Any]:
    flags = [f.issue for f in review.flags]
    severities = Counter(i.severity.value for i in flags)
    categories = Counter(i.category for i in flags)
    rules = Counter((i.code, i.name) for i in flags)
    score = review.score
    by_category = [
        {"category": name, "count": count, "penalty": score.by_category.get(name, 0.0)}
        for name, count in sorted(categories.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    present = [(s, severities[s]) for s in ("error", "warning", "info") if severities[s]]
    top_rules = sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
    penalised = sorted((f for f in review.files if f.score and f.issues), key=lambda f: -f.score.per_1000)[:20]
    return {
        "files": len(review.files),
        "words": review.words,
        "issues": len(flags),
        "score": score,
        "severities": present,
        "by_category": by_category,
        "by_rule": top_rules,
        "files_table": review.files,
        "signature": signature(results),
        "charts": {
            "categories": charts.bars([(r["category"], r["count"]) for r in by_category], "Issues by category",
                                      kind="category"),
            "severities": charts.bars([(s, n) for s, n in present], "Issues by severity", kind="severity",
                                      classes=[f"sev-{s}" for s, _ in present]),
            "rules": charts.bars([(f"{code} {name}", n) for (code, name), n in top_rules], "Issues by rule",
                                 kind="rule", keys=[code for (code, _), _ in top_rules]),
            "files": charts.bars([(f.path, round(f.score.per_1000, 1)) for f in penalised],
                                 "MQM penalty per 1,000 words, by file", kind="file") if len(review.files) > 1 else "",
        },
    }
