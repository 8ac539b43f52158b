"""The `mtfix diff` page in a real browser (see conftest.py): sorting by TER, the edited-only
view, search, keys, the source column, and screenshots."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mtfix.report.diff import compare, render_html

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def diff_page(tmp_path) -> Path:
    mt = (DATA / "mlqe-pe-dev-100.mt").read_text(encoding="utf-8")
    pe = (DATA / "mlqe-pe-dev-100.pe").read_text(encoding="utf-8")
    source = (DATA / "mlqe-pe-dev-100.src").read_text(encoding="utf-8")
    target = tmp_path / "diff.html"
    target.write_text(render_html(compare(mt, pe, "dev.mt", "dev.pe", source_text=source)), encoding="utf-8")
    return target


def _ter(page) -> list[float]:
    return [float(re.search(r"TER\s*([\d.]+)", t)[1]) for t in page.locator(".seg[data-segment] .scores").all_text_contents()]


def test_sort_filter_search_and_keys(page, diff_page):
    sync_api = pytest.importorskip("playwright.sync_api")
    page.open(diff_page)
    assert page.locator(".seg[data-segment]").count() == 100
    assert page.locator(".c-src").count() == 101  # the heading and every segment
    assert page.locator(".c-tgt .del").count() > 0 and page.locator(".c-pe .ins").count() > 0
    page.select_option("#sort", "ter")
    scores = _ter(page)
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1]
    page.select_option("#sort", "position")
    page.check("#only-edited")
    edited = page.locator(".seg.changed").count()
    assert page.locator(".seg[data-segment]").count() == edited < 100
    page.keyboard.press("j")
    assert page.locator(".seg.current").count() == 1
    page.fill("#search", "moscow")
    sync_api.expect(page.locator("#shown")).not_to_have_text(re.compile(rf"^{edited} of"))
    assert all("moscow" in t.lower() for t in page.locator(".seg[data-segment]").all_text_contents())


def test_screenshots(page, diff_page, output):
    for width in (1400, 800):
        for scheme in ("light", "dark"):
            page.set_viewport_size({"width": width, "height": 1000})
            page.emulate_media(color_scheme=scheme)
            page.open(diff_page)
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            page.screenshot(path=str(output / f"diff-{width}-{scheme}.png"))
