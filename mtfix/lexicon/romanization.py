"""Romanized Russian: map a Latin token back to the Russian words it may spell.

The letter-group table (`mtfix/data/translit-ru.tsv`) proposes Cyrillic for each Latin group
under several romanization schemes at once. The search walks the token left to right and
keeps only Cyrillic prefixes that begin some word of a Russian lexicon (pymorphy3's
dictionary of word forms, then wordfreq's Russian list), so the alternatives never explode.
A compound may restart the walk after a known stem (`хим` + `атакой`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from mtfix.lexicon import russian

#: Steps one token's search may take; keeps pathological tokens cheap.
MAX_STEPS = 6000
MIN_REMAINDER = 3


def _data(name: str) -> list[str]:
    text = (resources.files("mtfix") / "data" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def table() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Latin groups by first letter, longest first, each with its Cyrillic alternatives."""
    groups: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for line in _data("translit-ru.tsv")[1:]:
        latin, cyrillic = line.split("\t")
        alternatives = tuple("" if a == "·" else a for a in cyrillic.split("|"))
        groups.setdefault(latin[0], []).append((latin, alternatives))
    return {k: tuple(sorted(v, key=lambda g: -len(g[0]))) for k, v in groups.items()}


@cache
def compound_stems() -> frozenset[str]:
    """Stems after which a Russian compound word may start afresh."""
    from pymorphy3.lang.ru import KNOWN_PREFIXES

    own = {line.strip() for line in _data("translit-ru-prefixes.txt")}
    return frozenset(own | {p for p in KNOWN_PREFIXES if not p.endswith("-")})


@cache
def endings() -> frozenset[str]:
    """Russian inflectional endings, for words whose stem alone the dictionary confirms."""
    return frozenset(line.strip() for line in _data("translit-ru-endings.txt"))


@cache
def _to_latin() -> dict[str, str]:
    pairs = (line.partition("\t") for line in _data("translit-ru-bgn.tsv")[1:])
    return {cyrillic: latin.strip() for cyrillic, _, latin in pairs}


def romanize(cyrillic: str) -> str:
    """Cyrillic in the plain BGN/PCGN-style spelling English news uses (Всеволожск: Vsevolozhsk)."""
    letters = _to_latin()
    out = []
    for ch in cyrillic:
        latin = letters.get(ch.lower(), ch)
        out.append(latin.capitalize() if ch.isupper() else latin)
    return "".join(out)


@dataclass(frozen=True)
class Reading:
    """One Russian word a Latin token may spell, with how the letters line up."""

    cyrillic: str
    cost: int
    pieces: tuple[tuple[str, str], ...]
    split: int = 0
    lexicon: str = "dictionary"

    @property
    def compound(self) -> bool:
        return self.split > 0

    def latin_for(self, cyrillic_prefix_length: int) -> str | None:
        """The part of the token that spelled the first `cyrillic_prefix_length` letters."""
        done, latin = 0, []
        for group, alternative in self.pieces:
            if done == cyrillic_prefix_length:
                return "".join(latin)
            done += len(alternative)
            latin.append(group)
            if done > cyrillic_prefix_length:
                return None
        return "".join(latin) if done == cyrillic_prefix_length else None


class _DictionaryWalk:
    """Prefix walk over pymorphy3's dictionary of Russian word forms, byte by byte through
    dawg-python's automaton (keys end with byte 0x01)."""

    name = "dictionary"

    def __init__(self, words) -> None:
        self.dawg = words.dct
        self.root = self.dawg.ROOT
        self._steps: dict[tuple[int, str], int | None] = {}

    def step(self, state, cyrillic: str):
        key = (state, cyrillic)
        try:
            return self._steps[key]
        except KeyError:
            found = self._steps[key] = self.dawg.follow_bytes(cyrillic.encode("utf-8"), state)
            return found

    def is_word(self, state) -> bool:
        return self.step(state, "\x01") is not None


class _PrefixWalk:
    """A walk by prefix queries to a DAWG of the DAWG2 extension, in C: pymorphy3's word forms
    when it runs on DAWG2, or wordfreq's Russian list."""

    root = ""

    def __init__(self, name: str, words) -> None:
        self.name = name
        self._has_prefix = words.has_keys_with_prefix
        self.is_word = words.__contains__

    def step(self, state: str, cyrillic: str) -> str | None:
        prefix = state + cyrillic
        return prefix if self._has_prefix(prefix) else None


def _dictionary_walk():
    words = russian.analyzer().dictionary.words
    return _DictionaryWalk(words) if hasattr(words, "dct") else _PrefixWalk("dictionary", words)


def _frequency_walk():
    words = russian.frequent_words_dawg()
    return _FrequencyWalk() if words is None else _PrefixWalk("wordfreq", words)


class _FrequencyWalk:
    """Prefix walk over wordfreq's Russian word list (sorted, searched by bisection)."""

    name = "wordfreq"

    def __init__(self) -> None:
        self.words = russian.frequent_words()
        self.root = ""

    def step(self, state: str, cyrillic: str):
        prefix = state + cyrillic
        i = bisect.bisect_left(self.words, prefix)
        if i < len(self.words) and self.words[i].startswith(prefix):
            return prefix
        return None

    def is_word(self, state: str) -> bool:
        i = bisect.bisect_left(self.words, state)
        return i < len(self.words) and self.words[i] == state


@cache
def _walk(make):
    """One walk of each kind per process, so the dictionary walk's steps are remembered."""
    return make()


