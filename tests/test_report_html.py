"""The HTML report: self-contained, every piece of document text escaped, issues in place."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markupsafe import escape

from mtfix import engine
from mtfix.config import Settings
from mtfix.context import Context
from mtfix.document import Document
from mtfix.engine import FileResult
from mtfix.report import html

HOSTILE = (
    'He wrote <script>alert("x")</script> and "><img src=x onerror=alert(1)>.\n'
    '"We agree", - he said.\n'
)


def _check(text: str, path: str = "doc.txt") -> FileResult:
    document = Document(text, path=path)
    return FileResult(path, document, engine.check(document, Settings()), context=Context(Settings()))


def _fix(text: str, path: str = "doc.txt") -> FileResult:
    document = Document(text, path=path)
    outcome = engine.fix(document, Settings())
    return FileResult(path, document, outcome.remaining, outcome.document, outcome.applied, context=Context(Settings()))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def test_document_text_is_escaped():
    page = html.render([_check(HOSTILE, 'a"><script>x</script>.txt')])
    parsed = _parse(page)
    assert not [a for t, a in parsed.tags if t == "img"]
    scripts = [t for t, _ in parsed.tags if t == "script"]
    assert scripts == ["script"]  # the report's own
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    text = "".join(parsed.text)
    assert '<script>alert("x")</script>' in text
    assert '"><img src=x onerror=alert(1)>' in text


def test_self_contained():
    page = html.render([_check(HOSTILE)])
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page


def test_every_issue_is_annotated_in_place_and_listed():
    result = _check(HOSTILE)
    page = html.render([result])
    parsed = _parse(page)
    notes = [a for t, a in parsed.tags if "note" in a.get("class", "").split()]
    assert len(notes) == len(result.issues) >= 1
    pu = next(a for a in notes if a["data-rule"] == "PU001")
    assert pu["data-category"] == "punctuation/dash-attribution"
    assert pu["data-severity"] == "warning"
    listed = {a["data-issue"] for t, a in parsed.tags if t == "tr" and "data-issue" in a}
    assert listed == {a["data-issue"] for a in notes}
    assert f'href="#{pu["id"]}"' in page
    message = next(i.message for i in result.issues if i.code == "PU001")
    assert f'<span class="msg">{escape(message)}</span>' in page


def test_fixed_side_shows_word_changes():
    page = html.render([_check('"We agree", - he said.\n')])
    right = page.split('class="text right')[1].split("</td>")[0]
    assert '&#34;We agree<span class="chg">,</span>&#34; he said.' in right
    left = page.split('class="text left')[1].split("</td>")[0]
    assert 'class="chg hl sev-warning"' in left


def test_fix_results_mark_remaining_issues_on_the_fixed_side():
    result = _fix('"We agree", - he said. Он сказал.\n')
    assert result.issues
    page = html.render([result])
    right = page.split('class="text right')[1].split("</td>")[0]
    assert 'class="note' in right


def test_summary_counts_words_and_penalty():
    result = _check('"We agree", - he said.\n')
    page = html.render([result])
    words = result.document.word_count
    assert f'<td class="num" id="words">{words}</td>' in page
    expected = 1000 * 5 / words  # one warning = one major issue
    assert f'<td class="num" id="penalty">{expected:.2f}</td>' in page
    assert 'data-kind="severity" value="warning"' in page
    assert 'data-kind="rule" value="PU001"' in page
    assert 'data-kind="category" value="punctuation/dash-attribution"' in page


def test_issue_on_a_line_break_still_gets_a_note():
    result = _check("Line one.   \n\n\n\nLine two.\n")
    page = html.render([result])
    assert page.count('class="note') == len(result.issues)


def test_empty_and_unreadable_inputs():
    page = html.render([_check(""), FileResult("gone.txt", error="gone.txt: no such file")])
    assert "gone.txt: no such file" in page
    assert "No issues found." in page


def test_report_command_writes_a_file(tmp_path, run):
    (tmp_path / "a.txt").write_text(HOSTILE, encoding="utf-8")
    result = run("report", "a.txt", "-o", "report.html", "--title", "<b>Review</b>")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<title>&lt;b&gt;Review&lt;/b&gt;</title>" in page
    assert b"Wrote report.html" in result.stderr
    assert run("report", "a.txt", "--weights", "bad=1").returncode == 2


def test_side_by_side_rows_rebuild_both_texts():
    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "samples" / "lavrov-tillerson" / "mt.txt"
    result = _check(sample.read_text(encoding="utf-8"), "mt.txt")
    view = html._file_view(0, result, unsafe=False)
    left, right, _ = html._fixed_view(result, unsafe=False)

    def side(cells):
        return ["".join(i["text"] for i in cell if i["kind"] == "text") for cell in cells]

    rows = view["rows"]
    assert side(r.left for r in rows if r.left_line) == [left.text[s:e] for s, e in html._line_spans(left)]
    assert side(r.right for r in rows if r.right_line) == [right.text[s:e] for s, e in html._line_spans(right)]
    notes = [i["view"].id for r in rows for i in r.left + r.right if i["kind"] == "note"]
    assert sorted(notes) == sorted(v.id for v in view["issues"])


def test_issues_near_a_line_are_those_a_full_pass_finds():
    import random

    from mtfix.model import Issue, Severity, Span

    rnd = random.Random(7)
    text = "".join(rnd.choice("ab \n") for _ in range(400))
    views = []
    for n in range(60):
        start = rnd.randrange(len(text))
        end = min(len(text), start + rnd.choice((0, 0, 1, 3, 12, 90)))
        issue = Issue(code="XX001", name="x", category="style", severity=Severity.WARNING, message="m", span=Span(start, end))
        views.append(html.IssueView(f"i{n}", issue, "doc.txt", 1, 1, text[start:end], None))
    rnd.shuffle(views)  # the order of the report, whatever it is, is kept
    near = html._Near(views)
    for _ in range(300):
        start = rnd.randrange(len(text))
        end = min(len(text), start + rnd.randrange(40))
        everything = html._cell(text, start, end, [], views, set())
        assert html._cell(text, start, end, [], near.around(start, end), set()) == everything


def test_line_matcher_answers_as_difflib_does():
    import difflib
    import random

    rnd = random.Random(11)
    for _ in range(600):
        alphabet = rnd.choice(["ab", "abc", "abcdefghij"])  # few distinct lines: many repeats
        a = [rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))]
        b = list(a)
        for _ in range(rnd.randint(0, 5)):
            where = rnd.randint(0, len(b))
            if rnd.random() < 0.5:
                b.insert(where, rnd.choice(alphabet + "z"))
            elif b:
                b[min(where, len(b) - 1)] = rnd.choice(alphabet + "z")
        if rnd.random() < 0.2:
            b = [rnd.choice(alphabet) for _ in range(rnd.randint(0, 30))]
        expected = difflib.SequenceMatcher(None, a, b, autojunk=False)
        matcher = html._LineMatcher(a, b)
        assert matcher.get_opcodes() == expected.get_opcodes()
        alo, blo = rnd.randint(0, len(a)), rnd.randint(0, len(b))
        ahi, bhi = rnd.randint(alo, len(a)), rnd.randint(blo, len(b))
        assert matcher.find_longest_match(alo, ahi, blo, bhi) == expected.find_longest_match(alo, ahi, blo, bhi)


# Bilingual files: a table of units (id, source, target, fixed) instead of the side by side.

PO = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

#: a.c:1
msgctxt "greeting"
msgid "«Мы согласны», - сказал он."
msgstr "«We agree», - he said."

msgid "Tom & Jerry"
msgstr "Tom & Jerry are are here."

msgid "Long"
msgstr ""
"This is a long line that "
"wraps in the file."

msgid "<script>alert(1)</script>"
msgstr "<b onclick=x()>It is bold</b> text ."
'''

XLIFF = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="ru" target-language="en" datatype="plaintext" original="x">
    <body>
      <trans-unit id="t1">
        <source>«Мы согласны», - сказал он.</source>
        <target>«We agree», - he said.</target>
      </trans-unit>
      <trans-unit id="t2">
        <source>Том &amp; Джерри</source>
        <target>Tom &amp; Jerry are are here.</target>
      </trans-unit>
      <trans-unit id="t3">
        <source>Нажмите <x id="1"/> здесь</source>
        <target>Press <x id="1"/> here  .</target>
      </trans-unit>
      <trans-unit id="t4">
        <source>Готово</source>
        <target>Done.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
'''


class _Units(HTMLParser):
    """Per row of the segment table: the text of each cell (for the target and fixed cells,
    the unit's text without the notes under it), the notes' attributes, and the row's HTML
    positions."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[dict] = []
        self.cell: str | None = None
        self.depth = 0  # open elements inside the current cell
        self.skip = 0  # depth at which the notes start (0: not in them)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = attrs.get("class", "").split()
        if tag == "tr" and "unit" in classes:
            self.rows.append({"attrs": attrs, "cells": {}, "notes": [], "marks": []})
            return
        if not self.rows:
            return
        row = self.rows[-1]
        if tag == "td" and self.cell is None:
            self.cell = next(c for c in ("uid", "src", "tgt", "fix", "ln") if c in classes)
            row["cells"][self.cell] = ""
            self.depth = 0
            return
        if self.cell is None:
            return
        self.depth += 1
        if "unit-issues" in classes:
            self.skip = self.depth
        if "note" in classes:
            row["notes"].append((self.cell, attrs))
        if "data-ids" in attrs:
            row["marks"].append((self.cell, attrs["data-ids"]))

    def handle_endtag(self, tag):
        if self.cell is None:
            return
        if tag == "td" and self.depth == 0:
            self.cell = None
            return
        if self.skip and self.depth == self.skip:
            self.skip = 0
        self.depth -= 1

    def handle_data(self, data):
        if self.cell is not None and not self.skip:
            self.rows[-1]["cells"][self.cell] += data


def _bilingual(tmp_path, name: str, content: str) -> tuple[FileResult, str, list[dict]]:
    from mtfix.formats import read

    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    document = read(path)
    result = FileResult(name, document, engine.check(document, Settings()), context=Context(Settings()))
    page = html.render([result])
    parser = _Units()
    parser.feed(page)
    return result, page, parser.rows


@pytest.mark.parametrize("name, content", [("x.po", PO), ("x.xlf", XLIFF)])
def test_bilingual_file_is_a_table_of_units(tmp_path, name, content):
    result, page, rows = _bilingual(tmp_path, name, content)
    document = result.document
    fixed = engine.fix(document, Settings()).document  # what `mtfix fix` writes
    assert len(document.units) == len(fixed.units) == len(rows) == 4
    assert 'class="sidebyside segments"' in page and 'class="text left"' not in page  # no line-by-line view
    for unit, fixed_unit, row in zip(document.units, fixed.units, rows):
        cells = row["cells"]
        context, _, msgid = unit.id.rpartition("\x04")
        assert cells["uid"].split() == (context.split() + msgid.split())
        assert cells["src"] == unit.source
        assert cells["tgt"] == document.target_text(unit)
        assert cells["fix"] == fixed.target_text(fixed_unit)
    # what a translator sees, not the file's syntax
    for syntax in ("msgid", "msgstr", "msgctxt", "trans-unit", "<target", "&amp;amp;", "\x04"):
        assert syntax not in page
    assert rows[0]["cells"]["fix"] == "“We agree,” he said."
    assert rows[1]["cells"]["tgt"] == "Tom & Jerry are are here."
    assert rows[1]["cells"]["fix"] == "Tom & Jerry are here."
    assert rows[0]["cells"]["src"] == "«Мы согласны», - сказал он."


@pytest.mark.parametrize("name, content", [("x.po", PO), ("x.xlf", XLIFF)])
def test_units_carry_their_issues_and_word_changes(tmp_path, name, content):
    result, page, rows = _bilingual(tmp_path, name, content)
    document = result.document
    notes = [(n, cell, attrs) for n, row in enumerate(rows) for cell, attrs in row["notes"]]
    assert len(notes) == len(result.issues) >= 4
    views = {v.id: v for v in html._file_view(0, result, unsafe=False)["issues"]}
    for n, cell, attrs in notes:
        assert cell == "tgt"  # a check's issues sit on the text as read
        issue = views[attrs["data-issue"]].issue
        assert document.unit_at(issue.span.start) is document.units[n]
        if issue.span.end > issue.span.start:  # marked in the target text of its own row
            assert ("tgt", attrs["data-issue"]) in [(c, i) for c, ids in rows[n]["marks"] for i in ids.split()]
    assert [a["data-rule"] for _, a in rows[0]["notes"]] == ["PU002", "PU001"]
    assert [a["data-rule"] for _, a in rows[1]["notes"]] == ["SP001"]
    assert not rows[2 if name == "x.po" else 3]["notes"]
    assert all(c == "tgt" for c, _ in rows[0]["marks"])
    # word-level changes as the side-by-side has them
    fixed_cell = page.split(f'id="{rows[0]["attrs"]["id"]}"')[1].split('class="text right fix')[1].split("</td>")[0]
    from mtfix.align import word_diff

    before, after = word_diff(rows[0]["cells"]["tgt"], rows[0]["cells"]["fix"])
    changed = [p.text for p in after if p.changed]
    assert changed and re.findall(r'<span class="chg">([^<]*)</span>', fixed_cell) == changed
    assert "“" in "".join(changed) and "he said." not in "".join(changed)
    assert "changed" in rows[0]["attrs"]["class"].split()
    assert "changed" not in rows[2 if name == "x.po" else 3]["attrs"]["class"].split()
    # every issue is listed with the line and column it has in the file
    line, column = document.location(result.issues[0].span.start)
    assert f'<a href="#f0-i0">{line}:{column}</a>' in page


def test_unit_text_is_escaped(tmp_path):
    _, page, rows = _bilingual(tmp_path, "x.po", PO)
    parsed = _parse(page)
    assert [t for t, _ in parsed.tags if t in ("b", "img")] == []
    assert [t for t, _ in parsed.tags if t == "script"] == ["script"]
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    assert rows[3]["cells"]["src"] == "<script>alert(1)</script>"
    assert rows[3]["cells"]["tgt"] == "<b onclick=x()>It is bold</b> text ."


def test_inline_codes_show_as_placeholders_titled_with_the_code(tmp_path):
    from mtfix.units import PLACEHOLDER

    _, page, rows = _bilingual(tmp_path, "x.xlf", XLIFF)
    assert rows[2]["cells"]["tgt"] == f"Press {PLACEHOLDER} here  ."
    assert rows[2]["cells"]["fix"] == f"Press {PLACEHOLDER} here."
    codes = [a for t, a in _parse(page).tags if "ph" in a.get("class", "").split()]
    assert [a["title"] for a in codes] == ['<x id="1"/>', '<x id="1"/>']


def test_fixed_results_mark_remaining_issues_in_the_fixed_cell(tmp_path):
    from mtfix.formats import read

    path = tmp_path / "x.po"
    path.write_text('msgid "a"\nmsgstr "\\"We agree\\", - he said. Он сказал."\n\nmsgid "b"\nmsgstr "Fine."\n', encoding="utf-8")
    document = read(path)
    outcome = engine.fix(document, Settings())
    assert outcome.remaining and outcome.applied
    result = FileResult("x.po", document, outcome.remaining, outcome.document, outcome.applied, context=Context(Settings()))
    parser = _Units()
    parser.feed(html.render([result]))
    rows = parser.rows
    assert len(rows) == 2
    assert rows[0]["cells"]["tgt"] == '"We agree", - he said. Он сказал.'
    assert rows[0]["cells"]["fix"] == outcome.document.target_text(outcome.document.units[0])
    assert len(rows[0]["notes"]) == len(outcome.remaining)
    assert {c for c, _ in rows[0]["notes"]} == {"fix"}
    assert not rows[1]["notes"]


def test_units_are_paired_by_id_then_by_index():
    from mtfix.model import Span
    from mtfix.units import Unit

    def doc(ids):
        text = "\n\n".join(ids)
        units, at = [], 0
        for i in ids:
            units.append(Unit(source=i, target=(Span(at, at + len(i)),), id=i))
            at += len(i) + 2
        return Document(text, path="x.po", units=units, file_text=text, format="po")

    assert html._pair_units(doc(["a", "b", "c"]), doc(["a", "b", "c"])) == [0, 1, 2]
    assert html._pair_units(doc(["a", "b", "c"]), doc(["b", "a", "c"])) == [1, 0, 2]
    assert html._pair_units(doc(["a", "x", "c"]), doc(["a", "y", "c"])) == [0, 1, 2]  # no id: the index
    assert html._pair_units(doc(["a", "a", "b"]), doc(["a", "a", "b"])) == [0, 1, 2]  # a repeated id
    assert html._pair_units(doc(["a", "b", "c"]), doc(["a", "b"])) == [0, 1, None]


def test_report_command_on_a_po_file(tmp_path, run):
    (tmp_path / "x.po").write_text(PO, encoding="utf-8")
    result = run("report", "x.po", "-o", "report.html")
    assert result.returncode == 0, result.stderr
    parser = _Units()
    parser.feed((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert [r["cells"]["fix"] for r in parser.rows][:2] == ["“We agree,” he said.", "Tom & Jerry are here."]
    fixed = run("fix", "x.po")
    assert fixed.returncode in (0, 1), fixed.stderr
    from mtfix.formats import read

    written = read(tmp_path / "x.po")
    assert [r["cells"]["fix"] for r in parser.rows] == [written.target_text(u) for u in written.units]
