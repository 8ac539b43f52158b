"""mtfix's issues in the editor's terms: diagnostics, and each fix as a code action."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from mtfix.model import Issue
from mtfix.report import file_edits, where
from mtfix.report.ruledocs import help_uri
from mtfix.report.text import describe
from mtfix.server.checking import Checked
from mtfix.server.positions import Lines

SOURCE = "mtfix"
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.mtfix"
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def diagnostics(checked: Checked, lines: Lines) -> list[types.Diagnostic]:
    """One diagnostic per issue; a document that could not be checked is one error on its
    first line. A fixable issue carries its edits in `data` for `code_actions`."""
    if checked.error:
        return [
            types.Diagnostic(
                range=lines.range(0, 0),
                message=checked.error,
                severity=types.DiagnosticSeverity.Error,
                source=SOURCE,
            )
        ]
    return [_diagnostic(issue, checked, lines) for issue in checked.issues]


def _diagnostic(issue: Issue, checked: Checked, lines: Lines) -> types.Diagnostic:
    document = checked.document
    at = where(document, issue)
    message = issue.message
    if issue.suggestions:
        message += " Suggestion: " + " / ".join(f"`{s}`" for s in issue.suggestions)
    data: dict[str, Any] | None = None
    edits = file_edits(document, issue)
    if edits:
        data = {
            "title": f"{issue.code}: {describe(document.raw, edits)}",
            "safe": issue.safe_fix,
            "edits": [
                {"start": e.span.start, "end": e.span.end, "newText": e.replacement} for e in edits
            ],
        }
    return types.Diagnostic(
        range=lines.range(at.start, at.end),
        message=message,
        severity=_SEVERITY[issue.severity.value],
        code=issue.code,
        code_description=types.CodeDescription(href=help_uri(issue.code)),
        source=SOURCE,
        data=data,
    )


def code_actions(
    uri: str, version: int | None, wanted: list[types.Diagnostic], lines: Lines, only: list[str] | None
) -> list[types.CodeAction]:
    """A quick fix for each of `wanted` (the diagnostics at the cursor) that has one; the
    edits were placed when the diagnostic was, in the document version `version`."""
    if only is not None and not any(types.CodeActionKind.QuickFix.value.startswith(k) for k in only):
        return []
    actions = []
    for diagnostic in wanted:
        data = diagnostic.data if diagnostic.source == SOURCE else None
        if not isinstance(data, dict) or not data.get("edits"):
            continue
        edits = [
            types.TextEdit(range=lines.range(e["start"], e["end"]), new_text=e["newText"]) for e in data["edits"]
        ]
        actions.append(
            types.CodeAction(
                title=data["title"],
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[diagnostic],
                is_preferred=bool(data.get("safe")),
                edit=_edit(uri, version, edits),
            )
        )
    return actions


def fix_all(uri: str, version: int | None, before: str, after: str, lines: Lines) -> types.CodeAction | None:
    """One action replacing the part of the text the safe fixes change, or None if none do."""
    if before == after:
        return None
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end = 0
    while end < limit - start and before[-1 - end] == after[-1 - end]:
        end += 1
    edit = types.TextEdit(range=lines.range(start, len(before) - end), new_text=after[start : len(after) - end])
    return types.CodeAction(title="mtfix: fix all safe issues", kind=FIX_ALL, edit=_edit(uri, version, [edit]))


def _edit(uri: str, version: int | None, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=edits)])
