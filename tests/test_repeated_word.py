"""SP001 spells its letter class out as the letters of the text; it must match what
`REPEATED` (a Unicode category, case ignored) matches."""

from __future__ import annotations

import random

import pytest

from mtfix.rules import spelling

PIECES = [
    "the", "The", "THE", "Ⅻ", "ⅻ", "K", "k", "İ", "i", "ı", "ſ", "s", "Σ", "σ", "ς", "é", "É",
    "ǅ", "ǆ", "Ǆ", "x5", "_a", "ß", "SS", "ﬀ", "Ω", "Ω", "Кремль", "кремль", "1",
]


@pytest.mark.parametrize("seed", range(100))
def test_repeated_in_matches_repeated(seed):
    rng = random.Random(seed)
    for _ in range(20):
        text = "".join(
            rng.choice(PIECES) + rng.choice(["", " ", "  ", "\t", "-", "\n"])
            for _ in range(rng.randrange(1, 14))
        )
        pattern = spelling._repeated_in(text)
        expected = [(m.span(), m.groups()) for m in spelling.REPEATED.finditer(text)]
        assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == expected
