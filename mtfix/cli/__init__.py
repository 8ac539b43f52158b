"""The `mtfix` command. Turns flags into Settings, runs the engine, picks the exit code.

Exit codes: 0 no issues, 1 issues found, 2 usage, configuration, input or output error, or a
failure of mtfix itself (one line on stderr; the traceback too with MTFIX_DEBUG=1), 141 when
the reader of standard output went away before the end (`mtfix check | head -1`).

One module per command (check, fix, rules and explain, report, diff, score, server, glossary,
pack); the options they share are in `mtfix.cli.options`, reading inputs and reporting in
`mtfix.cli.run`.
Each imports only typer at start-up: the engine, the rules and rich load when a command runs.
"""

from __future__ import annotations

import sys
import warnings
from typing import Annotated

import typer

from mtfix.cli import check, corpus, diff, fix, glossary, pack, report, rules, score, server
from mtfix.cli.help import Group, pipe_closed
from mtfix.version import __version__

app = typer.Typer(
    name="mtfix",
    cls=Group,
    help="Find, fix and report machine-translation artifacts in English translated from Russian.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"mtfix {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Find, fix and report machine-translation artifacts in English translated from Russian."""


# In this order in `mtfix --help`.
app.command()(check.check)
app.command()(fix.fix)
app.command()(rules.rules)
app.command()(rules.explain)
app.command()(report.report)
app.command("diff")(diff.diff_command)
app.command()(score.score)
app.command()(server.server)
app.add_typer(glossary.app, name="glossary", cls=Group)
app.add_typer(pack.app, name="pack", cls=Group)
app.add_typer(corpus.app, name="corpus", cls=Group)


def main() -> None:
    warnings.showwarning = _show_warning
    try:
        try:
            app()
        finally:
            sys.stdout.flush()  # what is still buffered, while a closed pipe can be told apart
    except BrokenPipeError:
        pipe_closed()
    except Exception as err:  # a failure of mtfix itself, outside any one file
        from mtfix.cli.options import EXIT_ERROR
        from mtfix.cli.run import debugging, failure

        if debugging():
            raise
        print(f"mtfix: error: {failure(err)}", file=sys.stderr)
        sys.exit(EXIT_ERROR)


_default_show_warning = warnings.showwarning


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """mtfix's own warnings (an input it reads past) as one line: `mtfix: warning: ...`."""
    if category.__module__.startswith("mtfix."):
        print(f"mtfix: warning: {message}", file=sys.stderr)
    else:
        _default_show_warning(message, category, filename, lineno, file, line)
