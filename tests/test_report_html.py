"""The HTML report: self-contained, every piece of document text escaped, issues in place."""

from __future__ import annotations

import re
from markupsafe import escape
from html.parser import HTMLParser

from mtfix import engine
from mtfix.config import Settings
from mtfix.document import Document
from mtfix.engine import FileResult
from mtfix.report import html

HOSTILE = (
    'He wrote <script>alert("x")</script> and "><img src=x onerror=alert(1)>.\n'
    '"We agree", - he said.\n'
)


def _check(text: str, path: str = "doc.txt") -> FileResult:
    document = Document(text, path=path)
    return FileResult(path, document, engine.check(document, Settings()), settings=Settings())


def _fix(text: str, path: str = "doc.txt") -> FileResult:
    document = Document(text, path=path)
    outcome = engine.fix(document, Settings())
    return FileResult(path, document, outcome.remaining, outcome.document, outcome.applied, settings=Settings())


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
