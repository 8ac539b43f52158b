"""The HTML review page: self-contained, its data escaped, every issue on its row, the fixed
text as a word diff. The page's behaviour in a browser is tested in tests/browser/."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import escape

from mtfix import engine
from mtfix.config import Settings
from mtfix.context import Context
from mtfix.document import Document
from mtfix.engine import FileResult
from mtfix.report import html, review
from mtfix.report.lines import LineMatcher, line_spans
from mtfix.report.redline import DELETE, INSERT
from mtfix.units import PLACEHOLDER

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "lavrov-tillerson" / "mt.txt"
HOSTILE = (
    'He wrote <script>alert("x")</script> and "><img src=x onerror=alert(1)>.\n'
    '"We agree", - he said. </script><script>alert(2)</script>\n'
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
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.text.append(data)


def _parse(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


def _data(page: str) -> dict:
    """The page's JSON block, read as the browser reads it."""
    blocks = [body for attrs, body in _parse(page).scripts if attrs.get("type") == "application/json"]
    assert len(blocks) == 1
    return json.loads(blocks[0])


def _fixed(row: dict) -> str | None:
    if "diff" not in row:
        return row.get("fixed", row["target"])
    return "".join(text for kind, text in row["diff"] if kind >= 0)


def test_document_text_is_escaped():
    page = html.render([_check(HOSTILE, 'a"><script>x</script>.txt')])
    parsed = _parse(page)
    assert not [a for t, a in parsed.tags if t == "img"]
    assert [a.get("type") for t, a in parsed.tags if t == "script"] == ["application/json", None]  # the page's own
    assert not any(name.startswith("on") for _, attrs in parsed.tags for name in attrs)
    block = next(body for attrs, body in parsed.scripts if attrs.get("type"))
    assert "<" not in block and ">" not in block and "&" not in block
    data = _data(page)
    assert data["files"][0]["path"] == 'a"><script>x</script>.txt'
    assert data["rows"][0]["target"] == 'He wrote <script>alert("x")</script> and "><img src=x onerror=alert(1)>.'
    assert "</script><script>alert(2)</script>" in data["rows"][1]["target"]
    assert str(escape('a"><script>x</script>.txt')) in page  # the file table, rendered server-side
    assert "<script>x</script>" not in page


def test_self_contained():
    page = html.render([_check(HOSTILE)])
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "http://" not in page.replace("http-equiv", "") and "https://" not in page
    assert "default-src 'none'" in page


def test_every_issue_is_on_its_row_with_its_span():
    result = _check(SAMPLE.read_text(encoding="utf-8"), "mt.txt")
    data = _data(html.render([result]))
    issues, rows = data["issues"], data["rows"]
    assert len(issues) == len(result.issues) >= 40
    for k, issue in enumerate(issues):
        row = rows[issue["row"]]
        assert k in row["issues"] and issue["on"] == "target"
        if "\n" not in issue["text"]:
            assert row["target"][issue["start"] : issue["end"]] == issue["text"]
    pu = next(i for i in issues if i["code"] == "PU001")
    assert pu["category"] == "punctuation/dash-attribution" and pu["severity"] == "warning"
    assert pu["message"] == next(i.message for i in result.issues if i.code == "PU001")
    assert sum(len(r.get("issues", [])) for r in rows) == len(issues)


def test_fixed_text_is_a_word_diff_with_deletions_and_insertions():
    data = _data(html.render([_check('"We agree", - he said at 07: 10.\n')]))
    row = data["rows"][0]
    assert row["target"] == '"We agree", - he said at 07: 10.'
    assert _fixed(row) == '"We agree," he said at 07:10.'
    deleted = [text for kind, text in row["diff"] if kind == DELETE]
    inserted = [text for kind, text in row["diff"] if kind == INSERT]
    assert " " in deleted  # the space of 07: 10 shows as deleted
    assert deleted and inserted
    assert "".join(text for kind, text in row["diff"] if kind <= 0) == row["target"]
    assert row["ter"] > 0


def test_fix_results_put_remaining_issues_on_the_fixed_text():
    result = _fix('"We agree", - he said. Он сказал.\n')
    assert result.issues
    data = _data(html.render([result]))
    assert {i["on"] for i in data["issues"]} == {"fixed"}
    row = data["rows"][data["issues"][0]["row"]]
    issue = data["issues"][0]
    assert _fixed(row)[issue["start"] : issue["end"]] == issue["text"]


