"""Format readers: exact offsets, source units, and write-back that touches only the targets."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from mtfix import engine, formats
from mtfix.config import Settings
from mtfix.document import InputError
from mtfix.formats import decode

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="ru" target-language="en" datatype="plaintext" original="news.txt">
    <body>
      <trans-unit id="1">
        <source>«Мы договорились», - сказал министр.</source>
        <target>«We agreed», - the minister said.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>Стороны не могут договориться о <g id="1">главном</g> &amp; остальном.</source>
        <target>The sides can not agree on the the <g id="1">main</g> &amp; the rest.</target>
        <alt-trans><target>can not ignore</target></alt-trans>
      </trans-unit>
      <trans-unit id="3">
        <source>Нажмите <x id="2"/> здесь.</source>
        <target state="new"/>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="en">
 <file id="f1">
  <unit id="u1">
   <originalData><data id="d1">&lt;b&gt;</data></originalData>
   <segment id="s1">
    <source>Стороны <pc id="1">не могут</pc> договориться <ph id="2" dataRef="d1"/>.</source>
    <target>The sides <pc id="1">can not</pc> agree the the <ph id="2" dataRef="d1"/>.</target>
   </segment>
   <ignorable><source> </source><target> </target></ignorable>
  </unit>
 </file>
</xliff>
"""

TMX = """<?xml version="1.0"?>
<tmx version="1.4">
  <header srclang="ru-RU" segtype="sentence" datatype="plaintext" adminlang="en" creationtool="x" creationtoolversion="1" o-tmf="x"/>
  <body>
    <tu tuid="7">
      <note>can not be checked</note>
      <tuv xml:lang="ru-RU"><seg>Цена 1,5 млн <ph x="1">&lt;b&gt;</ph>рублей</seg></tuv>
      <tuv xml:lang="en-US"><seg>The price can not be 15 million <ph x="1">&lt;b&gt;</ph>rubles</seg></tuv>
    </tu>
  </body>
</tmx>
"""

PO = r"""# Translation of news.
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: en\n"

#: news.c:10
msgid "«Мы договорились», - сказал министр."
msgstr "\"We agreed\", - the minister said."

#: news.c:12
#, c-format
msgid "Стороны не могут договориться о %s.\n"
"Всего %d пунктов."
msgstr "The sides can not agree on the the %s.\n"
"Total points."

msgid "файл"
msgid_plural "файлы"
msgstr[0] "file"
msgstr[1] "files"

#~ msgid "старое"
#~ msgstr "can not old"
"""

HTML = """<!DOCTYPE html>
<html><head><title>Talks</title><style>p { content: "can not"; }</style>
<script>var s = "the the";</script></head>
<body><p>The sides can not agree &amp; the <b>the</b> rest.</p>
<pre>can not</pre><p>Code <code>can not</code> here.</p><!-- can not -->
</body></html>
"""

MARKDOWN = """---
title: can not
---
# Talks  in Moscow

The sides can not agree, see `can not` and [the link](http://x.com/can%20not "can not").
<!-- mtfix: ignore SP001 -->
They discussed the the plan.

```
can not
```

| a | b |
|---|---|
| can not | ok |
"""

TSV = "source\ttarget\nСтороны не могут.\tThe sides can not.\nДа.\tYes.\n"
JSONL = (
    '{"id": 1, "source": "Стороны не могут.", "target": "The sides \\"can not\\" agree.\\nNext line", "meta": {"target": "can not"}}\n'
    '{"id": 2, "src": "Да.", "mt": "Yes."}\n'
)

ALL = [("xliff", XLIFF12), ("xliff", XLIFF20), ("tmx", TMX), ("po", PO), ("html", HTML), ("markdown", MARKDOWN),
       ("tsv", TSV), ("jsonl", JSONL)]


def texts(document, spans):
    return [document.text[s.start : s.end] for s in spans]


def targets(document) -> list[str]:
    return [document.target_text(u) for u in document.units]


def gaps(document) -> list[str]:
    """The file's text outside the units' targets (outside prose, for Markdown and HTML):
    what fixes must leave alone."""
    if document.file_text is None:
        regions = [(s.start, s.end) for s in document.segments]
    else:
        regions = [(u.pieces[0].raw.start, u.pieces[-1].raw.end) for u in document.units]
    out, position = [], 0
    for start, end in regions:
        out.append(document.raw[position:start])
        position = end
    out.append(document.raw[position:])
    return out


def test_xliff12_targets_units_and_inline_codes():
    doc = formats.parse(XLIFF12, "xliff")
    assert targets(doc) == [
        "«We agreed», - the minister said.",
        "The sides can not agree on the the \ufffcmain\ufffc & the rest.",
    ]
    assert [u.id for u in doc.units] == ["1", "2"]
    second = doc.units[1]
    assert second.source == "Стороны не могут договориться о главном & остальном."
    assert second.source_codes == second.target_codes == ("g 1",)


