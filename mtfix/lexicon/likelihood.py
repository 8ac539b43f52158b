"""Whether a Latin word looks like romanized Russian or like English, judged by its letters.

Two letter 4-gram models, one of English words (wordfreq's English list) and one of Russian
words (wordfreq's Russian list) written under three romanization schemes
(`mtfix/data/translit-ru-schemes.tsv`), give a word the mean log-likelihood ratio of its
4-grams. A word neither lexicon lists still shows where it comes from: `sootvetchitsy` scores
well above zero, `planemaker` and `fluorograph` well below.
"""

from __future__ import annotations

import math
import re
import zlib
from array import array
from collections import Counter
from functools import cache
from importlib import resources
from itertools import islice

from mtfix.lexicon import store

ORDER = 4
#: How many of each list's most frequent words the models learn from (changing it, or
#: `build`, needs a new `revision` in `_source`).
VOCABULARY = 150_000
SMOOTHING = 0.5
_RUSSIAN = re.compile("[а-яё]+")
_ENGLISH = re.compile("[a-z]+")


def _schemes() -> list[dict[int, str]]:
    """Each romanization scheme as a translation table from Cyrillic to Latin."""
    text = (resources.files("mtfix") / "data" / "translit-ru-schemes.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header, *letters = rows
    return [
        str.maketrans({row[0]: row[column].replace("·", "") for row in letters})
        for column in range(1, len(header))
    ]


def _grams(word: str) -> list[str]:
    padded = f"^{word}$"
    return [padded[i : i + ORDER] for i in range(max(1, len(padded) - ORDER + 1))]


def _count(words) -> Counter[str]:
    padded = [f"^{word}$" for word in words]
    return Counter(p[i : i + ORDER] for p in padded for i in range(max(1, len(p) - ORDER + 1)))


def build() -> tuple[list[str], array, float]:
    """Every 4-gram either model saw with its log-likelihood ratio (Russian over English) in
    thousandths, and the ratio of a 4-gram neither saw."""
    from wordfreq import iter_wordlist

    words = [w for w in islice(iter_wordlist("ru"), VOCABULARY) if _RUSSIAN.fullmatch(w)]
    russian = _count(w.translate(scheme) for scheme in _schemes() for w in words)
    english = _count(w for w in islice(iter_wordlist("en"), VOCABULARY) if _ENGLISH.fullmatch(w))
    kinds = len(russian.keys() | english.keys())
    russian_total = sum(russian.values()) + SMOOTHING * kinds
    english_total = sum(english.values()) + SMOOTHING * kinds

    def ratio(gram: str) -> float:
        return math.log((russian[gram] + SMOOTHING) / russian_total) - math.log(
            (english[gram] + SMOOTHING) / english_total
        )

    grams = sorted(russian.keys() | english.keys())
    return grams, array("i", (round(ratio(g) * 1000) for g in grams)), ratio("")


def _source() -> store.Source:
    schemes = (resources.files("mtfix") / "data" / "translit-ru-schemes.tsv").read_bytes()
    return store.Source(
        f"romanized-russian-{zlib.crc32(schemes):08x}",
        "wordfreq",
        "wordfreq",
        "data/large_ru.msgpack.gz",
        build,
    )


@cache
def _model() -> store.Table:
    return store.table(_source())


def russian_likelihood(word: str) -> float:
    """Mean log-likelihood ratio of `word`'s letter 4-grams: above zero, its letters are more
    typical of romanized Russian than of English."""
    table = _model()
    unseen = round(table.extra * 1000)
    grams = _grams(word.lower())
    return sum(table.get(g, unseen) for g in grams) / len(grams) / 1000