def test_summary_counts_words_and_penalty():
    result = _check('"We agree", - he said.\n')
    page = html.render([result])
    words = result.document.word_count
    assert f'<span class="n" id="words">{words}</span>' in page
    expected = 1000 * 5 / words  # one warning = one major issue
    assert f'<span class="n" id="penalty">{expected:.2f}</span>' in page
    assert 'data-kind="category" data-value="punctuation/dash-attribution"' in page  # a chart bar
    assert 'data-kind="severity" data-value="warning"' in page
    assert "<svg" in page and 'role="img"' in page


def test_an_issue_on_a_line_break_has_the_row_of_its_line():
    from mtfix.model import Issue, Severity, Span

    text = "Line one .\n\n\n\nLine two.\n"
    result = _check(text)
    on_break = Issue(code="XX001", name="x", category="style", severity=Severity.INFO, message="m", span=Span(10, 12))
    result.issues.append(on_break)
    data = _data(html.render([result]))
    assert [r["target"] for r in data["rows"]] == ["Line one .", "Line two."]  # blank lines dropped
    assert [i["row"] for i in data["issues"]] == [0, 0]
    assert (data["issues"][1]["start"], data["issues"][1]["end"]) == (10, 10)  # at the end of its line


def test_empty_and_unreadable_inputs():
    page = html.render([_check(""), FileResult("gone.txt", error="gone.txt: no such file")])
    assert "gone.txt: no such file" in page
    assert "No issues found." in page
    data = _data(page)
    assert data["rows"] == [] and data["issues"] == []
    assert data["files"][1]["error"] == "gone.txt: no such file"


def test_long_reports_open_on_the_segments_with_issues():
    short = _data(html.render([_check("One line.\n")]))
    long = _data(html.render([_check("".join(f"Line {n} is fine.\n" for n in range(html.LONG + 1)))]))
    assert not short["onlyIssues"] and long["onlyIssues"]


def test_report_command_writes_a_file(tmp_path, run):
    (tmp_path / "a.txt").write_text(HOSTILE, encoding="utf-8")
    result = run("report", "a.txt", "-o", "report.html", "--title", "<b>Review</b>")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<title>&lt;b&gt;Review&lt;/b&gt;</title>" in page
    assert b"Wrote report.html" in result.stderr
    assert run("report", "a.txt", "--weights", "bad=1").returncode == 2


def test_rows_rebuild_both_texts():
    result = _check(SAMPLE.read_text(encoding="utf-8"), "mt.txt")
    built = review.build([result])
    left, right, _ = review.fixed_view(result, unsafe=False)
    lines = [left.text[s:e] for s, e in line_spans(left)]
    fixed = [right.text[s:e] for s, e in line_spans(right)]
    assert [r.target for r in built.rows] == [t for t in lines if t.strip()]
    assert [r.fixed for r in built.rows] == [t for t in fixed if t.strip()]
    assert sorted(k for r in built.rows for k in r.issues) == list(range(len(result.issues)))


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
        matcher = LineMatcher(a, b)
        assert matcher.get_opcodes() == expected.get_opcodes()
        alo, blo = rnd.randint(0, len(a)), rnd.randint(0, len(b))
        ahi, bhi = rnd.randint(alo, len(a)), rnd.randint(blo, len(b))
        assert matcher.find_longest_match(alo, ahi, blo, bhi) == expected.find_longest_match(alo, ahi, blo, bhi)


# Bilingual files: one row per unit (id, source, target, fixed).

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


def _bilingual(tmp_path, name: str, content: str) -> tuple[FileResult, dict]:
    from mtfix.formats import read

    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    document = read(path)
    result = FileResult(name, document, engine.check(document, Settings()), context=Context(Settings()))
    return result, _data(html.render([result]))


@pytest.mark.parametrize("name, content", [("x.po", PO), ("x.xlf", XLIFF)])
def test_bilingual_file_is_a_table_of_units(tmp_path, name, content):
    result, data = _bilingual(tmp_path, name, content)
    document = result.document
    fixed = engine.fix(document, Settings()).document  # what `mtfix fix` writes
    rows = data["rows"]
    assert len(document.units) == len(fixed.units) == len(rows) == 4
    assert data["hasSource"] and data["files"][0]["bilingual"]
    for unit, fixed_unit, row in zip(document.units, fixed.units, rows):
        context, _, msgid = unit.id.rpartition("\x04")
        assert (row.get("context", ""), row["id"]) == (context, msgid)
        assert row["source"] == unit.source
        assert row["target"] == document.target_text(unit)
        assert _fixed(row) == fixed.target_text(fixed_unit)
    text = json.dumps(data, ensure_ascii=False)
    for syntax in ("msgid", "msgstr", "msgctxt", "trans-unit", "<target", "&amp;", "\\u0004"):
        assert syntax not in text  # what a translator sees, not the file's syntax
    assert _fixed(rows[0]) == "“We agree,” he said."
    assert rows[1]["target"] == "Tom & Jerry are are here."
    assert _fixed(rows[1]) == "Tom & Jerry are here."
    assert rows[0]["source"] == "«Мы согласны», - сказал он."


