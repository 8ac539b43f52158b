"""The install story the repository tells: the pre-commit hooks cover every format mtfix reads,
and no document or report points at a package index or a tag that does not exist. (The
sdist and the wheel are built and installed in fresh venvs by .ci/run.)"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from mtfix import formats
from mtfix.report import sarif

ROOT = Path(__file__).resolve().parent.parent


def test_hooks_cover_every_input_format():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["id"] for hook in hooks} == {"mtfix", "mtfix-fix"}
    for hook in hooks:
        pattern = re.compile(hook["files"])
        for extension in formats.EXTENSIONS:
            assert pattern.search(f"translations/page{extension}"), (hook["id"], extension)
        assert not pattern.search("image.png")


def test_install_instructions_name_what_exists():
    tags = subprocess.run(["git", "tag"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    texts = {
        name: (ROOT / name).read_text(encoding="utf-8")
        for name in ("README.md", "docs/formats.md", ".pre-commit-hooks.yaml", ".github/workflows/mtfix.yml")
    }
    for name, text in texts.items():
        assert not re.search(r"pip install (-q )?mtfix\b(?![\[\w-])", text), name
        for rev in re.findall(r"rev: (v[\d.]+)", text):
            assert rev in tags, (name, rev)
    information = sarif.report([])["runs"][0]["tool"]["driver"]["informationUri"]
    assert "pypi.org" not in information
