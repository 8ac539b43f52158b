"""Write-back of fixes in every bilingual and prose format equals the fix of the same text as
plain text, and the fixed file reads again: differential fuzzing (see `differential`) with a
fixed seed and a small budget per format. `benchmarks/fuzz_formats.py` runs the long budget."""

from __future__ import annotations

import differential
import pytest
from hypothesis import HealthCheck, given, settings

from mtfix.context import Context

CONTEXT = Context()
BUDGET = settings(max_examples=50, derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("name", differential.FORMATS)
def test_a_unit_is_fixed_as_its_text_is_as_plain_text(name):
    @BUDGET
    @given(differential.cases(name))
    def fixed_as_plain_text(case):
        problem = differential.failure(case, CONTEXT)
        assert problem is None, f"{problem}\nfile: {differential.build(case)!r}"

    fixed_as_plain_text()
