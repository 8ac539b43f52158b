"""Glossary indexes: what rules look up, built once and kept in the disk cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtfix import check_text
from mtfix import glossary as glossaries
from mtfix.config import Settings
from mtfix.glossary import Glossary, load_glossaries, open_glossaries
from mtfix.termbase import formats
from mtfix.termbase.model import TermEntry

ENTRIES = [
    TermEntry(term="Kremlin", variants=("Kreml",), source=("Кремль",)),
    TermEntry(term="State Duma", source=("Государственная  Дума", "Госдума")),
    TermEntry(term="Sergei Lavrov", variants=("Sergey Lavrov",), source=("Сергей Лавров",), gender="m", case_sensitive=True),
    TermEntry(term="Maria Zakharova", source=("Мария Захарова",), gender="f"),
    TermEntry(term="Kremlin press service", source=("кремль",)),  # a later entry with the same lemma
    TermEntry(term="Duma", source=("Государственная дума",)),  # the same phrase, later
    TermEntry(term="Jabhat al-Nusra", variants=("Jabhat an-Nusra",), source=("Джебхат ан-Нусра",)),
    TermEntry(term="Abu Bakr al-Baghdadi", gender="m"),
]


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    load_glossaries.cache_clear()
    yield
    load_glossaries.cache_clear()


def _looked_up(g: Glossary) -> dict[str, object]:
    terms = g.source_terms()
    return {
        "lemma": [getattr(g.by_source_lemma(w), "term", None) for w in ("кремль", "госдума", "кремля", "дума")],
        "phrase": [getattr(g.by_source_phrase(p), "term", None) for p in ("государственная дума", "ДЖЕБХАТ  ан-Нусра", "Кремль")],
        "terms": {key: [(e.term, t) for e, t in terms[key]] for key in sorted(terms)},
        "approved": g.approved_words(),
        "words": g.term_words(),
        "people": g.people(),
        "known": g.known_words(),
    }


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "g.tsv"
    formats.write(ENTRIES, path)
    return path


def _index_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "glossaries").glob("*.idx"))


def test_indexes_answer_what_the_entries_say(tmp_path):
    g = Glossary(ENTRIES)
    terms = g.source_terms()
    assert terms.get("нет") is None and "нет" not in terms and "государственный" in terms
    assert terms.get("государственный") == terms["государственный"] and len(terms) == 6
    found = _looked_up(g)
    assert found["lemma"] == ["Kremlin", "State Duma", None, None]
    assert found["phrase"] == ["Duma", "Jabhat al-Nusra", "Kremlin press service"]
    assert found["terms"]["государственный"] == [("State Duma", "Государственная  Дума"), ("Duma", "Государственная дума")]
    assert found["terms"]["кремль"] == [("Kremlin", "Кремль"), ("Kremlin press service", "кремль")]
    assert {"Nusra", "Baghdadi", "Kremlin"} <= found["approved"] and "Kreml" not in found["approved"]
    assert {"Kreml", "an-Nusra", "Lavrov"} <= found["words"]
    assert found["people"] == (("Sergei Lavrov", "m"), ("Maria Zakharova", "f"), ("Abu Bakr al-Baghdadi", "m"))
    phrases, names = found["known"]
    assert {"jabhat an-nusra", "an-nusra", "sergey lavrov"} <= phrases and {"jabhat", "nusra"} <= names


def test_a_one_word_source_is_found_by_its_lemma():
    g = Glossary([TermEntry(term="Kremlin", source=("Кремль",))])
    assert g.by_source_lemma("кремль").term == "Kremlin"
    assert g.by_source_lemma(g.lexicon.analyse("кремле").lemma).term == "Kremlin"


def test_cached_indexes_equal_fresh_ones_and_are_not_rebuilt(tmp_path, monkeypatch):
    path = _file(tmp_path)
    fresh = _looked_up(Glossary(formats.read(path)))
    assert _looked_up(open_glossaries([path])) == fresh
    written = _index_files(tmp_path)
    assert len(written) == 7

    def refuse(*args, **kwargs):
        raise AssertionError("index rebuilt although the cache holds it")

    for name in ("_source_lemmas", "_source_phrases", "_source_terms", "_approved_words", "_term_words", "_people", "_known_words"):
        monkeypatch.setattr(glossaries, name, refuse)
    monkeypatch.setattr(glossaries, "compile_automaton", refuse)
    monkeypatch.setattr(formats, "read", refuse)
    assert _looked_up(open_glossaries([path])) == fresh


@pytest.mark.parametrize("damage", ["truncate", "flip", "other-glossary", "garbage"])
def test_corrupt_or_stale_index_is_rebuilt(tmp_path, damage):
    path = _file(tmp_path)
    fresh = _looked_up(Glossary(formats.read(path)))
    _looked_up(open_glossaries([path]))
    for index in _index_files(tmp_path):
        data = bytearray(index.read_bytes())
        if damage == "truncate":
            data = data[: len(data) // 2]
        elif damage == "flip":
            data[-3] ^= 0xFF
        elif damage == "other-glossary":
            data[8:72] = b"0" * 64
        else:
            data = bytearray(b"not an index")
        index.write_bytes(bytes(data))
    damaged = {p: p.read_bytes() for p in _index_files(tmp_path)}
    assert _looked_up(open_glossaries([path])) == fresh
    assert all(p.read_bytes() != data for p, data in damaged.items())


def test_changed_glossary_gets_its_own_indexes(tmp_path):
    path = _file(tmp_path)
    assert open_glossaries([path]).by_source_lemma("кремль").term == "Kremlin"
    formats.write([TermEntry(term="the Kremlin", source=("Кремль",))], path)
    assert open_glossaries([path]).by_source_lemma("кремль").term == "the Kremlin"


def test_rules_ask_the_glossary_and_never_walk_its_entries(tmp_path, monkeypatch):
    """A warm run reads every index from the cache: no rule iterates the entries."""
    path = _file(tmp_path)
    text = (
        'The talks were held in the Кремль. Sergei Lavrov met Maria Zakharova. "We agree," she said.\n'
        "Lavrov Zakharova answered questions about Джебхат ан-Нусра and the Kreml.\n"
    )
    settings = Settings(glossaries=(path,))
    expected = [(i.code, i.span, i.message) for i in check_text(text, settings)]
    assert any(i[0] == "CY001" and "Kremlin" in i[2] for i in expected)
    assert any(i[0] == "CY001" and "Jabhat al-Nusra" in i[2] for i in expected)
    assert any(i[0] == "GR004" for i in expected)

    load_glossaries.cache_clear()

    def refuse(self):
        raise AssertionError("a rule walked every glossary entry")

    monkeypatch.setattr(Glossary, "entries", property(refuse))
    monkeypatch.setattr(glossaries, "_source_lemmas", refuse)
    assert [(i.code, i.span, i.message) for i in check_text(text, Settings(glossaries=(path,)))] == expected
