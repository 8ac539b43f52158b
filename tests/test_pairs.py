"""Language pairs: each profile's glossaries, source-language data and rules."""

from __future__ import annotations

from pathlib import Path

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


def test_romanized_ukrainian_reads_back_through_ukrainian_morphology():
    text = "They bought a new pylosos for the flat."
    found = mtfix.check_text(text, Settings(language_pair="uk-en", select=["TR001"]))
    assert [(f.code, text[f.span.start : f.span.end]) for f in found] == [("TR001", "pylosos")]
    assert "Ukrainian" in found[0].message and "пилосос" in found[0].message
    # the Russian lexicon does not read it: the word is Ukrainian (Russian: пылесос)
    assert [f.severity.value for f in mtfix.check_text(text, Settings(select=["TR001"]))] in ([], ["info"])


def test_ukrainian_names_are_romanized_by_the_national_system():
    from mtfix.languages import language

    romanizer = language("uk").romanizer()
    assert [romanizer.romanize(w) for w in ("Запоріжжя", "Київ", "Згорани", "Яготин", "Стрий")] == [
        "Zaporizhzhia", "Kyiv", "Zghorany", "Yahotyn", "Stryi",
    ]
    assert {r.cyrillic for r in romanizer.readings("Kyyiv")} >= {"київ"}  # BGN/PCGN 1965


def test_a_ukrainian_source_word_left_in_latin_letters_is_reported():
    units = [("Купили новий пилосос.", "They bought a new pylosos.")]
    found = mtfix.check_units(units, Settings(language_pair="uk-en", select=["TR005"]))
    assert [f.issue.code for f in found] == ["TR005"] and "`пилосос`" in found[0].issue.message


def test_a_ukrainian_glossary_source_term_is_matched_in_any_case():
    units = [("Про це повідомили у Збройних силах України.", "This was reported by the army.")]
    found = mtfix.check_units(units, Settings(language_pair="uk-en", select=["BL007"]))
    assert [f.issue.code for f in found] == ["BL007"] and "Armed Forces of Ukraine" in found[0].issue.message


def test_an_old_rule_code_selects_the_rule_under_its_new_code():
    units = [("Эти крохоборы экономят на всём.", "These krokhobors save on everything.")]
    found = mtfix.check_units(units, Settings(select=["BL010"]))
    assert [f.issue.code for f in found] == ["TR005"]
    assert mtfix.check_units(units, Settings(select=["TR005"], ignore=["BL010"])) == []


def test_kiev_policy_is_a_setting_of_the_ru_en_pair_only():
    assert parse({"kiev-policy": "kyiv"}, Path("mtfix.toml")).kiev_policy == "kyiv"
    with pytest.raises(ConfigError, match="`kiev-policy` does not apply to the uk-en pair"):
        parse({"language-pair": "uk-en", "kiev-policy": "kyiv"}, Path("mtfix.toml"))
