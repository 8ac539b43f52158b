"""What CI platforms need from mtfix's reports: rule pages and links, fingerprints that tell
results apart and survive edits elsewhere, GitLab Code Quality (schema-checked), reviewdog's
rdjson, and GitHub's annotation limit and step summary."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest

from mtfix import engine, formats
from mtfix.context import Context
from mtfix.document import Document
from mtfix.engine import FileResult
from mtfix.report import fingerprints, github, gitlab, rdjson, ruledocs, sarif

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_922ec77216dacd05.txt"
WMT22 = SHARED / "corpora" / "wmt22-ru-en"
DATA = Path(__file__).parent / "data"
BAD = '"We agree", - he said.\nОн сказал: «Да».\n'


def _result(text: str, path: str, context: Context | None = None) -> FileResult:
    context = context or Context()
    document = formats.parse(text, formats.format_of(path), path)
    return FileResult(path, document, engine.check(document, context), context=context)


def test_rule_pages_are_up_to_date():
    """docs/rules/ is what `python -m mtfix.report.ruledocs docs/rules` writes."""
    expected = ruledocs.pages()
    folder = ROOT / "docs" / "rules"
    assert sorted(p.name for p in folder.glob("*.md")) == sorted(expected)
    for name, text in expected.items():
        assert (folder / name).read_text(encoding="utf-8") == text, f"docs/rules/{name} is stale"


def test_sarif_rules_link_their_pages_and_carry_markdown_help():
    log = sarif.report([_result(BAD, "a.txt")])
    driver = log["runs"][0]["tool"]["driver"]
    assert urlparse(driver["informationUri"]).scheme in ("file", "https")
    for rule in driver["rules"]:
        assert rule["helpUri"].endswith(f"/{rule['id']}.md")
        assert rule["help"]["markdown"].startswith(f"# {rule['id']} {rule['name']}")
        if rule["helpUri"].startswith("file:"):
            assert Path(url2pathname(urlparse(rule["helpUri"]).path)).is_file()


def test_help_address_follows_a_git_install(monkeypatch):
    direct = {"url": "https://gitlab.example/team/mtfix.git", "vcs_info": {"vcs": "git", "commit_id": "abc123"}}

    class Installed:
        def read_text(self, name):
            return json.dumps(direct)

    monkeypatch.setattr(ruledocs.metadata, "distribution", lambda name: Installed())
    ruledocs._base.cache_clear()
    try:
        assert ruledocs.help_uri("PU001") == "https://gitlab.example/team/mtfix/-/blob/abc123/docs/rules/PU001.md"
    finally:
        ruledocs._base.cache_clear()


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed is not beside the repository")
def test_sarif_fingerprints_are_unique_on_the_seed_and_survive_edits_elsewhere():
    text = SEED.read_text(encoding="utf-8")
    context = Context()
    log = sarif.report([_result(text, "seed.txt", context)])
    prints = [r["partialFingerprints"]["mtfix/v2"] for r in log["runs"][0]["results"]]
    assert len(prints) > 40 and len(set(prints)) == len(prints)

    edited = "A new first paragraph.\n\n" + text
    moved = sarif.report([_result(edited, "seed.txt", context)])
    assert set(prints) <= {r["partialFingerprints"]["mtfix/v2"] for r in moved["runs"][0]["results"]}


def test_fingerprints_count_repeats_of_one_line():
    document = Document('"A", - he said.\n"A", - he said.\n', path="a.txt")
    issues = engine.check(document)
    prints = fingerprints.fingerprints(document, issues)
    assert len(issues) == 2 and prints[0].endswith(":0") and prints[1].endswith(":1")
    assert prints[0].split(":")[0] == prints[1].split(":")[0]


@pytest.mark.skipif(not WMT22.is_dir(), reason="the shared WMT22 corpus is not beside the repository")
def test_fingerprints_are_unique_on_the_wmt22_systems():
    context = Context()
    results = [_result(path.read_text(encoding="utf-8"), path.name, context) for path in sorted(WMT22.glob("*.en"))]
    assert len(results) >= 10
    for result in results:
        prints = fingerprints.fingerprints(result.document, result.issues)
        assert len(set(prints)) == len(prints), result.path
    everywhere = [v["fingerprint"] for v in gitlab.violations(results)]
    assert len(everywhere) > 1000 and len(set(everywhere)) == len(everywhere)


def test_gitlab_code_quality_validates_against_its_schema():
    jsonschema = pytest.importorskip("jsonschema")
    results = [_result(BAD, "./docs/a.txt"), FileResult("gone.txt", error="gone.txt: no such file")]
    report = json.loads(gitlab.render(results))
    schema = json.loads((DATA / "gitlab-codequality.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(report)
    first = report[0]
    assert first["location"]["path"] == "docs/a.txt" and first["check_name"] == "PU001"
    assert first["location"]["positions"]["begin"] == {"line": 1, "column": 10}
    assert report[-1]["severity"] == "blocker" and report[-1]["location"]["path"] == "gone.txt"


def test_rdjson_counts_columns_in_utf8_bytes_and_suggests_fixes():
    text = 'Он сказал: "Да", - he said.\n'
    report = json.loads(rdjson.render([_result(text, "a.txt")]))
    assert report["source"]["name"] == "mtfix"
    pu = next(d for d in report["diagnostics"] if d["code"]["value"] == "PU001")
    start = text.index('", -')
    assert pu["location"]["range"]["start"] == {"line": 1, "column": len(text[:start].encode()) + 1}
    assert pu["severity"] == "WARNING" and pu["code"]["url"].endswith("/PU001.md")
    (suggestion,) = pu["suggestions"]
    begin, end = suggestion["range"]["start"]["column"] - 1, suggestion["range"]["end"]["column"] - 1
    data = text.encode()
    fixed = (data[:begin] + suggestion["text"].encode() + data[end:]).decode()
    assert '"Да," he said.' in fixed


def test_github_says_how_many_annotations_the_limit_hides():
    text = "".join(f'"Line {n}", - he said.\n' for n in range(13))
    out = github.render([_result(text, "a.txt")])
    lines = out.splitlines()
    assert sum(line.startswith("::warning ") for line in lines) == 13
    assert lines[-1] == (
        "::notice title=mtfix::3 more annotations than GitHub shows (10 per level per step) are hidden; "
        "the step summary counts them all"
    )


def test_github_step_summary_is_written_when_set(tmp_path, run, monkeypatch):
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run("check", "--format", "github", "bad.txt", "gone.txt")
    assert result.returncode == 2
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("### mtfix: ")
    assert "| PU001 | dash-attribution | warning | 1 | 1 |" in table
    assert "1 file could not be checked:" in table and "`gone.txt`" in table
