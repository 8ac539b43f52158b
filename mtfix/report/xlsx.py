"""An Excel workbook (openpyxl): one row per issue (see `mtfix.report.table`) under a frozen,
filterable header, each text cell stored as text, so nothing in a segment runs as a formula."""

from __future__ import annotations

import io

from mtfix.engine import FileResult
from mtfix.report.review import build
from mtfix.report.table import COLUMNS, rows

_WIDTHS = {"file": 24, "unit": 16, "source": 50, "target": 50, "flagged": 20, "message": 50, "suggestion": 24, "fixed": 50}
_ILLEGAL = {c: "\ufffd" for c in (*range(9), 11, 12, *range(14, 32))}  # what XML 1.0 cannot hold


def render(results: list[FileResult], unsafe: bool = False) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "Issues"
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows(build(results, unsafe)):
        sheet.append([_value(row[name]) for name in COLUMNS])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
                cell.alignment = wrap
    for n, name in enumerate(COLUMNS, 1):
        sheet.column_dimensions[get_column_letter(n)].width = _WIDTHS.get(name, 10)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _value(value: object) -> object:
    return value.translate(_ILLEGAL) if isinstance(value, str) else value
