"""Glossaries: file formats, safe TBX parsing, the matcher, the disk cache, validation and the
`mtfix glossary` commands."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mtfix import check_text, fix_text
from mtfix import glossary as glossaries
from mtfix.cli import app
from mtfix.config import parse
from mtfix.glossary import Glossary, TextView, open_glossaries
from mtfix.termbase import formats
from mtfix.termbase.model import GlossaryError, TermEntry
from mtfix.termbase.validate import validate

REF = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "wmt14-ru-en" / "ref.en"

ENTRIES = [
    TermEntry(
        term="RIA Novosti",
        variants=("RIA News",),
        source=("РИА Новости",),
        note="agency's name, with \"quotes\" & <angles>",
        domain="media",
    ),
    TermEntry(term="Sergei Lavrov", admitted=("Sergey Lavrov",), case_sensitive=True, gender="m", note="minister", pos="noun"),
    TermEntry(term="Kyiv", admitted=("Kiev",), case_sensitive=True, note="capital", policy="kyiv"),
]


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))


def _same(entries):
    return [replace(e, origin="", id="") for e in entries]


@pytest.mark.parametrize("suffix", [".tsv", ".csv", ".tbx", ".yml"])
def test_every_format_round_trips(tmp_path, suffix):
    path = tmp_path / f"g{suffix}"
    formats.write(ENTRIES, path)
    entries = formats.read(path)
    assert _same(entries) == _same(ENTRIES)
    assert entries[1].origin.startswith(f"{path}:") and int(entries[1].origin.rsplit(":", 1)[1]) > 1


TBX2 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en-US">
  <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="e1">
      <descrip type="subjectField">politics</descrip>
      <langSet xml:lang="ru"><tig><term>Мария Захарова</term></tig></langSet>
      <langSet xml:lang="en-GB">
        <tig>
          <term>Maria Zakharova</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <termNote type="grammaticalGender">feminine</termNote>
          <termNote type="partOfSpeech">properNoun</termNote>
          <note>Foreign Ministry spokeswoman</note>
        </tig>
        <ntig><termGrp><term>Mariya Zakharova</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig>
        <tig><term>Zakharovoy</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
        <tig><term>Zakharovu</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig>
      </langSet>
    </termEntry>
    <termEntry id="e2"><langSet xml:lang="de"><tig><term>nur Deutsch</term></tig></langSet></termEntry>
  </body></text>
</martif>
"""

TBX3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dct" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text>
    <body>
      <conceptEntry id="c1">
        <langSec xml:lang="ru"><termSec><term>ВКС</term></termSec></langSec>
        <langSec xml:lang="en">
          <termSec><term>VKS</term><basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus></termSec>
          <termSec><term>Russian Aerospace Forces</term><basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus></termSec>
        </langSec>
      </conceptEntry>
    </body>
  </text>
