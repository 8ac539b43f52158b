"""Bilingual files read as units: what rules see of each target, where it is in the file, and
fixes written back into the file's own syntax without touching anything else."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import polib
import pytest

from mtfix import engine, formats, writeback
from mtfix.config import Settings
from mtfix.document import Reading
from mtfix.formats import decode
from mtfix.model import Edit, Fix, Issue, Severity
from mtfix.units import PLACEHOLDER

MTFIX = Path(sys.executable).with_name("mtfix")
SP = Settings(select=("SP",))
PU = Settings(select=("PU",))

PO_WRAPPED = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#: a.c:1
msgid "One"
msgstr "One thing."

#: a.c:2
msgid ""
"Стороны не могут "
"договориться о главном."
msgstr ""
"The sides can "
"not agree on the "
"the main question."

#: a.c:3
msgid "Three"
msgstr "Three things."
'''


def xliff(*targets: str, ids: tuple[str, ...] = ()) -> str:
    """An XLIFF 1.2 file with one trans-unit per target (inner XML as given)."""
    units = "".join(
        f'\n   <trans-unit id="{ids[n] if ids else f"t{n + 1}"}">\n    <source>Исходный текст {n}.</source>\n'
        f"    <target>{target}</target>\n   </trans-unit>"
        for n, target in enumerate(targets)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        ' <file source-language="ru" target-language="en" datatype="plaintext" original="a.txt">\n'
        f"  <body>{units}\n  </body>\n </file>\n</xliff>\n"
    )


def codes(issues: list[Issue]) -> list[str]:
    return [i.code for i in issues]


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines of `before` and of `after` between their common head and common tail."""
    a, b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return a[head : len(a) - tail], b[head : len(b) - tail]


# 1. A PO entry wrapped over several lines ------------------------------------------------


def test_po_wrapped_entry_is_checked_across_wraps_and_fixed_alone(tmp_path):
    document = formats.parse(PO_WRAPPED, "po", "x.po")
    unit = document.units[1]
    assert document.target_text(unit) == "The sides can not agree on the the main question."
    found = {i.code: document.text[i.span.start : i.span.end] for i in engine.check(document, SP)}
    assert found == {"SP002": "can not", "SP001": "the the"}

    fixed = engine.fix(document, SP).document.raw
    assert engine.check(formats.parse(fixed, "po", "x.po"), SP) == []
    old, new = changed_lines(PO_WRAPPED, fixed)
    # only the msgstr lines of the wrapped entry changed; its msgid and comments stayed
    assert old == ['msgstr ""\n', '"The sides can "\n', '"not agree on the "\n', '"the main question."\n']
    assert new == ['msgstr "The sides cannot agree on the main question."\n']
    start = PO_WRAPPED.index('msgstr ""\n"The sides')
    assert fixed[:start] == PO_WRAPPED[:start]
    assert fixed.endswith(PO_WRAPPED[PO_WRAPPED.index('\n\n#: a.c:3') :])

    catalog = polib.pofile(fixed)
    entry = catalog.find("Стороны не могут договориться о главном.")
    assert entry is not None and entry.msgstr == "The sides cannot agree on the main question."
    assert [e.msgstr for e in catalog] == ["One thing.", entry.msgstr, "Three things."]
    if shutil.which("msgfmt"):
        path = tmp_path / "fixed.po"
        path.write_text(fixed, encoding="utf-8")
        result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_po_long_entry_is_rewrapped_within_79_columns():
    long_text = "The sides can not agree on the the main question " + "and on many other things " * 5 + "today."
    body = "".join(f'"{long_text[i : i + 60]}"\n' for i in range(0, len(long_text), 60))
    po = f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "x"\nmsgstr ""\n{body}'
    fixed = engine.fix(formats.parse(po, "po", "x.po"), SP).document.raw
    lines = fixed.splitlines()
    assert lines[5] == 'msgstr ""'
    assert all(len(line) <= 79 for line in lines)
    expected = long_text.replace("can not", "cannot").replace("the the", "the")
    assert polib.pofile(fixed).find("x").msgstr == expected


# 2. Fuzzy entries ------------------------------------------------------------------------

PO_FUZZY = '''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

#, fuzzy
msgid "Стороны не могут договориться."
msgstr "The sides can not agree."
'''


def test_fuzzy_entries_are_skipped_by_default():
    document = formats.parse(PO_FUZZY, "po", "x.po")
    assert document.units == []
    assert engine.check(document, SP) == []
    outcome = engine.fix(document, SP)
    assert outcome.applied == 0 and outcome.document.raw == PO_FUZZY


