"""Against a real LanguageTool, when one is available (see docs/languagetool.md).

MTFIX_LT_URL=http://127.0.0.1:8081 uses a running server; LTP_JAR_DIR_PATH=<folder with
languagetool-server.jar> makes mtfix start one (`--languagetool local`). Otherwise skipped.
"""

from __future__ import annotations

import os

import pytest

from mtfix import engine
from mtfix.config import Settings
from mtfix.document import Document
from mtfix.languagetool import mapping, target
from mtfix.languagetool.opinion import SecondOpinion

URL = os.environ.get("MTFIX_LT_URL", "")
JAR_DIR = os.environ.get("LTP_JAR_DIR_PATH", "")

pytestmark = pytest.mark.skipif(
    not (URL or JAR_DIR),
    reason="no real LanguageTool: set MTFIX_LT_URL to a running server, or LTP_JAR_DIR_PATH "
    "to a folder holding languagetool-server.jar",
)

TEXT = (
    "Lavrov said that teh talks with Jabhat al-Nusra were not discussed.\n\n"
    "This is an sentence with 😀 𝒜 a speling mistake.\n"
)


def test_real_languagetool():
    warnings = []
    server = target.parse_target(URL or "local")
    with SecondOpinion(warn=warnings.append) as opinion:
        issues = engine.check(Document(TEXT), Settings(languagetool=server, select=("LT",)), opinion)
    assert warnings == []
    found = {(i.code, TEXT[i.span.start : i.span.end]) for i in issues}
    assert ("LT:MORFOLOGIK_RULE_EN_US", "teh") in found
    # after an emoji and a mathematical letter, two UTF-16 units each: offsets converted
    assert ("LT:MORFOLOGIK_RULE_EN_US", "speling") in found
    # glossary names are never misspellings
    assert not {text for _, text in found} & {"Jabhat", "Nusra", "al-Nusra"}
    for issue in issues:
        assert issue.category in mapping.CATEGORIES
        if issue.fix:
            assert issue.fix.applicability.value == "unsafe"
