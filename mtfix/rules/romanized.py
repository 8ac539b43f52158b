"""TR005: a word of the unit's source written in Latin letters in the target instead of translated."""

from __future__ import annotations

import re
from functools import cache

from mtfix.lexicon.likelihood import likelihood
from mtfix.model import Severity
from mtfix.registry import Rule, register
from mtfix.rules.bilingual.common import CYRILLIC, units
from mtfix.rules.bilingual.terms import source_lemma

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


@cache
def _is_english(word: str) -> bool:
    from mtfix.lexicon.english import zipf
    from mtfix.rules.untranslated import english_extras

    return zipf(word) >= 1.0 or word in english_extras()


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
    international words whose letters are English (`pulmonectomy` for пульмонэктомия).

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
                    if word and likelihood(token, language) > ENGLISH_LETTERS:
                        yield self.issue(
                            m.start(), m.end(), f"`{token}` is the source's `{word}` in Latin letters; translate it"
                        )

    @staticmethod
    def _source_word(token: str, words: list[tuple[str, str]], language) -> str | None:
        """The source word `token` spells: by its consonants, else by the lexicon's reading."""
        for word, word_skeleton in words:
            if _same_word(token, word_skeleton):
                return word
        read = _read_back(token, language)
        lexicon = language.lexicon()
        return next((word for word, _ in words if source_lemma(word, lexicon) in read), None)
