"""Words left untranslated: romanized source words, Cyrillic, and Latin words with Cyrillic
letters.

A Latin token is suspect only when it is not English (wordfreq's list plus English
morphology). It is then read back into Cyrillic and confirmed with the source language's
lexicon (`Language.romanizer`, `Language.lexicon`), so the message can name the source word
and its lemma, and a glossary can supply the English term.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from mtfix.model import Edit, Fix, Severity, Span
from mtfix.registry import Rule, register

#: A Latin word with inner apostrophes; a hyphen separates words. Parts of e-mail
#: addresses, URLs and domain names are left alone.
_TOKEN = re.compile(r"(?<![\w@/.])[^\W\d_]+(?:['’][^\W\d_]+)*(?![\w@/]|\.[^\W\d_])")
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_END = re.compile(r"(?:^|[.!?…:;\n]|\r)[\s\"“”«»'‘’(\[—–-]*$")
#: Latin-only token of at least three letters.
_LATIN = re.compile(r"^[A-Za-z]+(?:'[A-Za-z]+)*$")
#: Endings whose removal is trusted on Latin evidence alone (no nominative reading of them).
_LATIN_EVIDENCE_ENDINGS = ("om", "em", "e", "u", "yu", "akh", "ami")
MIN_WARNING_LENGTH = 4


@cache
def english_extras() -> frozenset[str]:
    """English words and names wordfreq does not list but English prose uses."""
    text = (resources.files("mtfix") / "data" / "translit-english.txt").read_text(encoding="utf-8")
    return frozenset(
        w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#")
    )


def _is_english(word: str) -> bool:
    from mtfix.lexicon.english import is_english

    return is_english(word) or word.lower() in english_extras()


def _in_dictionary(word: str) -> bool:
    """Whether `word` is a headword of a full English dictionary, though too rare for
    wordfreq's list (`levulose`, `mouline`): English, unless a transliteration happens to
    spell an old English word (`roial`, `repetitor`), so such a word is only worth a look."""
    from mtfix.lexicon.english import in_dictionary

    return in_dictionary(word)


@dataclass(frozen=True)
class Finding:
    """What a token reads as in Russian."""

    cyrillic: str
    lemma: str
    name: bool
    common: bool
    oblique: bool
    nominative: bool
    known: bool
    dictionary: bool = False
    plural_s: bool = False
    base: str = ""
    coinage: str = ""


@lru_cache(maxsize=1 << 14)
def _reading(token: str, language) -> Finding | None:
    """The best confirmed reading of a Latin token in the source `language`, if any.

    A whole dictionary word form is confirmation; a compound of a known stem and a
    dictionary word, a word of wordfreq's list, or a dictionary stem with an inflectional
    ending counts only with more evidence (the language's letter groups or a long, inflected
    word). An English plural -s on a source noun (`crokhobors`) is read too.
    """
    romanizer, lexicon = language.romanizer(), language.lexicon()
    analyse, frequency = lexicon.analyse, lexicon.frequency
    shaped = romanizer.shape_features(token) > 0
    international = _INTERNATIONAL.search(token) is not None
    for word, plural_s in ((token, False), (token[:-1], True)):
        if len(word) < 3 or (plural_s and not token.endswith("s")):
            continue
        for reading in romanizer.readings(word)[:6]:
            if reading.cost > max(3, len(word) // 2):
                continue
            analysis = analyse(reading.cyrillic)
            if plural_s and (analysis.name or analysis.lemma != reading.cyrillic):
                continue
            if reading.compound:
                rest = word[len(reading.latin_for(reading.split) or "") :]
                if (international and analysis.lemma == reading.cyrillic) or _common_english(rest):
                    continue
                confirmed = True
            elif reading.lexicon == "wordfreq":
                confirmed = frequency(reading.cyrillic) >= 1.5 or shaped or len(word) >= 8
            elif reading.lexicon == "stem":
                ending = reading.cyrillic[len(reading.cyrillic.rstrip("аеиоуыэюяйьхмв")) :]
                confirmed = len(ending) >= 2 or shaped
            else:
                confirmed = True
            lemma = analysis.lemma
            if reading.compound and not analysis.known:
                rest = analyse(reading.cyrillic[reading.split :])
                lemma = reading.cyrillic[: reading.split] + rest.lemma
            elif not analysis.known and not (frequency(lemma) or analyse(lemma).known):
                lemma = reading.cyrillic  # a guessed lemma that no lexicon attests
            base = ""
            if analysis.known and analysis.place_or_surname and not analysis.nominative:
                base = _nominative_spelling(word, reading, analysis.nominative_form or lemma, romanizer)
            return Finding(
                reading.cyrillic,
                lemma,
                analysis.name,
                analysis.common,
                analysis.oblique,
                analysis.nominative,
                confirmed,
                analysis.known and reading.lexicon == "dictionary" and not reading.compound,
                plural_s,
                base,
            )
    return _coinage(token, language)


#: English suffixes that machine translation puts on a source stem (диетолог: dietologists).
_COINAGE = re.compile(r"(?:ists?|ians?|ers?|ics?|ical|ed|e|s)$")


def _coinage(token: str, language) -> Finding | None:
    """A dictionary noun of the source under an English suffix: `dietologist` from диетолог."""
    analyse = language.lexicon().analyse

    m = _COINAGE.search(token)
    if m is None or len(token) - len(m.group()) < 5:
        return None
    stem = token[: m.start()]
    for reading in language.romanizer().readings(stem)[:3]:
        analysis = analyse(reading.cyrillic)
        if reading.lexicon != "dictionary" or reading.compound or reading.cost > 2:
            continue
        if not analysis.known or analysis.name or analysis.lemma != reading.cyrillic:
            continue
        return Finding(
            reading.cyrillic, analysis.lemma, False, True, False, True, True, False, coinage=m.group()
        )
    return None


def _nominative_spelling(token: str, reading, lemma: str, romanizer) -> str:
    """The token with its case ending replaced by the lemma's (Vsevolozhske: Vsevolozhsk)."""
    common = 0
    form = reading.cyrillic
    while common < min(len(form), len(lemma)) and form[common] == lemma[common].replace("ё", "е"):
        common += 1
    while common:
        latin = reading.latin_for(common)
        if latin is not None:
            spelled = latin + romanizer.romanize(lemma[common:])
            return spelled[:1].upper() + spelled[1:] if token[:1].isupper() else spelled
        common -= 1
    return ""


