"""Phrase packs: every shipped entry fires on its own bad example and stays silent on its good
one, and the loader rejects malformed packs with an error that names the file and the entry."""

from __future__ import annotations

from importlib import resources

import pytest

from mtfix import check_text
from mtfix.config import Settings
from mtfix.rules.phrases import PackError, load_pack, parse_pack

PACKS = {"calques": "CQ001", "boilerplate": "BP001"}


def _entries():
    for name, code in PACKS.items():
        for entry in load_pack("ru-en", name).entries:
            yield pytest.param(name, code, entry, id=f"{name}-{entry.id}")


def test_every_shipped_pack_has_a_rule():
    folder = resources.files("mtfix.rules").joinpath("packs", "ru-en")
    shipped = {p.name.removesuffix(".yml") for p in folder.iterdir() if p.name.endswith(".yml")}
    assert shipped >= set(PACKS)
    for name in shipped:
        load_pack("ru-en", name)


@pytest.mark.parametrize(("name", "code", "entry"), list(_entries()))
def test_entry_examples(name, code, entry):
    assert entry.bad and entry.good, "every entry carries a bad and a good example"
    settings = Settings(select=(code,))
    line = load_pack("ru-en", name).scope == "line"
    find = entry.pattern.fullmatch if line else entry.pattern.search
    match = find(entry.bad)
    assert match, f"{entry.id} does not match its bad example"
    found = check_text(entry.bad, settings)
    assert any(match.start() <= i.span.start < i.span.end <= match.end() for i in found)
    assert check_text(entry.good, settings) == [], f"{code} fires on the good example"


GOOD = """
kind: substitution
entries:
  - id: airdrome
    phrase: airdrome
    message: say airfield
    suggestions: [airfield]
    fix: safe
"""


def test_a_valid_pack_parses():
    pack = parse_pack(GOOD, "x.yml")
    assert [e.id for e in pack.entries] == ["airdrome"]
    assert pack.entries[0].pattern.search("the military Airdrome was hit")
    assert not pack.entries[0].pattern.search("airdromes")


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (("    fix: safe", "    fix: safe\n    colour: red"), r"x\.yml: entry 1 \(airdrome\): unknown key `colour`"),
        (("phrase: airdrome", "regex: '(airdrome'"), r"x\.yml: entry 1 \(airdrome\): bad regex"),
        (("phrase: airdrome", "regex: 'x?'"), r"entry 1 \(airdrome\): the pattern matches the empty"),
        (("    phrase: airdrome", "    phrase: airdrome\n    regex: airdrome"), "exactly one of"),
        (("fix: safe", "fix: always"), r"`fix` must be one of"),
        (("suggestions: [airfield]", "suggestions: []"), "needs at least one suggestion"),
        (("suggestions: [airfield]", "suggestions: ['\\g<year>']"), "missing regex group"),
        (("id: airdrome", "id: Air Drome"), "kebab-case"),
        (("kind: substitution", "kind: swap"), r"x\.yml: `kind` must be one of"),
        (("kind: substitution", "kind: substitution\nlanguage: ru"), r"x\.yml: unknown key `language`"),
        (("kind: substitution", "kind: existence"), "never a safe fix"),
        (("message: say airfield", "message: ''"), "`message` is required"),
    ],
)
def test_malformed_packs_name_the_file_and_entry(change, error):
    old, new = change
    assert old in GOOD
    with pytest.raises(PackError, match=error):
        parse_pack(GOOD.replace(old, new, 1), "x.yml")


def test_duplicate_ids_and_bad_yaml_are_rejected():
    twice = GOOD + GOOD.split("entries:\n", 1)[1]
    with pytest.raises(PackError, match="used twice"):
        parse_pack(twice, "x.yml")
    with pytest.raises(PackError, match=r"x\.yml: invalid YAML"):
        parse_pack("kind: [", "x.yml")


def test_explain_lists_the_pack_entries():
    from mtfix.rules.phrases import Calque

    doc = Calque.__doc__
    assert "Bad:" in doc and "Good:" in doc
    assert "still-in-year [safe fix]" in doc
    assert "`still in 2015`" in doc


def test_boilerplate_never_fires_inside_prose():
    text = "He said: Back to news, then Tags: none, and Print version too.\n"
    assert check_text(text, Settings(select=("BP001",))) == []


def test_line_packs_see_markdown_list_items_and_leave_the_marker():
    from mtfix import engine
    from mtfix.formats import parse

    text = "# News\n\n«Back to news\n\n* The terrorist organization banned in Russia\n\nText.\n"
    document = parse(text, "markdown")
    settings = Settings(select=("BP001",))
    found = [text[i.span.start : i.span.end] for i in engine.check(document, settings)]
    assert found == ["«Back to news", "The terrorist organization banned in Russia"]
    fixed = engine.fix(document, settings, unsafe=True).document.text
    assert fixed == "# News\n\n\n* \n\nText.\n"
