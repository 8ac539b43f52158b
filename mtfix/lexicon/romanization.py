"""Romanized text of a source language: map a Latin token back to the words it may spell.

A letter-group table (`mtfix/data/translit-<code>.tsv`) proposes Cyrillic for each Latin
group under several romanization schemes at once. The search walks the token left to right
and keeps only Cyrillic prefixes that begin some word of the language's lexicon (pymorphy3's
dictionary of word forms, then wordfreq's list), so the alternatives never explode. A compound
may restart the walk after a known stem (`хим` + `атакой`). One romanizer per language serves
the whole process.

A language's data files: `translit-<code>.tsv` (Latin groups and their Cyrillic),
`translit-<code>-schemes.tsv` (how each letter is written under each scheme; the first is the
one English text uses for names), `translit-<code>-prefixes.txt` (stems that open compounds),
`translit-<code>-endings.txt` (inflectional endings) and `translit-<code>-shape.txt` (letter
groups English spelling lacks).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING

from mtfix import datafiles

if TYPE_CHECKING:
    from mtfix.languages.profile import Language

#: Steps one token's search may take; keeps pathological tokens cheap.
MAX_STEPS = 6000
MIN_REMAINDER = 3
#: Letters a stem must have before an inflectional ending is tried on it.
MIN_STEM = 5
_LATIN = re.compile(r"^[a-z']+$")


@dataclass(frozen=True)
class Reading:
    """One word a Latin token may spell, with how the letters line up."""

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


@dataclass(frozen=True)
class Scheme:
    """One romanization scheme: each letter's Latin, the letters written otherwise at the
    start of a word (`^є`), and letter pairs written as one (`зг`)."""

    name: str
    letters: dict[str, str]
    initial: dict[str, str]
    pairs: dict[str, str]

    def translate(self, word: str) -> str:
        """`word` (lower case) in this scheme's Latin letters."""
        out, i = [], 0
        while i < len(word):
            pair = word[i : i + 2]
            if pair in self.pairs:
                out.append(self.pairs[pair])
                i += 2
                continue
            ch = word[i]
            at_start = i == 0 or not word[i - 1].isalpha()
            out.append(self.initial[ch] if at_start and ch in self.initial else self.letters.get(ch, ch))
            i += 1
        return "".join(out)


def schemes(code: str) -> tuple[Scheme, ...]:
    """The romanization schemes of language `code`, as `translit-<code>-schemes.tsv` lists them."""
    header, rows = datafiles.table(f"translit-{code}-schemes.tsv")
    found = []
    for column, name in enumerate(header[1:], 1):
        letters, initial, pairs = {}, {}, {}
        for row in rows:
            key, latin = row[0], row[column].replace("·", "")
            if key.startswith("^"):
                initial[key[1:]] = latin
            elif len(key) > 1:
                pairs[key] = latin
            else:
                letters[key] = latin
        found.append(Scheme(name, letters, initial, pairs))
    return tuple(found)


class _DictionaryWalk:
    """Prefix walk over pymorphy3's dictionary of word forms, byte by byte through
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
    when it runs on DAWG2, or wordfreq's list."""

    root = ""

    def __init__(self, name: str, words) -> None:
        self.name = name
        self._has_prefix = words.has_keys_with_prefix
        self.is_word = words.__contains__

    def step(self, state: str, cyrillic: str) -> str | None:
        prefix = state + cyrillic
        return prefix if self._has_prefix(prefix) else None


class _FrequencyWalk:
    """Prefix walk over wordfreq's list (sorted, searched by bisection)."""

    name = "wordfreq"
    root = ""

    def __init__(self, words: list[str]) -> None:
        self.words = words

    def step(self, state: str, cyrillic: str):
        prefix = state + cyrillic
        i = bisect.bisect_left(self.words, prefix)
        if i < len(self.words) and self.words[i].startswith(prefix):
            return prefix
        return None

    def is_word(self, state: str) -> bool:
        i = bisect.bisect_left(self.words, state)
        return i < len(self.words) and self.words[i] == state


