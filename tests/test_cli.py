"""The command line: exit codes, inputs, fix-in-place, and one-line errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from mtfix.cli import app

BAD = '"We agree", - he said.\n'
GOOD = '"We agree," he said.\n'


def test_exit_codes_clean_issues_usage(tmp_path, run):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "bad.txt").write_text(BAD)
    assert run("check", "good.txt").returncode == 0
    result = run("check", "bad.txt")
    assert result.returncode == 1
    assert b"bad.txt:1:10: PU001 " in result.stdout
    assert b"[*]" in result.stdout
    assert run("check", "bad.txt", "--exit-zero").returncode == 0
    assert run("check", "--format", "xml", "bad.txt").returncode == 2


def test_stdin_is_read_with_dash(run):
    result = run("check", "--format", "json", "-", input=BAD.encode())
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert report["files"][0]["path"] == "-"
    assert [i["code"] for i in report["files"][0]["issues"]] == ["PU001"]


def test_fix_stdin_prints_fixed_text(run):
    result = run("fix", "-", input=BAD.encode())
    assert result.stdout.decode() == GOOD
    assert result.returncode == 0


def test_select_and_ignore_by_prefix(tmp_path, run):
    (tmp_path / "a.txt").write_text('"Ok", - he said at 07: 10.\n')
    codes = lambda *a: [i["code"] for i in json.loads(run("check", "--format", "json", *a, "a.txt").stdout)["files"][0]["issues"]]
    assert codes() == ["PU001", "WS001"]
    assert codes("--select", "WS") == ["WS001"]
    assert codes("--ignore", "PU001,WS") == []
    assert codes("--select", "PU", "--ignore", "PU001") == []


def test_unknown_rule_code_is_a_usage_error(tmp_path, run):
    (tmp_path / "a.txt").write_text(GOOD)
    result = run("check", "--select", "ZZ9", "a.txt")
    assert result.returncode == 2
    assert result.stderr.decode().strip() == (
        "mtfix: error: command line: `--select` names unknown rule code 'ZZ9'"
    )


def test_bad_inputs_are_one_line_errors_and_the_rest_is_checked(tmp_path, run):
    (tmp_path / "bad.txt").write_text(BAD)
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin1.txt").write_bytes("ok\ncaf\xe9\n".encode("latin-1"))
    (tmp_path / "empty_dir").mkdir()
    result = run("check", "missing.txt", "binary.txt", "latin1.txt", "empty_dir", "bad.txt")
    assert result.returncode == 2
    errors = result.stderr.decode().splitlines()
    assert errors == [
        "mtfix: error: missing.txt: no such file or folder",
        "mtfix: error: binary.txt: binary file (contains NUL bytes), not checked",
        "mtfix: error: latin1.txt: invalid UTF-8 at byte offset 6",
        "mtfix: error: empty_dir: no files to check in this folder",
    ]
    assert b"bad.txt:1:10: PU001" in result.stdout


def test_folders_are_searched_recursively_by_extension(tmp_path, run):
    (tmp_path / "docs" / "deep").mkdir(parents=True)
    (tmp_path / "docs" / "deep" / "a.md").write_text(BAD)
    (tmp_path / "docs" / "b.txt").write_text(BAD)
    (tmp_path / "docs" / "c.py").write_text(BAD)
    (tmp_path / "docs" / ".hidden").mkdir()
    (tmp_path / "docs" / ".hidden" / "d.txt").write_text(BAD)
    report = json.loads(run("check", "--format", "json", "docs").stdout)
    assert sorted(f["path"] for f in report["files"]) == ["docs/b.txt", "docs/deep/a.md"]


def test_fix_in_place_keeps_bom_and_crlf_and_is_idempotent(tmp_path, run):
    path = tmp_path / "a.txt"
    original = "\ufeff" + BAD.replace("\n", "\r\n") + "Second line can not change.\r\n"
    path.write_bytes(original.encode("utf-8"))
    result = run("fix", "a.txt")
    assert result.returncode == 0, result.stdout
    fixed = path.read_bytes()
    assert fixed == ("\ufeff" + GOOD.replace("\n", "\r\n") + "Second line cannot change.\r\n").encode()
    assert run("fix", "a.txt").returncode == 0
    assert path.read_bytes() == fixed
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_fix_keeps_utf16_encoding(tmp_path, run):
    path = tmp_path / "a.txt"
    path.write_bytes(BAD.encode("utf-16"))
    run("fix", "a.txt")
    assert path.read_bytes() == GOOD.encode("utf-16")


def test_fix_diff_and_stdout_write_nothing(tmp_path, run):
    path = tmp_path / "a.txt"
    path.write_text(BAD)
    diff = run("fix", "--diff", "a.txt")
    assert diff.returncode == 1
    assert '-"We agree", - he said.\n+"We agree," he said.\n' in diff.stdout.decode()
    shown = run("fix", "--stdout", "a.txt")
    assert shown.stdout.decode() == GOOD
    assert path.read_text() == BAD


def test_fix_does_not_touch_a_file_it_cannot_read(tmp_path, run):
    path = tmp_path / "a.txt"
    data = BAD.encode() + b"\xff\xfe broken"
    path.write_bytes(data)
    result = run("fix", "a.txt")
    assert result.returncode == 2
    assert path.read_bytes() == data


def test_unsafe_fixes_only_when_asked(tmp_path, run):
    path = tmp_path / "a.txt"
    path.write_text("a strong strong statement\n")
    run("fix", "--select", "SP001", "a.txt")
    assert path.read_text() == "a strong strong statement\n"
    run("fix", "--select", "SP001", "--unsafe-fixes", "a.txt")
    assert path.read_text() == "a strong statement\n"


def test_statistics_and_quiet(tmp_path, run):
    (tmp_path / "a.txt").write_text(BAD + BAD)
    out = run("check", "--statistics", "--select", "PU", "a.txt").stdout.decode()
    assert "    2  PU001  [*] dash-attribution" in out
    quiet = run("check", "--quiet", "a.txt").stdout.decode()
    assert "Found" not in quiet and "PU001" in quiet


def test_rules_and_explain():
    runner = CliRunner()
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0
    assert "PU001  [*]  warning  dash-attribution" in listing.output
    explained = runner.invoke(app, ["explain", "pu001"])
    assert explained.exit_code == 0
    assert "Bad: " in explained.output and "Good: " in explained.output
    unknown = runner.invoke(app, ["explain", "XX123"])
    assert unknown.exit_code == 2


def test_version_and_help_load_no_word_lists():
    code = (
        "import sys\n"
        "from mtfix.cli import app\n"
        "for args in (['--version'], ['--help'], ['check', '--help']):\n"
        "    try:\n"
        "        app(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('wordfreq', 'pymorphy3', 'ahocorasick', 'sacrebleu', 'gender_guesser') or m.startswith(('mtfix.rules', 'mtfix.glossary', 'mtfix.lexicon'))]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_baseline_hides_known_issues_by_content(tmp_path, run):
    path = tmp_path / "a.txt"
    path.write_text("Intro.\n" + BAD)
    assert run("check", "--write-baseline", "base.json", "a.txt").returncode == 0
    assert run("check", "--baseline", "base.json", "a.txt").returncode == 0
    path.write_text("A new first line.\nIntro.\n\n" + BAD)
    assert run("check", "--baseline", "base.json", "a.txt").returncode == 0
    path.write_text("Intro.\n" + BAD + '"New", - she said.\n')
    result = run("check", "--baseline", "base.json", "a.txt")
    assert result.returncode == 1
    assert result.stdout.decode().count("PU001") == 1
    (tmp_path / "junk.json").write_text("[1, 2")
    assert run("check", "--baseline", "junk.json", "a.txt").stderr.decode().strip() == (
        "mtfix: error: junk.json: not an mtfix baseline file"
    )


def test_comment_directives(tmp_path, run):
    path = tmp_path / "a.md"
    path.write_text(
        "<!-- mtfix: ignore PU001 -->\n" + BAD + BAD
        + "<!-- mtfix: off -->\n" + BAD + "<!-- mtfix: on -->\n"
    )
    out = run("check", "--format", "json", "a.md").stdout
    issues = json.loads(out)["files"][0]["issues"]
    assert [(i["code"], i["line"]) for i in issues] == [("PU001", 3)]


def test_fail_on_sets_the_lowest_severity_that_fails_the_run(run, tmp_path):
    page = tmp_path / "names.txt"
    page.write_text("Sychev met the minister.\n", encoding="utf-8")  # only an info prompt (TR003)
    assert run("check", str(page)).returncode == 0  # info is worth a look, not a failed gate
    assert run("check", "--fail-on", "info", str(page)).returncode == 1
    assert run("check", "--fail-on", "warning", str(page)).returncode == 0
    worse = tmp_path / "worse.txt"
    worse.write_text("Sychev saw the himatakoy in Idlib.\n", encoding="utf-8")  # TR001 is a warning
    assert run("check", "--fail-on", "warning", str(worse)).returncode == 1
    assert run("check", "--fail-on", "error", str(worse)).returncode == 0
    done = run("check", "--fail-on", "loud", str(page))
    assert done.returncode == 2 and b"--fail-on" in done.stderr


def test_fix_honours_fail_on_for_what_remains(run, tmp_path):
    page = tmp_path / "names.txt"
    page.write_text("Sychev met the minister.\n", encoding="utf-8")
    assert run("fix", "--fail-on", "warning", str(page)).returncode == 0
    assert run("fix", "--fail-on", "info", str(page)).returncode == 1
    assert run("fix", str(page)).returncode == 0


def test_tokenized_text_is_noted_once_on_stderr(run, tmp_path):
    lines = "He said it hadn 't worked .\nThey didn 't agree , either .\nWe 're ready .\n"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(lines, encoding="utf-8")
    done = run("check", "--select", "WS002", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert done.returncode == 0 and done.stdout.count(b"WS002") == 0
    assert done.stderr.count(b"read as tokenized text") == 1
    assert b"a.txt" in done.stderr and b"b.txt" in done.stderr
    plain = tmp_path / "plain.txt"
    plain.write_text("He agreed , but with reservations.\n", encoding="utf-8")
    assert b"tokenized" not in run("check", "--select", "WS002", str(plain)).stderr
