"""Lines that end in CR alone (old Mac files, some exports) are lines: the rules find in such
a file what they find in the same text with LF, and `fix` writes it back with its CRs."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "samples" / "lavrov-tillerson" / "mt.txt").read_text(encoding="utf-8").replace("\r\n", "\n")


def _issues(run, name):
    done = run("check", "--format", "json", name)
    return [(i["code"], i["start"], i["end"], i["line"], i["column"]) for i in json.loads(done.stdout)["files"][0]["issues"]]


def test_lone_cr_lines_give_the_issues_of_lf_lines(run, tmp_path):
    (tmp_path / "lf.txt").write_bytes(ARTICLE.encode())
    (tmp_path / "cr.txt").write_bytes(ARTICLE.replace("\n", "\r").encode())
    expected = _issues(run, "lf.txt")
    assert expected and _issues(run, "cr.txt") == expected


def test_fix_keeps_lone_cr_line_endings_and_is_idempotent(run, tmp_path):
    (tmp_path / "lf.txt").write_bytes(ARTICLE.encode())
    (tmp_path / "cr.txt").write_bytes(ARTICLE.replace("\n", "\r").encode())
    run("fix", "lf.txt", "cr.txt")
    fixed = (tmp_path / "cr.txt").read_bytes()
    assert b"\n" not in fixed and fixed == (tmp_path / "lf.txt").read_bytes().replace(b"\n", b"\r")
    assert fixed != ARTICLE.replace("\n", "\r").encode()
    run("fix", "cr.txt")
    assert (tmp_path / "cr.txt").read_bytes() == fixed


def test_a_file_mixing_cr_and_lf_is_read_as_it_is(run, tmp_path):
    text = "The the cat.\rA dog.\nThe the end.\n"
    (tmp_path / "mixed.txt").write_bytes(text.encode())
    run("fix", "--select", "SP001", "mixed.txt")
    assert (tmp_path / "mixed.txt").read_bytes() == b"The cat.\rA dog.\nThe end.\n"
