"""The terminal report: `path:line:col: CODE message [*]`, grouped by file, then a summary.

The lines are written as rich console markup; the console turns the styles into colour, or
drops them. When the output is not a terminal, `plain` writes the same bytes directly, without
rich's markup parser, which takes most of the time of a long report.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mtfix.engine import FileResult
from mtfix.report import unit_label
from mtfix.report.tally import Tally

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


def _issue_line(path: str, document, issue, m=_Markup) -> str:
    """`path:line:col: CODE message [*]` (`CODE:entry-id` for a pack entry's issue), `[*]`
    when plain `mtfix fix` corrects it; for a file read as units, the unit's id follows
    (`(unit 12)`)."""
    line, column = document.location(issue.span.start)
    mark = f" {m.styled('dim', m.fixable)}" if issue.safe_fix else ""
    code = m.styled(_STYLE[issue.severity.value], m.text(issue.rule_id))
    unit = ""
    if document.file_text is not None and (found := document.unit_at(issue.span.start)) is not None:
        unit = " " + m.styled("dim", m.text(f"(unit {unit_label(found.id)})"))
    return f"{m.styled('bold', m.text(path))}:{line}:{column}: {code} {m.text(issue.message)}{mark}{unit}"


def render(
    results: list[FileResult], statistics: bool = False, quiet: bool = False, m=_Markup, dry_run: bool = False
) -> str:
    """Rich markup; the caller's console decides whether it becomes colour. The issues, or
    with `statistics` their count per rule, then (unless `quiet`) the closing line. Files
    that could not be checked are counted there; their errors go to stderr."""
    lines = [] if statistics else [line for r in results for line in file_lines(r, m)]
    return "\n".join(lines + end_lines(Tally.of(results), statistics, quiet, m, dry_run))


def file_lines(result: FileResult, m=_Markup) -> list[str]:
    """The issue lines of one file."""
    document = result.fixed or result.document
    return [_issue_line(result.path, document, issue, m) for issue in result.issues]


def end_lines(tally: Tally, statistics: bool = False, quiet: bool = False, m=_Markup, dry_run: bool = False) -> list[str]:
    """What follows the issue lines: the counts per rule with `statistics`, and unless
    `quiet` the closing line."""
    lines = _statistics(tally, m) if statistics else []
    if not quiet:
        lines.append(_closing(tally, m, dry_run))
    return lines


def plain(results: list[FileResult], statistics: bool = False, quiet: bool = False, dry_run: bool = False) -> str | None:
    """`render` as a console without colour prints it (without the final line break), or None
    when some text needs rich's own markup handling."""
    return plain_lines(render, results, statistics, quiet, dry_run=dry_run)


def plain_lines(lines: Callable, *args, **options):
    """What `lines(*args, m=…)` gives as a console without colour prints it, or None when
    some text needs rich's own markup handling."""
    try:
        return lines(*args, m=_Plain, **options)
    except NotPlain:
        return None


def _statistics(tally: Tally, m=_Markup) -> list[str]:
    return [
        f"{n:>5}  {m.text(code):<6} {m.fixable if fixable else '   '} {m.text(name)}"
        for (code, name, fixable), n in sorted(tally.rules.items(), key=lambda kv: -kv[1])
    ]


def _closing(tally: Tally, m=_Markup, dry_run: bool = False) -> str:
    """The summary line: what was fixed (or, for a dry run, would be), what was found, how many
    files could not be checked; "All checks passed!" only when every file was checked clean."""
    issues, fixed, failed = tally.issues, tally.fixed, len(tally.errors)
    parts = []
    if fixed:
        parts.append(f"{'Would fix' if dry_run else 'Fixed'} {fixed} issue{'s' * (fixed != 1)}.")
    if not issues and failed:
        parts.append(m.styled("bold red", f"{failed} file{'s' * (failed != 1)} could not be checked."))
    elif not issues:
        parts.append(m.styled("green", "All checks passed!"))
    else:
        notes = []
        if tally.safe:
            notes.append(f"{m.styled('bold', str(tally.safe))} fixable with `mtfix fix`")
        if tally.unsafe:
            notes.append(f"{tally.unsafe} more with `mtfix fix --unsafe-fixes`")
        found = f"Found {issues} issue{'s' * (issues != 1)}"
        if dry_run and fixed:
            found = f"{issues} issue{'s' * (issues != 1)} would remain"
        parts.append(f"{found} ({'; '.join(notes)})." if notes else f"{found}.")
        if failed:
            parts.append(f"{failed} file{'s' * (failed != 1)} could not be checked.")
    return " ".join(parts)


_GUTTER = 9  # `    12 │ `
_MIN_CONTEXT = 10  # characters of context kept on each side however narrow the terminal


def _snippet(document, issue, width: int = 128) -> str:
    """The issue's line, trimmed around the issue to fit `width` columns with the gutter,
    with the offending text highlighted."""
    line, _ = document.position(issue.span.start)
    span = document.line_span(line)
    number, _ = document.location(issue.span.start)
    start, end = issue.span.start, min(issue.span.end, span.end)
    room = max(2 * _MIN_CONTEXT, width - _GUTTER - (end - start) - 2)  # 2: the ellipses
    before_room = min(start - span.start, room // 2)
    after_room = room - before_room
    if end + after_room > span.end:  # a short tail leaves its room to the head
        before_room = min(start - span.start, room - (span.end - end))
        after_room = span.end - end
    left = max(span.start, start - before_room)
    right = min(span.end, end + after_room)
    before = ("…" if left > span.start else "") + document.text[left:start]
    after = document.text[end:right] + ("…" if right < span.end else "")
    style = _STYLE[issue.severity.value]
    target = document.text[start:end]
    fits = width - _GUTTER - len(before) - len(after)
    if len(target) > fits:  # a flagged stretch longer than the line shows: its ends
        half = max(_MIN_CONTEXT, fits - 1) // 2
        target = f"{target[:half]}…{target[-half:]}"
    marked = f"[{style} reverse]{_Markup.text(target)}[/]" if target else f"[{style} reverse]‸[/]"
    return f"[dim]{number:>6} │[/] {_Markup.text(before)}{marked}{_Markup.text(after)}"


def describe(text: str, edits) -> str:
    """What `edits` (spans into `text`) do, in words: `replace "a" with "b"`, `delete "a"`,
    `insert "b"`, joined by `; `."""
    parts = []
    for edit in edits:
        old, new = _shown(text[edit.span.start : edit.span.end]), _shown(edit.replacement)
        if not old:
            parts.append(f'insert "{new}"')
        elif not new:
            parts.append(f'delete "{old}"')
        else:
            parts.append(f'replace "{old}" with "{new}"')
    return "; ".join(parts)


def _shown(value: str, limit: int = 40) -> str:
    """`value` on one line (line breaks and tabs as `\\n`, `\\t`), its middle cut past `limit`."""
    value = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    half = (limit - 1) // 2
    return value if len(value) <= limit else f"{value[:half]}…{value[-half:]}"


def _help(issue, document) -> str | None:
    if issue.fix:
        kind = "fix" if issue.fix.applicability.value == "safe" else "unsafe fix"
        return f"[dim]{'':>6} │[/] [green]{kind}: {_Markup.text(describe(document.text, issue.fix.edits))}[/]"
    if issue.suggestions:
        return f"[dim]{'':>6} │[/] [green]suggestion: {_Markup.text(' / '.join(issue.suggestions))}[/]"
    return None


def summary_table(tally: Tally):
    """Issues per MQM category and severity, with how many `mtfix fix` can handle."""
    from rich.table import Table

    table = Table(title=None, box=None, header_style="bold", pad_edge=False)
    table.add_column("category")
    for name in ("error", "warning", "info", "fixable"):
        table.add_column(name, justify="right")
    for category, counts in sorted(tally.categories.items()):
        table.add_row(_Markup.text(category), *(str(counts[k] or "") for k in ("error", "warning", "info", "fixable")))
    table.add_row(
        "[bold]total[/]",
        *(f"[bold]{tally.severities[k]}[/]" for k in ("error", "warning", "info")),
        f"[bold]{tally.safe}[/]",
    )
    return table


def renderables(
    results: list[FileResult], statistics: bool = False, quiet: bool = False, width: int = 128, dry_run: bool = False
) -> list:
    """The terminal view: per file, each issue line followed by its highlighted source line
    (fitted to `width` columns) and its fix or suggestion; then a summary table and the
    closing line. With `statistics`, the counts per rule replace the issues. Issue lines keep
    the `path:line:col: CODE message [*]` form."""
    out: list = []
    if not statistics:
        for result in results:
            out.extend(file_renderables(result, width))
    return out + end_renderables(Tally.of(results), statistics, quiet, dry_run)


def file_renderables(result: FileResult, width: int = 128) -> list:
    """One file's part of the terminal view."""
    out: list = []
    document = result.fixed or result.document
    for issue in result.issues:
        out.append(_issue_line(result.path, document, issue))
        out.append(_snippet(document, issue, width))
        hint = _help(issue, document)
        if hint:
            out.append(hint)
    if result.issues:
        out.append("")
    return out


def end_renderables(tally: Tally, statistics: bool = False, quiet: bool = False, dry_run: bool = False) -> list:
    """The end of the terminal view: the counts per rule with `statistics`; unless `quiet`,
    the summary table (after issue lines) and the closing line."""
    out: list = _statistics(tally) if statistics else []
    if not quiet:
        if tally.issues and not statistics:
            out.append(summary_table(tally))
        out.append(_closing(tally, dry_run=dry_run))
    return out
