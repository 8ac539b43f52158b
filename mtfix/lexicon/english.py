"""The English lexicon: wordfreq's English word list plus regular English morphology.

`is_english("imbroglios")` and `is_english("indestructibly")` hold although only the stems are
listed. Derived forms are accepted only from stems that are frequent enough to be real words,
so that stripping a suffix does not turn a stray transliteration into English.
"""

from __future__ import annotations

from functools import cache, lru_cache

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


@cache
def ranks() -> dict[str, int]:
    """Lower-case English words and their frequency rank (0 = most frequent)."""
    from wordfreq import iter_wordlist

    words: dict[str, int] = {}
    for rank, word in enumerate(iter_wordlist("en")):
        if word.isascii() or word.replace("'", "").isalpha():
            words.setdefault(word.replace("\u2019", "'"), rank)
    return words


def rank(word: str) -> int | None:
    """Frequency rank of a listed word (any case), else None."""
    return ranks().get(word.lower().replace("\u2019", "'"))


def _listed_stem(stem: str) -> bool:
    r = ranks().get(stem)
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
    if word in ranks():
        return True
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        return bool(parts) and all(_known(p) for p in parts)
    return _derived(word, 0)


def is_english(word: str) -> bool:
    """True when `word` (any case) is an English word or a regular form of one."""
    return _known(word.lower().replace("\u2019", "'"))
