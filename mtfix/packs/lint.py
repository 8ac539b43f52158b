"""`mtfix pack check`: everything wrong with a pack file at once, not only the first error.

Each entry is validated on its own (a regex that does not compile, an unknown key), ids are
compared (used twice), and each valid entry is tried on its own examples: an entry that does
not match its `bad` example, whose exceptions cancel it there, or that has no `bad` example
and a pattern that cannot match any text (a literal after `$`, `\\b` between two letters) can
never fire as its author meant."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mtfix.packs.schema import Entry, PackError, checks, entry, header, read_yaml


@dataclass(frozen=True)
class Problem:
    line: int
    message: str


def lint(text: str, where: str) -> list[Problem]:
    """The problems of the pack text; a file that is not a pack at all (bad YAML, a bad
    header) is one problem."""
    try:
        data, keys, lines = read_yaml(text, where)
        rule = header(data, where, keys)
    except PackError as err:
        return [Problem(_line(str(err), where), _reason(str(err), where))]
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for number, (raw, at) in enumerate(checks(data, rule, keys, lines), 1):
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            if raw["id"] in seen:
                problems.append(Problem(at[0], f"entry {number}: id `{raw['id']}` is used twice (first by entry {seen[raw['id']]})"))
            seen.setdefault(raw["id"], number)
        try:
            found = entry(raw, number, where, rule["scope"], rule["kind"], at)
        except PackError as err:
            problems.append(Problem(_line(str(err), where) or at[0], _reason(str(err), where)))
            continue
        problems += [Problem(found.line, f"entry {number} ({found.id}): {m}") for m in _never(found, rule["scope"])]
    return problems


def _never(found: Entry, scope: str) -> list[str]:
    """Why the entry can never match as meant, if it cannot."""
    from mtfix.packs.matching import cancelled

    if found.kind == "pair":
        source, _, target = found.bad.partition(" → ")
        if found.bad and not found.source.search(source):
            return ["`source` does not match the source of its bad example"]
        return []
    if not found.bad:
        return ["its pattern can never match any text"] if _impossible(found.pattern) else []
    text = found.bad
    matches = list(found.pattern.finditer(text)) if scope == "text" else [
        m for line in text.splitlines() if (m := found.pattern.fullmatch(line))
    ]
    if not matches:
        return ["it does not match its own bad example"]
    if found.exceptions and all(cancelled(found.exceptions, text, m.start(), m.end(), 0, len(text)) for m in matches):
        return ["its exceptions cancel every match in its own bad example"]
    return []


def _impossible(pattern: re.Pattern[str]) -> bool:
    """A cheap look at the regex text for shapes nothing can match: a letter after `$` or
    before `^`, `\\b` between two letters, `\\B` beside a space."""
    body = re.sub(r"\[(?:\\.|[^\]\\])*\]", "[]", pattern.pattern)  # classes say nothing here
    plain = re.sub(r"\\[nrtfvsS]", " ", body)  # what may be a line break
    plain = re.sub(r"\\.", "E", plain)  # any other escape: one character
    return bool(
        re.search(r"\$\w|\w\^", plain)
        or re.search(r"(?<!\\)[A-Za-z0-9]\\b[A-Za-z0-9]", body)
        or re.search(r"(?<!\\) \\B|(?<!\\)\\B ", body)
    )


def _line(message: str, where: str) -> int:
    found = re.match(re.escape(where) + r":(\d+):", message)
    return int(found[1]) if found else 0


def _reason(message: str, where: str) -> str:
    return re.sub("^" + re.escape(where) + r"(?::\d+)?: ", "", message)
