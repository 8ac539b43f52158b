"""The English word lists in mtfix/data: one entry a line, none twice, and each read by the
rule module its header names (a list nobody reads, or a module that lost its list, fails)."""

from __future__ import annotations

import re
from importlib import import_module, resources

import pytest

from mtfix import datafiles

LISTS = sorted(
    item.name for item in (resources.files("mtfix") / "data").iterdir() if re.fullmatch(r"english-[a-z-]+\.txt", item.name)
)


def test_the_lists_are_there():
    assert {"english-open-first.txt", "english-title-cues.txt", "english-not-head.txt"} <= set(LISTS)


@pytest.mark.parametrize("name", LISTS)
def test_a_word_list_is_one_entry_a_line_and_read_by_its_module(name):
    entries = datafiles.lines(name)
    assert entries and len(entries) == len(set(entries)), "an entry is listed twice"
    assert all(re.fullmatch(r"[\w'’-]+", e) for e in entries), [e for e in entries if not re.fullmatch(r"[\w'’-]+", e)]
    header = datafiles.read_bytes(name).decode("utf-8")
    module = re.search(r"Read by (?:[A-Z]{2}\d{3} \()?mtfix/(rules/[\w/]+)\.py", header)
    assert module, "the header names the module that reads the list"
    source = (resources.files("mtfix") / f"{module[1]}.py").read_text(encoding="utf-8")
    assert f'"{name}"' in source
    import_module("mtfix." + module[1].replace("/", "."))
