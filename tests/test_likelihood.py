"""The romanized-source letter models: what it learns, and its table on disk."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mtfix.languages import language
from mtfix.lexicon import likelihood, store
from mtfix.rules.untranslated import SOURCE_LETTERS

RUSSIAN, UKRAINIAN = language("ru"), language("uk")


@pytest.mark.parametrize(
    "word", ["neobkhodimostj", "sovyeshchanija", "pravitelstvennyj", "sootvetstvyuqiy", "spotovykh"]
)
def test_romanized_russian_scores_above_the_evidence_threshold(word):
    assert likelihood.likelihood(word, RUSSIAN) >= SOURCE_LETTERS


@pytest.mark.parametrize(
    "word", ["planemaker", "fluorograph", "conciliatively", "telecorporation", "indestructibly", "ecotourism"]
)
def test_english_and_english_coinages_score_below_zero(word):
    assert likelihood.likelihood(word, RUSSIAN) < 0 and likelihood.likelihood(word, UKRAINIAN) < 0


def test_case_does_not_change_the_score():
    assert likelihood.likelihood("Spotovykh", RUSSIAN) == likelihood.likelihood("spotovykh", RUSSIAN)


def test_the_table_on_disk_holds_what_a_fresh_build_gives(tmp_path, monkeypatch):
    """Built once (the build takes most of a minute), written, then read back from disk by a
    source that cannot build."""
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path))
    source = likelihood._source(RUSSIAN)
    built = store.open_table(source)
    assert store.path_for(source, source.key()).is_file()

    def never():
        raise AssertionError("the table was built again instead of read")

    table = store.open_table(replace(source, build=never))
    grams = built.keys()
    assert table.extra == built.extra and table.keys() == grams and len(grams) > 10_000
    assert list(table.values) == list(built.values)
    assert table.get("shch") > 0 > table.get("tion")  # Russian's letters, English's
