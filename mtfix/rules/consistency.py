"""One term written two ways in one document: `cybersecurity` and `cyber security`."""

from __future__ import annotations

import bisect
import operator
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from mtfix import bigtext, datafiles
from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register
from mtfix.rules.passages import passages

WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_BLANKS = re.compile(r"[ \t\u00a0]+")
#: First words that make a different word with what follows (`every day`, `any one`, `some time`,
#: `may be`, `all ready`, `over all`, `with out`); an open form starting with one is left alone.
OPEN_FIRST = datafiles.words("english-open-first.txt")
#: Second words that make a phrasal verb or a different word (`set up`, `break through`).
OPEN_SECOND = datafiles.words("english-open-second.txt")
#: Closed words whose hyphenated twin means something else: `re-sign` (sign again) is not
#: `resign`, a `co-op` is not a `coop`.
HOMOGRAPHS = datafiles.words("english-homographs.txt")
#: Closed forms preferred on a tie, then hyphenated, then open.
_RANK = {"closed": 0, "hyphen": 1, "open": 2}


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    text: str
    form: str  # closed | hyphen | open


def _sentence_start(text: str, start: int) -> bool:
    """Whether only quotes, brackets and blanks stand between `start` and the text's start
    or the end of the previous sentence."""
    i = start
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    return i == 0 or text[i - 1] in ".!?\r\n:"


_OPENERS = " \t\u00a0\"'“«("
_LETTER = re.compile(r"[^\W\d_]")


def _starts_word(text: str, i: int, lo: int) -> bool:
    """Whether `WORD.finditer` over a segment starting at `lo` has a match starting at `i`
    (given a letter there): not after a letter, nor after a hyphen that follows one."""
    if i > lo and _LETTER.match(text, i - 1):
        return False
    return not (i - 1 > lo and text[i - 1] == "-" and _LETTER.match(text, i - 2))


def _lowered(text: str) -> str | None:
    """`text` in lower case, when every character keeps its offset (no `İ`, no final sigma);
    otherwise None and the word-by-word scans are used."""
    lowered = bigtext.lower(text)
    return lowered if len(lowered) == len(text) and "Σ" not in text else None


def compound_variants(text: str, spans) -> dict[str, list[Occurrence]]:
    """Occurrences of each word written closed and also hyphenated or open, keyed by the
    closed form, in text order.

    Each shape is spelled out in `_scan_compounds`, which reads every word. That is the
    reference; here only the few words that can have two shapes are read: words that occur
    both closed and hyphenated, or closed and as two adjacent words.
    """
    spans = list(spans)
    lowered = _lowered(text)
    if lowered is None:
        found = _scan_compounds(text, spans)
    else:
        found = {}
        for key, forms in _compound_candidates(lowered, spans).items():
            items = _compound_occurrences(text, lowered, spans, key, forms)
            if items:
                found[key] = items
    return written_two_ways(found)


def written_two_ways(found: dict) -> dict:
    """The compounds of `found` written in more than one shape, one of them closed (words of
    five letters or more that are not homographs)."""
    return {key: items for key, items in found.items() if _two_ways(key, {o.form for o in items})}


def _two_ways(key: str, forms: set[str]) -> bool:
    return len(forms) > 1 and "closed" in forms and len(key) >= 5 and key not in HOMOGRAPHS


def _open_splits(key: str) -> list[tuple[str, str]]:
    """The ways `key` may be written as two words that `_scan_compounds` would compare."""
    return [
        (key[:i], key[i:])
        for i in range(3, len(key) - 2)
        if key[:i] not in OPEN_FIRST and key[i:] not in OPEN_SECOND
    ]


def _compound_candidates(lowered: str, spans) -> dict[str, tuple[list[str], list]]:
    """Closed words that also occur hyphenated or as two adjacent words, with the shapes
    to look for: a superset of the words written two ways, found from the word list alone."""
    word = _words_of(lowered)
    segments = [word.findall(lowered, span.start, span.end) for span in spans]
    vocabulary = set(segments[0]) if len(segments) == 1 else set().union(*segments)
    joined: set[str] = set()
    for tokens in segments:
        joined.update(vocabulary.intersection(map(operator.add, tokens, tokens[1:])))
    hyphenated: dict[str, list[str]] = defaultdict(list)
    for token in vocabulary:
        if "-" in token and token.count("-") == 1:
            hyphenated[token.replace("-", "")].append(token)
    candidates = {}
    for key in vocabulary.intersection(hyphenated).union(joined):
        if len(key) < 5 or key in HOMOGRAPHS or "-" in key:
            continue
        splits = _open_splits(key)
        if key in joined and any(f in vocabulary and s in vocabulary for f, s in splits):
            candidates[key] = (sorted(hyphenated.get(key, ())), splits)
        elif key in hyphenated:
            candidates[key] = (sorted(hyphenated[key]), [])
    return candidates


