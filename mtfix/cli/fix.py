"""`mtfix fix`: apply the fixes in place, as a diff or on stdout, then report what remains."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from mtfix.cli.help import pipe_closed
from mtfix.cli.options import (
    EXIT_ERROR,
    EXIT_ISSUES,
    Color,
    ColorOption,
    ConfigPath,
    ExitZero,
    ExtendSelect,
    FailOn,
    FailOnOption,
    Format,
    FormatOption,
    Glossaries,
    Ignore,
    IncludeFuzzy,
    InputFormatOption,
    LanguageTool,
    MaxFileSize,
    NoCache,
    NoRespectGitignore,
    OutputFile,
    Packs,
    Paths,
    Quiet,
    Select,
    ShowSettings,
    Statistics,
    StdinFilename,
    TextUnitsOption,
    _cache,
    _resolver,
)
from mtfix.cli.run import (
    _console,
    _exit_code,
    _may_be_terminal,
    _note_tokenized,
    _report,
    _run,
    _SecondOpinion,
    _show_settings,
)


def fix(
    paths: Paths = None,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="Apply unsafe fixes too.")] = False,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Print the fixes and write nothing: on a terminal word by word in colour, "
            "else as a unified diff.",
        ),
    ] = False,
    stdout: Annotated[bool, typer.Option("--stdout", help="Print the fixed text; write nothing.")] = False,
    output: FormatOption = Format.text,
    select: Select = None,
    extend_select: ExtendSelect = None,
    ignore: Ignore = None,
    glossary: Glossaries = None,
    pack: Packs = None,
    config: ConfigPath = None,
    exit_zero: ExitZero = False,
    fail_on: FailOnOption = FailOn.warning,
    quiet: Quiet = False,
    statistics: Statistics = False,
    color: ColorOption = Color.auto,
    input_format: InputFormatOption = None,
    languagetool: LanguageTool = None,
    include_fuzzy: IncludeFuzzy = False,
    text_units: TextUnitsOption = None,
    no_cache: NoCache = False,
    max_file_size: MaxFileSize = None,
    output_file: OutputFile = None,
    stdin_filename: StdinFilename = None,
    no_respect_gitignore: NoRespectGitignore = False,
    show_settings: ShowSettings = False,
) -> None:
    """Apply safe fixes in place, then report what remains."""
    from mtfix import engine
    from mtfix.engine import FileResult
    from mtfix.inputs import STDIN
    from mtfix.report.tally import Tally

    _cache(no_cache)
    resolver = _resolver(
        select, ignore, glossary, config, languagetool, include_fuzzy, text_units, max_file_size, extend_select, pack
    )
    if show_settings:
        _show_settings(paths, resolver, input_format, stdin_filename, not no_respect_gitignore)
    found = {"input_format": input_format, "stdin_filename": stdin_filename, "respect_gitignore": not no_respect_gitignore}
    opinion = _SecondOpinion()

    def act(document, context, source):
        outcome = engine.fix(document, context, unsafe=unsafe_fixes, extra=opinion)
        try:
            _emit(document, outcome.document, source, diff, stdout, color)
        except BrokenPipeError:  # `mtfix fix --diff | head`: the run ends, not this file
            pipe_closed()
        return FileResult(
            document.path, document, outcome.remaining, outcome.document, outcome.applied, context=context
        )

    results = _run(paths, resolver, act, **found)
    stream = sys.stderr if (diff or stdout or STDIN in (paths or ())) else None
    _report(results, output, statistics, quiet, stream=stream, color=color, output_file=output_file, dry_run=diff)
    tally = Tally.of(results)
    _note_tokenized(tally)
    if diff and any(r.fixed and r.fixed.raw != r.document.raw for r in results):
        raise typer.Exit(EXIT_ERROR if any(r.error for r in results) else EXIT_ISSUES)
    raise typer.Exit(_exit_code(tally, exit_zero, fail_on))


def _emit(document, fixed, source, diff: bool, to_stdout: bool, color=None) -> None:
    """Where a fixed document goes: with `diff`, the change on stdout (word by word on a
    terminal, else a unified diff); with `to_stdout`, or for standard input (no `source`), the
    fixed text on stdout; otherwise a changed file is written over the file `source` says was
    read (WriteError if it cannot or must not be)."""
    changed = fixed.raw != document.raw
    if diff:
        if changed and _may_be_terminal(sys.stdout, color) and (console := _console(sys.stdout, color)).is_terminal:
            from mtfix.report import worddiff

            console.print(worddiff.render(document.path, document.raw, fixed.raw))
        elif changed:
            sys.stdout.write(_unified_diff(document, fixed))
    elif to_stdout or source is None:
        sys.stdout.write(fixed.raw)
    elif changed:
        from mtfix.writer import write_fixed

        write_fixed(source, document.encode(fixed.raw), document.path)


def _unified_diff(before, after) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.raw.splitlines(keepends=True),
        after.raw.splitlines(keepends=True),
        fromfile=f"a/{before.path}",
        tofile=f"b/{before.path}",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