def test_fuzzy_entries_are_checked_and_fixed_with_include_fuzzy():
    reading = Reading(include_fuzzy=True)
    document = formats.parse(PO_FUZZY, "po", "x.po", reading=reading)
    assert [u.state.value for u in document.units] == ["fuzzy"]
    assert codes(engine.check(document, SP)) == ["SP002"]
    fixed = engine.fix(document, SP).document.raw
    assert fixed == PO_FUZZY.replace("can not", "cannot")
    assert "fuzzy" in polib.pofile(fixed)[0].flags  # the flag stays: a reviewer still decides


def test_cli_include_fuzzy(tmp_path):
    path = tmp_path / "x.po"
    path.write_text(PO_FUZZY, encoding="utf-8")
    quiet = subprocess.run([MTFIX, "check", str(path), "--select", "SP", "--format", "json"], capture_output=True, text=True)
    loud = subprocess.run(
        [MTFIX, "check", str(path), "--select", "SP", "--format", "json", "--include-fuzzy"], capture_output=True, text=True
    )
    assert json.loads(quiet.stdout)["files"][0]["issues"] == []
    assert [i["code"] for i in json.loads(loud.stdout)["files"][0]["issues"]] == ["SP002"]


# 3. CDATA --------------------------------------------------------------------------------


def test_cdata_target_is_checked_and_fixed_inside_the_cdata():
    raw = xliff('<![CDATA["We agree", - he said.]]>', "The deal <![CDATA[can not]]> wait.")
    document = formats.parse(raw, "xliff", "x.xlf")
    assert document.target_text(document.units[0]) == '"We agree", - he said.'
    issues = engine.check(document, PU)
    assert codes(issues) == ["PU001"] and issues[0].fixable
    fixed = engine.fix(document, Settings(select=("PU", "SP"))).document.raw
    assert '<target><![CDATA["We agree," he said.]]></target>' in fixed
    assert "<target>The deal <![CDATA[cannot]]> wait.</target>" in fixed
    root = ET.fromstring(fixed.encode())
    targets = [t.text for t in root.iter("{urn:oasis:names:tc:xliff:document:1.2}target")]
    assert targets == ['"We agree," he said.', "The deal cannot wait."]


@pytest.mark.parametrize("target", ["The the deal <![CDATA[]]>", "<![CDATA[]]>The the deal", "The the <![CDATA[]]>deal"])
def test_empty_cdata_in_a_target_is_read_and_fixed(target):
    raw = xliff(target)
    document = formats.parse(raw, "xliff", "x.xlf")
    assert document.target_text(document.units[0]) == "The the deal"
    fixed = engine.fix(document, SP).document.raw
    assert fixed == raw.replace("The the ", "The ")


def test_a_fix_that_empties_a_cdata_section_is_read_back():
    raw = xliff("Baked in <![CDATA[beer.]]>")
    document = formats.parse(raw, "xliff", "x.xlf")
    start = document.text.index("beer.")
    fixed, count = writeback.apply(document, [Fix.safe(Edit.replace(start - 1, start + 5, ""))])
    assert count == 0  # it would cross the CDATA boundary
    fixed, count = writeback.apply(document, [Fix.safe(Edit.replace(start, start + 5, ""))])
    assert count == 1 and "<target>Baked in <![CDATA[]]></target>" in fixed
    assert formats.reread(document, fixed).text == "Baked in"


def test_cdata_edit_writes_specials_raw_and_splits_the_terminator():
    raw = xliff("<![CDATA[Rock and roll]]>")
    document = formats.parse(raw, "xliff", "x.xlf")
    start = document.text.index("and")
    fixed, count = writeback.apply(document, [Fix.safe(Edit.replace(start, start + 3, "&<]]>"))])
    assert count == 1
    root = ET.fromstring(fixed.encode())
    assert next(root.iter("{urn:oasis:names:tc:xliff:document:1.2}target")).text == "Rock &<]]> roll"
    assert formats.reread(document, fixed).text == "Rock &<]]> roll"


# 4. mrk segments -------------------------------------------------------------------------

SEGMENTED = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file source-language="ru" target-language="en" datatype="plaintext" original="a">
  <body>
   <trans-unit id="tu1">
    <source>Стороны не могут договориться. Это <x id="1"/> главное.</source>
    <seg-source><mrk mtype="seg" mid="1">Стороны не могут договориться.</mrk> <mrk mtype="seg" mid="2">Это <x id="1"/> главное.</mrk></seg-source>
    <target><mrk mtype="seg" mid="1">The sides can not agree.</mrk> <mrk mtype="seg" mid="2">This is the the <x id="1"/> main thing.</mrk></target>
   </trans-unit>
  </body>
 </file>
