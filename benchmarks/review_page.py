#!/usr/bin/env python3
"""How fast the review page opens and filters in headless Chromium (Playwright), for the seed
article and for a 100-file job built from the development corpora.

usage: benchmarks/review_page.py [CORPORA_DIR]   (default: ../shared/corpora)

The job is 70 plain-text files of 300 lines (WMT14 system outputs) and 30 TSV files of 200
source/target rows (WMT22 ru-en, Russian source beside a system's output). Each report is
made by the real `mtfix report` command. The load time is the page's own: from the start of
navigation until its script has rendered the first page of segments (`data-ready`, in ms of
`performance.now()`). A filter's time runs from the change event to the next frame after the
page re-rendered; the search figure leaves out the 120 ms the page waits for typing to pause.
Medians of five runs; Debian's Chromium, never a downloaded browser. Beside each time, its
ratio to a peer measured in the same page and run, robust to a loaded machine: parsing the
page's own JSON data block (`JSON.parse`, native code whose speed tracks the machine's).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MTFIX = shutil.which("mtfix", path=str(Path(sys.executable).parent)) or "mtfix"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
RUNS = 5
TYPING_PAUSE = 120

#: In the page: change a control, then wait for the frame after the re-render.
MEASURE = """async ([selector, kind, value]) => {
  const control = document.querySelector(selector);
  const frame = () => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));
  await frame();
  const before = document.getElementById("shown").textContent;
  const start = performance.now();
  if (kind === "check") control.checked = !control.checked;
  else control.value = value;
  control.dispatchEvent(new Event(kind === "search" ? "input" : "change", { bubbles: true }));
  if (kind === "search") {
    while (document.getElementById("shown").textContent === before) await new Promise(done => setTimeout(done, 2));
  }
  await frame();
  return performance.now() - start;
}"""
PEER = """() => {
  const text = document.getElementById("review-data").textContent;
  const start = performance.now();
  JSON.parse(text);
  return performance.now() - start;
}"""
FILTERS = [
    ("a rule", "#f-rule", "select", "PU001"),
    ("every rule again", "#f-rule", "select", ""),
    ("no warnings", "#f-warning", "check", None),
    ("warnings again", "#f-warning", "check", None),
    ("only segments with issues (toggle)", "#f-only", "check", None),
    ("sort by severity", "#f-sort", "select", "severity"),
    ("sort by position", "#f-sort", "select", "position"),
    ("search", "#search", "search", "minister"),
]


def build_job(corpora: Path, folder: Path) -> list[Path]:
    """70 plain-text files and 30 TSV files from the corpora."""
    made = []
    systems = sorted(p for p in (corpora / "wmt14-ru-en").glob("*.en") if p.name != "ref.en")
    for system in systems:
        lines = system.read_text(encoding="utf-8").splitlines()
        for n in range(0, len(lines) - 299, 300):
            if len(made) == 70:
                break
            path = folder / f"{system.stem}-{n // 300 + 1:02}.txt"
            path.write_text("\n".join(lines[n : n + 300]) + "\n", encoding="utf-8")
            made.append(path)
    source = (corpora / "wmt22-ru-en" / "source.ru").read_text(encoding="utf-8").splitlines()
    for system in sorted((corpora / "wmt22-ru-en").glob("Online-*.en"))[:3]:
        target = system.read_text(encoding="utf-8").splitlines()
        for n in range(10):
            rows = zip(source[n * 200 : (n + 1) * 200], target[n * 200 : (n + 1) * 200])
            path = folder / f"{system.stem}-{n + 1:02}.tsv"
            path.write_text("source\ttarget\n" + "".join(f"{s}\t{t}\n" for s, t in rows), encoding="utf-8")
            made.append(path)
    return made


def report(paths: list[Path], out: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run([MTFIX, "report", *map(str, paths), "-o", str(out)], capture_output=True, check=False)
    if done.returncode != 0:
        sys.exit(f"mtfix report failed: {done.stderr.decode().strip()}")
    return time.perf_counter() - start


def measure(page, path: Path) -> tuple[list[float], dict[str, list[float]], list[float]]:
    loads: list[float] = []
    peers: list[float] = []
    filters: dict[str, list[float]] = {name: [] for name, *_ in FILTERS}
    for _ in range(RUNS):
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-ready]", timeout=120_000)
        loads.append(float(page.get_attribute("html", "data-ready")))
        peers.append(page.evaluate(PEER))
        for name, selector, kind, value in FILTERS:
            took = page.evaluate(MEASURE, [selector, kind, value])
            filters[name].append(took - (TYPING_PAUSE if kind == "search" else 0))
    return loads, filters, peers


def main() -> None:
    from playwright.sync_api import sync_playwright

    corpora = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpora"
    with tempfile.TemporaryDirectory(prefix="mtfix-review-") as scratch:
        folder = Path(scratch)
        job = folder / "job"
        job.mkdir()
        cases = [("seed (samples/lavrov-tillerson/mt.txt)", [ROOT / "samples" / "lavrov-tillerson" / "mt.txt"]),
                 ("100-file job", build_job(corpora, job))]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            for label, paths in cases:
                out = folder / f"{len(paths)}.html"
                made = report(paths, out)
                lines = sum(len(p.read_text(encoding="utf-8").splitlines()) for p in paths)
                loads, filters, peers = measure(page, out)
                peer = statistics.median(peers)
                print(f"{label}: {len(paths)} files, {lines:,} lines; `mtfix report` {made:.1f} s, "
                      f"page {out.stat().st_size / 1e6:.1f} MB")
                print(f"  peer: JSON.parse of the data block {peer:.1f} ms")
                print(f"  load {statistics.median(loads):7.0f} ms   (runs: {', '.join(f'{t:.0f}' for t in loads)}; "
                      f"{statistics.median(loads) / peer:.1f} x peer)")
                for name, times in filters.items():
                    print(f"  {name:<36} {statistics.median(times):5.0f} ms   {statistics.median(times) / peer:5.2f} x peer")
            browser.close()


if __name__ == "__main__":
    main()
