"""Whole-document string work a block at a time gives what Python gives at once."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mtfix import bigtext

TEXTS = st.text(alphabet="aZΣσς İ\n\r.'\u0301ÄÖ", max_size=60)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(min_value=1, max_value=9))
def test_lowering_a_block_at_a_time_is_str_lower(text, block):
    """Final sigma keeps its form at a block's edge: blocks end after a space or line break."""
    saved = bigtext.BLOCK
    bigtext.BLOCK = block
    try:
        assert bigtext.lower(text) == text.lower()
    finally:
        bigtext.BLOCK = saved


def test_a_long_text_without_a_blank_is_lowered_whole():
    text = "ΣΑΣ" * (bigtext.BLOCK // 3 + 5)
    assert bigtext.lower(text) == text.lower()


@given(TEXTS)
def test_non_ascii_are_the_characters_past_ascii(text):
    assert bigtext.non_ascii(text) == {ch for ch in text if ord(ch) > 127}
