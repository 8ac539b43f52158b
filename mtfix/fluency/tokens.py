"""English text as the fluency model reads it: sentences of tokens with their offsets.

Training and checking split text the same way, so a token the model learnt from is a token it
scores: a word (letters and digits, with inner hyphens and apostrophes: `long-term`, `hadn't`),
a number with its separators (`600,000`), or a run of one punctuation mark.
"""

from __future__ import annotations

import re
from typing import NamedTuple

TOKEN = re.compile(r"\d+(?:[.,:]\d+)+|\w+(?:[-'’]\w+)*|([^\w\s])\1*")
#: Where a sentence ends: `.`, `!`, `?` or `…` (and closing quotes or brackets), then a blank
#: and an upper-case letter, a digit or an opening quote.
SENTENCE_END = re.compile(r"(?<=[.!?…])([\"'”’)\]]*)[ \t]+(?=[\"“‘(\[]?[A-Z0-9])")
#: Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st mt gen col lt sgt capt jr sr vs etc inc ltd co no jan feb mar apr "
    "aug sep sept oct nov dec u.s a.m p.m e.g i.e".split()
)
_LAST_WORD = re.compile(r"([\w.]+)\.$")


class Token(NamedTuple):
    text: str
    start: int
    end: int


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of `text[start:end]`, with offsets into `text`."""
    end = len(text) if end is None else end
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]


def sentences(text: str, start: int = 0, end: int | None = None) -> list[list[Token]]:
    """The sentences of one line of `text[start:end]`, each a non-empty list of tokens."""
    end = len(text) if end is None else end
    out = []
    for lo, hi in _sentence_spans(text, start, end):
        found = tokens(text, lo, hi)
        if found:
            out.append(found)
    return out


def _sentence_spans(text: str, start: int, end: int):
    lo = start
    for m in SENTENCE_END.finditer(text, start, end):
        word = _LAST_WORD.search(text, max(lo, m.start() - 12), m.start())
        if word and (word[1].lower() in ABBREVIATIONS or len(word[1]) == 1):
            continue
        yield lo, m.end(1)
        lo = m.end()
    yield lo, end
