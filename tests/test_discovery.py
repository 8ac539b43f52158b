"""Finding files and settings as ruff does: the default path, .gitignore, exclude and
extend-exclude, extension mappings, per-file-ignores, extend-select, hidden `.mtfix.toml`,
--show-settings, --stdin-filename and --output-file."""

from __future__ import annotations

import json

BAD = '"We agree", - he said at 07: 10.\n'


def _write(root, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _checked(result) -> dict[str, list[str]]:
    report = json.loads(result.stdout)
    return {f["path"]: [i["code"] for i in f["issues"]] for f in report["files"]}


def test_the_default_path_is_the_current_folder(tmp_path, run):
    _write(tmp_path, {"a.txt": BAD, "docs/b.md": BAD})
    assert sorted(_checked(run("check", "--format", "json"))) == ["a.txt", "docs/b.md"]


def test_gitignore_is_respected_unless_asked_not_to(tmp_path, run):
    _write(tmp_path, {
        ".gitignore": "generated/\n*.tmp.txt\n!keep.tmp.txt\n",
        "a.txt": BAD, "generated/out.txt": BAD, "x.tmp.txt": BAD, "keep.tmp.txt": BAD,
        "sub/.gitignore": "local.txt\n", "sub/local.txt": BAD, "sub/kept.txt": BAD,
    })
    (tmp_path / ".git").mkdir()
    assert sorted(_checked(run("check", "--format", "json", "."))) == [
        "a.txt", "keep.tmp.txt", "sub/kept.txt",
    ]
    everything = _checked(run("check", "--format", "json", "--no-respect-gitignore", "."))
    assert sorted(everything) == ["a.txt", "generated/out.txt", "keep.tmp.txt", "sub/kept.txt", "sub/local.txt", "x.tmp.txt"]
    named = _checked(run("check", "--format", "json", "generated/out.txt"))
    assert list(named) == ["generated/out.txt"]  # a file named on the command line is checked


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(tmp_path, run):
    _write(tmp_path, {"a.txt": BAD, "drafts/b.txt": BAD, "old/c.txt": BAD, "node_modules/d.txt": BAD})
    _write(tmp_path, {"mtfix.toml": 'extend-exclude = ["drafts", "old/*.txt"]\n'})
    assert sorted(_checked(run("check", "--format", "json"))) == ["a.txt"]
    _write(tmp_path, {"mtfix.toml": 'exclude = ["drafts"]\n'})
    assert sorted(_checked(run("check", "--format", "json"))) == ["a.txt", "node_modules/d.txt", "old/c.txt"]


def test_extension_maps_files_to_a_format(tmp_path, run):
    _write(tmp_path, {"corpus/test.en": BAD, "corpus/test.ru": "Он сказал.\n"})
    result = run("check", "--format", "json", "corpus")
    assert result.returncode == 2 and b"corpus: no files to check in this folder" in result.stderr
    assert sorted(_checked(run("check", "--format", "json", "--input-format", "text", "corpus"))) == [
        "corpus/test.en", "corpus/test.ru",
    ]
    _write(tmp_path, {"pyproject.toml": '[tool.mtfix]\nextension = {"en" = "text"}\n'})
    assert _checked(run("check", "--format", "json", "corpus")) == {"corpus/test.en": ["PU001", "WS001"]}


def test_per_file_ignores_and_extend_select(tmp_path, run):
    _write(tmp_path, {
        ".mtfix.toml": 'select = ["PU"]\nextend-select = ["WS001"]\n[per-file-ignores]\n"legacy/*.txt" = ["PU001"]\n',
        "a.txt": BAD, "legacy/b.txt": BAD,
    })
    assert _checked(run("check", "--format", "json")) == {"a.txt": ["PU001", "WS001"], "legacy/b.txt": ["WS001"]}
    only = _checked(run("check", "--format", "json", "--select", "SP", "--extend-select", "WS"))
    assert only == {"a.txt": ["WS001"], "legacy/b.txt": ["WS001"]}


def test_show_settings_prints_the_resolved_configuration(tmp_path, run):
    _write(tmp_path, {".mtfix.toml": 'ignore = ["WS003"]\nextension = {"en" = "text"}\n', "a.en": BAD})
    result = run("check", "--show-settings", "a.en")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert out.splitlines()[0] == "Resolved settings for: a.en"
    assert f'config-file = "{tmp_path / ".mtfix.toml"}"' in out
    assert 'input-format = "text"' in out and 'ignore = ["WS003"]' in out and 'extension = {"en": "text"}' in out


def test_stdin_filename_names_configures_and_formats_standard_input(tmp_path, run):
    _write(tmp_path, {"mtfix.toml": '[per-file-ignores]\n"*.md" = ["WS001"]\n'})
    result = run("check", "--format", "json", "--stdin-filename", "docs/page.md", "-", input=BAD.encode())
    report = json.loads(result.stdout)
    assert report["files"][0]["path"] == "docs/page.md"
    assert [i["code"] for i in report["files"][0]["issues"]] == ["PU001"]


def test_output_file_holds_the_report(tmp_path, run):
    _write(tmp_path, {"a.txt": BAD})
    result = run("check", "--format", "sarif", "--output-file", "out/report.sarif", "a.txt")
    assert result.returncode == 2 and b"--output-file" in result.stderr  # no such folder
    (tmp_path / "out").mkdir()
    result = run("check", "--format", "sarif", "-o", "out/report.sarif", "a.txt")
    assert result.returncode == 1 and result.stdout == b""
    log = json.loads((tmp_path / "out" / "report.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["results"][0]["ruleId"] == "PU001"


def test_bad_discovery_settings_are_one_line_errors(tmp_path, run):
    _write(tmp_path, {"a.txt": BAD, "mtfix.toml": 'extension = {".en" = "text"}\n'})
    result = run("check", "a.txt")
    assert result.returncode == 2
    assert result.stderr.decode().strip().endswith("`extension`: '.en' is not an extension (write it without the dot)")
    _write(tmp_path, {"mtfix.toml": '[per-file-ignores]\n"*.txt" = ["ZZ999"]\n'})
    assert b"unknown rule code 'ZZ999'" in run("check", "a.txt").stderr


def test_a_broken_configuration_below_fails_only_its_files(tmp_path, run):
    _write(tmp_path, {"a.txt": BAD, "sub/mtfix.toml": "select = 3\n", "sub/b.txt": BAD})
    result = run("check")
    assert result.returncode == 2
    assert result.stdout.decode().splitlines()[-1] == (
        "Found 2 issues (2 fixable with `mtfix fix`). 1 file could not be checked."
    )
    assert "sub/mtfix.toml: `select` must be a list of strings" in result.stderr.decode()
