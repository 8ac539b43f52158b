"""Machine formats for `mtfix check`: SARIF 2.1.0 (schema-validated), GitHub workflow commands,
JUnit XML and JSON Lines (GitLab and reviewdog in test_ci_formats.py)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mtfix import engine
from mtfix.config import Settings
from mtfix.context import Context
from mtfix.document import Document
from mtfix.engine import FileResult
from mtfix.report import FORMATS, github, jsonl, junit, sarif

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
BAD = '"We agree", - he said.\nОн сказал: «Да».\n'


def _result(text: str = BAD, path: str = "docs/bad file.txt") -> FileResult:
    document = Document(text, path=path)
    settings = Settings()
    return FileResult(path, document, engine.check(document, settings), context=Context(settings))


def test_formats_are_listed():
    assert {"sarif", "github", "junit", "jsonl", "html"} <= set(FORMATS)


def test_sarif_validates_against_the_schema():
    jsonschema = pytest.importorskip("jsonschema")
    log = sarif.report([_result(), FileResult("missing.txt", error="missing.txt: no such file")])
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_sarif_carries_rule_metadata_regions_and_fixes():
    log = sarif.report([_result()])
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    by_id = {rule["id"]: rule for rule in rules}
    result = next(r for r in run["results"] if r["ruleId"] == "PU001")
    assert rules[result["ruleIndex"]]["id"] == "PU001"
    assert by_id["PU001"]["properties"]["category"] == "punctuation/dash-attribution"
    assert by_id["PU001"]["shortDescription"]["text"]
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/bad%20file.txt"
    region = location["region"]
    assert (region["startLine"], region["startColumn"]) == (1, 10)
    assert region["snippet"]["text"] == BAD[region["charOffset"] : region["charOffset"] + region["charLength"]]
    replacement = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    start = replacement["deletedRegion"]["charOffset"]
    end = start + replacement["deletedRegion"]["charLength"]
    fixed = BAD[:start] + replacement["insertedContent"]["text"] + BAD[end:]
    assert fixed.startswith('"We agree," he said.')


def test_sarif_columns_count_code_points():
    text = "Он сказал: «Да».\n"
    result = _result(text)
    log = sarif.report([result])
    for item in log["runs"][0]["results"]:
        region = item["locations"][0]["physicalLocation"]["region"]
        line, column = result.document.position(region["charOffset"])
        assert (region["startLine"], region["startColumn"]) == (line, column)


def test_github_commands_escape_data_and_properties():
    assert github.escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    out = github.render([_result(path="a,b:c.txt")])
    first = out.splitlines()[0]
    assert first.startswith("::warning file=a%2Cb%3Ac.txt,line=1,col=10,endLine=1,endColumn=")
    assert ",title=PU001 dash-attribution::" in first
    assert all(line.startswith("::") for line in out.splitlines())


def test_github_reports_unreadable_files():
    out = github.render([FileResult("x.txt", error="x.txt: no such file")])
    assert out == "::error file=x.txt,title=mtfix::x.txt: no such file\n"


def test_junit_one_testcase_per_issue():
    clean = _result('"We agree," he said.\n', "clean.txt")
    broken = FileResult("gone.txt", error="gone.txt: no such file")
    bad = _result(BAD + "\x0b bell\x07", "bad.txt")
    out = junit.render([bad, clean, broken])
    root = ET.fromstring(out.encode())
    suites = root.findall("./testsuite")
    assert [s.get("name") for s in suites] == ["bad.txt", "clean.txt", "gone.txt"]
    cases = suites[0].findall("testcase")
    assert len(cases) == len(bad.issues) >= 2
    first = cases[0]
    assert (first.get("name"), first.get("file"), first.get("line")) == ("PU001 bad.txt:1:10", "bad.txt", "1")
    assert "bad.txt:1:10: PU001" in first.find("failure").text
    assert "time" not in first.attrib and "time" not in root.attrib
    (passed,) = suites[1].findall("testcase")
    assert passed.find("failure") is None and passed.find("error") is None
    assert suites[2].find("testcase/error") is not None
    assert root.get("tests") == str(len(bad.issues) + 2)
    assert root.get("failures") == str(len(bad.issues)) and root.get("errors") == "1"


def test_jsonl_one_issue_per_line():
    result = _result()
    lines = jsonl.render([result]).splitlines()
    assert len(lines) == len(result.issues) >= 2
    first = json.loads(lines[0])
    assert first["path"] == "docs/bad file.txt"
    assert first["code"] == result.issues[0].code
    assert first["line"] == 1


@pytest.mark.parametrize("name", ["sarif", "github", "gitlab", "rdjson", "junit", "jsonl", "html"])
def test_check_accepts_the_format(tmp_path, monkeypatch, name):
    from typer.testing import CliRunner

    from mtfix.cli import app

    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check", "--format", name, "bad.txt"])
    assert result.exit_code == 1, result.output
    assert "PU001" in result.stdout


def test_check_format_through_a_subprocess(tmp_path, run):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    result = run("check", "--format", "sarif", "bad.txt")
    assert result.returncode == 1, result.stderr
    assert json.loads(result.stdout)["runs"][0]["results"][0]["ruleId"] == "PU001"
