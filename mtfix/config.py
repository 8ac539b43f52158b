"""Configuration: `mtfix.toml` or `[tool.mtfix]` in `pyproject.toml`, validated strictly.

Defaults < the closest config file above the checked file < command-line options.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from mtfix import files
from mtfix.languages import PAIRS, pair
from mtfix.model import Severity
from mtfix.registry import redirected

LANGUAGE_PAIRS = tuple(PAIRS)
ENGLISH_VARIANTS = ("US", "UK")
DATE_STYLES = ("us", "uk", "iso")
KIEV_POLICIES = ("either", "kyiv")
TEXT_UNITS = ("line", "paragraph")


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know, resolved from defaults, file and command line."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    glossaries: tuple[Path, ...] = ()
    language_pair: str = "ru-en"
    english_variant: str = "US"
    date_style: str = ""
    kiev_policy: str = "either"
    languagetool: str = ""
    include_fuzzy: bool = False
    text_units: str = "line"
    max_file_size: int = files.DEFAULT_LIMIT
    source: Path | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # Lists (and other iterables) where a caller passes them; Settings stay hashable.
        for name in ("select", "ignore", "severity"):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value.items() if isinstance(value, dict) else value))
        if self.severity and any(not isinstance(level, Severity) for _, level in self.severity):
            object.__setattr__(self, "severity", tuple((code, Severity(level)) for code, level in self.severity))
        if not isinstance(self.glossaries, tuple) or any(not isinstance(g, Path) for g in self.glossaries):
            object.__setattr__(self, "glossaries", tuple(Path(g) for g in self.glossaries))

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The configured severity for a rule code (longest prefix wins), else `default`."""
        best, chosen = -1, default
        for prefix, level in self.severity:
            prefix = redirected(prefix)
            if code.startswith(prefix) and len(prefix) > best:
                best, chosen = len(prefix), level
        return chosen

    @property
    def dates(self) -> str:
        """The English date style: explicit, else the variant's own (US: April 13, 2017)."""
        return self.date_style or ("us" if self.english_variant == "US" else "uk")

    @property
    def reading(self):
        """How files are read into units under these settings."""
        from mtfix.document import Reading

        return Reading(include_fuzzy=self.include_fuzzy, text_units=self.text_units)

    def merged(self, **overrides: Any) -> Settings:
        """A copy with the non-empty command-line overrides applied."""
        return replace(self, **{k: v for k, v in overrides.items() if v not in (None, (), False)})


_KEYS = {
    "select", "ignore", "severity", "glossaries", "language-pair", "english-variant", "date-style", "kiev-policy",
    "languagetool", "include-fuzzy", "text-units", "max-file-size",
}


