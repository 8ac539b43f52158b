"""`mtfix report`: a self-contained HTML page of the issues and the fixed text."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from mtfix.cli.options import (
    ConfigPath,
    Glossaries,
    Ignore,
    IncludeFuzzy,
    LanguageTool,
    MaxFileSize,
    NoCache,
    Paths,
    Select,
    TextUnitsOption,
    Weights,
    _cache,
    _fail,
    _resolver,
    _weights,
)
from mtfix.cli.run import _checker, _exit_code, _run, _SecondOpinion


def report(
    paths: Paths,
    output_file: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the HTML here (default: standard output).", dir_okay=False)
    ] = None,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="Show unsafe fixes in the fixed text too.")] = False,
    title: Annotated[str, typer.Option("--title", help="The report's title.")] = "mtfix report",
    weights: Weights = None,
    select: Select = None,
    ignore: Ignore = None,
    glossary: Glossaries = None,
    config: ConfigPath = None,
    languagetool: LanguageTool = None,
    include_fuzzy: IncludeFuzzy = False,
    text_units: TextUnitsOption = None,
    no_cache: NoCache = False,
    max_file_size: MaxFileSize = None,
) -> None:
    """Write a self-contained HTML report: each file beside its fixed text (bilingual files as a segment table)."""
    from mtfix.report import html

    chosen = _weights(weights)
    _cache(no_cache)
    resolver = _resolver(select, ignore, glossary, config, languagetool, include_fuzzy, text_units, max_file_size)
    results = _run(paths, resolver, _checker(_SecondOpinion()))
    page = html.render(results, unsafe=unsafe_fixes, weights=chosen, title=title)
    _write_page(page, output_file, results)
    raise typer.Exit(_exit_code(results, exit_zero=True))


def _write_page(page: str, path: Path | None, results) -> None:
    """The page to `path`, replacing an old one only once it is complete (with a one-line
    summary on stderr), or to stdout."""
    if path:
        from mtfix.writer import WriteError, write_output

        try:
            write_output(path, page.encode("utf-8"))
        except WriteError as err:
            raise _fail(str(err)) from None
        count = sum(len(r.issues) for r in results)
        print(f"Wrote {path}: {count} issue{'s' * (count != 1)} in {len(results)} "
              f"file{'s' * (len(results) != 1)}.", file=sys.stderr)
    else:
        sys.stdout.write(page)
