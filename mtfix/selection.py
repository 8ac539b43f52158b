"""Rule selection: which rules `select` and `ignore` choose, as ruff chooses them.

A selector is `ALL`, a rule code or a prefix of codes (`SP`, `TR00`); LanguageTool's rules
are selected as `LT` or `LT:<RULE_ID>`. The more specific of select and ignore wins. A rule's
old code (`registry.REDIRECTS`) selects the rule under its code now.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from mtfix.registry import all_rules, redirected

if TYPE_CHECKING:
    from mtfix.registry import Rule

#: The code prefix of LanguageTool's rules (`LT:<RULE_ID>`).
LANGUAGETOOL = "LT"
_LANGUAGETOOL_SELECTOR = re.compile(r"^LT(?::[A-Z0-9_]*)?$")


def is_known_selector(selector: str) -> bool:
    """True for "ALL" or a prefix of at least one rule code."""
    selector = redirected(selector)
    return selector == "ALL" or any(code.startswith(selector) for code in all_rules())


def is_languagetool_selector(selector: str) -> bool:
    """True for `LT`, `LT:` and `LT:<RULE_ID>`: select, ignore and severity keys for LanguageTool."""
    return bool(_LANGUAGETOOL_SELECTOR.match(selector))


def unknown(selectors: Iterable[str]) -> str | None:
    """The first selector that selects no rule, mtfix's or LanguageTool's (whose ids are open)."""
    for selector in selectors:
        if not is_known_selector(selector) and not is_languagetool_selector(selector):
            return selector
    return None


def specificity(code: str, selectors: Iterable[str]) -> int:
    """Length of the longest selector that selects `code` (ALL counts as 0), or -1."""
    best = -1
    for selector in map(redirected, selectors):
        if selector == "ALL":
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
    return best


def chooses(code: str, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """Whether `code` is selected: by a selector more specific than any that ignores it."""
    chosen = specificity(code, select)
    return chosen >= 0 and chosen > specificity(code, ignore)


def selected(select: Iterable[str], ignore: Iterable[str]) -> Iterator[type[Rule]]:
    """The registered rules that `select` and `ignore` choose, in code order."""
    select, ignore = list(select), list(ignore)
    for code, rule in all_rules().items():
        if chooses(code, select, ignore):
            yield rule
