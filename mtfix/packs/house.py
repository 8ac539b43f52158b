"""House packs: the pack files a configuration (`packs = [...]`) or `--pack FILE` names,
each read once per process (again when the file changes) and turned into a rule."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from mtfix import files
from mtfix.packs.rule import PackRule, rule_class
from mtfix.packs.schema import PackError, parse_pack


def load(path: Path) -> type[PackRule]:
    """The rule of the pack file `path`; PackError naming the file (and line) when it is
    missing, unreadable or malformed."""
    try:
        stat = path.stat()
    except OSError as err:
        raise PackError(f"{path}: cannot read pack ({err.strerror})") from None
    return _load(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _load(path: Path, mtime: int, size: int) -> type[PackRule]:
    try:
        data = files.read(path)[0]
    except files.FileRefused as err:
        raise PackError(str(err)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise PackError(f"{path}: a pack is UTF-8 text") from None
    return rule_class(parse_pack(text, str(path)))


def rules(paths: tuple[Path, ...]) -> tuple[type[PackRule], ...]:
    """The rules of the house packs `paths`; PackError when a code is a shipped rule's or
    two packs declare the same one."""
    from mtfix.registry import all_rules

    shipped = all_rules()
    found: dict[str, Path] = {}
    loaded = []
    for path in paths:
        rule = load(path)
        if rule.code in shipped:
            raise PackError(f"{path}: code {rule.code} is the shipped rule {shipped[rule.code].name}'s; choose another")
        if rule.code in found and found[rule.code] != path:
            raise PackError(f"{path}: code {rule.code} is already declared by the pack {found[rule.code]}")
        if rule.code not in found:
            found[rule.code] = path
            loaded.append(rule)
    return tuple(loaded)