def _words_of(text: str) -> re.Pattern[str]:
    """`WORD` for this text, with its letter class spelt out as the letters the text holds:
    the same matches, found about twice as fast as with a Unicode category."""
    letters = "".join(sorted(ch for ch in bigtext.non_ascii(text) if _LETTER.match(ch)))
    return _word_pattern(letters)


@lru_cache(maxsize=32)
def _word_pattern(letters: str) -> re.Pattern[str]:
    letter = f"[A-Za-z{re.escape(letters)}]" if letters else "[A-Za-z]"
    return re.compile(f"{letter}+(?:-{letter}+)*")


def _compound_occurrences(text, lowered, spans, key, forms) -> list[Occurrence]:
    """Every occurrence of `key` closed, hyphenated or open, exactly as `_scan_compounds`
    records it, in the order it would record them."""
    hyphens, splits = forms
    cut = min([len(key), *(h.index("-") for h in hyphens), *(len(f) for f, _ in splits)])
    tails = [re.escape(key[cut:])] + [re.escape(h[cut:]) for h in hyphens]
    tails += [re.escape(f[cut:]) + _BLANKS.pattern + re.escape(s) for f, s in splits]
    prefix = key[:cut]
    rest = re.compile("|".join(tails))
    found: list[tuple[int, Occurrence]] = []
    for span in spans:
        lo, hi = span.start, span.end
        for start in _hits(lowered, prefix, rest, lo, hi):
            if not _starts_word(text, start, lo):
                continue
            first = WORD.match(text, start, hi)
            word = first[0] if first else ""
            if not word[1:].replace("-", "").islower():
                continue
            if "-" in word:
                if word.count("-") == 1 and word.replace("-", "").lower() == key:
                    found.append((start, Occurrence(start, first.end(), word, "hyphen")))
                continue
            if word.lower() == key:
                found.append((start, Occurrence(start, first.end(), word, "closed")))
                continue
            gap = _BLANKS.match(text, first.end(), hi)
            second = gap and WORD.match(text, gap.end(), hi)
            if not second:
                continue
            other = second[0]
            if (
                "-" not in other
                and other[1:].islower()
                and other[:1].islower()
                and len(word) >= 3
                and len(other) >= 3
                and word.lower() not in OPEN_FIRST
                and other.lower() not in OPEN_SECOND
                and word.lower() + other.lower() == key
            ):
                end = second.end()
                found.append((second.start(), Occurrence(start, end, text[start:end], "open")))
    found.sort(key=lambda item: item[0])
    return [occurrence for _, occurrence in found]


def _hits(lowered: str, prefix: str, rest: re.Pattern[str], lo: int, hi: int):
    """Offsets in [lo, hi) where `prefix` followed by a match of `rest` starts."""
    at = lowered.find(prefix, lo, hi)
    while at >= 0:
        if rest.match(lowered, at + len(prefix), hi):
            yield at
        at = lowered.find(prefix, at + 1, hi)


def _scan_compounds(text: str, spans) -> dict[str, list[Occurrence]]:
    """Occurrences of every word written two ways (`written_two_ways`), closed, hyphenated
    and open, keyed by the closed form: the word-by-word reference for `compound_variants`,
    and its way on text whose lower case moves offsets. The first pass notes the shapes of
    each word, the second keeps the occurrences of those written two ways, so memory follows
    the vocabulary, not the length of the text."""
    forms: dict[str, set[str]] = defaultdict(set)
    for key, _, _, form in _compound_words(text, spans):
        forms[key].add(form)
    found: dict[str, list[Occurrence]] = defaultdict(list)
    for key, start, end, form in _compound_words(text, spans):
        if _two_ways(key, forms[key]):
            found[key].append(Occurrence(start, end, text[start:end], form))
    return found


def _compound_words(text: str, spans):
    """(closed form, start, end, shape) of every word and open pair, in text order."""
    for span in spans:
        previous = None
        for m in WORD.finditer(text, span.start, span.end):
            word = m[0]
            if not word[1:].replace("-", "").islower():
                # CamelCase (`HealthCare`) and capitals after a hyphen (`South-East`) belong to
                # names and brands; so does an open pair whose second word is capitalised.
                previous = None
                continue
            if "-" in word:
                if word.count("-") == 1:
                    yield word.replace("-", "").lower(), m.start(), m.end(), "hyphen"
            else:
                yield word.lower(), m.start(), m.end(), "closed"
                if previous is not None and "-" not in previous[0]:
                    gap = text[previous.end() : m.start()]
                    first, second = previous[0].lower(), word.lower()
                    if (
                        _BLANKS.fullmatch(gap)
                        and word[:1].islower()
                        and len(first) >= 3
                        and len(second) >= 3
                        and first not in OPEN_FIRST
                        and second not in OPEN_SECOND
                    ):
                        yield first + second, previous.start(), m.end(), "open"
            previous = m


