"""One term written two ways in one document: `cybersecurity` and `cyber security`."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BLANKS = re.compile(r"[ \t\u00a0]+")
#: First words that make a different word with what follows (`every day`, `any one`, `some time`,
#: `may be`, `all ready`, `over all`, `with out`); an open form starting with one is left alone.
OPEN_FIRST = frozenset(
    "every any some all may over under with for into onto what where when how who there here "
    "out each such one none thus else back down off set log check break take turn work make "
    "sell pay start cut run give hold stand look lay push build pick print sign mark count "
    "roll spin drop shut walk wash the and but not was are his her its our you now new few far "
    "own who why yet get got let can did has had".split()
)
#: Second words that make a phrasal verb or a different word (`set up`, `break through`).
OPEN_SECOND = frozenset(
    "up down out off over back away about through along around ever self selves one body "
    "thing where ward wards wise not the and but was are its you now how own time age aged "
    "ages".split()
)
#: Closed words whose hyphenated twin means something else: `re-sign` (sign again) is not
#: `resign`, a `co-op` is not a `coop`.
HOMOGRAPHS = frozenset(
    "resign recover reform recreation recreate repress resort release retreat recollect "
    "recount remark reserve resent resolve restore redress reside refuse relay repose "
    "coop unionized".split()
)
#: Closed forms preferred on a tie, then hyphenated, then open.
_RANK = {"closed": 0, "hyphen": 1, "open": 2}


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    text: str
    form: str  # closed | hyphen | open


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\u00a0\"'“«(")
    return not before or before[-1] in ".!?\r\n:"


def compound_variants(text: str, spans) -> dict[str, list[Occurrence]]:
    """Occurrences of each word written closed, hyphenated and open, keyed by the closed form,
    for words that appear in at least two of these shapes."""
    found: dict[str, list[Occurrence]] = defaultdict(list)
    for span in spans:
        previous = None
        for m in WORD.finditer(text, span.start, span.end):
            word = m[0]
            if not word[1:].replace("-", "").islower():
                # CamelCase (`HealthCare`) and capitals after a hyphen (`South-East`) belong to
                # names and brands; so does an open pair whose second word is capitalised.
                previous = None
                continue
            if "-" in word:
                if word.count("-") == 1:
                    found[word.replace("-", "").lower()].append(
                        Occurrence(m.start(), m.end(), word, "hyphen")
                    )
            else:
                found[word.lower()].append(Occurrence(m.start(), m.end(), word, "closed"))
                if previous is not None and "-" not in previous[0]:
                    gap = text[previous.end() : m.start()]
                    first, second = previous[0].lower(), word.lower()
                    if (
                        _BLANKS.fullmatch(gap)
                        and word[:1].islower()
                        and len(first) >= 3
                        and len(second) >= 3
                        and first not in OPEN_FIRST
                        and second not in OPEN_SECOND
                    ):
                        found[first + second].append(
                            Occurrence(previous.start(), m.end(), text[previous.start() : m.end()], "open")
                        )
            previous = m
    return {
        key: items
        for key, items in found.items()
        if len({o.form for o in items}) > 1 and len(key) >= 5 and key not in HOMOGRAPHS
    }


@register
class TermVariant(Rule):
    """One term written two ways in the same document: closed, hyphenated or as two words
    (`cybersecurity`, `cyber-security`, `cyber security`), or a name whose second word is
    capitalised in one place and not in another (`Korean Peninsula`, `Korean peninsula`).
    The minority form is flagged with the majority form as the fix; on a tie the closed
    form, and for case the capitalised one, is preferred. The fix is safe when the majority
    is clear (more occurrences than all other forms together) and the forms differ only in
    spaces or hyphens. Phrasal verbs and word pairs that English keeps apart on purpose
    (`set up`/`setup`, `every day`/`everyday`) are not compared.

    Bad: Ukraine, Korea and cybersecurity … the issues of cyber security.
    Good: Ukraine, Korea and cybersecurity … the issues of cybersecurity.
    """

    code = "CN001"
    name = "term-variant"
    summary = "a term spelt two ways in one document (closed, hyphenated, open, or case)"
    category = "consistency/term-variant"
    severity = Severity.INFO
    fixable = True

    def check(self, document):
        text = document.text
        yield from self._compounds(document, text)
        yield from self._case_variants(document, text)

    def _compounds(self, document, text):
        for items in compound_variants(text, document.segments).values():
            counts = Counter(o.form for o in items)
            # A hyphenated and an open form without a closed one is usually attributive
            # hyphenation (`long-term plan`, `in the long term`), not an inconsistency.
            if "closed" not in counts:
                continue
            target = min(counts, key=lambda f: (-counts[f], _RANK[f]))
            clear = counts[target] > len(items) - counts[target]
            spelling = next(o.text for o in items if o.form == target)
            for o in items:
                if o.form == target:
                    continue
                fixed = _match_case(o.text, spelling)
                n = counts[target]
                message = (
                    f"`{o.text}` is written `{spelling}` {n} time{'s' if n > 1 else ''}"
                    " elsewhere in this document"
                )
                make = Fix.safe if clear else Fix.unsafe
                yield self.issue(
                    o.start,
                    o.end,
                    message,
                    suggestions=[fixed],
                    fix=make(Edit.replace(o.start, o.end, fixed)),
                )

    def _case_variants(self, document, text):
        pairs: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
        for span in document.segments:
            words = list(WORD.finditer(text, span.start, span.end))
            for first, second, after in zip(words, words[1:], [*words[2:], None]):
                a, b = first[0], second[0]
                if not (a[:1].isupper() and a[1:2].islower()) or not b[:1].isalpha():
                    continue
                if not _BLANKS.fullmatch(text[first.end() : second.start()]):
                    continue
                if _sentence_start(text, first.start()) or _sentence_start(text, second.start()):
                    continue
                if _title_case_line(text, first.start()):
                    continue
                if b[:1].isupper() and not b[1:].islower():
                    continue
                # A title before a name (`Russian President Vladimir Putin`) is capitalised
                # where the same words elsewhere are not; that is house style, not a variant.
                if (
                    b[:1].isupper()
                    and after is not None
                    and after[0][:1].isupper()
                    and _BLANKS.fullmatch(text[second.end() : after.start()])
                ):
                    continue
                pairs[(a, b.lower())].append((first.start(), second.end(), f"{a} {b}"))
        for (a, b), items in pairs.items():
            forms = Counter(item[2] for item in items)
            if len(forms) < 2 or len(b) < 3:
                continue
            target = min(forms, key=lambda f: (-forms[f], f.split()[1][0].islower()))
            for start, end, form in items:
                if form == target:
                    continue
                n = forms[target]
                yield self.issue(
                    start,
                    end,
                    f"`{form}` is written `{target}` {n} time{'s' if n > 1 else ''}"
                    " elsewhere in this document",
                    suggestions=[target],
                    fix=Fix.unsafe(Edit.replace(start, end, target)),
                    severity=Severity.INFO,
                )


def _title_case_line(text: str, offset: int) -> bool:
    """True on a headline in title case (`Ask Questions About The Reform`), where capitals
    say nothing about how the running text spells a name."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    words = [w for w in WORD.findall(text, start, end if end >= 0 else len(text)) if len(w) > 3]
    return len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def _match_case(matched: str, spelling: str) -> str:
    if matched[:1].isupper() and spelling[:1].islower():
        return spelling[:1].upper() + spelling[1:]
    if matched[:1].islower() and spelling[:1].isupper() and spelling[1:2].islower():
        return spelling[:1].lower() + spelling[1:]
    return spelling
