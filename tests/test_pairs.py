"""Language pairs: each profile's glossaries, source-language data and rules."""

from __future__ import annotations

import pytest

import mtfix
from mtfix import Settings
from mtfix.config import ConfigError, parse
from mtfix.context import Context
from mtfix.languages import PAIRS, pair

UK = Settings(language_pair="uk-en")


def test_every_pair_has_a_profile_and_a_glossary():
    for name in PAIRS:
        profile = pair(name)
        assert profile.name == name and profile.source.code == name.split("-")[0]
        assert len(Context(Settings(language_pair=name)).glossary.entries) > 100


def test_uk_en_replaces_russian_style_place_names():
    text = "The shelling of Kharkov and Nikolaev went on."
    assert mtfix.fix_text(text, UK) == "The shelling of Kharkiv and Mykolaiv went on."


def test_ukrainian_months_and_numbers_are_read_from_the_source():
    units = [("Зустріч відбулася 13 травня 2022 року.", "The meeting took place on March 13, 2022.")]
    found = mtfix.check_units(units, Settings(language_pair="uk-en", select=["BL002"]))
    assert sorted(f.message for f in found) == [
        "`March` is not the month the source names",
        "the source names May, the target does not",
    ]
    assert mtfix.check_units(units, Settings(select=["BL002"])) == []  # Russian knows no травня
    both = [("Загинули 3 тисячі осіб.", "3,000 people died.")]
    assert mtfix.check_units(both, Settings(language_pair="uk-en", select=["BL001"])) == []


def test_rules_that_read_russian_do_not_run_for_ukrainian():
    codes = {rule.code for rule in Context(UK).rules}
    assert "CQ001" not in codes
    assert {"TM001", "PU001", "BL001", "BL002", "BL007", "TR001", "TR005"} <= codes
    assert "CQ001" in {rule.code for rule in Context(Settings()).rules}


def test_an_unknown_pair_is_a_configuration_error(tmp_path):
    with pytest.raises(ConfigError, match="language-pair.*ru-en, uk-en"):
        parse({"language-pair": "de-en"}, tmp_path / "mtfix.toml")


def test_rules_command_lists_what_runs_for_a_pair(run):
    ukrainian = run("rules", "--pair", "uk-en").stdout.decode()
    everything = run("rules").stdout.decode()
    assert "CQ001" in everything and "CQ001" not in ukrainian and "TM001" in ukrainian
    wrong = run("rules", "--pair", "de-en")
    assert wrong.returncode == 2 and "unknown language pair 'de-en'" in wrong.stderr.decode()
