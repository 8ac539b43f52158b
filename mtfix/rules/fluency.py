"""Garbled phrases: spans of English that a post-editor would rewrite for fluency, found by a
model learnt from post-edited machine translation (`mtfix.fluency`)."""

from __future__ import annotations

import re

from mtfix import datafiles
from mtfix.model import Severity
from mtfix.registry import Rule, register

_LINE = re.compile(r"[^\r\n]+")
CLAUSE_END = frozenset(",.;:!?)…")
PREPOSITIONS = datafiles.words("english-prepositions.txt")


@register
class GarbledPhrase(Rule):
    """A phrase that does not read as English: Russian word order kept, a word missing or
    doubled, two constructions blended. A sequence model (a CRF trained on MLQE-PE ru-en
    post-edits, shipped as weights) scores each token from its and its neighbours' frequency,
    shape and function-word identity and how often each pair of words is seen on the web; a
    run of likely tokens is reported, as a warning when the model is confident and as info
    otherwise. There is no fix: the rewrite needs a person.

    The rule is opt-in: it runs only when selected by its code or prefix (`--select ALL,FL`, or
    `select = ["ALL", "FL"]`), since it reports many infos on any text.

    Bad: I want that you to go it there with.
    Good: The talks ended on Friday.
    """

    code = "FL001"
    name = "garbled-phrase"
    summary = "a phrase that does not read as English"
    category = "fluency/garbled"
    severity = Severity.WARNING
    opt_in = True

    def check(self, document):
        from mtfix.fluency.model import flags, shipped
        from mtfix.fluency.tokens import sentences

        model = shipped()
        text = document.text
        for segment in document.segments:
            for line in _LINE.finditer(text, segment.start, segment.end):
                for sentence in sentences(text, line.start(), line.end()):
                    words = [t.text for t in sentence]
                    probabilities = model.bad_probabilities(words)
                    for lo, hi, warned in flags(probabilities, words, model.info, model.warning):
                        severity = Severity.WARNING if warned else Severity.INFO
                        start, end = sentence[lo].start, sentence[hi - 1].end
                        yield self.issue(start, end, _message(words, lo, hi), severity=severity)


def _message(words: list[str], lo: int, hi: int) -> str:
    """What looks wrong in `words[lo:hi]`: a preposition with nothing after it, the rarest pair
    of words in or at the edge of the span if it is unusual, else the usual suspects."""
    from mtfix.fluency import features

    lower = [w.lower() for w in words]
    pairs = [(features.surprise(lower[j], lower[j + 1]), j) for j in range(max(0, lo - 1), min(hi, len(words) - 1))]
    rarest = min((p for p in pairs if p[0] is not None), default=None)
    if lower[hi - 1] in PREPOSITIONS and (hi == len(words) or words[hi][0] in CLAUSE_END):
        why = f"`{words[hi - 1]}` has nothing after it"
    elif rarest is not None and rarest[0] <= features.UNUSUAL:
        why = f"`{words[rarest[1]]} {words[rarest[1] + 1]}` is a word sequence English seldom uses"
    else:
        why = "word order, a missing or extra word"
    return f"does not read as English ({why}); rephrase"
