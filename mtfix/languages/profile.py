"""What a language profile and a pair profile hold."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """A source language: its code and name, the letters of its alphabet (as a regex class),
    the letters only it uses among its neighbours, its quotation marks, and the data file of
    how it writes numbers, months and letters in Latin (`mtfix/data/bilingual-<code>.yml`)."""

    code: str
    name: str
    letters: str
    own_letters: str
    quotes: tuple[str, ...]

    @property
    def data_file(self) -> str:
        return f"bilingual-{self.code}.yml"


@dataclass(frozen=True)
class Pair:
    """A language pair: its source language, where its glossaries and packs are
    (`glossaries/<name>/`, `mtfix/rules/packs/<packs>/`), and which packs exist for it."""

    name: str
    source: Language
    packs: str
    pack_names: tuple[str, ...]
    notes: str = ""
