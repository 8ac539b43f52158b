"""Regex scans that try a pattern only where a match can start.

Most rule patterns hold literal text that every match contains (`\\btold about\\b`, `mln`,
`[Cc]an not`). `finditer` looks for that literal with `str.find` (in the lower-cased text
when case does not matter) and tries the pattern only at the offsets from which a match
could reach it; when the literal is absent there is nothing to try at all. Distances are
worked out with a run of blanks (`[ \\t]+`) taken for one character, and widened by how
much longer the text's runs of blanks are. A pattern without such a literal, or whose
literal is too frequent, is found through its first character when that is uncommon (a
digit, a capital, a quote: `[first](?<=(?=pattern)[first])` runs at the speed of a
character class), and is otherwise scanned as usual.

The matches are those of `pattern.finditer`, in the same order: trying the candidate starts
in turn from the end of the previous match finds the leftmost next match, as a scan does.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from mtfix import bigtext

try:  # Python 3.11 keeps the regex parser private; 3.10 still exports it.
    from re import _parser as parser
except ImportError:  # pragma: no cover
    import sre_parse as parser  # type: ignore[no-redef]

#: Width bound beyond which a repeat counts as unbounded.
_UNBOUNDED = 1 << 30
#: Characters that `re.IGNORECASE` equates with ASCII letters (`ſ` and `s`, the Kelvin sign
#: and `k`, dotted and dotless `i`) though their lower case differs: a text holding one has
#: no usable lower-case copy.
_FOLDS = "\u017f\u212a\u0130\u0131"
#: Characters other than ASCII allowed in a lower-case literal: they have no case, and
#: `re.IGNORECASE` equates nothing else with them.
_CASELESS = frozenset("«»“”„‘’—–…№\u00a0")
#: Candidate starts are tried one by one only while fewer than one per this many characters.
_SPARSE = 16
#: Characters from which a text is read through pattern plans rather than scanned as usual.
LONG_TEXT = 20_000
#: A set of more literals than this costs more to look for than a scan.
_MOST = 12
#: A literal runs on through an alternation only while it makes at most this many.
_FORKS = 4


class Literal(NamedTuple):
    """Text that a match starting at s holds at s + offset, for an offset in [low, high]
    (high None: anywhere from low on). `exact` text is looked for as it is; otherwise in
    lower case in the lower-cased text."""

    text: str
    low: int
    high: int | None
    exact: bool


class Plan(NamedTuple):
    """What `finditer` looks for: `rare`, a few sets of literals one of which every match
    holds (a set absent: no match); `anchors`, such literals at a bounded distance from
    the match start (when `stretchy`, the distances take each run of blanks for one
    character); `first`, a pattern matching one character exactly where the pattern
    matches, for patterns whose matches start with a character that is not common."""

    rare: tuple[tuple[Literal, ...], ...]
    anchors: tuple[Literal, ...]
    stretchy: bool
    first: str | None
    #: `rare` and `anchors` for a text whose blanks are single spaces, where `[ \t]+` is a
    #: space like any other character of a literal.
    spaced: tuple[tuple[tuple[Literal, ...], ...], tuple[Literal, ...]] | None = None


class Text:
    """A text and what scans of it need, each worked out once: its lower case and how much
    runs of several blanks can stretch a match."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lowered: str | None | bool = False
        self._stretch: int | None = None
        #: Whether the text is long enough for reading patterns (about a millisecond each,
        #: once per process) to pay; a shorter one is scanned as usual.
        self.long = len(text) >= LONG_TEXT

    @property
    def lowered(self) -> str | None:
        if self._lowered is False:
            self._lowered = lowered(self.text)
        return self._lowered  # type: ignore[return-value]

    @property
    def single_blanks(self) -> bool:
        """Whether every run of blanks is one space (no tabs, no no-break spaces)."""
        text = self.text
        return self.stretch == 0 and "\t" not in text and "\u00a0" not in text

    @property
    def stretch(self) -> int:
        """How many characters longer than one the blank runs are, all told: plans take a
        run of blanks for one character, so a match may reach this much further."""
        if self._stretch is None:
            text = self.text
            if "  " not in text and "\t" not in text and "\u00a0" not in text:
                self._stretch = 0  # the usual case, found without stopping at every space
            else:
                self._stretch = sum(len(run) - 1 for run in _BLANK_RUN.findall(text))
        return self._stretch


