"""The Russian lexicon: pymorphy3's dictionary and morphology, and wordfreq's Russian list."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

#: Grammemes of proper names: first names, surnames, patronymics, places, organisations.
NAME_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})
#: Case grammemes that are not the nominative (the form a name takes in English text).
OBLIQUE = frozenset({"gent", "datv", "accs", "ablt", "loct", "gen2", "acc2", "loc2", "voct"})


@cache
def analyzer():
    """The pymorphy3 analyzer, built once."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def word_forms():
    """The DAWG of every Russian word form in the dictionary (keys end with byte 0x01)."""
    return analyzer().dictionary.words.dct


@cache
def frequent_words() -> list[str]:
    """wordfreq's Russian words, sorted for prefix search."""
    from wordfreq import iter_wordlist

    return sorted(w for w in iter_wordlist("ru") if w.isalpha())


def frequency(word: str) -> float:
    """wordfreq's Zipf frequency of a Russian word (0 when unlisted)."""
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


def name_parses(word: str) -> list:
    """Dictionary parses of `word` as a proper name."""
    return [
        p
        for p in analyzer().parse(word)
        if _from_dictionary(p) and NAME_TAGS & p.tag.grammemes
    ]


def _from_dictionary(parse) -> bool:
    return type(parse.methods_stack[0][0]).__name__ == "DictionaryAnalyzer" and len(parse.methods_stack) == 1
