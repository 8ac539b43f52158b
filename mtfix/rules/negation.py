"""Double negation carried over from Russian negative concord (`никто ничего не сказал`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice

from mtfix import scan
from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register
from mtfix.rules.grammar import alternation, data, words

DATA = "grammar-negation.yml"
#: The positive counterpart that replaces a repeated negative (`did not find no` -> `any`).
POSITIVE = {
    "no": "any",
    "nothing": "anything",
    "nobody": "anybody",
    "no one": "anyone",
    "no-one": "anyone",
    "none": "any",
    "nowhere": "anywhere",
}
#: Negated auxiliaries and what they become once the repeated negation goes.
UNNEGATED = {"cannot": "can", "can't": "can", "won't": "will", "shan't": "shall", "ain't": "is"}
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|[^\w\s]")
_LAST_WORD = re.compile(r"([^\W\d_]+)$")
_STOPS = set(",;:.!?()[]\"“”«»—–…")


@dataclass(frozen=True)
class Lexicon:
    """The compiled word lists of GR001."""

    negated_verb: re.Pattern[str]
    never_verb: re.Pattern[str]
    subject_verb: re.Pattern[str]
    subject: re.Pattern[str]
    auxiliaries: frozenset[str]
    fused: frozenset[str]
    not_verbs: frozenset[str]
    copulas: frozenset[str]
    after_no: frozenset[str]
    after_object: frozenset[str]
    breakers: frozenset[str]
    subject_pronouns: frozenset[str]
    clause_openers: frozenset[str]
    emphatic: frozenset[str]
    finite: frozenset[str]


@cache
def lexicon() -> Lexicon:
    table = data(DATA)
    aux = alternation(table["auxiliaries"])
    fused = alternation(table["fused_negations"])
    adverbs = alternation(table["adverbs"])
    objects = alternation(table["objects"])
    pronouns = alternation(table["pronouns"])
    negated = rf"\b(?:(?:{aux})(?:[ \t]+not\b|n['’]t\b)|(?:{fused})(?![\w'’]))"
    tail = (
        rf"(?P<adverbs>(?:[ \t]+(?:{adverbs})\b)*)[ \t]+(?P<verb>[a-z]+(?:['’-][a-z]+)*)"
        rf"(?:[ \t]+(?:{pronouns})\b)?[ \t]+(?P<quote>[\"“«]?)(?P<neg>{objects})(?![\w-])"
    )
    subjects = alternation(table["subjects"])
    emphatic = alternation(table["emphatic_subjects"])
    return Lexicon(
        negated_verb=re.compile(rf"(?i:{negated}){tail}"),
        never_verb=re.compile(rf"\b(?i:never){tail}"),
        subject_verb=re.compile(rf"\b(?P<subject>(?i:{subjects})){tail}"),
        subject=re.compile(rf"\b(?i:(?P<emphatic>{emphatic})|(?P<plain>{subjects}))(?![\w-])"),
        auxiliaries=words(DATA, "auxiliaries"),
        fused=words(DATA, "fused_negations"),
        not_verbs=words(DATA, "not_verbs") | words(DATA, "objects"),
        copulas=words(DATA, "copulas"),
        after_no=words(DATA, "after_no"),
        after_object=words(DATA, "after_object"),
        breakers=words(DATA, "breakers"),
        subject_pronouns=words(DATA, "subject_pronouns"),
        clause_openers=words(DATA, "clause_openers"),
        emphatic=words(DATA, "emphatic_subjects"),
        finite=words(DATA, "finite"),
    )


def _next_word(text: str, position: int, end: int) -> str:
    m = _TOKEN.search(text, position, end)
    if m is None or text[position : m.start()].strip():
        return ""
    return m.group()


def _repeats_negation(lex: Lexicon, text: str, m: re.Match[str], end: int) -> bool:
    """Whether the negative word in `m` really repeats the clause negation."""
    neg = m["neg"]
    if neg != neg.lower() or m["verb"] in lex.not_verbs:
        return False
    following = _next_word(text, m.end(), end)
    if m["quote"] and following in ("\"", "”", "»"):
        return False  # a quoted word: did not say "no"
    if neg == "no":
        return bool(following[:1].isalpha()) and following.lower() not in lex.after_no
    if text.startswith(("'s", "’s"), m.end()):
        return False  # nothing's changed: a clause of its own
    lower = following.lower()
    verb = lower in lex.finite or lower.endswith("ed")
    if verb or (lower.endswith("s") and not lower.endswith("ss")):
        return False  # cannot say nothing happened
    return lower not in lex.after_object


def _opens_clause(lex: Lexicon, text: str, start: int, segment_start: int) -> bool:
    """Whether the word at `start` begins a clause (so it can be the clause's subject)."""
    window = text[max(segment_start, start - 40) : start]
    before = window.rstrip()
    if not before or "\n" in window[len(before) :] or before[-1] in ".!?,;:(\"“«—–-":
        return True
    previous = _LAST_WORD.search(before)
    return previous is not None and previous.group(1).lower() in lex.clause_openers


def _negated_aux(lex: Lexicon, tokens: list[re.Match[str]], i: int) -> tuple[int, int] | None:
    """The span of the negation in a negated auxiliary starting at token `i`, if it is one."""
    word = tokens[i].group().lower().replace("’", "'")
    if word in lex.fused:
        return tokens[i].start(), tokens[i].end()
    if word.endswith("n't") and word[:-3] in lex.auxiliaries:
        return tokens[i].end() - 3, tokens[i].end()
    if word in lex.auxiliaries and i + 1 < len(tokens) and tokens[i + 1].group() == "not":
        return tokens[i + 1].start(), tokens[i + 1].end()
    return None


@register
class DoubleNegation(Rule):
    """Russian negates every indefinite word of a negated clause (`никто ничего не сказал`,
    `ни один факт не был представлен`); English keeps one negation per clause, so a literal
    translation says the opposite or sounds illiterate. Flagged: a negated verb followed by
    `no`/`nothing`/`nobody` as its object, `nobody said nothing`, and a negative subject
    (`not a single fact`, `none of them`) whose own verb is negated again in the same clause.
    Clauses end at punctuation and conjunctions, so `no one who has not heard` stays silent.
    A negative subject with a plain negated verb (`nothing is not political`) can be a
    deliberate litotes and is only reported as info.

    Bad: Moscow has not seen no evidence of toxic substances.
    Good: Moscow has not seen any evidence of toxic substances.
    """

    code = "GR001"
    name = "double-negation"
    summary = "two negations in one clause, from Russian negative concord"
    category = "grammar/double-negation"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        lex = lexicon()
        text, source = document.text, document.scan_text
        for segment in document.segments:
            yield from self._object_negatives(lex, text, source, segment.start, segment.end)
            yield from self._negative_subjects(lex, text, source, segment.start, segment.end)

    def _object_negatives(self, lex, text, source, start, end):
        """`has not seen no`, `never said nothing`, `nobody said nothing`."""
        for pattern in (lex.negated_verb, lex.never_verb, lex.subject_verb):
            for m in scan.finditer(pattern, source, start, end):
                if not _repeats_negation(lex, text, m, end):
                    continue
                if pattern is not lex.negated_verb and m["verb"] in lex.copulas:
                    continue
                if pattern is lex.subject_verb and not _opens_clause(lex, text, m.start(), start):
                    continue
                neg = m["neg"]
                positive = POSITIVE[neg.lower()]
                if pattern is lex.negated_verb:
                    first, alternative = "the verb", " or drop `not`"
                else:
                    first, alternative = f"`{m.group().split()[0]}`", ""
                fix = None
                if not m["quote"]:
                    fix = Fix.unsafe(Edit.replace(m.start("neg"), m.end("neg"), positive))
                yield self.issue(
                    m.start(),
                    m.end("neg"),
                    f"double negation: `{neg}` repeats the negation of {first} (Russian "
                    f"negative concord); English keeps one: `{positive}`{alternative}",
                    suggestions=[positive],
                    fix=fix,
                )

    def _negative_subjects(self, lex, text, source, start, end):
        """`not a single fact … has not been`, `none of the parties has not commented`."""
        for m in scan.finditer(lex.subject, source, start, end):
            if not _opens_clause(lex, text, m.start(), start):
                continue
            emphatic = m["emphatic"] is not None
            tokens = list(islice(_TOKEN.finditer(text, m.end(), end), 16 if emphatic else 10))
            for i, token in enumerate(tokens):
                word = token.group()
                lower = word.lower()
                if word in _STOPS or lower in lex.breakers or lower in lex.subject_pronouns:
                    break
                if lower == "never":
                    span = token.start(), token.end()
                    replacement = "ever"
                else:
                    span = _negated_aux(lex, tokens, i)
                    if span is None:
                        continue
                    replacement = UNNEGATED.get(lower.replace("’", "'"), "")
                later = _next_word(text, span[1], end).lower()
                certain = emphatic or lower == "never" or later == "yet"
                if replacement:
                    edit = Edit.replace(span[0], span[1], replacement)
                elif text[span[0] - 1 : span[0]] in " \t":
                    edit = Edit.replace(span[0] - 1, span[1], "")
                else:
                    edit = Edit.replace(span[0], span[1], "")
                yield self.issue(
                    m.start(),
                    span[1],
                    f"double negation: the negative subject `{m.group()}` already negates "
                    f"the clause (Russian negative concord); drop `{text[span[0]:span[1]]}`",
                    suggestions=[text[m.start() : edit.span.start] + replacement],
                    fix=Fix.unsafe(edit),
                    severity=None if certain else Severity.INFO,
                )
                break
