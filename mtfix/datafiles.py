"""mtfix's shipped data files (`mtfix/data/`, and the phrase packs in `mtfix/rules/packs/`),
read one way: YAML, tab-separated tables and word lists.

A word list or table keeps one entry a line; blank lines and lines starting with `#` are
comments. A table's first line names its columns.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def read_bytes(name: str, folder: str = "data") -> bytes:
    """The bytes of `name` in `folder` of the `mtfix` package, both written with `/` (for
    cache keys that follow the data)."""
    return (resources.files("mtfix") / folder / name).read_bytes()


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


def yaml_loader():
    """The safe YAML loader class: libyaml's where it is built."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str):
    """YAML text, loaded safely (with libyaml's loader where it is built); raises YAMLError."""
    import yaml

    return yaml.load(text, Loader=yaml_loader())  # noqa: S506 - a safe loader


@cache
def yaml_data(name: str):
    """A YAML file, loaded safely once per process (the values are shared: do not change them)."""
    return parse_yaml(read_bytes(name).decode("utf-8"))
