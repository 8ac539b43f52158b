"""The Python API: text, units and files, and Settings built the way callers write them."""

from __future__ import annotations

import doctest

import mtfix
from mtfix import Settings


def test_module_examples_hold():
    assert doctest.testmod(mtfix).failed == 0


def test_check_units_names_the_unit_and_the_flagged_text():
    found = mtfix.check_units(
        [("Они договорились.", "They agreed."), ("Стороны не могут договориться.", "The sides can not agree.")]
    )
    assert [(f.code, f.unit, f.text) for f in found] == [("SP002", "2", "can not")]


def test_fix_units_returns_every_target_in_order():
    fixed = mtfix.fix_units([("Да.", "Yes."), ("Он сказал.", '"We agree", - he said.'), ("Нет.", "No & never.")])
    assert fixed == ["Yes.", '"We agree," he said.', "No & never."]


def test_check_file_reports_file_lines_and_unit_ids(tmp_path):
    po = tmp_path / "news.po"
    po.write_text('msgid ""\nmsgstr ""\n\nmsgctxt "lead"\nmsgid "Стороны не могут"\nmsgstr ""\n"The sides can "\n"not agree."\n', encoding="utf-8")
    (finding,) = mtfix.check_file(po)
    assert (finding.code, finding.unit, finding.line, finding.column, finding.text) == (
        "SP002", "lead\x04Стороны не могут", 7, 12, "can not"
    )


def test_settings_take_lists_and_stay_hashable():
    settings = Settings(select=["SP"], ignore=["SP001"], severity={"SP002": "info"}, glossaries=[])
    assert settings.select == ("SP",) and settings.ignore == ("SP001",)
    assert hash(settings) == hash(Settings(select=("SP",), ignore=("SP001",), severity=(("SP002", "info"),)))
    (issue,) = mtfix.check_text("They can not.", settings)
    assert issue.severity.value == "info"


def test_a_context_is_reused_across_calls():
    context = mtfix.Context(Settings(select=["SP"]))
    assert [i.code for i in mtfix.check_text("They can not.", context)] == ["SP002"]
    rules = context.rules
    assert mtfix.fix_units([("Они не могут.", "They can not.")], context) == ["They cannot."]
    assert context.rules is rules  # built once, not per call


def test_fix_units_keeps_a_target_with_a_line_separator_whole():
    assert mtfix.fix_units([("x", "a\u2028the the end")], mtfix.Settings(select=["SP001"])) == ["a\u2028the end"]


def test_check_file_honours_max_file_size(tmp_path):
    import os

    import pytest

    from mtfix.document import InputError

    big = tmp_path / "big.txt"
    big.write_text("They can not agree.\n" * 100)  # 2,000 bytes
    with pytest.raises(InputError, match=r"big.txt: 2000 bytes is larger than the 1 kB limit \(max-file-size\)"):
        mtfix.check_file(big, Settings(max_file_size=1024))
    assert len(mtfix.check_file(big, Settings(max_file_size=4096))) == 100
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # nobody writes it: a blocking read would never return
    with pytest.raises(InputError, match="not a regular file"):
        mtfix.check_file(fifo)
