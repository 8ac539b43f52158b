"""GitHub Actions workflow commands: each issue becomes an annotation on the pull request.

    ::warning file=a.txt,line=3,col=5,endLine=3,endColumn=9,title=PU001 dash-attribution::message

GitHub shows at most 10 annotations of each level per step; the last line says how many that
hides. `summary` is the Markdown table the CLI appends to $GITHUB_STEP_SUMMARY.
"""

from __future__ import annotations

from collections import Counter

from mtfix.engine import FileResult
from mtfix.report import unit_label, where

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
SHOWN_PER_LEVEL = 10


def escape_data(value: str) -> str:
    """Escape a command's message as the Actions runner expects (%, CR, LF)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value: the message escapes plus `:` and `,`."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{level} {props}::{escape_data(message)}"


def render(results: list[FileResult]) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(_command("error", {"file": result.path, "title": "mtfix"}, result.error))
        document = result.fixed or result.document
        for issue in result.issues:
            at = where(document, issue)
            line, column, end_line, end_column = at.line, at.column, at.end_line, at.end_column
            properties: dict[str, object] = {"file": result.path, "line": line, "col": column}
            if end_line == line:
                # GitHub only honours columns on single-line annotations; endColumn is exclusive there.
                properties.update(endLine=end_line, endColumn=end_column)
            else:
                properties.update(endLine=end_line)
            properties["title"] = f"{issue.code} {issue.name}"
            message = issue.message
            if issue.suggestions:
                message += " Suggestion: " + " / ".join(f"`{s}`" for s in issue.suggestions)
            if at.unit is not None:
                message += f" (unit {unit_label(at.unit)})"
            lines.append(_command(LEVEL[issue.severity.value], properties, message))
    hidden = _hidden(lines)
    if hidden:
        lines.append(
            f"::notice title=mtfix::{hidden} more annotation{'s' * (hidden != 1)} than GitHub shows "
            f"({SHOWN_PER_LEVEL} per level per step) are hidden; the step summary counts them all"
        )
    return "".join(line + "\n" for line in lines)


def _hidden(lines: list[str]) -> int:
    per_level = Counter(line[2 : line.index(" ")] for line in lines)
    return sum(max(0, n - SHOWN_PER_LEVEL) for n in per_level.values())


def summary(results: list[FileResult]) -> str:
    """A Markdown table of the issues per rule, and the files that could not be checked."""
    issues = [i for r in results for i in r.issues]
    failed = [r for r in results if r.error]
    rows = Counter((i.code, i.name, i.severity.value) for i in issues)
    fixable = Counter(i.code for i in issues if i.safe_fix)
    checked = len(results) - len(failed)
    out = [f"### mtfix: {len(issues)} issue{'s' * (len(issues) != 1)} in {checked} file{'s' * (checked != 1)}", ""]
    if rows:
        out += ["| rule | name | severity | issues | fixable with `mtfix fix` |", "|---|---|---|---:|---:|"]
        out += [
            f"| {code} | {name} | {severity} | {n} | {fixable[code]} |"
            for (code, name, severity), n in sorted(rows.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        out.append("")
    if failed:
        out.append(f"{len(failed)} file{'s' * (len(failed) != 1)} could not be checked:")
        out += [f"- `{r.path}`: {r.error}" for r in failed]
        out.append("")
    return "\n".join(out) + "\n"
