"""Write-back as a property: random fixes into real files of every format, built from a
WMT22 ru-en system output with inline codes, entities and characters that need escaping.

For any set of fixes, `mtfix.writeback.apply` (a) leaves every byte outside the edited units
as it was, (b) gives a file that reads again (and that xml.etree / polib accept), and (c)
writes each applied edit exactly: the unit reads back as its old text with the edit made.
`engine.fix` run on its own output changes nothing.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from mtfix import engine, formats, writeback
from mtfix.config import Settings
from mtfix.document import Document
from mtfix.formats import html as html_format
from mtfix.formats import markdown as markdown_format
from mtfix.formats import po as po_format
from mtfix.model import Edit, Fix, Span, splice
from mtfix.units import PLACEHOLDER

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "wmt22-ru-en"
if not (CORPUS / "source.ru").is_file() or not (CORPUS / "Online-B.en").is_file():
    pytest.skip(f"no WMT22 corpus at {CORPUS}", allow_module_level=True)

SOURCES = (CORPUS / "source.ru").read_text(encoding="utf-8").splitlines()
TARGETS = (CORPUS / "Online-B.en").read_text(encoding="utf-8").splitlines()
assert len(SOURCES) == len(TARGETS)

BILINGUAL = ("xliff12", "xliff20", "po", "tmx", "jsonl")
PROSE = ("markdown", "html", "text")
FORMATS = BILINGUAL + PROSE
EXTENSION = {"xliff12": "xlf", "xliff20": "xlf", "po": "po", "tmx": "tmx", "jsonl": "jsonl",
             "markdown": "md", "html": "html", "text": "txt"}
FORMAT_NAME = {"xliff12": "xliff", "xliff20": "xliff", "markdown": "markdown", "html": "html", "text": "text",
               "po": "po", "tmx": "tmx", "jsonl": "jsonl"}
PROPERTY = hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# Building files ------------------------------------------------------------------------
#
# A target is a list of tokens: ("text", s), ("open", n), ("close", n), ("empty", n) and
# ("cdata", s); each format writes them in its own syntax.


def _xml_text(text: str, style: int) -> str:
    """XML character data, with entities written one of several ways."""
    out = text.replace("&", ["&amp;", "&#38;", "&#x26;"][style % 3]).replace("<", "&lt;").replace(">", "&gt;")
    if style % 2:
        out = out.replace('"', "&quot;").replace("'", "&apos;")
    return out


def _xml(tokens, codes: dict[str, str], style: int) -> str:
    out = []
    for kind, value in tokens:
        if kind == "text":
            out.append(_xml_text(value, style))
        elif kind == "cdata":
            out.append(f"<![CDATA[{value}]]>")
        else:
            out.append(codes[kind].format(n=value))
    return "".join(out)


XLIFF12_CODES = {"open": '<g id="{n}">', "close": "</g>", "empty": '<x id="{n}"/>'}
XLIFF20_CODES = {"open": '<pc id="{n}">', "close": "</pc>", "empty": '<ph id="{n}"/>'}
TMX_CODES = {"open": '<bpt i="{n}">&lt;b&gt;</bpt>', "close": '<ept i="{n}">&lt;/b&gt;</ept>', "empty": '<ph x="{n}">{{1}}</ph>'}
PLAIN_CODES = {"open": "<b>", "close": "</b>", "empty": "%s"}
MARKDOWN_CODES = {"open": "**", "close": "**", "empty": " `code()` "}
HTML_CODES = {"open": "<b>", "close": "</b>", "empty": "<br>"}


def _plain(tokens, codes) -> str:
    return "".join(value if kind in ("text", "cdata") else codes[kind] for kind, value in tokens)


def build(name: str, rows: list[tuple[str, list]], style: int) -> str:
    """A file of format `name` with one unit per (source, target tokens) row."""
    if name == "xliff12":
        units = "".join(
            f'\n   <trans-unit id="u{n}" resname="r&quot;{n}">\n    <source>{_xml_text(s, 0)}</source>\n'
            f"    <target>{_xml(t, XLIFF12_CODES, style + n)}</target>\n   </trans-unit>"
            for n, (s, t) in enumerate(rows)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            ' <file source-language="ru" target-language="en" datatype="plaintext" original="news.txt">\n'
            f"  <body>{units}\n  </body>\n </file>\n</xliff>\n"
        )
    if name == "xliff20":
        units = "".join(
            f'\n  <unit id="u{n}">\n   <segment id="s{n}">\n    <source>{_xml_text(s, 0)}</source>\n'
            f"    <target>{_xml(t, XLIFF20_CODES, style + n)}</target>\n   </segment>\n  </unit>"
            for n, (s, t) in enumerate(rows)
        )
        return (
            '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="en">\n'
            f' <file id="f1">{units}\n </file>\n</xliff>\n'
        )
    if name == "tmx":
        units = "".join(
            f'\n    <tu tuid="u{n}">\n      <tuv xml:lang="ru"><seg>{_xml_text(s, 0)}</seg></tuv>\n'
            f'      <tuv xml:lang="en"><seg>{_xml(t, TMX_CODES, style + n)}</seg></tuv>\n    </tu>'
            for n, (s, t) in enumerate(rows)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
            '  <header srclang="ru" segtype="sentence" datatype="plaintext" adminlang="en" creationtool="t"'
            ' creationtoolversion="1" o-tmf="t"/>\n'
            f"  <body>{units}\n  </body>\n</tmx>\n"
        )
    if name == "po":
        entries = ['msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n']
        for n, (s, t) in enumerate(rows):
            body = po_format.escape(_plain(t, PLAIN_CODES))
            if (style + n) % 2 and len(body) > 30:  # wrapped as msgmerge wraps: after spaces
                pieces = re.findall(r".{1,30}(?: |$)|.+?(?: |$)", body)
                msgstr = 'msgstr ""\n' + "".join(f'"{p}"\n' for p in pieces if p)
            else:
                msgstr = f'msgstr "{body}"\n'
            comment = "#, c-format\n" if n % 3 == 2 else ""
            entries.append(f"#: news.c:{n}\n{comment}msgid \"{n}. {po_format.escape(s)}\"\n{msgstr}")
        return "\n".join(entries)
    if name == "jsonl":
        return "".join(
            json.dumps({"id": n, "source": s, "target": _plain(t, PLAIN_CODES)}, ensure_ascii=n % 2 == 0) + "\n"
            for n, (s, t) in enumerate(rows)
        )
    if name == "markdown":
        return "# News\n\n" + "".join(f"{_plain(t, MARKDOWN_CODES).strip()}\n\n" for _, t in rows)
    if name == "html":
        rows = [(s, [("text", v) if k == "cdata" else (k, v) for k, v in t]) for s, t in rows]
        paragraphs = "".join(
            f'  <p class="x">{_xml(t, HTML_CODES, 0) if n % 2 else html.escape(_plain(t, HTML_CODES), quote=False)}</p>\n'
            for n, (_, t) in enumerate(rows)
        )
        return f'<!DOCTYPE html>\n<html><head><title>News</title><style>p {{ a: "b" }}</style></head>\n<body>\n{paragraphs}</body></html>\n'
    assert name == "text"
    return "".join(_plain(t, PLAIN_CODES).replace("\n", " ") + "\n" for _, t in rows)


def decorate(line: str, choices: list[int]) -> list:
    """A corpus line as target tokens: each word kept, wrapped in a paired code, followed by an
    empty code, put in CDATA, or followed by characters that need escaping."""
    tokens: list = []
    words = line.split(" ")
    for index, word in enumerate(words):
        choice = choices[index % len(choices)] if choices else 0
        space = " " if index < len(words) - 1 else ""
        if choice == 1 and word:
            tokens += [("open", index), ("text", word), ("close", index), ("text", space)]
        elif choice == 2:
            tokens += [("text", word + " "), ("empty", index), ("text", space)]
        elif choice == 3 and "]]>" not in word:
            tokens += [("cdata", word), ("text", space)]
        elif choice == 4:
            tokens += [("text", word + ' & "x" <y> \\ ' + space)]
        else:
            tokens += [("text", word + space)]
    return tokens


@st.composite
def corpora(draw):
    """(rows, style): a random slice of the corpus as decorated rows."""
    count = draw(st.integers(1, 4))
    start = draw(st.integers(0, len(TARGETS) - count))
    rows = []
    for n in range(start, start + count):
        choices = draw(st.lists(st.sampled_from([0, 0, 0, 1, 2, 3, 4]), min_size=1, max_size=6))
        rows.append((SOURCES[n], decorate(TARGETS[n], choices)))
    return rows, draw(st.integers(0, 5))


REPLACEMENTS = st.lists(st.sampled_from(list("ab &<>\"'\\\n;#x") + ["&amp;", "]]>", "é"]), max_size=6).map("".join)
#: (which unit, where its first edit starts, how long it is, replacement) and maybe a second edit
EDITS = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 12), REPLACEMENTS)
FIXES = st.lists(st.tuples(EDITS, st.none() | EDITS), max_size=4)


def fixes_for(document: Document, drawn) -> list[Fix]:
    """Fixes whose edits lie in units' spans of the view (one or two edits each, in one unit)."""
    units = document.units
    fixes = []
    for first, second in drawn:
        unit = units[first[0] % len(units)]
        span = unit.span
        edits = []
        for _, at, length, replacement in [e for e in (first, second) if e is not None]:
            start = span.start + at % (span.end - span.start + 1)
            edits.append(Edit.replace(start, min(span.end, start + length), replacement))
        edits.sort()
        if len(edits) == 2 and edits[0].span.overlaps(edits[1].span):
            edits = edits[:1]
        fixes.append(Fix.safe(*edits))
    return fixes


