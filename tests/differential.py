"""Differential write-back: a unit's fix in a file format against the same text fixed as
plain text.

A case is a target text and a layout: line breaks, and how the file spells each character
(escapes, entities, character references, CDATA, where a PO string wraps). `build` writes a
file of the format whose one unit has the text as its target, so that rules read the same
text as in plain text (in Markdown and HTML, where rules read the file itself, the text
opens the file). `failure` fixes that file, reads the target back with a parser that is not
mtfix's (json, ElementTree, html.parser, markdown-it, a strict reader of PO strings) and
compares it with the text fixed as plain text, the white space around it kept where the
format keeps that outside the unit; or says that the fixed file no longer reads. Shared by
`tests/test_fuzz_formats.py` (a fixed seed, a small budget) and `benchmarks/fuzz_formats.py`.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from html.parser import HTMLParser

from hypothesis import strategies as st

from mtfix import engine, formats
from mtfix.context import Context
from mtfix.document import InputError

FORMATS = ("po", "jsonl", "tsv", "xliff12", "xliff20", "tmx", "html", "markdown")
READER = {"xliff12": "xliff", "xliff20": "xliff"}

#: Text likely to draw fixes: Russian quote and dash punctuation, doubled words, spacing, dates.
TRIGGERS = (
    "«We agree,» - said he.", "«Yes», - he said", '"We agree", - said Lavrov.', '"No" - said she',
    "„Maybe“, — he answered", "We agree,» - said", '\\"- said', "the the", "a a", "can not",
    "He said , that", "word .", "Really ?", "13.04.2017", "07: 10", "RIA News", "Open C:\\Users  folder",
    " - ", "—", "  ", ", ",
)
#: Characters that files write specially, or that split lines where they should not.
SPECIALS = (
    "\\", "\\\\", "\\n", '"', "'", "&", "&amp;", "<", ">", "]]", "]] >", "]]>", "<b>", "{", "}", ":", "#",
    "*", "_", "`", "[", "|", "%s", "\t", "\n", "\r\n", "\r", "\x0c", "\x0b", "\x1c", "\u2028", "\u2029",
    "\x85", "\xa0", "\U0001f600", "\U0001d538", "é", "Ё",
)
WORDS = ("the", "he", "said", "We", "agree", "Lavrov", "and", "it", "is", "not", "folder", "news", "a", "I")
_PART = st.one_of(
    st.sampled_from(TRIGGERS),
    st.sampled_from(SPECIALS),
    st.sampled_from(WORDS),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=3),
)
texts = st.lists(st.tuples(st.sampled_from(("", " ")), _PART), min_size=1, max_size=12).map(
    lambda parts: "".join(gap + part for gap, part in parts)
)


@dataclass(frozen=True)
class Case:
    """A target text in a file of `format`, laid out as `choices` say (one draw per choice
    point, reused in turn)."""

    format: str
    text: str
    crlf: bool
    choices: tuple[int, ...]

    def choice(self, index: int, count: int) -> int:
        return self.choices[index % len(self.choices)] % count if self.choices else 0


@st.composite
def cases(draw, format: str) -> Case:
    text = shape(format, draw(texts))
    choices = draw(st.lists(st.integers(0, 1 << 16), min_size=1, max_size=8))
    return Case(format, text, draw(st.booleans()), tuple(choices))


def shape(format: str, text: str) -> str:
    """`text` without what the format cannot hold in a unit (nor NUL, which makes a file
    binary)."""
    text = text.replace("\x00", " ")
    if format == "tsv":
        return re.sub(r"[\t\r\n]", " ", text)
    if format in ("xliff12", "xliff20", "tmx"):
        return re.sub("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", " ", text)
    if format == "html":
        return re.sub("[\x01-\x08\x0b\x0e-\x1f\x7f-\x9f]", " ", text)
    if format == "markdown":
        return _markdown_text(text)
    if format == "po":
        return re.sub("[\x01-\x07\x0e-\x1b\x1f]", " ", text)
    return text


def _markdown_text(text: str) -> str:
    """`text` as the lines of one Markdown paragraph that is prose from end to end: no blank
    line, no line that starts or underlines a block, no inline markup."""
    lines = [line.strip(" \t") for line in re.split(r"\r\n|\r|\n", text)]
    lines = [re.sub(r"[\\`*_\[\]<>|&]", ",", line) for line in lines if line.strip()]
    lines = [re.sub(r"^(?:[#>=+~-]|\d+[.)])", "So ", line) for line in lines]
    return "\n".join(lines) or "Text."


# Writing files -----------------------------------------------------------------------------


def build(case: Case) -> str:
    """The file of `case.format` that holds `case.text` as its one unit's target. A format's
    writer gives the lines before the target (the last one up to it), the target's lines, and
    the lines after it (the first one from its end)."""
    before, target, after = globals()[f"_{case.format}"](case)
    newline = "\r\n" if case.crlf else "\n"
    return newline.join(before) + newline.join(target) + newline.join(after) + newline


_PO_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\x0c": "\\f", "\x0b": "\\v", "\b": "\\b"}
_PO_HEADER = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', "", 'msgid "Text."', ""]
_PO_END = [""]


def _po(case: Case):
    body = []
    for i, char in enumerate(case.text):
        raw = char in "\t\x0c\x0b" and case.choice(i, 2)  # msgfmt takes these as they are
        body.append(char if raw or char not in _PO_ESCAPES else _PO_ESCAPES[char])
    if case.choice(0, 2) == 0:
        return _PO_HEADER, [f'msgstr "{"".join(body)}"'], _PO_END
    lines, current = ['msgstr ""'], []
    for i, piece in enumerate(body):
        current.append(piece)
        if case.choice(i + 1, 5) == 0:
            lines.append(f'"{"".join(current)}"')
            current = []
    lines.append(f'"{"".join(current)}"')
    return _PO_HEADER, lines, _PO_END


def _jsonl(case: Case):
    out = []
    for i, char in enumerate(case.text):
        how = case.choice(i, 4)
        if char in '"\\':
            out.append("\\" + char)
        elif char < " " or how == 0 and char not in "\u2028\x85":
            out.append(json.dumps(char)[1:-1] if how else "".join(f"\\u{u:04x}" for u in _utf16(char)))
        elif char == "/" and how == 1:
            out.append("\\/")
        else:
            out.append(char)
    return ['{"id": 1, "source": "Текст.", "target": "'], ["".join(out)], ['", "n": 2}']


def _utf16(char: str) -> list[int]:
    data = char.encode("utf-16-be")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


def _tsv(case: Case):
    return ["source\ttarget\tnote", "Текст.\t"], [case.text], ["\tx"]


def _xml_text(case: Case) -> str:
    """Character data: `&`, `<` and `]]>` escaped, other characters now and then as entities
    or character references; or the whole text as a CDATA section (an edit across a CDATA
    boundary is not written, by design: docs/units.md)."""
    text = case.text
    if case.choice(1, 4) == 0 and "]]>" not in text and "\r" not in text:  # a CR in CDATA reads as LF
        return f"<![CDATA[{text}]]>"
    out = []
    for i, char in enumerate(text):
        how = case.choice(i, 6)
        if char == "&" or char == "<" or char == ">" and (how < 3 or text[max(i - 2, 0) : i] == "]]"):
            out.append({"&": "&amp;", "<": "&lt;", ">": "&gt;"}[char])
        elif char == "\r" or how == 4:
            out.append(f"&#{ord(char)};" if i % 2 else f"&#x{ord(char):X};")
        elif char in "\"'" and how == 1:
            out.append("&quot;" if char == '"' else "&apos;")
        else:
            out.append(char)
    return "".join(out)


def _xliff12(case: Case):
    before = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
        '<file source-language="ru" target-language="en" datatype="plaintext" original="f"><body>',
        '<trans-unit id="1"><source>Текст.</source><target>',
    ]
    return before, [_xml_text(case)], ["</target></trans-unit>", "</body></file></xliff>"]


def _xliff20(case: Case):
    before = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="en">',
        '<file id="f"><unit id="u1"><segment>',
        "<source>Текст.</source><target>",
    ]
    return before, [_xml_text(case)], ["</target>", "</segment></unit></file></xliff>"]


def _tmx(case: Case):
    before = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4"><header srclang="ru" datatype="plaintext" segtype="sentence" o-tmf="t"/><body>',
        '<tu tuid="1"><tuv xml:lang="ru"><seg>Текст.</seg></tuv><tuv xml:lang="en"><seg>',
    ]
    return before, [_xml_text(case)], ["</seg></tuv></tu>", "</body></tmx>"]


def _html(case: Case):
    return [""], [_html_target(case)], ["<br>"]


def _html_target(case: Case) -> str:
    out = []
    for i, char in enumerate(case.text):
        how = case.choice(i, 6)
        if char == "&" or char == "<":
            out.append("&amp;" if char == "&" else "&lt;")
        elif how == 5 and not char.isspace():
            out.append(f"&#{ord(char)};")
        elif char in '"\xa0«»' and how == 4:
            out.append({'"': "&quot;", "\xa0": "&nbsp;", "«": "&laquo;", "»": "&raquo;"}[char])
        else:
            out.append(char)
    return "".join(out)


def _markdown(case: Case):
    return [""], case.text.split("\n"), [""]


# Reading a target back ---------------------------------------------------------------------


def read_back(case: Case, raw: str) -> str:
    """The unit's target in the fixed file `raw`, read by a parser that is not mtfix's."""
    return globals()[f"_read_{case.format}"](raw)


def _read_po(raw: str) -> str:
    """The `msgstr` of the entry `Text.`: its strings, each escape checked and decoded; the
    other entries as they were."""
    lines = re.split(r"\r\n|\r|\n", raw)
    at = len(_PO_HEADER) - 1
    if lines[:at] != _PO_HEADER[:-1] or lines[-1] != "":
        raise ValueError("lines outside the entry changed")
    strings = []
    for number, line in enumerate(lines[at:-1]):
        m = re.fullmatch(r'(msgstr )?"((?:[^"\\]|\\.)*)"', line)
        if m is None or bool(m[1]) != (number == 0):
            raise ValueError(f"not a PO string: {line!r}")
        strings.append(m[2])
    body = "".join(strings)
    bad = [m.group() for m in re.finditer(r"\\(.)", body) if m[1] not in _PO_UNESCAPES]
    if bad:
        raise ValueError(f"invalid PO escape {bad[0]!r}")
    return re.sub(r"\\(.)", lambda m: _PO_UNESCAPES[m[1]], body)


_PO_UNESCAPES = {v[1]: k for k, v in _PO_ESCAPES.items()} | {"a": "\a"}


def _read_jsonl(raw: str) -> str:
    records = [json.loads(line) for line in raw.split("\n") if line.strip()]
    if [r["id"] for r in records] != [1]:
        raise ValueError(f"records {records!r}")
    return records[0]["target"]


def _read_tsv(raw: str) -> str:
    rows = [line.removesuffix("\r").split("\t") for line in raw.split("\n") if line]
    if len(rows) != 2 or rows[1][::2] != ["Текст.", "x"]:
        raise ValueError(f"rows {rows!r}")
    return rows[1][1]


def _read_xml(raw: str, tag: str) -> str:
    root = ET.fromstring(raw.encode("utf-8"))
    return "".join([e for e in root.iter() if e.tag.rpartition("}")[2] == tag][-1].itertext())


def _read_xliff12(raw: str) -> str:
    return _read_xml(raw, "target")


_read_xliff20 = _read_xliff12


def _read_tmx(raw: str) -> str:
    return _read_xml(raw, "seg")


class _Leading(HTMLParser):
    """The text before the first tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags = 0

    def handle_starttag(self, tag, attrs):
        self.tags += 1

    def handle_data(self, data):
        if not self.tags:
            self.text.append(data)