class Romanizer:
    """How romanized words of one language read back into it, and how its words are romanized."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.code = language.code
        self.readings = lru_cache(maxsize=1 << 16)(self._readings)
        self._endings_of = lru_cache(maxsize=1 << 16)(self._spell_endings)

    @cached_property
    def table(self) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
        """Latin groups by first letter, longest first, each with its Cyrillic alternatives."""
        groups: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for latin, cyrillic in datafiles.table(f"translit-{self.code}.tsv")[1]:
            alternatives = tuple("" if a == "·" else a for a in cyrillic.split("|"))
            groups.setdefault(latin[0], []).append((latin, alternatives))
        return {k: tuple(sorted(v, key=lambda g: -len(g[0]))) for k, v in groups.items()}

    @cached_property
    def compound_stems(self) -> frozenset[str]:
        """Stems after which a compound word may start afresh."""
        import importlib

        known = importlib.import_module(f"pymorphy3.lang.{self.code}").KNOWN_PREFIXES
        own = datafiles.words(f"translit-{self.code}-prefixes.txt")
        return frozenset(own | {p for p in known if not p.endswith("-")})

    @cached_property
    def endings(self) -> frozenset[str]:
        """Inflectional endings, for words whose stem alone the dictionary confirms."""
        return datafiles.words(f"translit-{self.code}-endings.txt")

    @cached_property
    def _ending_prefixes(self) -> frozenset[str]:
        """Every beginning of an inflectional ending, the empty one included."""
        return frozenset(ending[:i] for ending in self.endings for i in range(len(ending) + 1))

    @cached_property
    def shape(self) -> re.Pattern[str]:
        """Letter groups and endings that English spelling does not have but romanized words
        of the language do."""
        return re.compile("|".join(datafiles.lines(f"translit-{self.code}-shape.txt")))

    @cached_property
    def _name_scheme(self) -> Scheme:
        return schemes(self.code)[0]

    def romanize(self, cyrillic: str) -> str:
        """Cyrillic in the spelling English text uses for names (Всеволожск: Vsevolozhsk,
        Запоріжжя: Zaporizhzhia), capitals kept."""
        latin = self._name_scheme.translate(cyrillic.lower())
        if cyrillic[:1].isupper():
            latin = latin[:1].upper() + latin[1:]
        return latin

    def shape_features(self, token: str) -> int:
        """How many features of the language's romanized words `token` shows (kh, zh, -ykh ...)."""
        return len(self.shape.findall(token.lower()))

    @cached_property
    def _dictionary_walk(self):
        words = self.language.lexicon().analyzer.dictionary.words
        return _DictionaryWalk(words) if hasattr(words, "dct") else _PrefixWalk("dictionary", words)

    @cached_property
    def _frequency_walk(self):
        lexicon = self.language.lexicon()
        words = lexicon.frequent_words_dawg
        return _FrequencyWalk(lexicon.frequent_words) if words is None else _PrefixWalk("wordfreq", words)

    def _spell_endings(self, latin: str) -> tuple[tuple[str, tuple[tuple[str, str], ...], int], ...]:
        """The Cyrillic spellings of a word's last letters that are inflectional endings, with
        how the letters line up and their cost; a spelling is abandoned as soon as no ending
        begins with it."""
        known, prefixes, groups = self.endings, self._ending_prefixes, self.table
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

    def _inflections(self, latin: str) -> dict[int, tuple[tuple[str, tuple[tuple[str, str], ...], int], ...]]:
        """For each position near the end, the spellings of the rest that are endings."""
        out = {}
        for pos in range(max(1, len(latin) - 4), len(latin)):
            spelled = self._endings_of(latin[pos:])
            if spelled:
                out[pos] = spelled
        return out

    def _search(self, latin: str, walk, stemmed: dict[str, Reading] | None = None) -> list[Reading]:
        groups = self.table
        stems = self.compound_stems
        found: dict[str, Reading] = {}
        steps = 0
        inflections = self._inflections(latin) if stemmed is not None else {}

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

    def _readings(self, token: str) -> tuple[Reading, ...]:
        """Words of the language (from a lexicon) that `token` may spell, cheapest mapping
        first. Dictionary word forms come first; wordfreq's list is asked only when the
        dictionary has none."""
        latin = token.lower().replace("\u2019", "'")
        if not _LATIN.match(latin) or len(latin) < 2:
            return ()
        stemmed: dict[str, Reading] = {}
        found = self._search(latin, self._dictionary_walk, stemmed)
        if not found:
            found = self._search(latin, self._frequency_walk)
        if not found:
            found = sorted(stemmed.values(), key=lambda r: (r.cost, r.cyrillic))
        return tuple(found)


@cache
def romanizer(language: Language) -> Romanizer:
    """The romanizer of `language`, one per process."""
    return Romanizer(language)
