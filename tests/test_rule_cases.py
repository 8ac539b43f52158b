"""One YAML case file per rule (tests/cases/<CODE>.yml): texts that must pass and must fail.

    rule: PU001
    settings: {english-variant: UK}     # optional, as in mtfix.toml (select defaults to the rule)
    pass:
      - '"We agree," he said.'
    fail:
      - text: '"We agree", - he said.'
        count: 1                        # issues of this rule (default 1)
        fixed: '"We agree," he said.'   # after `mtfix fix`, only this rule selected
        unsafe: false                   # apply unsafe fixes too
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mtfix import check_text, fix_text
from mtfix.config import parse
from mtfix.registry import all_rules

CASES = Path(__file__).parent / "cases"


def _load():
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        code = data["rule"]
        table = {"select": [code], **data.get("settings", {})}
        settings = parse(table, path)
        for n, text in enumerate(data.get("pass", [])):
            yield pytest.param(code, settings, text, None, id=f"{code}-pass-{n}")
        for n, case in enumerate(data.get("fail", [])):
            yield pytest.param(code, settings, case["text"], case, id=f"{code}-fail-{n}")


@pytest.mark.parametrize(("code", "settings", "text", "case"), list(_load()))
def test_case(code, settings, text, case):
    found = [i for i in check_text(text, settings) if i.code == code]
    if case is None:
        assert found == [], f"{code} fired on text that must pass: {[i.message for i in found]}"
        return
    assert len(found) == case.get("count", 1), [i.message for i in found]
    if "fixed" in case:
        fixed = fix_text(text, settings, unsafe=case.get("unsafe", False))
        assert fixed == case["fixed"]
        assert fix_text(fixed, settings, unsafe=case.get("unsafe", False)) == fixed


def test_every_rule_has_a_case_file():
    missing = [code for code in all_rules() if not (CASES / f"{code}.yml").is_file()]
    assert missing == []
