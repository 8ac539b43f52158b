"""CN001 reads only the words that can have two spellings; it must find what reading every
word finds. The word-by-word scans below are the reference."""

from __future__ import annotations

import random
import re
from collections import defaultdict

import pytest

from mtfix.model import Span
from mtfix.rules import consistency as cn

WORDS = (
    "cyber security cybersecurity Cybersecurity cyber-security Cyber-security CyberSecurity "
    "CYBERSECURITY e-mail email E-mail Email health care healthcare Health Care the of and "
    "Korean Peninsula peninsula PENINSULA President Vladimir Putin vladimir x-cyber --cyber "
    "per cent percent Per co-operation cooperation resign re-sign set up setup every day "
    "everyday Émail émail Éclair éclair İstanbul istanbul ſecurity Σigma σigma a I it up"
).split()
GAPS = [
    " ", " ", " ", "  ", "\t", "\u00a0", ", ", ". ", "\n", "\n\n", " (", "“", "” ", "-", "--",
    " 5 ", "'s ",
]


FILLER = "the talks on were held in a and with their".split()
PHRASES = [
    "Korean Peninsula", "Korean peninsula", "Korean  peninsula", "Korean pEninsula",
    "Korean Peninsula Talks", "Health Care", "Health care", "Émile Zola", "Émile zola",
    "the Korean\u00a0Peninsula", "Korean-Peninsula", "İstanbul Port", "İstanbul port",
]


def _text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randrange(2, 60)):
        choice = rng.random()
        if choice < 0.4:
            parts.append(rng.choice(FILLER))
        elif choice < 0.6:
            parts.append(rng.choice(PHRASES))
        else:
            parts.append(rng.choice(WORDS))
        parts.append(rng.choice(GAPS))
    return "".join(parts)


def _spans(rng: random.Random, text: str) -> list[Span]:
    if rng.random() < 0.5:
        return [Span(0, len(text))]
    cuts = sorted(rng.randrange(len(text) + 1) for _ in range(4))
    return [Span(cuts[0], cuts[1]), Span(cuts[2], cuts[3])]


def _reference_compounds(text, spans):
    return cn.written_two_ways(cn._scan_compounds(text, spans))


def _title_case_line(text, offset):
    """Whether the line holding `offset` is a headline in title case, read afresh."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    words = [w for w in cn.WORD.findall(text, start, end if end >= 0 else len(text)) if len(w) > 3]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _reference_case_pairs(text, spans):
    """Every pair of consecutive words, read one by one."""
    pairs = defaultdict(list)
    for span in spans:
        words = list(cn.WORD.finditer(text, span.start, span.end))
        for first, second, after in zip(words, words[1:], [*words[2:], None]):
            a, b = first[0], second[0]
            if not (a[:1].isupper() and a[1:2].islower()) or not b[:1].isalpha():
                continue
            if not cn._BLANKS.fullmatch(text[first.end() : second.start()]):
                continue
            if cn._sentence_start(text, first.start()) or cn._sentence_start(
                text, second.start()
            ):
                continue
            if _title_case_line(text, first.start()):
                continue
            if b[:1].isupper() and not b[1:].islower():
                continue
            if (
                b[:1].isupper()
                and after is not None
                and after[0][:1].isupper()
                and cn._BLANKS.fullmatch(text[second.end() : after.start()])
            ):
                continue
            if b[:1].isupper() and cn._ends_name(text, first.start()):
                continue
            pairs[(a, b.lower())].append((first.start(), second.end(), f"{a} {b}"))
    return {k: v for k, v in pairs.items() if len({item[2] for item in v}) > 1}


def _two_spellings(pairs):
    return {k: v for k, v in pairs.items() if len({item[2] for item in v}) > 1}


@pytest.mark.parametrize("seed", range(300))
def test_fast_scans_match_the_word_by_word_reference(seed):
    rng = random.Random(seed)
    text = _text(rng)
    spans = _spans(rng, text)
    assert cn.compound_variants(text, spans) == _reference_compounds(text, spans)
    assert _two_spellings(cn._case_pairs(text, spans)) == _reference_case_pairs(text, spans)


def test_reference_finds_variants_in_the_generated_texts():
    """The generated texts do exercise both kinds of variant (else the test above is idle)."""
    compounds = cases = 0
    for seed in range(300):
        rng = random.Random(seed)
        text = _text(rng)
        spans = _spans(rng, text)
        compounds += bool(_reference_compounds(text, spans))
        cases += bool(_reference_case_pairs(text, spans))
    assert compounds > 30 and cases > 30


def test_sentence_start():
    text = 'One. "(Two three\nFour'
    assert cn._sentence_start(text, 0)
    assert cn._sentence_start(text, text.index("Two"))
    assert not cn._sentence_start(text, text.index("three"))
    assert cn._sentence_start(text, text.index("Four"))


def test_word_pattern_matches_word():
    text = "Émile's co-op, naïve--Straße ſ İ 5-x Ⅻ x_y"
    assert cn._words_of(text).findall(text) == cn.WORD.findall(text)
    assert re.fullmatch(cn._words_of("abc").pattern, "abc")