# Checking ------------------------------------------------------------------------------


def taken(document: Document, fixes: list[Fix]) -> list[Fix]:
    """The fixes `apply` takes: left to right, none that overlaps one taken, none unwritable."""
    chosen, edits = [], []
    for fix in sorted(fixes, key=lambda f: (f.span.start, f.span.end)):
        if any(e.span.overlaps(o.span) for e in fix.edits for o in edits):
            continue
        if writeback.file_edits(document, fix) is None:
            continue
        chosen.append(fix)
        edits.extend(fix.edits)
    return chosen


def raw_region(document: Document, index: int) -> Span:
    """Where unit `index` lies in the file."""
    unit = document.units[index]
    if document.file_text is None:
        return unit.span
    return Span(unit.pieces[0].raw.start, unit.pieces[-1].raw.end)


def assert_only_regions_changed(old: str, new: str, regions: list[Span]) -> None:
    """`new` is `old` with (at most) the text of each region replaced: the gaps between
    regions come back in order, the first at the start and the last at the end."""
    gaps, position = [], 0
    for region in sorted(regions):
        gaps.append(old[position : region.start])
        position = max(position, region.end)
    tail = old[position:]
    assert new.startswith(gaps[0]) if gaps else new == old
    assert new.endswith(tail)
    at = len(gaps[0]) if gaps else 0
    for gap in gaps[1:]:
        found = new.find(gap, at)
        assert found >= 0, f"unedited text {gap[:60]!r} lost"
        at = found + len(gap)
    assert at <= len(new) - len(tail)


