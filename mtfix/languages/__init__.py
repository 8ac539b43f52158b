"""Language pairs as profiles: what mtfix knows of each source language and pair.

A pair (`ru-en`, `uk-en`) names its source language, the shipped glossaries and bilingual
data it reads, and its default policies. `pair(name)` loads a profile on first use;
rules say which source languages they apply to (`Rule.languages`), and a run under a pair
runs only the rules that apply to its source.
"""

from __future__ import annotations

import importlib

from mtfix.languages.profile import Language, Pair

#: Every pair mtfix checks, by name: the module that defines it.
PAIRS = {"ru-en": "ru", "uk-en": "uk"}


def pair(name: str) -> Pair:
    """The profile of pair `name` (KeyError for a pair mtfix does not know)."""
    return importlib.import_module(f"mtfix.languages.{PAIRS[name]}").PAIR


def language(code: str) -> Language:
    """The profile of source language `code`."""
    return importlib.import_module(f"mtfix.languages.{code}").LANGUAGE
