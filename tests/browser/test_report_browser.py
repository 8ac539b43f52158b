"""The HTML report in a real browser: Debian's Chromium driven by Playwright.

`.ci/run` installs both; where Chromium cannot be installed the test is skipped and says why.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from mtfix import engine
from mtfix.config import Settings
from mtfix.context import Context
from mtfix.document import Document
from mtfix.engine import FileResult
from mtfix.report import html

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "lavrov-tillerson" / "mt.txt"
HOSTILE = 'He wrote <script>alert("x")</script> and "><img src=x onerror=alert(1)>.\n"We agree", - he said.\n'
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    for candidate in (os.environ.get("MTFIX_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.skip("Chromium is not installed (Debian package `chromium`; .ci/run installs it)")


@pytest.fixture
def page(tmp_path):
    executable = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
    profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=tmp_path)
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, args=ARGS, headless=True, viewport={"width": 1400, "height": 1000}
        )
        try:
            browser_page = context.new_page()
            browser_page.set_default_timeout(15_000)
            yield browser_page
        finally:
            context.close()


def _write(tmp_path: Path, text: str, name: str) -> tuple[Path, FileResult]:
    document = Document(text, path=name)
    result = FileResult(name, document, engine.check(document, Settings()), context=Context(Settings()))
    target = tmp_path / "report.html"
    target.write_text(html.render([result]), encoding="utf-8")
    return target, result


def test_filters_counts_keys_and_screenshot(page, tmp_path):
    target, result = _write(tmp_path, SAMPLE.read_text(encoding="utf-8"), "mt.txt")
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(target.as_uri())
    total = len(result.issues)
    errors_found = sum(1 for i in result.issues if i.severity.value == "error")
    assert 0 < errors_found < total
    assert page.locator("#visible-count").inner_text() == str(total)
    assert page.locator(".note:visible").count() == total

    page.locator('input[data-kind="severity"][value="error"]').uncheck()
    assert page.locator("#visible-count").inner_text() == str(total - errors_found)
    assert page.locator(".note:visible").count() == total - errors_found
    assert page.locator("#issue-list tr[data-issue]:visible").count() == total - errors_found
    assert page.locator(".note.sev-error:visible").count() == 0

    page.keyboard.press("j")
    current = page.locator(".note.current")
    assert current.count() == 1
    first_id = current.get_attribute("id")
    page.keyboard.press("j")
    assert page.locator(".note.current").get_attribute("id") != first_id
    page.keyboard.press("k")
    assert page.locator(".note.current").get_attribute("id") == first_id
    assert page.locator(".note.current").get_attribute("data-severity") != "error"

    page.locator('button[data-kind="rule"][data-all="off"]').click()
    assert page.locator("#visible-count").inner_text() == "0"
    page.locator('button[data-kind="rule"][data-all="on"]').click()
    page.locator('input[data-kind="severity"][value="error"]').check()
    assert page.locator("#visible-count").inner_text() == str(total)

    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
    page.emulate_media(media="print")
    assert page.locator("#filters").is_hidden()
    assert errors == []
    assert all(url.startswith("file://") for url in requests), requests


def test_hostile_text_stays_text(page, tmp_path):
    target, _ = _write(tmp_path, HOSTILE, "hostile.txt")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(target.as_uri())
    page.wait_for_timeout(200)
    assert dialogs == []
    assert page.locator("img").count() == 0
    assert '<script>alert("x")</script>' in page.locator("td.text.left").first.inner_text()