def _read_html(raw: str) -> str:
    parser = _Leading()
    parser.feed(raw)
    parser.close()
    if parser.tags != 1:
        raise ValueError(f"{parser.tags} tags")
    return "".join(parser.text)


def _read_markdown(raw: str) -> str:
    from markdown_it import MarkdownIt

    tokens = [t for t in MarkdownIt("commonmark").parse(raw) if t.type == "inline"]
    if len(tokens) != 1:
        raise ValueError(f"{len(tokens)} blocks")
    return tokens[0].content


# The comparison ----------------------------------------------------------------------------


def expected(case: Case, context: Context) -> str:
    """The target as rules read it, fixed as plain text; the white space around it as it was
    when the format keeps that outside the unit."""
    text = _html_target(case) if case.format == "html" else case.text
    if case.format == "po":
        return plain_fix(text, context)
    core = text.strip()
    if not core:
        return text
    head = text[: text.index(core)]
    return head + plain_fix(core, context) + text[len(head) + len(core) :]


def plain_fix(text: str, context: Context) -> str:
    return engine.fix(formats.parse(text, "text"), context).document.text


def shown(case: Case, text: str, read: bool) -> str:
    """A target as the format's reader shows it: decoded (HTML references, when not `read`
    already) and with white space as it reads it."""
    if case.format == "html":
        return (text if read else html.unescape(text)).strip()
    if case.format == "markdown":
        return re.sub(r"[ \t]*(?:\r\n|\r|\n)[ \t]*", "\n", text).strip()
    if case.format == "tsv":
        return re.sub(r"[\t\r\n]+", " ", text)
    return text


def failure(case: Case, context: Context) -> str | None:
    """What goes wrong when mtfix fixes the case's file, or None."""
    raw = build(case)
    name = READER.get(case.format, case.format)
    try:
        document = formats.parse(raw, name)
    except InputError as err:
        return f"the file as built does not read: {err}"
    try:
        fixed = engine.fix(document, context).document.raw
    except InputError as err:
        return f"fix refused: {err}"
    try:
        formats.parse(fixed, name)
        got = read_back(case, fixed)
    except (InputError, ValueError, KeyError, ET.ParseError) as err:
        return f"the fixed file does not read: {err}"
    want = expected(case, context)
    if shown(case, got, True) != shown(case, want, False):
        return f"target fixed as {got!r}, as plain text {want!r}"
    return None
