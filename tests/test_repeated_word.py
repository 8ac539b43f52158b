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


def test_a_pair_the_source_repeats_itself_is_left_alone():
    from mtfix import engine, formats
    from mtfix.config import parse

    settings = parse({"select": ["SP001"]}, None)
    repeated = "Они бегут и бегут до утра.\tThey run and run until morning.\n"
    synonyms = "Они бегут и спешат до утра.\tThey run and run until morning.\n"
    assert engine.check(formats.parse(repeated, "tsv"), settings) == []
    assert [i.message for i in engine.check(formats.parse(synonyms, "tsv"), settings)] == [
        "`run` is joined to itself by `and`; a synonym was probably lost"
    ]
