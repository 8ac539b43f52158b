"""What a language profile and a pair profile hold."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """A source language: its code (which names its data file, `mtfix/data/bilingual-<code>.yml`,
    and the rules that apply to it) and its name, as messages say it."""

    code: str
    name: str


@dataclass(frozen=True)
class Pair:
    """A language pair: its source language and where its glossaries and rule packs are
    (`glossaries/<name>/`, `mtfix/rules/packs/<packs>/`)."""

    name: str
    source: Language
    packs: str
