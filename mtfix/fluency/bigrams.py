"""How often two English words follow each other: the web bigram counts `wordsegment` ships
(the 286,000 pairs seen at least 100,000 times in a trillion words), kept as a lexicon table."""

from __future__ import annotations

import math
from array import array
from importlib import resources

from mtfix.lexicon import store

#: log10 of the smallest count listed: a pair not listed was seen less often than this.
FLOOR = 5.0


def _build():
    counts: dict[str, int] = {}
    text = (resources.files("wordsegment") / "bigrams.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        pair, _, count = line.rpartition("\t")
        key = pair.lower()
        counts[key] = counts.get(key, 0) + int(count)
    return list(counts), array("H", (round(100 * math.log10(c)) for c in counts.values())), b""


SOURCE = store.Source("english-bigrams", "wordsegment", "wordsegment", "bigrams.txt", _build)


def log_count(first: str, second: str) -> float | None:
    """log10 of how often the lower-case pair `first second` was seen, None below FLOOR."""
    value = store.table(SOURCE).get(f"{first} {second}")
    return None if value is None else value / 100
