"""Golden end-to-end cases: samples/*/ and tests/golden/*/ (see samples/README.md)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mtfix import engine, formats
from mtfix.context import Context
from mtfix.formats import read
from mtfix.inputs import SettingsResolver

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(p.parent for p in [*ROOT.glob("samples/*/mt.*"), *ROOT.glob("tests/golden/*/mt.*")])
UPDATE = os.environ.get("MTFIX_UPDATE_GOLDEN") == "1"


def _expect(path: Path, actual: str) -> None:
    if UPDATE:
        path.write_bytes(actual.encode("utf-8"))
    assert path.read_bytes().decode("utf-8") == actual


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path):
    source = next(case.glob("mt.*"))
    document = read(source)
    settings = SettingsResolver(case / "mtfix.toml" if (case / "mtfix.toml").exists() else None).for_path(source)
    issues = engine.check(document, settings)
    listing = "".join(
        "{}:{} {} {!r}\n".format(*document.location(i.span.start), i.code, document.text[i.span.start : i.span.end])
        for i in issues
    )
    _expect(case / "expected.issues.txt", listing)
    fixed = engine.fix(document, settings).document.raw
    _expect(case / f"expected.fixed{source.suffix}", fixed)
    assert engine.fix(formats.reread(document, fixed), settings).document.raw == fixed


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_report_shows_what_fix_writes(case: Path):
    """The HTML report's fixed text is the fix loop's own result, for every golden case."""
    from mtfix.engine import FileResult
    from mtfix.report import html

    source = next(case.glob("mt.*"))
    document = read(source)
    settings = SettingsResolver(case / "mtfix.toml" if (case / "mtfix.toml").exists() else None).for_path(source)
    result = FileResult(str(source), document, engine.check(document, settings), context=Context(settings))
    _, shown, _ = html._fixed_view(result, unsafe=False)
    assert shown.raw == (case / f"expected.fixed{source.suffix}").read_bytes().decode("utf-8")
    assert shown.text == engine.fix(document, settings).document.text