</xliff>
"""


def test_mrk_segments_are_units_paired_with_their_seg_source():
    document = formats.parse(SEGMENTED, "xliff", "x.xlf")
    assert [u.id for u in document.units] == ["tu1/1", "tu1/2"]
    assert [u.source for u in document.units] == ["Стороны не могут договориться.", "Это главное."]
    assert [document.target_text(u) for u in document.units] == [
        "The sides can not agree.",
        f"This is the the {PLACEHOLDER} main thing.",
    ]
    issues = engine.check(document, Settings())
    assert "BL006" not in codes(issues)
    by_unit = {(document.unit_at(i.span.start).id, i.code) for i in issues if i.code.startswith("SP")}
    assert by_unit == {("tu1/1", "SP002"), ("tu1/2", "SP001")}
    fixed = engine.fix(document, SP).document.raw
    assert fixed == SEGMENTED.replace("can not", "cannot").replace("the the", "the")


def test_mrk_segment_with_a_missing_placeholder_is_reported():
    broken = SEGMENTED.replace('the the <x id="1"/> main', "the the main")
    document = formats.parse(broken, "xliff", "x.xlf")
    flagged = [document.unit_at(i.span.start).id for i in engine.check(document, Settings()) if i.code == "BL006"]
    assert flagged == ["tu1/2"]


# 5. Inline codes next to fixes -----------------------------------------------------------

INLINE = 'The the <g id="1">deal</g> can not <x id="2"/> wait.'


def test_fixes_next_to_inline_codes_keep_the_codes_byte_identical():
    raw = xliff(INLINE)
    document = formats.parse(raw, "xliff", "x.xlf")
    assert document.target_text(document.units[0]) == f"The the {PLACEHOLDER}deal{PLACEHOLDER} can not {PLACEHOLDER} wait."
    assert sorted(codes(engine.check(document, SP))) == ["SP001", "SP002"]
    fixed = engine.fix(document, SP).document.raw
    assert fixed == raw.replace(INLINE, 'The <g id="1">deal</g> cannot <x id="2"/> wait.')
    for tag in ('<g id="1">', "</g>", '<x id="2"/>'):
        assert fixed.count(tag) == raw.count(tag)


class _Deleter:
    """A rule whose fix deletes everything from `start` to `end` of the first unit's view."""

    code = "ZZ999"

    def __init__(self, start: str, end: str) -> None:
        self.bounds = start, end

    def check(self, document):
        text = document.text
        start = text.index(self.bounds[0])
        end = text.index(self.bounds[1], start) + len(self.bounds[1])
        yield Issue(self.code, "deleter", "test", Severity.WARNING, "delete", Edit.replace(start, end, "").span,
                    fix=Fix.safe(Edit.replace(start, end, "")))


@pytest.mark.parametrize(("start", "end"), [(" can", f"{PLACEHOLDER}"), ("deal", "deal" + PLACEHOLDER), (PLACEHOLDER + "deal", "deal")])
def test_a_fix_that_would_delete_a_placeholder_is_reported_but_not_applied(start, end):
    raw = xliff(INLINE)
    document = formats.parse(raw, "xliff", "x.xlf")
    from mtfix.context import Context

    context = Context(SP)
    context.rules = (_Deleter(start, end),)  # the run's rules, as a test chooses them
    issues = engine.check(document, context)
    assert len(issues) == 1 and not issues[0].fixable
    fix = next(iter(_Deleter(start, end).check(document))).fix
    assert writeback.file_edits(document, fix) is None
    assert writeback.apply(document, [fix]) == (raw, 0)
    assert engine.fix(document, context).document.raw == raw


@pytest.mark.parametrize(("name", "raw", "written"), [
    ("xliff", xliff("Salt &amp;"), "<target>Salt and!</target>"),
    ("jsonl", '{"target": "Salt \\\\"}\n', '{"target": "Salt and!"}\n'),
])
def test_an_insertion_after_a_closing_escape_leaves_the_escape_to_other_edits(name, raw, written):
    document = formats.parse(raw, name, f"x.{name}")
    end = document.units[0].span.end
    assert writeback.file_edits(document, Fix.safe(Edit.replace(end, end, "!"))) == [
        Edit.replace(document.units[0].pieces[-1].raw.end, document.units[0].pieces[-1].raw.end, "!")
    ]
    fixes = [Fix.safe(Edit.replace(end - 1, end, "and")), Fix.safe(Edit.replace(end, end, "!"))]
    fixed, count = writeback.apply(document, fixes)
    assert count == 2 and written in fixed
    assert formats.reread(document, fixed).text == "Salt and!"


