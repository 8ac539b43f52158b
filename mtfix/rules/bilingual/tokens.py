"""BL011 and BL013: Latin-script tokens that a translation carries over unchanged (model
names and codes such as `R20`, `A320`, `COVID-19`; brand and acronym spellings such as
`iPhone`, `PayPal`, `IT`) missing from the target, or a CamelCase word in the target that
nothing in the source accounts for.

A Russian or Ukrainian source writes such tokens in Latin letters, so the target must hold
them as they are; pure numbers are BL001's, URLs and addresses BL006's. Tokens are compared
ignoring case, hyphens and spaces (`Covid-19`, `COVID19`), and a source token may begin a
longer one in the target (`R20` in `R20s`)."""

from __future__ import annotations

import re

from mtfix.model import Severity
from mtfix.registry import Rule, register
from mtfix.rules.bilingual.common import units

#: Latin letters and digits, both present, joined by at most single hyphens, slashes or dots.
_ALPHANUMERIC = re.compile(
    r"(?<![\w@/.\\-])(?=[A-Za-z0-9./-]*\d)(?=[A-Za-z0-9./-]*[A-Za-z])[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*(?![\w@]|[-/.]\w)"
)
#: A Latin word with a capital after a small letter (iPhone, PayPal) or two or more capitals
#: only (IT, NATO), standing alone.
_CAMEL = re.compile(r"(?<![\w@/.\\-])(?:[a-z]+[A-Z]|[A-Z][a-z]+[A-Z])[A-Za-z]*(?![\w@]|[-/.]\w)")
_CAPS = re.compile(r"(?<![\w@/.\\-])(?![IVXLC]+\b)[A-Z]{2,}(?![\w@]|[-/.]\w)")
#: Capitals inside names English writes so (McCain, MacBook is a brand but MacDonald a name,
#: DeSantis, LeBron, O'Brien): not CamelCase for BL013.
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Du)[A-Z]|^[A-Z](?:x[A-Z])+$")  # or LxWxH
#: English words written with a capital inside: degrees and units, which translate Cyrillic
#: (`к.м.н.` is a PhD, `кВт·ч` kWh), so a target that has them is not adding a brand.
_ENGLISH_CAMEL = frozenset("PhD DPhil MPhil MSc BSc MHz GHz kHz kWh MWh GWh mAh kVA MPa kPa".split())
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]{3,}")
_MAY_HOLD = re.compile(r"[A-Za-z]")


def fold(token: str) -> str:
    """A token as compared: no case, hyphens, dots, slashes, apostrophes or spaces."""
    return re.sub(r"[-/.'’\s\u00a0]", "", token).casefold()


def _romanized(source: str, language: str) -> set[str]:
    """The source's Cyrillic words in every romanization scheme of its language."""
    from mtfix.lexicon.romanization import schemes

    words = {w.lower() for w in _CYRILLIC_WORD.findall(source)}
    return {scheme.translate(w) for w in words for scheme in schemes(language)}


def _romanizes(word: str, forms: set[str]) -> bool:
    """Whether a Cyrillic word of the source romanizes to `word`'s first four letters (KamAZ:
    КамАЗ, MinTsifry: Минцифры), or to its consonants, since an English brand keeps its own
    vowels and spellings (YouTube: Ютуб, ютуберов; BoJack: БоДжек)."""
    key = fold(word)[:4]
    skeleton = _consonants(fold(word))
    return any(form.startswith(key) for form in forms) or (
        len(skeleton) >= 2 and any(_consonants(form).startswith(skeleton) for form in forms)
    )


#: English spellings of the sounds a romanization writes otherwise (BoJack: БоДжек, bodzhek).
_SOUNDS = (("dzh", "j"), ("dj", "j"), ("ck", "k"), ("ph", "f"), ("q", "k"), ("x", "ks"), ("w", "v"))


def _consonants(word: str) -> str:
    """The consonants of a folded word, English and romanized spellings of a sound made one."""
    for spelling, sound in _SOUNDS:
        word = word.replace(spelling, sound)
    word = re.sub(r"c(?![eiy])", "k", word)
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy'’]", "", word))


_TOKEN = re.compile(r"[\w./-]+")


def _target_keys(document, unit) -> list[str]:
    """The target's tokens folded, and each two neighbours joined (`COVID 19`)."""
    words = [fold(w) for s in unit.target for w in _TOKEN.findall(document.text, s.start, s.end)]
    return words + [a + b for a, b in zip(words, words[1:])]


def _missing(document, unit, tokens: list[str]) -> list[str]:
    """The tokens (in source order, each once) that begin no token of the target."""
    if not tokens:
        return []
    keys = _target_keys(document, unit)
    seen, missing = set(), []
    for token in tokens:
        key = fold(token)
        if key not in seen and not any(k.startswith(key) for k in keys):
            missing.append(token)
        seen.add(key)
    return missing


@register
class AlphanumericMismatch(Rule):
    """A token of Latin letters and digits in the source (a model, flight, order or standard
    code: `R20`, `A320`, `MH17`, `COVID-19`) that the target does not hold.

    Bad: Модель R20 выйдет в мае. → The model will come out in May.
    Good: Модель R20 выйдет в мае. → The R20 model will come out in May.
    """

    code = "BL011"
    name = "alphanumeric-mismatch"
    summary = "a code of letters and digits in the source is missing from the target"
    category = "accuracy/number-mismatch"
    severity = Severity.WARNING

    def check(self, document):
        for unit, _ in units(document):
            if not _MAY_HOLD.search(unit.source):
                continue
            for token in _missing(document, unit, _ALPHANUMERIC.findall(unit.source)):
                span = unit.span
                yield self.issue(span.start, span.end, f"the source's `{token}` is missing from the target")


@register
class LatinWordMismatch(Rule):
    """A CamelCase or all-capitals Latin word of the source (`iPhone`, `PayPal`, `IT`) missing
    from the target, or a CamelCase word in the target that the source does not have: a
    brand or code spelled another way, or dropped.

    Bad: Купил новый iPhone. → I bought a new phone.
    Good: Купил новый iPhone. → I bought a new iPhone.
    Bad: Продажи выросли. → Sales of the PlayStation rose.
    Good: Продажи PlayStation выросли. → Sales of the PlayStation rose.
    """

    code = "BL013"
    name = "latin-word-mismatch"
    summary = "a CamelCase or all-capitals word is in the source or the target alone"
    category = "accuracy/omission"
    severity = Severity.WARNING

    def check(self, document):
        text = document.text
        for unit, target in units(document):
            source_words = _CAMEL.findall(unit.source) + _CAPS.findall(unit.source) if _MAY_HOLD.search(unit.source) else []
            for word in _missing(document, unit, source_words):
                span = unit.span
                yield self.issue(span.start, span.end, f"the source's `{word}` is missing from the target")
            source, forms = fold(unit.source), None
            for span in unit.target:
                for m in _CAMEL.finditer(text, span.start, span.end):
                    word = m.group()
                    if _NAME_PREFIX.match(word) or word in _ENGLISH_CAMEL or fold(word) in source:
                        continue
                    if forms is None:
                        forms = _romanized(unit.source, self.context.pair.source.code)
                    if not _romanizes(word, forms):
                        yield self.issue(m.start(), m.end(), f"`{word}` is not in the source")
