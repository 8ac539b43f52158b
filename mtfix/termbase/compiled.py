"""A compiled glossary: one Aho-Corasick automaton over the folded forms of every entry, what
each of its keys stands for, and the entries."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import count


@dataclass
class Compiled:
    """A compiled glossary: the automaton (folded key -> key number), each key's length and
    forms, and the entries the forms point to."""

    automaton: object
    keys: Sequence
    entries: Sequence


def automaton_of(words: Iterable[str]):
    """A pyahocorasick automaton that maps each of `words` to its position among them."""
    import ahocorasick

    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    deque(map(automaton.add_word, words, count()), maxlen=0)
    if len(automaton):
        automaton.make_automaton()
    return automaton
