"""The romanized-Russian letter model: what it learns, and its table on disk."""

from __future__ import annotations

import pytest

from mtfix.lexicon import likelihood, store
from mtfix.rules.untranslated import RUSSIAN_LETTERS


@pytest.mark.parametrize(
    "word", ["neobkhodimostj", "sovyeshchanija", "pravitelstvennyj", "sootvetstvyuqiy", "spotovykh"]
)
def test_romanized_russian_scores_above_the_evidence_threshold(word):
    assert likelihood.russian_likelihood(word) >= RUSSIAN_LETTERS


@pytest.mark.parametrize(
    "word", ["planemaker", "fluorograph", "conciliatively", "telecorporation", "indestructibly", "ecotourism"]
)
def test_english_and_english_coinages_score_below_zero(word):
    assert likelihood.russian_likelihood(word) < 0


def test_case_does_not_change_the_score():
    assert likelihood.russian_likelihood("Spotovykh") == likelihood.russian_likelihood("spotovykh")


def test_the_table_on_disk_holds_what_a_fresh_build_gives(tmp_path, monkeypatch):
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path))
    source = likelihood._source()
    grams, ratios, unseen = likelihood.build()
    table = store.open_table(source)
    assert store.path_for(source).is_file()
    assert table.extra == unseen
    for gram, ratio in list(zip(grams, ratios))[:: max(1, len(grams) // 500)]:
        assert table.get(gram) == ratio
