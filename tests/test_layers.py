"""The layering contracts in pyproject.toml ([tool.importlinter]), checked by import-linter:
no import cycles, rules that never import the command line or the reporters, and the core's
layers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept():
    command = [str(Path(sys.executable).with_name("lint-imports")), "--config", str(ROOT / "pyproject.toml")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "BROKEN" not in report and report.count("KEPT") == 3, report
