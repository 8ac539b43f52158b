"""What a post-editor reads at a terminal: fixes in words, source lines that fit the width,
`fix --diff` word by word, counts alone with --statistics, whole help texts, the rules table,
and a closing line that agrees with the exit code."""

from __future__ import annotations

import io
import re

from rich.console import Console

from mtfix import engine
from mtfix.document import Document
from mtfix.engine import FileResult
from mtfix.model import Edit
from mtfix.report import text

BAD = '"We agree", - he said at 07: 10.\n'
ESC = b"\x1b["


def _result(body: str = BAD, path: str = "bad.txt") -> FileResult:
    document = Document(body, path=path)
    return FileResult(path, document, engine.check(document))


def _printed(renderables, width: int = 200) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, highlight=False, soft_wrap=True)
    for item in renderables:
        console.print(item)
    return buffer.getvalue()


def test_fixes_are_described_in_words():
    sample = 'one two\tthree'
    assert text.describe(sample, [Edit.replace(0, 3, "1")]) == 'replace "one" with "1"'
    assert text.describe(sample, [Edit.replace(3, 7, "")]) == 'delete " two"'
    assert text.describe(sample, [Edit.replace(7, 7, ",")]) == 'insert ","'
    assert text.describe(sample, [Edit.replace(7, 8, " ")]) == 'replace "\\t" with " "'
    out = _printed(text.renderables([_result()]))
    assert '│ fix: replace "", - " with "," "' in out
    assert '│ fix: delete " "' in out


def test_source_lines_fit_the_terminal_width():
    filler = "The delegation met the minister in Moscow on Monday. "
    body = filler * 4 + '"We agree", - he said. ' + filler * 4 + "\n"
    for width in (60, 80, 120):
        out = _printed(text.renderables([_result(body)], width=width), width=width)
        sources = [line for line in out.splitlines() if "│" in line and "fix:" not in line]
        assert sources and all(len(line) <= width for line in sources), (width, sources)
        assert all('", - ' in line for line in sources if "We agree" in line)


def test_statistics_print_counts_only(tmp_path, run):
    (tmp_path / "bad.txt").write_text(BAD * 2, encoding="utf-8")
    out = run("check", "--statistics", "bad.txt").stdout.decode().splitlines()
    assert out == [
        "    2  PU001  [*] dash-attribution",
        "    2  WS001  [*] time-spacing",
        "Found 4 issues (4 fixable with `mtfix fix`).",
    ]


def test_fix_diff_is_word_by_word_in_colour_and_says_what_it_would_fix(tmp_path, run):
    path = tmp_path / "bad.txt"
    path.write_text("Fine line.\n" + BAD, encoding="utf-8")
    shown = run("fix", "--diff", "--color", "always", "bad.txt")
    assert shown.returncode == 1 and ESC in shown.stdout
    out = shown.stdout.decode()
    assert "bad.txt" in out and "\x1b[" in out and "31m" in out and "32m" in out  # red and green
    words = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "2 │" in words and "he said at 07:" in words  # the line, word by word
    assert "Fine line" not in words  # unchanged lines are left out
    assert "Would fix 2 issues." in shown.stderr.decode()
    piped = run("fix", "--diff", "bad.txt")
    assert piped.stdout.decode().startswith("--- a/bad.txt\n+++ b/bad.txt\n")
    assert "Would fix 2 issues." in piped.stderr.decode() and "Fixed" not in piped.stderr.decode()
    assert path.read_text(encoding="utf-8") == "Fine line.\n" + BAD


def test_help_texts_are_whole(run):
    for args in (["--help"], ["glossary", "--help"], ["check", "--help"]):
        lines = run(*args).stdout.decode().splitlines()
        assert not [line for line in lines if re.search(r"\w(\.\.\.|…)$", line)], args


def test_rules_table_has_a_header_and_a_legend(run):
    out = run("rules").stdout.decode().splitlines()
    assert out[0].split() == ["code", "fix", "severity", "name", "category"]
    assert out[-1].startswith("[*]: ")


def test_a_file_that_fails_is_counted_never_all_checks_passed(tmp_path, run):
    (tmp_path / "good.txt").write_text("Fine.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    clean_and_missing = run("check", "good.txt", "missing.txt")
    assert clean_and_missing.returncode == 2
    assert clean_and_missing.stdout.decode().splitlines() == ["1 file could not be checked."]
    assert clean_and_missing.stderr.decode().splitlines() == ["mtfix: error: missing.txt: no such file or folder"]
    issues_and_missing = run("check", "bad.txt", "missing.txt").stdout.decode().splitlines()
    assert issues_and_missing[-1] == "Found 2 issues (2 fixable with `mtfix fix`). 1 file could not be checked."
    assert run("check", "good.txt").stdout.decode().strip() == "All checks passed!"
