"""English verbs of speech, one list (`mtfix/data/english-speech-verbs.tsv`) for every rule
that finds who said something."""

from __future__ import annotations

from functools import cache

from mtfix import datafiles

DATA = "english-speech-verbs.tsv"


@cache
def _rows() -> tuple[tuple[str, bool, bool], ...]:
    """Each verb, whether the statement it reports follows it straight, and whether it
    reports speech only after a quotation and a dash."""
    header, rows = datafiles.table(DATA)
    verb, clause, use = header.index("verb"), header.index("clause"), header.index("use")
    return tuple((row[verb], row[clause] == "yes", row[use] == "dash") for row in rows)


def verbs() -> frozenset[str]:
    """Every verb of speech: `said`, `added`, `told`."""
    return frozenset(verb for verb, _, dash in _rows() if not dash)


def dash_verbs() -> frozenset[str]:
    """The verbs of speech and the words that report speech right after a quotation and a
    dash (`" - leads her words`)."""
    return frozenset(verb for verb, _, _ in _rows())


def reporting_verbs() -> frozenset[str]:
    """The verbs followed straight by the statement they report, its subject first:
    `said Moscow is ready`, not `told Lavrov`."""
    return frozenset(verb for verb, clause, dash in _rows() if clause and not dash)
