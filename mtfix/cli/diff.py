"""`mtfix diff`: machine translation against its post-edit, per segment, with TER, chrF and BLEU."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from mtfix.cli.options import Color, ColorOption, Quiet
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
    mt: Annotated[Path, typer.Argument(help="The machine translation.", dir_okay=False)],
    postedit: Annotated[Path, typer.Argument(help="Its post-edit (or any reference).", dir_okay=False)],
    output: Annotated[DiffFormat, typer.Option("--format", help="text, diff (unified) or json.")] = DiffFormat.text,
    html_file: Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Also write a side-by-side HTML page here.", dir_okay=False)
    ] = None,
    alignment: Annotated[
        Alignment, typer.Option("--align", help="Segments: by line, by sentence, or auto (line when line counts agree).")
    ] = Alignment.auto,
    show_all: Annotated[bool, typer.Option("--all", help="Show unedited segments too.")] = False,
    quiet: Quiet = False,
    color: ColorOption = Color.auto,
) -> None:
    """Compare MT with its post-edit: per-segment edits and TER (HTER), chrF, BLEU by sacreBLEU."""
    from mtfix.report import diff as diff_report

    before, after = _read_text(mt), _read_text(postedit)
    mode = None if alignment is Alignment.auto else alignment.value
    comparison = diff_report.compare(before.text, after.text, str(mt), str(postedit), mode)
    if html_file:
        html_file.write_text(diff_report.render_html(comparison), encoding="utf-8")
    _print(comparison, output, show_all, quiet, color)


def _print(comparison, output: DiffFormat, show_all: bool, quiet: bool, color: Color) -> None:
    """The comparison on stdout: as JSON, a unified diff, or the text summary on a console."""
    from mtfix.report import diff as diff_report

    if output is DiffFormat.json:
        sys.stdout.write(diff_report.render_json(comparison))
    elif output is DiffFormat.diff:
        sys.stdout.write(diff_report.render_unified(comparison))
    else:
        _console(sys.stdout, color).print(diff_report.render_text(comparison, show_all, quiet))
