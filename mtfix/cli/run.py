"""What the checking commands share: reading each input and running the engine on it, the
issue report on a console or in a machine format, the progress bar and the exit code."""

from __future__ import annotations

import sys
from pathlib import Path

from mtfix.cli.options import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_ISSUES,
    Color,
    FailOn,
    Format,
    InputFormat,
    _fail,
    _stdin_once,
)


class _SecondOpinion:
    """LanguageTool's issues for the files whose settings ask for them (`--languagetool`).
    mtfix.languagetool and its HTTP client load only for the first such file."""

    def __init__(self) -> None:
        self._opinion = None

    def __call__(self, document, context, found):
        if not context.settings.languagetool:
            return []
        if self._opinion is None:
            from mtfix.languagetool.opinion import SecondOpinion

            self._opinion = SecondOpinion()
        return self._opinion(document, context, found)


def _run(
    paths,
    resolver,
    act,
    baseline: Path | None = None,
    input_format: InputFormat | None = None,
    stdin_filename: str | None = None,
    respect_gitignore: bool = True,
    each=None,
):
    """Read each input, run `act(document, context, source)` on it (`source`: the Snapshot of
    the file read, None for standard input), and collect FileResults; with `each`, hand each
    FileResult to it as soon as it is made and keep none. Standard input is named,
    configured and read as `stdin_filename` when given.

    Input, config, glossary and write problems, and any failure of mtfix itself, become a
    one-line error on that file; the other files are still processed.
    """
    from mtfix import document as documents
    from mtfix import files, formats
    from mtfix.config import ConfigError
    from mtfix.context import Contexts
    from mtfix.engine import FileResult
    from mtfix.inputs import STDIN, collect
    from mtfix.inputs import input_format as format_for
    from mtfix.writer import WriteError

    paths = paths or ["."]
    _stdin_once(paths)
    try:
        known = _baseline(baseline, resolver) if baseline else None
    except (documents.InputError, files.FileRefused) as err:
        raise _fail(str(err)) from None
    fmt = input_format.value if input_format else None
    contexts = Contexts()  # one per configuration: its rules and glossaries load once
    warned: set = set()
    results: list = []
    keep = results.append if each is None else each
    for item in _progress(collect(paths, resolver, respect_gitignore, every_file=fmt is not None)):
        if isinstance(item, documents.InputError):
            keep(FileResult(path=item.path or "", error=str(item)))
            continue
        stand_in = Path(stdin_filename) if item == STDIN and stdin_filename else item
        name = files.display(stand_in)
        try:
            settings = resolver.for_path(stand_in)
            if item == STDIN:
                data, source = files.read_stream(sys.stdin.buffer, STDIN, settings.max_file_size), None
            else:
                data, source = files.read(item, settings.max_file_size)
            document = formats.decode(data, name, fmt or format_for(stand_in, settings), settings.reading)
            context = contexts(settings)
            _warn_if_nothing_selected(context, warned)
            result = act(document, context, source)
            if known:
                result.issues = known.filter(result.path, result.issues, result.fixed or document)
        except (documents.InputError, ConfigError, files.FileRefused, WriteError) as err:
            result = FileResult(path=name, error=str(err))
        except Exception as err:  # a failure of mtfix itself: this file fails, the others go on
            result = FileResult(path=name, error=_internal_error(name, err))
        keep(result)
    return results


def _baseline(path: Path, resolver):
    """The baseline file's known issues; it must be a regular file within the size limit."""
    from mtfix import files
    from mtfix.suppress import Baseline

    files.check(path, resolver.overrides.get("max_file_size") or files.DEFAULT_LIMIT)
    return Baseline.load(path)


def _warn_if_nothing_selected(context, warned: set) -> None:
    """Warn once per configuration (kept in `warned`) whose select and ignore leave no rule."""
    settings = context.settings
    if context.rules or settings.languagetool or settings in warned:
        return
    warned.add(settings)
    where = f" by {settings.source}" if settings.source else ""
    print(f"mtfix: warning: no rules selected{where} (select = {list(settings.select)}, "
          f"ignore = {list(settings.ignore)}); nothing is checked", file=sys.stderr)


def _note_tokenized(tally) -> None:
    """Say once per run, on stderr, which files read as tokenized text, whose spacing the
    spacing rules then left alone (`tokenized = "auto"` guessed it)."""
    names = tally.tokenized
    if not names:
        return
    shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    print(f"mtfix: note: {shown} read as tokenized text (`hadn 't`, `word .`): spaces around "
          "punctuation were not checked; set `tokenized = \"no\"` to check them", file=sys.stderr)


def _internal_error(name: str, err: BaseException) -> str:
    """The one-line error for a failure of mtfix itself on file `name`; with MTFIX_DEBUG set,
    its traceback goes to stderr first."""
    if debugging():
        import traceback

        traceback.print_exception(err, file=sys.stderr)
    return f"{name}: not checked: {failure(err)}"


def failure(err: BaseException) -> str:
    """What went wrong in mtfix itself, in one line."""
    if isinstance(err, MemoryError):
        return "out of memory"
    reason = " ".join(str(err).split())
    return f"internal error ({type(err).__name__}: {reason}); set MTFIX_DEBUG=1 for the traceback"


def debugging() -> bool:
    """Whether MTFIX_DEBUG asks for tracebacks."""
    import os

    return os.environ.get("MTFIX_DEBUG", "").lower() in ("1", "true", "yes", "on")


def _checker(opinion=None):
    """`act` for the commands that only check: each document's issues (and `opinion`'s)."""
    from mtfix import engine
    from mtfix.engine import FileResult

    def act(document, context, source=None):
        return FileResult(document.path, document, engine.check(document, context, opinion), context=context)

    return act


