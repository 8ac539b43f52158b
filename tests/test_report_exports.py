"""CSV and XLSX: one row per issue, with its unit, source, target and fixed text."""

from __future__ import annotations

import csv
import io

import pytest

from mtfix import engine
from mtfix.config import Settings
from mtfix.context import Context
from mtfix.engine import FileResult
from mtfix.formats import read
from mtfix.report import csv as csv_report
from mtfix.report import review, table

CATALOG = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

#: a.c:1
msgctxt "menu"
msgid "Мы не можем согласиться"
msgstr "We can not agree"

msgid "Формула"
msgstr "=HYPERLINK(\"http://x\") can not"

msgid "Том и Джерри"
msgstr "Tom and Jerry are are here."

msgid "Готово"
msgstr "Done."
'''


@pytest.fixture
def catalog(tmp_path):
    path = tmp_path / "x.po"
    path.write_text(CATALOG, encoding="utf-8")
    document = read(path)
    result = FileResult("x.po", document, engine.check(document, Settings()), context=Context(Settings()))
    assert len(result.issues) >= 3
    return path, result


def test_csv_has_one_row_per_issue(catalog):
    _, result = catalog
    rows = list(csv.DictReader(io.StringIO(csv_report.render([result]))))
    assert len(rows) == len(result.issues)
    assert list(rows[0]) == list(table.COLUMNS)
    first = rows[0]
    assert first["file"] == "x.po" and first["unit"] == "menu | Мы не можем согласиться"
    assert first["source"] == "Мы не можем согласиться" and first["target"] == "We can not agree"
    assert first["flagged"] == "can not" and first["code"] == "SP002" and first["fixed"] == "We cannot agree"
    assert (int(first["line"]), int(first["column"])) == result.document.location(result.issues[0].span.start)
    formula = next(r for r in rows if r["unit"] == "Формула")
    assert formula["target"].startswith("'=HYPERLINK")  # not a formula when a spreadsheet opens it
    assert {r["unit"] for r in rows} == {"menu | Мы не можем согласиться", "Формула", "Том и Джерри"}


def test_xlsx_of_a_catalog_opens_with_one_row_per_issue(catalog):
    openpyxl = pytest.importorskip("openpyxl")
    from mtfix.report import xlsx

    _, result = catalog
    book = openpyxl.load_workbook(io.BytesIO(xlsx.render([result])))
    sheet = book.active
    values = list(sheet.iter_rows(values_only=True))
    header, rows = values[0], values[1:]
    assert header == table.COLUMNS
    assert len(rows) == len(result.issues)
    unit = header.index("unit")
    assert [r[unit] for r in rows] == [r["unit"] for r in table.rows(review.build([result]))]
    assert rows[0][unit] == "menu | Мы не можем согласиться"
    formula = next(n for n, r in enumerate(rows, 2) if r[unit] == "Формула")
    cell = sheet.cell(formula, header.index("target") + 1)
    assert cell.value == '=HYPERLINK("http://x") can not' and cell.data_type == "s"  # text, kept exactly


def test_text_a_spreadsheet_would_run_is_marked_as_text():
    assert table.spreadsheet_safe("=1+1") == "'=1+1"
    assert table.spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert table.spreadsheet_safe("He said.") == "He said."
    assert table.spreadsheet_safe(3) == 3


def test_report_command_writes_xlsx_and_csv(catalog, run):
    openpyxl = pytest.importorskip("openpyxl")
    path, result = catalog
    made = run("report", "x.po", "--format", "xlsx", "-o", "issues.xlsx", cwd=path.parent)
    assert made.returncode == 0, made.stderr
    sheet = openpyxl.load_workbook(path.parent / "issues.xlsx").active
    values = list(sheet.iter_rows(values_only=True))
    assert len(values) == 1 + len(result.issues)
    assert values[1][table.COLUMNS.index("unit")] == "menu | Мы не можем согласиться"
    piped = run("report", "x.po", "--format", "xlsx", cwd=path.parent)  # standard output is not a terminal here
    assert piped.returncode == 0 and piped.stdout[:2] == b"PK"
    listed = run("report", "x.po", "--format", "csv", cwd=path.parent)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.decode() == csv_report.render([result])
    checked = run("check", "--format", "csv", "x.po", cwd=path.parent)
    assert checked.returncode == 1 and checked.stdout == listed.stdout


def test_diff_command_shows_the_source(tmp_path, run):
    (tmp_path / "mt.txt").write_text("The talks was frank.\n", encoding="utf-8")
    (tmp_path / "pe.txt").write_text("The talks were frank.\n", encoding="utf-8")
    (tmp_path / "src.txt").write_text("Переговоры были откровенными.\n", encoding="utf-8")
    made = run("diff", "mt.txt", "pe.txt", "--source", "src.txt", "-o", "d.html")
    assert made.returncode == 0, made.stderr
    page = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert '"source":"Переговоры были откровенными."' in page and 'class="c-src"' in page