def parses(name: str, raw: str) -> None:
    if name in ("xliff12", "xliff20", "tmx"):
        ET.fromstring(raw.encode("utf-8"))
    elif name == "po":
        polib.pofile(raw)
    elif name == "jsonl":
        for line in raw.splitlines():
            json.loads(line)


def edited(text: str, offset: int, edits: list[Edit]) -> str:
    """`text` (starting at view offset `offset`) with `edits` made."""
    return splice(text, [Edit.replace(e.span.start - offset, e.span.end - offset, e.replacement) for e in edits])


def check_bilingual(name: str, document: Document, chosen: list[Fix], raw: str) -> None:
    again = formats.reread(document, raw)
    by_id = {u.id: u for u in again.units}
    assert len(by_id) == len(again.units)
    edits_of: dict[int, list[Edit]] = {}
    for fix in chosen:
        for edit in fix.edits:
            edits_of.setdefault(document.unit_index(edit.span.start), []).append(edit)
    for index, unit in enumerate(document.units):
        old = document.text[unit.span.start : unit.span.end]
        expected = edited(old, unit.span.start, edits_of.get(index, []))
        if index not in edits_of:
            assert again.target_text(by_id[unit.id]) == old
            continue
        if not expected.strip(PLACEHOLDER + " \t\r\n"):
            assert unit.id not in by_id  # nothing left to check: the unit is not read
            continue
        new = again.target_text(by_id[unit.id])
        if name == "po":
            assert new == expected
        else:  # XML and JSON readers leave white space at the edges of a target outside it
            assert new == expected.strip()
    # every other unit is still there, unchanged
    assert [u.id for u in again.units] == [u.id for u in document.units if u.id in by_id]


