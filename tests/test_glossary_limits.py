"""Glossary files under the run's max-file-size, and never a FIFO or a device: with
`--glossary`, with `glossaries = [...]` in the configuration, and through the Python API. Real
`mtfix` processes, real FIFOs (nobody writes them, so a blocking read would never return)."""

from __future__ import annotations

import os

import pytest

import mtfix
from mtfix import Settings
from mtfix.glossary import open_glossaries
from mtfix.termbase.model import GlossaryError

ROW = "RIA Novosti\tRIA News\tthe agency's name\n"
TEXT = "The RIA News agency said so.\n"


def glossary(tmp_path, rows: int = 1):
    path = tmp_path / "house.tsv"
    path.write_text("term\tvariants\tnote\n" + ROW * rows, encoding="utf-8")
    return path


def test_the_limit_follows_max_file_size_in_the_configuration(tmp_path, run):
    big = glossary(tmp_path, rows=60)  # about 2.2 kB
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "mtfix.toml").write_text('glossaries = ["house.tsv"]\nmax-file-size = "1k"\n')
    refused = run("check", "a.txt")
    assert refused.returncode == 2, refused.stderr
    assert f"{big}: {big.stat().st_size} bytes is larger than the 1 kB limit (max-file-size)".encode() in refused.stderr
    assert b"Traceback" not in refused.stderr
    (tmp_path / "mtfix.toml").write_text('glossaries = ["house.tsv"]\nmax-file-size = "4k"\n')
    allowed = run("check", "--select", "TM", "a.txt")
    assert allowed.returncode == 1 and b"RIA Novosti" in allowed.stdout, allowed.stderr


def test_the_command_line_limit_applies_to_glossary(tmp_path, run):
    glossary(tmp_path, rows=60)
    (tmp_path / "a.txt").write_text(TEXT)
    refused = run("check", "--max-file-size", "1k", "--glossary", "house.tsv", "a.txt")
    assert refused.returncode == 2 and b"--glossary" in refused.stderr and b"1 kB limit" in refused.stderr
    # above the default 64 MB would be refused without it; a raised limit is followed, not 64 MB
    allowed = run("check", "--max-file-size", "100MB", "--select", "TM", "--glossary", "house.tsv", "a.txt")
    assert allowed.returncode == 1 and b"RIA Novosti" in allowed.stdout, allowed.stderr


@pytest.mark.parametrize("where", ["option", "configuration"])
def test_a_fifo_as_glossary_is_refused_without_blocking(tmp_path, run, where):
    os.mkfifo(tmp_path / "house.tsv")
    (tmp_path / "a.txt").write_text(TEXT)
    if where == "option":
        done = run("check", "--glossary", "house.tsv", "a.txt")
    else:
        (tmp_path / "mtfix.toml").write_text('glossaries = ["house.tsv"]\n')
        done = run("check", "a.txt")
    assert done.returncode == 2
    assert b"house.tsv: not a regular file (a FIFO); not read" in done.stderr, done.stderr


def test_the_api_reads_glossaries_within_the_settings_limit(tmp_path):
    big = glossary(tmp_path, rows=60)
    with pytest.raises(GlossaryError, match=r"larger than the 1 kB limit"):
        mtfix.check_text(TEXT, Settings(glossaries=[big], max_file_size=1024))
    assert any("RIA Novosti" in i.message for i in mtfix.check_text(TEXT, Settings(glossaries=[big], select=["TM"])))
    fifo = tmp_path / "other.tsv"
    os.mkfifo(fifo)
    with pytest.raises(GlossaryError, match="not a regular file"):
        open_glossaries([fifo]).entries


def test_a_remembered_digest_does_not_bypass_the_limit(tmp_path, monkeypatch):
    # a glossary of 1 MB or more has its digest remembered in the cache folder; the limit
    # is checked before the memo is consulted
    monkeypatch.setenv("MTFIX_CACHE_DIR", str(tmp_path / "cache"))
    big = glossary(tmp_path, rows=(1 << 20) // len(ROW) + 1)
    assert open_glossaries([big]).entries  # its digest is now remembered
    with pytest.raises(GlossaryError, match=r"larger than the 1 MB limit"):
        open_glossaries([big], limit=1 << 20)
