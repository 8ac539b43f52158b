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

from mtfix import files, tokenization
from mtfix.languages import PAIRS, pair
from mtfix.model import Severity
from mtfix.registry import redirected, selects, upper_code

LANGUAGE_PAIRS = tuple(PAIRS)
ENGLISH_VARIANTS = ("US", "UK")
DATE_STYLES = ("us", "uk", "iso")
KIEV_POLICIES = ("either", "kyiv")
TEXT_UNITS = ("line", "paragraph")
#: Folders and files a folder search skips unless `exclude` says otherwise (gitignore patterns).
DEFAULT_EXCLUDE = (".*", "node_modules", "venv", "__pycache__", "_build", "build", "dist", "site-packages")
#: Configuration file names, in the order one folder is searched.
CONFIG_FILES = (".mtfix.toml", "mtfix.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    """Everything a run needs to know, resolved from defaults, file and command line."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    glossaries: tuple[Path, ...] = ()
    packs: tuple[Path, ...] = ()
    language_pair: str = "ru-en"
    english_variant: str = "US"
    date_style: str = ""
    kiev_policy: str = "either"
    languagetool: str = ""
    languagetool_timeout: float = 600.0  # seconds a run's requests to LanguageTool may take in all
    include_fuzzy: bool = False
    text_units: str = "line"
    tokenized: str = "auto"
    max_file_size: int = files.DEFAULT_LIMIT
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    extension: tuple[tuple[str, str], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    respect_gitignore: bool = True
    source: Path | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # Lists (and other iterables) where a caller passes them; Settings stay hashable.
        for name in ("select", "ignore", "severity", "exclude", "extend_exclude", "extension", "per_file_ignores"):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value.items() if isinstance(value, dict) else value))
        if any(not isinstance(codes, tuple) for _, codes in self.per_file_ignores):
            object.__setattr__(self, "per_file_ignores", tuple((p, tuple(c)) for p, c in self.per_file_ignores))
        if self.severity and any(not isinstance(level, Severity) for _, level in self.severity):
            object.__setattr__(self, "severity", tuple((code, Severity(level)) for code, level in self.severity))
        for name in ("glossaries", "packs"):
            value = getattr(self, name)
            if not isinstance(value, tuple) or any(not isinstance(p, Path) for p in value):
                object.__setattr__(self, name, tuple(Path(p) for p in value))

    def severity_of(self, rule_id: str, default: Severity) -> Severity:
        """The configured severity for a rule code or `CODE:entry-id` (the longest selector
        that names it wins), else `default`."""
        best, chosen = -1, default
        for selector, level in self.severity:
            selector = redirected(selector)
            if selector != "ALL" and selects(selector, rule_id) and len(selector) > best:
                best, chosen = len(selector), level
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

    @property
    def root(self) -> Path:
        """The folder `exclude` and `per-file-ignores` patterns are relative to: the
        configuration file's, else the current one."""
        return self.source.parent if self.source else Path.cwd()

    def merged(self, **overrides: Any) -> Settings:
        """A copy with the non-empty command-line overrides applied."""
        return replace(self, **{k: v for k, v in overrides.items() if v not in (None, (), False)})


_KEYS = {
    "select", "ignore", "severity", "glossaries", "packs", "language-pair", "english-variant", "date-style", "kiev-policy",
    "languagetool", "languagetool-timeout", "include-fuzzy", "text-units", "max-file-size", "tokenized",
    "extend-select", "exclude", "extend-exclude", "extension", "per-file-ignores", "respect-gitignore",
}


