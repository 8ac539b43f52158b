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


def _fixed(line: str) -> str:
    from mtfix import engine, formats
    from mtfix.config import parse

    settings = parse({"select": ["CA001"]}, None)
    return engine.fix(formats.parse(line, "tsv"), settings, unsafe=True).document.raw


def test_a_lost_full_stop_is_put_back_when_the_source_has_one_more_sentence():
    line = "Выручка выросла до 90 млрд. Лидерами стали казуальные игры.\tRevenue rose to 90 billion The leaders were casual games.\n"
    assert _fixed(line).endswith("Revenue rose to 90 billion. The leaders were casual games.\n")


def test_a_capital_is_lowered_when_the_source_has_no_more_sentences():
    line = "Это значит, что он покинул партию.\tThis means that He left the party.\n"
    assert _fixed(line).endswith("This means that he left the party.\n")


def test_a_preposition_is_a_warning_only_when_the_source_shows_the_lost_break():
    from mtfix import engine, formats
    from mtfix.config import parse

    settings = parse({"select": ["CA001"]}, None)
    lost = "Выручка выросла. Для этого есть причины.\tRevenue rose For this there are reasons.\n"
    kept = "Выручка выросла для этого.\tRevenue rose For this there are reasons.\n"
    assert [i.severity.value for i in engine.check(formats.parse(lost, "tsv"), settings)] == ["warning"]
    assert [i.severity.value for i in engine.check(formats.parse(kept, "tsv"), settings)] == ["info"]
