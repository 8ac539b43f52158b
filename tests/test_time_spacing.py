"""WS001 reads a time's context from just before it, not from the start of its line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mtfix import engine, formats
from mtfix.config import parse
from mtfix.rules import spacing

PIECES = ["at", "At", "into", " ", "  ", "\t", "\n", "07: 10", "23:\t05", "-", ",", "(", "5", "x", "AROUND", "é"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(PIECES), max_size=14).map("".join))
def test_a_times_context_read_just_before_it_is_the_context_read_from_its_line_start(text):
    """What stands before a time is read from the blanks ahead of it (a line may be
    megabytes long), and WS001 decides as if it had read the whole line."""
    chosen = parse({"select": ["WS001"]}, None)
    found = {i.span.start for i in engine.check(formats.parse(text, "text"), chosen)}
    for m in spacing.TIME.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        whole_line = spacing.TIME_CONTEXT.search(text, line_start, m.start()) is not None
        assert (m.start("gap") in found) == whole_line
