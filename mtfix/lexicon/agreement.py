"""Whom a Russian or Ukrainian sentence can mean by `he` and `she`: the genders its persons,
pronouns and agreeing words show.

Russian marks gender where English does not: past-tense verbs (`заявила`: a woman spoke),
short adjectives (`уверена`), the relative `которая`, personal pronouns, first names and
surnames. An English `he` or `she` in the translation must stand for someone the source can
mean; `referents` says which genders it can mean (anyone of uncertain gender makes both
possible) and which words show each. Read with pymorphy3, once per source sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: Personal pronouns of the third person singular, by gender (`его` and `ему` may also be
#: a neuter `it`, which only widens what the source may mean).
PRONOUNS = {
    **dict.fromkeys("он него нему ним нём нем его ему им".split(), "m"),
    **dict.fromkeys("она неё нее ней нею ею её ее ей".split(), "f"),
    **dict.fromkeys("він його йому ньому нього ним".split(), "m"),
    **dict.fromkeys("вона її їй неї нею ній".split(), "f"),
}
#: Pronouns of the first and second person: a past verb beside them is the speaker's own.
SPEAKER = frozenset("я ты мы вы я ти ми ви".split())
GENDERS = {"masc": "m", "femn": "f"}
NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
_CLAUSE = re.compile(r"[^,;:.!?…()\[\]«»\"“”—–]+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Referents:
    """The genders ('m', 'f') a sentence may mean by `he`/`she`, and for each gender the
    first words that show it (empty when only someone of uncertain gender allows it)."""

    possible: frozenset[str]
    shown_by: dict[str, tuple[str, ...]]


def _genders(tag) -> set[str]:
    if "ms-f" in tag.grammemes:
        return {"m", "f"}
    return {GENDERS[g] for g in GENDERS if g in tag.grammemes}


def _clause_cues(words: list[str], analyzer) -> tuple[set[str], dict[str, list[str]]]:
    """The genders one clause may mean by `he`/`she`, and the words that show each."""
    possible: set[str] = set()
    shown: dict[str, list[str]] = {"m": [], "f": []}
    lower = [w.lower() for w in words]
    speaker = any(w in SPEAKER for w in lower)
    subject = False
    finite_unspecified = False
    reflexive = False
    gendered_verbs: set[str] = set()
    for i, (word, low) in enumerate(zip(words, lower)):
        if low in PRONOUNS:
            possible.add(PRONOUNS[low])
            shown[PRONOUNS[low]].append(word)
            subject = True
            continue
        if _LATIN.search(word):
            if word[:1].isupper():
                possible |= {"m", "f"}  # a name in Latin letters: anyone
            continue
        parses = analyzer.parse(word)
        tag = parses[0].tag
        if parses[0].normal_form in ("свой", "себя", "себе", "сам", "свій", "себе"):
            reflexive = True
            if parses[0].normal_form == "сам" and "sing" in tag.grammemes:
                gendered_verbs |= _genders(tag)
                for g in _genders(tag):
                    shown[g].append(word)
            continue
        names = [p for p in parses if NAME_TAGS & p.tag.grammemes]
        place = "Geox" in tag.grammemes and i > 0 and analyzer.parse(words[i - 1])[0].tag.POS == "PREP"
        if word[:1].isupper() and i > 0 and not word.isupper() and not place:
            if names:
                found = set().union(*(_genders(p.tag) for p in names))
                if not found or any("Fixd" in p.tag.grammemes for p in names) or not parses[0].is_known:
                    found = {"m", "f"}
                possible |= found
                for g in found:
                    shown[g].append(word)
                subject = True
                continue
            if not parses[0].is_known:
                possible |= {"m", "f"}  # a foreign name the dictionary lacks
                subject = True
                continue
        if tag.POS == "NOUN" and "anim" in tag.grammemes:
            genders = _genders(tag)
            possible |= genders
            for g in genders:
                shown[g].append(word)
            subject = subject or "nomn" in tag.grammemes
        elif tag.POS == "NOUN" and "nomn" in tag.grammemes or tag.POS == "NPRO" and "nomn" in tag.grammemes:
            subject = True
        elif tag.POS == "ADJF" and "Apro" in tag.grammemes and parses[0].normal_form in ("который", "котрий"):
            if "sing" in tag.grammemes:
                gendered_verbs |= _genders(tag)
                for g in _genders(tag):
                    shown[g].append(word)
            subject = subject or "nomn" in tag.grammemes
        elif tag.POS == "VERB" and "sing" in tag.grammemes:
            if "past" in tag.grammemes and not speaker:
                gendered_verbs |= _genders(tag)
                for g in _genders(tag):
                    shown[g].append(word)
            elif "3per" in tag.grammemes:
                finite_unspecified = True
        elif tag.POS in ("ADJS", "PRTS") and "sing" in tag.grammemes and not speaker:
            gendered_verbs |= _genders(tag)
            for g in _genders(tag):
                shown[g].append(word)
    possible |= gendered_verbs
    if finite_unspecified and not subject:
        possible |= {"m", "f"}  # `считает, что …`: a subject left out, of either gender
    if reflexive and not gendered_verbs:
        possible |= {"m", "f"}  # `свою` of a subject whose gender the clause does not show
    return possible, shown


@lru_cache(maxsize=1 << 12)
def referents(sentence: str, analyzer) -> Referents:
    """Whom `sentence` (the source of one unit) can mean by `he` and `she`."""
    possible: set[str] = set()
    shown: dict[str, list[str]] = {"m": [], "f": []}
    for clause in _CLAUSE.findall(sentence):
        words = _WORD.findall(clause)
        if not words:
            continue
        found, words_shown = _clause_cues(words, analyzer)
        possible |= found
        for g in shown:
            shown[g] += words_shown[g]
    return Referents(frozenset(possible), {g: tuple(dict.fromkeys(w)) for g, w in shown.items()})


@dataclass(frozen=True)
class Person:
    """A name of the source whose clause shows the bearer's gender (`Дункан прихватила`), and
    the genders the rest of that clause may mean by a pronoun."""

    name: str
    gender: str
    clause_possible: frozenset[str]


def _verb_genders(words: list[str], analyzer) -> set[str]:
    """Genders of the past-tense verbs and short adjectives of a clause in the third person."""
    if any(w.lower() in SPEAKER for w in words):
        return set()
    found: set[str] = set()
    for word in words:
        tag = analyzer.parse(word)[0].tag
        if "sing" in tag.grammemes and (tag.POS == "VERB" and "past" in tag.grammemes or tag.POS in ("ADJS", "PRTS")):
            found |= _genders(tag)
    return found


def _subject_name(word: str, before: str, analyzer) -> bool:
    """Whether `word` may be a person's name standing as a subject (not `в Лион`)."""
    if not word[:1].isupper() or word.isupper() or _LATIN.search(word):
        return False
    if analyzer.parse(before)[0].tag.POS == "PREP":
        return False
    parses = analyzer.parse(word)
    return not parses[0].is_known or any(NAME_TAGS & p.tag.grammemes for p in parses)


@lru_cache(maxsize=1 << 12)
def people(sentence: str, analyzer) -> tuple[Person, ...]:
    """The one capitalised name of each clause whose verbs all agree in one gender."""
    found = []
    for clause in _CLAUSE.findall(sentence):
        words = _WORD.findall(clause)
        names = [i for i, w in enumerate(words) if i > 0 and _subject_name(w, words[i - 1], analyzer)]
        if len(names) != 1:
            continue
        genders = _verb_genders(words, analyzer)
        if len(genders) != 1:
            continue
        at = names[0]
        title = at > 0 and "anim" in analyzer.parse(words[at - 1])[0].tag.grammemes
        rest = words[: at - 1 if title else at] + words[at + 1 :]  # `врач Мельникова`: one person
        possible, _shown = _clause_cues(rest, analyzer)
        gender = next(iter(genders))
        found.append(Person(words[names[0]], gender, frozenset(possible | genders)))
    return tuple(found)
