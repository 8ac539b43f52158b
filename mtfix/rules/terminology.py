"""Glossary terms: forbidden variants replaced by the approved English term (TM001), and one
name spelt two ways within one document (TM002)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from mtfix import datafiles
from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register
from mtfix.rules.passages import passages

_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2012\u2013\u2014]+")
#: After `the Ukraine`, a lower-case word that is not a verb or function word is the head of
#: the noun phrase (`the Ukraine crisis`), so `the` is right.
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
_NOT_HEAD = datafiles.words("english-not-head.txt")


def _attributive(text: str, end: int) -> bool:
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m[1] not in _NOT_HEAD and not m[1].endswith("ed")


#: `of` another country after a name, perhaps past a bracketed gloss: `Minfin (Ministry of
#: Finance) of the USA`, `MID of Malaysia`.
_OF_COUNTRY = re.compile(r"[ \t]*(?:\([^()\n]{0,60}\)[ \t]*)?of[ \t]+(?:the[ \t]+)?([A-Z][A-Za-z.]+)")
_OWN_COUNTRY = frozenset("Russia Russian RF".split())


def _of_another_country(text: str, end: int) -> bool:
    m = _OF_COUNTRY.match(text, end)
    return m is not None and m[1] not in _OWN_COUNTRY


@register
class GlossaryVariant(Rule):
    """A variant the glossary forbids (a transliteration, an MT rendering, a dated name)
    stands where the approved term belongs. The fix keeps the case pattern and the
    inflection of the text (`RIA News's` becomes `RIA Novosti's`). A variant starting with
    `the` is skipped before a lower-case word (`the Ukraine crisis`). Before `of` another
    country (`Minfin of the USA`, the Treasury) the fix is unsafe: the approved term names
    Russia's body.

    Bad: A source: RIA News
    Good: A source: RIA Novosti
    """

    code = "TM001"
    name = "glossary-variant"
    summary = "a variant the glossary forbids instead of the approved term"
    category = "terminology/glossary"
    severity = Severity.ERROR
    fixable = True

    def check(self, document):
        glossary = self.context.glossary
        text = document.text
        for segment in document.segments:
            for match in glossary.variants_in(text, segment.start, segment.end):
                if match.variant.lower().startswith("the ") and _attributive(text, match.end):
                    continue
                term = match.replacement
                found = text[match.start : match.end]
                # The approved name is Russia's body: another country's (`Minfin … of the
                # USA`, the Treasury) is the post-editor's to name.
                make = Fix.unsafe if _of_another_country(text, match.end) else Fix.safe
                yield self.issue(
                    match.start,
                    match.end,
                    f"`{found}` is not the approved term; use `{term}`",
                    suggestions=[term],
                    fix=make(Edit.replace(match.start, match.end, term)),
                )


def _rendering(text: str) -> tuple[str, int]:
    """A rendering of a concept for comparison: its letters without spaces, hyphens and case
    (which CN001 and the casing rules judge), and its number of words."""
    words = _SEPARATORS.sub(" ", text).lower().split()
    return "".join(words), len(words)


def _spelling_variants(one: tuple[str, int], other: tuple[str, int]) -> bool:
    """Two spellings of one name (`Kiev`, `Kyiv`; `al-Qaida`, `al-Qaeda`) rather than a
    synonym, a paraphrase or an abbreviation (`Ministry of Foreign Affairs`, `EU`), or
    another name of the place (`Bashkiria`, `Bashkortostan`), which writers mix on purpose:
    the same number of words, alike, and at most `LENGTH_GAP` letters apart in length."""
    return (
        one[1] == other[1]
        and abs(len(one[0]) - len(other[0])) <= LENGTH_GAP
        and SequenceMatcher(None, one[0], other[0]).ratio() >= 0.6
    )


#: Spellings of one name differ by a letter or two (`Zaporozhye`, `Zaporizhzhia`).
LENGTH_GAP = 2


@register
class InconsistentTerm(Rule):
    """One glossary concept is spelt two ways in the same document: the preferred term in
    one place and an admitted spelling in another (`Kyiv` and `Kiev`, `al-Qaeda` and
    `al-Qaida`, `Sergei` and `Sergey`). Readers take two names for two things. When the
    preferred term is among them the others get it as an unsafe fix. Synonyms, paraphrases
    and abbreviations (`Foreign Ministry`, `Ministry of Foreign Affairs`, `MFA`) are normal
    variation and left alone; so are differences of spacing, hyphens or case (CN001).
    Spellings are compared within a passage (`mtfix.rules.passages`): a file of many articles
    may spell a name one way in one story and another way in the next.

    Bad: Shelling resumed near Kyiv on Monday. Kiev accused the rebels.
    Good: Shelling resumed near Kyiv on Monday. Kyiv accused the rebels.
    """

    code = "TM002"
    name = "inconsistent-term"
    summary = "one glossary name spelt two ways within a document"
    category = "consistency/term-variant"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        from mtfix.termbase.model import FORBIDDEN

        glossary = self.context.glossary
        text = document.text
        found: dict[object, list[tuple[str, object]]] = {}
        for segment in document.segments:
            for match in glossary.matches(text, segment.start, segment.end):
                if match.kind != FORBIDDEN:
                    found.setdefault(match.entry, []).append((_rendering(match.variant), match))
        for entry, everywhere in found.items():
            for occurrences in passages(everywhere, lambda o: o[1].start):
                yield from self._passage(entry, occurrences)

    def _passage(self, entry, occurrences):
        """The spellings of one passage that differ from its preferred (or commonest) one."""
        counts: dict[tuple[str, int], int] = {}
        for rendering, _ in occurrences:
            counts[rendering] = counts.get(rendering, 0) + 1
        if len(counts) < 2:
            return
        preferred = _rendering(entry.term)
        if preferred in counts:
            target = preferred
        else:
            order = list(counts)
            target = max(order, key=lambda r: (counts[r], -order.index(r)))
        model = next(m for r, m in occurrences if r == target)
        for rendering, match in occurrences:
            if rendering == target or not _spelling_variants(rendering, target):
                continue
            message = (
                f"`{match.variant}` here but `{model.variant}` elsewhere in this document;"
                " spell this name one way"
            )
            if target != preferred:
                yield self.issue(match.start, match.end, message, suggestions=[model.variant])
                continue
            term = match.replacement
            fix = Fix.unsafe(Edit.replace(match.start, match.end, term))
            yield self.issue(match.start, match.end, message, suggestions=[term], fix=fix)