def test_a_fix_that_inserts_a_placeholder_character_is_refused():
    document = formats.parse(xliff(INLINE), "xliff", "x.xlf")
    at = document.text.index("wait")
    assert writeback.file_edits(document, Fix.safe(Edit.replace(at, at, PLACEHOLDER))) is None


def test_a_fix_that_reaches_into_the_next_unit_is_refused():
    document = formats.parse(xliff("The first.", "The second."), "xliff", "x.xlf")
    end = document.units[1].span.start + 3
    assert writeback.file_edits(document, Fix.safe(Edit.replace(document.units[0].span.end - 1, end, "x"))) is None


# 6. A replacement with `&` ---------------------------------------------------------------

TMX_ATT = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="ru" segtype="sentence" datatype="plaintext" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/>
  <body>
    <tu tuid="att">
      <tuv xml:lang="ru"><seg>Сделка AT&amp;T.</seg></tuv>
      <tuv xml:lang="en"><seg>The ATT Inc deal &amp; more.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


@pytest.fixture
def att(tmp_path) -> Settings:
    """TM001 with a glossary entry whose term holds `&` (the shipped glossaries have none)."""
    path = tmp_path / "att.tsv"
    path.write_text(
        "term\tvariants\tadmitted\tsource\tcase\tgender\tdomain\tnote\n"
        "AT&T\tATT Inc\t\tAT&T\tno\t\torganization\tthe company's own spelling\n",
        encoding="utf-8",
    )
    return Settings(select=("TM001",), glossaries=(path,))


def test_ampersand_replacement_is_escaped_in_xliff(att):
    raw = xliff("The ATT Inc deal &amp; more.")
    document = formats.parse(raw, "xliff", "x.xlf")
    assert [i.fix.edits[0].replacement for i in engine.check(document, att)] == ["AT&T"]
    fixed = engine.fix(document, att).document.raw
    assert "<target>The AT&amp;T deal &amp; more.</target>" in fixed
    root = ET.fromstring(fixed.encode())
    assert next(root.iter("{urn:oasis:names:tc:xliff:document:1.2}target")).text == "The AT&T deal & more."


def test_ampersand_replacement_is_escaped_in_tmx(att):
    document = formats.parse(TMX_ATT, "tmx", "x.tmx")
    assert codes(engine.check(document, att)) == ["TM001"]
    fixed = engine.fix(document, att).document.raw
    assert fixed == TMX_ATT.replace("The ATT Inc deal", "The AT&amp;T deal")
    segs = [s.text for s in ET.fromstring(fixed.encode()).iter("seg")]
    assert segs == ["Сделка AT&T.", "The AT&T deal & more."]


def test_ampersand_replacement_is_raw_in_po(att):
    po = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Сделка"\nmsgstr "The ATT Inc deal."\n'
    document = formats.parse(po, "po", "x.po")
    fixed = engine.fix(document, att).document.raw
    assert fixed == po.replace("ATT Inc", "AT&T")
    assert polib.pofile(fixed).find("Сделка").msgstr == "The AT&T deal."


# 7. A bare `&` ---------------------------------------------------------------------------