@cache
def _ending_prefixes() -> frozenset[str]:
    """Every beginning of a Russian inflectional ending, the empty one included."""
    return frozenset(ending[:i] for ending in endings() for i in range(len(ending) + 1))


@lru_cache(maxsize=1 << 16)
def _endings_of(latin: str) -> tuple[tuple[str, tuple[tuple[str, str], ...], int], ...]:
    """The Cyrillic spellings of a word's last letters that are Russian inflectional endings,
    with how the letters line up and their cost; a spelling is abandoned as soon as no ending
    begins with it."""
    known, prefixes, groups = endings(), _ending_prefixes(), table()
    found = []

    def spell(pos: int, cyrillic: str, pieces: tuple[tuple[str, str], ...], cost: int) -> None:
        if pos == len(latin):
            if cyrillic in known:
                found.append((cyrillic, pieces, cost))
            return
        for group, alternatives in groups.get(latin[pos], ()):
            if latin.startswith(group, pos):
                for rank, alternative in enumerate(alternatives):
                    if cyrillic + alternative in prefixes:
                        spell(pos + len(group), cyrillic + alternative, (*pieces, (group, alternative)), cost + rank)

    spell(0, "", (), 0)
    return tuple(found)


def _inflections(latin: str) -> dict[int, tuple[tuple[str, tuple[tuple[str, str], ...], int], ...]]:
    """For each position near the end, the spellings of the rest that are Russian endings."""
    out = {}
    for pos in range(max(1, len(latin) - 4), len(latin)):
        spelled = _endings_of(latin[pos:])
        if spelled:
            out[pos] = spelled
    return out


MIN_STEM = 5


def _search(latin: str, walk, stemmed: dict[str, Reading] | None = None) -> list[Reading]:
    groups = table()
    stems = compound_stems()
    found: dict[str, Reading] = {}
    steps = 0
    inflections = _inflections(latin) if stemmed is not None else {}

    def visit(pos, state, cyrillic, pieces, cost, split):
        nonlocal steps
        steps += 1
        if steps > MAX_STEPS:
            return
        if pos in inflections and len(cyrillic) - split >= MIN_STEM:
            for ending, more, extra in inflections[pos]:
                word = cyrillic + ending
                if word not in stemmed or cost + extra + 2 < stemmed[word].cost:
                    stemmed[word] = Reading(word, cost + extra + 2, (*pieces, *more), split, "stem")
        if pos == len(latin):
            if walk.is_word(state) and (not split or len(cyrillic) - split >= MIN_REMAINDER):
                old = found.get(cyrillic)
                if old is None or cost < old.cost:
                    found[cyrillic] = Reading(cyrillic, cost, pieces, split, walk.name)
            return
        if not split and cyrillic in stems and len(latin) - pos >= MIN_REMAINDER:
            visit(pos, walk.root, cyrillic, pieces, cost + 1, len(cyrillic))
        for group, alternatives in groups.get(latin[pos], ()):
            if not latin.startswith(group, pos):
                continue
            for rank, alternative in enumerate(alternatives):
                after = walk.step(state, alternative) if alternative else state
                if after is not None:
                    visit(
                        pos + len(group),
                        after,
                        cyrillic + alternative,
                        (*pieces, (group, alternative)),
                        cost + rank + (len(group) == 1 and len(alternative.rstrip("ь")) > 1),
                        split,
                    )

    visit(0, walk.root, "", (), 0, 0)
    return sorted(found.values(), key=lambda r: (r.cost, r.cyrillic))


_LATIN = re.compile(r"^[a-z']+$")


@lru_cache(maxsize=1 << 16)
def readings(token: str) -> tuple[Reading, ...]:
    """Russian words (from a lexicon) that `token` may spell, cheapest mapping first.

    Dictionary word forms come first; wordfreq's Russian list is asked only when the
    dictionary has none.
    """
    latin = token.lower().replace("\u2019", "'")
    if not _LATIN.match(latin) or len(latin) < 2:
        return ()
    stemmed: dict[str, Reading] = {}
    found = _search(latin, _walk(_dictionary_walk), stemmed)
    if not found:
        found = _search(latin, _walk(_frequency_walk))
    if not found:
        found = sorted(stemmed.values(), key=lambda r: (r.cost, r.cyrillic))
    return tuple(found)


#: Endings and letter groups that English spelling does not have but romanized Russian does.
_RUSSIAN_SHAPE = re.compile(
    r"(?:shch|zh|kh|[^aeiou]yy|[^aeiou]iy|yy$|iy$|"
    r"(?:sk|ck|tsk|ov|ev|in|n|t|sh|ch|zh|kh)(?:aya|oye|iye|yye|ogo|omu|ykh|ikh|ymi|imi|oy|ym|uyu)$|"
    r"(?:ykh|ikh|akh|yakh|ami|yami|ogo|ego|yye|iye|uyu|yuyu|aya)$|"
    r"(?:[^aeiou](?:ov|ev)|sya|sj|tsya|[nkv](?:oe|ye|yj|ij)|[^aeiou]ny|nyy|[^aeiou]sk(?:y|iy|ij|ii))$|"
    r"^(?:vy|vz|vs|zv|sd)(?=[a-z]{3}))"
)


def russian_shape(token: str) -> int:
    """How many features of romanized Russian `token` shows (kh, zh, shch, -ykh, -skiy ...)."""
    return len(_RUSSIAN_SHAPE.findall(token.lower()))
