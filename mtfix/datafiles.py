"""mtfix's shipped data files (`mtfix/data/`), read one way: YAML, tab-separated tables and
word lists.

A word list or table keeps one entry a line; blank lines and lines starting with `#` are
comments. A table's first line names its columns.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def read_bytes(name: str) -> bytes:
    """The file's bytes (for cache keys that follow the data)."""
    return (resources.files("mtfix") / "data" / name).read_bytes()


def lines(name: str) -> tuple[str, ...]:
    """The file's lines that are not blank or comments, stripped of the line end."""
    text = read_bytes(name).decode("utf-8")
    return tuple(line.rstrip("\r") for line in text.splitlines() if line.strip() and not line.startswith("#"))


def words(name: str) -> frozenset[str]:
    """A word list: one entry a line, stripped."""
    return frozenset(line.strip() for line in lines(name))


def table(name: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """A tab-separated table: its column names and its rows."""
    header, *rows = (tuple(line.split("\t")) for line in lines(name))
    return header, tuple(rows)


@cache
def yaml_data(name: str):
    """A YAML file, loaded safely once per process (the values are shared: do not change them)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(read_bytes(name).decode("utf-8"), Loader=loader)  # noqa: S506 - a safe loader
