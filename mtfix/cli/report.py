"""`mtfix report`: a self-contained HTML review page of the issues and the fixed text, or the
issues as a spreadsheet (XLSX or CSV, one row each)."""

from __future__ import annotations

import sys
from enum import Enum
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


class ReportFormat(str, Enum):
    html = "html"
    xlsx = "xlsx"
    csv = "csv"


def report(
    paths: Paths = None,
    output_file: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the report here (default: standard output).", dir_okay=False)
    ] = None,
    output: Annotated[
        ReportFormat, typer.Option("--format", help="html (a review page), xlsx or csv (one row per issue).")
    ] = ReportFormat.html,
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
    """Write a self-contained HTML review page (segment table, issues, charts, triage), or the issues as XLSX or CSV."""
    from mtfix.report import html
    from mtfix.report.tally import Tally

    chosen = _weights(weights)
    if output is ReportFormat.xlsx:
        _xlsx_possible(output_file)
    _cache(no_cache)
    resolver = _resolver(select, ignore, glossary, config, languagetool, include_fuzzy, text_units, max_file_size)
    results = _run(paths, resolver, _checker(_SecondOpinion()))
    if output is ReportFormat.html:
        page: str | bytes = html.render(results, unsafe=unsafe_fixes, weights=chosen, title=title)
    else:
        import importlib

        page = importlib.import_module(f"mtfix.report.{output.value}").render(results, unsafe=unsafe_fixes)
    _write_page(page, output_file, results)
    raise typer.Exit(_exit_code(Tally.of(results), exit_zero=True))


def _xlsx_possible(path: Path | None) -> None:
    """A workbook needs openpyxl, and a file to go to unless standard output is not a terminal."""
    import importlib.util

    if importlib.util.find_spec("openpyxl") is None:
        raise _fail("--format xlsx needs openpyxl: pip install 'mtfix[xlsx]'")
    if path is None and sys.stdout.isatty():
        raise _fail("--format xlsx writes a binary workbook: name a file with -o")


def _write_page(page: str | bytes, path: Path | None, results) -> None:
    """The report to `path`, replacing an old one only once it is complete (with a one-line
    summary on stderr), or to stdout."""
    data = page.encode("utf-8") if isinstance(page, str) else page
    if path:
        from mtfix.writer import WriteError, write_output

        try:
            write_output(path, data)
        except WriteError as err:
            raise _fail(str(err)) from None
        count = sum(len(r.issues) for r in results)
        print(f"Wrote {path}: {count} issue{'s' * (count != 1)} in {len(results)} "
              f"file{'s' * (len(results) != 1)}.", file=sys.stderr)
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
