"""A speaker's pronoun that disagrees with the speaker's gender (`"…," she said` of a man)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache, cached_property

from mtfix import scan
from mtfix.model import Edit, Fix, Severity, Span
from mtfix.registry import Rule, register
from mtfix.rules import speech
from mtfix.rules.grammar import alternation, words

DATA = "grammar-pronouns.yml"
PRONOUNS = {"he": "m", "she": "f", "him": "m", "his": "m", "her": "f", "himself": "m", "herself": "f",
            "hers": "f"}
#: The pronouns of the other gender that may stand for one (`her` is `his` or `him`).
SWAP = {"he": ("she",), "him": ("her",), "his": ("her",), "himself": ("herself",), "she": ("he",),
        "her": ("his", "him"), "herself": ("himself",), "hers": ("his",)}
TARGET_PRONOUN = re.compile(r"(?<![\w'’/(-])(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself|[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)(?![\w'’/)-])")
NAME_WORD = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*(?![\w'’])")
CLAUSE_END = re.compile(r"[,;:.!?…()\"“”«»—–]")
#: Source languages whose agreement is read (Ukrainian's dictionary tags gender too sparsely:
#: on wmt22-uk-en its reading flagged the human reference 5 times).
SOURCE_LANGUAGES = frozenset({"ru"})
#: `he or she`, `his/her`: both genders, said of anyone.
BOTH = re.compile(r"(?:he|she|his|her|him|hers)[ \t]*(?:or|/|and)[ \t]*(?:he|she|his|her|him|hers)\b", re.IGNORECASE)
#: The pronoun of the other gender, by the role the pronoun plays in the match.
OTHER = {
    "pronoun": {"he": "she", "she": "he"},
    "object": {"him": "her", "her": "him"},
    "possessive": {"his": "her", "her": "his"},
}
GENDER_WORD = {"m": "a man", "f": "a woman"}
#: How far back the speaker may be named, and how far back another referent may hide.
CHAIN = 4
CONTEXT = 6
#: Characters of one line looked at before a quotation (bounds the work on huge lines).
LOOKBACK = 3000
#: Capitalised words rarer than this (wordfreq zipf) may be someone's name.
RARE = 3.5

_NAME_PART = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov)\.|[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*"
    r"|(?:al|el|bin|ibn|von|van|de|da|di|le)-?[A-Z][\w'’]*)"
)
NAME = re.compile(rf"(?<![\w'’-]){_NAME_PART}(?:[ \t]+{_NAME_PART})*")
SENTENCE_END = re.compile(r"(?<=[.!?…])(?P<tail>[\"”»)]?)[ \t]+(?=[\"“«(*_]*[A-Z])|\n")
#: Abbreviations whose full stop does not end a sentence (`Mr. Kerry`, `U.S. Sen. Smith`).
ABBREVIATION = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Jr|Sr|No|Mt"
    r"|(?:[A-Z]\.)*[A-Z])\.$"
)
#: A subject noun phrase: titles and names, `of`/`the` between (`Secretary of State Rex Tillerson`).
SUBJECT = re.compile(
    rf"[\"“«(*_]*(?P<np>(?:(?:{_NAME_PART}|of|the|for)[ \t]+)*?"
    rf"{_NAME_PART}(?:[ \t]+{_NAME_PART})*)"
)
APPOSITION = re.compile(r",[^,.;:\"“”]{1,60},")
TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: Lines without closing punctuation are headings; a speaker is introduced anew after one.
HEADING_END = re.compile(r"[.!?…:;,\"”»)]\s*$")
#: Russian surnames whose ending shows the bearer's gender.
RUSSIAN_FEMALE = re.compile(r"[a-z](?:ova|eva|yova|skaya|tskaya|ina|aya)$")
RUSSIAN_MALE = re.compile(r"[a-z](?:ov|ev|yov|sky|skiy|skii|tsky|in)$")


@dataclass(frozen=True)
class Lexicon:
    attribution: re.Pattern[str]
    attribution_name: re.Pattern[str]
    opening: re.Pattern[str]
    sentence_pronoun: re.Pattern[str]
    speech: frozenset[str]
    finite: frozenset[str]
    female: frozenset[str]
    male: frozenset[str]
    honorifics: dict[str, str]
    openers: frozenset[str]
    not_given: frozenset[str]
    roles: frozenset[str]


@cache
def lexicon() -> Lexicon:
    verbs = alternation(speech.verbs())
    return Lexicon(
        attribution=re.compile(
            r"(?P<close>[\"”»])[ \t]*,?[ \t]*(?:[-–—][ \t]*)?"
            rf"(?P<pronoun>[Hh]e|[Ss]he)[ \t]+(?:{verbs})\b"
        ),
        opening=re.compile(
            r"(?:^|(?<=[.!?][ \t])|(?<=[.!?][\"”»][ \t]))"
            rf"(?:(?P<pronoun>He|She)[ \t]+(?:{verbs})\b"
            r"|According[ \t]+to[ \t]+(?P<object>him|her)(?=[ \t]*,)"
            r"|In[ \t]+(?P<possessive>his|her)[ \t]+(?:words|opinion|view)\b)",
            re.MULTILINE,
        ),
        attribution_name=re.compile(
            r"[\"”»][ \t]*,?[ \t]*(?:[-–—][ \t]*)?"
            rf"(?:(?P<before>{NAME.pattern})[ \t]+(?:{verbs})\b"
            rf"|(?:{verbs})[ \t]+(?P<after>{NAME.pattern}))"
        ),
        sentence_pronoun=re.compile(r"[\"“«(]?(?P<pronoun>[Hh]e|[Ss]he)\b[ \t]+[a-z]"),
        speech=speech.verbs(),
        finite=words(DATA, "finite"),
        female=words(DATA, "female"),
        male=words(DATA, "male"),
        honorifics={
            **{w: "f" for w in words(DATA, "honorifics_female")},
            **{w: "m" for w in words(DATA, "honorifics_male")},
        },
        openers=words(DATA, "openers"),
        not_given=words(DATA, "not_given_names"),
        roles=words(DATA, "roles"),
    )


@cache
def first_name(name: str) -> str:
    """What the first-name lexicon says of `name`: male, female, mostly_*, andy or unknown."""
    if not name[:1].isupper() or len(name) < 2 or name.lower() in lexicon().not_given:
        return "unknown"
    from mtfix.lexicon.names import gender

    return gender(name)


def _both_genders(text: str, m: re.Match[str]) -> bool:
    """Whether the pronoun at `m` is half of `he or she`, `his/her`."""
    start = max(0, m.start() - 10)
    return any(b.start() <= m.start() < b.end() for b in BOTH.finditer(text, start, m.end() + 10))


def _match(word: str, right: str) -> str:
    return right.capitalize() if word[:1].isupper() else right


def _offsets(text: str, mark: str) -> list[int]:
    """Every offset of `mark` in `text`, in order."""
    found, at = [], text.find(mark)
    while at >= 0:
        found.append(at)
        at = text.find(mark, at + 1)
    return found


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, position = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        if not m["tail"] and ABBREVIATION.search(text, max(start, m.start() - 8), m.start()):
            continue
        stop = m.end("tail") if m["tail"] is not None else m.start()
        if text[position:stop].strip():
            spans.append((position, stop))
        position = m.end()
    if text[position:end].strip():
        spans.append((position, end))
    return spans


@dataclass(frozen=True)
class Subject:
    """Who a sentence is about: a gender ('m', 'f', '' unknown) and whether it was named."""

    gender: str
    named: bool
    text: str
    #: Where the name and any apposition after it (`John Smith, a teacher,`) lie.
    start: int = 0
    end: int = 0


class Speakers:
    """Person names of one document with their gender: from the glossary's person entries,
    then from first names (`Rex Tillerson` makes a later `Tillerson` male)."""

    def __init__(self, glossary_people: dict[str, str], text: str) -> None:
        self.known = dict(glossary_people)
        honorifics = lexicon().honorifics
        for m in NAME.finditer(text):
            parts = m.group().split()
            for first, rest in zip(parts, parts[1:]):
                if first in self.known or rest in self.known:
                    continue
                gender = honorifics.get(first.lower().rstrip("."), "")
                if not gender:
                    gender = {"male": "m", "female": "f"}.get(first_name(first), "")
                    if gender:
                        self.known[f"{first} {rest}"] = gender
                if gender and rest.lower() not in lexicon().not_given:
                    self.known[rest] = gender

    @staticmethod
    def strip(name: str) -> str:
        """`name` without a sentence opener before it (`But Mr Chen` -> `Mr Chen`)."""
        parts = name.split()
        while len(parts) > 1 and parts[0].lower() in lexicon().openers:
            parts = parts[1:]
        return " ".join(parts)

    def gender(self, name: str) -> str:
        """'m' or 'f' for a name the document or the glossary identifies, else ''."""
        lex = lexicon()
        parts = self.strip(name).split()
        for part in parts:
            if part.lower().rstrip(".") in lex.honorifics:
                return lex.honorifics[part.lower().rstrip(".")]
        for size in range(len(parts), 0, -1):
            for i in range(len(parts) - size + 1):
                found = self.known.get(" ".join(parts[i : i + size]))
                if found:
                    return found
        if len(parts) >= 2:
            return {"male": "m", "female": "f"}.get(first_name(parts[-2]), "")
        return ""


def _cues(lex: Lexicon, speakers: Speakers, text: str, skip: int) -> set[str]:
    """Genders that some word of `text` points at (pronouns, person nouns, names)."""
    found = set()
    for m in TOKEN.finditer(text):
        if m.start() == skip:
            continue
        word = m.group()
        lower = word.lower().replace("’", "'")
        if lower in lex.female:
            found.add("f")
        if lower in lex.male:
            found.add("m")
        if word[:1].isupper():
            known = speakers.known.get(word)
            if known:
                found.add(known)
                continue
            kind = first_name(word)
            if kind in ("female", "mostly_female", "andy"):
                found.add("f")
            if kind in ("male", "mostly_male", "andy"):
                found.add("m")
            if RUSSIAN_FEMALE.search(word):
                found.add("f")
            elif RUSSIAN_MALE.search(word):
                found.add("m")
    return found


@register
class PronounGender(Rule):
    """Russian past-tense verbs show the speaker's gender (`сказал`, `сказала`), and MT often
    picks the English pronoun from the wrong cue. The speaker of `"…," she said` (and of
    `She added`, `According to her,`, `In her words`) is the subject of the sentence just
    before (followed back through `he`/`she` sentences to a name); a name's gender comes
    from the glossary's person entries or from the first name. Flagged only when that
    speaker is a named person of known gender and nothing nearby (a name, `his`/`her`,
    `wife`, `Mr`, `Ms`) could be of the pronoun's gender; the fix is only offered (unsafe)
    when someone of unknown gender (`the chancellor`, a rare name) is mentioned too.

    In a bilingual Russian file the source decides: a `he`, `his` or `him` (or `she`,
    `her`) is flagged when no one in the unit's source can be of that gender (its pronouns,
    names, person nouns, past-tense verbs and short adjectives show only the other one, as
    in `которая … свою`), or when it follows a name whose source clause shows the bearer's
    gender (`Дункан прихватила с собой` → `Duncan took with him`). Anyone of uncertain
    gender in the source (a name the dictionary lacks, a verb without a subject) keeps it
    silent.

    Bad: Tillerson expressed confidence. "Assad's regime is coming to an end," she said.
    Good: Tillerson expressed confidence. "Assad's regime is coming to an end," he said.
    """

    code = "GR002"
    name = "pronoun-gender"
    summary = "a speaker's pronoun of the other gender than the named speaker"
    category = "grammar/pronoun-gender"
    severity = Severity.WARNING
    fixable = True

    @cached_property
    def people(self) -> dict[str, str]:
        """Genders of the glossary's people, by full name and by surname."""
        people: dict[str, str] = {}
        for term, gender in self.context.glossary.people():
            people[term] = gender
            surname = term.split()[-1]
            people.setdefault(surname, gender)
            bare = re.sub(r"^(?:al|el|bin|ibn)-", "", surname)
            people.setdefault(bare, gender)
        return people

    def check(self, document):
        reported: set[int] = set()
        for issue in self._english(document):
            reported.add(issue.span.start)
            yield issue
        for issue in self._against_source(document):
            if issue.span.start not in reported:
                yield issue

    def _against_source(self, document):
        """Pronouns of a bilingual unit that no one in its source can be: `his` where the
        source speaks only of women (`которая … свою`). The source is read only for units
        whose target holds such a pronoun."""
        from mtfix.lexicon.agreement import referents
        from mtfix.rules.bilingual.common import CYRILLIC, units

        if self.context.pair.source.code not in SOURCE_LANGUAGES:
            return
        analyzer = None
        for unit, _target in units(document):
            if not CYRILLIC.search(unit.source):
                continue
            found = [
                m
                for span in unit.target
                for m in TARGET_PRONOUN.finditer(document.text, span.start, span.end)
                if not _both_genders(document.text, m)
            ]
            if not found:
                continue
            if analyzer is None:
                analyzer = self.context.pair.source.lexicon().analyzer
            who = referents(unit.source, analyzer)
            named = dict(self._named(document.text, unit, found, analyzer))
            for m in found:
                if m.start() in named:
                    yield named[m.start()]
                    continue
                word = m.group()
                gender = PRONOUNS[word.lower()]
                other = "f" if gender == "m" else "m"
                if gender in who.possible or not who.shown_by[other]:
                    continue
                right = [_match(word, w) for w in SWAP[word.lower()]]
                shown = ", ".join(f"`{w}`" for w in who.shown_by[other][:3])
                yield self.issue(
                    m.start(),
                    m.end(),
                    f"`{word}`: the source speaks of no {'man' if gender == 'm' else 'woman'} here, only of"
                    f" {GENDER_WORD[other]} ({shown}); write `{'` or `'.join(right)}`",
                    suggestions=right,
                )

    def _named(self, text: str, unit, found: list[re.Match[str]], analyzer):
        """(offset, issue) for each pronoun in the clause of a name whose source clause
        shows the bearer's gender (`Дункан прихватила с собой` → `Duncan took with him`)."""
        from mtfix.lexicon.agreement import people
        from mtfix.rules.romanized import skeleton

        persons = people(unit.source, analyzer)
        if not persons:
            return
        romanizer = self.context.pair.source.romanizer()
        for person in persons:
            wanted = skeleton(romanizer.romanize(person.name))
            if len(wanted) < 3:
                continue
            for span in unit.target:
                for name in NAME_WORD.finditer(text, span.start, span.end):
                    have = skeleton(name.group())
                    if not (have.startswith(wanted) or wanted.startswith(have)) or len(have) < 3:
                        continue
                    clause = CLAUSE_END.search(text, name.end(), span.end)
                    stop = clause.start() if clause else span.end
                    for m in found:
                        gender = PRONOUNS[m.group().lower()]
                        if not name.end() < m.start() < stop or gender in person.clause_possible:
                            continue
                        if NAME_WORD.search(text, name.end(), m.start()):
                            break  # someone else named between
                        word = m.group()
                        right = [_match(word, w) for w in SWAP[word.lower()]]
                        yield m.start(), self.issue(
                            m.start(),
                            m.end(),
                            f"`{word}` for {name.group()}, who is {GENDER_WORD[person.gender]} in the source"
                            f" (`{person.name}`); write `{'` or `'.join(right)}`",
                            suggestions=right,
                        )

    def _english(self, document):
        lex = lexicon()
        text, source = document.text, document.scan_text
        speakers = None
        quotes = _offsets(text, '"')
        for index, segment in enumerate(document.segments):
            regions = document.segments[: index + 1]
            for m in scan.finditer(lex.attribution, source, segment.start, segment.end):
                opening = self._opening_quote(document, quotes, m.start("close"), segment.start)
                if opening is None:
                    continue
                if speakers is None:
                    speakers = Speakers(self.people, text)
                issue = self._judge(lex, speakers, text, regions, opening, m)
                if issue is not None:
                    yield issue
            for m in scan.finditer(lex.opening, source, segment.start, segment.end):
                if speakers is None:
                    speakers = Speakers(self.people, text)
                issue = self._judge(lex, speakers, text, regions, m.start(), m)
                if issue is not None:
                    yield issue

    @staticmethod
    def _opening_quote(document, quotes: list[int], close: int, start: int) -> int | None:
        """Where the quotation closed at `close` opens, on the same line. `quotes` are the
        offsets of every straight double quote in the document."""
        text = document.text
        line = bisect.bisect_right(document.line_starts, close) - 1
        line_start = max(document.line_starts[line], start)
        mark = text[close]
        if mark == '"':
            first = bisect.bisect_left(quotes, line_start)
            last = bisect.bisect_left(quotes, close)
            if (last - first) % 2 == 0:
                return None
            return quotes[last - 1]
        found = text.rfind({"”": "“", "»": "«"}[mark], max(line_start, close - LOOKBACK), close)
        return None if found < 0 else found

    def _before(self, text: str, regions: list[Span], opening: int) -> list[tuple[int, int]]:
        """Sentences before the quotation, nearest last, back to a heading or CONTEXT.

        `regions` are the document's segments up to the current one; the quotation opens
        in the last of them at `opening`.
        """
        sentences: list[tuple[int, int]] = []
        for index in range(len(regions) - 1, -1, -1):
            start = regions[index].start
            end = opening if index == len(regions) - 1 else regions[index].end
            while end > start:
                bound = max(start, end - LOOKBACK)
                line_start = max(text.rfind("\n", bound, end) + 1, bound)
                chunk = text[line_start:end]
                if chunk.strip():
                    if end != opening and not HEADING_END.search(chunk):
                        return sentences[-CONTEXT:]  # a heading: no speaker is named across it
                    sentences[:0] = _split_sentences(text, line_start, end)
                if len(sentences) >= CONTEXT or line_start == end - LOOKBACK:
                    return sentences[-CONTEXT:]
                end = line_start - 1
        return sentences[-CONTEXT:]

    def _subject(
        self, lex: Lexicon, speakers: Speakers, text: str, span: tuple[int, int]
    ) -> Subject | None:
        """The person a sentence is about, or None when its subject is not a known person."""
        sentence = text[span[0] : span[1]]
        if sentence.lstrip()[:1] in "\"“«":
            quoted = lex.attribution.search(sentence)
            if quoted:
                pronoun = quoted["pronoun"].lower()
                return Subject(PRONOUNS[pronoun], False, pronoun)
            named = lex.attribution_name.search(sentence)
            if named:
                group = "before" if named["before"] else "after"
                end = named.end(group)
                if group == "after" and sentence.startswith(",", end):
                    end = len(sentence)  # said Cyrus Kamau, managing director of …
                name = named[group]
                start = span[0] + named.start(group)
                return Subject(speakers.gender(name), True, name, start, span[0] + end)
            return None
        starts = [len(sentence) - len(sentence.lstrip())]
        comma = sentence.find(", ")
        if 0 < comma < 60:
            starts.append(comma + 2)
        for position in starts:
            pronoun = lex.sentence_pronoun.match(sentence, position)
            if pronoun:
                word = pronoun["pronoun"].lower()
                return Subject(PRONOUNS[word], False, word)
            m = SUBJECT.match(sentence, position)
            if m is None:
                continue
            after = sentence[m.end() :].lstrip("*_")
            if after.startswith(","):
                after = APPOSITION.sub("", after, count=1)
            end = span[0] + len(sentence) - len(after)
            following = TOKEN.match(after.lstrip())
            if following is None:
                continue
            verb = following.group()
            finite = verb in lex.finite or verb in lex.speech
            if verb == "and" or not (finite or (verb.islower() and verb.endswith("ed"))):
                continue  # `After meeting her, Putin said`: the subject may follow the comma
            np = m["np"]
            return Subject(speakers.gender(np), True, np, span[0] + m.start("np"), end)
        return None

    def _judge(self, lex, speakers, text, regions, opening, m):
        """The issue for the pronoun in `m`, or None unless its speaker is clear."""
        role = m.lastgroup
        pronoun = m[role]
        wrong = PRONOUNS[pronoun.lower()]
        sentences = self._before(text, regions, opening)
        chain: list[Subject] = []
        for span in reversed(sentences[-CHAIN:]):
            subject = self._subject(lex, speakers, text, span)
            if subject is None:
                return None
            chain.append(subject)
            if subject.named:
                chain_start = span[0]
                break
        if not chain or not chain[-1].named or not chain[-1].gender:
            return None
        speaker = chain[-1].gender
        if speaker == wrong or any(s.gender != speaker for s in chain):
            return None
        line_end = text.find("\n", m.end(), m.end() + LOOKBACK)
        line_end = min(len(text), m.end() + LOOKBACK) if line_end < 0 else line_end
        tail = SENTENCE_END.search(text, m.end(), line_end)
        context_start = sentences[0][0] if sentences else opening
        context = text[context_start : tail.start() if tail else line_end]
        if wrong in _cues(lex, speakers, context, m.start(role) - context_start):
            return None
        right = OTHER[role][pronoun.lower()]
        if pronoun[:1].isupper():
            right = right.capitalize()
        edit = Edit.replace(m.start(role), m.end(role), right)
        named = chain[-1]
        between = text[chain_start : named.start] + " " + text[named.end : opening]
        others = self._unknown_people(speakers, between, named.text, speaker)
        name = speakers.strip(chain[-1].text)
        return self.issue(
            m.start(role),
            m.end(role),
            f"`{pronoun}` for {name}, who is {GENDER_WORD[speaker]}; write `{right}`"
            + (f" (unless it means {others[0]})" if others else ""),
            suggestions=[right],
            fix=Fix.unsafe(edit) if others else Fix.safe(edit),
        )

    def _unknown_people(
        self, speakers: Speakers, text: str, speaker: str, gender: str
    ) -> list[str]:
        """Rare capitalised words and person nouns (`the chancellor`) in `text`: someone else
        of unknown gender whom the pronoun may mean."""
        from mtfix.lexicon.english import zipf

        roles = lexicon().roles
        skip = set(speaker.split()) | self.glossary_words
        found = []
        for m in TOKEN.finditer(text):
            word = re.sub(r"['’]s$", "", m.group())
            if word in roles:
                found.append(f"the {word}")
                continue
            if not word[:1].isupper() or word in skip or speakers.known.get(word) == gender:
                continue
            if not text[: m.start()].strip() or text[: m.start()].rstrip()[-1] in ".!?\"“«":
                continue  # sentence-initial capital
            if first_name(word) in ("male", "female"):
                continue  # a given name of the speaker's gender (the other one is a cue)
            if zipf(word) < RARE:
                found.append(word)
        return found

    @cached_property
    def glossary_words(self) -> frozenset[str]:
        """Words of the glossary's terms and variants: known names, not unknown people."""
        return self.context.glossary.term_words()
