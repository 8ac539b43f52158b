"""The glossary entry model: a concept's terms, variants and source terms, and the
normalized spelling terms are matched in.

Readers (`mtfix.termbase.formats`) make entries; the matcher (`mtfix.glossary`) compiles them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from operator import attrgetter

from mtfix.document import InputError

PREFERRED, ADMITTED, FORBIDDEN = "preferred", "admitted", "forbidden"


KINDS = (PREFERRED, ADMITTED, FORBIDDEN)


class GlossaryError(InputError):
    """A malformed glossary; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class TermEntry:
    """One concept: the preferred English term, what may and what must not stand in its place.

    `variants` are forbidden or deprecated renderings (TM001 replaces them); `admitted` ones
    are acceptable but should not be mixed with the term in one document (TM002). `policy`
    names a setting that can make the admitted variants forbidden (`kiev-policy`).
    """

    term: str
    variants: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    case_sensitive: bool = False
    gender: str = ""
    note: str = ""
    origin: str = ""
    admitted: tuple[str, ...] = ()
    pos: str = ""
    domain: str = ""
    policy: str = ""
    id: str = ""


TYPOGRAPHY = str.maketrans(
    {
        **{c: "'" for c in "\u2018\u2019\u201a\u201b\u02bc\u2032`\u00b4"},
        **{c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033"},
        **{c: " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"},
        **{c: " " for c in "\t\x0b\x0c\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
           "\u2007\u2008\u2009\u200a\u202f\u205f\u3000\x85\u2028\u2029"},
    }
)


INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"


_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]+")


SQUEEZE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]+|[ \r\n]{2,}|[\r\n]")


def normalize(text: str) -> str:
    """A term or text in the matcher's spelling: typographic variants unified, hyphens as
    spaces, white space collapsed (not case folded)."""
    return " ".join(_INVISIBLE.sub("", text).translate(TYPOGRAPHY).split())


def apply_policies(entries: Iterable[TermEntry], policies: set[str]) -> list[TermEntry]:
    return [
        replace(e, variants=e.variants + e.admitted, admitted=()) if e.policy and e.policy in policies else e
        for e in entries
    ]


_ENTRY_FIELDS = tuple(f.name for f in fields(TermEntry))


#: An entry's field values in declaration order, as a tuple.
entry_fields = attrgetter(*_ENTRY_FIELDS)


_ENTRY_DEFAULTS = tuple(f.default for f in fields(TermEntry))


_ENTRY_SETTERS = tuple(getattr(TermEntry, name).__set__ for name in _ENTRY_FIELDS)


def make_entry(values: tuple) -> TermEntry:
    """A TermEntry from its field values in declaration order (later fields may be left out),
    set straight into its slots without the frozen dataclass's slow __init__."""
    entry = object.__new__(TermEntry)
    if len(values) < len(_ENTRY_SETTERS):
        values = (*values, *_ENTRY_DEFAULTS[len(values) :])
    for set_field, value in zip(_ENTRY_SETTERS, values):
        set_field(entry, value)
    return entry
