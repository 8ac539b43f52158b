"""Fixes written back into PO, JSON Lines, TSV, Markdown and XML: one test per reproducer of
corrupted or refused write-back; each fixed file must read again, and msgfmt must accept a
fixed PO file."""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from mtfix import engine, formats, writeback
from mtfix.config import Settings
from mtfix.model import Edit, Fix

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
SETTINGS = Settings(select=("WS", "PU", "SP"))


def fixed(raw: str, name: str) -> str:
    """The file `raw` (of format `name`) after `fix`; it must read again."""
    document = formats.parse(raw, name)
    out = engine.fix(document, SETTINGS).document.raw
    formats.reread(document, out)
    return out


def msgfmt_accepts(tmp_path, text: str) -> None:
    if not shutil.which("msgfmt"):
        return
    (tmp_path / "fixed.po").write_text(text, encoding="utf-8")
    result = subprocess.run(["msgfmt", "-o", "/dev/null", "fixed.po"], cwd=tmp_path, capture_output=True)
    assert result.returncode == 0, result.stderr


def test_po_backslash_is_written_back_escaped(tmp_path):
    out = fixed(HEADER + 'msgid "a"\nmsgstr "Open C:\\\\Users  folder"\n', "po")
    assert out.endswith('msgstr "Open C:\\\\Users folder"\n')
    msgfmt_accepts(tmp_path, out)


@pytest.mark.parametrize("strings", ['"«We agree,» - said Lavrov."', '""\n"«We agree,» "\n"- said Lavrov."'])
def test_po_russian_quotes_with_a_dash_get_one_comma(tmp_path, strings):
    out = fixed(HEADER + f'msgid "a"\nmsgstr {strings}\n', "po")
    assert out.endswith('msgstr "“We agree,” said Lavrov."\n')
    msgfmt_accepts(tmp_path, out)


def test_po_escaped_quote_before_a_dash_takes_the_comma_inside(tmp_path):
    out = fixed(HEADER + 'msgid "a"\nmsgstr "\\"We agree\\"- said Lavrov."\n', "po")
    assert out.endswith('msgstr "\\"We agree,\\" said Lavrov."\n')
    msgfmt_accepts(tmp_path, out)


@pytest.mark.parametrize("char", ["\x0c", "\u2028", "\x85", "\x0b", "\x1c"])
def test_po_string_holding_a_line_separator_is_read_and_fixed(tmp_path, char):
    raw = HEADER + f'msgid "a"\nmsgstr "Page{char}one the the end."\n\nmsgid "b"\nmsgstr "Two."\n'
    document = formats.parse(raw, "po")
    assert [document.target_text(u) for u in document.units] == [f"Page{char}one the the end.", "Two."]
    out = fixed(raw, "po")
    written = {"\x0c": "\\f", "\x0b": "\\v"}.get(char, char)  # an entry is written anew, escaped
    assert f'msgstr "Page{written}one the end."\n' in out
    msgfmt_accepts(tmp_path, out)


def test_jsonl_escaped_backslash_stays_escaped():
    out = fixed('{"source": "x", "target": "\\\\ the the end"}\n', "jsonl")
    assert json.loads(out) == {"source": "x", "target": "\\ the end"}


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_jsonl_string_holding_a_line_separator_is_one_record(char):
    raw = f'{{"target": "One{char}the the end."}}\n{{"target": "Two."}}\n'
    document = formats.parse(raw, "jsonl")
    assert [u.id for u in document.units] == ["1", "2"]
    assert [json.loads(line)["target"] for line in fixed(raw, "jsonl").split("\n") if line] == [f"One{char}the end.", "Two."]


@pytest.mark.parametrize("char", ["\x0c", "\u2028", "\x85", "\x1e"])
def test_tsv_cell_holding_a_line_separator_is_one_row(char):
    raw = f"source\ttarget\nРаз.\tOne{char}the the end.\tx\nДва.\tTwo.\ty\n"
    document = formats.parse(raw, "tsv")
    assert [(u.id, u.source) for u in document.units] == [("2", "Раз."), ("3", "Два.")]
    assert fixed(raw, "tsv") == raw.replace("the the", "the")


@pytest.mark.parametrize("char", ["\x0c", "\u2028"])
def test_markdown_paragraph_holding_a_line_separator_is_prose(char):
    raw = f"# Title\n\nOne{char}the the end.\n\nTwo.\n"
    assert fixed(raw, "markdown") == raw.replace("the the", "the")


def _xliff(target: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="ru" target-language="en" datatype="plaintext" original="f"><body>'
        f'<trans-unit id="1"><source>Текст.</source><target>{target}</target></trans-unit>'
        "</body></file></xliff>\n"
    )


@pytest.mark.parametrize(
    ("target", "old", "new"),
    [("Wait]] > no", " ", ""), ("Wait]&amp;> no", "&", "]"), ("<![CDATA[Wait]] > no]]>", " ", "")],
)
def test_xml_edit_that_would_join_the_text_around_it_into_a_cdata_end_is_refused(target, old, new):
    document = formats.parse(_xliff(target), "xliff")
    at = document.text.index(old)
    fix = Fix.safe(Edit.replace(at, at + 1, new))
    assert writeback.file_edits(document, fix) is None
    assert writeback.apply(document, [fix]) == (document.raw, 0)


def test_xml_edit_writes_a_cdata_end_of_its_own_escaped():
    document = formats.parse(_xliff("Wait]] > no <![CDATA[and ]]>"), "xliff")
    at, end = document.text.index(" >"), document.text.index("and")
    raw, count = writeback.apply(document, [Fix.safe(Edit.replace(at, at + 2, ">]]>"), Edit.replace(end, end + 3, "]]>"))])
    assert count == 1 and "<target>Wait]]&gt;]]&gt; no <![CDATA[]]]]><![CDATA[> ]]></target>" in raw
    ET.fromstring(raw.encode())


def test_xml_character_references_read_as_xml_not_html():
    raw = _xliff('"We agree" &#150; said he&#x85; &amp; &#8211; &apos;')
    document = formats.parse(raw, "xliff")
    assert document.text == '"We agree" \x96 said he\x85 & – \''  # HTML would read &#150; as – and &#x85; as …
    assert fixed(raw, "xliff") == raw  # no dash after the quotation to fix, nothing deleted