def _match_case(found: str, term: str) -> str:
    return term[:1].upper() + term[1:] if found[:1].isupper() else term


def _sentence_initial(text: str, start: int, floor: int) -> bool:
    return bool(_SENTENCE_END.search(text, max(floor, start - 8), start)) or start == floor


#: Endings of Russian and Ukrainian surnames: a capitalized word with one is taken for a name.
_SURNAME = re.compile(r"(?:[oe]v|[oe]va|[yi]n|[yi]na|sk[iy]y?|sky|skaya|enko|chuk|uk|yan|ich)$")

#: English-looking endings of international words (fluorograph, narcologist): read as the
#: Russian loanword in its dictionary form, such a token is weak evidence.
_INTERNATIONAL = re.compile(
    r"(?:graph|gram|ist|ism|logy|tion|ics?|ical|ous|ive|ant|ent|ure|ity|drome|meter|scope|"
    r"phone|port|sport|ing|er|or|al|ar)s?$"
)


class _Transliteration(Rule):
    """Shared scan for the TR rules: non-English Latin tokens and their readings in the
    source language."""

    category = "untranslated/transliteration"
    languages = frozenset({"ru", "uk"})

    @property
    def language(self):
        """The source language, whose romanized words the rules look for."""
        return self.context.pair.source

    @staticmethod
    def in_source(document, start: int, word: str) -> bool:
        """Whether the unit's source writes `word` as it stands: a name the source kept in
        Latin letters (a brand, a foreign name) carries no case ending."""
        unit = document.unit_at(start) if document.units else None
        return unit is not None and bool(unit.source) and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", unit.source) is not None

    @staticmethod
    def used_as_name(document, word: str) -> bool:
        """Whether `word` also appears capitalized in mid-sentence, as names do."""
        return re.search(rf"[a-z,;] +{re.escape(word)}\b", document.text) is not None

    def tokens(self, document) -> Iterator[tuple[int, int, str, bool]]:
        """(start, end, token, sentence-initial) for non-English tokens outside glossary variants."""
        segments = tuple((s.start, s.end) for s in document.segments)
        return iter(_scan(document.text, segments, self.context.glossary))

    def glossary_term(self, finding: Finding) -> str | None:
        """The glossary's English term for the reading, unless the entry names something (its
        source capitalised: Дождь, the channel) and the reading is the dictionary's common
        word (дождь, rain), which the name does not translate."""
        glossary = self.context.glossary
        entry = glossary.by_source_lemma(finding.cyrillic) or glossary.by_source_lemma(finding.lemma)
        if entry is None:
            return None
        words = [s.strip() for s in entry.source if " " not in s.strip()]
        if finding.common and finding.dictionary and words and all(w[:1].isupper() for w in words):
            return None
        return entry.term


