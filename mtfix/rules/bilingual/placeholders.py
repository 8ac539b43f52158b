"""BL006: placeholders, inline tags, URLs and addresses that differ between source and target."""

from __future__ import annotations

import re

from mtfix.model import Severity
from mtfix.registry import Rule, register
from mtfix.rules.bilingual.common import units

_PLACEHOLDER = re.compile(
    r"%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?[sdifuxXeEgGcr@]|%\([\w.]+\)[sdifr]"  # printf, Python
    r"|\{\{[^{}]*\}\}|\{[\w.:!]*\}|\$\{\w+\}|\$[A-Za-z_]\w*\$?"  # templates, {0}, {name}, ${x}, $name ($25 is money)
    r"|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>"  # tags
    r"|\b(?:https?|ftp)://[^\s<>\"']*[^\s<>\"'.,;:!?)]|\bwww\.[^\s<>\"']*[^\s<>\"'.,;:!?)]"  # URLs
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"  # e-mail
)


#: What every placeholder, tag, URL or address holds: a cheap test before the full search.
_MAY_HOLD_PLACEHOLDER = re.compile(r"[%{$<@]|://|www\.")


def placeholders(text: str) -> list[str]:
    if not _MAY_HOLD_PLACEHOLDER.search(text):
        return []
    return sorted(m.group() for m in _PLACEHOLDER.finditer(text))


@register
class PlaceholderMismatch(Rule):
    """A placeholder (`%s`, `{0}`, `{{name}}`), tag, inline code, URL or e-mail address of the
    source is missing from the target, or the target has one the source does not.

    Bad: Осталось %d минут. См. https://example.org → Minutes left. See https://example.com
    Good: Осталось %d минут. См. https://example.org → %d minutes left. See https://example.org
    """

    code = "BL006"
    name = "placeholder-mismatch"
    summary = "placeholders, tags or URLs differ between source and target"
    category = "markup/placeholder"
    severity = Severity.ERROR

    def check(self, document):
        from collections import Counter

        for unit, target in units(document):
            in_source, in_target = placeholders(unit.source), placeholders(target)
            if not (in_source or in_target or unit.source_codes or unit.target_codes):
                continue
            source = Counter(in_source)
            found = Counter(in_target)
            missing = sorted((source - found).elements())
            extra = sorted((found - source).elements())
            codes = Counter(unit.source_codes)
            target_codes = Counter(unit.target_codes)
            missing += [f"<{c}>" for c in sorted((codes - target_codes).elements())]
            extra += [f"<{c}>" for c in sorted((target_codes - codes).elements())]
            if missing or extra:
                span = unit.span
                parts = []
                if missing:
                    parts.append("missing " + ", ".join(f"`{m}`" for m in missing))
                if extra:
                    parts.append("not in the source " + ", ".join(f"`{m}`" for m in extra))
                yield self.issue(span.start, span.end, "; ".join(parts))
