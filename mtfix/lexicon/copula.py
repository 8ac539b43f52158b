"""Russian sentences whose dash stands for a present-tense `is`/`are` that Russian leaves out:
`Чехол из жаккарда — плотный, износоустойчивый` (the cover is dense, hard-wearing)."""

from __future__ import annotations

import re
from functools import lru_cache

_SHAPE = re.compile(r"^\s*[\"«]?(?P<subject>[^—–,:;!?()\"«»]+?)[\"»]?\s[—–-]\s(?P<predicate>[^—–]+)$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|[,.;:!?]")
#: Words that make the part before the dash something other than a subject (`Как обычно —`).
_NOT_SUBJECT = frozenset("это вот как так то а и но или из от для по в на с у о при".split())
ADJECTIVES = frozenset({"ADJF", "ADJS", "PRTF", "PRTS"})


@lru_cache(maxsize=1 << 12)
def dash_copula(sentence: str, analyzer) -> bool:
    """Whether `sentence` is `subject — adjective …` with no verb: a noun phrase in the
    nominative, a dash, and adjectives said of it (not an adjective and its noun, which
    is a label and its value: `Материал — натуральный бук`)."""
    m = _SHAPE.match(sentence)
    if not m:
        return False
    subject = [w for w in _WORD.findall(m["subject"]) if w[0].isalpha()]
    predicate = _WORD.findall(m["predicate"])
    if not subject or not predicate or subject[0].lower() in _NOT_SUBJECT:
        return False
    if not any(p.tag.POS in ("NOUN", "ADJF") and "nomn" in p.tag.grammemes for p in analyzer.parse(subject[0])):
        return False
    for word in subject + [w for w in predicate if w[0].isalpha()]:
        if analyzer.parse(word)[0].tag.POS in ("VERB", "INFN", "PRED") or word.lower() in ("это", "вот"):
            return False
    first = analyzer.parse(predicate[0])[0].tag
    if first.POS not in ADJECTIVES or first.POS in ("ADJF", "PRTF") and "nomn" not in first.grammemes:
        return False
    after = predicate[1] if len(predicate) > 1 else "."
    return not after[0].isalpha() or after.lower() in ("и", "или") or analyzer.parse(after)[0].tag.POS in ADJECTIVES