@lru_cache(maxsize=4)
def _scan(text: str, segments: tuple[tuple[int, int], ...], glossary) -> tuple[tuple[int, int, str, bool], ...]:
    """The non-English tokens of a text, shared by the TR rules (one scan per text)."""
    return tuple(_scan_tokens(text, segments, glossary))


def _scan_tokens(text, segments, glossary):
    approved = glossary.approved_words()
    suspect: dict[str, str | None] = {}  # token as written: the word to check, or None
    for segment in (Span(*s) for s in segments):
        covered = [(v.start, v.end) for v in glossary.variants_in(text, segment.start, segment.end)]
        for m in _TOKEN.finditer(text, segment.start, segment.end):
            token = m.group()
            if token not in suspect:
                suspect[token] = _suspect_word(token, approved)
            word = suspect[token]
            if word is None:
                continue
            start, end = m.start(), m.start() + len(word)
            if any(s < end and start < e for s, e in covered):
                continue
            yield start, end, word, _sentence_initial(text, start, segment.start)


def _suspect_word(token: str, approved: frozenset[str]) -> str | None:
    """The token without a possessive ending, when it is a Latin word that is not English."""
    word = _POSSESSIVE.sub("", token).replace("’", "'")
    if len(word) < 3 or not _LATIN.match(word):
        return None
    if not (word.islower() or (word[0].isupper() and word[1:].islower())):
        return None
    if word in approved or _is_english(word):
        return None
    return word


def judge_transliteration(
    document, start: int, word: str, initial: bool, language
) -> tuple[Severity, Finding | None] | None:
    """TR001's verdict on a suspect token at `start`: its severity and its confirmed reading
    (None for a word that only its letters mark as romanized), or None when TR001 does not
    report it."""
    if not word.islower() and not initial:
        return None
    finding = _reading(word, language)
    if finding is None:
        if not (word.islower() and _romanized_letters(word, language)) or _source_coinage(
            document, start, word, language
        ):
            return None
        strong = (len(word) >= 7 or _source_letters(word, language)) and not _english_slip(word, language)
        return (Severity.WARNING if strong else Severity.INFO), None
    if not word.islower() and (
        finding.name
        or finding.nominative
        or _SURNAME.search(word)
        or not finding.dictionary
        or len(word) < 6
        or _Transliteration.used_as_name(document, word)
    ):
        return None
    severity = Severity.WARNING
    if len(word) < MIN_WARNING_LENGTH:
        severity = Severity.INFO
    elif not (finding.known or finding.coinage or _source_letters(word, language)):
        severity = Severity.INFO
    elif (
        finding.lemma == finding.cyrillic
        and _INTERNATIONAL.search(word)
        and language.romanizer().shape_features(word) == 0
        and not _source_letters(word, language)
    ):
        severity = Severity.INFO
    if finding.coinage or (severity is Severity.WARNING and (_english_slip(word, language) or _in_dictionary(word))):
        severity = Severity.INFO
    return severity, finding


def _source_coinage(document, start: int, word: str, language) -> bool:
    """Whether `word` spells a lower-case word of the unit's source that no lexicon of the
    language attests (`чикимики`): a coinage or a nonsense word, which a translation keeps as
    it sounds (TR005 reports it, at info, naming the source word). A capitalised one is a
    name, which the translation wrote in lower case."""
    unit = document.unit_at(start) if document.units else None
    if unit is None or not unit.source:
        return False
    romanizer, lexicon = language.romanizer(), language.lexicon()
    for m in _ANY_CYRILLIC.finditer(unit.source):
        source = m.group()
        if source.islower() and romanizer.romanize(source) == word.lower():
            return not (lexicon.analyse(source).known or lexicon.frequency(source) > 0)
    return False


