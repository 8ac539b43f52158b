"""Every registered rule keeps its metadata in order: a code in its family's pattern, a
kebab-case name, a known category, and `Bad:` and `Good:` examples in its docstring (what
`mtfix explain CODE` prints) that the rule, run alone, really flags and passes; `fixable`
is true exactly when the rule offers a fix on one of its Bad examples.

A docstring may give several Bad/Good pairs. Bilingual examples (BL...) are written
`source → target`, several units separated by `; ` with an optional `(unit N)` after each.
"""

from __future__ import annotations

import inspect
import re

import pytest

from mtfix import check_units, engine
from mtfix.config import Settings
from mtfix.document import Document
from mtfix.model import Issue
from mtfix.registry import CATEGORIES, CODE, all_rules

RULES = all_rules()
KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
EXAMPLE = re.compile(r"^(Bad|Good): (.+)$")
UNIT_NUMBER = re.compile(r"\s*\(unit \d+\)$")

#: Examples written in words rather than as text to check: the text run in their place.
CONCRETE = {
    # "the directive removed, or kept only above the line it is for":
    ("MT001", "Good"): '<!-- mtfix: ignore PU001 -->\n"We agree", - he said.',
}
#: Rules that need other rules beside them to show their examples (MT001 reports only the
#: directives that hid nothing, so the rule the directive names must run too).
ALONGSIDE = {"MT001": ("PU001",)}
#: Docstrings known to be wrong, in modules this test's author could not edit: each must be
#: fixed in the rule's docstring, and then removed from here (the xfail is strict).


def examples(rule) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"Bad": [], "Good": []}
    for line in inspect.cleandoc(rule.__doc__ or "").splitlines():
        match = EXAMPLE.match(line.strip())
        if match:
            found[match[1]].append(CONCRETE.get((rule.code, match[1]), match[2].strip()))
    return found


def units(example: str) -> list[tuple[str, str]]:
    pairs = []
    for part in example.split("; "):
        source, arrow, target = UNIT_NUMBER.sub("", part).partition(" → ")
        assert arrow, f"a bilingual example is `source → target`, not {part!r}"
        pairs.append((source.strip(), target.strip()))
    return pairs


def run(code: str, example: str) -> list[Issue]:
    """The issues of rule `code` alone (with ALONGSIDE's help) on one example."""
    settings = Settings(select=(code, *ALONGSIDE.get(code, ())))
    if " → " in example:  # a bilingual example: source → target
        found = [finding.issue for finding in check_units(units(example), settings)]
    else:
        found = engine.check(Document(example), settings)
    return [issue for issue in found if issue.code == code]


@pytest.mark.parametrize("code", list(RULES))
def test_identity(code):
    rule = RULES[code]
    assert rule.code == code
    assert CODE.match(code), f"{code}: a rule code is two capitals and three digits"
    assert KEBAB.match(rule.name), f"{code}: name {rule.name!r} is not kebab-case"
    assert rule.category in CATEGORIES, f"{code}: category {rule.category!r} is not in registry.CATEGORIES"
    assert rule.summary.strip(), f"{code}: no summary"
    assert isinstance(rule.fixable, bool)


def test_names_are_unique():
    names = [rule.name for rule in RULES.values()]
    assert sorted(n for n in names if names.count(n) > 1) == []


@pytest.mark.parametrize("code", list(RULES))
def test_examples(code):
    found = examples(RULES[code])
    assert found["Bad"], f"{code}: no `Bad:` example in the docstring"
    assert found["Good"], f"{code}: no `Good:` example in the docstring"
    for bad in found["Bad"]:
        assert run(code, bad), f"{code} does not flag its Bad example {bad!r}"
    for good in found["Good"]:
        issues = run(code, good)
        assert not issues, f"{code} flags its Good example {good!r}: {[i.message for i in issues]}"


@pytest.mark.parametrize("code", list(RULES))
def test_fixable_matches_the_examples(code):
    rule = RULES[code]
    fixes = [bad for bad in examples(rule)["Bad"] if any(issue.fix is not None for issue in run(code, bad))]
    if rule.fixable:
        assert fixes, f"{code} is fixable, but offers no fix on any of its Bad examples"
    else:
        assert not fixes, f"{code} is not marked fixable, but offers a fix on {fixes[0]!r}"
