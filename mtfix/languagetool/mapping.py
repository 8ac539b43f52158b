"""LanguageTool's matches as mtfix issues: categories, severities, exact offsets (LanguageTool
counts UTF-16 code units), and which matches mtfix already covers."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Any

from mtfix.languagetool.batching import Batch
from mtfix.model import Edit, Fix, Issue, Severity, Span
from mtfix.selection import LANGUAGETOOL, is_languagetool_selector

if TYPE_CHECKING:

    from mtfix.glossary import Glossary


MAX_SUGGESTIONS = 5


_RULE_ID = re.compile(r"[^A-Z0-9_]")


# LanguageTool's issue types (ITS 2.0 localization quality types) that name the problem
# exactly, whatever the rule's category.
_EXACT_TYPES = {
    "misspelling": "spelling/misspelling",
    "whitespace": "punctuation/spacing",
    "duplication": "spelling/repetition",
}


# LanguageTool's category ids (org.languagetool.rules.Categories and the English rule files).
_CATEGORIES = {
    "TYPOS": "spelling/misspelling",
    "CONFUSED_WORDS": "spelling/confused-words",
    "COMPOUNDING": "spelling/compounding",
    "GRAMMAR": "grammar/general",
    "PUNCTUATION": "punctuation/general",
    "TYPOGRAPHY": "punctuation/typography",
    "CASING": "casing/capitalization",
    "STYLE": "style/general",
    "PLAIN_ENGLISH": "style/general",
    "NONSTANDARD_PHRASES": "style/general",
    "COLLOCATIONS": "style/general",
    "REPETITIONS_STYLE": "style/general",
    "GENDER_NEUTRALITY": "style/general",
    "REDUNDANCY": "style/redundancy",
    "FALSE_FRIENDS": "accuracy/mistranslation",
    "REGIONALISMS": "locale/variant",
    "AMERICAN_ENGLISH_STYLE": "locale/variant",
    "BRITISH_ENGLISH": "locale/variant",
    "SEMANTICS": "fluency/other",
    "MISC": "fluency/other",
}


_ISSUE_TYPES = {
    "grammar": "grammar/general",
    "typographical": "punctuation/typography",
    "style": "style/general",
    "register": "style/general",
    "locale-violation": "locale/variant",
    "mistranslation": "accuracy/mistranslation",
}


FALLBACK_CATEGORY = "fluency/other"


CATEGORIES = frozenset({*_EXACT_TYPES.values(), *_CATEGORIES.values(), *_ISSUE_TYPES.values(), FALLBACK_CATEGORY})
"""Every category a LanguageTool issue can get."""


_WARNINGS = frozenset({"spelling/misspelling", "spelling/confused-words", "grammar/general", "accuracy/mistranslation"})


SPELLING = frozenset({"spelling/misspelling"})


FAMILY = """\
LanguageTool's matches, when `--languagetool local|URL` (or `languagetool = "..."` in the
configuration) asks it for a second opinion. Each match becomes an issue coded `LT:<RULE_ID>`
with LanguageTool's message; its replacements are suggestions, and the first is an unsafe fix.

Category: LanguageTool's issue type and category, mapped to mtfix's: misspelling or TYPOS to
spelling/misspelling, GRAMMAR to grammar/general, PUNCTUATION to punctuation/general,
TYPOGRAPHY to punctuation/typography (white space to punctuation/spacing), CASING to
casing/capitalization, STYLE to style/general, REDUNDANCY to style/redundancy, duplication to
spelling/repetition, regional variants to locale/variant, false friends to
accuracy/mistranslation, anything else to fluency/other. Severity: warning for spelling,
confused words, grammar and false friends, info for the rest; `severity` in the configuration
overrides it by prefix (`"LT" = "info"`, `"LT:MORFOLOGIK_RULE_EN_US" = "warning"`).

Select and ignore work by prefix: `--ignore LT` drops them all, `--ignore LT:EN_QUOTES` one
rule. A match on the same span as one of mtfix's own issues of the same kind is dropped,
and glossary terms and their variants are never reported as misspellings.

Bad: He have said that the talks were frank. (LT:HE_VERB_AGR)
Good: He has said that the talks were frank."""


def explain(code: str) -> str | None:
    """`mtfix explain` text for `LT` or `LT:<RULE_ID>`; None for other codes."""
    if not is_languagetool_selector(code):
        return None
    rule = code.partition(":")[2]
    if rule:
        head = f"{code} ({_name(rule)}): LanguageTool's rule {rule}, reported with --languagetool."
    else:
        head = "LT: LanguageTool's rules, reported with --languagetool (codes LT:<RULE_ID>)."
    return f"{head}\n\n{FAMILY}"


def category(match: dict[str, Any]) -> str:
    """The mtfix category of a LanguageTool match, from its rule's issue type and category."""
    rule = match.get("rule") or {}
    issue_type = str(rule.get("issueType") or "").lower()
    category_id = str((rule.get("category") or {}).get("id") or "").upper()
    return (
        _EXACT_TYPES.get(issue_type)
        or _CATEGORIES.get(category_id)
        or _ISSUE_TYPES.get(issue_type)
        or FALLBACK_CATEGORY
    )


