"""Tokenized text (`hadn 't`, `the knife .`): told apart from English, and its spacing left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

import mtfix
from mtfix.config import ConfigError, parse
from mtfix.tokenization import looks_tokenized

MOSES = "Who would have known if he hadn 't said it himself .\nThe hand that puts the cross , also sharpens the knife .\nJesus answered them :\nIt 's late ( very late ) now .\n"
PROSE = "He agreed , but with reservations .\nThe talks went on.\nThey ended at noon.\nNobody left early.\n"


def test_moses_text_reads_as_tokenized_and_prose_with_slips_does_not():
    assert looks_tokenized(MOSES)
    assert looks_tokenized("a .\nb .\nc .\nd .\ne.\n")  # spaced on most lines
    assert not looks_tokenized(PROSE)
    assert not looks_tokenized("It is over .\nThe end .\n")  # two lines are too few to tell


def test_spacing_rules_leave_tokenized_text_alone_unless_told():
    spacing = mtfix.Settings(select=["WS002", "WS004"])
    assert mtfix.check_text(MOSES, spacing) == []
    assert mtfix.fix_text(MOSES, spacing) == MOSES
    assert {i.code for i in mtfix.check_text(PROSE, spacing)} == {"WS002"}
    forced = parse({"select": ["WS002", "WS004"], "tokenized": "no"}, Path("mtfix.toml"))
    assert {i.code for i in mtfix.check_text(MOSES, forced)} == {"WS002", "WS004"}
    told = parse({"select": ["WS002"], "tokenized": "yes"}, Path("mtfix.toml"))
    assert mtfix.check_text(PROSE, told) == []


def test_tokenized_takes_auto_yes_or_no():
    with pytest.raises(ConfigError, match="`tokenized` must be one of auto, yes, no"):
        parse({"tokenized": "maybe"}, Path("mtfix.toml"))
