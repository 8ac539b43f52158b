"""`mtfix report` checks each file once: the fix behind its fixed text starts from the issues
the report shows (as `mtfix fix` starts from its first check), and the page is the same."""

from __future__ import annotations

from pathlib import Path

from mtfix import engine
from mtfix.config import Settings
from mtfix.context import Context
from mtfix.engine import FileResult
from mtfix.formats import read
from mtfix.report import csv, html

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lavrov-tillerson" / "mt.txt"


def _result(path: Path, context: Context) -> FileResult:
    document = read(path)
    return FileResult(path.name, document, engine.check(document, context), context=context)


def test_the_report_is_the_same_as_with_a_second_check(tmp_path):
    po = tmp_path / "a.po"
    po.write_text('msgid "Готово"\nmsgstr "Done  ."\n\nmsgid "Да"\nmsgstr "Yes ,it is"\n', encoding="utf-8")
    context = Context(Settings())
    once = [_result(SAMPLE, context), _result(po, context)]
    twice = [_result(SAMPLE, context), _result(po, context)]
    for result in twice:
        result.document.memo.pop("checked")
    assert html.render(once, title="t") == html.render(twice, title="t")
    assert csv.render(once, unsafe=True) == csv.render(twice, unsafe=True)


def test_a_check_reuses_only_its_own_contexts_issues(monkeypatch):
    document = read(SAMPLE)
    context = Context(Settings())
    first = engine.check(document, context)
    calls = []
    monkeypatch.setattr(engine, "suppress", lambda *args: calls.append(1) or [])
    assert engine.check(document, context) == first and not calls  # the same context: reused
    assert engine.check(document, Context(Settings())) == [] and calls  # another context: checked
    assert engine.check(document, context, extra=lambda *args: []) == [] and len(calls) == 2  # a second opinion: checked