@register
class TermVariant(Rule):
    """One term written two ways in the same document: closed, hyphenated or as two words
    (`cybersecurity`, `cyber-security`, `cyber security`), or a name whose second word is
    capitalised in one place and not in another (`Korean Peninsula`, `Korean peninsula`).
    The minority form is flagged with the majority form as the fix; on a tie the closed
    form, and for case the capitalised one, is preferred. The fix is safe when the majority
    is clear (more occurrences than all other forms together) and the forms differ only in
    spaces or hyphens. Phrasal verbs and word pairs that English keeps apart on purpose
    (`set up`/`setup`, `every day`/`everyday`) are not compared.

    Bad: Ukraine, Korea and cybersecurity … the issues of cyber security.
    Good: Ukraine, Korea and cybersecurity … the issues of cybersecurity.
    """

    code = "CN001"
    name = "term-variant"
    summary = "a term spelt two ways in one document (closed, hyphenated, open, or case)"
    category = "consistency/term-variant"
    severity = Severity.INFO
    fixable = True

    def check(self, document):
        text = document.text
        yield from self._compounds(document, text)
        yield from self._case_variants(document, text)

    def _compounds(self, document, text):
        for everywhere in compound_variants(text, document.segments).values():
            for items in passages(everywhere, operator.attrgetter("start")):
                yield from self._compound(items)

    def _compound(self, items):
        counts = Counter(o.form for o in items)
        # A hyphenated and an open form without a closed one is usually attributive
        # hyphenation (`long-term plan`, `in the long term`), not an inconsistency.
        if "closed" not in counts or len(counts) < 2:
            return
        target = min(counts, key=lambda f: (-counts[f], _RANK[f]))
        clear = counts[target] > len(items) - counts[target]
        spelling = next(o.text for o in items if o.form == target)
        for o in items:
            if o.form == target:
                continue
            fixed = _match_case(o.text, spelling)
            n = counts[target]
            message = (
                f"`{o.text}` is written `{spelling}` {n} time{'s' if n > 1 else ''}"
                " elsewhere in this document"
            )
            make = Fix.safe if clear else Fix.unsafe
            yield self.issue(
                o.start,
                o.end,
                message,
                suggestions=[fixed],
                fix=make(Edit.replace(o.start, o.end, fixed)),
            )

    def _case_variants(self, document, text):
        for (_, second), everywhere in _case_pairs(text, document.segments).items():
            if len(second) < 3:
                continue
            for items in passages(everywhere, operator.itemgetter(0)):
                yield from self._case_variant(items)

    def _case_variant(self, items):
        forms = Counter(item[2] for item in items)
        if len(forms) < 2:
            return
        target = min(forms, key=lambda f: (-forms[f], f.split()[1][0].islower()))
        for start, end, form in items:
            if form == target:
                continue
            n = forms[target]
            # Lower-casing takes a name apart (`Lakewood Church`): offered, never applied.
            fix = Fix.unsafe(Edit.replace(start, end, target)) if target.split()[1][0].isupper() else None
            yield self.issue(
                start,
                end,
                f"`{form}` is written `{target}` {n} time{'s' if n > 1 else ''}"
                " elsewhere in this document",
                suggestions=[target],
                fix=fix,
                severity=Severity.INFO,
            )


@lru_cache(maxsize=32)
def _capitalised_pair(upper: str, lower: str, other: str) -> re.Pattern[str]:
    """A capitalised word (`Korean`) and the word after it, past blanks, for `_case_pairs`,
    with the letter classes spelt out as the letters of the text: `upper` and `lower` are
    its upper- and lower-case letters other than ASCII, `other` the rest of them. A word
    right after a line break or a full stop and a space begins a sentence and is left out.
    """
    letter = f"[A-Za-z{upper}{lower}{other}]"
    return re.compile(
        rf"([A-Z{upper}](?<!{letter}.)(?<!{letter}-.)(?<![.!?:] .)(?<!\n.)"
        rf"(?=[a-z{lower}]){letter}*(?:-{letter}+)*)"
        rf"(?=[ \t\u00a0]+({letter}+(?:-{letter}+)*))"
    )


def _capitalised_pairs(text: str) -> re.Pattern[str]:
    letters = {ch for ch in bigtext.non_ascii(text) if _LETTER.match(ch)}
    upper = "".join(sorted(ch for ch in letters if ch.isupper()))
    lower = "".join(sorted(ch for ch in letters if ch.islower()))
    other = "".join(sorted(letters - set(upper) - set(lower)))
    return _capitalised_pair(upper, lower, other)


