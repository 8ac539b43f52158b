"""`grammar.alternation` lays phrases out as a tree of shared beginnings; patterns built
from it must match exactly what the flat, longest-first alternation matches."""

from __future__ import annotations

import random
import re

import pytest

from mtfix.rules.grammar import alternation

WORDS = ["no", "No", "NO", "one", "one's", "body", "nobody", "Abadi", "al-Abadi", "a", "ab", "Ab"]


def _flat(phrases):
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(r"[ \t]+".join(map(re.escape, p.split())) for p in ordered)


@pytest.mark.parametrize("seed", range(150))
def test_tree_matches_like_the_flat_alternation(seed):
    rng = random.Random(seed)
    phrases = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 3)))
        for _ in range(rng.randrange(1, 12))
    ]
    gaps = [" ", "  ", "\t", "-", "", ". "]
    text = "".join(rng.choice(WORDS) + rng.choice(gaps) for _ in range(80))
    for template in ("(?:{})", r"\b(?:{})\b", "(?i:{})", r"(?P<x>{})(?:[ \t]+(?:{}))?"):
        tree = re.compile(template.format(alternation(phrases), alternation(phrases)))
        flat = re.compile(template.format(_flat(phrases), _flat(phrases)))
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_shared_beginnings_are_read_once():
    assert alternation(["Lavrov", "Lavrova"]) == "Lavrov(?:a|)"
    assert alternation(["no one", "nobodies"]) == r"no(?:bodies|[ \t]+one)"
    assert alternation(["Abadi", "al-Abadi"]) == r"(?:al\-Abadi|Abadi)"
    assert alternation([]) == ""
