"""The review page in a real browser (see conftest.py): open, search, sort, filter, keys,
decisions exported as a baseline `mtfix check` reads and as CSV, screenshots, hostile input."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from mtfix import engine
from mtfix.config import Settings
from mtfix.context import Context
from mtfix.engine import FileResult
from mtfix.formats import read
from mtfix.report import html, table

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "lavrov-tillerson" / "mt.txt"
PO = r'''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

#: a.c:1
msgctxt "greeting"
msgid "«Мы согласны», - сказал он."
msgstr "«We agree», - he said."

msgid "Tom & Jerry"
msgstr "Tom & Jerry are are here at 07: 10."

msgid "Готово"
msgstr "Done."
'''


def _sample_report(tmp_path: Path) -> tuple[Path, FileResult]:
    document = read(SAMPLE)
    result = FileResult("mt.txt", document, engine.check(document, Settings()), context=Context(Settings()))
    target = tmp_path / "report.html"
    target.write_text(html.render([result]), encoding="utf-8")
    return target, result


def _shown(page) -> tuple[int, int]:
    """(issues shown, segments shown), from the status line."""
    words = page.locator("#shown").inner_text().split()
    return int(words[0]), int(words[words.index("issues") + 2])


def test_open_search_sort_filter_and_keys(page, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    target, result = _sample_report(tmp_path)
    page.open(target)
    total = len(result.issues)
    assert _shown(page) == (total, 49)
    assert page.locator(".chip").count() == total
    assert page.locator("mark.flag").count() > 0 and page.locator(".c-fix .del").count() > 0
    assert page.locator(".c-fix .ins").count() > 0

    page.fill("#search", "tillerson")
    sync_api.expect(page.locator("#shown")).not_to_have_text(re.compile(rf"^{total} of {total} "))
    texts = page.locator(".seg[data-row]").all_text_contents()
    assert 0 < len(texts) < 49 and all("tillerson" in t.lower() for t in texts)
    page.fill("#search", "")
    sync_api.expect(page.locator("#shown")).to_contain_text(f"{total} of {total} issues")

    glossary = [i for i in result.issues if i.code == "TM001"]
    page.select_option("#f-rule", "TM001")
    assert page.locator(".chip").count() == len(glossary) and _shown(page)[0] == len(glossary)
    assert {c.get_attribute("data-issue") for c in page.locator(".chip").all()} == {
        str(n) for n, i in enumerate(result.issues) if i.code == "TM001"}
    severity = glossary[0].severity.value
    page.uncheck(f"#f-{severity}")  # filters combine
    assert _shown(page)[0] == 0 and page.locator(".empty-note").is_visible()
    page.check(f"#f-{severity}")
    page.select_option("#f-rule", "")

    page.select_option("#f-sort", "severity")
    first = page.locator(".seg[data-row]").first
    assert "sev-error" in first.locator(".chip").first.get_attribute("class")
    page.select_option("#f-sort", "ter")
    scores = [float(t.split()[1]) for t in page.locator(".seg[data-row] .ter").all_text_contents()[:5]]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    page.select_option("#f-sort", "position")

    page.keyboard.press("j")
    first_id = page.locator(".chip.current").get_attribute("data-issue")
    page.keyboard.press("j")
    assert page.locator(".chip.current").get_attribute("data-issue") != first_id
    page.keyboard.press("k")
    assert page.locator(".chip.current").get_attribute("data-issue") == first_id

    page.keyboard.press("3")  # the issue list
    assert page.locator("#issue-rows tr").count() == total
    page.locator("#issue-rows a[data-go]").nth(5).click()
    assert page.locator("#view-segments").is_visible()
    assert page.locator(".chip.current").get_attribute("data-issue") == "5"

    page.keyboard.press("1")
    page.locator('#view-summary g[data-kind="category"]').first.click()  # a chart bar filters
    assert page.locator("#view-segments").is_visible() and page.locator("#f-category").input_value()
    page.emulate_media(media="print")
    assert page.locator("#toolbar").is_hidden()


def test_false_positive_goes_to_a_baseline_check_reads(page, tmp_path, run):
    shutil.copy(SAMPLE, tmp_path / "mt.txt")
    made = run("report", "mt.txt", "-o", "report.html")
    assert made.returncode == 0, made.stderr
    before = json.loads(run("check", "--format", "json", "mt.txt").stdout)["files"][0]["issues"]
    page.open(tmp_path / "report.html")

    chip = page.locator('.chip:has(b.code:text-is("GR002"))')
    assert chip.count() == 1
    chip.get_by_role("button", name="False positive").click()
    assert "is-false-positive" in page.locator('.chip:has(b.code:text-is("GR002"))').get_attribute("class")
    assert "1 false positive" in page.locator("#decided").inner_text()
    page.keyboard.press("j")
    accepted = page.locator(".chip.current").get_attribute("data-issue")
    page.keyboard.press("a")  # accepted from the keyboard
    assert "is-accepted" in page.locator(f'.chip[data-issue="{accepted}"]').get_attribute("class")

    page.reload()  # decisions survive a reload
    page.wait_for_selector("html[data-ready]")
    assert "1 accepted · 1 false positive" in page.locator("#decided").inner_text()

    with page.expect_download() as download:
        page.click("#export-baseline")
    download.value.save_as(tmp_path / "baseline.json")
    baseline = json.loads((tmp_path / "baseline.json").read_text(encoding="utf-8"))
    assert sum(sum(v.values()) for v in baseline["files"].values()) == 2
    after = json.loads(run("check", "--baseline", "baseline.json", "--format", "json", "mt.txt").stdout)["files"][0]["issues"]
    assert len(after) == len(before) - 2
    assert "GR002" in {i["code"] for i in before} and "GR002" not in {i["code"] for i in after}

    with page.expect_download() as download:
        page.click("#export-csv")
    download.value.save_as(tmp_path / "review.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "review.csv").read_text(encoding="utf-8"))))
    assert list(rows[0]) == [*table.COLUMNS, "status"]
    assert len(rows) == len(before)
    assert [r["status"] for r in rows if r["code"] == "GR002"] == ["false positive"]
    assert sorted(r["status"] for r in rows if r["status"]) == ["accepted", "false positive"]


def test_screenshots_at_1400_and_800_light_and_dark(page, tmp_path, output):
    po = tmp_path / "x.po"
    po.write_text(PO, encoding="utf-8")
    results = []
    for path in (SAMPLE, po):
        document = read(path)
        results.append(FileResult(path.name, document, engine.check(document, Settings()), context=Context(Settings())))
    target = tmp_path / "report.html"
    target.write_text(html.render(results), encoding="utf-8")
    for width in (1400, 800):
        for scheme in ("light", "dark"):
            page.set_viewport_size({"width": width, "height": 1000})
            page.emulate_media(color_scheme=scheme)
            page.open(target)
            assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing sticks out
            heights = page.eval_on_selector_all(".stats li", "items => items.map(i => i.getBoundingClientRect().height)")
            assert max(heights) < 32  # each figure on one line
            background = page.evaluate("getComputedStyle(document.body).backgroundColor")
            assert (background == "rgb(255, 255, 255)") == (scheme == "light")
            page.screenshot(path=str(output / f"report-segments-{width}-{scheme}.png"))
            page.keyboard.press("1")
            page.screenshot(path=str(output / f"report-summary-{width}-{scheme}.png"), full_page=True)
            page.keyboard.press("3")
            page.screenshot(path=str(output / f"report-issues-{width}-{scheme}.png"))
    assert len(list(output.glob("report-*.png"))) >= 12


HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'


def test_hostile_input_stays_text(page, tmp_path, run):
    name = 'x"><img src=x onerror="window.pwned=3">.txt'
    (tmp_path / name).write_text(f"He said {HOSTILE} at 07: 10 in Evil Corp.\n", encoding="utf-8")
    (tmp_path / "y.po").write_text(
        f'#. {HOSTILE}\nmsgctxt "{HOSTILE.replace(chr(34), chr(92) + chr(34))}"\n'
        f'msgid "{HOSTILE.replace(chr(34), chr(92) + chr(34))} сказал"\n'
        f'msgstr "{HOSTILE.replace(chr(34), chr(92) + chr(34))} can not agree"\n', encoding="utf-8")
    (tmp_path / "terms.tsv").write_text(f"term\tvariants\tnote\nGood {HOSTILE} Co\tEvil Corp\ttest\n", encoding="utf-8")
    made = run("report", name, "y.po", "--glossary", "terms.tsv", "--title", HOSTILE, "-o", "report.html")
    assert made.returncode == 0, made.stderr
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.open(tmp_path / "report.html")
    for view in ("2", "3", "1"):
        page.keyboard.press(view)
        page.wait_for_timeout(100)
        assert page.locator("img").count() == 0
        assert page.locator("script").count() == 2  # the data block and the page's own
        assert page.evaluate("window.pwned") is None
    assert dialogs == []
    page.keyboard.press("2")
    assert page.title() == HOSTILE
    assert HOSTILE in page.locator("h1").inner_text()
    assert name in page.locator(".file-head").first.inner_text()
    targets = page.locator(".c-tgt").all_text_contents()
    assert any(HOSTILE in t for t in targets)
    assert any(HOSTILE in t for t in page.locator(".c-src").all_text_contents())
    assert any(HOSTILE in t for t in page.locator(".c-id").all_text_contents())
    assert any(f"Good {HOSTILE} Co" in t for t in page.locator(".chip .msg, .chip .sugg").all_text_contents())
    page.keyboard.press("3")
    assert name in page.locator("#issue-rows").inner_text()
    page.keyboard.press("1")
    assert name in page.locator("#by-file").inner_text()
