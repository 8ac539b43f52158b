"""The shipped packs: each `mtfix/rules/packs/<folder>/*.yml` is a rule, declared in the file
(code, name, summary, category, severity, pairs) and checked by `mtfix.packs` without a
Python class of its own. The format is in docs/packs.md; a file is read and validated once
per process, when the rules are first listed."""

from __future__ import annotations

from functools import cache
from importlib import resources

from mtfix import datafiles
from mtfix.packs.rule import rule_class
from mtfix.packs.schema import Pack, PackError, parse_pack
from mtfix.registry import register

FOLDER = "rules/packs"


@cache
def load_pack(folder: str, name: str) -> Pack:
    """The shipped pack `name` of `folder` (`ru-en`), read and validated once per process."""
    where = f"mtfix/{FOLDER}/{folder}/{name}.yml"
    try:
        text = datafiles.read_bytes(f"{folder}/{name}.yml", folder=FOLDER).decode("utf-8")
    except FileNotFoundError:
        raise PackError(f"{where}: no such pack") from None
    return parse_pack(text, where)


def shipped() -> list[tuple[str, str]]:
    """(folder, name) of every shipped pack, in order."""
    root = resources.files("mtfix").joinpath(*FOLDER.split("/"))
    return sorted(
        (folder.name, item.name.removesuffix(".yml"))
        for folder in root.iterdir()
        if folder.is_dir()
        for item in folder.iterdir()
        if item.name.endswith(".yml")
    )


for _folder, _name in shipped():
    register(rule_class(load_pack(_folder, _name)))
