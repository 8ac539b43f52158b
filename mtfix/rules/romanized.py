"""TR005: a word of the unit's source written in Latin letters in the target instead of translated."""

from __future__ import annotations

import re
from functools import cache

from mtfix.lexicon.english import in_dictionary
from mtfix.lexicon.likelihood import likelihood
from mtfix.model import Severity
from mtfix.registry import Rule, register
from mtfix.rules.bilingual.common import CYRILLIC, units
from mtfix.rules.bilingual.terms import source_lemma
from mtfix.rules.untranslated import warns

_LATIN_TOKEN = re.compile(r"(?<![\w@/.-])[A-Za-z]{4,}(?![\w@/-])")
_RUSSIAN_WORD = re.compile(r"[\u0400-\u04ff]{3,}")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:]\s+)[\"'“‘«(]?\s*$")
_QUOTED = re.compile(r"[\"«“„'‘]\s*$")


def _read_back(token: str, language) -> set[str]:
    """Lemmas of the source words the lexicon reads `token` as."""
    lexicon = language.lexicon()
    return {source_lemma(r.cyrillic, lexicon) for r in language.romanizer().readings(token.lower())[:5]}


def skeleton(latin: str) -> str:
    """Consonants only, with the spellings romanization varies on folded together."""
    s = latin.lower()
    for a, b in (("shch", "S"), ("sch", "S"), ("tch", "C"), ("kh", "h"), ("zh", "z"), ("ts", "C"), ("tz", "C"),
                 ("ch", "C"), ("sh", "S"), ("ck", "k"), ("ph", "f"), ("q", "k"), ("x", "ks"), ("w", "v"), ("j", "")):
        s = s.replace(a, b)
    s = re.sub(r"c(?=[eiy])", "s", s).replace("c", "k")
    s = re.sub(r"[aeiouy']", "", s).lower()
    return re.sub(r"(.)\1+", r"\1", s)


#: Mean log-likelihood ratio of a token's letter 4-grams (romanized source over English) at or
#: below which its letters are English: an international word that the source shares
#: (pulmonectomy, polycotton, caponier), not a transliteration.
ENGLISH_LETTERS = -1.5


#: English plural endings and what each replaces in the singular (pomskies: pomsky).
_PLURALS = (("ies", "y"), ("es", ""), ("s", ""))


@cache
def _is_english(word: str) -> bool:
    """Whether a lower-case word, or the singular of it, is in wordfreq's list or the extras."""
    from mtfix.lexicon.english import zipf
    from mtfix.rules.untranslated import english_extras

    singulars = [word[: -len(end)] + stem for end, stem in _PLURALS if word.endswith(end)]
    return any(zipf(w) >= 1.0 or w in english_extras() for w in (word, *singulars))


def _attested(word: str, language) -> bool:
    """Whether the source word is one the source language's dictionary or word list knows: a
    coinage, a nonsense word or a new loan (чикипуки, левулоза) that no lexicon attests is
    often kept as it sounds, or is the English word the source borrowed."""
    lexicon = language.lexicon()
    return lexicon.analyse(word.lower()).known or lexicon.frequency(word.lower()) > 0


def _source_words(source: str, romanizer) -> list[tuple[str, str]]:
    """Lower-case words of a source that are not quoted, and their skeletons.

    A capitalised word may be a name, which English transliterates; a quoted one is a
    mention (a word, a title) that is often kept as it sounds."""
    words = []
    for m in _RUSSIAN_WORD.finditer(source):
        word = m.group()
        if word[0].isupper() or _QUOTED.search(source, 0, m.start()):
            continue
        words.append((word, skeleton(romanizer.romanize(word.lower()))))
    return words


def _same_word(token: str, word_skeleton: str) -> bool:
    t = skeleton(token)
    if len(t) < 3 or len(word_skeleton) < 3:
        return False
    if t.endswith("s") and not word_skeleton.endswith("s"):
        t = t[:-1]  # an English plural on a Russian word
    shorter, longer = sorted((t, word_skeleton), key=len)
    return longer.startswith(shorter) and len(longer) - len(shorter) <= 1 and len(shorter) >= 3