def warns(document, start: int, token: str, initial: bool, language, glossary) -> bool:
    """Whether TR001 warns about the Latin token `token` as written at `start`."""
    word = _suspect_word(token, glossary.approved_words())
    judged = judge_transliteration(document, start, word, initial, language) if word else None
    return judged is not None and judged[0] is Severity.WARNING


@register
class TransliteratedWord(_Transliteration):
    """A Russian word the translation left in Latin letters instead of translating it
    (`химатакой` written `himatakoy`). The token is not English and reads back into a Russian
    word form that the dictionary confirms; the message names it and its lemma, and the
    glossary's English term when the lemma is one of its sources. Capitalized words count
    only at the start of a sentence, in an inflected form that no name takes. The (unsafe)
    fix puts in the glossary term, so only words whose lemma the glossary holds get one. The
    title of a work left in transliteration is reported too (`the novel "Pesni starogo
    goroda"`): English gives a title translated, and on WMT22 MT such a flag was judged right. A
    word that only its letters mark as romanized is left to TR005 when it spells a word of
    the unit's source that no Russian lexicon attests (`чикимики`): a coinage is kept as it
    sounds.

    Bad: He discussed the incident with Tillerson himatakoy in Idlib.
    Good: He discussed the chemical attack in Idlib with Tillerson.
    Bad: The bill passed the gosdume yesterday.
    Good: The bill passed the State Duma yesterday.
    """

    code = "TR001"
    name = "transliterated-word"
    summary = "a Russian word left in Latin letters instead of translated"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        language = self.language
        for start, end, word, initial in self.tokens(document):
            judged = judge_transliteration(document, start, word, initial, language)
            if judged is None:
                continue
            severity, finding = judged
            if finding is None:
                yield self.issue(
                    start, end, f"`{word}` reads as romanized {language.name}, not English", severity=severity
                )
                continue
            source = finding.cyrillic + (" + English -s" if finding.plural_s else "")
            if finding.coinage:
                source = f"{finding.cyrillic} + English -{finding.coinage}"
            detail = source if finding.lemma == finding.cyrillic else f"{source}, from {finding.lemma}"
            message = f"untranslated {language.name} word `{word}` ({detail})"
            term = self.glossary_term(finding)
            suggestions, fix = [], None
            if term:
                term = _match_case(word, term)
                message += f"; the glossary term is `{term}`"
                suggestions = [term]
                fix = Fix.unsafe(Edit.replace(start, end, term))
            yield self.issue(start, end, message, suggestions=suggestions, fix=fix, severity=severity)


@register
class NameCaseEnding(_Transliteration):
    """A name that kept the Russian case ending it had in the source sentence: `in
    Vsevolozhske` for `in Vsevolozhsk`, `with Snoudenom` beside `Snouden`. Reported when the
    Russian dictionary knows the form only in an oblique case, or when the token minus the
    ending recurs in the document or is an English name. A word followed by two capitalised
    English words (`Homsu Diamond Waist Bag`) is part of a brand's or product's name, spelt
    as its maker spells it, and is left alone. The fix puts the name in the nominative; it
    is not applied automatically.

    Bad: The plant in Vsevolozhske will stop work.
    Good: The plant in Vsevolozhsk will stop work.
    """

    code = "TR002"
    name = "name-case-ending"
    summary = "a name left with a Russian case ending"
    severity = Severity.WARNING
    fixable = True

    def check(self, document):
        words = None
        language = self.language
        for start, end, word, initial in self.tokens(document):
            if word.islower():
                continue
            finding = _reading(word, language)
            base, why = "", ""
            if finding is not None and finding.base and not finding.common:
                base, why = finding.base, f"{language.name} {finding.cyrillic}, from {finding.lemma}"
            elif finding is None or not finding.nominative:
                if words is None:
                    words = {m.group() for m in _TOKEN.finditer(document.text)}
                for ending in _LATIN_EVIDENCE_ENDINGS:
                    stem = word[: -len(ending)]
                    if word.endswith(ending) and len(stem) >= 4 and (stem in words or _english_name(stem)):
                        base, why = stem, f"`{stem}` is the name without the ending"
                        break
            if not base or self.in_source(document, start, word) or _in_product_name(document.text, end):
                continue
            term = self.glossary_term(finding) if finding else None
            base = term or base[:1].upper() + base[1:]
            yield self.issue(
                start,
                end,
                f"`{word}` keeps a {language.name} case ending; the name is `{base}` ({why})",
                suggestions=[base],
                fix=Fix.unsafe(Edit.replace(start, end, base)),
            )


