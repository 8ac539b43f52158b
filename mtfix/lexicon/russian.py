"""The Russian lexicon: pymorphy3's dictionary and morphology, and wordfreq's Russian list.

wordfreq's list is kept on disk as a compact table (`mtfix.lexicon.store`), built the first
time it is needed.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from functools import cache, lru_cache

from mtfix.lexicon import store

#: Grammemes of proper names: first names, surnames, patronymics, places, organisations.
NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
#: Case grammemes that are not the nominative (the form a name takes in English text).
OBLIQUE = frozenset({"gent", "datv", "accs", "ablt", "loct", "gen2", "acc2", "loc2", "voct"})


@cache
def analyzer():
    """The pymorphy3 analyzer, built once."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _build() -> tuple[list[str], array, tuple[float, ...]]:
    """wordfreq's Russian list as kept on disk: the words of letters only, sorted, each with
    its frequency band, and the Zipf frequency of each band."""
    from wordfreq import get_frequency_list

    from mtfix.lexicon.english import band_zipf

    bands = get_frequency_list("ru")
    band_of = {word: i for i, band in enumerate(bands) for word in band}
    words = sorted(w for band in bands for w in band if w.isalpha())
    return words, array("H", [band_of[w] for w in words]), band_zipf(len(bands))


SOURCE = store.Source("russian-wordfreq", "wordfreq", "wordfreq", "data/large_ru.msgpack.gz", _build)


@cache
def frequent_words() -> list[str]:
    """wordfreq's Russian words, sorted for prefix search."""
    return store.table(SOURCE).keys()


def _build_dawg() -> tuple[list[str], array, bytes]:
    import dawg

    return [], array("I"), dawg.CompletionDAWG(frequent_words()).tobytes()


def _dawg_source() -> store.Source:
    """A table whose extra data is the DAWG of wordfreq's Russian words; its name follows the
    word list's own cache key, so a new wordfreq gives a new DAWG."""
    import zlib

    return store.Source(f"russian-wordfreq-dawg-{zlib.crc32(SOURCE.key().encode()):08x}", "dawg2", "dawg", "", _build_dawg)


@cache
def frequent_words_dawg():
    """wordfreq's Russian words as a DAWG2 completion DAWG for prefix queries in C, loaded
    from the cache folder; None when the DAWG2 extension is not installed."""
    try:
        import dawg
    except ImportError:
        return None
    return dawg.CompletionDAWG().frombytes(store.table(_dawg_source()).extra)


#: Words that wordfreq reads as themselves: Russian letters only (after lower-casing).
_PLAIN = re.compile("[а-яё]+")


def frequency(word: str) -> float:
    """wordfreq's Zipf frequency of a Russian word (0 when unlisted): the same figure as
    `wordfreq.zipf_frequency(word, "ru")`, looked up without loading wordfreq when `word` is
    Russian letters only."""
    key = word.lower()
    if _PLAIN.fullmatch(key):
        table = store.table(SOURCE)
        band = table.get(key)
        return 0.0 if band is None else table.extra[band]
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "ru")


@dataclass(frozen=True)
class Analysis:
    """What the dictionary says about one Russian word form."""

    word: str
    lemma: str
    known: bool
    name: bool
    common: bool
    oblique: bool
    nominative: bool
    place_or_surname: bool = False
    nominative_form: str = ""


@lru_cache(maxsize=1 << 16)
def analyse(word: str) -> Analysis:
    """Dictionary parses of `word`: its best lemma, whether it is a proper name and in which
    cases. `known` means the dictionary lists the form itself (not a guess from its ending)."""
    morph = analyzer()
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


def _nominative(parse) -> str:
    """The nominative of a name in the same gender and number (Кадашевскую: Кадашевская)."""
    inflected = parse.inflect({"nomn"})
    return inflected.word if inflected is not None else parse.normal_form


def _from_dictionary(parse) -> bool:
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer" and len(parse.methods_stack) == 1