def test_bare_ampersand_is_an_input_error_naming_line_and_column(tmp_path):
    raw = xliff("The AT&T deal can not wait.")
    path = tmp_path / "bad.xlf"
    path.write_text(raw, encoding="utf-8")
    line = next(n for n, text in enumerate(raw.splitlines(), 1) if "AT&T" in text)
    column = raw.splitlines()[line - 1].index("&") + 1

    result = subprocess.run([MTFIX, "check", str(path)], capture_output=True, text=True)
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1
    assert f"{path}:{line}:" in errors[0] and "not well-formed XML" in errors[0]
    reported = int(errors[0].split(f"{path}:{line}:")[1].split(":")[0])
    assert column <= reported <= column + 2  # expat points at or just after the bad `&`

    result = subprocess.run([MTFIX, "fix", str(path)], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == errors
    assert path.read_text(encoding="utf-8") == raw

    result = subprocess.run([MTFIX, "fix", "--stdout", str(path)], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stdout == ""  # no half-fixed file on stdout (the report goes to stderr)
    assert [e for e in result.stderr.splitlines() if e.startswith("mtfix: error:")] == errors
    assert path.read_text(encoding="utf-8") == raw


def test_bare_ampersand_raises_input_error():
    from mtfix.document import InputError

    with pytest.raises(InputError, match=r"^x\.xlf:\d+:\d+: not well-formed XML"):
        decode(xliff("AT&T").encode(), "x.xlf")


# 8. The JSON report ----------------------------------------------------------------------


def _report(tmp_path: Path, name: str, text: str) -> tuple[str, list[dict]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [MTFIX, "check", str(path), "--select", "SP002", "--format", "json"], capture_output=True, text=True
    )
    assert result.returncode == 1, result.stderr
    return text, json.loads(result.stdout)["files"][0]["issues"]


def _assert_placed(text: str, issue: dict) -> None:
    """`start`/`end` are file offsets of the flagged text, `line`/`column` the same place."""
    assert text[issue["start"] : issue["end"]] == issue["text"] == "can not"
    line_start = sum(len(line) for line in text.splitlines(keepends=True)[: issue["line"] - 1])
    assert line_start + issue["column"] - 1 == issue["start"]


def test_json_report_names_xliff_units_and_file_places(tmp_path):
    raw = xliff("Nothing here.", "&lt;We&gt; can not wait.", ids=("intro", "u-7"))
    text, issues = _report(tmp_path, "x.xlf", raw)
    assert [i["unit"] for i in issues] == ["u-7"]
    _assert_placed(text, issues[0])


def test_json_report_names_po_units_by_msgid_and_context(tmp_path):
    po = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Plain"\nmsgstr "We \\"can not\\" go."\n\n'
        'msgctxt "menu"\nmsgid "Open"\nmsgstr ""\n"It "\n"can not open."\n'
    )
    text, issues = _report(tmp_path, "x.po", po)
    assert [i["unit"] for i in issues] == ["Plain", "menu\x04Open"]
    for issue in issues:
        _assert_placed(text, issue)
    assert issues[1]["line"] == po.splitlines().index('"can not open."') + 1


def test_json_report_names_tmx_units_by_tuid(tmp_path):
    tmx = TMX_ATT.replace("The ATT Inc deal &amp; more.", "The deal can not wait.").replace('tuid="att"', 'tuid="tu-42"')
    text, issues = _report(tmp_path, "x.tmx", tmx)
    assert [i["unit"] for i in issues] == ["tu-42"]
    _assert_placed(text, issues[0])


def test_json_report_names_tsv_units_by_line(tmp_path):
    tsv = "source\ttarget\nРаз.\tOne.\nДва.\tWe can not go.\n"
    text, issues = _report(tmp_path, "x.tsv", tsv)
    assert [i["unit"] for i in issues] == ["3"]
    assert issues[0]["line"] == 3
    _assert_placed(text, issues[0])


# 9. PU002 in XLIFF and in plain text -----------------------------------------------------

SENTENCE = "«We agreed», the minister said."


@pytest.mark.parametrize("variant", ["plain", "entity"])
def test_pu002_quotes_in_xliff_match_plain_text(variant):
    target = SENTENCE if variant == "plain" else SENTENCE.replace("«", "&#171;")
    plain = formats.parse(SENTENCE + "\n", "text", "x.txt")
    bilingual = formats.parse(xliff(target), "xliff", "x.xlf")  # the file's attributes are full of `"`
    assert bilingual.raw.count('"') > 10

    def quotes(document):
        (issue,) = [i for i in engine.check(document, PU) if i.code == "PU002"]
        return [e.replacement for e in issue.fix.edits]

    assert quotes(bilingual) == quotes(plain) == ["“", "”"]
    fixed = engine.fix(bilingual, PU).document.raw
    assert "<target>“We agreed”, the minister said.</target>" in fixed
    assert engine.fix(plain, PU).document.raw == "“We agreed”, the minister said.\n"


def test_inconsistent_translation_names_the_earlier_unit_by_its_file_line():
    from mtfix import check_file

    catalog = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '#. the first place\nmsgctxt "a"\nmsgid "Сохранить"\nmsgstr "Save"\n\n'
        'msgctxt "b"\nmsgid "Сохранить"\nmsgstr "Keep"\n'
    )
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "menu.po"
        path.write_text(catalog, encoding="utf-8")
        found = [f for f in check_file(path) if f.code == "BL008"]
    assert [(f.unit, f.line, f.message) for f in found] == [
        ("b\x04Сохранить", 12, "the same source is translated `Save` on line 8")
    ]
