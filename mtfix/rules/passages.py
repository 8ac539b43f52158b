"""Passages: where a document's consistency rules compare one term's spellings.

A file of many articles (a test set, a translation memory export, a day's news) is not one
document to a reader: `Kiev` in one story and `Kyiv` in another, forty stories later, is no
inconsistency anyone sees. Occurrences of one term are compared only within a passage: a run
of occurrences each less than `GAP` characters after the one before (about a page).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

#: Characters between two occurrences of a term beyond which they belong to different passages.
GAP = 4000


def passages(items: Iterable[T], start: Callable[[T], int], gap: int = GAP) -> Iterator[list[T]]:
    """`items` grouped into runs whose consecutive starts are less than `gap` apart, in text
    order."""
    run: list[T] = []
    last = None
    for item in sorted(items, key=start):
        at = start(item)
        if run and at - last >= gap:
            yield run
            run = []
        run.append(item)
        last = at
    if run:
        yield run
