"""`mtfix check`: report the issues, or record them in a baseline file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from mtfix.cli.options import (
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
    Packs,
    IncludeFuzzy,
    InputFormatOption,
    LanguageTool,
    MaxFileSize,
    NoCache,
    NoRespectGitignore,
    OutputFile,
    Paths,
    Quiet,
    Select,
    ShowSettings,
    Statistics,
    StdinFilename,
    TextUnitsOption,
    _cache,
    _fail,
    _resolver,
)
from mtfix.cli.run import (
    _checker,
    _exit_code,
    _note_tokenized,
    _report,
    _run,
    _SecondOpinion,
    _show_settings,
)
from mtfix.cli.stream import StreamedReport


def check(
    paths: Paths = None,
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
    baseline: Annotated[
        Optional[Path], typer.Option("--baseline", help="Hide the known issues listed in this baseline file.")
    ] = None,
    write_baseline: Annotated[
        Optional[Path], typer.Option("--write-baseline", help="Record every issue found in this baseline file and exit 0.")
    ] = None,
) -> None:
    """Report machine-translation artifacts; nothing is changed."""
    _cache(no_cache)
    resolver = _resolver(
        select, ignore, glossary, config, languagetool, include_fuzzy, text_units, max_file_size, extend_select, pack
    )
    if show_settings:
        _show_settings(paths, resolver, input_format, stdin_filename, not no_respect_gitignore)
    found = {"input_format": input_format, "stdin_filename": stdin_filename, "respect_gitignore": not no_respect_gitignore}
    from mtfix.report.tally import Tally

    act = _checker(_SecondOpinion())
    if not write_baseline and StreamedReport.supports(output, output_file):
        report, tally = StreamedReport(output, statistics, quiet, color), Tally(count_words=output is Format.json)

        def each(result):
            report.file(result)
            tally.add(result)

        _run(paths, resolver, act, baseline, each=each, **found)
        report.end(tally)
    else:
        results = _run(paths, resolver, act, baseline, **found)
        tally = Tally.of(results)
        if write_baseline:
            _write_baseline(results, write_baseline)
            raise typer.Exit(_exit_code(tally, exit_zero=True))
        _report(results, output, statistics, quiet, color=color, output_file=output_file)
    _note_tokenized(tally)
    raise typer.Exit(_exit_code(tally, exit_zero, fail_on))


def _write_baseline(results, path: Path) -> None:
    """Record every issue found in the baseline file `path` (written whole or not at all),
    and say how many on stderr."""
    import tempfile

    from mtfix.suppress import Baseline
    from mtfix.writer import WriteError, write_output

    recorded = Baseline()
    for result in results:
        if result.document:
            recorded.add(result.path, result.issues, result.document)
    with tempfile.TemporaryDirectory() as scratch:
        draft = Path(scratch) / "baseline.json"
        recorded.dump(draft)
        data = draft.read_bytes()
    try:
        write_output(path, data)
    except WriteError as err:
        raise _fail(f"--write-baseline: {err}") from None
    count = sum(len(r.issues) for r in results)
    print(f"Recorded {count} issue{'s' * (count != 1)} in {path}.", file=sys.stderr)
