"""GitHub Actions workflow commands: each issue becomes an annotation on the pull request.

    ::warning file=a.txt,line=3,col=5,endLine=3,endColumn=9,title=PU001 dash-attribution::message
"""

from __future__ import annotations

from mtfix.engine import FileResult
from mtfix.report import unit_label, where

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


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
    return "".join(line + "\n" for line in lines)
