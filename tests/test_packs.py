"""Packs: every shipped entry fires on its own bad example and stays silent on its good one;
the shipped packs give what they gave when each needed a Python class; the loader rejects
malformed packs naming file, line and entry; every kind works, on text and on units; a
one-check pack reports under its code alone."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from mtfix import check_text, check_units, engine
from mtfix.config import Settings
from mtfix.document import Document
from mtfix.packs.schema import PackError, parse_pack
from mtfix.rules.phrases import load_pack, shipped

PACKS = {name: load_pack(folder, name) for folder, name in shipped()}
SHARED = Path(__file__).resolve().parents[2] / "shared"


def _entries():
    for name, pack in PACKS.items():
        for entry in pack.entries:
            yield pytest.param(pack, entry, id=f"{name}-{entry.id}")


def test_the_shipped_packs():
    assert {name: pack.code for name, pack in PACKS.items()} == {
        "boilerplate": "BP001", "calques": "CQ001", "can-not": "SP002", "decimal-comma": "LC002",
        "space-before-punctuation": "WS002", "padded-parentheses": "WS004",
    }
    assert [name for name, pack in PACKS.items() if pack.single] == [
        "can-not", "decimal-comma", "padded-parentheses", "space-before-punctuation"
    ]


@pytest.mark.parametrize(("pack", "entry"), list(_entries()))
def test_entry_examples(pack, entry):
    assert entry.bad and entry.good, "every entry carries a bad and a good example"
    settings = Settings(select=(pack.code if pack.single else f"{pack.code}:{entry.id}",))
    find = entry.pattern.fullmatch if pack.scope == "line" else entry.pattern.search
    match = find(entry.bad)
    assert match, f"{entry.id} does not match its bad example"
    found = check_text(entry.bad, settings)
    assert found and all(i.entry == ("" if pack.single else entry.id) for i in found)
    assert any(match.start() <= i.span.start < i.span.end <= match.end() for i in found)
    assert check_text(entry.good, Settings(select=(pack.code,))) == [], f"{pack.code} fires on the good example"


@pytest.mark.skipif(not (SHARED / "corpora" / "wmt14-ru-en").is_dir(), reason="needs ../shared/corpora")
@pytest.mark.parametrize(
    ("recording", "codes"),
    [("packs-before.json", ("CQ001", "BP001")), ("moved-rules-before.json", ("SP002", "LC002", "WS002", "WS004"))],
)
def test_the_packs_give_what_they_gave_as_python_classes(recording, codes):
    recorded = json.loads((Path(__file__).parent / "data" / recording).read_text(encoding="utf-8"))
    settings = Settings(select=codes)
    for name, before in recorded.items():
        path = SHARED / ("seed" if name.startswith("seed/") else "corpora") / name.removeprefix("seed/")
        document = Document(path.read_text(encoding="utf-8"))
        issues = [
            [i.code, i.span.start, i.span.end, i.message, list(i.suggestions),
             None if i.fix is None else [i.fix.applicability.value, [[e.span.start, e.span.end, e.replacement] for e in i.fix.edits]]]
            for i in engine.check(document, settings)
        ]
        assert issues == before["issues"], name
        fixed = engine.fix(document, settings, unsafe=True).document.text
        assert hashlib.sha256(fixed.encode()).hexdigest() == before["fixed"], name


HEAD = """code: HX001
name: house-style
summary: the house's own wording
category: style/calque
"""
GOOD = HEAD + """kind: substitution
entries:
  - id: airdrome
    phrase: airdrome
    message: say airfield
    suggestions: [airfield]
    fix: safe