#: Two capitalised words after a name: a title-case run such as a product's name.
_TITLE_CASE_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)[ \t]+([A-Z][a-z]+)")


def _in_product_name(text: str, end: int) -> bool:
    """Whether the word ending at `end` is followed by two capitalised English words (`Homsu
    Diamond Waist Bag`): a brand or product name, spelt as its maker spells it, and no
    place for a Russian case ending."""
    m = _TITLE_CASE_AFTER.match(text, end)
    return m is not None and all(_common_english(w.lower()) for w in m.groups())


#: Mean log-likelihood ratio of a word's letter 4-grams (romanized source over English) from
#: which its letters alone count as evidence: no lower-case word of the human reference
#: translation reaches it.
SOURCE_LETTERS = 1.0


def _source_letters(word: str, language) -> bool:
    """Whether `word`'s letters are far more typical of the language's romanized words than
    of English."""
    from mtfix.lexicon.likelihood import likelihood

    return len(word) >= 5 and likelihood(word, language) >= SOURCE_LETTERS


def _romanized_letters(word: str, language) -> bool:
    """Whether a word no lexicon confirms still reads as a romanized source word: by its
    letter groups (kh, zh, -ykh) when long enough, or by its letters overall."""
    return (len(word) >= 6 and language.romanizer().shape_features(word) >= 1) or _source_letters(word, language)


def _common_english(word: str) -> bool:
    from mtfix.lexicon.english import is_english, rank

    r = rank(word)
    return r < 40_000 if r is not None else is_english(word)


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _english_slip(word: str, language) -> bool:
    """Whether `word` is a common English word with one letter wrong inside it (`ecomomy`,
    `vechicle`), or two English words run together (`twentyyears`). Short words and words
    with Russian letter groups have too many English neighbours to judge, and the last two
    letters are left out of the edit: there a case ending differs from a loanword."""
    from mtfix.lexicon.english import frequent

    common = frequent(30_000).__contains__

    w = word.lower()
    if any(common(w[:i]) and common(w[i:]) for i in range(4, len(w) - 3)):
        return True
    if len(w) < 7 or language.romanizer().shape_features(w):
        return False
    inner = len(w) - 2
    for i in range(inner):
        if common(w[:i] + w[i + 1 :]):
            return True
        if i + 1 < inner and common(w[:i] + w[i + 1] + w[i] + w[i + 2 :]):
            return True
        for ch in _ALPHABET:
            if common(w[:i] + ch + w[i + 1 :]) or common(w[:i] + ch + w[i:]):
                return True
    return False


def _english_name(word: str) -> bool:
    from mtfix.lexicon.english import rank

    r = rank(word)
    return r is not None and r < 35_000


@register
class TransliteratedName(_Transliteration):
    """A capitalized word that is not English but reads as a romanized Russian name or word.
    English text really uses many such names (Lavrov, Sychev, Zabaykalsky), so this is only a
    prompt to check the spelling against the glossary or an agreed romanization.

    Bad: The deal was signed by Gosarkhiv.
    Good: The deal was signed by the Federal Archival Agency.
    """

    code = "TR003"
    name = "transliterated-name"
    summary = "a capitalized word that reads as romanized Russian"
    severity = Severity.INFO

    def check(self, document):
        language = self.language
        shape_features = language.romanizer().shape_features
        for start, end, word, initial in self.tokens(document):
            if word.islower():
                continue
            finding = _reading(word, language)
            if finding is not None and finding.base and not finding.common:
                continue  # TR002 reports it
            if (
                finding is not None
                and initial
                and finding.dictionary
                and not finding.name
                and not finding.nominative
                and len(word) >= 6
                and not self.used_as_name(document, word)
            ):
                continue  # TR001 reports it
            if finding is not None and finding.known:
                message = f"`{word}` reads as romanized {language.name} ({finding.cyrillic}); check the English spelling"
            elif shape_features(word):
                message = f"`{word}` reads as romanized {language.name}; check the English spelling"
            else:
                message = f"`{word}` is not an English word; check the spelling of the name"
            yield self.issue(start, end, message)