</tbx>
"""


def test_tbx_v2_statuses_gender_notes_and_lines(tmp_path):
    path = tmp_path / "t.tbx"
    path.write_text(TBX2, encoding="utf-8")
    problems = []
    entries = formats.read(path, problems.append)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.term == "Maria Zakharova" and entry.gender == "f" and entry.pos == "properNoun"
    assert entry.admitted == ("Mariya Zakharova",)
    assert entry.variants == ("Zakharovoy", "Zakharovu")
    assert entry.source == ("Мария Захарова",) and entry.domain == "politics"
    assert entry.note == "Foreign Ministry spokeswoman"
    assert entry.origin == f"{path}:6"
    assert [p.where for p in problems] == [f"{path}:23"] and "no English term" in problems[0].message


def test_tbx_v3_data_categories_as_elements(tmp_path):
    path = tmp_path / "t.tbx"
    path.write_text(TBX3, encoding="utf-8")
    (entry,) = formats.read(path)
    assert entry.term == "Russian Aerospace Forces" and entry.variants == ("VKS",)
    assert entry.source == ("ВКС",) and entry.origin == f"{path}:7"


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        '<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE martif [<!ENTITY x SYSTEM "http://example.invalid/x">]>',
    ],
)
def test_tbx_entities_are_refused(tmp_path, doctype):
    path = tmp_path / "evil.tbx"
    path.write_text(
        f'<?xml version="1.0"?>{doctype}<martif><text><body><termEntry><langSet xml:lang="en">'
        "<tig><term>&b;</term></tig></langSet></termEntry></body></text></martif>",
        encoding="utf-8",
    )
    with pytest.raises(GlossaryError, match="evil.tbx:1: refused XML"):
        formats.read(path)


def test_malformed_xml_names_the_line(tmp_path):
    path = tmp_path / "bad.tbx"
    path.write_text('<martif>\n<text><body>\n<termEntry></body></text></martif>\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"bad.tbx:3: malformed XML"):
        formats.read(path)


def _glossary(*entries):
    return Glossary(entries)


def test_view_maps_back_to_exact_offsets():
    text = "RIA\u00a0 News\u00ad\u2019s\r\nline"
    view = TextView(text)
    assert view.unfolded == "RIA News's line"
    assert [text[view.original(i)] for i in range(len(view.unfolded))] == list("RIA\u00a0News\u2019s\rline")


@pytest.mark.parametrize(
    ("text", "found", "replacement"),
    [
        ("A source: RIA News.", "RIA News", "RIA Novosti"),
        ("RIA News's report", "RIA News's", "RIA Novosti's"),
        ("the RIA\u00a0News\u2019s report", "RIA\u00a0News\u2019s", "RIA Novosti\u2019s"),
        ("RIA NEWS SAID", "RIA NEWS", "RIA NOVOSTI"),
        ("ria news said", "ria news", "RIA Novosti"),
        ("RIA-News said", "RIA-News", "RIA Novosti"),
        ("RIA\nNews said", "RIA\nNews", "RIA Novosti"),
        ("two Minsk agreement's clauses", "Minsk agreement's", "Minsk agreements'"),
        ("the LIH's fighters", "LIH's", "ISIL's"),
        ("both militsias", "militsias", "militias"),
    ],
)
def test_variants_with_inflection_and_typography(text, found, replacement):
    g = _glossary(
        TermEntry("RIA Novosti", variants=("RIA News",)),
        TermEntry("Minsk agreements", variants=("Minsk agreement",)),
        TermEntry("ISIL", variants=("LIH",), case_sensitive=True),
        TermEntry("militia", variants=("militsia",)),
    )
    (match,) = g.variants_in(text)
    assert text[match.start : match.end] == found
    assert match.replacement == replacement


@pytest.mark.parametrize(
    "text",
    [
        "RIA Newsroom",
        "pro-RIA News",
        "the Minsk agreements",
        "the Minsk agreements' text",
        "lih and Lih",  # an acronym matches in capitals only
        "RIA News-based",
    ],
)
def test_no_match(text):
    g = _glossary(
        TermEntry("RIA Novosti", variants=("RIA News",)),
        TermEntry("Minsk agreements", variants=("Minsk agreement",)),
        TermEntry("ISIL", variants=("LIH",)),
    )
    assert list(g.variants_in(text)) == []


def test_longest_match_wins_and_closed_compounds():
    g = _glossary(
        TermEntry("Russian Aerospace Forces", variants=("VKS", "Russian VKS"), case_sensitive=True),
        TermEntry("cybersecurity", admitted=("cyber security",)),
    )
    (match,) = g.variants_in("the Russian VKS struck")
    assert match.variant == "Russian VKS"
    kinds = [(m.variant, m.kind) for m in g.matches("cyber security, cyber-security and cybersecurity")]
    assert kinds == [("cyber security", "admitted"), ("cyber-security", "admitted"), ("cybersecurity", "preferred")]


def test_segments_limit_matches():
    g = _glossary(TermEntry("RIA Novosti", variants=("RIA News",)))
    text = "RIA News and RIA News"
    assert [m.start for m in g.variants_in(text, 5)] == [13]
    assert [m.start for m in g.variants_in(text, 0, 10)] == [0]


def test_kiev_policy():
    either = parse({"select": ["TM001"]}, Path("mtfix.toml"))
    kyiv = parse({"select": ["TM001"], "kiev-policy": "kyiv"}, Path("mtfix.toml"))
    text = "Talks in Kiev and Kharkov; Kiev's mayor."
    assert check_text(text, either) == []
    assert fix_text(text, kyiv) == "Talks in Kyiv and Kharkiv; Kyiv's mayor."


def _files(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("term\tvariants\tnote\nRIA Novosti\tRIA News\tx\n", encoding="utf-8")
    return [path]


def test_cache_is_used_when_sound(tmp_path, monkeypatch):
    paths = _files(tmp_path)
    assert len(open_glossaries(paths).entries) == 1
    cached = list((tmp_path / "cache" / "glossaries").iterdir())
    assert len(cached) == 1

    def refuse(*args, **kwargs):
        raise AssertionError("glossary parsed although the cache holds it")

    monkeypatch.setattr(formats, "read", refuse)
    g = open_glossaries(paths)
    assert [m.replacement for m in g.variants_in("RIA News")] == ["RIA Novosti"]


@pytest.mark.parametrize("damage", ["truncate", "flip", "stale", "garbage"])
def test_corrupt_or_stale_cache_is_rebuilt(tmp_path, damage):
    paths = _files(tmp_path)
    open_glossaries(paths).entries
    (cached,) = (tmp_path / "cache" / "glossaries").iterdir()
    data = bytearray(cached.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "flip":
        data[-10] ^= 0xFF
    elif damage == "stale":
        data[8:72] = b"0" * 64
    else:
        data = bytearray(b"not a cache at all")
    cached.write_bytes(bytes(data))
    g = open_glossaries(paths)
    assert [m.replacement for m in g.variants_in("RIA News")] == ["RIA Novosti"]
    assert cached.read_bytes() != bytes(data)


def test_changed_glossary_is_not_served_from_cache(tmp_path):
    paths = _files(tmp_path)
    first = open_glossaries(paths)
    assert len(first.entries) == 1
    paths[0].write_text("term\tvariants\tnote\nTASS\tTASS agency\tx\n", encoding="utf-8")
    second = open_glossaries(paths)
    assert second.digest != first.digest
    assert [e.term for e in second.entries] == ["TASS"]


BAD = (
    "term\tvariants\tadmitted\tcase\tgender\tnote\n"
    "Blorvik\tQuenthar\t\tno\t\tsource a\n"  # 2
    "Quenthar\tZarnikov\t\tno\t\tsource b\n"  # 3: preferred here, forbidden on line 2
    "Zarnikov\tBlorvik\t\tno\t\tsource c\n"  # 4: cycle
    "Blorvik\tBlorvik\t\tno\t\t\n"  # 5: duplicate term, variant is the term, no note
    "Delta\tthe|any one\t\tno\t\tsource\n"  # 6: common English word, closed up too
    "Epsilon\tEps\t\tmaybe\tx\tsource\n"  # 7: case and gender malformed
    "Zeta\tZ1\tZ1\tno\t\tsource\n"  # 8: admitted and forbidden
    "Eta\tонo\t\tno\t\tsource\n"  # 9: Cyrillic on the English side
    "short\trow\n"  # 10
)


def test_validation_names_file_line_and_problem(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text(BAD, encoding="utf-8")
    _, problems = validate([path])
    text = "\n".join(str(p) for p in problems)
    assert text.count("replacement cycle") == 1
    assert f"{path}:2: error: replacement cycle: Blorvik -> Zarnikov -> Quenthar -> Blorvik" in text
    assert f"{path}:5: error: duplicate term `Blorvik` (also at {path}:2)" in text
    assert f"{path}:5: error: variant `Blorvik` is the term itself" in text
    assert f"{path}:5: warning: no note" in text
    assert f"{path}:6: error: forbidden variant `the` is a common English word" in text
    assert f"{path}:6: error: forbidden variant `any one`, closed up as `anyone`, is a common English word" in text
    assert f"{path}:7: error: `case` must be yes or no" in text
    assert f"{path}:7: error: `gender` must be m, f or empty" in text
    assert f"{path}:8: error: `Z1` is both admitted and forbidden" in text
    assert f"{path}:9: error: Cyrillic in English `variants`" in text
    assert f"{path}:10: error: 2 tab-separated fields, header has 6" in text
    assert len(problems) == 11, text


def test_preferred_in_one_entry_forbidden_in_another(tmp_path):
    path = tmp_path / "chain.tsv"
    path.write_text("term\tvariants\tnote\nBlorvik\tQuenthar\ta\nQuenthar\tZarnikov\tb\n", encoding="utf-8")
    _, problems = validate([path])
    assert [str(p) for p in problems] == [
        f"{path}:3: error: `Quenthar` is preferred here but forbidden at {path}:2 (replaced by `Blorvik`)"
    ]


def test_shipped_glossaries_are_valid():
    _, problems = validate(glossaries.shipped_files("ru-en"))
    assert [str(p) for p in problems if p.level == "error"] == []


def test_shipped_glossaries_are_big_and_annotated():
    entries = glossaries.load_glossaries("ru-en").entries
    assert len(entries) >= 300
    assert all(e.note for e in entries)
    people = {e.term: e.gender for e in entries if e.gender}
    assert people["Sergei Lavrov"] == "m" and people["Rex Tillerson"] == "m" and people["Maria Zakharova"] == "f"


@pytest.mark.skipif(not REF.is_file(), reason=f"corpus not present: {REF}")
def test_shipped_glossaries_stay_silent_on_human_english():
    settings = parse({"select": ["TM001"]}, Path("mtfix.toml"))
    text = REF.read_text(encoding="utf-8")
    found = [(text[i.span.start : i.span.end], i.message) for i in check_text(text, settings)]
    assert found == []


runner = CliRunner()


def test_cli_check_exit_codes(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text(BAD, encoding="utf-8")
    result = runner.invoke(app, ["glossary", "check", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:6: error: forbidden variant `the`" in result.stdout
    good = tmp_path / "good.tsv"
    formats.write(ENTRIES, good)
    result = runner.invoke(app, ["glossary", "check", str(good)])
    assert result.exit_code == 0, result.output


def test_cli_convert_and_stats(tmp_path):
    source = tmp_path / "g.tsv"
    formats.write(ENTRIES, source)
    target = tmp_path / "g.tbx"
    result = runner.invoke(app, ["glossary", "convert", str(source), str(target)])
    assert result.exit_code == 0, result.output
    assert _same(formats.read(target)) == _same(ENTRIES)
    result = runner.invoke(app, ["glossary", "stats", str(target)])
    assert result.exit_code == 0
    assert "entries                 3" in result.output and "persons (m/f)           1/0" in result.output
    result = runner.invoke(app, ["glossary", "convert", str(source), str(tmp_path / "g.docx")])
    assert result.exit_code == 2


@pytest.mark.parametrize("suffix", [".tbx", ".csv", ".yaml"])
def test_check_accepts_glossary_in_any_format(tmp_path, suffix):
    path = tmp_path / f"extra{suffix}"
    formats.write([TermEntry("Rosgvardiya", variants=("Rosgvardiyi",), case_sensitive=True, note="x")], path)
    text = tmp_path / "a.txt"
    text.write_text("Officers of Rosgvardiyi arrived.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "--select", "TM001", "--glossary", str(path), str(text)])
    assert result.exit_code == 1, result.output
    assert "`Rosgvardiyi` is not the approved term; use `Rosgvardiya`" in result.output


def test_large_file_digest_is_remembered_but_never_stale(tmp_path):
    path = tmp_path / "big.tsv"
    padding = "#" + "x" * 1023 + "\n"
    path.write_text("term\tvariants\tnote\nRIA Novosti\tRIA News\tx\n" + padding * 1100, encoding="utf-8")
    first = open_glossaries([path])
    assert [m.variant for m in first.variants_in("RIA News")] == ["RIA News"]
    assert len(list((tmp_path / "cache" / "digests").iterdir())) == 1
    assert open_glossaries([path]).digest == first.digest
    path.write_text("term\tvariants\tnote\nRIA Novosti\tRIA Newz\tx\n" + padding * 1100, encoding="utf-8")
    second = open_glossaries([path])
    assert second.digest != first.digest
    assert [m.variant for m in second.variants_in("RIA News and RIA Newz")] == ["RIA Newz"]


def test_names_take_no_plural():
    g = _glossary(
        TermEntry("Emergencies Ministry", variants=("Ministry of Emergency",)),
        TermEntry("ISIL", variants=("LIH",), case_sensitive=True),
    )
    assert list(g.variants_in("the Ministry of Emergencies said")) == []
    assert list(g.variants_in("LIHs")) == []


def test_config_glossaries_accept_any_format(tmp_path, monkeypatch):
    terms = tmp_path / "terms"
    terms.mkdir()
    formats.write([TermEntry("Rosgvardiya", variants=("Rosgvardiyi",), case_sensitive=True, note="x")], terms / "a.tbx")
    formats.write([TermEntry("Kommersant", variants=("Kommersanta",), case_sensitive=True, note="x")], terms / "b.yml")
    (tmp_path / "mtfix.toml").write_text(
        'select = ["TM001"]\nglossaries = ["terms/a.tbx", "terms/b.yml"]\nkiev-policy = "kyiv"\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("Rosgvardiyi told Kommersanta in Kiev.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["fix", "--stdout", "a.txt"])
    assert result.stdout.splitlines()[0] == "Rosgvardiya told Kommersant in Kyiv."


from hypothesis import given  # noqa: E402
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["RIA", "News", "news", " ", "  ", "\u00a0", "\n", "\r\n", "\n\n", "-", "\u2011", "\u2014",
                           "\u00ad", "\u200b", "’s", "'s", "s", "x", "İ", "ß", "«", "»", ".", "LIH"])


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_view_offsets_and_matches_point_into_the_text(text):
    view = TextView(text)
    originals = [view.original(i) for i in range(len(view.unfolded))]
    assert originals == sorted(set(originals))
    assert all(0 <= o < len(text) for o in originals)
    g = _glossary(TermEntry("RIA Novosti", variants=("RIA News",)), TermEntry("ISIL", variants=("LIH",)))
    for match in g.matches(text):
        found = text[match.start : match.end]
        assert found.startswith(match.variant) and found[len(match.variant) :] == match.suffix
        assert (match.start == 0 or not text[match.start - 1].isalnum())
        assert match.end == len(text) or not text[match.end].isalnum()


def test_unwritable_cache_only_costs_the_rebuild(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(blocker))
    g = open_glossaries(_files(tmp_path))
    assert [m.replacement for m in g.variants_in("RIA News")] == ["RIA Novosti"]


def test_case_sensitive_names_in_a_capitals_headline():
    g = _glossary(
        TermEntry("Kommersant", variants=("Kommersanta",), case_sensitive=True),
        TermEntry("Foreign Ministry", variants=("MID",), case_sensitive=True),
    )
    assert [m.replacement for m in g.variants_in("KOMMERSANTA REPORTS")] == ["KOMMERSANT"]
    assert [m.replacement for m in g.variants_in("MID said")] == ["Foreign Ministry"]
    assert [m.variant for m in g.variants_in("Kommersanta, but not kommersanta")] == ["Kommersanta"]


@pytest.mark.parametrize("suffix", [".csv", ".tbx", ".yml"])
def test_shipped_glossaries_survive_conversion(tmp_path, suffix):
    entries = [e for path in glossaries.shipped_files("ru-en") for e in formats.read(path)]
    path = tmp_path / f"all{suffix}"
    formats.write(entries, path)
    assert _same(formats.read(path)) == _same(entries)


def test_tbx_read_in_batches_equals_whole(tmp_path, monkeypatch):
    entries = [TermEntry(f"Term {n}", variants=(f"Variant {n}",), source=(f"Термин {n}",), note=f"n{n}") for n in range(7)]
    path = tmp_path / "t.tbx"
    path.write_text(write := formats.write_tbx(entries), encoding="utf-8")
    monkeypatch.setattr(formats, "BATCH", 3)
    batched = formats._read_in_batches(path, path.read_bytes(), None)
    assert batched is not None and len(batched) == 7
    monkeypatch.setattr(formats, "_read_in_batches", lambda *args: None)
    whole = formats.read(path)
    assert batched == whole
    line = next(n for n, text in enumerate(write.splitlines(), 1) if 'id="c4"' in text)
    assert whole[3].origin == f"{path}:{line}"


def test_tbx_with_an_entry_tag_in_a_comment_is_read_whole(tmp_path):
    path = tmp_path / "t.tbx"
    text = formats.write_tbx([TermEntry("Kremlin", variants=("Kreml",), note="x")])
    path.write_text(text.replace("<body>", "<body><!-- <termEntry> was the v2 name -->"), encoding="utf-8")
    assert formats._read_in_batches(path, path.read_bytes(), None) is None
    assert [e.term for e in formats.read(path)] == ["Kremlin"]


def test_old_cache_files_are_pruned(tmp_path):
    folder = tmp_path / "cache" / "glossaries"
    folder.mkdir(parents=True)
    old, recent = folder / ("0" * 64 + ".bin"), folder / ("1" * 64 + ".bin")
    old.write_bytes(b"x")
    recent.write_bytes(b"y")
    long_ago = 1_000_000_000
    os.utime(old, (long_ago, long_ago))
    open_glossaries(_files(tmp_path)).compiled
    assert not old.exists() and recent.exists()


@hypothesis_settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab É-\t\u00a0\u200b\u00ad’'\x1c\x85\u2028\\]^«", max_size=8))
def test_terms_taken_as_normal_are_what_normalize_makes_them(text):
    """The compiler skips `normalize` for terms `_NORMAL` accepts: they must be unchanged by it."""
    if glossaries._NORMAL.fullmatch(text):
        assert glossaries.normalize(text) == text
    else:
        assert glossaries.normalize(text) != text or text == ""


def _tbx_v2(v3: str) -> str:
    """A TBX v3 file from `write_tbx` rewritten as TBX v2 (`martif`, `termEntry`, `langSet`, `tig`)."""
    root = '<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
    v2 = v3.replace(root, '<martif type="TBX-Basic" xml:lang="en">')
    names = {
        "tbx>": "martif>", "tbxHeader": "martifHeader", "conceptEntry": "termEntry", "langSec": "langSet", "termSec": "tig"
    }
    for v3_name, v2_name in names.items():
        v2 = v2.replace(v3_name, v2_name)
    return v2


#: Concept-level elements the reader treats one by one: notes of each kind, the subject field,
#: case and policy flags in any case, a namespaced note, and markup inside a note.
_CONCEPT_ITEMS = [
    "<note>spaced\u00a0 note</note>",
    '<descrip type="source">a source</descrip>',
    '<admin type="X-CaseSensitive">yes</admin>',
    '<admin type="x-caseSensitive">no</admin>',
    '<admin type="x-policy">kyiv</admin>',
    '<descrip type="SubjectField"> law\n  and order</descrip>',
    "<subjectField>energy</subjectField>",
    "<note></note>",
    '<transac type="context">in context</transac>',
    "<x:note xmlns:x='urn:example'>namespaced</x:note>",
    "<note>before <b>inside</b> after</note>",
    '<descrip type="definition"><b>bold</b> first</descrip>',
    "<!-- a comment -->",
]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_tbx_batches_equal_the_whole_tree_on_shipped_and_varied_files(tmp_path, monkeypatch, version):
    """The batched reader (the fast path) and the whole-tree reader give the same entries and
    the same problems, on the shipped glossaries and on copies with concept-level notes, flags
    and markup inserted."""
    import random

    rng = random.Random(30042)
    entries = [e for path in glossaries.shipped_files("ru-en") for e in formats.read(path)]
    text = formats.write_tbx(entries)
    text = _tbx_v2(text) if version == "v2" else text
    tag = "<termEntry" if version == "v2" else "<conceptEntry"
    pieces = text.split(tag)
    varied = pieces[0] + "".join(
        tag + piece.replace(">", ">" + "".join(rng.sample(_CONCEPT_ITEMS, rng.randint(0, 4))), 1)
        for piece in pieces[1:]
    )
    monkeypatch.setattr(formats, "BATCH", 7)
    for number, sample in enumerate((text, varied)):
        path = tmp_path / f"{version}-{number}.tbx"
        path.write_text(sample, encoding="utf-8")
        data = path.read_bytes()
        batched_problems: list = []
        batched = formats._read_in_batches(path, data, batched_problems.append)
        assert batched is not None and len(batched) == len(entries)
        with monkeypatch.context() as whole_only:
            whole_only.setattr(formats, "_read_in_batches", lambda *args: None)
            whole_problems: list = []
            whole = formats.read(path, whole_problems.append, data)
        assert batched == whole and batched_problems == whole_problems
    assert any(e.note.startswith("spaced note") or "; spaced note" in e.note for e in batched)
    assert any("before" in e.note.split("; ") for e in batched) and any(e.policy == "kyiv" for e in batched)


def test_entry_tag_search_finds_what_the_plain_pattern_finds():
    plain = __import__("re").compile(rb"<(?:[\w.-]+:)?(?:termEntry|conceptEntry)[\s/>]")
    sample = (
        b"<termEntry><termEntryX><x:termEntry id='1'><a.b-c:conceptEntry\n><conceptEntry/><conceptEntries>"
        b"</conceptEntry><ConceptEntry>< termEntry><tbx:conceptEntry\t/><termEntry\r><Entry>"
    )
    found = [m.span() for m in formats._ENTRY_TAG.finditer(sample)]
    assert found == [m.span() for m in plain.finditer(sample)] and len(found) == 6


@hypothesis_settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aAİıΣσςẞßǅǆﬁ Ωω.\ue000\ue001\U000f0000", max_size=16))
def test_folding_in_place_lowers_each_character_where_it_stands(text):
    """A text whose lower case is longer than it (`İ`) is folded a character at a time, each
    keeping its offset, even when it holds the private-use characters set aside for it."""
    expected = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    assert glossaries._fold_in_place(text, set(text)) == expected
    view = TextView(text)
    assert len(view.folded) == len(view.unfolded)


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab Σς\r\n\u00ad\u200b-—«»\tİ'’", max_size=40))
def test_a_view_moves_only_the_offsets_a_gap_changes(text):
    """A lone line break becomes a space where it stands; runs of blanks, CRLF and invisible
    characters shrink, and every view position maps back into the text."""
    view = TextView(text)
    assert len(view.folded) == len(view.unfolded) and "\r" not in view.unfolded
    for i, ch in enumerate(view.unfolded):
        at = view.original(i)
        assert 0 <= at < len(text)
        if ch not in " \n":
            assert text[at].translate(glossaries.TYPOGRAPHY) == ch


def test_the_automaton_read_in_blocks_finds_what_it_finds_whole():
    """Matches that cross a block's edge are found once, in the block where they end."""
    from mtfix.glossary import load_glossaries

    automaton = load_glossaries("ru-en").compiled.automaton
    text = TextView("the Russian Foreign Ministry and Roskomnadzor said; " * 400).folded
    whole = list(automaton.iter(text))
    assert len(whole) == 800
    for block in (7, 64, 1000, 4096):
        assert list(glossaries._hits(automaton, text, block)) == whole