def _read_text(name: str, limit: int | None = None):
    """One file (or `-`, standard input) read for its text: diff's arguments and score's
    reference. An input error ends the command."""
    from mtfix import document as documents
    from mtfix import files, formats
    from mtfix.inputs import STDIN

    limit = limit or files.DEFAULT_LIMIT
    try:
        if name == STDIN:
            return formats.decode(files.read_stream(sys.stdin.buffer, STDIN, limit), STDIN)
        return formats.read(Path(name), limit=limit)
    except (documents.InputError, files.FileRefused) as err:
        raise _fail(str(err)) from None


def _report(
    results, output: Format, statistics=False, quiet=False, stream=None, color=None, output_file=None, dry_run=False
) -> None:
    """The report on `stream` (stdout by default) or, whole or not at all, in `output_file`;
    for `github`, the summary table in $GITHUB_STEP_SUMMARY too. `dry_run`: the fixes
    counted were not written (`fix --diff`)."""
    if output_file is not None:
        import io

        from mtfix.writer import WriteError, write_output

        buffer = io.StringIO()
        _report(results, output, statistics, quiet, buffer, Color.never if color is Color.auto else color, None, dry_run)
        try:
            write_output(output_file, buffer.getvalue().encode("utf-8"))
        except WriteError as err:
            raise _fail(f"--output-file: {err}") from None
        return
    if output is Format.github:
        _step_summary(results)
    if output is not Format.text:
        import importlib

        reporter = importlib.import_module(f"mtfix.report.{output.value}")
        (stream or sys.stdout).write(reporter.render(results))
        return
    from mtfix.report import text

    stream = stream or sys.stdout
    if not _may_be_terminal(stream, color):
        # What rich prints for the plain lines, without loading rich or parsing markup.
        lines = text.plain(results, statistics=statistics, quiet=quiet, dry_run=dry_run)
        if lines is not None:
            if lines:
                stream.write(lines + "\n")
                stream.flush()  # as rich does: the report comes before later errors on stderr
            return
    console = _console(stream, color)
    if console.is_terminal:
        for renderable in text.renderables(results, statistics, quiet, width=console.width, dry_run=dry_run):
            console.print(renderable)
        return
    rendered = text.render(results, statistics=statistics, quiet=quiet, dry_run=dry_run)
    if rendered:
        console.print(rendered)


def _step_summary(results) -> None:
    """Append the run's summary table to the file $GITHUB_STEP_SUMMARY names, if it is set."""
    import os

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    from mtfix.report import github

    try:
        with open(target, "a", encoding="utf-8") as summary:
            summary.write(github.summary(results))
    except OSError as err:
        print(f"mtfix: warning: GITHUB_STEP_SUMMARY: cannot write {target}: {err.strerror}", file=sys.stderr)


def _show_settings(paths, resolver, input_format, stdin_filename, respect_gitignore) -> None:
    """Print the settings of the first input (`--show-settings`) and end the command."""
    import typer

    from mtfix import document as documents
    from mtfix.config import ConfigError, describe
    from mtfix.inputs import STDIN, collect
    from mtfix.inputs import input_format as format_for

    first = next(iter(collect(paths or ["."], resolver, respect_gitignore, every_file=input_format is not None)), None)
    if first is None or isinstance(first, documents.InputError):
        raise _fail(str(first) if first else "no file to show the settings of")
    path = Path(stdin_filename) if first == STDIN and stdin_filename else first
    try:
        settings = resolver.for_path(path)
    except ConfigError as err:
        raise _fail(str(err)) from None
    fmt = input_format.value if input_format else format_for(path, settings)
    print(f"Resolved settings for: {path}")
    print(describe(settings, fmt))
    raise typer.Exit(EXIT_CLEAN)


def _may_be_terminal(stream, color=None) -> bool:
    """False only when `_console(stream, color)` certainly is not a terminal: not forced by
    `--color always`, FORCE_COLOR or TTY_COMPATIBLE=1, and the stream is no tty."""
    import os

    if color is Color.always or "FORCE_COLOR" in os.environ or os.environ.get("TTY_COMPATIBLE") == "1":
        return True
    isatty = getattr(stream, "isatty", None)
    try:
        return isatty is not None and isatty()
    except ValueError:  # a closed stream
        return True


def _console(stream, color=None):
    """A rich console: colour on a terminal unless NO_COLOR is set; `always`/`never` decide.
    Emoji codes stay as written: `l100.txt:100:4:` must not print `💯`."""
    from rich.console import Console

    forced = {Color.always: True, Color.never: False}.get(color)
    return Console(
        file=stream,
        highlight=False,
        soft_wrap=True,
        emoji=False,
        force_terminal=True if forced else None,
        no_color=None if forced is None else not forced,
    )


def _progress(items, at_least: int = 20):
    """The inputs, with a progress bar on stderr when it is a terminal and there are many."""
    items = list(items)
    if len(items) < at_least or not sys.stderr.isatty():
        return items
    from rich.console import Console
    from rich.progress import track

    return track(items, description="Checking", console=Console(stderr=True), transient=True)


def _exit_code(tally, exit_zero: bool, fail_on: FailOn = FailOn.info) -> int:
    """The exit code of a run (a `Tally` of its files), after its files' errors on stderr."""
    from mtfix.model import Severity

    for error in tally.errors:
        print(f"mtfix: error: {error}", file=sys.stderr)
    if tally.errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    return EXIT_ISSUES if tally.failing(Severity(fail_on.value).rank) else EXIT_CLEAN
