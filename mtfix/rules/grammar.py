"""Shared pieces of the grammar rules (word lists loaded lazily from
`mtfix/data/grammar-*.yml`, regex alternations built from them), and the smaller slips of an
article-less, copula-less source: names side by side without `and`, a missing `is`/`are`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, cached_property

from mtfix.datafiles import yaml_data as data
from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register
from mtfix.rules import speech


def words(name: str, key: str) -> frozenset[str]:
    """A word list from a data file, lower-cased."""
    values = data(name)[key]
    if not all(isinstance(w, str) for w in values):
        raise TypeError(f"{name}: `{key}` must hold strings only (quote yes/no/on/off)")
    return frozenset(w.lower() for w in values)


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of `phrases`, longest first; spaces match any run of blanks.

    The phrases are laid out as a tree of shared beginnings (`Lavrov|Lavrova` becomes
    `Lavrov(?:a|)`), so the regex engine reads a shared beginning once instead of trying
    every phrase in turn. Two phrases can match at the same place only if one begins the
    other, and the longer is tried first in both forms, so they match the same text.
    Phrases that part at letters differing only in case (`Abadi`, `al-Abadi`), which an
    ignore-case pattern would not tell apart, stay a flat alternation, longest first."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    if not ordered:
        return ""
    return _tree([(_tokens(p), len(p)) for p in ordered])


_BLANK = "\x00"  # stands for a run of blanks between words


def _tokens(phrase: str) -> str:
    return _BLANK.join(phrase.split())


def _regex(tokens: str) -> str:
    return r"[ \t]+".join(map(re.escape, tokens.split(_BLANK)))


def _tree(phrases: list[tuple[str, int]]) -> str:
    """`phrases` (tokens and original length, longest first) as nested alternations."""
    groups: dict[str, list[tuple[str, int]]] = {}
    for tokens, size in phrases:
        if tokens:
            groups.setdefault(tokens[0].lower(), []).append((tokens, size))
    branches = []
    for members in groups.values():
        if len({tokens[0] for tokens, _ in members}) > 1:
            branches += [_regex(tokens) for tokens, _ in members]
        else:
            head = members[0][0][0]
            rest = _tree([(tokens[1:], size) for tokens, size in members])
            branches.append((r"[ \t]+" if head == _BLANK else re.escape(head)) + rest)
    if any(not tokens for tokens, _ in phrases):
        branches.append("")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


#: A word (letters, inner apostrophes and hyphens) as the grammar rules tokenise text.
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _person_surnames(glossary) -> dict[str, str]:
    """Surnames of the glossary's person entries (those with a gender), each with its full
    name; short ones and ordinary words (`Un`, `May`) are left out."""
    common = words("grammar-pronouns.yml", "not_given_names")
    found = {}
    for term, _ in glossary.people():
        if " " in term:
            surname = term.split()[-1]
            for name in (surname, re.sub(r"^(?:al|el|bin|ibn)-", "", surname)):
                if len(name) > 2 and name.lower() not in common:
                    found.setdefault(name, term)
    return found


@register
class MissingConjunction(Rule):
    """Two people's surnames side by side with nothing between them: Russian headlines
    join names with a dash (`Лавров – Тиллерсон`) and MT drops it. Only surnames of the
    glossary's person entries are matched, so ordinary name sequences stay silent.

    Bad: After a meeting in the Kremlin: Lavrov Tillerson told about the results
    Good: After a meeting in the Kremlin: Lavrov and Tillerson spoke about the results
    """

    code = "GR004"
    name = "missing-conjunction"
    summary = "two surnames side by side without `and`"
    category = "grammar/missing-conjunction"
    severity = Severity.WARNING
    fixable = True

    @cached_property
    def surnames(self) -> tuple[dict[str, str], re.Pattern[str] | None]:
        """The glossary's surnames with their full names, and a pattern for two in a row."""
        surnames = _person_surnames(self.context.glossary)
        if not surnames:
            return surnames, None
        names = alternation(surnames)
        return surnames, re.compile(
            rf"(?<![\w-])(?P<first>{names})(?P<gap>[ \t]+)(?P<second>{names})(?![\w-])"
        )

    def check(self, document):
        surnames, pattern = self.surnames
        if pattern is None:
            return
        people = {person for person, _gender in self.context.glossary.people()}
        for m in document.finditer(pattern):
            if surnames[m["first"]] == surnames[m["second"]] or m.group() in people:
                continue  # one person's names (Sergei Lavrov), not two people
            if _REPLACE.search(document.text, max(0, m.start() - 20), m.start()):
                continue  # `replace Biden Clinton`: replace one with the other
            joined = f"{m['first']} and {m['second']}"
            yield self.issue(
                m.start(),
                m.end(),
                f"`{m.group()}` names two people without `and`; write `{joined}`"
                f" (or `{m['first']}–{m['second']}` before a noun)",
                suggestions=[joined],
                fix=Fix.unsafe(Edit.replace(m.start("gap"), m.end("gap"), " and ")),
            )


