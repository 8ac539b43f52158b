"""The TBX reader refuses any document whose type declaration declares an entity, wherever
the declaration sits and whatever markup-like text comes before it, with one error naming
the file and line; a document type declaration without entities is read as before."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtfix.termbase import formats
from mtfix.termbase.model import GlossaryError

ROOT = Path(__file__).resolve().parent.parent
BODY = (
    '<martif type="TBX"><text><body><termEntry id="c1"><langSet xml:lang="en">'
    "<tig><term>{term}</term></tig><tig><term>Kreml</term>"
    '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>'
    "</langSet></termEntry></body></text></martif>\n"
)
XML = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _write(tmp_path: Path, prolog: str, term: str = "&a;") -> Path:
    path = tmp_path / "evil.tbx"
    path.write_text(XML + prolog + BODY.format(term=term), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("prolog", "name"),
    [
        ('<!-- <x -->\n<!DOCTYPE martif [<!ENTITY a "Kremlin">]>\n', "a"),  # the reported bypass
        ('<?note <x ?>\n<!DOCTYPE martif [<!ENTITY a "Kremlin">]>\n', "a"),
        ('<!-- <!DOCTYPE is here --><!-- ]> -->\n<!DOCTYPE martif [<!ENTITY a "Kremlin">]>\n', "a"),
        ('<!DOCTYPE martif SYSTEM "x>y.dtd" [\n<!ENTITY a "Kremlin">]>\n', "a"),
        ('<!DOCTYPE martif [\n<!-- <x -->\n<!ENTITY % p "Kremlin">\n<!ENTITY a "Kremlin">]>\n', "p"),
        ('<!DOCTYPE martif [<!ENTITY a SYSTEM "file:///etc/hostname">]>\n', "a"),
        ('<!DOCTYPE martif [<!NOTATION n SYSTEM "n"><!ENTITY a SYSTEM "x.gif" NDATA n>]>\n', "a"),
    ],
)
def test_a_declared_entity_is_refused_wherever_it_is(tmp_path, prolog, name):
    path = _write(tmp_path, prolog)
    line = 1 + (XML + prolog).split("<!ENTITY")[0].count("\n")
    with pytest.raises(GlossaryError) as raised:
        formats.read(path)
    message = str(raised.value)
    assert message == f"{path}:{line}: refused XML: the document type declares the entity `{name}` (entities are not read)"
    problems = []
    assert formats.read(path, problems.append) == []
    assert [(p.where, p.level) for p in problems] == [(f"{path}:{line}", "error")]


@pytest.mark.parametrize(
    "prolog",
    ["", '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n', "<!-- <x -->\n<!DOCTYPE martif [<!ELEMENT martif ANY>]>\n"],
)
def test_a_document_type_without_entities_is_read(tmp_path, prolog):
    path = _write(tmp_path, prolog, term="Kremlin")
    (entry,) = formats.read(path)
    assert entry.term == "Kremlin" and entry.variants == ("Kreml",)
    assert formats._read_in_batches(path, path.read_bytes(), None) == [entry]


def test_a_malformed_prolog_names_the_line(tmp_path):
    path = _write(tmp_path, "<!DOCTYPE martif [<!ENTITY>]>\n")
    with pytest.raises(GlossaryError, match=r"evil.tbx:2: malformed XML"):
        formats.read(path)


def test_the_command_line_refuses_the_glossary_in_one_line(tmp_path):
    glossary = _write(tmp_path, '<!-- <x -->\n<!DOCTYPE martif [<!ENTITY a "Kremlin">]>\n')
    (tmp_path / "news.txt").write_text("The Kreml said nothing.\n", encoding="utf-8")
    env = {**os.environ, "MTFIX_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    for args in (("check", "--glossary", str(glossary), "news.txt"), ("glossary", "check", str(glossary))):
        done = subprocess.run(
            [sys.executable, "-m", "mtfix", *args], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )
        shown = done.stdout + done.stderr
        assert done.returncode == 2, shown
        assert f"{glossary}:3: " in shown and "declares the entity `a`" in shown
        assert "Traceback" not in shown and "Kremlin" not in shown.replace("ENTITY a \"Kremlin\"", "")