"""


def test_a_valid_pack_parses():
    pack = parse_pack(GOOD, "x.yml")
    assert (pack.code, pack.name, pack.severity.value, pack.pairs) == ("HX001", "house-style", "warning", ())
    assert [e.id for e in pack.entries] == ["airdrome"] and pack.entries[0].line == 7
    assert pack.entries[0].pattern.search("the military Airdrome was hit")
    assert not pack.entries[0].pattern.search("airdromes")


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (("    fix: safe", "    fix: safe\n    colour: red"), r"x\.yml:12: entry 1 \(airdrome\): unknown key `colour`"),
        (("phrase: airdrome", "regex: '(airdrome'"), r"x\.yml:7: entry 1 \(airdrome\): bad regex"),
        (("phrase: airdrome", "regex: 'x?'"), r"entry 1 \(airdrome\): the pattern 'x\?' matches the empty"),
        (("    phrase: airdrome", "    phrase: airdrome\n    regex: airdrome"), "exactly one of"),
        (("fix: safe", "fix: always"), r"`fix` must be one of"),
        (("suggestions: [airfield]", "suggestions: []"), "needs at least one suggestion"),
        (("suggestions: [airfield]", "suggestions: ['\\g<year>']"), "missing regex group `year`"),
        (("id: airdrome", "id: Air Drome"), "kebab-case"),
        (("kind: substitution", "kind: swap"), r"x\.yml:5: `kind` must be one of"),
        (("kind: substitution", "kind: substitution\nlanguage: ru"), r"x\.yml:6: unknown key `language`"),
        (("kind: substitution", "kind: existence"), "never a safe fix"),
        (("message: say airfield", "message: ''"), "`message` is required"),
        (("code: HX001", "code: house"), r"x\.yml:1: `code` must be two capitals and three digits"),
        (("category: style/calque", "category: style"), r"x\.yml:4: `category` must be one of"),
        (("name: house-style\n", ""), r"x\.yml: `name` is required"),
        (("    fix: safe", "    fix: safe\n    exceptions: [{regx: a}]"), "an exception is a phrase or a"),
    ],
)
def test_malformed_packs_name_the_file_line_and_entry(change, error):
    old, new = change
    assert old in GOOD
    with pytest.raises(PackError, match=error):
        parse_pack(GOOD.replace(old, new, 1), "x.yml")


def test_duplicate_ids_and_bad_yaml_are_rejected_with_their_line():
    twice = GOOD + GOOD.split("entries:\n", 1)[1]
    with pytest.raises(PackError, match=r"x\.yml:12: entry 2: id `airdrome` is used twice"):
        parse_pack(twice, "x.yml")
    with pytest.raises(PackError, match=r"x\.yml:2: invalid YAML"):
        parse_pack("code: HX001\nname: a: b\n", "x.yml")


def test_explain_lists_the_pack_entries():
    from mtfix.registry import all_rules

    doc = all_rules()["CQ001"].__doc__
    assert "Bad:" in doc and "Good:" in doc
    assert "still-in-year [safe fix]" in doc
    assert "`still in 2015`" in doc


def test_boilerplate_never_fires_inside_prose():
    text = "He said: Back to news, then Tags: none, and Print version too.\n"
    assert check_text(text, Settings(select=("BP001",))) == []


def test_line_packs_see_markdown_list_items_and_leave_the_marker():
    from mtfix.formats import parse

    text = "# News\n\n«Back to news\n\n* The terrorist organization banned in Russia\n\nText.\n"
    document = parse(text, "markdown")
    settings = Settings(select=("BP001",))
    found = [text[i.span.start : i.span.end] for i in engine.check(document, settings)]
    assert found == ["«Back to news", "The terrorist organization banned in Russia"]
    fixed = engine.fix(document, settings, unsafe=True).document.text
    assert fixed == "# News\n\n\n\n* \n\nText.\n"


def _rule(text: str, tmp_path: Path) -> Settings:
    path = tmp_path / "house.yml"
    path.write_text(HEAD + text, encoding="utf-8")
    return Settings(select=("HX001",), packs=(path,))


def test_exceptions_cancel_the_matches_they_cover(tmp_path):
    settings = _rule(
        """entries:
  - id: told-about
    phrase: told about
    exceptions: [was told about, {regex: 'told about \\d'}]
    message: say spoke about
""",
        tmp_path,
    )
    text = "They told about it. He was told about it. She told about 50 people. We told about it."
    found = check_text(text, settings)
    assert [i.span.start for i in found] == [5, text.index("told about it.", 60)]


def test_consistency_flags_every_spelling_but_the_first_used(tmp_path):
    settings = _rule(
        """kind: consistency
entries:
  - id: adviser
    either: [adviser, advisor]
    message: "`\\\\g<0>`: this text spells it another way first"
    fix: unsafe
""",
        tmp_path,
    )
    text = "The advisor met an adviser. Advisor Smith left."
    found = check_text(text, settings)
    assert [(text[i.span.start : i.span.end], i.suggestions) for i in found] == [("adviser", ("advisor",))]
    assert check_text("One adviser, two advisers.", settings) == []


def test_repetition_flags_a_repeated_token_and_deletes_the_copy(tmp_path):
    from mtfix import fix_text

    settings = _rule(
        """kind: repetition
entries:
  - id: doubled-article
    regex: '\\b(?:the|a|an)\\b'
    message: "`\\\\g<first>` twice"
    fix: safe
""",
        tmp_path,
    )
    assert [i.message for i in check_text("He saw the the cat and a dog.", settings)] == ["`the` twice"]
    assert fix_text("He saw the The cat.", settings) == "He saw the cat."


PAIR = """kind: pair
entries:
  - id: decimal-point
    source: '\\b(?P<int>\\d+),(?P<frac>\\d+)\\b'
    target: '\\b\\g<int>\\.\\g<frac>\\b'
    message: "the source's `\\\\g<0>` is `\\\\g<int>.\\\\g<frac>` in English"
    bad: Рост составил 2,5% → Growth was 25%
    good: Рост составил 2,5% → Growth was 2.5%
  - id: no-rub
    source: '(?P<amount>\\d+) руб'
    target: '\\g<amount> rub\\b'
    expect: absent
    message: "write `\\\\g<amount> roubles`, not `rub`"
