"""`scan.finditer` tries a pattern only where a match can start; it must find exactly what
`pattern.finditer` finds."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from mtfix import scan
from mtfix.document import Document
from mtfix.model import Span
from mtfix.rules import casing, locale, punctuation, spacing, spelling
from mtfix.rules.phrases import load_pack, shipped


@pytest.fixture(autouse=True)
def _read_every_text(monkeypatch):
    """Plans are used from the first character here, so short test texts exercise them."""
    monkeypatch.setattr(scan, "LONG_TEXT", 0)

DATA = Path(__file__).parent / "data"


def _matches(iterator):
    return [(m.span(), m.groups()) for m in iterator]


def _same(pattern, text, start=0, end=None):
    end = len(text) if end is None else end
    expected = _matches(pattern.finditer(text, start, end))
    found = _matches(scan.finditer(pattern, scan.Text(text), start, end))
    assert found == expected, pattern.pattern


def _rule_patterns():
    patterns = [
        entry.pattern
        for folder, name in shipped()
        for entry in load_pack(folder, name).entries
    ]
    for module in (casing, locale, punctuation, spacing, spelling):
        patterns += [v for v in vars(module).values() if isinstance(v, re.Pattern)]
    return patterns


def _pack_examples() -> str:
    lines = []
    for folder, name in shipped():
        for entry in load_pack(folder, name).entries:
            lines += [entry.bad, entry.good, entry.bad.upper(), entry.bad.lower()]
    return "\n".join(lines)


@pytest.mark.parametrize("source", ["examples", "reference", "mt"])
def test_rule_patterns_find_what_a_scan_finds(source):
    if source == "examples":
        text = _pack_examples()
    elif source == "reference":
        text = (DATA / "wmt14-ref-slice.en").read_text(encoding="utf-8")
    else:
        text = (DATA / "mlqe-pe-dev-100.mt").read_text(encoding="utf-8")
    text += "\nIn 2015 year. 5 mln rub. 13.04.2017 07: 10 «quoted» He can not go , said he.\n"
    for pattern in _rule_patterns():
        _same(pattern, text)
        _same(pattern, text, len(text) // 3, 2 * len(text) // 3)


def test_single_spaces_make_blanks_part_of_the_literal():
    pattern = re.compile(r"\bat[ \t]+the[ \t]+present[ \t]+time\b")
    rare, anchors = scan._plan(pattern).spaced
    assert anchors == (scan.Literal("at the present time", 0, 0, True),)
    assert scan.Text("at the present time").single_blanks
    assert not scan.Text("at the  present time").single_blanks
    for text in ["at the present time", "at the present\ttime", "at\u00a0the present time"]:
        _same(pattern, "x " + text + " y")


def test_runs_of_blanks_stretch_the_distance_to_the_literal():
    pattern = re.compile(r"\bat[ \t]+the[ \t]+present[ \t]+time\b")
    plan = scan._plan(pattern)
    assert plan.stretchy and plan.anchors == (scan.Literal("present", 7, 7, True),)
    for text in ["at the present time", "at \t the  present\t\ttime", "at the present  time"]:
        _same(pattern, "x " + text + " y")


def test_patterns_starting_with_a_range_of_other_letters():
    pattern = re.compile(r"(?<![\w])[\u0400-\u04ff]+(?:[\s-]+[\u0400-\u04ff]+)*(?![\w])")
    assert scan._plan(pattern).first is not None
    _same(pattern, "The Кремль said; xКремль, Кремль-Москва\nдом 5 Ёлка ёлкаx «Спартак»")


def test_overlapping_occurrences_of_the_literal_are_tried():
    _same(re.compile(r"aba(?=c)"), "ababac abababac")
    _same(re.compile(r"that(?= hat)"), "thathat hat")


def test_the_literal_is_found_in_the_text():
    plan = scan._plan(re.compile(r"(?<!\bwas )\btold about\b(?![ \t]+\d)", re.I))
    assert plan.anchors == (scan.Literal("told about", 0, 0, False),)
    plan = scan._plan(re.compile(r"\b(?:in|at) the nearest (?:future|days)\b"))
    assert {lit.text for lit in plan.anchors} == {
        "in the nearest future", "in the nearest days", "at the nearest future",
        "at the nearest days",
    }
    assert scan._plan(re.compile(r"\w+")) is None
    assert scan._plan(re.compile(r"x?")) is None  # may match the empty string


def test_text_without_the_literal_is_not_scanned():
    pattern = re.compile(r"\bairdrome\b", re.I)
    assert scan._starts(scan._plan(pattern), scan.Text("no such word"), 0, 12) == []


def test_lowered_refuses_offsets_that_move_or_folds_it_cannot_see():
    assert scan.lowered("ABC") == "abc"
    assert scan.lowered("İstanbul") is None  # lower case has two characters
    assert scan.lowered("ſtill") is None  # IGNORECASE reads it as `s`
    assert scan.lowered("Ёлка") == "ёлка"


def test_document_finditer_over_segments():
    text = "He can not go. She can not stay. They can not."
    doc = Document(text, segments=[Span(0, 14), Span(20, len(text))])
    pattern = load_pack("en", "can-not").entries[0].pattern
    expected = [m.span() for s in doc.segments for m in pattern.finditer(text, s.start, s.end)]
    assert [m.span() for m in doc.finditer(pattern)] == expected


# Random patterns over a small alphabet: literals, classes, groups, alternation, repeats,
# lookarounds and back references, against random texts.
ALPHABET = "abAB -.\n1é  \t\u00a0٣"
PIECES = [
    "a", "b", "ab", "ba", "A", " ", "-", r"\.", "é", "[ab]", "[Aa]", "[^a]", ".", r"\d",
    r"\w", r"\b", "^", "$", r"\s", "[ \t]", "[ \t\u00a0]", "a b",
]


def _random_pattern(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randrange(1, 5)):
        kind = rng.random()
        if kind < 0.45 or depth > 2:
            piece = rng.choice(PIECES)
            if rng.random() < 0.3:  # repeats of single pieces only: no runaway backtracking
                piece = f"(?:{piece}){rng.choice(['?', '*', '+', '{1,3}', '{2}', '*?', '++'])}"
        elif kind < 0.6:
            piece = f"(?:{_random_pattern(rng, depth + 1)}|{_random_pattern(rng, depth + 1)})"
        elif kind < 0.7:
            piece = f"({_random_pattern(rng, depth + 1)})"
        elif kind < 0.8:
            piece = f"(?={_random_pattern(rng, depth + 1)})"
        elif kind < 0.85:
            piece = f"(?!{_random_pattern(rng, depth + 1)})"
        elif kind < 0.9:
            piece = rng.choice(["(?<=a)", "(?<!b)", "(?<=a )", "(?<![ab])"])
        else:
            piece = f"(?i:{_random_pattern(rng, depth + 1)})"
        parts.append(piece)
    return "".join(parts)


@pytest.mark.parametrize("seed", range(200))
def test_random_patterns_find_what_a_scan_finds(seed):
    rng = random.Random(seed)
    texts = ["".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 200))) for _ in range(3)]
    texts.append(re.sub("[ \t\u00a0]+", " ", texts[0]))  # single spaces: blanks are literal
    for _ in range(10):
        source = _random_pattern(rng)
        flags = rng.choice([0, re.I, re.M, re.I | re.M])
        try:
            pattern = re.compile(source, flags)
        except re.error:
            continue
        for text in texts:
            _same(pattern, text)
            if text:
                start = rng.randrange(len(text))
                _same(pattern, text, start, rng.randrange(start, len(text) + 1))


def test_holding_keeps_exactly_the_spans_in_which_a_scan_finds_a_match():
    """Segments without the pattern's literal are left out; the matches stay the same."""
    import random

    from mtfix.model import Span

    rng = random.Random(7)
    words = ["told about", "the", "mln", "Go to", "about", "tol", "d about", "x"]
    text = "".join(rng.choice(words) + rng.choice(" \n") for _ in range(3000))
    cuts = sorted(rng.sample(range(1, len(text)), 400))
    spans = [Span(a, b) for a, b in zip([0, *cuts], [*cuts, len(text)]) if rng.random() < 0.8]
    source = scan.Text(text)
    for pattern in (re.compile(r"\btold about\b"), re.compile("mln"), re.compile(r"(?i)go to"), re.compile(r"\bthe\b")):
        kept = scan.holding(pattern, source, spans)
        assert [s for s in spans if list(pattern.finditer(text, s.start, s.end))] == [
            s for s in kept if list(pattern.finditer(text, s.start, s.end))
        ]
        assert set(kept) <= set(spans)
    assert len(scan.holding(re.compile(r"\btold about\b"), source, spans)) < len(spans)


def test_a_short_text_is_scanned_as_usual(monkeypatch):
    monkeypatch.setattr(scan, "LONG_TEXT", 100)
    pattern = re.compile(r"\btold about\b")
    short, long = scan.Text("He told about it. " * 5), scan.Text("He told about it. " * 6)
    assert not short.long and long.long
    assert scan.literal_positions(pattern, short, 0, len(short.text)) is None
    assert scan.literal_positions(pattern, long, 0, len(long.text)) == [3 + 18 * i for i in range(6)]
    assert [m.span() for m in scan.finditer(pattern, short, 0, len(short.text))] == [
        m.span() for m in pattern.finditer(short.text)
    ]
