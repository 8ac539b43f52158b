"""The rule base class and the registry that `mtfix rules`, selection and the engine read."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar

from mtfix.model import Fix, Issue, Severity, Span

if TYPE_CHECKING:
    from mtfix.context import Context
    from mtfix.document import Document

CODE = re.compile(r"^[A-Z]{2}\d{3}$")
CATEGORIES = frozenset(
    {
        "untranslated/transliteration",
        "untranslated/cyrillic",
        "terminology/glossary",
        "punctuation/dash-attribution",
        "punctuation/quotes",
        "punctuation/spacing",
        "locale/date-format",
        "locale/number-format",
        "grammar/pronoun-gender",
        "grammar/double-negation",
        "grammar/article-agreement",
        "grammar/missing-conjunction",
        "grammar/missing-verb",
        "style/calque",
        "style/boilerplate",
        "consistency/term-variant",
        "consistency/segment",
        "accuracy/number-mismatch",
        "accuracy/omission",
        "accuracy/addition",
        "accuracy/untranslated",
        "markup/placeholder",
        "terminology/key-term-mismatch",
        "casing/mid-sentence-capital",
        "spelling/misspelling",
        "spelling/repetition",
        "fluency/garbled",
        "mtfix/suppression",
    }
)

#: Codes that rules had before they moved, with their codes now: a selector, severity key or
#: suppression comment that names an old code means the rule's code now.
REDIRECTS = {"BL010": "TR005"}

_REGISTRY: dict[str, type[Rule]] = {}


def redirected(selector: str) -> str:
    """`selector` with a rule's old code (`BL010`) replaced by its code now (`TR005`)."""
    code, colon, entry = selector.partition(":")
    return REDIRECTS.get(code, code) + colon + entry


def upper_code(selector: str) -> str:
    """A selector as written, in capitals but for a pack entry's id (`CQ001:told-about`)."""
    code, colon, entry = selector.partition(":")
    return selector.upper() if code.upper() == "LT" else code.upper() + colon + entry


def selects(selector: str, rule_id: str) -> bool:
    """Whether `selector` names `rule_id` (a code, or `CODE:entry-id` for an issue of a pack
    entry): `ALL`, a prefix of the code, or one entry exactly. LanguageTool's ids (`LT:ID`)
    are selected by any prefix."""
    if selector == "ALL":
        return True
    if ":" in selector and not selector.startswith("LT:"):
        return rule_id == selector
    return rule_id.startswith(selector)


class Rule:
    """A check that finds one kind of artifact. Subclasses set the class attributes and
    implement `check`; the docstring explains the rule and carries `Bad:` and `Good:` examples.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    category: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    fixable: ClassVar[bool] = False
    #: The source languages the rule applies to; empty: any (it reads the English alone).
    languages: ClassVar[frozenset[str]] = frozenset()
    #: The ids of the rule's entries (a pack rule's), each selectable as `CODE:entry-id`.
    entry_ids: ClassVar[frozenset[str]] = frozenset()
    #: Off by default: `ALL` leaves the rule out; its code or a prefix of it selects it.
    opt_in: ClassVar[bool] = False

    def __init__(self, context: Context) -> None:
        self.context = context
        self.settings = context.settings

    @classmethod
    def applies_to(cls, language: str) -> bool:
        """Whether the rule runs for a pair whose source is `language`."""
        return not cls.languages or language in cls.languages

    def check(self, document: Document) -> Iterable[Issue]:
        raise NotImplementedError

    def issue(
        self,
        start: int,
        end: int,
        message: str,
        suggestions: Iterable[str] = (),
        fix: Fix | None = None,
        severity: Severity | None = None,
        entry: str = "",
    ) -> Issue:
        """An Issue carrying this rule's identity (and the pack entry's id, when it has one)."""
        return Issue(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=severity or self.severity,
            message=message,
            span=Span(start, end),
            suggestions=tuple(suggestions),
            fix=fix,
            entry=entry,
        )


def register(rule: type[Rule]) -> type[Rule]:
    """Class decorator adding a rule to the registry under its code."""
    if rule.code in _REGISTRY and _REGISTRY[rule.code] is not rule:
        raise ValueError(f"rule code {rule.code} registered twice")
    _REGISTRY[rule.code] = rule
    return rule


def all_rules() -> dict[str, type[Rule]]:
    """Every registered rule by code, importing the rule modules on first use."""
    package = importlib.import_module("mtfix.rules")
    for module in pkgutil.walk_packages(package.__path__, prefix="mtfix.rules."):
        importlib.import_module(module.name)
    return dict(sorted(_REGISTRY.items()))