def check_prose(name: str, document: Document, chosen: list[Fix], raw: str) -> None:
    formats.reread(document, raw)
    escape = {"html": html_format.escape, "markdown": markdown_format.escape}.get(name, lambda s: s)
    expected = splice(document.raw, [Edit(e.span, escape(e.replacement)) for f in chosen for e in f.edits])
    assert raw == expected
    if name == "html":
        for fix in chosen:
            for edit in fix.edits:  # the escaped replacement reads as the replacement
                assert html.unescape(escape(edit.replacement)) == html.unescape(edit.replacement)


@pytest.mark.parametrize("name", FORMATS)
@PROPERTY
@given(data=st.data())
def test_random_fixes_are_written_back_exactly(name, data):
    rows, style = data.draw(corpora())
    text = build(name, rows, style)
    document = formats.parse(text, FORMAT_NAME[name], f"news.{EXTENSION[name]}")
    parses(name, text)
    assert document.units, text
    assert writeback.apply(document, []) == (text, 0)

    fixes = fixes_for(document, data.draw(FIXES))
    chosen = taken(document, fixes)
    raw, count = writeback.apply(document, fixes)
    assert count == len(chosen)
    if not chosen:
        assert raw == text
        return

    # (a) nothing outside the edited units changed
    indices = {document.unit_index(e.span.start) for f in chosen for e in f.edits}
    assert_only_regions_changed(text, raw, [raw_region(document, i) for i in indices])
    for fix in chosen:
        for edit in writeback.file_edits(document, fix):
            region = raw_region(document, document.unit_index(fix.edits[0].span.start))
            if document.file_text is not None:
                assert region.start <= edit.span.start <= edit.span.end <= region.end

    # (b) the file reads again, and its own parser accepts it
    parses(name, raw)

    # (c) each edit is written exactly
    if name in BILINGUAL:
        check_bilingual(name, document, chosen, raw)
    else:
        check_prose(name, document, chosen, raw)


FIXED_SLICE = [(SOURCES[n], decorate(TARGETS[n], [0, 1, 0, 2, 4, 0, 3])) for n in range(40, 60)]


@pytest.mark.parametrize("name", FORMATS)
def test_fix_is_idempotent(name):
    settings = Settings()
    rows = FIXED_SLICE + [
        ("Стороны не могут договориться.", [("text", "The sides can not agree on the the main question.")]),
        ("«Мы согласны», - сказал он.", [("text", "«We agree», - he said.")]),
    ]
    text = build(name, rows, 1)
    document = formats.parse(text, FORMAT_NAME[name], f"news.{EXTENSION[name]}")
    first = engine.fix(document, settings)
    assert first.applied > 0
    parses(name, first.document.raw)
    again = engine.fix(formats.reread(first.document, first.document.raw), settings)
    assert again.applied == 0
    assert again.document.raw == first.document.raw