def test_xliff20_skips_code_and_ignorable():
    doc = formats.parse(XLIFF20, "xliff")
    assert targets(doc) == ["The sides \ufffccan not\ufffc agree the the \ufffc."]
    (unit,) = doc.units
    assert unit.id == "u1/s1"
    assert unit.source_codes == unit.target_codes == ("pc 1", "ph 2")


def test_tmx_pairs_source_and_target_languages():
    doc = formats.parse(TMX, "tmx")
    assert targets(doc) == ["The price can not be 15 million \ufffcrubles"]
    (unit,) = doc.units
    assert unit.source == "Цена 1,5 млн рублей"
    assert unit.id == "7"
    assert unit.notes == ("can not be checked",)


def test_po_targets_plurals_and_skipped_entries():
    doc = formats.parse(PO, "po")
    assert targets(doc) == [
        '"We agreed", - the minister said.',
        "The sides can not agree on the the %s.\nTotal points.",
        "file",
        "files",
    ]
    assert [u.source for u in doc.units] == [
        "«Мы договорились», - сказал министр.",
        "Стороны не могут договориться о %s.\nВсего %d пунктов.",
        "файл",
        "файлы",
    ]
    assert [u.id for u in doc.units] == [
        "«Мы договорились», - сказал министр.",
        "Стороны не могут договориться о %s.\nВсего %d пунктов.",
        "файл[0]",
        "файл[1]",
    ]


def test_html_text_nodes_only():
    doc = formats.parse(HTML, "html")
    assert texts(doc, doc.segments) == ["Talks", "The sides can not agree &amp; the", "the", "rest.", "Code", "here."]


def test_markdown_prose_only():
    doc = formats.parse(MARKDOWN, "markdown")
    found = texts(doc, doc.segments)
    assert found[:4] == ["Talks  in Moscow", "The sides can not agree, see", "and [the link]", "."]
    assert "They discussed the the plan." in found
    assert "can not" in found  # the table cell
    assert not any("http" in s or "title" in s or "`" in s for s in found)


def test_tabular_columns():
    tsv = formats.parse(TSV, "tsv")
    assert [(u.source, texts(tsv, u.target)) for u in tsv.units] == [
        ("Стороны не могут.", ["The sides can not."]),
        ("Да.", ["Yes."]),
    ]
    headless = formats.parse("Да.\tYes.\n", "tsv")
    assert headless.units[0].source == "Да."
    jsonl = formats.parse(JSONL, "jsonl")
    assert targets(jsonl) == ['The sides "can not" agree.\nNext line', "Yes."]
    assert [u.id for u in jsonl.units] == ["1", "2"]


def test_issues_point_at_the_target_line_and_column():
    doc = formats.parse(XLIFF12, "xliff", "news.xlf")
    issues = engine.check(doc, Settings(select=("SP002",)))
    assert [doc.location(i.span.start) for i in issues] == [(11, 27)]
    assert all(doc.text[i.span.start : i.span.end] == "can not" for i in issues)


def test_markdown_directive_still_suppresses():
    doc = formats.parse(MARKDOWN, "markdown")
    issues = engine.check(doc, Settings(select=("SP001", "SP002")))
    flagged = [(doc.position(i.span.start)[0], i.code) for i in issues]
    assert (8, "SP001") not in flagged
    assert (6, "SP002") in flagged and (16, "SP002") in flagged
    assert all(line not in (2, 11) for line, _ in flagged)


@pytest.mark.parametrize(("name", "text"), ALL, ids=[f"{n}-{i}" for i, (n, _) in enumerate(ALL)])
def test_fix_changes_only_targets_and_the_file_still_parses(name, text):
    doc = formats.parse(text, name, f"x.{name}")
    fixed = engine.fix(doc, Settings(), unsafe=True).document
    assert fixed.raw != text
    assert "cannot" in fixed.raw
    assert gaps(fixed) == gaps(doc)
    assert engine.fix(fixed, Settings(), unsafe=True).document.raw == fixed.raw
    if name in ("xliff", "tmx"):
        ET.fromstring(fixed.raw.encode())
    elif name == "jsonl":
        records = [json.loads(line) for line in fixed.raw.splitlines()]
        assert records[0]["meta"] == {"target": "can not"}
    elif name == "html":
        HTMLParser().feed(fixed.raw)


