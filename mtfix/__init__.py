"""mtfix: find, fix and report machine-translation artifacts in English translated from Russian.

    >>> import mtfix
    >>> [i.code for i in mtfix.check_text('"We agree", - he said.')]
    ['PU001']
    >>> mtfix.fix_text('"We agree", - he said.')
    '"We agree," he said.'
    >>> [(f.code, f.unit) for f in mtfix.check_units([("Мы согласны.", "We agree agree."), ("Да.", "Yes yes.")])]
    [('SP001', '1')]
    >>> mtfix.fix_units([("Они не могут.", "They can not.")])
    ['They cannot.']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mtfix.version import __version__

__all__ = [
    "Context", "Finding", "Settings", "__version__", "check_file", "check_text", "check_units", "fix_text", "fix_units",
]

if TYPE_CHECKING:
    from mtfix.api import (
        Finding,
        check_file,
        check_text,
        check_units,
        fix_text,
        fix_units,
    )
    from mtfix.config import Settings
    from mtfix.context import Context


def __getattr__(name: str) -> Any:
    """The API loads on first use, so `mtfix --version` and imports of one module stay cheap."""
    if name == "Settings":
        from mtfix.config import Settings

        return Settings
    if name == "Context":
        from mtfix.context import Context

        return Context
    if name in __all__:
        from mtfix import api

        return getattr(api, name)
    raise AttributeError(f"module 'mtfix' has no attribute {name!r}")