@register
class UnknownWord(_Transliteration):
    """A lower-case word that is neither English nor readable as a source word: usually a
    word the MT system coined from Russian word-building (`autodromes` for автодромы,
    `herdboy` for пастушок) or a misspelling. A headword of a full English dictionary
    (`levulose`) is not reported. Only a prompt to check the word.

    Bad: The herdboy of the village declined to comment.
    Good: The shepherd boy of the village declined to comment.
    """

    code = "TR004"
    name = "unknown-word"
    summary = "a lower-case word that is neither English nor romanized Russian"
    category = "spelling/misspelling"
    severity = Severity.INFO

    def check(self, document):
        language = self.language
        for start, end, word, _initial in self.tokens(document):
            if not word.islower() or len(word) < 5:
                continue
            finding = _reading(word, language)
            if finding is not None and not finding.coinage:
                continue  # TR001 reports it
            if finding is None and _romanized_letters(word, language):
                continue  # TR001 reports it as romanized Russian
            if _in_dictionary(word):
                continue
            yield self.issue(start, end, f"`{word}` is not an English word; check it")


_CYRILLIC = "\u0400-\u04ff"
#: A run of Cyrillic words, with the initials before a name (`А. С. Пушкин`): one phrase.
_CYRILLIC_RUN = re.compile(
    rf"(?<![\w])(?:[А-ЯЁЄІЇҐ][{_CYRILLIC}]?[{_CYRILLIC}]?\.[ \t]*(?=[А-ЯЁЄІЇҐ]))*"
    rf"[{_CYRILLIC}]+(?:[\s-]+[{_CYRILLIC}]+)*(?![\w])"
)
_ANY_CYRILLIC = re.compile(rf"[{_CYRILLIC}]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_TO_LATIN = dict(zip("аеорсхуАВЕКМНОРСТХУ", "aeopcxyABEKMHOPCTXY"))
_TO_CYRILLIC = {latin: cyrillic for cyrillic, latin in _TO_LATIN.items()}
#: A degree sign before a Cyrillic look-alike of the unit letter (°С for °C).
_DEGREE_UNIT = re.compile(r"°([СК])(?![\w])")


@register
class CyrillicWord(Rule):
    """Words in Cyrillic left in the English text, a run of them (a name with its initials
    too) reported once. The glossary's English term is suggested when the word is one of its
    sources. Cyrillic that English text keeps on purpose is left
    alone: a web address or domain (`премия.рф`), a hashtag or handle (`#поэт`), and a
    look-alike letter after a degree sign (`50°С`, which CY002 corrects).

    Bad: The talks took place in the Кремль on Tuesday.
    Good: The talks took place in the Kremlin on Tuesday.
    Good: The site of the prize is https://премия.рф/.
    """

    code = "CY001"
    name = "cyrillic-word"
    summary = "a word left in Cyrillic"
    category = "untranslated/cyrillic"
    severity = Severity.ERROR

    def check(self, document):
        if not _ANY_CYRILLIC.search(document.text):
            return
        text = document.text
        for m in document.finditer(_CYRILLIC_RUN):
            if _kept_cyrillic(text, m.start(), m.end()):
                continue
            phrase = m.group()
            suggestions = []
            if " " not in phrase and "-" not in phrase:
                glossary = self.context.glossary
                word = phrase.lower()
                lemma = glossary.lexicon.analyse(word).lemma
                entry = glossary.by_source_lemma(word) or glossary.by_source_lemma(lemma)
                if entry is not None:
                    suggestions = [entry.term]
            else:
                entry = self.context.glossary.by_source_phrase(phrase)
                if entry is not None:
                    suggestions = [entry.term]
            message = f"untranslated Cyrillic `{phrase}`"
            if suggestions:
                message += f"; the glossary term is `{suggestions[0]}`"
            yield self.issue(m.start(), m.end(), message, suggestions=suggestions)


_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S*$", re.IGNORECASE)


def _kept_cyrillic(text: str, start: int, end: int) -> bool:
    """Whether the Cyrillic at `start:end` is one English keeps: part of a web address or of a
    Cyrillic domain name (`сайт.рф`), a hashtag or handle, or a unit letter after a degree sign."""
    before = text[start - 1 : start]
    if before in ("#", "@", "°") or _ADDRESS.search(text, max(0, start - 200), start):
        return True
    label = before == "." and _ANY_CYRILLIC.match(text, start - 2, start - 1)
    return bool(label or text[end : end + 1] == "." and _ANY_CYRILLIC.match(text, end + 1, end + 2))


def _mixed_words(document) -> Iterator[tuple[int, int]]:
    """Spans of the words (letter runs) that hold both Cyrillic and Latin letters."""
    text = document.text
    for segment in document.segments:
        done = segment.start
        for m in _ANY_CYRILLIC.finditer(text, segment.start, segment.end):
            start = m.start()
            if start < done or not _LETTERS.match(text, start):
                continue  # already seen, or a Cyrillic sign that is not a letter
            while start > segment.start and _LETTERS.match(text, start - 1, start):
                start -= 1
            done = _LETTERS.match(text, start, segment.end).end()
            if _LATIN_LETTER.search(text, start, done):
                yield start, done


def _latinized(word: str) -> str | None:
    """A mostly Latin word with its Cyrillic look-alikes made Latin, when all of them have one."""
    cyrillic = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
    latin = sum(1 for ch in word if ch.isascii())
    if latin > cyrillic and all(ch.isascii() or ch in _TO_LATIN for ch in word):
        return "".join(_TO_LATIN.get(ch, ch) for ch in word)
    return None


def unmixed(text: str) -> str:
    """`text` with each mostly Latin word's Cyrillic look-alikes made Latin (`WНO`: `WHO`), as
    CY002's fix makes them: what the other rules compare, so that one letter is reported once."""
    if not _ANY_CYRILLIC.search(text):
        return text
    return _LETTERS.sub(lambda m: _latinized(m.group()) or m.group(), text)


@register
class MixedScript(Rule):
    """A word mixing Latin and Cyrillic letters, usually a Cyrillic look-alike (`о`, `а`,
    `е`, `р`, `с`, `х`, `у`) typed or left inside a Latin word. It looks right but breaks
    search, spell checking and sorting. When every letter of the minority script has a
    look-alike in the majority script, the fix replaces them. (The `е` of `Krеmlin` below is
    Cyrillic.)

    The same goes for a Cyrillic `С` in a temperature (`50°С`).

    Bad: The Krеmlin commented on the talks.
    Good: The Kremlin commented on the talks.
    """

    code = "CY002"
    name = "mixed-script"
    summary = "a word mixing Latin and Cyrillic letters"
    category = "untranslated/cyrillic"
    severity = Severity.ERROR
    fixable = True

    def check(self, document):
        for m in document.finditer(_DEGREE_UNIT):
            start = m.start() + 1
            yield self.issue(
                start,
                m.end(),
                f"`{m.group()}` has a Cyrillic `{m.group(1)}`; the unit is `°{_TO_LATIN[m.group(1)]}`",
                suggestions=[_TO_LATIN[m.group(1)]],
                fix=Fix.safe(Edit.replace(start, m.end(), _TO_LATIN[m.group(1)])),
            )
        for start, end in _mixed_words(document):
            word = document.text[start:end]
            cyrillic = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
            latin = sum(1 for ch in word if ch.isascii())
            fixed = _latinized(word)
            if fixed:
                script = "Cyrillic"
            elif cyrillic > latin and all(not ch.isascii() or ch in _TO_CYRILLIC for ch in word):
                fixed = "".join(_TO_CYRILLIC.get(ch, ch) for ch in word)
                script = "Latin"
            else:
                script = "Cyrillic and Latin"
            message = f"`{word}` mixes Latin and Cyrillic letters"
            if fixed:
                letters = "".join(sorted({a for a, b in zip(word, fixed) if a != b}))
                message += f" ({script} look-alike{'s' if len(letters) > 1 else ''} {letters})"
            yield self.issue(
                start,
                end,
                message,
                suggestions=[fixed] if fixed else [],
                fix=Fix.safe(Edit.replace(start, end, fixed)) if fixed else None,
            )
