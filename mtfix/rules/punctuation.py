"""Punctuation carried over from Russian: dash attributions and guillemets."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from itertools import islice

from mtfix import datafiles
from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register
from mtfix.rules import speech

#: Words that start a new clause rather than name a speaker: `"…" - and then said nothing`.
NOT_SUBJECT = datafiles.words("english-not-subject.txt")
#: Words that, right after the dash, begin the writer's own clause (`"…" — it would be truer
#: to say`, `— I'd like to know`), not a speaker's name.
CLAUSE_OPENERS = datafiles.words("english-clause-openers.txt")
#: Words after the dash before the speech verb at most (`— head of sales of Airbus John Leahy said`).
WINDOW = 16

CANDIDATE = re.compile(
    r"(?<=\S)(?P<inner>[.,]?)(?P<quote>[\"”»’'])(?P<outer>,?)(?P<gap>[ \t]*[-–—][ \t]*)(?=[^\W\d_])"
)
#: Where the words after the dash end: a sentence end, a quotation or a bracket.
_STOP = re.compile(
    r"[!?;:\"“”«»()\n]|[ \t][-–—][ \t]|(?<![A-Z])(?<![Mm]r|[Mm]s|[Dd]r|St|Jr|Sr)(?<![Mm]rs)\.(?=\s|$)"
)
_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?")
_OPENINGS = {"”": "“", "»": "«", "’": "‘"}
#: A line of direct speech opened by a dialogue dash (`— We will see, — he said.`).
DIALOGUE = re.compile(r"^(?P<dash>[ \t]*[-–—][ \t]+)(?=[\"“«]?[A-Z])[^\n]*", re.MULTILINE)
_DIALOGUE_ATTRIBUTION = re.compile(r"(?<=[\w…])(?P<mark>[,.!?…]?)(?P<gap>[ \t]+[-–—][ \t]+)(?=[^\W\d_])")


@cache
def _speech() -> tuple[frozenset[str], int]:
    """The verbs of speech in lower case, and the most words any of them has."""
    verbs = frozenset(v.lower() for v in speech.dash_verbs())
    return verbs, max(len(v.split()) for v in verbs)


def _verb_at(words: list[str]) -> int | None:
    """Index of the first speech verb among `words` (before a word that opens a clause), or None."""
    verbs, longest = _speech()
    lower = [w.lower().rstrip(".") for w in words]
    for i, word in enumerate(lower):
        for size in range(longest, 0, -1):
            if " ".join(lower[i : i + size]) in verbs:
                return i
        if word in NOT_SUBJECT:
            return None
    return None


class _Marks:
    """Where each quotation mark of a text stands, found once, so that finding the opening
    of a quotation costs a binary search rather than a pass over its line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._places: dict[str, list[int]] = {}

    def _of(self, mark: str) -> list[int]:
        if mark not in self._places:
            self._places[mark] = [m.start() for m in re.finditer(re.escape(mark), self.text)]
        return self._places[mark]

    def opening(self, line_start: int, close: int, mark: str) -> int | None:
        """Where the quotation closed by the mark at `close` opens on its line, or None."""
        if mark == "'":
            return None
        places = self._of('"' if mark == '"' else _OPENINGS[mark])
        first, last = bisect_left(places, line_start), bisect_left(places, close)
        if last == first or (mark == '"' and (last - first) % 2 == 0):
            return None
        return places[last - 1]


def _opens_sentence(text: str, line_start: int, opening: int) -> bool:
    end = opening
    while end > line_start and text[end - 1].isspace():
        end -= 1
    return end == line_start or text[end - 1] in ".!?…:-–—"


def _words_between(text: str, start: int, end: int, most: int) -> int:
    """How many words stand between `start` and `end`, counted up to `most`."""
    return sum(1 for _ in islice(_WORD.finditer(text, start, end), most))


def _names_speaker(words: list[str], quoted: int) -> bool:
    """Whether the words after a dash begin with who spoke (`Dmitry Medvedev at a meeting`,
    `the nutritionist`, `Mrs Kortin`) rather than the writer's own clause. A noun after `the`
    is taken for a speaker only after a quotation of `quoted` >= 4 words: a short one may be
    a heading (`"The wrong road" - the development of football: …`)."""
    if not words:
        return False
    first = words[0].lower().rstrip(".")
    if first in NOT_SUBJECT or first in CLAUSE_OPENERS:
        return False
    if first in ("the", "a", "an", "one"):
        return quoted >= 4 and len(words) > 1 and words[1].lower() not in NOT_SUBJECT
    return words[0][:1].isupper()


