from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture
def run(tmp_path):
    """Run the real `mtfix` command in a subprocess inside tmp_path."""

    def _run(*args: str, input: bytes | None = None, cwd: Path | None = None):
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
        return subprocess.run(
            [sys.executable, "-m", "mtfix", *args],
            input=input,
            capture_output=True,
            cwd=cwd or tmp_path,
            env=env,
        )

    return _run