"""


def test_pair_entries_use_the_source_groups_in_the_target_pattern(tmp_path):
    settings = _rule(PAIR, tmp_path)
    units = [
        ("Рост составил 2,5%", "Growth was 25%"),
        ("Рост составил 2,5%", "Growth was 2.5%"),
        ("Цена 300 руб.", "The price is 300 rub."),
        ("Цена 300 руб.", "The price is 300 roubles."),
    ]
    found = [(f.unit, f.issue.entry, f.text, f.issue.message) for f in check_units(units, settings)]
    assert found == [
        ("1", "decimal-point", "Growth was 25%", "the source's `2,5` is `2.5` in English"),
        ("3", "no-rub", "300 rub", "write `300 roubles`, not `rub`"),
    ]
    assert check_text("Growth was 25%", settings) == [], "pairs need a source"


def _documented():
    import re

    text = (Path(__file__).resolve().parents[1] / "docs" / "packs.md").read_text(encoding="utf-8")
    return [block for block in re.findall(r"```yaml\n(.*?)```", text, re.S) if block.startswith("code: ")]


@pytest.mark.parametrize("text", _documented(), ids=lambda t: t.split("\n")[1])
def test_the_worked_examples_in_the_docs_work(text, tmp_path):
    from mtfix.packs.lint import lint

    assert lint(text, "packs.md") == []
    pack = parse_pack(text, "packs.md")
    shown = {p.code: p for p in PACKS.values()}.get(pack.code)
    if shown is not None:  # a shipped pack, shown as it is in mtfix/rules/packs/
        same = lambda p: (p.summary, p.category, p.skip, p.single, [replace(e, line=0) for e in p.entries])  # noqa: E731
        assert same(pack) == same(shown)
        return
    path = tmp_path / "pack.yml"
    path.write_text(text, encoding="utf-8")
    for entry in pack.entries:
        settings = Settings(select=(f"{pack.code}:{entry.id}",), packs=(path,))
        for example, fires in ((entry.bad, True), (entry.good, False)):
            if not example:
                continue
            if " → " in example:
                found = [f.issue for f in check_units([tuple(example.split(" → "))], settings)]
            else:
                found = check_text(example, settings)
            assert bool(found) is fires, (entry.id, example, found)


ONE_CHECK = HEAD + """kind: existence
case: sensitive
skip: [tokenized]
regex: '\\((?P<lead>[ \\t]*)(?P<body>[^()\\n]*?\\S)(?P<trail>[ \\t]*)\\)'
remove: [lead, trail]
message: blanks inside the brackets
suggestions: ['(\\g<body>)']
fix: safe
bad: the forces ( VKS )
good: the forces (VKS)
"""


def test_a_one_check_pack_reports_under_its_code_alone(tmp_path):
    from mtfix import fix_text
    from mtfix.packs.house import load
    from mtfix.packs.lint import lint
    from mtfix.selection import is_known_selector

    pack = parse_pack(ONE_CHECK, "x.yml")
    assert pack.single and [e.id for e in pack.entries] == ["house-style"] and pack.entries[0].line == 6
    assert lint(ONE_CHECK, "x.yml") == []
    path = tmp_path / "house.yml"
    path.write_text(ONE_CHECK, encoding="utf-8")
    rule = load(path)
    assert rule.entry_ids == frozenset() and not is_known_selector("HX001:house-style", [rule])
    assert "Entries in" not in rule.__doc__ and "Bad: the forces ( VKS )" in rule.__doc__
    settings = Settings(select=("HX001",), packs=(path,), tokenized="no")
    found = check_text("the forces ( VKS ) and (a ) and (b)", settings)
    assert [(i.entry, i.suggestions, [(e.span.start, e.span.end) for e in i.fix.edits]) for i in found] == [
        ("", ("(VKS)",), [(12, 13), (16, 17)]),
        ("", ("(a)",), [(25, 26)]),
    ], "the fix deletes only the named groups; `(b)`, where both are empty, is not reported"
    assert fix_text("the forces ( VKS ) and (a )", settings) == "the forces (VKS) and (a)"


def test_skip_tokenized_leaves_tokenized_text_alone(tmp_path):
    path = tmp_path / "house.yml"
    path.write_text(ONE_CHECK, encoding="utf-8")
    text = "the forces ( VKS )"
    assert check_text(text, Settings(select=("HX001",), packs=(path,), tokenized="yes")) == []
    assert len(check_text(text, Settings(select=("HX001",), packs=(path,), tokenized="no"))) == 1


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (("remove: [lead, trail]", "remove: [lead, tail]"), r"x\.yml:6: entry 1 \(house-style\): `remove` names a missing regex group `tail`"),
        (("kind: existence", "kind: substitution"), "`remove` belongs to existence entries"),
        (("remove: [lead, trail]\n", ""), "never a safe fix"),
        (("skip: [tokenized]", "skip: [markdown]"), r"x\.yml:7: `skip` must be a list of tokenized"),
        (("fix: safe", "fix: safe\nid: x"), r"x\.yml:\d+: unknown key `id`"),
    ],
)
def test_malformed_one_check_packs(change, error):
    old, new = change
    assert old in ONE_CHECK
    with pytest.raises(PackError, match=error):
        parse_pack(ONE_CHECK.replace(old, new, 1), "x.yml")
