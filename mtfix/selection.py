"""Rule selection: which rules `select` and `ignore` choose, as ruff chooses them.

A selector is `ALL`, a rule code or a prefix of codes (`SP`, `TR00`), or one entry of a pack
rule (`CQ001:still-in-year`); LanguageTool's rules are selected as `LT` or `LT:<RULE_ID>`. The
more specific of select and ignore wins. An opt-in rule (`Rule.opt_in`) is chosen only by its
code or a prefix of it, never by `ALL` alone. A rule's old code (`registry.REDIRECTS`) selects the
rule under its code now.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from mtfix.registry import all_rules, redirected, selects

if TYPE_CHECKING:
    from mtfix.registry import Rule

#: The code prefix of LanguageTool's rules (`LT:<RULE_ID>`).
LANGUAGETOOL = "LT"
_LANGUAGETOOL_SELECTOR = re.compile(r"^LT(?::[A-Z0-9_]*)?$")


def is_known_selector(selector: str, extra: Iterable[type[Rule]] = ()) -> bool:
    """True for "ALL", a prefix of at least one rule code, or `CODE:entry-id` naming an entry
    of a pack rule; `extra` are rules beside the registered ones (house packs)."""
    selector = redirected(selector)
    rules = {**all_rules(), **{rule.code: rule for rule in extra}}
    code, colon, entry = selector.partition(":")
    if colon:
        return code in rules and entry in rules[code].entry_ids
    return selector == "ALL" or any(code.startswith(selector) for code in rules)


def is_languagetool_selector(selector: str) -> bool:
    """True for `LT`, `LT:` and `LT:<RULE_ID>`: select, ignore and severity keys for LanguageTool."""
    return bool(_LANGUAGETOOL_SELECTOR.match(selector))


def unknown(selectors: Iterable[str], extra: Iterable[type[Rule]] = ()) -> str | None:
    """The first selector that selects no rule, mtfix's, `extra`'s or LanguageTool's (whose
    ids are open)."""
    extra = tuple(extra)
    for selector in selectors:
        if not is_known_selector(selector, extra) and not is_languagetool_selector(selector):
            return selector
    return None


def specificity(rule_id: str, selectors: Iterable[str]) -> int:
    """Length of the longest selector that selects `rule_id` (a code or `CODE:entry-id`;
    ALL counts as 0), or -1."""
    best = -1
    for selector in map(redirected, selectors):
        if selects(selector, rule_id):
            best = max(best, 0 if selector == "ALL" else len(selector))
    return best


def chooses(rule_id: str, select: Iterable[str], ignore: Iterable[str], opt_in: bool = False) -> bool:
    """Whether `rule_id` is selected: by a selector more specific than any that ignores it
    (for an opt-in rule, by one that names it, not `ALL`)."""
    chosen = specificity(rule_id, select)
    return chosen >= (1 if opt_in else 0) and chosen > specificity(rule_id, ignore)


def runs(rule: type[Rule], select: Iterable[str], ignore: Iterable[str]) -> bool:
    """Whether `rule` has anything to do: its code is chosen, or one of its entries is."""
    select, ignore = list(select), list(ignore)
    if chooses(rule.code, select, ignore, rule.opt_in):
        return True
    return any(chooses(f"{rule.code}:{entry}", select, ignore, rule.opt_in) for entry in rule.entry_ids)


def selected(select: Iterable[str], ignore: Iterable[str], extra: Iterable[type[Rule]] = ()) -> Iterator[type[Rule]]:
    """The registered rules (and `extra` ones) that `select` and `ignore` choose, in code order."""
    select, ignore = list(select), list(ignore)
    rules = {**all_rules(), **{rule.code: rule for rule in extra}}
    for _, rule in sorted(rules.items()):
        if runs(rule, select, ignore):
            yield rule
