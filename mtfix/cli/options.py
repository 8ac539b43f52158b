"""What the commands share on their command line: the option and argument definitions, their
choices, the exit codes, and turning flags into a SettingsResolver."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

EXIT_CLEAN, EXIT_ISSUES, EXIT_ERROR = 0, 1, 2
#: Standard output closed by its reader (`mtfix check | head`): 128 + SIGPIPE, as for grep.
EXIT_PIPE = 141


class Format(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    sarif = "sarif"
    github = "github"
    gitlab = "gitlab"
    rdjson = "rdjson"
    junit = "junit"
    html = "html"
    csv = "csv"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class InputFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    html = "html"
    xliff = "xliff"
    po = "po"
    tmx = "tmx"
    tsv = "tsv"
    jsonl = "jsonl"


class TextUnits(str, Enum):
    line = "line"
    paragraph = "paragraph"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


Paths = Annotated[
    Optional[list[str]],
    typer.Argument(
        help="Files or folders to check (default: the current folder). A folder is searched for "
        ".txt .md .markdown .html .htm .xlf .xliff .po .pot .tmx .tsv .jsonl and the extensions "
        "`extension` maps, skipping `exclude` and .gitignore; - reads standard input.",
        show_default=False,
    ),
]
ExtendSelect = Annotated[
    Optional[list[str]],
    typer.Option("--extend-select", help="Add these rule codes or prefixes to the selection (repeatable, or comma-separated)."),
]
NoRespectGitignore = Annotated[
    bool,
    typer.Option("--no-respect-gitignore", help="Search folders without skipping what .gitignore files ignore."),
]
StdinFilename = Annotated[
    Optional[str],
    typer.Option(
        "--stdin-filename",
        metavar="PATH",
        help="The name of the file standard input holds: its format, configuration and per-file-ignores, and the name reports give.",
    ),
]
OutputFile = Annotated[
    Optional[Path],
    typer.Option("--output-file", "-o", help="Write the report to this file instead of standard output.", dir_okay=False),
]
ShowSettings = Annotated[
    bool,
    typer.Option("--show-settings", help="Print the configuration that applies to the first file, and exit."),
]
InputFormatOption = Annotated[
    Optional[InputFormat],
    typer.Option("--input-format", help="Read every input as this format (default: by file extension)."),
]
Select = Annotated[
    Optional[list[str]],
    typer.Option("--select", help="Only these rule codes or prefixes (repeatable, or comma-separated; ALL)."),
]
Ignore = Annotated[
    Optional[list[str]],
    typer.Option("--ignore", help="Skip these rule codes or prefixes (repeatable, or comma-separated)."),
]
Glossaries = Annotated[
    Optional[list[Path]],
    typer.Option("--glossary", help="An extra glossary file (repeatable).", dir_okay=False),
]
Packs = Annotated[
    Optional[list[Path]],
    typer.Option("--pack", help="An extra pack file of checks (repeatable; docs/packs.md).", dir_okay=False),
]
ConfigPath = Annotated[
    Optional[Path],
    typer.Option("--config", help="Use this mtfix.toml or pyproject.toml instead of searching.", dir_okay=False),
]
FormatOption = Annotated[Format, typer.Option("--format", help="Output format.")]
ColorOption = Annotated[
    Color, typer.Option("--color", help="Colour: auto (a terminal, unless NO_COLOR is set), always or never.")
]
ExitZero = Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when issues are found.")]
IncludeFuzzy = Annotated[
    bool, typer.Option("--include-fuzzy", help="Check (and fix) fuzzy PO entries too; they are skipped by default.")
]
TextUnitsOption = Annotated[
    Optional[TextUnits],
    typer.Option(
        "--text-units",
        help="What a unit of plain text is: a line (line-aligned corpora; the default) or a paragraph (prose).",
    ),
]
FailOnOption = Annotated[
    FailOn,
    typer.Option(
        "--fail-on",
        help="Exit 1 only for issues at this severity or above (default: warning; info: any issue). "
        "Info prompts such as unknown names pass a CI gate unless `--fail-on info` asks otherwise.",
    ),
]
NoCache = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Read and write nothing in the cache folder ($MTFIX_CACHE_DIR, else $XDG_CACHE_HOME/mtfix or "
        "~/.cache/mtfix): glossaries and word tables are built in memory. The same as MTFIX_NO_CACHE=1.",
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="Print issues only, no summary.")]
Statistics = Annotated[bool, typer.Option("--statistics", help="Print the number of issues per rule instead of the issues.")]
LanguageTool = Annotated[
    Optional[str],
    typer.Option(
        "--languagetool",
        metavar="TARGET",
        help="Add LanguageTool's matches (codes LT:...): `local` (language-tool-python's install), "
        "a server URL such as http://127.0.0.1:8081, or `off`.",
    ),
]
MaxFileSize = Annotated[
    Optional[str],
    typer.Option(
        "--max-file-size",
        metavar="SIZE",
        help="Refuse input files larger than this: bytes, or with k, M or G (64MB, the default; units of 1024).",
    ),
]
Weights = Annotated[
    Optional[str],
    typer.Option("--weights", help="MQM severity weights, e.g. minor=1,major=5,critical=25 (info/warning/error)."),
]


def _cache(no_cache: bool) -> None:
    """`--no-cache`: switch the disk cache off for this process (and its children)."""
    if no_cache:
        import os

        from mtfix.cache import NO_CACHE_VARIABLE

        os.environ[NO_CACHE_VARIABLE] = "1"


def _codes(values: list[str] | None) -> tuple[str, ...]:
    """Selectors, comma-separated or repeated, in capitals but for pack entry ids."""
    from mtfix.registry import upper_code

    return tuple(upper_code(c.strip()) for v in values or () for c in v.split(",") if c.strip())


def _fail(message: str) -> typer.Exit:
    print(f"mtfix: error: {message}", file=sys.stderr)
    return typer.Exit(EXIT_ERROR)


def _weights(text: str | None) -> dict[str, float]:
    import math

    from mtfix.metrics import parse_weights

    try:
        weights = parse_weights(text)
    except ValueError as err:
        raise _fail(str(err)) from None
    for name, value in weights.items():
        if not math.isfinite(value):
            raise _fail(f"weights: {name} must be a finite number, not {value}")
    return weights


def _finite(value: float | None, option: str) -> float | None:
    """`value` unless it is NaN or infinite, which no score can be compared with."""
    import math

    if value is not None and not math.isfinite(value):
        raise _fail(f"{option} must be a finite number, not {value}")
    return value


def _limit(max_file_size: str | None) -> int | None:
    """`--max-file-size` in bytes, None when not given."""
    from mtfix.config import ConfigError, file_size

    try:
        return None if max_file_size is None else file_size(max_file_size, "--max-file-size", "command line")
    except ConfigError as err:
        raise _fail(str(err)) from None


def _stdin_once(names: list[str]) -> None:
    """A usage error when standard input (`-`) is named more than once."""
    from mtfix.document import InputError
    from mtfix.inputs import stdin_once

    try:
        stdin_once(names)
    except InputError as err:
        raise _fail(str(err)) from None


def _resolver(
    select,
    ignore,
    glossary,
    config_path,
    languagetool=None,
    include_fuzzy=False,
    text_units=None,
    max_file_size=None,
    extend_select=None,
    packs=None,
):
    from mtfix.config import (
        ConfigError,
        check_glossary,
        check_selectors,
        house_rules,
        languagetool_target,
    )
    from mtfix.inputs import SettingsResolver

    select, ignore, extend = _codes(select), _codes(ignore), _codes(extend_select)
    try:
        packs = tuple(p.resolve() for p in packs or ())
        known = packs + _config_packs(config_path)
        house_rules(packs, "--pack", "command line")
        check_selectors(select, "--select", "command line", known)
        check_selectors(ignore, "--ignore", "command line", known)
        check_selectors(extend, "--extend-select", "command line", known)
        for path in glossary or ():
            check_glossary(path, "--glossary", "command line", _limit(max_file_size))
        return SettingsResolver(
            config_path,
            glossaries=tuple(p.resolve() for p in glossary or ()),
            packs=packs,
            extend_select=extend,
            select=select,
            ignore=ignore,
            languagetool=None if languagetool is None else languagetool_target(languagetool, "--languagetool", "command line"),
            include_fuzzy=include_fuzzy,
            text_units=text_units.value if text_units else None,
            max_file_size=_limit(max_file_size),
        )
    except ConfigError as err:
        raise _fail(str(err)) from None


def _config_packs(explicit):
    """The house packs of the configuration `--config` names, else of the one found from the
    current folder: what a `--select CODE:entry-id` of the command line may name besides
    the shipped rules and `--pack`. A configuration that cannot be read names none here
    (its error is reported with the files it applies to)."""
    from mtfix import config

    found = explicit or config.find(Path.cwd())
    try:
        return config.load(found).packs if found else ()
    except config.ConfigError:
        return ()