def _string_list(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: `{key}` must be a list of strings")
    return tuple(value)


def _choice(value: Any, key: str, where: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise ConfigError(f"{where}: `{key}` must be one of {', '.join(choices)}, not {value!r}")
    return value


def languagetool_target(value: Any, key: str, where: str) -> str:
    """`local`, a LanguageTool server's URL, or "" for `off`."""
    from mtfix.languagetool.target import parse_target

    if not isinstance(value, str):
        raise ConfigError(f"{where}: `{key}` must be a string: local, off or a server URL")
    try:
        return parse_target(value)
    except ValueError as err:
        raise ConfigError(f"{where}: `{key}`: {err}") from None


def file_size(value: Any, key: str, where: str) -> int:
    """A size limit in bytes: a whole number, or a string such as "64MB" or "512kB"."""
    try:
        return files.parse_size(value)
    except ValueError as err:
        raise ConfigError(f"{where}: `{key}`: {err}") from None


def check_glossary(path: Path, key: str, where: str) -> None:
    """Fail unless the glossary `path` is a regular file within the default size limit."""
    if not os.path.lexists(path):
        raise ConfigError(f"{where}: `{key}` names a missing file {path}")
    try:
        files.check(path)
    except files.FileRefused as err:
        raise ConfigError(f"{where}: `{key}`: {err}") from None


def check_selectors(selectors: tuple[str, ...], key: str, where: str) -> None:
    """Fail on a code or prefix that selects no rule (LanguageTool's `LT:<RULE_ID>` are open)."""
    from mtfix.selection import unknown

    if (selector := unknown(selectors)) is not None:
        raise ConfigError(f"{where}: `{key}` names unknown rule code {selector!r}")


def parse(table: dict[str, Any], path: Path) -> Settings:
    """Validate one `[tool.mtfix]` table (or a whole `mtfix.toml`) into Settings."""
    where = str(path)
    for key in table:
        if key not in _KEYS:
            raise ConfigError(f"{where}: unknown key `{key}` (known: {', '.join(sorted(_KEYS))})")
    settings: dict[str, Any] = {"source": path}
    for key in ("select", "ignore"):
        if key in table:
            settings[key] = _string_list(table[key], key, where)
            check_selectors(settings[key], key, where)
    if "severity" in table:
        levels = table["severity"]
        if not isinstance(levels, dict):
            raise ConfigError(f"{where}: `severity` must be a table of CODE = level")
        check_selectors(tuple(levels), "severity", where)
        names = tuple(s.value for s in Severity)
        settings["severity"] = tuple(
            (code, Severity(_choice(level, f"severity.{code}", where, names)))
            for code, level in levels.items()
        )
    if "glossaries" in table:
        paths = _string_list(table["glossaries"], "glossaries", where)
        settings["glossaries"] = tuple((path.parent / p).resolve() for p in paths)
        for glossary in settings["glossaries"]:
            check_glossary(glossary, "glossaries", where)
    if "language-pair" in table:
        settings["language_pair"] = _choice(
            table["language-pair"], "language-pair", where, LANGUAGE_PAIRS
        )
    if "english-variant" in table:
        settings["english_variant"] = _choice(
            table["english-variant"], "english-variant", where, ENGLISH_VARIANTS
        )
    if "date-style" in table:
        settings["date_style"] = _choice(table["date-style"], "date-style", where, DATE_STYLES)
    if "kiev-policy" in table:
        settings["kiev_policy"] = _choice(table["kiev-policy"], "kiev-policy", where, KIEV_POLICIES)
        name = settings.get("language_pair", Settings.language_pair)
        if "kiev-policy" not in pair(name).policies:
            raise ConfigError(f"{where}: `kiev-policy` does not apply to the {name} pair")
    if "languagetool" in table:
        settings["languagetool"] = languagetool_target(table["languagetool"], "languagetool", where)
    if "include-fuzzy" in table:
        if not isinstance(table["include-fuzzy"], bool):
            raise ConfigError(f"{where}: `include-fuzzy` must be true or false")
        settings["include_fuzzy"] = table["include-fuzzy"]
    if "text-units" in table:
        settings["text_units"] = _choice(table["text-units"], "text-units", where, TEXT_UNITS)
    if "max-file-size" in table:
        settings["max_file_size"] = file_size(table["max-file-size"], "max-file-size", where)
    return Settings(**settings)


def load(path: Path) -> Settings:
    """Read settings from `mtfix.toml` or from `[tool.mtfix]` in a `pyproject.toml`."""
    if sys.version_info >= (3, 11):  # loaded here: most runs find no config file
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(_read(path).decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("mtfix", {})
    return parse(data, path)


def find(start: Path) -> Path | None:
    """The closest `mtfix.toml`, or `pyproject.toml` with `[tool.mtfix]`, at or above `start`."""
    return _find_from((start if start.is_dir() else start.parent).resolve())


@lru_cache(maxsize=1024)
def _find_from(folder: Path) -> Path | None:
    """`find` for one folder, remembered: a run over a tree reads each pyproject.toml once.
    A config name there that is not a regular file (a FIFO, a device) is found, and `load`
    refuses it; a folder this user may not search has none."""
    if os.path.exists(folder / "mtfix.toml"):
        return folder / "mtfix.toml"
    pyproject = folder / "pyproject.toml"
    if os.path.exists(pyproject) and b"[tool.mtfix]" in _read(pyproject):
        return pyproject
    return None if folder.parent == folder else _find_from(folder.parent)


def _read(path: Path) -> bytes:
    """A config file's bytes; ConfigError naming it when it is not a regular file within the
    default size limit, or cannot be read."""
    try:
        return files.read(path)[0]
    except files.FileRefused as err:
        raise ConfigError(str(err)) from None