def _string_list(value: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: `{key}` must be a list of strings")
    return tuple(value)


def _seconds(value: Any, key: str, where: str) -> float:
    """A positive, finite number of seconds."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < float("inf"):
        raise ConfigError(f"{where}: `{key}` must be a positive number of seconds, not {value!r}")
    return float(value)


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


def check_glossary(path: Path, key: str, where: str, limit: int | None = None) -> None:
    """Fail unless the glossary `path` is a regular file, within `limit` bytes when that is
    known (the run's max-file-size applies when the glossary is read)."""
    if not os.path.lexists(path):
        raise ConfigError(f"{where}: `{key}` names a missing file {path}")
    try:
        files.check(path, limit or sys.maxsize)
    except files.FileRefused as err:
        raise ConfigError(f"{where}: `{key}`: {err}") from None


def check_selectors(selectors: tuple[str, ...], key: str, where: str, packs: tuple[Path, ...] = ()) -> None:
    """Fail on a code, prefix or `CODE:entry-id` that selects no rule, shipped or of the
    house `packs` (LanguageTool's `LT:<RULE_ID>` are open)."""
    from mtfix.selection import unknown

    if (selector := unknown(selectors, house_rules(packs, key, where))) is not None:
        what = "pack entry" if ":" in selector and not selector.startswith("LT") else "rule code"
        raise ConfigError(f"{where}: `{key}` names unknown {what} {selector!r}")


def house_rules(packs: tuple[Path, ...], key: str, where: str) -> tuple:
    """The rules of the house pack files `packs`; ConfigError carrying the pack's own error
    (its file and line)."""
    if not packs:
        return ()
    from mtfix.packs.house import rules
    from mtfix.packs.schema import PackError

    try:
        return rules(packs)
    except PackError as err:
        raise ConfigError(f"{where}: `{key}`: {err}" if key == "packs" else str(err)) from None


def parse(table: dict[str, Any], path: Path) -> Settings:
    """Validate one `[tool.mtfix]` table (or a whole `mtfix.toml`) into Settings."""
    where = str(path)
    for key in table:
        if key not in _KEYS:
            raise ConfigError(f"{where}: unknown key `{key}` (known: {', '.join(sorted(_KEYS))})")
    settings: dict[str, Any] = {"source": path}
    if "packs" in table:
        paths = _string_list(table["packs"], "packs", where)
        settings["packs"] = packs = tuple((path.parent / p).resolve() for p in paths)
        house_rules(packs, "packs", where)
    packs = settings.get("packs", ())
    for key in ("select", "ignore", "extend-select"):
        if key in table:
            settings[key] = _string_list(table[key], key, where)
            check_selectors(settings[key], key, where, packs)
    if "extend-select" in settings:
        settings["select"] = settings.get("select", Settings.select) + settings.pop("extend-select")
    for key in ("exclude", "extend-exclude"):
        if key in table:
            settings[key.replace("-", "_")] = _patterns(table[key], key, where)
    if "extension" in table:
        settings["extension"] = _extensions(table["extension"], where)
    if "per-file-ignores" in table:
        settings["per_file_ignores"] = _per_file_ignores(table["per-file-ignores"], where, packs)
    if "respect-gitignore" in table:
        if not isinstance(table["respect-gitignore"], bool):
            raise ConfigError(f"{where}: `respect-gitignore` must be true or false")
        settings["respect_gitignore"] = table["respect-gitignore"]
    if "severity" in table:
        levels = table["severity"]
        if not isinstance(levels, dict):
            raise ConfigError(f"{where}: `severity` must be a table of CODE = level")
        check_selectors(tuple(levels), "severity", where, packs)
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
    if "languagetool-timeout" in table:
        settings["languagetool_timeout"] = _seconds(table["languagetool-timeout"], "languagetool-timeout", where)
    if "include-fuzzy" in table:
        if not isinstance(table["include-fuzzy"], bool):
            raise ConfigError(f"{where}: `include-fuzzy` must be true or false")
        settings["include_fuzzy"] = table["include-fuzzy"]
    if "text-units" in table:
        settings["text_units"] = _choice(table["text-units"], "text-units", where, TEXT_UNITS)
    if "tokenized" in table:
        settings["tokenized"] = _choice(table["tokenized"], "tokenized", where, tokenization.CHOICES)
    if "max-file-size" in table:
        settings["max_file_size"] = file_size(table["max-file-size"], "max-file-size", where)
    return Settings(**settings)


def _patterns(value: Any, key: str, where: str) -> tuple[str, ...]:
    """A list of gitignore-style patterns, each one checked."""
    import pathspec

    patterns = _string_list(value, key, where)
    for pattern in patterns:
        try:
            pathspec.GitIgnoreSpec.from_lines([pattern])
        except ValueError as err:
            raise ConfigError(f"{where}: `{key}`: invalid pattern {pattern!r}: {err}") from None
    return patterns


def _extensions(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    """`extension = {"en" = "text"}`: file extensions (without the dot) read as a format."""
    from mtfix.formats import NAMES

    if not isinstance(value, dict):
        raise ConfigError(f"{where}: `extension` must be a table of extension = format")
    mapping = []
    for suffix, name in value.items():
        if not suffix or "." in suffix or "/" in suffix:
            raise ConfigError(f"{where}: `extension`: {suffix!r} is not an extension (write it without the dot)")
        mapping.append((suffix.lower(), _choice(name, f"extension.{suffix}", where, NAMES)))
    return tuple(mapping)


def _per_file_ignores(value: Any, where: str, packs: tuple[Path, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`per-file-ignores = {"glob" = ["CODE", ...]}`."""
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: `per-file-ignores` must be a table of pattern = [codes]")
    entries = []
    for pattern, codes in value.items():
        key = f"per-file-ignores.{pattern}"
        _patterns([pattern], key, where)
        codes = tuple(upper_code(c) for c in _string_list(codes, key, where))
        check_selectors(codes, key, where, packs)
        entries.append((pattern, codes))
    return tuple(entries)


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
    """The closest `.mtfix.toml`, `mtfix.toml`, or `pyproject.toml` with `[tool.mtfix]`, at or
    above `start`."""
    return _find_from((start if start.is_dir() else start.parent).resolve())


@lru_cache(maxsize=1024)
def _find_from(folder: Path) -> Path | None:
    """`find` for one folder, remembered: a run over a tree reads each pyproject.toml once.
    A config name there that is not a regular file (a FIFO, a device) is found, and `load`
    refuses it; a folder this user may not search has none."""
    for name in CONFIG_FILES[:2]:
        if os.path.exists(folder / name):
            return folder / name
    pyproject = folder / "pyproject.toml"
    if os.path.exists(pyproject) and b"[tool.mtfix]" in _read(pyproject):
        return pyproject
    return None if folder.parent == folder else _find_from(folder.parent)


def describe(settings: Settings, input_format: str) -> str:
    """The settings as configuration keys and values, one per line (`--show-settings`)."""
    import dataclasses
    import json

    def plain(value: Any, table: bool = False) -> Any:
        if table:
            return {str(k): plain(v) for k, v in value}
        if isinstance(value, tuple):
            return [plain(v) for v in value]
        return value.value if isinstance(value, Severity) else str(value) if isinstance(value, Path) else value

    lines = [f"config-file = {json.dumps(str(settings.source) if settings.source else None)}"]
    lines.append(f"input-format = {json.dumps(input_format)}")
    for item in dataclasses.fields(settings):
        if item.name != "source":
            value = plain(getattr(settings, item.name), item.name in ("severity", "extension", "per_file_ignores"))
            lines.append(f"{item.name.replace('_', '-')} = {json.dumps(value, ensure_ascii=False)}")
    return "\n".join(lines)


def forget() -> None:
    """Forget where configuration files were found (a long-running server, after a change)."""
    _find_from.cache_clear()


def _read(path: Path) -> bytes:
    """A config file's bytes; ConfigError naming it when it is not a regular file within the
    default size limit, or cannot be read."""
    try:
        return files.read(path)[0]
    except files.FileRefused as err:
        raise ConfigError(str(err)) from None