#: A verb before two names that means one for the other (заменить Байдена Клинтон).
_REPLACE = re.compile(r"\b(?:replac|substitut|swapp?)\w*[ \t]+$", re.IGNORECASE)

SLIPS = "grammar-slips.yml"
#: A target made of a subject, a spaced dash and what is said of it.
_TARGET_DASH = re.compile(
    r"[ \t]*[\"“]?(?P<subject>[^—–,:;!?()\n]+?)[\"”]?(?P<dash>[ \t][-–—][ \t])(?P<predicate>[^—–\n]+)$"
)
#: A verb that makes either side a clause of its own.
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|am|remains?|becomes?|means?|seems?|looks?|feels?|has|have|had"
    r"|will|would|can|could|should|must|do|does|did)\b|'s\b|'re\b",
    re.IGNORECASE,
)
_OPENS_CLAUSE = re.compile(r"(?:it|this|that|they|he|she|we|you|i|there|and|but|or)\b", re.IGNORECASE)
_CAPITAL = r"[A-Z][\w'’-]*"


@cache
def _copula_pattern() -> re.Pattern[str]:
    table = data(SLIPS)
    np = rf"(?:the[ \t]+)?{_CAPITAL}(?:[ \t]+{_CAPITAL})*"
    return re.compile(
        rf"\b(?:{alternation(speech.reporting_verbs())})(?:[ \t]+that)?[ \t]+"
        rf"(?P<np>{np}(?:[ \t]+and[ \t]+{np})?)(?P<gap>[ \t]+)"
        rf"(?P<predicate>{alternation(table['predicates'])})\b"
    )


@register
class MissingCopula(Rule):
    """Russian drops the present-tense copula (`Москва и Вашингтон за …`), and MT output
    then lacks a verb: a reported subject followed straight by `in favor of`, `ready to`,
    `interested in`. Only a capitalised subject right after a reporting verb is checked.
    In a bilingual Russian file, a source `X — adjective` (`Чехол — плотный, прочный`) whose
    target keeps the dash with no verb (`Cover - dense, strong`) is flagged too; a label and
    its value (`Материал — натуральный бук`) is not.

    Bad: Lavrov said Moscow and Washington in favor of the full implementation of the Minsk agreements.
    Good: Lavrov said Moscow and Washington are in favor of the full implementation of the Minsk agreements.
    """

    code = "GR005"
    name = "missing-copula"
    summary = "a reported subject without `is`/`are` before its predicate"
    category = "grammar/missing-verb"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        yield from self._english(document)
        yield from self._dash(document)

    def _dash(self, document):
        """A bilingual unit whose source says `X — adjective` and whose target keeps the
        dash with no verb (`Cover made of jacquard - dense, hard-wearing`). The source is read
        only for units whose target has such a dash."""
        if self.context.pair.source.code != "ru":
            return
        from mtfix.lexicon.copula import dash_copula
        from mtfix.rules.bilingual.common import units

        for unit, _target in units(document):
            if len(unit.target) != 1:
                continue
            span = unit.target[0]
            m = _TARGET_DASH.match(document.text, span.start, span.end)
            if m is None or _VERB.search(m["subject"]) or _VERB.search(m["predicate"].split(",")[0]):
                continue
            if _OPENS_CLAUSE.match(m["predicate"]) or m["predicate"][:1].isupper():
                continue
            if not dash_copula(unit.source, self.context.pair.source.lexicon().analyzer):
                continue
            subject = m["subject"].strip()
            verb = "are" if re.search(r"[^s]s$", subject) else "is"
            yield self.issue(
                m.start("dash"),
                m.end("dash"),
                f"the dash stands for the source's missing copula (`{unit.source[:40].strip()}…`);"
                f" English needs the verb: `{subject} {verb} {m['predicate'].split(',')[0].strip()}`",
                suggestions=[f" {verb} "],
            )

    def _english(self, document):
        times = words(SLIPS, "times")
        text = document.text
        for m in document.finditer(_copula_pattern()):
            np = m["np"]
            if any(t.lower() in times for t in np.split()):
                continue
            line_end = text.find("\n", m.end())
            line = text[m.end() : len(text) if line_end < 0 else line_end].rstrip()
            if not line.endswith((".", "!", "?", "…", '"', "”", "»", ")")):
                continue
            plural = " and " in np
            verb = "are" if plural else "is"
            fix = None
            if plural or not np.endswith("s"):
                fix = Fix.unsafe(Edit.replace(m.start("gap"), m.end("gap"), f" {verb} "))
            yield self.issue(
                m.start("np"),
                m.end("predicate"),
                f"no verb between `{np}` and `{m['predicate']}`: Russian leaves out the copula;"
                f" write `{np} {verb} {m['predicate']}`",
                suggestions=[f"{np} {verb} {m['predicate']}"],
                fix=fix,
            )
