"""Tokenized text, as Moses and other MT pipelines write it (`hadn 't`, `the knife .`): its
spaces around punctuation are the format, not errors, so the spacing rules leave it alone.

A document reads as tokenized when English contractions are split (`hadn 't`) or when most
of its lines that end in punctuation have a space before it. `tokenized` in the settings
overrides the guess: `auto` (the default), `yes` or `no`.
"""

from __future__ import annotations

import re

#: A contraction split from its word (`hadn 't`, `we 're`), which untokenized English never
#: writes (a split `'s` it does, after a number: `the 1970 's`).
_SPLIT_CONTRACTION = re.compile(r"[a-z] '(?:t|re|ve|ll|m)(?!\w)", re.IGNORECASE)
#: A line ending in punctuation, and one with a space before it.
_ENDS_IN_MARK = re.compile(r"\S[.!?:;,]['\"”’)]*[ \t]*$")
_SPACED_END = re.compile(r"\S[ \t]+[.!?:;,]['\"”’)]*[ \t]*$")
#: How many lines must show it, and what share of the lines ending in punctuation.
MIN_LINES = 3
MIN_SHARE = 0.6
CHOICES = ("auto", "yes", "no")


def looks_tokenized(text: str) -> bool:
    """Whether `text` reads as tokenized: split contractions, or spaced final punctuation on
    most lines that end in punctuation."""
    if len(_SPLIT_CONTRACTION.findall(text)) >= 2:
        return True
    ending = spaced = 0
    for line in text.splitlines():
        if _SPACED_END.search(line):
            spaced += 1
            ending += 1
        elif _ENDS_IN_MARK.search(line):
            ending += 1
    return spaced >= MIN_LINES and spaced >= MIN_SHARE * ending


def tokenized(document, setting: str = "auto") -> bool:
    """Whether `document` is tokenized text, by `setting` or, for `auto`, by its look (worked
    out once per document)."""
    if setting != "auto":
        return setting == "yes"
    found = document.memo.get("tokenized")
    if found is None:
        found = document.memo["tokenized"] = looks_tokenized(document.text)
    return found
