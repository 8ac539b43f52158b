"""Browser tests: Debian's Chromium driven by Playwright.

`.ci/run` installs both; where Chromium cannot be installed these tests are skipped and say
why. Screenshots at 1400 and 800 px, light and dark, go to $MTFIX_TEST_OUTPUT (by default a
`screenshots` folder in pytest's temporary directory) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

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
    """A page in a fresh browser; the test fails on any script error in it, or any request
    for something other than a local file. `page.open(path)` opens a report."""
    executable = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
    profile = tempfile.mkdtemp(prefix="chromium-profile-", dir=tmp_path)
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, args=ARGS, headless=True, accept_downloads=True,
            viewport={"width": 1400, "height": 1000},
        )
        try:
            browser_page = context.new_page()
            browser_page.set_default_timeout(20_000)
            browser_page.errors = []
            browser_page.requests = []
            browser_page.on("pageerror", lambda e: browser_page.errors.append(str(e)))
            browser_page.on("request", lambda r: browser_page.requests.append(r.url))
            browser_page.open = lambda path: _open(browser_page, path)
            yield browser_page
            assert browser_page.errors == []
            assert all(url.startswith(("file://", "blob:")) for url in browser_page.requests), browser_page.requests
        finally:
            context.close()


@pytest.fixture
def output(tmp_path_factory, record_property) -> Path:
    """The folder screenshots go to."""
    folder = Path(os.environ.get("MTFIX_TEST_OUTPUT") or tmp_path_factory.getbasetemp() / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    record_property("screenshots", str(folder))
    return folder


def _open(page, path: Path) -> None:
    """Go to the page at `path` and wait until its script has rendered it."""
    page.goto(path.as_uri())
    page.wait_for_selector("html[data-ready]")
