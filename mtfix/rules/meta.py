"""Rules about mtfix's own directives."""

from __future__ import annotations

from mtfix.model import Severity
from mtfix.registry import Rule, register


@register
class UnusedSuppression(Rule):
    """An `<!-- mtfix: ignore … -->` directive that hid nothing on the line after it. Stale
    suppressions hide the next real problem; remove them. The engine reports this rule
    after suppression, so `check` itself finds nothing.

    Bad: <!-- mtfix: ignore PU001 --> above a line with no dash attribution
    Good: the directive removed, or kept only above the line it is for
    """

    code = "MT001"
    name = "unused-suppression"
    summary = "a suppression directive that hides nothing"
    category = "mtfix/suppression"
    severity = Severity.INFO

    def check(self, document):
        return ()
