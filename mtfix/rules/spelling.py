"""Word-level slips: a word written twice (`can not` for `cannot` is the pack
`mtfix/rules/packs/en/can-not.yml`)."""

from __future__ import annotations

import re
from functools import lru_cache

from mtfix import bigtext, datafiles
from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register

REPEATED = re.compile(r"\b(?P<word>[^\W\d_]+)(?P<gap>[ \t]+)(?P=word)\b", re.IGNORECASE)
#: Doubles that English really uses ("what it is is", "he had had", "bye bye").
GENUINE_DOUBLES = datafiles.words("english-genuine-doubles.txt")
#: Function words whose doubling is always a slip, so removing one is safe.
FUNCTION_WORDS = datafiles.words("english-function-words.txt")
#: Words after which a doubled verb is a free relative and its main verb (`what happened
#: happened`, `those who voted voted`), not a slip.
RELATIVE = datafiles.words("english-relative-words.txt")
#: `X and X` that English uses to intensify (`more and more`, `again and again`, `on and on`).
INTENSIFIERS = datafiles.words("english-intensifiers.txt")
#: A word joined to itself by `and` or `or`: neural MT's collapsed synonym pair (`stable and
#: stable` for `стабильный и устойчивый`).
PAIRED = re.compile(r"(?<![\w-])(?P<word>[a-z]{3,})(?P<gap>[ \t]+(?:and|or)[ \t]+)(?P=word)\b(?!-\w)")


def _repeated_in(text: str) -> re.Pattern[str]:
    """`REPEATED` with its letter class spelt out as the letters `text` holds, which the
    regex engine checks about a third faster than a Unicode category. Only the repeat is
    compared ignoring case; the characters listed are those `REPEATED`'s own class (which
    ignores case) takes for letters."""
    return _repeated("".join(sorted(ch for ch in bigtext.non_ascii(text) if _LETTER.match(ch))))


@lru_cache(maxsize=16)
def _repeated(letters: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?P<word>[A-Za-z{letters}]+)(?P<gap>[ \t]+)(?i:(?P=word))\b")


_LETTER = re.compile(r"[^\W\d_]", re.IGNORECASE)


@register
class RepeatedWord(Rule):
    """The same word twice in a row, usually a slip of the MT system or the editor, or a
    word joined to itself by `and` or `or` (`stable and stable`), where neural MT collapsed
    a pair of synonyms into one. Names such as `Bora Bora`, a name and its descriptor
    (`Scorpion Winter winter tyres`), genuine doubles such as `had had` or `what happened
    happened`, English's own repetitions (`more and more`, `bigger and bigger`, `waited
    and waited`) and, in a bilingual file, a repeat the source makes itself (`брали и брали`)
    are left alone.

    Bad: They discussed the the situation in Syria.
    Good: They discussed the situation in Syria.
    """

    code = "SP001"
    name = "repeated-word"
    summary = "the same word twice in a row"
    category = "spelling/repetition"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        text = document.text
        for m in document.finditer(_repeated_in(text)):
            word = m["word"]
            second = text[m.end("gap") : m.end()]
            if word.lower() in GENUINE_DOUBLES or (word[:1].isupper() and second[:1].isupper()):
                continue
            if word[:1].isupper() and second[:1].islower() and not _sentence_start(text, m.start()):
                continue  # a name and its descriptor: `Scorpion Winter winter tyres`
            if _previous_word(text, m.start()) in RELATIVE:
                continue
            edit = Edit.replace(m.start("gap"), m.end(), "")
            fix = Fix.safe(edit) if word.lower() in FUNCTION_WORDS else Fix.unsafe(edit)
            yield self.issue(
                m.start(), m.end(), f"`{word}` is repeated", suggestions=[word], fix=fix
            )
        for m in document.finditer(PAIRED):
            word = m["word"]
            if word in INTENSIFIERS or _comparative_or_iterative(word, m["gap"]):
                continue
            if _source_repeats(document, m.start()):
                continue  # `брали … и брали`, `потихоньку-потихоньку`: the repeat is the source's
            yield self.issue(
                m.start(),
                m.end(),
                f"`{word}` is joined to itself by `{m['gap'].strip()}`; a synonym was probably lost",
                suggestions=[word],
                fix=Fix.unsafe(Edit.replace(m.start("gap"), m.end(), "")),
            )


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“«(")
    return not before or before[-1] in ".!?:\n\r"


_LAST_WORD = re.compile(r"([A-Za-z]+)[ \t]*\Z")


def _previous_word(text: str, start: int) -> str:
    m = _LAST_WORD.search(text, max(0, start - 30), start)
    return m[1].lower() if m else ""


#: A source word said twice on purpose: `X-X`, or `X … и X` with at most two words between.
_SOURCE_REPEAT = re.compile(r"\b(\w{3,})(?:-|[ \t]+(?:\w+[ \t]+){0,2}(?:и|или|і|або)[ \t]+)\1\b", re.IGNORECASE)


def _source_repeats(document, offset: int) -> bool:
    """Whether the bilingual unit at `offset` has a source that repeats a word itself."""
    unit = document.unit_at(offset) if document.units else None
    return unit is not None and bool(unit.source) and _SOURCE_REPEAT.search(unit.source) is not None


def _comparative_or_iterative(word: str, gap: str) -> bool:
    """`bigger and bigger`, `waited and waited`: English's own repetitions."""
    return word.endswith("er") and len(word) > 4 or "and" in gap and word.endswith("ed")
