"""Lexicon tables on disk: the same answers as their source libraries, and a cached file that
is missing, stale, truncated or corrupt is rebuilt rather than read."""

from __future__ import annotations

import dataclasses
import random
from array import array

import pytest

from mtfix.languages import language
from mtfix.lexicon import english, names, store

russian = language("ru").lexicon()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path))
    return tmp_path


def counting(source: store.Source) -> tuple[store.Source, list[int]]:
    """`source` with a build that counts its calls."""
    calls: list[int] = []

    def build():
        calls.append(1)
        return source.build()

    return dataclasses.replace(source, build=build), calls


def small_source(name: str = "small", words=("кот", "dog", "naïve", "", "собака")) -> store.Source:
    return store.Source(name, "wordfreq", "wordfreq", "data/large_en.msgpack.gz",
                        lambda: (list(words), array("I", range(10, 10 + len(words))), {"note": 1}))


def test_a_table_answers_what_it_was_built_from(cache):
    table = store.open_table(small_source())
    assert [table.get(w) for w in ("кот", "dog", "naïve", "", "собака")] == [10, 11, 12, 13, 14]
    assert table.get("cat") is None and "Dog" not in table and "dog" in table
    assert table.get("\ud800") is None  # a lone surrogate is simply not listed
    assert table.keys() == ["кот", "dog", "naïve", "", "собака"]
    assert [table.keys(n) for n in (0, 1, 4, 99)] == [[], ["кот"], ["кот", "dog", "naïve", ""], table.keys()]
    assert table.extra == {"note": 1}


def test_a_repeated_key_keeps_its_first_position(cache):
    table = store.open_table(small_source(words=("a", "b", "a")))
    assert table.index("a") == 0 and table.keys() == ["a", "b", "a"]


def test_an_empty_table(cache):
    table = store.open_table(small_source(words=()))
    assert len(table) == 0 and table.keys() == [] and table.get("a") is None


def test_the_table_is_built_once_then_read_from_the_cache(cache):
    source, calls = counting(small_source())
    store.open_table(source)
    path = store.path_for(source, source.key())
    assert path.is_file() and calls == [1]
    table = store.open_table(source)
    assert calls == [1] and table.get("собака") == 14
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: b"",  # empty
        lambda data: data[:-3] + bytes([data[-3] ^ 1]) + data[-2:],  # one key's byte flipped
        lambda data: data[:40] + bytes([data[40] ^ 0x10]) + data[41:],  # a header field changed
        lambda data: b"garbage" * 20,
    ],
)
def test_a_damaged_file_is_rebuilt_not_trusted(cache, damage):
    source, calls = counting(small_source())
    store.open_table(source)
    path = store.path_for(source, source.key())
    path.write_bytes(damage(path.read_bytes()))
    table = store.open_table(source)
    assert calls == [1, 1]
    assert table.get("собака") == 14 and table.get("dog") == 11 and table.keys()[-1] == "собака"
    assert store.open_table(source).get("кот") == 10 and calls == [1, 1]  # rewritten sound


def test_a_table_from_another_source_version_is_rebuilt(cache, monkeypatch):
    source, calls = counting(small_source())
    store.open_table(source)
    old_key = source.key()
    monkeypatch.setattr(store.Source, "key", lambda self: old_key.replace("wordfreq==", "wordfreq==0.0+"))
    store.open_table(source)
    assert calls == [1, 1]
    changed, _ = counting(dataclasses.replace(small_source(), revision=2))
    monkeypatch.undo()
    assert changed.key() != old_key


def test_the_key_names_the_library_version_and_its_data_file(cache):
    from importlib import metadata

    key = small_source().key()
    assert f"wordfreq=={metadata.version('wordfreq')}" in key and "large_en.msgpack.gz" in key
    assert f"format {store.FORMAT}" in key


def test_an_unwritable_cache_still_gives_the_table(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(blocker))
    assert store.open_table(small_source()).get("dog") == 11


# The real tables, built into an empty cache folder and compared with the libraries.


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MTFIX_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        built = {s.name: store.open_table(s) for s in (english.SOURCE, russian.frequency_source, names.SOURCE)}
        read = {s.name: store.open_table(s) for s in (english.SOURCE, russian.frequency_source, names.SOURCE)}
    return built, read


def test_english_ranks_equal_wordfreqs(tables):
    from wordfreq import iter_wordlist

    expected: dict[str, int] = {}
    for rank, word in enumerate(iter_wordlist("en")):
        if word.isascii() or word.replace("'", "").isalpha():
            expected.setdefault(word.replace("\u2019", "'"), rank)
    for table in tables[0]["english-wordfreq"], tables[1]["english-wordfreq"]:
        assert dict(zip(table.keys(), table.values)) == expected
        assert all(table.get(w) == r for w, r in random.Random(1).sample(sorted(expected.items()), 2000))
    assert english.ranks() == expected
    assert english.rank("The") == 0 and english.rank("don\u2019t") == expected["don't"]
    assert english.rank("qzxqzxq") is None


def test_english_zipf_equals_wordfreqs(tables):
    from wordfreq import iter_wordlist, zipf_frequency

    words = list(iter_wordlist("en"))
    sample = random.Random(2).sample(words, 3000) + words[:50] + words[-50:]
    sample += [w.upper() for w in sample[:200]] + [w.title() for w in sample[:200]]
    sample += ["qzxqzxq", "", "Lavrov's", "don’t", "2017", "e-mail", "naïve", "x" * 40]
    assert [english.zipf(w) for w in sample] == [zipf_frequency(w, "en") for w in sample]


def test_russian_words_and_frequencies_equal_wordfreqs(tables):
    from wordfreq import iter_wordlist, zipf_frequency

    words = list(iter_wordlist("ru"))
    expected = sorted(w for w in words if w.isalpha())
    for table in tables[0]["russian-wordfreq"], tables[1]["russian-wordfreq"]:
        assert table.keys() == expected
    assert russian.frequent_words == expected
    sample = random.Random(3).sample(words, 3000) + words[:50] + words[-50:]
    sample += [w.upper() for w in sample[:200]] + [w.capitalize() for w in sample[:200]]
    sample += ["химатака", "ЁЛКА", "ёлка", "из-за", "кошка1", "", "москва", "qwerty", "сиюминутнейший"]
    assert [russian.frequency(w) for w in sample] == [zipf_frequency(w, "ru") for w in sample]


def test_first_name_genders_equal_gender_guessers(tables):
    import gender_guesser.detector

    detector = gender_guesser.detector.Detector(case_sensitive=False)
    listed = list(detector.names)
    sample = listed + [n.title() for n in listed[:3000]] + [n.upper() for n in listed[:1000]]
    sample += ["Rex", "Tillerson", "Xqzw", "", "Мария", "Jean-Pierre"]
    for table in tables[0]["first-names"], tables[1]["first-names"]:
        got = [names.GENDERS[c] if (c := table.get(n.lower())) is not None else "unknown" for n in sample]
        assert got == [detector.get_gender(n) for n in sample]
    assert [names.gender(n) for n in sample[-6:]] == [detector.get_gender(n) for n in sample[-6:]]
