"""The terminal report: `path:line:col: CODE message [*]`, grouped by file, then a summary."""

from __future__ import annotations

from collections import Counter

from rich.markup import escape

from mtfix.engine import FileResult

_FIXABLE = "\\[*]"
_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(results: list[FileResult], statistics: bool = False, quiet: bool = False) -> str:
    """Rich markup; the caller's console decides whether it becomes colour."""
    lines = []
    for result in results:
        document = result.fixed or result.document
        if result.error:
            lines.append(f"[bold]{escape(result.path)}[/]: [bold red]error[/] {escape(result.error)}")
        for issue in result.issues:
            line, column = document.position(issue.span.start)
            mark = " [dim]\\[*][/]" if issue.fixable else ""
            style = _STYLE[issue.severity.value]
            lines.append(
                f"[bold]{escape(result.path)}[/]:{line}:{column}: [{style}]{issue.code}[/] "
                f"{escape(issue.message)}{mark}"
            )
    issues = [i for r in results for i in r.issues]
    if statistics:
        counts = Counter((i.code, i.name, i.fixable) for i in issues)
        lines.extend(
            f"{n:>5}  {code:<6} {_FIXABLE if fixable else '   '} {name}"
            for (code, name, fixable), n in sorted(counts.items(), key=lambda kv: -kv[1])
        )
    if not quiet:
        lines.append(_closing(results))
    return "\n".join(lines)


def _closing(results: list[FileResult]) -> str:
    issues = [i for r in results for i in r.issues]
    fixed = sum(r.applied for r in results)
    parts = []
    if fixed:
        parts.append(f"Fixed {fixed} issue{'s' * (fixed != 1)}.")
    if not issues:
        parts.append("[green]All checks passed![/]")
    else:
        fixable = sum(1 for i in issues if i.fixable)
        parts.append(
            f"Found {len(issues)} issue{'s' * (len(issues) != 1)}"
            + (f" ([bold]{fixable}[/] fixable with `mtfix fix`)." if fixable else ".")
        )
    return " ".join(parts)
