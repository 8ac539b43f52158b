"""Whether a Latin word looks like a romanized word of a source language or like English,
judged by its letters.

Two letter 4-gram models, one of English words (wordfreq's English list) and one of the
source language's words (wordfreq's list) written under its romanization schemes
(`mtfix/data/translit-<code>-schemes.tsv`), give a word the mean log-likelihood ratio of its
4-grams. A word neither lexicon lists still shows where it comes from: `sootvetchitsy` scores
well above zero for Russian, `planemaker` and `fluorograph` well below.
"""

from __future__ import annotations

import math
import re
import zlib
from array import array
from collections import Counter
from functools import cache, partial
from itertools import islice
from typing import TYPE_CHECKING

from mtfix import datafiles
from mtfix.lexicon import store
from mtfix.lexicon.romanization import schemes

if TYPE_CHECKING:
    from mtfix.languages.profile import Language

ORDER = 4
#: How many of each list's most frequent words the models learn from (changing it, or
#: `build`, needs a new `revision` in `_source`).
VOCABULARY = 150_000
SMOOTHING = 0.5
_ENGLISH = re.compile("[a-z]+")


def _grams(word: str) -> list[str]:
    padded = f"^{word}$"
    return [padded[i : i + ORDER] for i in range(max(1, len(padded) - ORDER + 1))]


def _count(words) -> Counter[str]:
    padded = [f"^{word}$" for word in words]
    return Counter(p[i : i + ORDER] for p in padded for i in range(max(1, len(p) - ORDER + 1)))


def build(language: Language) -> tuple[list[str], array, float]:
    """Every 4-gram either model saw with its log-likelihood ratio (source over English) in
    thousandths, and the ratio of a 4-gram neither saw."""
    from wordfreq import iter_wordlist

    letters = language.lexicon().words_of_letters
    words = [w for w in islice(iter_wordlist(language.code), VOCABULARY) if letters.fullmatch(w)]
    source = _count(scheme.translate(w) for scheme in schemes(language.code) for w in words)
    english = _count(w for w in islice(iter_wordlist("en"), VOCABULARY) if _ENGLISH.fullmatch(w))
    kinds = len(source.keys() | english.keys())
    source_total = sum(source.values()) + SMOOTHING * kinds
    english_total = sum(english.values()) + SMOOTHING * kinds

    def ratio(gram: str) -> float:
        return math.log((source[gram] + SMOOTHING) / source_total) - math.log(
            (english[gram] + SMOOTHING) / english_total
        )

    grams = sorted(source.keys() | english.keys())
    return grams, array("i", (round(ratio(g) * 1000) for g in grams)), ratio("")


def _source(language: Language) -> store.Source:
    crc = zlib.crc32(datafiles.read_bytes(f"translit-{language.code}-schemes.tsv"))
    return store.Source(
        f"romanized-{language.name.lower()}-{crc:08x}",
        "wordfreq",
        "wordfreq",
        f"data/large_{language.code}.msgpack.gz",
        partial(build, language),
    )


@cache
def _model(language: Language) -> store.Table:
    return store.table(_source(language))


def likelihood(word: str, language: Language) -> float:
    """Mean log-likelihood ratio of `word`'s letter 4-grams: above zero, its letters are more
    typical of the language's romanized words than of English."""
    table = _model(language)
    unseen = round(table.extra * 1000)
    grams = _grams(word.lower())
    return sum(table.get(g, unseen) for g in grams) / len(grams) / 1000
