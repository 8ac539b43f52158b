"""Glossaries: approved English terms, the variants to replace, and the Russian source terms.

The TSV format is documented in `glossaries/FORMAT.md`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from mtfix.document import InputError

COLUMNS = ("term", "variants", "source", "case", "gender", "note")
REQUIRED = ("term", "note")
_TRUE = {"yes", "true", "1", "sensitive"}
_FALSE = {"", "no", "false", "0", "insensitive"}


class GlossaryError(InputError):
    """A malformed glossary; the message names the file and line."""


@dataclass(frozen=True)
class TermEntry:
    """One concept: the preferred English term and what must not stand in its place."""

    term: str
    variants: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    case_sensitive: bool = False
    gender: str = ""
    note: str = ""
    origin: str = ""


@dataclass(frozen=True)
class TermMatch:
    """A forbidden variant found in text."""

    start: int
    end: int
    entry: TermEntry
    variant: str


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def read_tsv(path: Path) -> list[TermEntry]:
    """Entries of a TSV glossary with a header row; GlossaryError names file:line on a problem.

    Blank lines and lines starting with `#` are skipped.
    """
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as err:
        raise GlossaryError(f"{path}: cannot read glossary ({err.strerror})") from None
    except UnicodeDecodeError as err:
        raise GlossaryError(f"{path}: invalid UTF-8 at byte offset {err.start}") from None
    rows = [
        (number, line.rstrip("\r\n").split("\t"))
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]
    if not rows:
        raise GlossaryError(f"{path}:1: empty glossary (no header row)")
    number, header = rows[0]
    header = [c.strip().lower() for c in header]
    unknown = [c for c in header if c not in COLUMNS]
    if unknown or any(c not in header for c in REQUIRED):
        raise GlossaryError(
            f"{path}:{number}: glossary header must name columns from {', '.join(COLUMNS)}"
            f" including {', '.join(REQUIRED)}; got {', '.join(header)}"
        )
    entries = []
    for number, fields in rows[1:]:
        if len(fields) != len(header):
            raise GlossaryError(
                f"{path}:{number}: {len(fields)} tab-separated fields, header has {len(header)}"
            )
        entries.append(_entry(dict(zip(header, fields)), f"{path}:{number}"))
    return entries


def _entry(row: dict[str, str], where: str) -> TermEntry:
    values = {k: v.strip() for k, v in row.items()}
    if not values["term"]:
        raise GlossaryError(f"{where}: empty `term`")
    case = values.get("case", "").lower()
    if case not in _TRUE | _FALSE:
        raise GlossaryError(f"{where}: `case` must be yes or no, not {values['case']!r}")
    gender = values.get("gender", "")
    if gender not in ("", "m", "f"):
        raise GlossaryError(f"{where}: `gender` must be m, f or empty, not {gender!r}")
    return TermEntry(
        term=values["term"],
        variants=_split(values.get("variants", "")),
        source=_split(values.get("source", "")),
        case_sensitive=case in _TRUE,
        gender=gender,
        note=values["note"],
        origin=where,
    )


class Glossary:
    """Entries from one or more files, with one compiled matcher for their variants."""

    def __init__(self, entries: Iterable[TermEntry]) -> None:
        self.entries = list(entries)
        self._patterns = [
            _compile({_key(v, False): e for e in self.entries if e.case_sensitive for v in e.variants}, 0),
            _compile(
                {_key(v, True): e for e in self.entries if not e.case_sensitive for v in e.variants},
                re.IGNORECASE,
            ),
        ]

    @property
    def digest(self) -> str:
        """A short content digest, for run signatures and caches."""
        data = repr([(e.term, e.variants, e.case_sensitive) for e in self.entries])
        return hashlib.sha256(data.encode()).hexdigest()[:12]

    def variants_in(self, text: str, start: int = 0, end: int | None = None) -> Iterator[TermMatch]:
        """Forbidden variants in `text[start:end]`, longest first where they overlap."""
        end = len(text) if end is None else end
        found = []
        for pattern, lookup in self._patterns:
            if pattern is None:
                continue
            for m in pattern.finditer(text, start, end):
                key = _key(m.group(), bool(pattern.flags & re.IGNORECASE))
                found.append(TermMatch(m.start(), m.end(), lookup[key], m.group()))
        found.sort(key=lambda t: (t.start, -t.end))
        last_end = -1
        for match in found:
            if match.start >= last_end:
                last_end = match.end
                yield match


def _key(variant: str, fold: bool) -> str:
    """Lookup key of a variant: white space folded, and case too when insensitive."""
    key = " ".join(variant.split())
    return key.casefold() if fold else key


def _compile(lookup: dict[str, TermEntry], flags: int) -> tuple[re.Pattern[str] | None, dict]:
    if not lookup:
        return None, lookup
    alternatives = sorted(lookup, key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, v.split())) for v in alternatives)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w]|-\w)", flags), lookup


def match_case(found: str, preferred: str) -> str:
    """The preferred term in the case pattern of the text it replaces (UPPER, Title, lower)."""
    if len(found) > 1 and found.isupper() and not preferred.isupper():
        return preferred.upper()
    if found[:1].isupper() and preferred[:1].islower():
        return preferred[:1].upper() + preferred[1:]
    return preferred


def shipped_dir(language_pair: str) -> Path:
    """The folder of glossaries shipped for a language pair (installed or in a checkout)."""
    installed = resources.files("mtfix") / "glossaries" / language_pair
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parent.parent / "glossaries" / language_pair


def read(path: Path) -> list[TermEntry]:
    """Entries of a glossary file, by its extension."""
    if path.suffix.lower() in (".tsv", ".txt"):
        return read_tsv(path)
    raise GlossaryError(f"{path}: unsupported glossary format {path.suffix or '(none)'}")


@lru_cache(maxsize=16)
def load_glossaries(language_pair: str, extra: tuple[Path, ...] = ()) -> Glossary:
    """The shipped glossaries for `language_pair` followed by `extra` ones, as one Glossary."""
    shipped = sorted(shipped_dir(language_pair).glob("*.tsv"))
    return Glossary(entry for path in (*shipped, *extra) for entry in read(path))
