"""`mtfix pack check`: report what is wrong with pack files before a run relies on them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mtfix.cli.options import EXIT_CLEAN, EXIT_ERROR, EXIT_ISSUES, Quiet

app = typer.Typer(
    name="pack",
    help="Check pack files: rules written as YAML (docs/packs.md).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
PackFiles = Annotated[list[Path], typer.Argument(help="Pack files (.yml).", dir_okay=False)]


@app.command("check")
def pack_check(files: PackFiles, quiet: Quiet = False) -> None:
    """Report every problem of each pack: malformed entries, regexes that do not compile,
    duplicate ids, entries that can never match (or miss their own bad example). Exit 1 when
    there are problems, 2 when a file cannot be read."""
    from mtfix import files as reading
    from mtfix.packs.lint import lint

    status = EXIT_CLEAN
    for path in files:
        try:
            text = reading.read(path)[0].decode("utf-8")
        except (reading.FileRefused, UnicodeDecodeError) as err:
            print(f"mtfix: error: {path}: {'not UTF-8 text' if isinstance(err, UnicodeDecodeError) else err}")
            status = EXIT_ERROR
            continue
        problems = lint(text, str(path))
        for problem in problems:
            print(f"{path}:{problem.line}: {problem.message}" if problem.line else f"{path}: {problem.message}")
        if problems and status == EXIT_CLEAN:
            status = EXIT_ISSUES
        if not quiet and not problems:
            print(f"{path}: no problems")
    raise typer.Exit(status)