def _name(rule_id: str) -> str:
    return rule_id.lower().replace("_", "-")


def _utf16_slice(text: str, offset: int, length: int) -> str:
    data = text.encode("utf-16-le")
    return data[2 * offset : 2 * (offset + length)].decode("utf-16-le", errors="replace")


def _from_utf16(text: str, offset: int, length: int) -> tuple[int, int]:
    """Code-point span of a UTF-16 span of `text` (a split surrogate pair widens outward)."""
    if all(ord(c) <= 0xFFFF for c in text):
        return offset, offset + length
    bounds = [0]
    for char in text:
        bounds.append(bounds[-1] + (2 if ord(char) > 0xFFFF else 1))
    start = bisect.bisect_right(bounds, offset) - 1
    end = bisect.bisect_left(bounds, offset + length)
    return start, min(end, len(text))


def _same(a: str, b: str) -> bool:
    return re.sub(r"\s", " ", a) == re.sub(r"\s", " ", b)


def locate(match: dict[str, Any], text: str) -> tuple[int, int] | None:
    """The code-point span in `text` (the text sent) that a match flags, or None.

    LanguageTool counts offsets in UTF-16 code units (Java strings), so each character
    outside the Basic Multilingual Plane (most emoji, 𝒜) counts twice. The match's context
    shows the flagged text; a span that does not show it is tried as code points (servers
    differ), and a match that fits neither is dropped rather than put in the wrong place.
    """
    offset, length = match.get("offset"), match.get("length")
    if not isinstance(offset, int) or not isinstance(length, int) or offset < 0 or length < 0:
        return None
    context = match.get("context") or {}
    shown = None
    if isinstance(context.get("text"), str) and isinstance(context.get("offset"), int):
        shown = _utf16_slice(context["text"], context["offset"], context.get("length", length))
    candidates = [_from_utf16(text, offset, length)]
    if candidates[0] != (offset, offset + length):
        candidates.append((offset, offset + length))
    for start, end in candidates:
        if end <= len(text) and start < end and (shown is None or _same(text[start:end], shown)):
            return start, end
    return None


def _message(match: dict[str, Any]) -> str:
    text = str(match.get("message") or match.get("shortMessage") or "LanguageTool match")
    return " ".join(re.sub(r"<suggestion>(.*?)</suggestion>", "\u201c\\1\u201d", text).split())


def to_issue(match: dict[str, Any], text: str, batch: Batch | None = None) -> Issue | None:
    """The mtfix issue for one match on `text`, the text sent for `batch` (None: the
    document's text itself)."""
    within = locate(match, text)
    if within is None:
        return None
    located = within if batch is None else batch.to_document(*within)
    if located is None:
        return None
    flagged = text[within[0] : within[1]]
    rule = match.get("rule") or {}
    rule_id = _RULE_ID.sub("_", str(rule.get("id") or "UNKNOWN").upper())
    start, end = located
    replacements = []
    for item in match.get("replacements") or ():
        value = item.get("value") if isinstance(item, dict) else None
        if isinstance(value, str) and value != flagged and value not in replacements:
            replacements.append(value)
        if len(replacements) == MAX_SUGGESTIONS:
            break
    kind = category(match)
    return Issue(
        code=f"{LANGUAGETOOL}:{rule_id}",
        name=_name(rule_id),
        category=kind,
        severity=Severity.WARNING if kind in _WARNINGS else Severity.INFO,
        message=_message(match),
        span=Span(start, end),
        suggestions=tuple(replacements),
        fix=Fix.unsafe(Edit.replace(start, end, replacements[0])) if replacements else None,
    )


def _family(category_name: str) -> str:
    return category_name.partition("/")[0]


def duplicate(issue: Issue, found: list[Issue]) -> bool:
    """Whether one of mtfix's own issues already covers this span: the same span, or an
    overlapping one of the same kind (spelling, grammar, punctuation...)."""
    for other in found:
        if other.span == issue.span:
            return True
        if other.span.overlaps(issue.span) and _family(other.category) == _family(issue.category):
            return True
    return False


_WORD = re.compile(r"\w+")


def known_words(glossary: Glossary) -> tuple[frozenset[str], frozenset[str]]:
    """What the glossary knows, case-folded: its terms and variants whole (and their
    hyphenated compounds), and the capitalised words in them (names: Jabhat, Nusra)."""
    return glossary.known_words()


def is_known(flagged: str, known: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether the glossary knows `flagged`: a term or variant whole, or only names in it."""
    phrases, names = known
    phrase = " ".join(flagged.split()).casefold()
    words = _WORD.findall(phrase)
    return phrase in phrases or bool(words) and all(w in names for w in words)
