"""English verbs of speech, one list (`mtfix/data/english-speech-verbs.tsv`) for every rule
that finds who said something."""

from __future__ import annotations

from functools import cache

from mtfix import datafiles

DATA = "english-speech-verbs.tsv"


@cache
def _rows() -> tuple[tuple[str, bool], ...]:
    """Each verb, and whether the statement it reports follows it straight."""
    header, rows = datafiles.table(DATA)
    verb, clause = header.index("verb"), header.index("clause")
    return tuple((row[verb], row[clause] == "yes") for row in rows)


def verbs() -> frozenset[str]:
    """Every verb of speech: `said`, `added`, `told`."""
    return frozenset(verb for verb, _ in _rows())


def reporting_verbs() -> frozenset[str]:
    """The verbs followed straight by the statement they report, its subject first:
    `said Moscow is ready`, not `told Lavrov`."""
    return frozenset(verb for verb, clause in _rows() if clause)
