"""WS003 in a bilingual file: spaces left where the source has a dash mark a lost dash."""

from __future__ import annotations

from mtfix import engine, formats
from mtfix.config import parse


def _run(line: str, unsafe: bool):
    settings = parse({"select": ["WS003"]}, None)
    document = formats.parse(line, "tsv")
    issues = engine.check(document, settings)
    return issues, engine.fix(formats.parse(line, "tsv"), settings, unsafe=unsafe).document.raw


def test_spaces_for_a_dropped_dash_are_not_collapsed_by_a_safe_fix():
    line = "Москва — столица России.\tMoscow  the capital of Russia.\n"
    issues, fixed = _run(line, unsafe=False)
    assert [i.message for i in issues] == ["several spaces where the source has a dash; the dash was probably lost"]
    assert fixed == line
    assert _run(line, unsafe=True)[1] == "Москва — столица России.\tMoscow — the capital of Russia.\n"


def test_spaces_with_no_dash_in_the_source_are_collapsed():
    line = "Москва, столица России.\tMoscow,  the capital of Russia.\n"
    issues, fixed = _run(line, unsafe=False)
    assert [i.message for i in issues] == ["several spaces between words"]
    assert fixed == "Москва, столица России.\tMoscow, the capital of Russia.\n"