def test_po_fix_escapes_quotes_and_msgfmt_accepts_it(tmp_path):
    doc = formats.parse(PO, "po", "news.po")
    fixed = engine.fix(doc, Settings(select=("PU001", "SP001", "SP002")), unsafe=True).document.raw
    assert 'msgstr "\\"We agreed,\\" the minister said."' in fixed
    assert 'msgstr ""\n"The sides cannot agree on the %s.\\n"\n"Total points."' in fixed
    assert '#~ msgstr "can not old"' in fixed
    if shutil.which("msgfmt"):
        (tmp_path / "news.po").write_text(fixed, encoding="utf-8")
        result = subprocess.run(["msgfmt", "-o", "/dev/null", "news.po"], cwd=tmp_path, capture_output=True)
        assert result.returncode == 0, result.stderr


def _rewrite_first(doc, replacement):
    """The file with the first unit's target, up to its first inline code, replaced by
    `replacement`, read again."""
    from mtfix.model import Edit, Fix
    from mtfix.units import PLACEHOLDER
    from mtfix.writeback import apply

    span = doc.units[0].span
    code = doc.text.find(PLACEHOLDER, span.start, span.end)
    raw, count = apply(doc, [Fix.safe(Edit.replace(span.start, code if code >= 0 else span.end, replacement))])
    assert count == 1
    return formats.reread(doc, raw)


def test_xml_edits_are_escaped():
    doc = formats.parse(XLIFF12, "xliff")
    again = _rewrite_first(doc, "Tom & Jerry <3")
    assert "<target>Tom &amp; Jerry &lt;3</target>" in again.raw
    assert again.raw.count("&amp;") == doc.raw.count("&amp;") + 1
    ET.fromstring(again.raw.encode())


@hsettings(max_examples=80, deadline=None)
@given(st.text(alphabet='ab "\n\t&<>;#é\\]', max_size=12))
def test_edits_are_escaped_so_the_file_reads_back(replacement):
    from mtfix.formats import po, tabular, xml

    assert po.unescape(po.escape(replacement)) == replacement
    assert xml.unescape(xml.escape(replacement)) == replacement
    assert json.loads(f'"{tabular.ESCAPES["json"](replacement)}"') == replacement
    for name, text in (("po", PO), ("xliff", XLIFF12), ("tmx", TMX), ("jsonl", JSONL)):
        doc = formats.parse(text, name)
        again = _rewrite_first(doc, "X" + replacement + "X")
        assert len(again.units) == len(doc.units)
        assert gaps(again)[0] == gaps(doc)[0] and gaps(again)[-1] == gaps(doc)[-1]
        assert again.target_text(again.units[0]).startswith("X" + replacement + "X")


def test_crlf_and_bom_survive_fix_through_the_cli(tmp_path, run):
    data = b"\xef\xbb\xbf" + XLIFF12.replace("\n", "\r\n").encode("utf-8")
    (tmp_path / "news.xlf").write_bytes(data)
    result = run("fix", "--select", "SP002", "news.xlf")
    assert result.returncode == 0
    out = (tmp_path / "news.xlf").read_bytes()
    assert out.startswith(b"\xef\xbb\xbf<?xml")
    assert out == data.replace(b"can not agree", b"cannot agree")


def test_input_format_option_reads_stdin(run):
    result = run("check", "--input-format", "po", "--select", "SP002", "-", input=PO.encode())
    assert result.returncode == 1
    assert "-:15:19: SP002" in result.stdout.decode()
    plain = run("check", "--select", "SP002", "-", input=PO.encode())
    assert "-:21:" not in plain.stdout.decode()


def test_folders_collect_every_format(tmp_path, run):
    (tmp_path / "a.po").write_text(PO, encoding="utf-8")
    (tmp_path / "b.tmx").write_text(TMX, encoding="utf-8")
    (tmp_path / "c.json").write_text("{}", encoding="utf-8")
    out = run("check", "--select", "SP002", ".").stdout.decode()
    assert "a.po:15:19: SP002" in out and "b.tmx:" in out and "c.json" not in out


def test_malformed_inputs_are_one_line_errors():
    with pytest.raises(InputError, match=r"x.xlf:2:3: not well-formed XML \(mismatched tag\)"):
        decode(b"<xliff>\n</target></xliff>", "x.xlf")
    with pytest.raises(InputError, match=r"x.po:1: not a valid PO file"):
        decode(b"hello\n", "x.po")
    with pytest.raises(InputError, match=r"x.jsonl:2:2: invalid JSON"):
        decode(b'{"target": "a"}\n{oops\n', "x.jsonl")
    with pytest.raises(InputError, match="unknown input format"):
        formats.parse("", "docx")


def test_extension_picks_the_reader():
    assert decode(PO.encode(), "a.pot").format == "po"
    assert decode(b"x", "a.txt").format == "text"
    assert decode(MARKDOWN.encode(), "README.MD").format == "markdown"
