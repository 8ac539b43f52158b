"""Shared pieces of the grammar rules (negation, pronouns, articles): word lists loaded
lazily from `mtfix/data/grammar-*.yml`, and regex alternations built from them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any


@cache
def data(name: str) -> Any:
    """The parsed YAML file `mtfix/data/<name>`, read once per process."""
    import yaml

    text = (resources.files("mtfix") / "data" / name).read_text(encoding="utf-8")
    return yaml.safe_load(text)


def words(name: str, key: str) -> frozenset[str]:
    """A word list from a data file, lower-cased."""
    values = data(name)[key]
    if not all(isinstance(w, str) for w in values):
        raise TypeError(f"{name}: `{key}` must hold strings only (quote yes/no/on/off)")
    return frozenset(w.lower() for w in values)


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of `phrases`, longest first; spaces match any run of blanks."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"[ \t]+".join(map(re.escape, p.split())) for p in ordered)


#: A word (letters, inner apostrophes and hyphens) as the grammar rules tokenise text.
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
