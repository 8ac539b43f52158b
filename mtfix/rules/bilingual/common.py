"""What the bilingual checks share: the units that have a source, how each language writes
numbers and months (data), and the folding that compares two segments."""

from __future__ import annotations

import re
import unicodedata

from mtfix import datafiles

#: The language of the targets; sources are in the pair's source language.
ENGLISH = "en"


def data(language: str) -> dict:
    """How `language` writes numbers, months and magnitudes (`mtfix/data/bilingual-<code>.yml`,
    read once)."""
    return datafiles.yaml_data(f"bilingual-{language}.yml")


def units(document) -> list[tuple[object, str]]:
    """Each unit with a non-empty source, and its target as text (worked out once per
    document: every bilingual rule reads them)."""
    found = document.memo.get("bilingual-units")
    if found is None:
        found = document.memo["bilingual-units"] = [
            (unit, document.target_text(unit)) for unit in document.units if unit.source.strip() and unit.target
        ]
    return found


CYRILLIC = re.compile(r"[\u0400-\u04ff]")
LETTER = re.compile(r"[^\W\d_]")


def fold(text: str) -> str:
    """Text for comparing segments: case, punctuation and spacing ignored."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", text))