@pytest.mark.parametrize("name, content", [("x.po", PO), ("x.xlf", XLIFF)])
def test_units_carry_their_issues(tmp_path, name, content):
    result, data = _bilingual(tmp_path, name, content)
    document, rows, issues = result.document, data["rows"], data["issues"]
    assert len(issues) == len(result.issues) >= 4
    for k, (issue, found) in enumerate(zip(result.issues, issues)):
        row = rows[found["row"]]
        assert document.unit_at(issue.span.start) is document.units[found["row"]]
        assert k in row["issues"] and found["on"] == "target"
        assert row["target"][found["start"] : found["end"]] == found["text"]
        assert (found["line"], found["column"]) == document.location(issue.span.start)  # as `mtfix check` has them
    assert [issues[k]["code"] for k in rows[0]["issues"]] == ["PU002", "PU001"]
    assert [issues[k]["code"] for k in rows[1]["issues"]] == ["SP001"]
    assert "issues" not in rows[2 if name == "x.po" else 3]
    assert "diff" in rows[0] and "diff" not in rows[2 if name == "x.po" else 3]


def test_inline_codes_show_as_placeholders_with_the_code(tmp_path):
    _, data = _bilingual(tmp_path, "x.xlf", XLIFF)
    row = data["rows"][2]
    assert row["target"] == f"Press {PLACEHOLDER} here  ."
    assert _fixed(row) == f"Press {PLACEHOLDER} here."
    assert row["codes"] == ['<x id="1"/>']


def test_fixed_results_put_remaining_issues_on_the_fixed_unit(tmp_path):
    from mtfix.formats import read

    path = tmp_path / "x.po"
    path.write_text('msgid "a"\nmsgstr "\\"We agree\\", - he said. Он сказал."\n\nmsgid "b"\nmsgstr "Fine."\n', encoding="utf-8")
    document = read(path)
    outcome = engine.fix(document, Settings())
    assert outcome.remaining and outcome.applied
    result = FileResult("x.po", document, outcome.remaining, outcome.document, outcome.applied, context=Context(Settings()))
    data = _data(html.render([result]))
    rows = data["rows"]
    assert len(rows) == 2
    assert rows[0]["target"] == '"We agree", - he said. Он сказал.'
    assert _fixed(rows[0]) == outcome.document.target_text(outcome.document.units[0])
    assert len(rows[0]["issues"]) == len(outcome.remaining)
    assert {data["issues"][k]["on"] for k in rows[0]["issues"]} == {"fixed"}
    for k in rows[0]["issues"]:
        issue = data["issues"][k]
        assert _fixed(rows[0])[issue["start"] : issue["end"]] == issue["text"]
    assert "issues" not in rows[1]


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

    assert review._pair_units(doc(["a", "b", "c"]), doc(["a", "b", "c"])) == [0, 1, 2]
    assert review._pair_units(doc(["a", "b", "c"]), doc(["b", "a", "c"])) == [1, 0, 2]
    assert review._pair_units(doc(["a", "x", "c"]), doc(["a", "y", "c"])) == [0, 1, 2]  # no id: the index
    assert review._pair_units(doc(["a", "a", "b"]), doc(["a", "a", "b"])) == [0, 1, 2]  # a repeated id
    assert review._pair_units(doc(["a", "b", "c"]), doc(["a", "b"])) == [0, 1, None]


def test_report_command_on_a_po_file(tmp_path, run):
    (tmp_path / "x.po").write_text(PO, encoding="utf-8")
    result = run("report", "x.po", "-o", "report.html")
    assert result.returncode == 0, result.stderr
    rows = _data((tmp_path / "report.html").read_text(encoding="utf-8"))["rows"]
    assert [_fixed(r) for r in rows][:2] == ["“We agree,” he said.", "Tom & Jerry are here."]
    fixed = run("fix", "x.po")
    assert fixed.returncode in (0, 1), fixed.stderr
    from mtfix.formats import read

    written = read(tmp_path / "x.po")
    assert [_fixed(r) for r in rows] == [written.target_text(u) for u in written.units]