_NEXT_LETTER = re.compile(r"[ \t\u00a0]+([^\W\d_])")


def _case_pairs(text: str, spans) -> dict[tuple[str, str], list[tuple[int, int, str]]]:
    """Capitalised word pairs (`Korean Peninsula`, `Korean peninsula`) keyed by the first
    word and the second in lower case, with the span and the spelling of each occurrence.

    Only pairs whose second word occurs in two spellings after the same capitalised word
    are read in full; the rest are skipped after one pass over the capitalised words."""
    spellings: dict[tuple[str, str], set[str]] = defaultdict(set)
    pairs_of = _capitalised_pairs(text)
    for span in spans:
        whole = span.start == 0 and span.end == len(text)
        chunk = text if whole else text[span.start : span.end]
        for a, b in set(pairs_of.findall(chunk)):
            lower = b.lower()
            if not (a[:1].isupper() and a[1:2].islower()) or len(lower) < 3:
                continue
            if b[:1].isupper() and not b[1:].islower():
                continue
            spellings[(a, lower)].add(b)
    pairs: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
    headlines = _Headlines(text)
    for (a, lower), seconds in spellings.items():
        if len(seconds) < 2:
            continue
        alternatives = "|".join(map(re.escape, sorted(seconds)))
        pattern = re.compile(re.escape(a) + _BLANKS.pattern + "(?:" + alternatives + ")")
        items = []
        for span in spans:
            m = pattern.search(text, span.start, span.end)
            while m is not None:
                start = m.start()
                m = pattern.search(text, start + 1, span.end)
                if _starts_word(text, start, span.start):
                    item = _case_pair(text, start, span.end, a, lower, headlines)
                    if item is not None:
                        items.append(item)
        if items:
            pairs[(a, lower)] = items
    return dict(sorted(pairs.items(), key=lambda pair: pair[1][0][0]))


def _case_pair(text: str, start: int, end: int, a: str, lower: str, headlines: _Headlines):
    """The pair starting at `start` as (start, end, spelling), unless it opens a sentence or
    a title-case line, is a title before a name, or ends a longer name."""
    first = WORD.match(text, start, end)
    gap = first and first[0] == a and _BLANKS.match(text, first.end(), end)
    second = gap and WORD.match(text, gap.end(), end)
    if not second or second[0].lower() != lower:
        return None
    b = second[0]
    if not (a[:1].isupper() and a[1:2].islower()) or not b[:1].isalpha():
        return None
    if _sentence_start(text, first.start()) or _sentence_start(text, second.start()):
        return None
    if headlines.at(first.start()):
        return None
    if b[:1].isupper() and not b[1:].islower():
        return None
    after = _NEXT_LETTER.match(text, second.end(), end)
    if b[:1].isupper() and after is not None and after[1].isupper():
        return None
    if b[:1].isupper() and _ends_name(text, start):
        return None  # `Museum of Egyptian Civilization` names a museum, not a civilization
    return first.start(), second.end(), f"{a} {b}"


#: A capitalised word, perhaps with `of`, `for`, `the` or `and` after it, right before a
#: pair: the pair is the tail of a longer name.
_LONGER_NAME = re.compile(r"(?<![\w'’.-])([A-Z][\w'’.-]*)[ \t]+(?:(?:of|for|the|and|de)[ \t]+)*\Z")
#: Capitalised words that open sentences rather than names.
_OPENING_WORDS = datafiles.words("english-opening-words.txt")


def _ends_name(text: str, start: int) -> bool:
    m = _LONGER_NAME.search(text, max(0, start - 60), start)
    return m is not None and m[1] not in _OPENING_WORDS


class _Headlines:
    """Which lines of a text are headlines in title case (`Ask Questions About The Reform`),
    where capitals say nothing about how the running text spells a name. Each line is read
    once, the first time a pair on it asks, and found by its start, not by a search back
    through a long line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._verdicts: dict[int, bool] = {}

    def at(self, offset: int) -> bool:
        """Whether the line holding `offset` is a title-case headline."""
        text = self.text
        if self._starts is None:
            self._starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        start = self._starts[bisect.bisect_right(self._starts, offset) - 1]
        if start not in self._verdicts:
            end = text.find("\n", offset)
            words = [w for w in WORD.findall(text, start, end if end >= 0 else len(text)) if len(w) > 3]
            self._verdicts[start] = len(words) >= 2 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)
        return self._verdicts[start]


_LINE_BREAK = re.compile("\n")


def _match_case(matched: str, spelling: str) -> str:
    if matched[:1].isupper() and spelling[:1].islower():
        return spelling[:1].upper() + spelling[1:]
    if matched[:1].islower() and spelling[:1].isupper() and spelling[1:2].islower():
        return spelling[:1].lower() + spelling[1:]
    return spelling
