"""The terminal report: `path:line:col: CODE message [*]`, grouped by file, then a summary.

The lines are written as rich console markup; the console turns the styles into colour, or
drops them. When the output is not a terminal, `plain` writes the same bytes directly, without
rich's markup parser, which takes most of the time of a long report.
"""

from __future__ import annotations

import re
from collections import Counter

from mtfix.engine import FileResult
from mtfix.report import unit_label

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class _Markup:
    """Rich console markup: text escaped, styles as tags."""

    fixable = "\\[*]"

    @staticmethod
    def text(value: str) -> str:
        from rich.markup import escape

        return escape(value)

    @staticmethod
    def styled(style: str, value: str) -> str:
        return f"[{style}]{value}[/]"


class NotPlain(Exception):
    """Text that rich would change when it prints markup; only rich can render it exactly."""


#: What rich's markup printing changes in text: `[` and `\\` (markup and its escapes), tabs
#: (expanded) and the control characters it strips (BEL, BS, VT, FF, CR).
_NOT_PLAIN = re.compile(r"[\[\\\t\a\b\v\f\r]")


class _Plain:
    """What a console without colour prints for `_Markup`'s lines, when no text needs rich."""

    fixable = "[*]"

    @staticmethod
    def text(value: str) -> str:
        if _NOT_PLAIN.search(value):
            raise NotPlain(value)
        return value

    @staticmethod
    def styled(style: str, value: str) -> str:
        return value


def _error_line(result: FileResult, m=_Markup) -> str:
    return f"{m.styled('bold', m.text(result.path))}: {m.styled('bold red', 'error')} {m.text(result.error)}"


def _issue_line(path: str, document, issue, m=_Markup) -> str:
    """`path:line:col: CODE message [*]`, `[*]` when plain `mtfix fix` corrects it; for a
    file read as units, the unit's id follows (`(unit 12)`)."""
    line, column = document.location(issue.span.start)
    mark = f" {m.styled('dim', m.fixable)}" if issue.safe_fix else ""
    code = m.styled(_STYLE[issue.severity.value], issue.code)
    unit = ""
    if document.file_text is not None and (found := document.unit_at(issue.span.start)) is not None:
        unit = " " + m.styled("dim", m.text(f"(unit {unit_label(found.id)})"))
    return f"{m.styled('bold', m.text(path))}:{line}:{column}: {code} {m.text(issue.message)}{mark}{unit}"


def render(results: list[FileResult], statistics: bool = False, quiet: bool = False, m=_Markup) -> str:
    """Rich markup; the caller's console decides whether it becomes colour."""
    lines = []
    for result in results:
        document = result.fixed or result.document
        if result.error:
            lines.append(_error_line(result, m))
        lines.extend(_issue_line(result.path, document, issue, m) for issue in result.issues)
    issues = [i for r in results for i in r.issues]
    if statistics:
        lines.extend(_statistics(issues, m))
    if not quiet:
        lines.append(_closing(results, m))
    return "\n".join(lines)


def plain(results: list[FileResult], statistics: bool = False, quiet: bool = False) -> str | None:
    """`render` as a console without colour prints it (without the final line break), or None
    when some text needs rich's own markup handling."""
    try:
        return render(results, statistics, quiet, _Plain)
    except NotPlain:
        return None


def _statistics(issues, m=_Markup) -> list[str]:
    counts = Counter((i.code, i.name, i.safe_fix) for i in issues)
    return [
        f"{n:>5}  {m.text(code):<6} {m.fixable if fixable else '   '} {m.text(name)}"
        for (code, name, fixable), n in sorted(counts.items(), key=lambda kv: -kv[1])
    ]


