"""A source language's lexicon: pymorphy3's dictionary and morphology of the language, and
wordfreq's list of its words.

wordfreq's list is kept on disk as a compact table (`mtfix.lexicon.store`), built the first
time it is needed. One lexicon per language serves the whole process: it holds only what the
installed libraries ship.
"""

from __future__ import annotations

import re
import zlib
from array import array
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING

from mtfix.lexicon import store

if TYPE_CHECKING:
    from mtfix.languages.profile import Language

#: Grammemes of proper names: first names, surnames, patronymics, places, organisations.
NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
#: Case grammemes that are not the nominative (the form a name takes in English text).
OBLIQUE = frozenset({"gent", "datv", "accs", "ablt", "loct", "gen2", "acc2", "loc2", "voct"})


@dataclass(frozen=True)
class Analysis:
    """What the dictionary says about one word form."""

    word: str
    lemma: str
    known: bool
    name: bool
    common: bool
    oblique: bool
    nominative: bool
    place_or_surname: bool = False
    nominative_form: str = ""


class Lexicon:
    """The dictionary and word list of one source language."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.code = language.code
        self.words_of_letters = re.compile(f"[{re.escape(language.letters)}]+")
        self.analyse = lru_cache(maxsize=1 << 16)(self._analyse)
        self.lemma = lru_cache(maxsize=1 << 16)(self._lemma)
        self.frequency_source = store.Source(
            f"{language.name.lower()}-wordfreq", "wordfreq", "wordfreq", f"data/large_{self.code}.msgpack.gz", self._build
        )

    @cached_property
    def analyzer(self):
        """The pymorphy3 analyzer of the language, built once."""
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang=self.code)

    def version(self) -> str:
        """The dictionary's version: indexes of lemmas depend on it."""
        return self._version

    @cached_property
    def _version(self) -> str:
        """`version()`, read once: the package metadata costs milliseconds, and glossary
        look-ups ask for it once per document."""
        from importlib.metadata import PackageNotFoundError, version

        try:
            return f"{self.code}:{version('pymorphy3')}+{version(f'pymorphy3-dicts-{self.code}')}"
        except PackageNotFoundError:
            return f"{self.code}:unknown"

    def _build(self) -> tuple[list[str], array, tuple[float, ...]]:
        """wordfreq's list as kept on disk: the words of letters only, sorted, each with its
        frequency band, and the Zipf frequency of each band."""
        from wordfreq import get_frequency_list

        from mtfix.lexicon.english import band_zipf

        bands = get_frequency_list(self.code)
        band_of = {word: i for i, band in enumerate(bands) for word in band}
        words = sorted(w for band in bands for w in band if w.isalpha())
        return words, array("H", [band_of[w] for w in words]), band_zipf(len(bands))

    @cached_property
    def frequent_words(self) -> list[str]:
        """wordfreq's words of the language, sorted for prefix search."""
        return store.table(self.frequency_source).keys()

    def dawg_source(self) -> store.Source:
        """A table whose extra data is the DAWG of wordfreq's words; its name follows the word
        list's own cache key, so a new wordfreq gives a new DAWG. A DAWG read back that DAWG2
        could not load safely (`mtfix.lexicon.dawgs`) is rebuilt."""
        from mtfix.lexicon import dawgs

        crc = zlib.crc32(self.frequency_source.key().encode())
        return store.Source(
            f"{self.language.name.lower()}-wordfreq-dawg-{crc:08x}", "dawg2", "dawg", "", self._build_dawg,
            sound=dawgs.sound,
        )

    def _build_dawg(self) -> tuple[list[str], array, bytes]:
        import dawg

        return [], array("I"), dawg.CompletionDAWG(self.frequent_words).tobytes()

    @cached_property
    def frequent_words_dawg(self):
        """wordfreq's words as a DAWG2 completion DAWG for prefix queries in C, loaded from the
        cache folder (or rebuilt when what is there is not a sound DAWG); None when the DAWG2
        extension is not installed."""
        try:
            import dawg
        except ImportError:
            return None
        return dawg.CompletionDAWG().frombytes(store.table(self.dawg_source()).extra)

    def frequency(self, word: str) -> float:
        """wordfreq's Zipf frequency of `word` (0 when unlisted): the same figure as
        `wordfreq.zipf_frequency(word, code)`, looked up without loading wordfreq when `word`
        is the language's letters only."""
        key = word.lower()
        if self.words_of_letters.fullmatch(key):
            table = store.table(self.frequency_source)
            band = table.get(key)
            return 0.0 if band is None else table.extra[band]
        from wordfreq import zipf_frequency

        return zipf_frequency(word, self.code)

    def _analyse(self, word: str) -> Analysis:
        """Dictionary parses of `word`: its best lemma, whether it is a proper name and in
        which cases. `known` means the dictionary lists the form itself (not a guess from its
        ending)."""
        morph = self.analyzer
        parses = [p for p in morph.parse(word) if _from_dictionary(p)]
        known = bool(parses)
        if not parses:
            parses = morph.parse(word)[:1]
        best = parses[0]
        names = [p for p in parses if NAME_TAGS & p.tag.grammemes]
        oblique_names = [
            p
            for p in parses
            if {"Geox", "Surn", "Orgn"} & p.tag.grammemes and p.tag.case in OBLIQUE and p.tag.number == "sing"
        ]
        return Analysis(
            word=word,
            lemma=best.normal_form,
            known=known,
            name=bool(names),
            common=any(not (NAME_TAGS & p.tag.grammemes) for p in parses),
            oblique=any(p.tag.case in OBLIQUE for p in parses),
            nominative=any(p.tag.case in ("nomn", None) for p in parses),
            place_or_surname=bool(oblique_names),
            nominative_form=_nominative(oblique_names[0]) if oblique_names else "",
        )

    def _lemma(self, word: str) -> str:
        """The dictionary form; for a capitalised word a name's (Львов: львов, not лев)."""
        parses = self.analyzer.parse(word)
        if word[:1].isupper():
            names = [p for p in parses if NAME_TAGS & p.tag.grammemes]
            parses = names or parses
        return parses[0].normal_form

    def forms(self, word: str) -> set[str]:
        """Every form of every lexeme `word` may belong to, itself included."""
        return {word} | {form.word for parse in self.analyzer.parse(word) for form in parse.lexeme}


@cache
def lexicon(language: Language) -> Lexicon:
    """The lexicon of `language`, one per process."""
    return Lexicon(language)


def _nominative(parse) -> str:
    """The nominative of a name in the same gender and number (Кадашевскую: Кадашевская)."""
    inflected = parse.inflect({"nomn"})
    return inflected.word if inflected is not None else parse.normal_form


def _from_dictionary(parse) -> bool:
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer" and len(parse.methods_stack) == 1
