"""BL007: a glossary term of the source whose approved English term the target lacks."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from mtfix.model import Severity
from mtfix.registry import Rule, register
from mtfix.lexicon.source import NAME_TAGS
from mtfix.rules.bilingual.common import CYRILLIC, data, fold, units
from mtfix.rules.untranslated import unmixed


def source_lemma(word: str, lexicon) -> str:
    """The dictionary form of a source word; for a capitalised word a name's (Львов: львов,
    not лев). A word in another script is its own lemma, in lower case."""
    if not CYRILLIC.match(word):
        return word.lower()
    return lexicon.lemma(word)


def _plain(text: str) -> str:
    """Text without accents: `António Guterres` is the glossary's `Antonio Guterres`."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def _shape(word: str) -> str:
    return "A" if word.isupper() and len(word) > 1 else "a" if word[:1].islower() else "Aa"


@lru_cache(maxsize=1 << 14)
def _tokens(text: str, lexicon) -> tuple[tuple[str, str], ...]:
    """(lemma, case shape) of each word."""
    return tuple((source_lemma(w, lexicon), _shape(w)) for w in re.findall(r"\w+", text))


def _contains(source: str, term: str, lexicon, found: list[re.Match[str]] | None = None, starts=None) -> bool:
    """Whether `term` occurs in `source` in some inflected form, with the term's capitals,
    and names the glossary's own entity: `МИД Малайзии` is another country's ministry.
    `found`: the source's words, and `starts`: the indexes of those that may begin the term,
    when the caller has them."""
    found = list(_WORDS.finditer(source)) if found is None else found
    words, wanted = [m.group() for m in found], _tokens(term, lexicon)
    n = len(wanted)
    for i in range(len(words) - n + 1) if starts is None else starts:
        if i + n <= len(words) and all(_same_lemma(w, t, lexicon) for w, t in zip(words[i : i + n], wanted)):
            if i + n < len(words) and _foreign(words[i + n], lexicon):
                continue
            if n == 1 and wanted[0][1] == "Aa" and _OPENING.search(source[: found[i].start()]) and _common(words[i], lexicon):
                continue  # Ровно at the start of a sentence is `exactly`, not the city
            return True
    return False


_OPENING = re.compile(r"(?:^|[.!?…:—–-])[\s\"«“'(]*$")


@lru_cache(maxsize=1 << 14)
def _common(word: str, lexicon) -> bool:
    """Whether the dictionary's likeliest reading of `word` is not a name."""
    return not NAME_TAGS & lexicon.analyzer.parse(word)[0].tag.grammemes


@lru_cache(maxsize=1 << 14)
def _foreign(word: str, lexicon) -> bool:
    """A country other than the source language's own, in the genitive (США, Малайзии)."""
    if not word[:1].isupper() or not CYRILLIC.match(word):
        return False
    parse = lexicon.analyzer.parse(word)[0]
    own = data(lexicon.code)["own_country"]
    return "Geox" in parse.tag.grammemes and parse.tag.case == "gent" and parse.normal_form not in own


_WORDS = re.compile(r"\w+")


def _same_lemma(word: str, wanted: tuple[str, str], lexicon) -> bool:
    lemma, shape = wanted
    if word[:2].lower() != lemma[:2]:
        return False  # inflection keeps the first letters; spares the analyser
    found = _shape(word)
    return source_lemma(word, lexicon) == lemma and (shape == "a" or found == shape or shape == "Aa" and found == "A")


def _stem_in(term: str, target: str) -> bool:
    """A one-word term present as a derived word (Ukraine: Ukrainian)."""
    if " " in term or len(term) < 5:
        return False
    stem = term[: max(4, len(term) - 2)].casefold()
    return re.search(rf"(?<!\w){re.escape(stem)}", target.casefold()) is not None


def _words_in(term: str, target: str) -> bool:
    """A term of several words whose every word stands in the target, perhaps derived: `Foreign
    Minister` for the ministry of `Foreign Ministry`, `Russian Security Council` for `Security
    Council of Russia` (words of four letters or fewer aside)."""
    words = [w for w in term.split() if len(w) >= 5]
    return len(words) >= 2 and all(_stem_in(w, target) for w in words)


def _initialism(term: str, target: str) -> bool:
    """Whether the target writes `term` as its initials (ROC for Russian Orthodox Church, MFA
    for Ministry of Foreign Affairs)."""
    initials = "".join(w[0] for w in term.split() if w[:1].isupper())
    return len(initials) >= 2 and re.search(rf"\b{re.escape(initials)}\b", target) is not None


@register
class KeyTermMismatch(Rule):
    """A glossary term's source is in the source (in any inflected form), but its
    approved English term is not in the target (accents aside: `António` is `Antonio`, and
    Cyrillic look-alike letters, which CY002 reports: `WНO` is `WHO`).

    Bad: Агентство РИА Новости сообщило об этом. → The agency RIA reported it.
    Good: Агентство РИА Новости сообщило об этом. → RIA Novosti reported it.
    """

    code = "BL007"
    languages = frozenset({"ru", "uk"})
    name = "key-term-mismatch"
    summary = "a glossary source term is translated without its approved English term"
    category = "terminology/key-term-mismatch"
    severity = Severity.WARNING

    def check(self, document):
        pairs = list(units(document))
        if not pairs:
            return
        glossary = self.context.glossary
        terms = glossary.source_terms()  # by the first word's lemma
        if not terms:
            return
        heads = glossary.source_forms()
        lexicon = glossary.lexicon
        for unit, target in pairs:
            if not CYRILLIC.search(unit.source):
                continue
            words = list(_WORDS.finditer(unit.source))
            at: dict[str, list[int]] = {}  # first lemma of a term: where a form of it stands
            for i, m in enumerate(words):
                for lemma in heads.get(m.group().lower().replace("ё", "е"), ()):
                    at.setdefault(lemma, []).append(i)
            if not at:
                continue
            target = unmixed(target)  # a look-alike letter (`WНO`) is CY002's to report
            folded = f" {_plain(fold(target))} "
            for entry, source_term in (t for lemma in at for t in terms[lemma]):
                first = _tokens(source_term, lexicon)[:1]
                starts = at.get(first[0][0]) if first else None
                if not _contains(unit.source, source_term, lexicon, words, starts):
                    continue
                forms = (entry.term, *getattr(entry, "admitted", ()), *entry.variants)
                if any(f" {_plain(fold(f))} " in folded for f in forms):
                    continue  # the term, an admitted form, or a variant that TM001 reports
                if any(_initialism(form, target) for form in (entry.term, *getattr(entry, "admitted", ()))):
                    continue  # ROC, MFA (Ministry of Foreign Affairs)
                if _stem_in(entry.term, target) or _words_in(entry.term, target):
                    continue
                span = unit.span
                yield self.issue(
                    span.start,
                    span.end,
                    f"the source has `{source_term}`; the glossary's English term `{entry.term}` is missing",
                    suggestions=[entry.term],
                )
                break
