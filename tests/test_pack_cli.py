"""House packs end to end through the real command: from mtfix.toml (paths relative to it)
and `--pack`, through check, fix and SARIF; `CODE:entry-id` in --ignore, --select, severity
and suppression comments; `mtfix explain CODE:entry-id`; `mtfix pack check`."""

from __future__ import annotations

import json

HOUSE = """code: HX001
name: house-style
summary: the house's own wording and figures
category: terminology/glossary
entries:
  - id: e-mail
    phrase: email
    message: the house writes `e-mail`
    suggestions: [e-mail]
    fix: safe
    bad: Send an email.
    good: Send an e-mail.
  - id: utilize
    phrase: utilize
    message: the house writes `use`
    suggestions: [use]
    fix: unsafe
  - id: decimal-point
    kind: pair
    source: '\\b(?P<int>\\d+),(?P<frac>\\d+)\\b'
    target: '\\b\\g<int>\\.\\g<frac>\\b'
    message: "the source's `\\\\g<0>` is `\\\\g<int>.\\\\g<frac>` in English"
    bad: Рост 2,5% → Growth 25%
    good: Рост 2,5% → Growth 2.5%
"""


def _project(tmp_path, config="packs = [\"qa/house.yml\"]\n"):
    (tmp_path / "qa").mkdir()
    (tmp_path / "qa" / "house.yml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "mtfix.toml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Send an email and utilize it.\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text("source\ttarget\nРост 2,5%\tGrowth 25%\nРост 3,5%\tGrowth 3.5%\n", encoding="utf-8")


def _issues(stdout):
    return [(i["code"], i["entry"], i["text"]) for f in json.loads(stdout)["files"] for i in f["issues"] if i["code"] == "HX001"]


def test_a_pack_from_the_config_checks_fixes_and_reports_in_sarif(tmp_path, run):
    _project(tmp_path)
    found = run("check", "--format", "json", "--select", "HX001", "a.txt", "b.tsv")
    assert found.returncode == 1, found.stderr.decode()
    assert _issues(found.stdout.decode()) == [
        ("HX001", "e-mail", "email"), ("HX001", "utilize", "utilize"), ("HX001", "decimal-point", "Growth 25%"),
    ]
    text = run("check", "--select", "HX001", "a.txt").stdout.decode()
    assert "a.txt:1:9: HX001:e-mail the house writes `e-mail` [*]" in text
    sarif = json.loads(run("check", "--format", "sarif", "--select", "HX001", "a.txt").stdout.decode())
    results = sarif["runs"][0]["results"]
    assert [(r["ruleId"], r["properties"]["entry"]) for r in results] == [("HX001", "e-mail"), ("HX001", "utilize")]
    assert "HX001" in {rule["id"] for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}
    assert run("fix", "--select", "HX001", "a.txt").returncode == 1
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "Send an e-mail and utilize it.\n"


def test_entry_ids_select_ignore_and_set_severity(tmp_path, run):
    _project(tmp_path, 'packs = ["qa/house.yml"]\nselect = ["HX001"]\nseverity = {"HX001:utilize" = "info"}\n')
    ignored = run("check", "--format", "json", "--ignore", "HX001:e-mail", "a.txt")
    assert _issues(ignored.stdout.decode()) == [("HX001", "utilize", "utilize")]
    assert json.loads(ignored.stdout.decode())["files"][0]["issues"][0]["severity"] == "info"
    chosen = run("check", "--format", "json", "--select", "HX001:e-mail", "a.txt")
    assert _issues(chosen.stdout.decode()) == [("HX001", "e-mail", "email")]
    calque = run("check", "--format", "json", "--select", "CQ001", "--ignore", "CQ001:still-in-year", "-", input=b"It was still in 2015 and airdrome.\n")
    assert [i["entry"] for i in json.loads(calque.stdout.decode())["files"][0]["issues"]] == ["airdrome"]
    unknown = run("check", "--ignore", "HX001:no-such-entry", "a.txt")
    assert unknown.returncode == 2 and "unknown pack entry 'HX001:no-such-entry'" in unknown.stderr.decode()


def test_a_suppression_comment_names_one_entry(tmp_path, run):
    _project(tmp_path)
    (tmp_path / "c.md").write_text("<!-- mtfix: ignore HX001:e-mail -->\nSend an email and utilize it.\n", encoding="utf-8")
    found = run("check", "--format", "json", "--select", "HX001", "c.md")
    assert _issues(found.stdout.decode()) == [("HX001", "utilize", "utilize")]


def test_a_malformed_pack_is_one_error_naming_file_and_line(tmp_path, run):
    bad = tmp_path / "bad.yml"
    bad.write_text(HOUSE.replace("    fix: unsafe\n", "    fix: sometimes\n"), encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    found = run("check", "--pack", str(bad), "a.txt")
    assert found.returncode == 2
    assert found.stderr.decode().strip().splitlines() == [
        f"mtfix: error: {bad}:13: entry 2 (utilize): `fix` must be one of safe, unsafe, none, not 'sometimes'"
    ]
    (tmp_path / "mtfix.toml").write_text('packs = ["bad.yml"]\n', encoding="utf-8")
    found = run("check", "a.txt")
    assert found.returncode == 2 and f"{bad}:13: entry 2 (utilize)" in found.stderr.decode()


def test_explain_an_entry(tmp_path, run):
    found = run("explain", "CQ001:still-in-year")
    assert found.returncode == 0
    assert found.stdout.decode().splitlines()[0].startswith("CQ001:still-in-year (calque, substitution): `still in 2015` renders")
    assert "Bad: Lavrov said that Moscow was still in 2015 ready to cooperate." in found.stdout.decode()
    assert "Good: The plant was still in operation in 2015." in found.stdout.decode()
    _project(tmp_path)
    house = run("explain", "--pack", "qa/house.yml", "HX001:decimal-point")
    assert "the source's `2,5` is `2.5` in English" in house.stdout.decode() and "Bad: Рост 2,5% → Growth 25%" in house.stdout.decode()
    assert run("explain", "CQ001:no-such").returncode == 2


def test_pack_check_reports_every_problem(tmp_path, run):
    path = tmp_path / "p.yml"
    path.write_text(
        HOUSE
        + """  - id: e-mail
    regex: '(broken'
    message: x
  - id: never
    regex: 'end$then'
    message: x
  - id: colour
    phrase: colour
    message: x
    bad: the color
""",
        encoding="utf-8",
    )
    found = run("pack", "check", str(path))
    assert found.returncode == 1
    assert found.stdout.decode().splitlines() == [
        f"{path}:25: entry 4: id `e-mail` is used twice (first by entry 1)",
        f"{path}:25: entry 4 (e-mail): bad regex '(broken': missing ), unterminated subpattern at position 0",
        f"{path}:28: entry 5 (never): its pattern can never match any text",
        f"{path}:31: entry 6 (colour): it does not match its own bad example",
    ]
    (tmp_path / "ok.yml").write_text(HOUSE, encoding="utf-8")
    assert run("pack", "check", "ok.yml").returncode == 0