@register
class DashAttribution(Rule):
    """Russian marks the speaker after a quotation with a dash: `"…", - he said`. English
    puts a comma inside the closing quote and no dash; a full stop there becomes a comma,
    and `?` or `!` stays. A dash is an attribution when a verb of speech follows within a
    few words (`" - said the head of …`, `"- insists Bogay`), or when the quotation opens
    its sentence and the dash is followed by who spoke (`"…" — Katie O'Malley, a student`,
    then English needs `said` as well, so there is no fix). A line of direct speech opened
    by a Russian dialogue dash (`— We want your trust".`) is reported too: English opens
    it with a quotation mark.

    Bad: "We agree", - he said.
    Good: "We agree," he said.
    """

    code = "PU001"
    name = "dash-attribution"
    summary = "Russian-style dash between a quotation and its speaker"
    category = "punctuation/dash-attribution"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        text = document.text
        reported: set[int] = set()
        marks = _Marks(text)
        for m in document.finditer(CANDIDATE):
            issue = self._attribution(document, m, marks)
            if issue is not None:
                reported.add(m.start("gap"))
                yield issue
        for m in document.finditer(DIALOGUE):
            issue = self._dialogue(text, m, reported)
            if issue is not None:
                yield issue

    def _attribution(self, document, m, marks: _Marks):
        text = document.text
        before = text[max(0, m.start("inner") - 2) : m.start("inner")]
        if m["quote"] == '"' and not m["inner"] and before[-1:] in ' "(':
            return None
        stop = _STOP.search(text, m.end())
        words = _WORD.findall(text, m.end(), stop.start() if stop else len(text))[:WINDOW]
        verb = _verb_at(words)
        if verb is None:
            line_start = text.rfind("\n", 0, m.start()) + 1
            opening = marks.opening(line_start, m.start("quote"), m["quote"])
            quoted = _words_between(text, line_start if opening is None else opening, m.start("quote"), 4)
            spoken = opening is not None and _opens_sentence(text, line_start, opening) and quoted >= 2
            comma = "," in (m["inner"], m["outer"])
            if m["inner"] == ".":
                return None  # `"…." - Owners of …`: a new sentence, unless a verb of speech follows
            if not ((spoken or comma) and _names_speaker(words, quoted)):
                # `", -` is how Russian punctuates an attribution, whatever MT made of its verb
                first = words[0].lower() if words else ""
                if not comma or first in NOT_SUBJECT or first in CLAUSE_OPENERS:
                    return None  # a name or title in quotes (`the group "Brotherly Circle" - a …`)
        ends_sentence = before.endswith(("?", "!", "…", "..")) or (m["inner"] == "." and before.endswith("."))
        inner = m["inner"] if ends_sentence else ","
        replacement = f"{inner}{m['quote']} "
        if verb is None:
            return self.issue(
                m.start(),
                m.end("gap"),
                "dash after a quotation before its speaker; English writes"
                f" `{inner}{m['quote']} said …` (a comma inside the quotes and a verb)",
            )
        return self.issue(
            m.start(),
            m.end("gap"),
            "dash after a quotation; English attributes speech with a comma inside the quotes",
            suggestions=[replacement.rstrip()],
            fix=Fix.safe(Edit.replace(m.start(), m.end("gap"), replacement)),
        )

    def _dialogue(self, text: str, m: re.Match[str], reported: set[int]):
        """The issue for a line of direct speech opened by a dialogue dash, or None."""
        line = m.group()
        body = line[len(m["dash"]) :]
        if body[:1] in "\"“«":
            return None
        straight = line.count('"')
        closed = (straight % 2 == 1 and re.search(r'(?<=[\w.,!?…])"', line)) or (
            "”" in line and "“" not in line
        ) or ("»" in line and "«" not in line)
        edits = [Edit.replace(m.start("dash"), m.end("dash"), "“" if "”" in line else '"')]
        if not closed:
            attribution = _DIALOGUE_ATTRIBUTION.search(text, m.end("dash"), m.end())
            if attribution is None or attribution.start("gap") in reported:
                return None
            stop = _STOP.search(text, attribution.end())
            words = _WORD.findall(text, attribution.end(), stop.start() if stop else m.end())[:WINDOW]
            if _verb_at(words) is None:
                return None
            mark = attribution["mark"] if attribution["mark"] in ("?", "!", "…") else ","
            edits.append(Edit.replace(attribution.start("mark"), attribution.end("gap"), f'{mark}" '))
        return self.issue(
            m.start("dash"),
            m.end("dash"),
            "a dialogue dash opens this direct speech; English opens it with a quotation mark",
            fix=Fix.safe(*edits),
        )


GUILLEMETS = re.compile(r"«(?P<a>[^«»\n]*)»|„(?P<b>[^„“”\n]*)[“”]|(?P<lone>[«»„])")
_QUOTES = {"US": ("“", "”"), "UK": ("‘", "’")}


def _in_prose(document, mark: str) -> int:
    """How often `mark` stands in the prose: an HTML attribute's quotes do not count."""
    return sum(document.text.count(mark, s.start, s.end) for s in document.segments)


@register
class ForeignQuotes(Rule):
    """Guillemets «…» and low-high quotes „…“ are Russian typography. English uses “…”
    (US) or ‘…’ (UK); in a text written with straight quotes, "…".

    Bad: He called it «a provocation».
    Good: He called it "a provocation".
    """

    code = "PU002"
    name = "foreign-quotes"
    summary = "Russian quotation marks « » or „ “ in English text"
    category = "punctuation/quotes"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        straight = _in_prose(document, '"') > _in_prose(document, "“") + _in_prose(document, "”")
        opening, closing = ('"', '"') if straight else _QUOTES[self.settings.english_variant]
        for m in document.finditer(GUILLEMETS):
            if m["lone"]:
                yield self.issue(
                    m.start(), m.end(), f"unpaired Russian quotation mark `{m['lone']}`"
                )
                continue
            quoted = m["a"] if m["a"] is not None else m["b"]
            fixed = f"{opening}{quoted}{closing}"
            yield self.issue(
                m.start(),
                m.end(),
                "Russian quotation marks; use English ones",
                suggestions=[fixed],
                fix=Fix.safe(
                    Edit.replace(m.start(), m.start() + 1, opening),
                    Edit.replace(m.end() - 1, m.end(), closing),
                ),
            )
