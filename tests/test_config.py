"""Configuration discovery and strict validation."""

from __future__ import annotations

import json

BAD = '"We agree", - he said at 07: 10.\n'


def codes(run, *args):
    result = run("check", "--format", "json", *args)
    return [i["code"] for f in json.loads(result.stdout)["files"] for i in f["issues"]]


def test_mtfix_toml_is_found_upward_from_each_file(tmp_path, run):
    (tmp_path / "project" / "chapter").mkdir(parents=True)
    (tmp_path / "project" / "mtfix.toml").write_text('ignore = ["WS"]\n')
    (tmp_path / "project" / "chapter" / "a.txt").write_text(BAD)
    (tmp_path / "b.txt").write_text(BAD)
    assert codes(run, "project/chapter/a.txt") == ["PU001"]
    assert codes(run, "b.txt") == ["PU001", "WS001"]


def test_pyproject_tool_table_and_severity_override(tmp_path, run):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.mtfix]\nselect = ["PU"]\n[tool.mtfix.severity]\nPU001 = "info"\n'
    )
    (tmp_path / "a.txt").write_text(BAD)
    report = json.loads(run("check", "--format", "json", "a.txt").stdout)
    assert [(i["code"], i["severity"]) for i in report["files"][0]["issues"]] == [("PU001", "info")]


def test_command_line_select_overrides_config(tmp_path, run):
    (tmp_path / "mtfix.toml").write_text('select = ["PU"]\n')
    (tmp_path / "a.txt").write_text(BAD)
    assert codes(run, "--select", "WS", "a.txt") == ["WS001"]


def test_explicit_config_path(tmp_path, run):
    (tmp_path / "strict.toml").write_text('select = ["WS001"]\n')
    (tmp_path / "a.txt").write_text(BAD)
    assert codes(run, "--config", "strict.toml", "a.txt") == ["WS001"]


def test_english_variant_decides_quotes(tmp_path, run):
    (tmp_path / "mtfix.toml").write_text('english-variant = "UK"\n')
    (tmp_path / "a.txt").write_text("He called it «a provocation».\n")
    run("fix", "a.txt")
    assert (tmp_path / "a.txt").read_text() == "He called it ‘a provocation’.\n"


def test_config_glossaries_are_relative_to_the_config(tmp_path, run):
    (tmp_path / "terms").mkdir()
    (tmp_path / "terms" / "house.tsv").write_text(
        "term\tvariants\tsource\tcase\tgender\tnote\nairfield\tairdrome\tаэродром\tno\t\thouse style\n"
    )
    (tmp_path / "mtfix.toml").write_text('glossaries = ["terms/house.tsv"]\nselect = ["TM"]\n')
    (tmp_path / "a.txt").write_text("A strike on the airdrome.\n")
    run("fix", "a.txt")
    assert (tmp_path / "a.txt").read_text() == "A strike on the airfield.\n"


def test_bad_configs_name_the_key(tmp_path, run):
    (tmp_path / "a.txt").write_text(BAD)
    cases = {
        'colour = "red"\n': "unknown key `colour`",
        'select = "PU"\n': "`select` must be a list of strings",
        'ignore = ["QQ1"]\n': "`ignore` names unknown rule code 'QQ1'",
        'english-variant = "AU"\n': "`english-variant` must be one of US, UK, not 'AU'",
        '[severity]\nPU001 = "fatal"\n': "`severity.PU001` must be one of error, warning, info",
        'glossaries = ["nope.tsv"]\n': "`glossaries` names a missing file",
        "select = [\n": "invalid TOML",
    }
    for content, message in cases.items():
        (tmp_path / "mtfix.toml").write_text(content)
        result = run("check", "a.txt")
        assert result.returncode == 2, content
        err = result.stderr.decode()
        assert message in err and "mtfix.toml" in err, (content, err)
        assert len(err.strip().splitlines()) == 1


def test_malformed_glossary_names_file_and_line(tmp_path, run):
    (tmp_path / "g.tsv").write_text("term\tvariants\tnote\nA\tB\tok\nC\tD\n")
    (tmp_path / "a.txt").write_text(BAD)
    result = run("check", "--glossary", "g.tsv", "a.txt")
    assert result.returncode == 2
    assert "g.tsv:3:" in result.stderr.decode()
