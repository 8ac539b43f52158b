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


def _run(paths, resolver, act, baseline: Path | None = None, input_format: InputFormat | None = None):
    """Read each input, run `act(document, context)` on it, and collect FileResults.

    Input, config and glossary problems become a one-line error on that file; the other
    files are still processed.
    """
    from mtfix import document as documents
    from mtfix import formats
    from mtfix.config import ConfigError
    from mtfix.context import Contexts
    from mtfix.engine import FileResult
    from mtfix.inputs import STDIN, collect
    from mtfix.suppress import Baseline

    known = Baseline.load(baseline) if baseline else None
    fmt = input_format.value if input_format else None
    contexts = Contexts()  # one per configuration: its rules and glossaries load once
    results = []
    for item in _progress(collect(paths)):
        if isinstance(item, documents.InputError):
            results.append(FileResult(path=item.path or "", error=str(item)))
            continue
        try:
            settings = resolver.for_path(item)
            if str(item) == STDIN:
                document = formats.decode(sys.stdin.buffer.read(), STDIN, fmt, settings.reading)
            else:
                document = formats.read(item, fmt, settings.reading)
            result = act(document, contexts(settings))
            if known:
                result.issues = known.filter(result.path, result.issues, result.fixed or document)
            results.append(result)
        except (documents.InputError, ConfigError) as err:
            results.append(FileResult(path=str(item), error=str(err)))
    return results


def _checker(opinion=None):
    """`act` for the commands that only check: each document's issues (and `opinion`'s)."""
    from mtfix import engine
    from mtfix.engine import FileResult

    def act(document, context):
        return FileResult(document.path, document, engine.check(document, context, opinion), context=context)

    return act


def _read_text(path: Path):
    """One file read for its text (diff and score's reference); an input error ends the command."""
    from mtfix import document as documents
    from mtfix import formats

    try:
        return formats.read(path)
    except documents.InputError as err:
        raise _fail(str(err)) from None


def _report(results, output: Format, statistics=False, quiet=False, stream=None, color=None) -> None:
    if output is not Format.text:
        import importlib

        reporter = importlib.import_module(f"mtfix.report.{output.value}")
        (stream or sys.stdout).write(reporter.render(results))
        return
    from mtfix.report import text

    stream = stream or sys.stdout
    if not _may_be_terminal(stream, color):
        # What rich prints for the plain lines, without loading rich or parsing markup.
        lines = text.plain(results, statistics=statistics, quiet=quiet)
        if lines is not None:
            if lines:
                stream.write(lines + "\n")
                stream.flush()  # as rich does: the report comes before later errors on stderr
            return
    console = _console(stream, color)
    if console.is_terminal:
        for renderable in text.renderables(results, statistics=statistics, quiet=quiet):
            console.print(renderable)
        return
    rendered = text.render(results, statistics=statistics, quiet=quiet)
    if rendered:
        console.print(rendered)


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


def _exit_code(results, exit_zero: bool, fail_on: FailOn = FailOn.info) -> int:
    from mtfix.model import Severity

    for result in results:
        if result.error:
            print(f"mtfix: error: {result.error}", file=sys.stderr)
    if any(r.error for r in results):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    floor = Severity(fail_on.value).rank
    failing = any(issue.severity.rank >= floor for r in results for issue in r.issues)
    return EXIT_ISSUES if failing else EXIT_CLEAN
