"""CSV: one row per issue (see `mtfix.report.table`), UTF-8, a header row first."""

from __future__ import annotations

import csv
import io

from mtfix.engine import FileResult
from mtfix.report.review import build
from mtfix.report.table import COLUMNS, rows, spreadsheet_safe


def render(results: list[FileResult], unsafe: bool = False) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows(build(results, unsafe)):
        writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
    return out.getvalue()