@register
class RomanizedSourceWord(Rule):
    """A target word is a word of this unit's source written in Latin letters: the
    word was transliterated instead of translated. Names (capitalised in the source, or
    names by the dictionary) are meant to be transliterated and are left alone, and so are
    international words whose letters are English (`pulmonectomy` for пульмонэктомия) and the
    English plurals of English words (`pomskies`). A word TR001 (when selected) warns about
    is left to it. Only worth a look (info): a headword of a full English dictionary (`levulose` for
    левулоза), and a source word that no Russian dictionary or word list attests, a coinage or
    a nonsense word that is often kept as it sounds, or a new loan the source took from English
    (on the judged wmt22-ru-en sample, 12 of the 30 warnings were such words and all but one
    were right as they stood).

    Bad: Эти крохоборы экономят на всём. → These krokhobors save on everything.
    Good: Эти крохоборы экономят на всём. → These penny-pinchers save on everything.
    """

    code = "TR005"
    languages = frozenset({"ru", "uk"})
    name = "romanized-source-word"
    summary = "a source word transliterated, not translated"
    category = "untranslated/transliteration"
    severity = Severity.WARNING

    def check(self, document):
        text = document.text
        language = self.context.pair.source
        tr001 = any(rule.code == "TR001" for rule in self.context.rules)
        for unit, _target in units(document):
            if not CYRILLIC.search(unit.source):
                continue
            words = None
            for span in unit.target:
                for m in _LATIN_TOKEN.finditer(text, span.start, span.end):
                    token = m.group()
                    if _is_english(token.lower()) or token.lower() in unit.source.lower():
                        continue
                    if token[0].isupper() and not _SENTENCE_START.search(text[span.start : m.start()]):
                        continue  # capitalised mid-sentence: rendered as a name
                    if words is None:
                        words = _source_words(unit.source, language.romanizer())
                    if not words:
                        break
                    word = self._source_word(token, words, language)
                    if not word or likelihood(token, language) <= ENGLISH_LETTERS:
                        continue
                    if tr001 and self._warned_by_tr001(document, token, text, span.start, m.start()):
                        continue
                    english = in_dictionary(token) or any(
                        in_dictionary(token[: -len(end)] + stem) for end, stem in _PLURALS if token.endswith(end)
                    )
                    yield self.issue(
                        m.start(),
                        m.end(),
                        f"`{token}` is the source's `{word}` in Latin letters; translate it",
                        severity=self.severity if _attested(word, language) and not english else Severity.INFO,
                    )

    def _warned_by_tr001(self, document, token: str, text: str, floor: int, start: int) -> bool:
        """Whether TR001, selected too, warns about `token`: one report of a word is enough."""
        initial = bool(_SENTENCE_START.search(text[floor:start]))
        return warns(document, start, token, initial, self.context.pair.source, self.context.glossary)

    @staticmethod
    def _source_word(token: str, words: list[tuple[str, str]], language) -> str | None:
        """The source word `token` spells: by its consonants, else by the lexicon's reading."""
        for word, word_skeleton in words:
            if _same_word(token, word_skeleton):
                return word
        read = _read_back(token, language)
        lexicon = language.lexicon()
        return next((word for word, _ in words if source_lemma(word, lexicon) in read), None)


_CYRILLIC_CAPS = re.compile(r"(?<![\w-])[\u0400-\u042f\u0401\u0404\u0406\u0407\u0490]{2,6}(?![\w-])")
_LATIN_CAPS = re.compile(r"(?<![\w@/.-])[A-Z]{3,12}(?![\w@/-])")
#: wordfreq zipf at or above which an all-caps token is an abbreviation English text uses
#: (NATO, TASS, VTB, GOST, UAZ), not one only a transliteration produces.
KNOWN_ABBREVIATION = 1.0


_VOWELS = "аеёиоуыэюяіїєу"


@cache
def _onsets() -> frozenset[str]:
    from mtfix import datafiles

    return datafiles.words("translit-ru-onsets.txt")


def _word_shaped(word: str) -> bool:
    """Whether a lower-case Cyrillic word can be read as a word, not letter by letter: it has a
    vowel, no three consonants or vowels in a row, and begins with a vowel, a consonant and a
    vowel, or a pair of consonants that begins words."""
    shape = "".join("v" if ch in _VOWELS else "c" for ch in word)
    if "v" not in shape or "ccc" in shape or "vvv" in shape:
        return False
    return not shape.startswith("cc") or word[:2] in _onsets()


def _abbreviations(source: str, language) -> dict[str, str]:
    """The source's all-caps abbreviations (not words or names written in capitals), by each
    Latin spelling the language's romanization schemes give them."""
    from mtfix.lexicon.romanization import schemes

    analyzer = language.lexicon().analyzer
    found = {}
    for m in _CYRILLIC_CAPS.finditer(source):
        word = m.group()
        parses = analyzer.parse(word.lower())
        if not any("Abbr" in p.tag.grammemes for p in parses) and (parses[0].is_known or _word_shaped(word.lower())):
            continue  # a word or a name in capitals (НОСОВ, ГАВРИШ)
        for scheme in schemes(language.code):
            found.setdefault(scheme.translate(word.lower()).upper(), word)
    return found


@register
class RomanizedAbbreviation(Rule):
    """An all-caps Latin token of the target is an abbreviation of the unit's source spelt
    in Latin letters (`BPLA` for БПЛА, `FGAOU` for ФГАОУ): English readers cannot decode it.
    Spell it out or use the English abbreviation (UAV). Abbreviations English text uses
    (NATO, TASS, VTB, GOST) and the glossary's terms are left alone.

    Bad: Над городом сбили БПЛА. → A BPLA was shot down over the city.
    Good: Над городом сбили БПЛА. → A drone was shot down over the city.
    """

    code = "TR006"
    languages = frozenset({"ru", "uk"})
    name = "romanized-abbreviation"
    summary = "a source abbreviation transliterated, not translated"
    category = "untranslated/transliteration"
    severity = Severity.WARNING

    def check(self, document):
        from mtfix.lexicon.english import zipf

        text = document.text
        language = self.context.pair.source
        approved = None
        for unit, _target in units(document):
            if not _CYRILLIC_CAPS.search(unit.source):
                continue
            tokens = [m for span in unit.target for m in _LATIN_CAPS.finditer(text, span.start, span.end)]
            if not tokens:
                continue
            forms = _abbreviations(unit.source, language)
            for m in tokens:
                token = m.group()
                if token not in forms or zipf(token.lower()) >= KNOWN_ABBREVIATION:
                    continue
                if approved is None:
                    approved = {w.upper() for w in self.context.glossary.term_words()}
                if token in approved:
                    continue
                yield self.issue(
                    m.start(),
                    m.end(),
                    f"`{token}` is the source's abbreviation `{forms[token]}` in Latin letters;"
                    " spell it out or use the English abbreviation",
                )
