"""One YAML case file per rule (tests/cases/<CODE>.yml): texts that must pass and must fail.

    rule: PU001
    settings: {english-variant: UK}     # optional, as in mtfix.toml (select defaults to the rule)
    pass:
      - '"We agree," he said.'
      - name: us-quotes                 # a case may be named, and have settings of its own
        text: '“We agree,” he said.'
        settings: {english-variant: US}
    fail:
      - text: '"We agree", - he said.'
        name: dash-after-quote          # optional: the case's name in the test id
        settings: {}                    # optional: merged over the file's settings
        count: 1                        # issues of this rule (default 1)
        severity: warning               # optional: the severity of every issue found
        fixed: '"We agree," he said.'   # after `mtfix fix`, only this rule selected
        unsafe: false                   # apply unsafe fixes too

A top-level `format: tsv` (any name in `mtfix.formats.NAMES`) reads each text as that format,
for rules that need more than plain text (bilingual rules read a source column).
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
        fmt = data.get("format")
        for kind in ("pass", "fail"):
            for n, case in enumerate(data.get(kind, [])):
                case = {"text": case} if isinstance(case, str) else case
                settings = parse({**table, **case.get("settings", {})}, path)
                name = case.get("name", str(n))
                yield pytest.param(code, settings, case["text"], case if kind == "fail" else None, fmt, id=f"{code}-{kind}-{name}")


def _check(text, settings, fmt):
    if fmt is None:
        return check_text(text, settings)
    from mtfix import engine, formats

    return engine.check(formats.parse(text, fmt), settings)


def _fix(text, settings, fmt, unsafe):
    if fmt is None:
        return fix_text(text, settings, unsafe=unsafe)
    from mtfix import engine, formats

    return engine.fix(formats.parse(text, fmt), settings, unsafe=unsafe).document.text


@pytest.mark.parametrize(("code", "settings", "text", "case", "fmt"), list(_load()))
def test_case(code, settings, text, case, fmt):
    found = [i for i in _check(text, settings, fmt) if i.code == code]
    if case is None:
        assert found == [], f"{code} fired on text that must pass: {[i.message for i in found]}"
        return
    assert len(found) == case.get("count", 1), [i.message for i in found]
    if "severity" in case:
        assert {i.severity.value for i in found} == {case["severity"]}, [i.message for i in found]
    if "fixed" in case:
        fixed = _fix(text, settings, fmt, case.get("unsafe", False))
        assert fixed == case["fixed"]
        assert _fix(fixed, settings, fmt, case.get("unsafe", False)) == fixed


def test_every_rule_has_a_case_file():
    missing = [code for code in all_rules() if not (CASES / f"{code}.yml").is_file()]
    assert missing == []
