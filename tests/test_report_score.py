"""`mtfix score`: MQM-style quality from mtfix's issues, reference metrics and the CI gates."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from mtfix import check_text
from mtfix.cli import app

BAD = '"We agree", - he said. "No," - she said.\n'
GOOD = '"We agree," he said. "No," she said.\n'


class _Result:
    def __init__(self, result):
        self.returncode = result.exit_code
        self.stdout = result.stdout.encode()
        self.stderr = result.stderr.encode()


@pytest.fixture
def files(tmp_path, monkeypatch):
    (tmp_path / "mt.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "pe.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def run():
    """`mtfix` in-process (the subprocess route is covered by tests/test_cli.py)."""
    runner = CliRunner()

    def _run(*args, cwd=None):
        return _Result(runner.invoke(app, list(args)))

    return _run


def test_score_text_and_reference(files, run):
    result = run("score", "mt.txt", "--ref", "pe.txt", cwd=files)
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert out.startswith("MQM quality ")
    assert "BLEU|nrefs:1|" in out and "chrF2|nrefs:1|" in out and "TER|nrefs:1|" in out


def test_score_json(files, run):
    data = json.loads(run("score", "--format", "json", "mt.txt", "--ref", "pe.txt", cwd=files).stdout)
    mqm = data["mqm"]
    issues = check_text(BAD)
    assert [i.code for i in issues].count("PU001") == 2
    weights = {"info": 1, "warning": 5, "error": 25}
    assert mqm["issues"]["critical"] == sum(i.severity.value == "error" for i in issues)
    assert mqm["penalty"] == sum(weights[i.severity.value] for i in issues)
    assert mqm["penalty_per_1000_words"] == pytest.approx(1000 * 10 / mqm["words"], abs=1e-3)
    assert 0 < data["reference"]["ter"] < 100
    assert data["passed"] is True


def test_gates_fail_with_exit_1(files, run):
    under = run("score", "mt.txt", "--fail-under", "99", cwd=files)
    assert under.returncode == 1
    assert b"FAIL: quality" in under.stdout
    over = run("score", "mt.txt", "--max-penalty", "10", cwd=files)
    assert over.returncode == 1
    assert b"--max-penalty 10" in over.stdout
    assert run("score", "pe.txt", "--fail-under", "99", "--max-penalty", "0", cwd=files).returncode == 0


def test_weights_change_the_penalty(files, run):
    data = json.loads(run("score", "--format", "json", "mt.txt", "--weights", "major=2", cwd=files).stdout)
    counts = data["mqm"]["issues"]
    assert counts["major"] >= 2
    assert data["mqm"]["penalty"] == 25 * counts["critical"] + 2 * counts["major"] + counts["minor"]
    assert run("score", "mt.txt", "--weights", "critical", cwd=files).returncode == 2


def test_ref_needs_one_translation(files, run):
    assert run("score", "mt.txt", "pe.txt", "--ref", "pe.txt", cwd=files).returncode == 2
