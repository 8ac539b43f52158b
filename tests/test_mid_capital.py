"""CA001 tries its pattern only before capitalised sentence words; it must find what a
scan of the whole text finds."""

from __future__ import annotations

import random

import pytest

from mtfix.rules import casing

PIECES = [
    "the truth", "And", "But", "The", "In", "it's", "don’t", "x", "(US - Ed.)", "(see above.)",
    "(a (b) c)", "Hague", "we", "They", "called", "'tis", "o'clock", "McDonald", "5", ".", ",",
    "Its", "Itself", "Then", "ThE", "-", "e.g.", "(", ")",
]
GAPS = [" ", " ", "  ", "\t", "\n", ", ", ". ", ""]


@pytest.mark.parametrize("seed", range(200))
def test_mid_capitals_match_a_scan(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(PIECES) + rng.choice(GAPS) for _ in range(rng.randrange(1, 40)))
    start = rng.randrange(len(text) + 1)
    end = rng.randrange(start, len(text) + 1)
    for lo, hi in ((0, len(text)), (start, end)):
        expected = [(m.span(), m.groups()) for m in casing.MID_CAPITAL.finditer(text, lo, hi)]
        found = [(m.span(), m.groups()) for m in casing._mid_capitals(text, lo, hi)]
        assert found == expected
