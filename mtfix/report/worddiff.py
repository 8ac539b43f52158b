"""`mtfix fix --diff` on a terminal: each changed line once, its deleted words struck through in
red and its inserted words in green, under the file's name."""

from __future__ import annotations

import difflib

from rich.markup import escape

from mtfix.report.redline import DELETE, INSERT, ops


def render(path: str, before: str, after: str) -> str:
    """Rich markup of the lines that differ between `before` and `after`, word by word."""
    old, new = before.splitlines(), after.splitlines()
    out = [f"[bold]{escape(path)}[/]"]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        width = max(i2 - i1, j2 - j1)
        for k in range(width):
            left = old[i1 + k] if i1 + k < i2 else ""
            right = new[j1 + k] if j1 + k < j2 else ""
            number = i1 + k + 1 if i1 + k < i2 else j1 + k + 1
            out.append(f"[dim]{number:>6} │[/] {_line(left, right)}")
    return "\n".join(out)


def _line(before: str, after: str) -> str:
    parts = []
    for kind, text in ops(before, after):
        if kind == DELETE:
            parts.append(f"[red strike]{escape(text)}[/]")
        elif kind == INSERT:
            parts.append(f"[green]{escape(text)}[/]")
        else:
            parts.append(escape(text))
    return "".join(parts)
