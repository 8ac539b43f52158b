"""The lexicons behind the TR rules: English morphology and reading Latin back into Russian."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mtfix.languages import language
from mtfix.lexicon import romanization
from mtfix.lexicon.english import is_english

RUSSIAN = language("ru")
ROMANIZER = RUSSIAN.romanizer()
analyse = RUSSIAN.lexicon().analyse


@pytest.mark.parametrize(
    "word",
    ["imbroglios", "indestructibly", "re-examined", "unquotable", "preheats", "Snowden's", "Lavrov"],
)
def test_english_words_and_regular_forms(word):
    assert is_english(word)


@pytest.mark.parametrize("word", ["himatakoy", "mezhsiriysky", "kopeyskikh", "spotovykh", "crokhobors"])
def test_transliterations_are_not_english(word):
    assert not is_english(word)


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("himatakoy", "химатакой"),  # compound: хим + атакой
        ("mezhsiriysky", "межсирийский"),  # ad hoc -sky for -ский
        ("rasstrelnoy", "расстрельной"),  # soft sign dropped
        ("rasstreljnoij", "расстрельной"),  # j for ь, ij for й
        ("prosluwke", "прослушке"),  # w for ш
        ("vsevolozhske", "всеволожске"),
        ("spotovykh", "спотовых"),  # wordfreq's Russian list, not the dictionary
        ("kopeyskikh", "копейских"),  # dictionary stem with a Russian ending
    ],
)
def test_back_transliteration_finds_the_russian_word(latin, cyrillic):
    assert cyrillic in [r.cyrillic for r in ROMANIZER.readings(latin)]


def test_himatakoy_is_confirmed_as_a_form_of_himataka():
    reading = ROMANIZER.readings("himatakoy")[0]
    assert reading.cyrillic == "химатакой"
    assert reading.compound and reading.cyrillic[: reading.split] == "хим"
    assert analyse(reading.cyrillic[reading.split :]).known


def test_english_words_have_no_russian_reading():
    for word in ("planemaker", "severalfold", "conciliatively", "telecorporation"):
        assert ROMANIZER.readings(word) == ()


def test_case_ending_alignment_gives_the_nominative_spelling():
    from mtfix.rules.untranslated import _reading

    assert _reading("Vsevolozhske", RUSSIAN).base == "Vsevolozhsk"
    assert _reading("Sychev", RUSSIAN).base == ""  # a nominative name has no ending to remove


def test_romanize():
    assert ROMANIZER.romanize("Всеволожск") == "Vsevolozhsk"
    assert ROMANIZER.romanize("щука") == "shchuka"


def test_lexicons_load_lazily():
    code = "import sys, mtfix.cli, mtfix.rules.untranslated; print('pymorphy3' in sys.modules, 'wordfreq' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_glossary_term_is_suggested_for_a_cyrillic_source_term():
    import mtfix
    from mtfix.config import Settings

    (issue,) = mtfix.check_text("The talks took place in the Кремль.", Settings(select=("CY001",)))
    assert issue.suggestions == ("Kremlin",)


def test_english_typos_are_info_not_warnings():
    import mtfix
    from mtfix.config import Settings
    from mtfix.model import Severity

    issues = mtfix.check_text("The ecomomy grew in twentyyears.", Settings(select=("TR",)))
    assert all(i.severity is Severity.INFO for i in issues)


@pytest.mark.parametrize("limit", [0, 1, 30_000, 10**9])
def test_frequent_words_are_those_ranked_below_the_limit(limit):
    from mtfix.lexicon import english

    assert english.frequent(limit) == {w for w, r in english.ranks().items() if r < limit}


def test_both_dawg_backends_walk_to_the_same_readings():
    """pymorphy3 runs on DAWG2 (C) when installed and on dawg-python otherwise; the
    romanization search must find the same Russian words through either."""
    import os

    import dawg_python
    import pymorphy3.dawg
    import pymorphy3_dicts_ru

    path = os.path.join(pymorphy3_dicts_ru.get_path(), "words.dawg")
    pure = romanization._DictionaryWalk(dawg_python.RecordDAWG(pymorphy3.dawg.WordsDawg.DATA_FORMAT).load(path))
    compiled = ROMANIZER._dictionary_walk
    found = 0
    for token in ("himatakoy", "mezhsiriysky", "kopeyskikh", "vsevolozhske", "crokhobor", "gosdume", "lavrov"):
        stems_pure, stems_compiled = {}, {}
        readings = ROMANIZER._search(token, pure, stems_pure)
        assert readings == ROMANIZER._search(token, compiled, stems_compiled)
        assert stems_pure == stems_compiled
        found += bool(readings)
    assert found >= 5


def _every_spelling(latin):
    """Reference: every Cyrillic spelling of `latin` under the letter-group table, unpruned."""
    if not latin:
        return [("", (), 0)]
    out = []
    for group, alternatives in ROMANIZER.table.get(latin[0], ()):
        if latin.startswith(group):
            for rank, alternative in enumerate(alternatives):
                for rest, pieces, cost in _every_spelling(latin[len(group) :]):
                    out.append((alternative + rest, ((group, alternative), *pieces), rank + cost))
    return out


@pytest.mark.parametrize("latin", ["a", "oy", "ykh", "akh", "ami", "yami", "ogo", "iye", "uyu", "skiy", "shch", "ov", "x'", "tsa"])
def test_ending_spellings_are_every_spelling_that_is_an_ending_in_order(latin):
    expected = tuple(s for s in _every_spelling(latin) if s[0] in ROMANIZER.endings)
    assert ROMANIZER._spell_endings(latin) == expected


def test_the_frequency_dawg_holds_wordfreqs_russian_list(tmp_path, monkeypatch):
    import random

    import dawg

    from mtfix.lexicon import store

    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path))
    lexicon = RUSSIAN.lexicon()
    built = dawg.CompletionDAWG().frombytes(store.open_table(lexicon.dawg_source()).extra)
    words = lexicon.frequent_words
    assert all(w in built for w in random.Random(3).sample(words, 3000))
    assert len(built.keys("хим")) == sum(1 for w in words if w.startswith("хим"))
    assert "химатакой" not in built and not built.has_keys_with_prefix("химатакойй")


def test_both_frequency_walks_find_the_same_readings():
    pure = romanization._FrequencyWalk(RUSSIAN.lexicon().frequent_words)
    compiled = ROMANIZER._frequency_walk
    for token in ("zagruzka", "dalnemagistralnykh", "krokhobor", "proyevropeyskiy", "spotovykh"):
        assert ROMANIZER._search(token, pure) == ROMANIZER._search(token, compiled)
