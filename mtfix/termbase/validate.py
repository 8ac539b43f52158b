"""`mtfix glossary check`: every problem in a set of glossary files, with `file:line`.

Errors make a glossary wrong or dangerous (it would fire on good English or fix in circles);
warnings make it weaker than it could be.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from mtfix.termbase.formats import Problem, read
from mtfix.termbase.model import GlossaryError, TermEntry, normalize

#: Zipf frequency (wordfreq) at or above which a forbidden variant is an everyday English
#: word: it would fire all over good English.
COMMON_ZIPF = 4.0
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _key(text: str) -> str:
    return normalize(text).lower()


def _acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def validate(paths: Iterable[Path]) -> tuple[list[TermEntry], list[Problem]]:
    """Entries of the files and every problem found in them, in file order."""
    problems: list[Problem] = []
    entries: list[TermEntry] = []
    for path in paths:
        try:
            entries.extend(read(path, problems.append))
        except GlossaryError as err:
            where, _, message = str(err).partition(": ")
            problems.append(Problem(where, "error", message))
    problems.extend(check_entries(entries))
    return entries, problems


def check_entries(entries: list[TermEntry]) -> list[Problem]:
    """Problems between and within entries (the files already parsed)."""
    problems: list[Problem] = []

    def error(entry: TermEntry, message: str, level: str = "error") -> None:
        problems.append(Problem(entry.origin or "-", level, message))

    preferred: dict[str, TermEntry] = {}
    forbidden: dict[str, TermEntry] = {}
    for entry in entries:
        own = _key(entry.term)
        for field in ("term", *(() if not entry.variants else ("variants",)), "admitted"):
            values = (entry.term,) if field == "term" else getattr(entry, field)
            for value in values:
                if _CYRILLIC.search(value):
                    error(entry, f"Cyrillic in English `{field}` {value!r}; Russian terms go in `source`")
        if not entry.note:
            error(entry, f"no note on `{entry.term}`: say where the term comes from", "warning")
        if own in preferred:
            error(entry, f"duplicate term `{entry.term}` (also at {preferred[own].origin})")
        else:
            preferred[own] = entry
        admitted = {_key(v) for v in entry.admitted}
        exact = normalize(entry.term) if entry.case_sensitive else own
        for variant in entry.variants:
            key = _key(variant)
            if (normalize(variant) if entry.case_sensitive else key) == exact:
                error(entry, f"variant `{variant}` is the term itself")
                continue
            if key in admitted:
                error(entry, f"`{variant}` is both admitted and forbidden")
            if key in forbidden and forbidden[key] is not entry and key != own:
                other = forbidden[key]
                if _key(other.term) == own:
                    error(entry, f"variant `{variant}` listed twice (also at {other.origin})", "warning")
                else:
                    error(
                        entry,
                        f"variant `{variant}` is replaced by `{entry.term}` here and by"
                        f" `{other.term}` at {other.origin}",
                    )
            else:
                forbidden[key] = entry
    cycles: set[frozenset[str]] = set()
    for entry in entries:
        own = _key(entry.term)
        if own in forbidden and _key(forbidden[own].term) != own:
            chain, seen, key = [entry.term], {own}, own
            while key in forbidden:
                target = forbidden[key].term
                chain.append(target)
                key = _key(target)
                if key in seen:
                    break
                seen.add(key)
            if key == own:
                if frozenset(seen) not in cycles:
                    cycles.add(frozenset(seen))
                    error(entry, f"replacement cycle: {' -> '.join(chain)}")
            else:
                error(
                    entry,
                    f"`{entry.term}` is preferred here but forbidden at {forbidden[own].origin}"
                    f" (replaced by `{forbidden[own].term}`)",
                )
    problems.extend(_common_words(entries))
    return problems


def _common_words(entries: list[TermEntry]) -> list[Problem]:
    """Forbidden one-word variants that are everyday English words."""
    words = set()
    for entry in entries:
        for variant in entry.variants:
            form = normalize(variant)
            parts = form.split(" ")
            if len(parts) == 1:
                words.add((entry.origin, variant, entry.case_sensitive, f"`{variant}`"))
            elif len(parts) == 2 and form.islower() and all(p.isalpha() for p in parts):
                # the matcher also finds it closed up (`cyber security`, `cybersecurity`)
                closed = "".join(parts)
                words.add((entry.origin, closed, entry.case_sensitive, f"`{variant}`, closed up as `{closed}`,"))
    if not words:
        return []
    from mtfix.lexicon.english import zipf as english_zipf

    found = []
    for origin, variant, case_sensitive, shown in sorted(words, key=lambda w: (w[0], w[1])):
        zipf = english_zipf(variant)
        if zipf < COMMON_ZIPF:
            continue
        guarded = case_sensitive and (variant != variant.lower() or _acronym(variant))
        found.append(
            Problem(
                origin or "-",
                "warning" if guarded else "error",
                f"forbidden variant {shown} is a common English word (Zipf {zipf:.1f})"
                + ("; only its exact case is matched" if guarded else "; it would fire on good English"),
            )
        )
    return found


def _line(problem: Problem) -> tuple[str, int]:
    path, _, line = problem.where.rpartition(":")
    return (path, int(line)) if line.isdigit() else (problem.where, 0)


def sort(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (*_line(p), p.level, p.message))
