"""What the fluency model knows about each token of a sentence.

Every feature is a name: the token's and its neighbours' frequency band, shape and (for the
2,000 most frequent English words and punctuation) identity; how much more or less often
each neighbouring pair of words is seen on the web than its words' frequencies predict; a
capital inside the sentence; and the sentence's length, its unusual pairs and its words that
are not English. A token's features are those of the words at offsets -2..2, of the pairs
around it and of its sentence, so a scorer can add up each part once (`mtfix.fluency.model`).
"""

from __future__ import annotations

from functools import lru_cache

from mtfix.fluency import bigrams
from mtfix.lexicon import english

OFFSETS = (-2, -1, 0, 1, 2)
#: The pairs a token's features look at, by name: (first, second) offsets.
PAIRS = (("L2", -2), ("L", -1), ("R", 0), ("R2", 1))
PAD = ("pad",)
IDENTITY_RANK = 2000
PAIR_IDENTITY_RANK = 300
RANK_BANDS = (30, 100, 300, 1000, 3000, 10000, 30000, 100000)
#: A pair this many powers of ten rarer than its words predict is unusual.
UNUSUAL = -1.0
_CLAUSE_BREAK = frozenset('.!?:;"“”«(—–-')


def _rank_band(rank: int | None) -> str:
    if rank is None:
        return "r-"
    for band, limit in enumerate(RANK_BANDS):
        if rank < limit:
            return f"r{band}"
    return f"r{len(RANK_BANDS)}"


def _shape(word: str) -> str:
    if word.islower():
        return "x"
    if word.isupper():
        return "X" if len(word) > 1 else "C"
    if word[0].isupper() and word[1:].islower():
        return "Xx"
    return "m"


@lru_cache(maxsize=1 << 16)
def _rank(word: str) -> int | None:
    return english.rank(word)


@lru_cache(maxsize=1 << 16)
def word_type(word: str) -> tuple[str, ...]:
    """The features of a word wherever it stands."""
    if not word[0].isalnum() and word[0] != "_":
        return (f"p{word[0]}",)
    if word[0].isdigit():
        return ("num",)
    rank = _rank(word)
    out = [_rank_band(rank), _shape(word)]
    if rank is not None and rank < IDENTITY_RANK:
        out.append(f"w={word.lower()}")
    if not english.is_english(word):
        out.append("foreign")
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def _zipf(word: str) -> float:
    return english.zipf(word) if word.isalpha() and word.isascii() else 0.0


@lru_cache(maxsize=1 << 17)
def _surprise(first: str, second: str) -> tuple[float, bool] | None:
    z1, z2 = _zipf(first), _zipf(second)
    if not z1 or not z2:
        return None
    expected = z1 + z2 - 6  # counts per trillion words, as the bigram table's
    seen = bigrams.log_count(first, second)
    return (bigrams.FLOOR if seen is None else seen) - expected, seen is not None


def surprise(first: str, second: str) -> float | None:
    """How many powers of ten more (positive) or less often the pair of lower-case words is
    seen than their frequencies predict; for a pair below the listing floor, at most that.
    None when either is not an English word of letters."""
    found = _surprise(first, second)
    return None if found is None else found[0]


@lru_cache(maxsize=1 << 17)
def pair_type(first: str, second: str) -> tuple[str, ...]:
    """The features of two adjacent tokens (lower-cased)."""
    return pair_facts(first, second)[0]


def pair_facts(first: str, second: str) -> tuple[tuple[str, ...], bool]:
    """The features of two adjacent tokens (lower-cased) and whether the pair is unusual,
    worked out together (the scorer keeps both per pair)."""
    out = []
    found = _surprise(first, second)
    if found is not None:
        value, listed = found
        out.append(f"{'s' if listed else 'a'}{max(-4, min(4, round(value)))}")
    r1, r2 = _rank(first), _rank(second)
    if _frequent(first, r1) and _frequent(second, r2):
        out.append(f"{first}|{second}")
    return tuple(out), found is not None and found[0] <= UNUSUAL


def _frequent(token: str, rank: int | None) -> bool:
    return (rank is not None and rank < PAIR_IDENTITY_RANK) or not token[0].isalnum()


def unusual(first: str, second: str) -> bool:
    value = surprise(first, second)
    return value is not None and value <= UNUSUAL


def capital_inside(words: list[str], i: int) -> bool:
    """A capitalised word inside a sentence, after a word."""
    return i > 0 and words[i][:1].isupper() and words[i - 1][-1] not in _CLAUSE_BREAK


def sentence_type(words: list[str]) -> tuple[str, ...]:
    """The features every token of a sentence shares."""
    lower = [w.lower() for w in words]
    odd = sum(unusual(a, b) for a, b in zip(lower, lower[1:]))
    foreign = sum("foreign" in word_type(w) for w in words if w[0].isalpha())
    return sentence_names(len(words), odd, foreign)


def sentence_names(words: int, odd: int, foreign: int) -> tuple[str, ...]:
    """The features of a sentence of `words` tokens with `odd` unusual pairs and `foreign`
    words that are not English."""
    size = next((i for i, limit in enumerate((4, 8, 16, 32)) if words < limit), 4)
    return (f"n{size}", f"u{min(odd, 4)}", f"o{min(foreign, 3)}")


def features(words: list[str]) -> list[list[str]]:
    """Each token's feature names, as the model was trained on them."""
    lower = [w.lower() for w in words]
    shared = [f"S{f}" for f in sentence_type(words)]
    out = []
    for i in range(len(words)):
        names = ["bias", *shared]
        for k in OFFSETS:
            j = i + k
            names += [f"{k}{f}" for f in (word_type(words[j]) if 0 <= j < len(words) else PAD)]
        for name, k in PAIRS:
            j = i + k
            if 0 <= j and j + 1 < len(words):
                names += [f"{name}{f}" for f in pair_type(lower[j], lower[j + 1])]
        if capital_inside(words, i):
            names.append("capital")
        out.append(names)
    return out
