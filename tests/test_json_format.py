"""The JSON report is a contract (docs/json-format.md): keys, types and offsets are pinned."""

from __future__ import annotations

import json

TEXT = "First line\r\n«Quote», - he said at 07: 10.\n"


def test_report_shape_and_exact_offsets(tmp_path, run):
    path = tmp_path / "a.txt"
    path.write_bytes(("\ufeff" + TEXT).encode())
    (tmp_path / "missing-dir-marker").mkdir()
    report = json.loads(run("check", "--format", "json", "a.txt", "nope.txt").stdout)
    assert set(report) == {"version", "files", "summary"}
    assert isinstance(report["version"], str)
    first, missing = report["files"]
    assert missing == {"path": "nope.txt", "error": "nope.txt: no such file or folder", "issues": []}
    assert first["path"] == "a.txt"
    for issue in first["issues"]:
        assert set(issue) == {
            "code", "entry", "name", "category", "severity", "message", "start", "end", "line", "column",
            "end_line", "end_column", "unit", "text", "suggestions", "fix",
        }
        assert TEXT[issue["start"] : issue["end"]] == issue["text"]
        assert issue["severity"] in ("error", "warning", "info")
        assert "/" in issue["category"]
    by_code = {i["code"]: i for i in first["issues"]}
    dash = by_code["PU001"]
    assert (dash["line"], dash["column"]) == (2, 7)
    assert dash["start"] == len("First line\r\n«Quote")
    assert dash["category"] == "punctuation/dash-attribution"
    assert dash["fix"] == {
        "applicability": "safe",
        "edits": [{"start": dash["start"], "end": dash["end"], "replacement": ',» '}],
    }
    time = by_code["WS001"]
    assert time["text"] == " " and time["fix"]["edits"][0]["replacement"] == ""
    column = TEXT.index("07: 10") + 3 - len("First line\r\n") + 1
    assert (time["line"], time["column"], time["end_line"], time["end_column"]) == (2, column, 2, column + 1)
    summary = report["summary"]
    assert summary["files"] == 2 and summary["files_with_errors"] == 1
    assert summary["issues"] == len(first["issues"])
    assert summary["by_code"]["PU001"] == 1
    assert summary["signature"].startswith("mtfix:")