_BLANKS = frozenset(" \t\u00a0")
_BLANK_RUN = re.compile("[ \t\u00a0]{2,}")


def lowered(text: str) -> str | None:
    """`text` lower-cased with every character at its offset, or None when lower case would
    move offsets (`İ`) or hide a match from `re.IGNORECASE` (`ſ` for `s`)."""
    if text.isascii():
        return text.lower()
    if any(ch in text for ch in _FOLDS):
        return None
    low = bigtext.lower(text)
    return low if len(low) == len(text) else None


def finditer(
    pattern: re.Pattern[str], source: Text, start: int, end: int
) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(source.text, start, end)`."""
    text = source.text
    if not source.long:
        yield from pattern.finditer(text, start, end)
        return
    plan = _plan(pattern)
    starts = None if plan is None else _starts(plan, source, start, end)
    if starts:
        first = first_chars(pattern)
        if first is not None:  # a cheap test before each try
            starts = [at for at in starts if text[at] in first]
    if starts is None and plan is not None and plan.first is not None:
        first = _compiled(plan.first)
        if first is not None:
            starts = map(_START, first.finditer(text, start, end))
    if starts is None:
        yield from pattern.finditer(text, start, end)
        return
    position = start
    match = pattern.match
    for candidate in starts:
        if candidate >= position:
            m = match(text, candidate, end)
            if m is not None:
                yield m
                position = m.end()


def literal_positions(pattern: re.Pattern[str], source: Text, start: int, end: int):
    """Sorted offsets in [start, end) of the literals one of which every match of `pattern`
    holds (a match within that range covers one of them), or None if it has none (or the
    text is too short to be worth reading the pattern)."""
    if not source.long:
        return None
    plan = _plan(pattern)
    if plan is None or not plan.rare:
        return None
    found: list[int] = []
    for lit in plan.rare[0]:
        where = _where(lit, source)
        if where is None:
            return None
        found += _occurrences(lit.text, where, start, end)
    return sorted(set(found))


_START = re.Match.start


def holding(pattern: re.Pattern[str], source: Text, spans: list) -> list:
    """The spans (with .start and .end, in order) in which `finditer` may find a match:
    those that hold a literal of each set every match needs; all of them when the pattern
    has no such set."""
    if not source.long:
        return spans
    plan = _plan(pattern)
    if plan is None:
        return spans
    rare = plan.spaced[0] if plan.spaced is not None and source.single_blanks else plan.rare
    starts = [span.start for span in spans]
    if any(a.end > b.start for a, b in zip(spans, spans[1:])):
        return spans  # overlapping or out of order: no shortcut
    kept = list(range(len(spans)))
    for literals in rare:
        places = [_where(lit, source) for lit in literals]
        if None in places:
            return spans
        found: set[int] = set()
        for lit, where in zip(literals, places):
            found |= _spans_with(lit.text, where, spans, starts, kept)
        kept = sorted(found)
        if not kept:
            return []
    return [spans[i] for i in kept]


def _spans_with(literal: str, text: str, spans: list, starts: list[int], among: list[int]) -> set[int]:
    """Which of the spans numbered `among` hold `literal` whole: by following its occurrences
    when they are fewer than the spans, else by looking in each span."""
    low, high = spans[among[0]].start, spans[among[-1]].end
    if text.count(literal, low, high) > len(among):
        return {i for i in among if text.find(literal, spans[i].start, spans[i].end) >= 0}
    found, size = set(), len(literal)
    at = text.find(literal, low, high)
    while at >= 0:
        i = bisect_right(starts, at) - 1
        if i >= 0 and at + size <= spans[i].end:
            found.add(i)
        at = text.find(literal, at + 1, high)
    return found & set(among)


@lru_cache(maxsize=2048)
def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of `pattern` can start with, when they can be listed."""
    first = _analysis(pattern)[1]
    if first is None or any(ch in first for ch in _CLASSES.values()):
        return None
    return frozenset(first)


def _where(lit: Literal, source: Text) -> str | None:
    return source.text if lit.exact else source.lowered


def _starts(plan: Plan, source: Text, start: int, end: int):
    """Sorted offsets at which a match may start; None to scan instead."""
    rare, anchors = plan.rare, plan.anchors
    if plan.spaced is not None and source.single_blanks:
        rare, anchors = plan.spaced
    for literals in rare:
        places = [_where(lit, source) for lit in literals]
        if None in places:
            return None
        if not any(where.find(lit.text, start, end) >= 0 for lit, where in zip(literals, places)):
            return []
    if not anchors or (plan.first and min(len(lit.text) for lit in anchors) < 3):
        return None  # a first-character filter beats looking for a frequent short literal
    stretch = source.stretch if plan.stretchy else 0
    budget = (end - start) // _SPARSE + 8
    found: list[int] = []
    for lit in anchors:
        where = _where(lit, source)
        if where is None:
            return None
        low, high = lit.low, lit.high + stretch
        cost = high - low + 5
        if len(lit.text) < 3 and where.count(lit.text, start, end) * cost > budget:
            return None  # a short literal may be everywhere: count before listing
        at = _occurrences(lit.text, where, start, end, budget // cost + 1)
        budget -= len(at) * cost
        if budget < 0:
            return None
        if low == high:
            found += [a - low for a in at if a - low >= start]
        else:
            for a in at:
                found += range(max(start, a - high), a - low + 1)
    return sorted(set(found))


def _occurrences(
    literal: str, text: str, start: int, end: int, most: int | None = None
) -> list[int]:
    """Where `literal` starts in text[start:end], overlapping occurrences included; only
    the first `most` + 1 when there are more than `most`."""
    found, find = [], text.find
    at = find(literal, start, end)
    while at >= 0:
        found.append(at)
        if most is not None and len(found) > most:
            break
        at = find(literal, at + 1, end)
    return found


def _plan(pattern: re.Pattern[str]) -> Plan | None:
    """The literals to look for before trying `pattern`, or None to scan it as usual."""
    return _analysis(pattern)[0]


@lru_cache(maxsize=2048)
def _analysis(pattern: re.Pattern[str]) -> tuple[Plan | None, set[str] | None]:
    """`pattern` read once: its plan, and the characters its matches can start with."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.LOCALE:
        return None, None
    try:
        parsed = parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a pattern this parser reads differently: just scan
        return None, None
    ignore_case = bool(pattern.flags & re.IGNORECASE)
    starts = _first(list(parsed), ignore_case)
    stretchy = _cap_blank_runs(parsed.data)  # before any width is worked out and kept
    if parsed.getwidth()[0] == 0:
        return None, starts
    first = _first_filter(pattern, starts)
    rare, anchors = _literals(parsed, ignore_case, spaced=False)
    if not rare and not anchors and first is None:
        return None, starts
    spaced = _literals(parsed, ignore_case, spaced=True) if stretchy else None
    return Plan(rare, anchors, stretchy, first, spaced), starts


def _literals(parsed, ignore_case: bool, spaced: bool):
    """(rare, anchors) of a parsed pattern; `spaced`: blanks taken for single spaces."""
    reader = _Reader(parsed.state, spaced)
    _, anchors = reader.sequence(list(parsed), ignore_case)
    rare: list[tuple[Literal, ...]] = []
    for literals in sorted(reader.sets, key=_score, reverse=True):
        merged = _merged(literals)
        if merged not in rare and sum(map(len, rare)) + len(merged) <= _MOST:
            rare.append(merged)
    return tuple(rare[:3]), _merged(anchors)


_INLINE = (
    (re.ASCII, "a"), (re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"),
)


@lru_cache(maxsize=1024)
def _compiled(source: str) -> re.Pattern[str] | None:
    try:
        return re.compile(source)
    except re.error:  # e.g. global flags inside the pattern: scan it as it is
        return None


def _first_filter(pattern: re.Pattern[str], first: set[str] | None) -> str | None:
    """`[first](?<=(?=pattern)[first])`, a pattern for one character where `pattern`
    matches: found at the speed of a character class, it tries `pattern` only there.
    Compiled on first use."""
    if first is None or not first or len(first) > 1200:
        return None
    if sum(_SHARE.get(ch, 0.005 if ch.isascii() else 0.0002) for ch in first) > 0.4:
        return None  # a filter that stops almost everywhere saves nothing
    listed = (ch if ch in _CLASSES.values() else re.escape(ch) for ch in sorted(first))
    chars = "[" + "".join(listed) + "]"
    flags = "".join(letter for flag, letter in _INLINE if pattern.flags & flag)
    body = f"(?{flags}:{pattern.pattern})" if flags else f"(?:{pattern.pattern})"
    return f"{chars}(?<=(?={body}){chars})"


#: Roughly how often each character occurs in English text (other ASCII characters: one
#: in 200; others than ASCII: one in 5,000).
_SHARE = dict(
    zip(
        " etaoinshrdlcumwfgypbvkjxqz",
        (0.17, 0.10, 0.075, 0.065, 0.06, 0.055, 0.055, 0.05, 0.05, 0.048, 0.035, 0.032, 0.022,
         0.022, 0.019, 0.019, 0.018, 0.016, 0.016, 0.015, 0.012, 0.008, 0.006, 0.002, 0.002,
         0.001, 0.001),
    )
)
#: Categories a first character may be in, written as in a character class; they hold no
#: letters, so case does not matter.
_CLASSES = {parser.CATEGORY_DIGIT: "\\d"}
#: Characters other than themselves that `re.IGNORECASE` equates with an ASCII letter.
_FOLD_PARTNERS = {"s": "\u017f", "k": "\u212a", "i": "\u0130\u0131"}


def _first(items, ignore_case: bool) -> set[str] | None:
    """The characters a match of the sequence `items` can start with (None: any)."""
    chars, nullable = _first_sequence(items, ignore_case)
    return None if nullable else chars


def _first_item(op, av, ignore_case: bool) -> tuple[set[str] | None, bool]:
    """(characters a match of the item starts with, whether it may match nothing)."""
    if op is parser.LITERAL:
        return _cased({chr(av)}, ignore_case), False
    if op is parser.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is parser.LITERAL:
                chars.add(chr(a))
            elif o is parser.RANGE and a[1] - a[0] < 1024:
                chars.update(map(chr, range(a[0], a[1] + 1)))
            elif o is parser.CATEGORY and a in _CLASSES:
                chars.add(_CLASSES[a])
            else:  # another category, or a negated set
                return None, False
        return _cased(chars, ignore_case), False
    if op in (parser.AT, parser.ASSERT, parser.ASSERT_NOT):
        return set(), True
    if op is parser.SUBPATTERN:
        return _first_sequence(*_group(av, ignore_case))
    if op is getattr(parser, "ATOMIC_GROUP", None):
        return _first_sequence(list(av), ignore_case)
    if op in _REPEATS:
        minimum, _, body = av
        chars, nullable = _first_sequence(list(body), ignore_case)
        return chars, nullable or minimum == 0
    if op is parser.BRANCH:
        found: set[str] = set()
        nullable = False
        for branch in av[1]:
            chars, empty = _first_sequence(list(branch), ignore_case)
            if chars is None:
                return None, False
            found |= chars
            nullable = nullable or empty
        return found, nullable
    return None, False


def _group(av, ignore_case: bool) -> tuple[list, bool]:
    """A group's items and whether case is ignored inside it (`(?i:...)`, `(?-i:...)`)."""
    _, add, remove, body = av
    if add & re.IGNORECASE:
        ignore_case = True
    if remove & re.IGNORECASE:
        ignore_case = False
    return list(body), ignore_case


def _first_sequence(items, ignore_case: bool) -> tuple[set[str] | None, bool]:
    found: set[str] = set()
    for op, av in items:
        chars, nullable = _first_item(op, av, ignore_case)
        if chars is None:
            return None, False
        found |= chars
        if not nullable:
            return found, False
    return found, True


def _cased(chars: set[str], ignore_case: bool) -> set[str] | None:
    """`chars` with every character `re.IGNORECASE` takes for one of them, if it is on."""
    if not ignore_case:
        return chars
    found = set()
    for ch in chars:
        if ch in _CLASSES.values():
            found.add(ch)
            continue
        if not ch.isascii():
            if ch not in _CASELESS:
                return None
            found.add(ch)
            continue
        found |= {ch, ch.lower(), ch.upper()}
        found.update(_FOLD_PARTNERS.get(ch.lower(), ""))
    return found


def _merged(literals) -> tuple[Literal, ...]:
    """The literals with one entry per text, covering the offsets of all its entries."""
    merged: dict[tuple[str, bool], Literal] = {}
    for lit in literals or ():
        key = (lit.text, lit.exact)
        if key in merged:
            old = merged[key]
            high = None if old.high is None or lit.high is None else max(old.high, lit.high)
            lit = lit._replace(low=min(old.low, lit.low), high=high)
        merged[key] = lit
    return tuple(merged.values())


_REPEATS = tuple(
    op
    for op in (
        parser.MAX_REPEAT, parser.MIN_REPEAT, getattr(parser, "POSSESSIVE_REPEAT", None)
    )
    if op is not None
)


def _blank(item) -> bool:
    """Whether an item matches only blanks (space, tab, no-break space)."""
    op, av = item
    if op is parser.LITERAL:
        return chr(av) in _BLANKS
    return op is parser.IN and all(o is parser.LITERAL and chr(a) in _BLANKS for o, a in av)


def _space(op, av) -> bool:
    """Whether an item matches one space in a text whose blanks are single spaces: a set
    of blanks holding the space, once or repeated at least once (`[ \\t]+` once capped)."""
    if op in _REPEATS:
        minimum, maximum, body = av
        return minimum == maximum == 1 and len(body.data) == 1 and _space(*body.data[0])
    if op is parser.IN:
        return _blank((op, av)) and any(chr(a) == " " for _, a in av)
    return False


def _cap_blank_runs(items: list) -> bool:
    """Count a repeated blank (`[ \\t]+`) as at most one character longer than its minimum
    in widths, in place; True if any was. `Text.stretch` makes up the difference."""
    capped = False
    for index, (op, av) in enumerate(items):
        if op in _REPEATS:
            minimum, maximum, body = av
            if len(body.data) == 1 and _blank(body.data[0]) and maximum > max(minimum, 1):
                items[index] = (op, (minimum, max(minimum, 1), body))
                capped = True
                continue
            capped |= _cap_blank_runs(body.data)
        elif op is parser.SUBPATTERN:
            capped |= _cap_blank_runs(av[-1].data)
        elif op is getattr(parser, "ATOMIC_GROUP", None):
            capped |= _cap_blank_runs(av.data)
        elif op is parser.BRANCH:
            for branch in av[1]:
                capped |= _cap_blank_runs(branch.data)
        elif op in (parser.ASSERT, parser.ASSERT_NOT):
            capped |= _cap_blank_runs(av[1].data)
        elif op is parser.GROUPREF_EXISTS:
            for branch in av[1:]:
                if branch is not None:
                    capped |= _cap_blank_runs(branch.data)
    return capped


#: Words too frequent in English to look for: a literal that is only one of them counts
#: as one character long.
_COMMON = frozenset(
    "a an the of to in on at by for from with as and or but not no is are was were be been "
    "it its he she they we you i his her their this that these those which who has have had "
    "will would can could said".split()
)


def _weight(lit: Literal) -> float:
    """How rare a literal is, roughly its length up to ten (longer is rare enough):
    capitals in exact text count one more; frequent words or mere punctuation count one."""
    return _text_weight(lit.text, lit.exact)


@lru_cache(maxsize=4096)
def _text_weight(text: str, exact: bool) -> float:
    words = _NON_WORD.sub(" ", text).lower().split()
    if all(word in _COMMON for word in words):
        return 1 if len(words) < 2 else min(10, 3 * len(words))
    return min(10, len(text) + (exact and not text.islower()))


_NON_WORD = re.compile(r"[\W_]+")


def _score(literals) -> tuple:
    """Rarer and cheaper is better: the lightest literal heaviest, then fewer literals to
    look for, then a narrower range of offsets."""
    spread = sum(_UNBOUNDED if lit.high is None else lit.high - lit.low for lit in literals)
    return (min(map(_weight, literals)), -len(literals), -spread)


def _better(a, b):
    if not a or len(a) > _MOST:
        return b if b and len(b) <= _MOST else None
    if not b or len(b) > _MOST:
        return a
    return a if _score(a) >= _score(b) else b


def _shift(literals, low: int, high: int | None):
    if literals is None:
        return None
    return [
        lit._replace(
            low=lit.low + low,
            high=None if high is None or lit.high is None else lit.high + high,
        )
        for lit in literals
    ]


def _joined(chars) -> tuple[str, bool]:
    """Characters as one literal: exact if all are, else in lower case ("" if impossible)."""
    text = "".join(ch for ch, _ in chars)
    if all(exact for _, exact in chars):
        return text, True
    text = text.lower()
    return (text if all(ch.isascii() or ch in _CASELESS for ch in text) else ""), False


def _append(run: tuple[str, bool], text: tuple[str, bool]) -> tuple[str, bool] | None:
    """Two literals one after the other as one, or None if they cannot be joined."""
    if not text[0]:
        return None
    if run[1] == text[1]:
        return run[0] + text[0], run[1]
    joined = (run[0] + text[0]).lower()
    if all(ch.isascii() or ch in _CASELESS for ch in joined):
        return joined, False
    return None


class _Reader:
    """Reads the literals off a parsed pattern."""

    def __init__(self, state, spaced: bool = False) -> None:
        self.state = state
        #: Whether the text's blanks are single spaces, so `[ \t]+` matches one space.
        self.spaced = spaced
        #: Literal sets one of which every match holds, read off the top-level sequence.
        self.sets: list[list[Literal]] = []
        self.depth = 0

    def width(self, item) -> tuple[int, int | None]:
        low, high = parser.SubPattern(self.state, [item]).getwidth()
        return low, (None if high >= _UNBOUNDED else high)

    def char(self, op, av, ignore_case: bool) -> tuple[str, bool] | None:
        """The one character an item matches and whether it is exact (else lower case)."""
        if self.spaced and _space(op, av):
            return " ", True
        if op is parser.LITERAL:
            chars = {chr(av)}
        elif op is parser.IN and all(o is parser.LITERAL for o, _ in av):
            chars = {chr(a) for _, a in av}
        else:
            return None
        if len(chars) == 1 and op is parser.LITERAL and not ignore_case:
            return chars.pop(), True
        lower = {ch.lower() for ch in chars}
        if len(lower) != 1:
            return None
        ch = lower.pop()
        if not (ch.isascii() or ch in _CASELESS) or (not ignore_case and chars != {ch, ch.upper()}):
            return None
        return ch, False

    def flat(self, items, ignore_case: bool) -> list:
        """The items with groups opened: (op, av, ignore_case) triples in match order."""
        found = []
        for op, av in items:
            if op is parser.SUBPATTERN:
                _, add, remove, body = av
                case = (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
                found += self.flat(list(body), case)
            elif op is getattr(parser, "ATOMIC_GROUP", None):
                found += self.flat(list(av), ignore_case)
            else:
                found.append((op, av, ignore_case))
        return found

    def sequence(self, items, ignore_case: bool):
        """(rare, anchors) for a sequence of items, at offsets from its start."""
        rare = anchors = None
        top = self.depth == 0
        self.depth += 1
        low, high = 0, 0
        #: Literal texts running up to the current item, all starting at run_low..run_high.
        runs: list[tuple[str, bool]] = []
        run_low: int = 0
        run_high: int | None = 0

        def consider(texts):
            nonlocal rare, anchors
            if texts:
                found = [Literal(text, run_low, run_high, exact) for text, exact in texts]
                if top and len(found) <= _MOST:
                    self.sets.append(found)
                rare = _better(rare, found)
                if run_high is not None:
                    anchors = _better(anchors, found)

        for op, av, case in self.flat(items, ignore_case):
            char = self.char(op, av, case)
            if char is not None and runs and all(exact == char[1] for _, exact in runs):
                runs = [(text + char[0], exact) for text, exact in runs]  # the common case
                low += 1
                high = None if high is None else high + 1
                continue
            ways = [([char], True)] if char is not None else self.ways(op, av, case)
            if ways is None:
                consider(runs)
                runs = []
            else:
                texts = [_joined(chars) for chars, _ in ways]
                whole = all(complete for _, complete in ways) and all(t for t, _ in texts)
                extended = [_append(run, text) for run in runs for text in texts]
                if runs and whole and None not in extended and len(extended) <= _FORKS:
                    runs = extended
                else:
                    if runs and None not in extended and all(t for t, _ in texts):
                        consider(extended)  # the run and how the item begins
                    consider(runs)
                    runs = []
                    if whole and len(texts) <= _FORKS:
                        runs, run_low, run_high = texts, low, high
            if not runs:
                inner_rare, inner_anchors = self.item(op, av, case)
                if top and inner_rare and len(inner_rare) <= _MOST:
                    self.sets.append(_shift(inner_rare, low, high))
                rare = _better(rare, _shift(inner_rare, low, high))
                if high is not None:
                    anchors = _better(anchors, _shift(inner_anchors, low, high))
            item_low, item_high = self.width((op, av))
            low += item_low
            high = None if high is None or item_high is None else high + item_high
        consider(runs)
        self.depth -= 1
        return rare, anchors

    def ways(self, op, av, ignore_case: bool):
        """How each way through a small set or alternation begins: (characters, whether
        they are all of it), the characters as (character, exact) pairs; None for other
        items."""
        if op is parser.IN and all(o is parser.LITERAL for o, _ in av) and len(av) <= 4:
            branches = [[(parser.LITERAL, a)] for _, a in av]
        elif op is parser.BRANCH and len(av[1]) <= _MOST:
            branches = [list(branch) for branch in av[1]]
        else:
            return None
        found = []
        for branch in branches:
            chars = []
            flat = self.flat(branch, ignore_case)
            for item_op, item_av, case in flat:
                char = self.char(item_op, item_av, case)
                if char is None:
                    break
                chars.append(char)
            found.append((chars, len(chars) == len(flat)))
        return found

    def item(self, op, av, ignore_case: bool):
        """(rare, anchors) for one item, at offsets from its start."""
        if op is parser.SUBPATTERN:
            return self.sequence(*_group(av, ignore_case))
        if op is getattr(parser, "ATOMIC_GROUP", None):
            return self.sequence(list(av), ignore_case)
        if op in (parser.MAX_REPEAT, parser.MIN_REPEAT) or op is getattr(
            parser, "POSSESSIVE_REPEAT", None
        ):
            minimum, _, body = av
            return self.sequence(list(body), ignore_case) if minimum >= 1 else (None, None)
        if op is parser.BRANCH:
            if len(av[1]) > _MOST:  # one literal a way at least: too many to look for
                return None, None
            rare: list[Literal] | None = []
            anchors: list[Literal] | None = []
            for branch in av[1]:
                branch_rare, branch_anchors = self.sequence(list(branch), ignore_case)
                if rare is not None:
                    rare = rare + branch_rare if branch_rare else None
                if anchors is not None:
                    anchors = anchors + branch_anchors if branch_anchors else None
            return rare, anchors
        if op is parser.ASSERT and av[0] == 1:  # a lookahead: its text follows the start
            return self.sequence(list(av[1]), ignore_case)
        return None, None
