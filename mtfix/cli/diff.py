"""`mtfix diff`: machine translation against its post-edit, per segment, with TER, chrF and BLEU."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from mtfix.cli.options import Color, ColorOption, MaxFileSize, Quiet, _fail, _limit, _stdin_once
from mtfix.cli.run import _console, _read_text


class DiffFormat(str, Enum):
    text = "text"
    diff = "diff"
    json = "json"


class Alignment(str, Enum):
    auto = "auto"
    line = "line"
    sentence = "sentence"


def diff_command(
    mt: Annotated[str, typer.Argument(help="The machine translation; - reads stdin.")],
    postedit: Annotated[str, typer.Argument(help="Its post-edit (or any reference); - reads stdin.")],
    output: Annotated[DiffFormat, typer.Option("--format", help="text, diff (unified) or json.")] = DiffFormat.text,
    html_file: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Also write a side-by-side HTML page here.", dir_okay=False)
    ] = None,
    alignment: Annotated[
        Alignment, typer.Option("--align", help="Segments: by line, by sentence, or auto (line when line counts agree).")
    ] = Alignment.auto,
    show_all: Annotated[bool, typer.Option("--all", help="Show unedited segments too.")] = False,
    source: Annotated[
        Optional[str], typer.Option("--source", help="The source text, a line for each MT line: shown beside it on the HTML page.")
    ] = None,
    quiet: Quiet = False,
    color: ColorOption = Color.auto,
    max_file_size: MaxFileSize = None,
) -> None:
    """Compare MT with its post-edit: per-segment edits and TER (HTER), chrF, BLEU by sacreBLEU."""
    from mtfix.report import diff as diff_report
    from mtfix.writer import WriteError, write_output

    limit = _limit(max_file_size)
    _stdin_once([mt, postedit, *([source] if source else [])])
    before, after = _read_text(mt, limit), _read_text(postedit, limit)
    source_text = _read_text(source, limit).text if source else None
    if not before.text.strip() and not after.text.strip():
        raise _fail(f"{before.path} and {after.path} are both empty: nothing to compare")
    mode = None if alignment is Alignment.auto else alignment.value
    comparison = diff_report.compare(before.text, after.text, before.path, after.path, mode, source_text)
    if html_file:
        try:
            write_output(html_file, diff_report.render_html(comparison).encode("utf-8"))
        except WriteError as err:
            raise _fail(str(err)) from None
    _print(comparison, output, show_all, quiet, color)


def _print(comparison, output: DiffFormat, show_all: bool, quiet: bool, color: Color) -> None:
    """The comparison on stdout: as JSON, a unified diff, or the text summary on a console."""
    from mtfix.report import diff as diff_report

    if output is DiffFormat.json:
        sys.stdout.write(diff_report.render_json(comparison))
    elif output is DiffFormat.diff:
        sys.stdout.write(diff_report.render_unified(comparison))
    else:
        console = _console(sys.stdout, color)
        styled = console.color_system is not None  # unstyled, the markup would only cost time
        console.print(diff_report.render_text(comparison, show_all, quiet, markup=styled), markup=styled)
