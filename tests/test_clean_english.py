"""False alarms are bugs: human English must raise no error or warning."""

from __future__ import annotations

from pathlib import Path

from mtfix import check_text
from mtfix.model import Severity

SLICE = Path(__file__).parent / "data" / "wmt14-ref-slice.en"


#: Real typos in the human text, which a reviewer would fix.
REAL_TYPOS = [("SP001", "and and")]


def test_human_reference_slice_raises_no_error_or_warning_but_real_typos():
    text = SLICE.read_text(encoding="utf-8")
    serious = [
        (i.code, text[i.span.start : i.span.end])
        for i in check_text(text)
        if i.severity is not Severity.INFO
    ]
    assert serious == REAL_TYPOS