def _closing(results: list[FileResult], m=_Markup) -> str:
    issues = [i for r in results for i in r.issues]
    fixed = sum(r.applied for r in results)
    parts = []
    if fixed:
        parts.append(f"Fixed {fixed} issue{'s' * (fixed != 1)}.")
    failed = sum(1 for r in results if r.error)
    if not issues and failed:
        parts.append(m.styled("bold red", f"{failed} file{'s' * (failed != 1)} could not be checked."))
    elif not issues:
        parts.append(m.styled("green", "All checks passed!"))
    else:
        fixable = sum(1 for i in issues if i.safe_fix)
        unsafe = sum(1 for i in issues if i.fixable and not i.safe_fix)
        notes = []
        if fixable:
            notes.append(f"{m.styled('bold', str(fixable))} fixable with `mtfix fix`")
        if unsafe:
            notes.append(f"{unsafe} more with `mtfix fix --unsafe-fixes`")
        found = f"Found {len(issues)} issue{'s' * (len(issues) != 1)}"
        parts.append(f"{found} ({'; '.join(notes)})." if notes else f"{found}.")
        if failed:
            parts.append(f"{failed} file{'s' * (failed != 1)} could not be checked.")
    return " ".join(parts)


_CONTEXT = 60  # characters of the line shown on each side of an issue


def _snippet(document, issue) -> str:
    """The issue's line, trimmed around the issue, with the offending text highlighted."""
    line, _ = document.position(issue.span.start)
    span = document.line_span(line)
    number, _ = document.location(issue.span.start)
    start, end = issue.span.start, min(issue.span.end, span.end)
    left = max(span.start, start - _CONTEXT)
    right = min(span.end, end + _CONTEXT)
    before = ("…" if left > span.start else "") + document.text[left:start]
    after = document.text[end:right] + ("…" if right < span.end else "")
    style = _STYLE[issue.severity.value]
    target = document.text[start:end]
    marked = f"[{style} reverse]{_Markup.text(target)}[/]" if target else f"[{style} reverse]‸[/]"
    return f"[dim]{number:>6} │[/] {_Markup.text(before)}{marked}{_Markup.text(after)}"


def _help(issue) -> str | None:
    if issue.fix:
        edits = " · ".join(
            f"“{e.replacement}”" if e.replacement else "delete" for e in issue.fix.edits
        )
        kind = "fix" if issue.fix.applicability.value == "safe" else "unsafe fix"
        return f"[dim]{'':>6} │[/] [green]{kind}: {_Markup.text(edits)}[/]"
    if issue.suggestions:
        return f"[dim]{'':>6} │[/] [green]suggestion: {_Markup.text(' / '.join(issue.suggestions))}[/]"
    return None


def summary_table(results: list[FileResult]):
    """Issues per MQM category and severity, with how many `mtfix fix` can handle."""
    from rich.table import Table

    issues = [i for r in results for i in r.issues]
    table = Table(title=None, box=None, header_style="bold", pad_edge=False)
    table.add_column("category")
    for name in ("error", "warning", "info", "fixable"):
        table.add_column(name, justify="right")
    rows: dict[str, Counter] = {}
    for issue in issues:
        counts = rows.setdefault(issue.category, Counter())
        counts[issue.severity.value] += 1
        counts["fixable"] += issue.safe_fix
    for category, counts in sorted(rows.items()):
        table.add_row(_Markup.text(category), *(str(counts[k] or "") for k in ("error", "warning", "info", "fixable")))
    total = Counter(i.severity.value for i in issues)
    table.add_row(
        "[bold]total[/]",
        *(f"[bold]{total[k]}[/]" for k in ("error", "warning", "info")),
        f"[bold]{sum(1 for i in issues if i.safe_fix)}[/]",
    )
    return table


def renderables(results: list[FileResult], statistics: bool = False, quiet: bool = False) -> list:
    """The terminal view: per file, each issue line followed by its highlighted source line and
    the suggested fix; then a summary table and the closing line. Issue lines keep the
    `path:line:col: CODE message [*]` form."""
    out: list = []
    for result in results:
        document = result.fixed or result.document
        if result.error:
            out.append(_error_line(result))
        for issue in result.issues:
            out.append(_issue_line(result.path, document, issue))
            out.append(_snippet(document, issue))
            hint = _help(issue)
            if hint:
                out.append(hint)
        if result.issues:
            out.append("")
    if statistics:
        out.extend(_statistics([i for r in results for i in r.issues]))
    if not quiet:
        if any(r.issues for r in results):
            out.append(summary_table(results))
        out.append(_closing(results))
    return out
