"""The word diff of the review page and the charts beside it."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from mtfix.report import charts
from mtfix.report.redline import DELETE, EQUAL, INSERT, ops

_TEXT = st.lists(st.sampled_from(list("ab c,.\n:«»") + ["the", " 07", "  "]), max_size=20).map("".join)


@given(_TEXT, _TEXT)
def test_both_texts_come_back(before, after):
    runs = ops(before, after)
    assert "".join(t for k, t in runs if k != INSERT) == before
    assert "".join(t for k, t in runs if k != DELETE) == after
    assert all(t for _, t in runs)
    assert all(not (a == EQUAL and b == EQUAL) for (a, _), (b, _) in pairwise(runs))


def test_a_removed_space_shows():
    assert ops("at 07: 10", "at 07:10") == [(EQUAL, "at 07:"), (DELETE, " "), (EQUAL, "10")]


def test_a_rewritten_phrase_is_one_change():
    assert ops("The talks was very frank.", "The talks were frank.") == [
        (EQUAL, "The talks "), (DELETE, "was very"), (INSERT, "were"), (EQUAL, " frank."),
    ]
    assert ops("13.04.2017 at", "April 13, 2017 at")[:2] == [(DELETE, "13.04."), (INSERT, "April 13, ")]


def test_charts_escape_their_labels_and_say_what_each_bar_is():
    svg = str(charts.bars([('<img src=x onerror="a()">', 3), ("b & c", 1)], "By <rule>", kind="rule", keys=["X1"]))
    assert "<img" not in svg and "&lt;img src=x onerror=&#34;a()&#34;&gt;" in svg
    assert 'aria-label="By &lt;rule&gt;"' in svg
    assert 'data-kind="rule" data-value="X1"' in svg and 'data-value="b &amp; c"' in svg
    assert svg.count('class="bar') == 2
    histogram = str(charts.histogram([0, 5, 15, 100, 250], "TER", bins=10))
    assert histogram.count('class="bar"') == 10 and "<title>0–10: 2</title>" in histogram
    assert "<title>90–100: 2</title>" in histogram  # beyond the range: the last bin
    assert str(charts.scatter([(3, 50), (10, 120)], "TER by length")).count('class="dot"') == 2


def test_the_runs_are_difflibs(monkeypatch):
    """cydifflib computes the word diffs of the review and diff pages and of `mtfix diff`'s
    edits: on real MT and post-edits (and shuffled words, where many runs tie) they are the
    runs Python's difflib gives."""
    import difflib
    import random
    from pathlib import Path

    from mtfix import align
    from mtfix.report import redline

    data = Path(__file__).parent / "data"
    mt = (data / "mlqe-pe-dev-100.mt").read_text(encoding="utf-8").splitlines()
    pe = (data / "mlqe-pe-dev-100.pe").read_text(encoding="utf-8").splitlines()
    pairs = list(zip(mt, pe)) + [(line, " ".join(random.Random(n).sample(line.split(), len(line.split()))))
                                 for n, line in enumerate(pe)]
    fast = [(ops(a, b), align.token_edits(a, b)) for a, b in pairs]
    monkeypatch.setattr(redline, "SequenceMatcher", difflib.SequenceMatcher)
    monkeypatch.setattr(align, "SequenceMatcher", difflib.SequenceMatcher)
    assert fast == [(ops(a, b), align.token_edits(a, b)) for a, b in pairs]
