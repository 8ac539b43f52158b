"""The disk cache: where it is ($MTFIX_CACHE_DIR), switching it off (`--no-cache`,
MTFIX_NO_CACHE=1) so that nothing is written, and a library call that leaves the host
process's garbage collector as it found it (no `gc.freeze`).

Each run is a fresh process with an empty cache folder: lexicon tables and glossaries are
loaded once per process, so only a new one shows what a first run writes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtfix.cache import NO_CACHE_VARIABLE, caching

ROOT = Path(__file__).resolve().parent.parent

TEXT = '"We agree", - he said. The talks in the Кремль went on. More than 10 000 people and RIA News came.'
UNITS = [
    ("Агентство РИА Новости сообщило об этом.", "The agency RIA reported it."),
    ("25 000 человек вышли на улицы.", "2,500 people took to the streets."),
]
HOST = f"""
import gc, json
import mtfix

host = [{{"n": [i]}} for i in range(10_000)]  # the host program's own objects
before = gc.get_freeze_count()
issues = mtfix.check_text({TEXT!r})
findings = mtfix.check_units({UNITS!r})
print(json.dumps({{
    "frozen": [before, gc.get_freeze_count()],
    "enabled": gc.isenabled(),
    "text": [[i.code, i.span.start, i.span.end, i.message] for i in issues],
    "units": [[f.code, f.unit, f.issue.message] for f in findings],
}}))
"""


def _environment(tmp: Path, **extra: str) -> dict[str, str]:
    """The cache folder under tmp, and HOME and XDG_CACHE_HOME elsewhere under tmp, so that
    a write to the default place is seen too."""
    env = {k: v for k, v in os.environ.items() if k not in (NO_CACHE_VARIABLE, "MTFIX_CACHE_DIR")}
    env.update(
        MTFIX_CACHE_DIR=str(tmp / "cache"), HOME=str(tmp / "home"), XDG_CACHE_HOME=str(tmp / "xdg"), NO_COLOR="1"
    )
    env.update(extra)
    for name in ("cache", "home", "xdg"):
        (tmp / name).mkdir(parents=True, exist_ok=True)
    return env


def _files(folder: Path) -> list[str]:
    return sorted(str(Path(d, f).relative_to(folder)) for d, _, names in os.walk(folder) for f in names)


def _host(tmp: Path, **extra: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", HOST], env=_environment(tmp, **extra), cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def cached(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cached")
    return tmp, _host(tmp)


def test_a_library_call_freezes_nothing(cached):
    _, result = cached
    before, after = result["frozen"]
    assert after == before  # 3.12 starts with a few hundred objects frozen of its own
    assert result["enabled"]
    assert {code for code, *_ in result["text"]} >= {"PU001", "CY001", "LC003", "TM001"}
    assert {code for code, *_ in result["units"]} >= {"BL001", "BL007"}


def test_the_cache_is_written_under_mtfix_cache_dir(cached):
    tmp, _ = cached
    written = _files(tmp / "cache")
    assert any(f.startswith("glossaries/") and f.endswith(".bin") for f in written), written
    assert any(f.startswith("lexicon/") and f.endswith(".bin") for f in written), written
    assert _files(tmp / "home") == [] and _files(tmp / "xdg") == []


@pytest.mark.parametrize("value", ["1", "true"])
def test_mtfix_no_cache_writes_nothing_and_finds_the_same(cached, tmp_path, value):
    result = _host(tmp_path, MTFIX_NO_CACHE=value)
    assert [_files(tmp_path / name) for name in ("cache", "home", "xdg")] == [[], [], []]
    assert result == cached[1]


def test_the_no_cache_option_writes_nothing_and_finds_the_same(tmp_path):
    text, table = tmp_path / "news.txt", tmp_path / "units.tsv"
    text.write_text(TEXT + "\n", encoding="utf-8")
    table.write_text("".join(f"{s}\t{t}\n" for s, t in UNITS), encoding="utf-8")
    env = _environment(tmp_path)

    def mtfix(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "mtfix", *args], env=env, cwd=tmp_path, capture_output=True, text=True
        )

    uncached = mtfix("check", "--no-cache", "news.txt", "units.tsv")
    fixed = mtfix("fix", "--no-cache", "--diff", "news.txt")
    page = mtfix("report", "--no-cache", "-o", "report.html", "units.tsv")
    assert uncached.returncode == 1, uncached.stderr
    assert fixed.returncode == 1 and "+\"We agree,\" he said." in fixed.stdout, fixed.stderr
    assert page.returncode == 0 and (tmp_path / "report.html").is_file(), page.stderr
    assert [_files(tmp_path / name) for name in ("cache", "home", "xdg")] == [[], [], []]

    with_cache = mtfix("check", "news.txt", "units.tsv")
    assert with_cache.stdout == uncached.stdout
    assert "BL007" in with_cache.stdout and "PU001" in with_cache.stdout
    assert _files(tmp_path / "cache")


def test_the_no_cache_option_is_documented(run):
    for command in ("check", "fix", "report"):
        shown = run(command, "--help").stdout.decode()
        assert "--no-cache" in shown and "MTFIX_CACHE_DIR" in shown
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "--no-cache" in readme and "MTFIX_CACHE_DIR" in readme and "MTFIX_NO_CACHE" in readme


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, True), ("", True), ("0", True), ("false", True), ("1", False), ("true", False), (" Yes ", False), ("on", False)],
)
def test_caching_reads_the_variable_at_each_use(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv(NO_CACHE_VARIABLE, raising=False)
    else:
        monkeypatch.setenv(NO_CACHE_VARIABLE, value)
    assert caching() is expected


def test_a_glossary_opened_without_the_cache_writes_nothing(monkeypatch, tmp_path):
    from mtfix.glossary import open_glossaries

    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(NO_CACHE_VARIABLE, "1")
    source = tmp_path / "house.tsv"
    source.write_text("term\tvariants\nRIA Novosti\tRIA News\n", encoding="utf-8")
    glossary = open_glossaries([source])
    assert [m.entry.term for m in glossary.matches("RIA News said so.")] == ["RIA Novosti"]
    assert glossary.known_words() is not None and glossary.people() is not None  # indexes, in memory
    assert not (tmp_path / "cache").exists()
