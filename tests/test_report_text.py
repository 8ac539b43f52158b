"""The terminal report: colour only when wanted, source lines with the issue highlighted, a
summary table; piped output keeps the plain `path:line:col: CODE message [*]` lines."""

from __future__ import annotations

import io
import re

from rich.console import Console

from mtfix import engine
from mtfix.config import Settings
from mtfix.context import Context
from mtfix.document import Document
from mtfix.engine import FileResult
from mtfix.report import text

BAD = '"We agree", - he said.\n'
ESC = b"\x1b["


def _result(body: str = BAD, path: str = "bad.txt") -> FileResult:
    document = Document(body, path=path)
    return FileResult(path, document, engine.check(document, Settings()), context=Context(Settings()))


def _plain(renderables) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=200, color_system=None, highlight=False, soft_wrap=True)
    for item in renderables:
        console.print(item)
    return buffer.getvalue()


def test_terminal_view_shows_source_fix_and_table():
    out = _plain(text.renderables([_result()]))
    lines = out.splitlines()
    assert re.fullmatch(r"bad\.txt:1:10: PU001 .+ \[\*\]", lines[0])
    assert lines[1].endswith('│ "We agree", - he said.')
    assert lines[2].strip().startswith("│ fix:")
    assert "punctuation/dash-attribution" in out and "total" in out
    assert out.rstrip().endswith("Found 1 issue (1 fixable with `mtfix fix`).")


def test_long_lines_are_trimmed_around_the_issue():
    filler = "The delegation met the minister in Moscow on Monday. "
    body = filler * 3 + '"We agree", - he said. ' + filler * 3 + "\n"
    out = _plain(text.renderables([_result(body)]))
    lines = out.splitlines()
    source = lines[next(n for n, line in enumerate(lines) if " PU001 " in line) + 1]
    assert "…" in source and '", - ' in source
    assert len(source) < 200


def test_piped_output_is_plain_and_concise(tmp_path, run):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    env_run = run("check", "bad.txt")
    assert ESC not in env_run.stdout
    assert env_run.stdout.decode().splitlines()[0].startswith("bad.txt:1:10: PU001 ")
    assert "│" not in env_run.stdout.decode()


def test_color_always_and_never(tmp_path, run):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    # The fixture sets NO_COLOR; an explicit --color always still wins.
    forced = run("check", "--color", "always", "bad.txt")
    assert ESC in forced.stdout
    assert "│".encode() in forced.stdout
    never = run("check", "--color", "never", "bad.txt")
    assert ESC not in never.stdout


def test_no_color_is_honoured(monkeypatch):
    # rich reads NO_COLOR when the console is created.
    from mtfix.cli.options import Color
    from mtfix.cli.run import _console

    monkeypatch.setenv("NO_COLOR", "1")
    assert _console(io.StringIO(), Color.auto).no_color
    assert not _console(io.StringIO(), Color.always).no_color
    monkeypatch.delenv("NO_COLOR")
    assert _console(io.StringIO(), Color.never).no_color
    assert not _console(io.StringIO(), Color.auto).no_color


def test_progress_only_for_many_inputs_on_a_terminal(monkeypatch):
    from mtfix.cli import run as cli_run

    items = list(range(30))
    assert cli_run._progress(iter(items)) == items  # stderr is not a terminal under pytest
    monkeypatch.setattr(cli_run.sys.stderr, "isatty", lambda: True, raising=False)
    assert cli_run._progress(iter(items[:3])) == items[:3]
    assert list(cli_run._progress(iter(items))) == items


def _printed_by_rich(results, statistics=False, quiet=False) -> str:
    """The markup report as the command's console prints it to a file."""
    from mtfix.cli.options import Color
    from mtfix.cli.run import _console

    buffer = io.StringIO()
    rendered = text.render(results, statistics=statistics, quiet=quiet)
    if rendered:
        _console(buffer, Color.auto).print(rendered)
    return buffer.getvalue()


def _reported(results, statistics=False, quiet=False) -> str:
    from mtfix.cli.options import Format
    from mtfix.cli.run import _report

    buffer = io.StringIO()  # no tty: the plain path
    _report(results, Format.text, statistics, quiet, stream=buffer)
    return buffer.getvalue()


def test_piped_report_is_what_rich_prints():
    from dataclasses import replace

    result = _result(BAD + "He told about the plan.\n" * 3)
    issue = result.issues[0]
    tricky = [
        "plain words",
        "a [bold]tag[/] and [link=x]more[/link]",
        "a backslash \\ and an escaped \\[b] tag, ends with \\",
        "a\ttab and a\rcarriage return, a bell\a",
        "emoji codes stay :smile: :100:",
        "",
    ]
    errored = FileResult("missing [x].txt", error="missing [x].txt: no such file")
    for message in tricky:
        result.issues = [replace(issue, message=message), *result.issues[1:]]
        for statistics in (False, True):
            for quiet in (False, True):
                expected = _printed_by_rich([result, errored], statistics, quiet)
                assert _reported([result, errored], statistics, quiet) == expected
    assert _reported([FileResult("ok.txt", Document("Fine.\n", path="ok.txt"))], quiet=True) == ""


def test_plain_lines_only_when_rich_would_print_the_text_as_is():
    result = _result()
    assert text.plain([result]) == _printed_by_rich([result]).removesuffix("\n")
    assert text.plain([_result(path="a[b].txt")]) is None


def test_line_numbers_are_not_emoji_codes():
    body = "\n" * 99 + '"We agree", - he said.\n'
    results = [_result(body, "l100.txt")]
    assert _reported(results).startswith("l100.txt:100:10: PU001 ")
    assert _printed_by_rich(results).startswith("l100.txt:100:10: PU001 ")


def test_rich_decides_whenever_the_output_may_be_a_terminal(monkeypatch):
    from mtfix.cli.options import Color
    from mtfix.cli.run import _may_be_terminal

    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    assert not _may_be_terminal(io.StringIO(), Color.auto)
    assert not _may_be_terminal(io.StringIO(), Color.never)
    assert _may_be_terminal(io.StringIO(), Color.always)
    tty = io.StringIO()
    tty.isatty = lambda: True
    assert _may_be_terminal(tty, Color.never)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    assert _may_be_terminal(io.StringIO(), Color.auto)
    monkeypatch.delenv("TTY_COMPATIBLE")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert _may_be_terminal(io.StringIO(), Color.auto)
