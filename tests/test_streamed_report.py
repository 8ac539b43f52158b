"""`mtfix check` writes its text, JSON and JSON Lines reports to standard output file by file
as the files are checked (so a big folder is held one file at a time); a report file is
still written whole. Both must be the same bytes, and the exit code the same."""

from __future__ import annotations

import json

import pytest

BAD = '"We agree", - said Sergey Lavrov. The the talks went on.\nHe said that that was all.\n'
ODD = "Look at [this] \\ here: the the end.\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(BAD)
    (tmp_path / "a" / "[two].txt").write_text(ODD)  # rich would read the name as markup
    (tmp_path / "a" / "clean.txt").write_text("All is well here.\n")
    (tmp_path / "a" / "bad.po").write_text('msgid "x"\nmsgstr "unterminated\n')
    return tmp_path


@pytest.mark.parametrize(
    "options",
    [
        ["--format", "json"],
        ["--format", "jsonl"],
        [],
        ["--statistics"],
        ["--quiet"],
        ["--format", "json", "--select", "CY001"],  # no issue anywhere
    ],
)
def test_the_streamed_report_is_the_report_written_whole(run, folder, options):
    streamed = run("check", *options, "a")
    whole = run("check", *options, "a", "--output-file", "report.out")
    assert streamed.returncode == whole.returncode == 2  # bad.po cannot be read
    assert streamed.stdout == (folder / "report.out").read_bytes()
    assert streamed.stderr == whole.stderr


def test_the_streamed_json_report_parses_with_every_file_and_the_summary(run, folder):
    done = run("check", "--format", "json", "a")
    report = json.loads(done.stdout)
    assert [f["path"] for f in report["files"]] == sorted(f["path"] for f in report["files"])
    assert {p.rsplit("/", 1)[-1] for p in (f["path"] for f in report["files"])} == {
        "one.txt", "[two].txt", "clean.txt", "bad.po"
    }
    assert report["summary"]["issues"] == sum(len(f["issues"]) for f in report["files"]) > 0
    assert report["summary"]["files_with_errors"] == 1


def test_a_folder_with_nothing_to_check_streams_its_error_as_the_whole_report_does(run, tmp_path):
    (tmp_path / "empty").mkdir()
    done = run("check", "--format", "json", "empty")
    run("check", "--format", "json", "empty", "--output-file", "report.out")
    assert done.stdout == (tmp_path / "report.out").read_bytes()
    assert json.loads(done.stdout)["files"][0]["error"].endswith("no files to check in this folder")


def test_a_stream_of_no_file_is_the_empty_report():
    from mtfix.report.json import Stream, render
    from mtfix.report.tally import Tally

    stream = Stream()
    assert stream.begin() + stream.end(Tally()) == render([])
