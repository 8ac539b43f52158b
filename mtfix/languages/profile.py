"""What a language profile and a pair profile hold."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """A source language: its code (which names its data files, `mtfix/data/bilingual-<code>.yml`
    and `translit-<code>*`, its pymorphy3 dictionary and wordfreq list, and the rules that apply
    to it), its name, as messages say it, and its lower-case letters (an apostrophe among them
    where words hold one)."""

    code: str
    name: str
    letters: str

    def lexicon(self):
        """The language's dictionary and word list (`mtfix.lexicon.source.Lexicon`)."""
        from mtfix.lexicon.source import lexicon

        return lexicon(self)

    def romanizer(self):
        """How romanized text of the language reads back (`mtfix.lexicon.romanization.Romanizer`)."""
        from mtfix.lexicon.romanization import romanizer

        return romanizer(self)


@dataclass(frozen=True)
class Pair:
    """A language pair: its source language, where its glossaries are (`glossaries/<name>/`),
    and the policy settings its glossaries read (`kiev-policy`: whether the admitted
    Russian-style place names become forbidden). Packs say which pairs they are for."""

    name: str
    source: Language
    policies: tuple[str, ...] = ()
