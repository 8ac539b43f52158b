"""mtfix: find, fix and report machine-translation artifacts in English translated from Russian.

    >>> import mtfix
    >>> [i.code for i in mtfix.check_text('"We agree", - he said.')]
    ['PU001']
    >>> mtfix.fix_text('"We agree", - he said.')
    '"We agree," he said.'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["__version__", "check_text", "fix_text"]

if TYPE_CHECKING:
    from mtfix.config import Settings
    from mtfix.model import Issue


def check_text(text: str, settings: Settings | None = None) -> list[Issue]:
    """Issues in `text` under `settings` (defaults: every rule, ru-en, US English)."""
    from mtfix import engine
    from mtfix.config import Settings
    from mtfix.document import Document

    return engine.check(Document(text), settings or Settings())


def fix_text(text: str, settings: Settings | None = None, unsafe: bool = False) -> str:
    """`text` with every safe fix applied (and unsafe ones too when asked)."""
    from mtfix import engine
    from mtfix.config import Settings
    from mtfix.document import Document

    return engine.fix(Document(text), settings or Settings(), unsafe=unsafe).document.text
