"""TR002 in bilingual files: the unit's source tells a kept Latin name from a case ending."""

from __future__ import annotations

import mtfix
from mtfix import Settings

TR002 = Settings(select=["TR002"])


def test_a_name_the_source_writes_in_latin_letters_keeps_its_ending():
    units = [("Поясная сумка Homsu в подарок.", "A waist bag Homsu as a gift.")]
    assert mtfix.check_units(units, TR002) == []


def test_a_case_ending_the_source_does_not_write_is_reported():
    units = [("Завод во Всеволожске остановит работу.", "The plant in Vsevolozhske will stop work.")]
    found = mtfix.check_units(units, TR002)
    assert [f.issue.suggestions for f in found] == [("Vsevolozhsk",)]
