"""The English lexicon: wordfreq's English word list plus regular English morphology, and
GCIDE's headwords (from the english-words package) for the rare words wordfreq lacks.

The lists are kept on disk as a compact table (`mtfix.lexicon.store`), built from wordfreq the
first time it is needed, so a run looks words up without loading wordfreq.

`is_english("imbroglios")` and `is_english("indestructibly")` hold although only the stems are
listed. Derived forms are accepted only from stems that are frequent enough to be real words,
so that stripping a suffix does not turn a stray transliteration into English.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from functools import cache, lru_cache

from mtfix.lexicon import store

#: Inflectional and derivational suffixes: suffix -> what may replace it to give the stem.
_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("'s", ("",)),
    ("s'", ("s",)),
    ("n't", ("",)),
    ("ies", ("y", "ie")),
    ("es", ("", "e")),
    ("s", ("",)),
    ("ied", ("y",)),
    ("ed", ("", "e", "@")),
    ("ing", ("", "e", "@")),
    ("ily", ("y",)),
    ("ally", ("al", "")),
    ("bly", ("ble",)),
    ("ly", ("", "le")),
    ("iness", ("y",)),
    ("ness", ("",)),
    ("ments", ("",)),
    ("ment", ("",)),
    ("less", ("",)),
    ("ful", ("",)),
    ("ability", ("able",)),
    ("ibility", ("ible",)),
    ("able", ("", "e", "@")),
    ("ible", ("", "e")),
    ("ier", ("y",)),
    ("iest", ("y",)),
    ("er", ("", "e", "@")),
    ("est", ("", "e", "@")),
    ("ers", ("", "e", "@")),
    ("ism", ("", "e")),
    ("ist", ("", "e")),
    ("ization", ("ize",)),
    ("isation", ("ise",)),
    ("ize", ("", "e")),
    ("ise", ("", "e")),
    ("ity", ("", "e")),
    ("ship", ("",)),
    ("hood", ("",)),
    ("wise", ("",)),
    ("like", ("",)),
)
_PREFIXES = tuple(
    sorted(
        "un re non pre over under anti counter de dis mis co sub super inter multi post semi "
        "self out mega micro mini pseudo neo ultra trans cross ex hyper mid off up down "
        "bi tri uni pro".split(),
        key=len,
        reverse=True,
    )
)
#: A stem must rank among this many most frequent words to license a derived form.
STEM_RANK = 120_000
MIN_STEM = 3


def _keep(word: str) -> bool:
    return word.isascii() or word.replace("'", "").isalpha()


def _build() -> tuple[list[str], array, tuple[tuple[int, ...], tuple[float, ...]]]:
    """wordfreq's English list as kept on disk: the words in rank order with their ranks, and
    where each frequency band starts with the Zipf frequency of its words."""
    from wordfreq import get_frequency_list

    words: dict[str, int] = {}
    starts: list[int] = []
    position = 0
    for band in get_frequency_list("en"):
        starts.append(position)
        for word in band:
            if _keep(word):
                words.setdefault(word.replace("\u2019", "'"), position)
            position += 1
    return list(words), array("I", words.values()), (tuple(starts), band_zipf(len(starts)))


def band_zipf(bands: int) -> tuple[float, ...]:
    """The Zipf frequency wordfreq gives a one-token word of each frequency band (band i
    holds the words at -i centibels), computed as `wordfreq.zipf_frequency` does."""
    import math

    from wordfreq import cB_to_freq, freq_to_zipf, zipf_to_freq

    minimum = zipf_to_freq(0.0)
    out = []
    for band in range(bands):
        frequency = max(cB_to_freq(-band), minimum)
        frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
        out.append(round(freq_to_zipf(frequency), 2))
    return tuple(out)


SOURCE = store.Source("english-wordfreq", "wordfreq", "wordfreq", "data/large_en.msgpack.gz", _build)


def _table() -> store.Table:
    return store.table(SOURCE)


@cache
def ranks() -> dict[str, int]:
    """Lower-case English words and their frequency rank (0 = most frequent)."""
    table = _table()
    return dict(zip(table.keys(), table.values))


@cache
def frequent(limit: int) -> frozenset[str]:
    """The listed words whose rank is below `limit`, for lookups in a tight loop."""
    table = _table()
    return frozenset(table.keys(bisect_left(table.values, limit)))


def rank(word: str) -> int | None:
    """Frequency rank of a listed word (any case), else None."""
    return _table().get(word.lower().replace("\u2019", "'"))


def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of an English word (0 when unlisted): the same figure as
    `wordfreq.zipf_frequency(word, "en")`, looked up without loading wordfreq when `word` is
    plain ASCII letters."""
    if word.isascii() and word.isalpha():
        table = _table()
        i = table.index(word.lower())
        if i < 0:
            return 0.0
        starts, zipfs = table.extra
        return zipfs[bisect_right(starts, table.values[i]) - 1]
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _build_dictionary() -> tuple[list[str], array, None]:
    """GCIDE's headwords of letters only, lower-cased and sorted (no values)."""
    from english_words import get_english_words_set

    words = sorted(get_english_words_set(["gcide"], alpha=True, lower=True))
    return words, array("B", bytes(len(words))), None


DICTIONARY = store.Source(
    "english-gcide", "english-words", "english_words", "data/gcide_alpha_lower.pickle", _build_dictionary
)


def in_dictionary(word: str) -> bool:
    """Whether `word` (any case) is a headword of GCIDE, the Collaborative International
    Dictionary of English: rare, technical and borrowed words that wordfreq's list lacks
    (`levulose`, `mouline`, `crepitation`)."""
    return store.table(DICTIONARY).get(word.lower()) is not None


def _listed_stem(stem: str) -> bool:
    r = _table().get(stem)
    return r is not None and r < STEM_RANK and len(stem) >= MIN_STEM


def _derived(word: str, depth: int) -> bool:
    if depth > 2:
        return False
    for suffix, replacements in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < MIN_STEM - 1:
            continue
        base = word[: -len(suffix)]
        for replacement in replacements:
            if replacement == "@":
                if len(base) < 2 or base[-1] != base[-2]:
                    continue
                stem = base[:-1]
            else:
                stem = base + replacement
            if _listed_stem(stem) or _derived(stem, depth + 1):
                return True
    for prefix in _PREFIXES:
        rest = word[len(prefix) :].lstrip("-")
        if word.startswith(prefix) and len(rest) >= 4:
            if _listed_stem(rest) or _derived(rest, depth + 1):
                return True
    return False


@lru_cache(maxsize=1 << 18)
def _known(word: str) -> bool:
    if _table().index(word) >= 0:
        return True
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        return bool(parts) and all(_known(p) for p in parts)
    return _derived(word, 0)


def is_english(word: str) -> bool:
    """True when `word` (any case) is an English word or a regular form of one."""
    return _known(word.lower().replace("\u2019", "'"))
