"""`mtfix diff`: segment alignment, token edits, per-segment and corpus scores, output formats."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest
from rich.text import Text

from mtfix.align import align, edit_count, lines, sentences, token_edits, word_diff
from mtfix.report.diff import compare, render_html, render_text, render_unified

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lavrov-tillerson"
DATA = Path(__file__).parent / "data"


def test_lines_follow_document_line_breaks():
    assert [s.text for s in lines("a\r\nb\rc\n")] == ["a", "b", "c"]
    assert [s.line for s in lines("a\n\nb")] == [1, 2, 3]


def test_sentences_split_inside_lines():
    found = sentences('He left. "Yes," she said! Then\nNext line. u.s. style')
    assert [s.text for s in found] == ["He left.", '"Yes," she said!', "Then", "Next line. u.s. style"]
    assert [s.line for s in found] == [1, 1, 1, 2]


def test_equal_line_counts_align_by_line():
    pairs, mode = align("one\ntwo\n", "One\nzwei\n")
    assert mode == "line"
    assert [(p.mt_text, p.pe_text) for p in pairs] == [("one", "One"), ("two", "zwei")]


def test_different_line_counts_align_by_sentence_and_skip_deleted_ones():
    mt = "Go to Publicity\n\nThe talks were frank. Sanctions were not raised.\n\nTags: Russia\n"
    pe = "The talks were frank and open.\nSanctions were not raised.\nTags: Russia, USA\n"
    pairs, mode = align(mt, pe)
    assert mode == "sentence"
    assert [(p.mt_text, p.pe_text) for p in pairs] == [
        ("Go to Publicity", ""),
        ("The talks were frank.", "The talks were frank and open."),
        ("Sanctions were not raised.", "Sanctions were not raised."),
        ("Tags: Russia", "Tags: Russia, USA"),
    ]
    assert pairs[1].mt.line == 3 and pairs[1].pe.line == 1


def test_token_edits_keep_spacing_and_count_tokens():
    changes = token_edits('"We agree", - he said.', '"We agree," he said.')
    assert "".join(c.mt for c in changes) == '"We agree", - he said.'
    assert "".join(c.pe for c in changes) == '"We agree," he said.'
    assert edit_count(changes) == 3


def test_inline_edits_keep_word_spacing():
    from mtfix.report.diff import inline

    assert Text.from_markup(inline(token_edits("he said.", "he said at ten."))).plain == "he said {+at ten+}."
    assert Text.from_markup(inline(token_edits("he said at ten.", "he said."))).plain == "he said [-at ten-]."
    assert Text.from_markup(inline(token_edits("Lavrov Tillerson", "Lavrov, Tillerson"))).plain == "Lavrov{+,+} Tillerson"


def test_word_diff_pieces_rebuild_both_texts():
    left, right = word_diff("the cat sat on a mat", "the cat sat on the red mat")
    assert "".join(p.text for p in left) == "the cat sat on a mat"
    assert "".join(p.text for p in right) == "the cat sat on the red mat"
    assert [p.text for p in left if p.changed] == ["a"]
    assert [p.text for p in right if p.changed] == ["the red"]


def test_seed_against_its_postedit():
    mt = (SAMPLE / "mt.txt").read_text(encoding="utf-8")
    pe = (SAMPLE / "postedit.txt").read_text(encoding="utf-8")
    comparison = compare(mt, pe, "mt.txt", "postedit.txt")
    assert comparison.mode == "sentence"
    first = comparison.segments[0]
    assert first.pair.mt_text == "Go to Publicity" and first.pair.pe is None
    assert 10 < comparison.corpus.ter < 40
    assert 50 < comparison.corpus.bleu < 90
    text = Text.from_markup(render_text(comparison)).plain
    assert "TER|nrefs:1|" in text and "BLEU|nrefs:1|" in text
    assert f"= {comparison.corpus.ter:.2f}" in text
    assert "[-Dzhebhat en-]{+Jabhat al+}-Nusra" in text
    unified = render_unified(comparison)
    assert unified.startswith("--- mt.txt\n+++ postedit.txt\n")
    assert "-Go to Publicity\n" in unified


def test_segment_ter_matches_mlqe_pe_hter():
    mt = (DATA / "mlqe-pe-dev-100.mt").read_text(encoding="utf-8")
    pe = (DATA / "mlqe-pe-dev-100.pe").read_text(encoding="utf-8")
    hter = [float(x) for x in (DATA / "mlqe-pe-dev-100.hter").read_text().split()]
    comparison = compare(mt, pe)
    assert comparison.mode == "line"
    # MLQE-PE's HTER is a fraction capped at 1; sacreBLEU's TER is a percentage without a cap.
    ours = [min(1.0, s.scores.ter / 100) for s in comparison.segments]
    assert len(ours) == len(hter) == 100
    assert statistics.correlation(ours, hter) > 0.999
    assert statistics.fmean(abs(a - b) for a, b in zip(ours, hter)) < 0.002


def _page_data(page: str) -> dict:
    start = page.index('<script type="application/json" id="diff-data">') + len('<script type="application/json" id="diff-data">')
    return json.loads(page[start : page.index("</script>", start)])


def test_html_diff_is_escaped_and_self_contained():
    comparison = compare('<script>alert(1)</script> said "><img src=x onerror=alert(2)>\n', "He said.\n",
                         source_text="<b>Он</b> сказал.\n")
    page = render_html(comparison)
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>" not in page
    assert "http://" not in page.replace("http-equiv", "")
    assert "<link" not in page
    segment = _page_data(page)["segments"][0]
    assert "".join(t for k, t in segment["ops"] if k <= 0) == '<script>alert(1)</script> said "><img src=x onerror=alert(2)>'
    assert segment["source"] == "<b>Он</b> сказал."


def test_html_diff_has_the_charts_and_every_segment():
    comparison = compare("The talks was frank.\nHe said.\nNew line here.\n", "The talks were frank.\nHe said.\nA new line.\n")
    page = render_html(comparison)
    segments = _page_data(page)["segments"]
    assert [s["ter"] for s in segments] == [round(s.scores.ter, 2) for s in comparison.segments]
    assert [s["edited"] for s in segments] == [True, False, True]
    assert page.count('class="dot"') == 3 and "Segments by TER" in page


@pytest.fixture
def pair(tmp_path):
    (tmp_path / "mt.txt").write_text("The talks was frank.\nHe said.\n", encoding="utf-8")
    (tmp_path / "pe.txt").write_text("The talks were frank.\nHe said.\n", encoding="utf-8")
    return tmp_path


def test_diff_command_formats(pair, run):
    text = run("diff", "mt.txt", "pe.txt", cwd=pair)
    assert text.returncode == 0, text.stderr
    out = text.stdout.decode()
    assert "[-was-]{+were+}" in out
    assert "1 of 2 segments edited (aligned by line)" in out
    assert "TER|nrefs:1|case:lc|tok:tercom" in out
    unified = run("diff", "--format", "diff", "mt.txt", "pe.txt", cwd=pair).stdout.decode()
    assert "-The talks was frank.\n+The talks were frank.\n" in unified
    report = json.loads(run("diff", "--format", "json", "mt.txt", "pe.txt", "-o", "d.html", cwd=pair).stdout)
    assert report["segments"][0]["changes"] == [{"op": "replace", "mt": "was", "pe": "were"}]
    assert report["segments"][0]["ter"] == pytest.approx(25.0)
    assert report["segments"][1]["ter"] == 0
    assert report["corpus"]["signatures"]["TER"].startswith("TER|nrefs:1|")
    segments = _page_data((pair / "d.html").read_text(encoding="utf-8"))["segments"]
    assert segments[0]["ops"] == [[0, "The talks "], [-1, "was"], [1, "were"], [0, " frank."]]
    assert segments[1]["ops"] == [[0, "He said."]]


def test_diff_command_missing_file(pair, run):
    result = run("diff", "mt.txt", "nope.txt", cwd=pair)
    assert result.returncode == 2
    assert b"nope.txt" in result.stderr


def test_the_unstyled_text_is_what_a_console_without_colour_prints_of_the_markup():
    """Off a terminal `mtfix diff` prints its text without markup (parsing it took most of the
    time on a long text): the output is the same, hostile text included; a backslash before
    a bracket, which rich's markup drops, is kept."""
    import io

    from mtfix.cli.run import _console

    mt = "A [bold]tag[/] and [x] stay.\nTabs\tand\x0bcontrol \x07codes, wide 漢字\twords.\nSame line.\n"
    pe = "A [red]tag[/] and [y] stay!\nTabs\tand control codes, wide 漢字 words.\nSame line.\n"
    comparison = compare(mt, pe, "mt[bold].txt", "pe[/].txt")
    for show_all, quiet in ((False, False), (True, False), (False, True)):
        styled, plain = io.StringIO(), io.StringIO()
        _console(styled).print(render_text(comparison, show_all, quiet))
        _console(plain).print(render_text(comparison, show_all, quiet, markup=False), markup=False)
        assert plain.getvalue() == styled.getvalue()
        assert quiet or "mt[bold].txt → pe[/].txt" in plain.getvalue()
    kept = render_text(compare("a \\[x] b", "a \\[y] b"), quiet=True, markup=False)
    assert kept.endswith("a \\[[-x-]{+y+}] b")
