"""Glossaries: approved English terms, the variants to replace, and the Russian source terms.

A glossary is a list of concepts (TermEntry). All their English forms go into one
Aho-Corasick automaton run over a normalized view of the text (case folded, typographic
quotes, dashes and hyphens unified, white-space runs collapsed) whose offsets map back to the
exact text. Matches respect word boundaries, take English inflection (plural -s/-es/-ies,
possessive 's and s'), and the longest match wins. Compiled glossaries and their indexes are
cached on disk (`mtfix.termbase.cache`), keyed by a digest of the files' content.

File formats (TSV, CSV, TBX, YAML) are read by `mtfix.termbase.formats` and documented in
`glossaries/FORMAT.md`.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from itertools import chain
from pathlib import Path

from mtfix import bigtext
from mtfix.cache import no_gc
from mtfix.termbase import cache as stored
from mtfix.termbase.cache import cache_key, content_digest
from mtfix.termbase.compiled import Compiled, automaton_of
from mtfix.termbase.model import (
    FORBIDDEN,
    INVISIBLE_CHARS,
    KINDS,
    SQUEEZE,
    TYPOGRAPHY,
    TermEntry,
    apply_policies,
    normalize,
)


@dataclass(frozen=True)
class TermMatch:
    """A glossary form found in text. `variant` is the text found without its inflection,
    `suffix` the inflection (`'s`, `s`, `es`, `ies`, `s'`), `form` the glossary's spelling."""

    start: int
    end: int
    entry: TermEntry
    variant: str
    suffix: str = ""
    kind: str = FORBIDDEN
    form: str = ""
    exact_case: bool = True

    @property
    def replacement(self) -> str:
        """The preferred term in the case pattern and inflection of the text it replaces. A
        forbidden abbreviation (`OZKhO`) gives way to the entry's admitted English
        abbreviation (`OPCW`) when the preferred term is spelled out: the text used a short
        form, and English news keeps one."""
        term = self.entry.term
        if _abbreviation(self.form) and " " not in self.form and not _acronym(term):
            term = next((a for a in self.entry.admitted if _acronym(a) and " " not in a), term)
        if not self.entry.case_sensitive:
            term = match_case(self.variant, term)
        elif self.variant.isupper() and len(self.variant) > 1 and not _abbreviation(self.form):
            term = term.upper()  # a headline in capitals
        return inflect(term, self.suffix, self.variant)


def match_case(found: str, preferred: str) -> str:
    """The preferred term in the case pattern of the text it replaces (UPPER, Title, lower)."""
    if len(found) > 1 and found.isupper() and not preferred.isupper():
        return preferred.upper()
    if found[:1].isupper() and preferred[:1].islower():
        return preferred[:1].upper() + preferred[1:]
    return preferred


def plural(term: str) -> str:
    """English plural of a term (its last word)."""
    lower = term.lower()
    if len(term) > 1 and term.isupper():
        return term + "s"
    if re.search(r"[^aeiou]y$", lower):
        return term[:-1] + "ies"
    if re.search(r"(?:s|x|z|ch|sh)$", lower):
        return term + "es"
    return term + "s"


def inflect(term: str, suffix: str, found: str = "") -> str:
    """`term` with the inflection `suffix` that the replaced text carried."""
    if not suffix:
        return term
    upper = len(found) > 1 and found.isupper()
    if suffix[0] in "'’":
        mark = suffix[0]
        if term.endswith("s") and (len(suffix) == 1 or not found.lower().endswith("s")):
            return term + mark
        return term + mark + ("S" if suffix[-1:] == "S" else "s")
    if suffix.lower().endswith(("'", "’")):
        result = plural(term) + suffix[-1]
    else:
        result = plural(term)
    return result.upper() if upper else result


# The normalized view: one code point of the view maps to one of the text, except where
# white space is collapsed or invisible characters are dropped.


class TextView:
    """The normalized view of a text: `folded` (lower case) and `unfolded`, same length,
    with `original(i)` giving the offset in the text of view position `i`."""

    def __init__(self, text: str) -> None:
        translated = text.translate(TYPOGRAPHY)
        pieces, view_starts, text_starts = [], [0], [0]
        position = length = 0
        for m in SQUEEZE.finditer(translated):
            gap = m.group()
            breaks = gap.count("\n") + gap.replace("\r\n", "").count("\r")
            filler = "" if gap[0] not in " \r\n" else ("\n" if breaks > 1 else " ")
            if len(filler) == len(gap):
                continue  # a lone line break: a space in the view, at the same offset
            pieces.append(translated[position : m.start()].translate(_BREAK_AS_SPACE))
            pieces.append(filler)
            length += m.start() - position + len(filler)
            position = m.end()
            if filler:  # the filler maps to the start of the gap
                view_starts.append(length - 1)
                text_starts.append(m.start())
            view_starts.append(length)
            text_starts.append(position)
        pieces.append(translated[position:].translate(_BREAK_AS_SPACE))
        del translated  # a copy of the text: gone before the next two are made
        self.unfolded = "".join(pieces)
        del pieces
        present = set(self.unfolded)
        if any(len(c.lower()) != 1 for c in present):
            self.folded = _fold_in_place(self.unfolded, present)
        else:
            self.folded = bigtext.lower(self.unfolded)
        self._view_starts = view_starts
        self._text_starts = text_starts

    def original(self, index: int) -> int:
        """The text offset of view position `index`."""
        k = bisect.bisect_right(self._view_starts, index) - 1
        return self._text_starts[k] + index - self._view_starts[k]


def _hits(automaton, folded: str, block: int = 1 << 18) -> Iterator[tuple[int, int]]:
    """`automaton.iter(folded)`, a block at a time: pyahocorasick copies what it reads at four
    bytes a character. Each block starts a longest key early, so a match is found whole in
    the block where it ends."""
    if len(folded) <= block:
        yield from automaton.iter(folded)
        return
    reach = automaton.get_stats()["longest_word"] - 1
    for start in range(0, len(folded), block):
        first = max(start - reach, 0)
        for last, number in automaton.iter(folded[first : start + block]):
            if first + last >= start:
                yield first + last, number


def _fold_in_place(text: str, present: set[str]) -> str:
    """`text` lower-cased a character at a time, each keeping its offset: a character whose
    lower case is longer (`İ`) stays as it is, and `Σ` is always `σ`. The few such characters
    (of `present`, the characters of `text`) stand aside as private-use ones the text lacks
    while the rest is lowered at C speed."""
    kept = sorted(c for c in present if len(c.lower()) != 1 or c == "Σ")
    points = chain(range(0xE000, 0xF900), range(0xF0000, 0x110000))  # the BMP's first: no wider string
    spare = (point for point in points if chr(point) not in present)
    places = {c: chr(point) for c, point in zip(kept, spare)}
    for c, place in places.items():
        text = text.replace(c, place)
    text = bigtext.lower(text)
    for c, place in places.items():
        text = text.replace(place, c.lower() if len(c.lower()) == 1 else c)
    return text


_BREAK_AS_SPACE = str.maketrans("\r\n", "  ")
_SUFFIX = re.compile(r"(?:s['’]|['’][sS]|[eE][sS]|[sS]|['’](?= [a-z]))?")
_ES_BASE = re.compile(r"(?:s|x|z|ch|sh)$", re.IGNORECASE)


def _abbreviation(form: str) -> bool:
    """A form with capitals after its first letter (`OZKhO`, `MID`): written in capitals it is
    the abbreviation itself, not a headline."""
    return any(c.isupper() for c in form[1:])


def _acronym(form: str) -> bool:
    return form.isupper() and sum(c.isalpha() for c in form) >= 2


class Glossary:
    """Entries from one or more files, with one compiled matcher for all their forms."""

    def __init__(
        self,
        entries: Iterable[TermEntry] = (),
        *,
        digest: str | None = None,
        loader: Callable[[], Compiled] | None = None,
        cache: Path | None = None,
        source_language: str = "ru",
    ) -> None:
        self.source_language = source_language
        self._entries = None if loader else list(entries)
        self._loader = loader
        self._digest = digest
        self._cache = cache
        self._compiled: Compiled | None = None
        self._memo: tuple[str, list[TermMatch]] | None = None
        self._indexes: dict[str, object] = {}

    @property
    def entries(self) -> list[TermEntry]:
        if self._entries is None:
            compiled = self.compiled
            with no_gc():
                self._entries = list(compiled.entries)
        return self._entries

    @property
    def compiled(self) -> Compiled:
        """The matcher, loaded from the disk cache or built on first use."""
        if self._compiled is None:
            if self._loader is not None:
                self._compiled = self._loader()
            else:
                self._compiled = compile_automaton(self._entries)
        return self._compiled

    @property
    def digest(self) -> str:
        """A short content digest, for run signatures and caches."""
        if self._digest is None:
            data = repr([(e.term, e.variants, e.admitted, e.case_sensitive) for e in self.entries])
            self._digest = hashlib.sha256(data.encode()).hexdigest()[:12]
        return self._digest

    @property
    def automaton(self):
        return self.compiled.automaton

    def matches(self, text: str, start: int = 0, end: int | None = None) -> list[TermMatch]:
        """Every glossary form (preferred, admitted, forbidden) in `text[start:end]`; where
        matches overlap the longest wins."""
        end = len(text) if end is None else end
        if self._memo is None or self._memo[0] is not text and self._memo[0] != text:
            self._memo = (text, self._find(text))
        found = self._memo[1]
        first = bisect.bisect_left(found, start, key=_start_of)
        last = bisect.bisect_left(found, end, first, key=_start_of)
        return [m for m in found[first:last] if m.end <= end]

    def variants_in(self, text: str, start: int = 0, end: int | None = None) -> Iterator[TermMatch]:
        """Forbidden variants in `text[start:end]`, longest first where they overlap."""
        for match in self.matches(text, start, end):
            if match.kind == FORBIDDEN:
                yield match

    def _find(self, text: str) -> list[TermMatch]:
        compiled = self.compiled
        automaton, keys, entries = compiled.automaton, compiled.keys, compiled.entries
        if len(automaton) == 0 or not text:
            return []
        view = TextView(text)
        folded, unfolded = view.folded, view.unfolded
        size = len(folded)
        candidates = []
        for last, number in _hits(automaton, folded):
            length, forms = keys[number]
            begin = last - length + 1
            stop = last + 1
            if begin > 0 and folded[begin - 1].isalnum():
                continue
            if stop < size and folded[stop].isalnum() and folded[stop] not in "se":
                continue
            start = view.original(begin)
            base_end = view.original(last) + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-") and folded[begin].isalnum():
                continue
            suffix = ""
            if folded[last].isalpha():
                suffix = _SUFFIX.match(text, base_end).group()
                if suffix[:1] in "sSeE" and not unfolded[begin:stop].rsplit(" ", 1)[-1][:1].islower():
                    suffix = ""  # names (`Ministry of Emergency`, `LIH`) take no plural
                elif suffix[:1] in "eE" and not _ES_BASE.search(folded[begin:stop]):
                    suffix = ""
                if suffix in ("'", "’") and folded[last] != "s":
                    suffix = ""
            end = base_end + len(suffix)
            if end < len(text) and (text[end].isalnum() or text[end] == "_"):
                continue
            if end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum():
                continue
            surface = unfolded[begin:stop]
            for index, kind, exact, case_sensitive, ies in forms:
                exact_case = not case_sensitive or surface == exact or (surface == exact.upper() and exact != exact.lower())
                if not exact_case:
                    continue
                candidates.append((start, end, base_end, index, kind, exact, suffix or ("ies" if ies else ""), exact_case))
        candidates.sort(key=lambda c: (c[0] - c[1], bool(c[6]), c[4], c[0]))
        taken: list[tuple[int, int]] = []
        chosen = []
        for start, end, base_end, index, kind, exact, suffix, exact_case in candidates:
            k = bisect.bisect_left(taken, (start, start))
            if k > 0 and taken[k - 1][1] > start or k < len(taken) and taken[k][0] < end:
                continue
            taken.insert(k, (start, end))
            entry = entries[index]
            chosen.append(
                TermMatch(
                    start, end, entry, text[start:base_end], suffix, KINDS[kind], exact, exact_case
                )
            )
        chosen.sort(key=lambda m: m.start)
        return chosen

    # Indexes: what rules look up in the glossary, each built the first time a rule asks and
    # kept beside the compiled glossary in the disk cache, so that no rule walks 100,000
    # entries per run (nor runs Russian morphology over their source terms).

    def index(self, name: str, build: Callable[[Sequence[TermEntry]], object]) -> object:
        """The index `name`: `build(entries)` on first use in a process, read from the disk
        cache when a sound copy is there (`name` must change whenever `build` does)."""
        found = self._indexes.get(name)
        if found is None:
            found = stored.index(
                self._cache, name, lambda: build(self.compiled.entries if self._entries is None else self._entries)
            )
            self._indexes[name] = found
        return found

    def entry(self, index: int) -> TermEntry:
        """The entry at `index` (in file order), decoded alone from a cached glossary."""
        return self.entries[index] if self._entries is not None else self.compiled.entries[index]

    @property
    def lexicon(self):
        """The source language's lexicon, which lemmatizes the source terms."""
        from mtfix.languages import language

        return language(self.source_language).lexicon()

    def by_source_lemma(self, word: str) -> TermEntry | None:
        """The first entry with a one-word source term that is `word` (in lower case) or has
        `word` as its dictionary lemma."""
        lexicon = self.lexicon
        found = self.index(f"source-lemmas/{lexicon.version()}", partial(_source_lemmas, lexicon)).get(word)
        return None if found is None else self.entry(found)

    def by_source_phrase(self, phrase: str) -> TermEntry | None:
        """The last entry with the source term `phrase` (case and white space aside)."""
        found = self.index("source-phrases/1", _source_phrases).get(_phrase_key(phrase))
        return None if found is None else self.entry(found)

    def source_terms(self) -> EntryLists:
        """Source terms by the lemma of their first word (`Lexicon.lemma`), each as (entry,
        source term)."""
        lexicon = self.lexicon
        index = self.index(f"source-terms/2/{lexicon.version()}", partial(_source_terms, lexicon))
        return EntryLists(index, self.entry)

    def source_forms(self) -> dict[str, tuple[str, ...]]:
        """Every inflected form (lower case, ё as е) of the source terms' first words, with
        the lemma keys of `source_terms` it may stand for: a word that is none of them cannot
        begin a source term, and needs no lemmatizing."""
        lexicon = self.lexicon
        return self.index(f"source-forms/2/{lexicon.version()}", partial(_source_forms, lexicon))

    def approved_words(self) -> frozenset[str]:
        """The words (letter runs) of the approved English terms (Nabiullina, Roskomnadzor)."""
        return self.index("approved-words/1", _approved_words)

    def term_words(self) -> frozenset[str]:
        """The white-space separated words of every term and forbidden variant."""
        return self.index("term-words/1", _term_words)

    def people(self) -> tuple[tuple[str, str], ...]:
        """(term, gender) of the person entries (gender m or f), in file order."""
        return self.index("people/1", _people)

    def known_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """What the glossary knows, case-folded: its terms and variants whole (and their
        hyphenated compounds), and the capitalised words in them (names: Jabhat, Nusra)."""
        return self.index("known-words/1", _known_words)


class EntryLists(Mapping):
    """A key's list of (entry index, text) pairs given as (entry, text), entries decoded
    only for the keys looked up."""

    def __init__(self, table: dict[str, tuple[tuple[int, str], ...]], entry: Callable[[int], TermEntry]) -> None:
        self._table = table
        self._entry = entry

    def __getitem__(self, key: str) -> list[tuple[TermEntry, str]]:
        return [(self._entry(index), text) for index, text in self._table[key]]

    def get(self, key: str, default=None):
        pairs = self._table.get(key)
        return default if pairs is None else [(self._entry(index), text) for index, text in pairs]

    def __contains__(self, key: object) -> bool:
        return key in self._table

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)


def _start_of(match: TermMatch) -> int:
    return match.start


def _source_lemmas(lexicon, entries: Sequence[TermEntry]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, entry in enumerate(entries):
        for source in entry.source:
            if " " in source.strip():
                continue
            word = source.strip().lower()
            found.setdefault(word, index)
            found.setdefault(lexicon.analyse(word).lemma, index)
    return found


def _phrase_key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def _source_phrases(entries: Sequence[TermEntry]) -> dict[str, int]:
    return {_phrase_key(source): index for index, entry in enumerate(entries) for source in entry.source}


_WORD_RE = re.compile(r"\w+")


def _source_terms(lexicon, entries: Sequence[TermEntry]) -> dict[str, tuple[tuple[int, str], ...]]:
    table: dict[str, list[tuple[int, str]]] = {}
    for index, entry in enumerate(entries):
        for term in entry.source:
            first = _WORD_RE.search(term)
            if first is not None:
                table.setdefault(_first_lemma(lexicon, first.group()), []).append((index, term))
    return {key: tuple(pairs) for key, pairs in table.items()}


def _first_lemma(lexicon, word: str) -> str:
    """The key of a source term's first word: its lemma when it is in the language's script."""
    return lexicon.lemma(word) if lexicon.words_of_letters.match(word.lower()) else word.lower()


def _source_forms(lexicon, entries: Sequence[TermEntry]) -> dict[str, tuple[str, ...]]:
    forms: dict[str, set[str]] = {}
    for key, pairs in _source_terms(lexicon, entries).items():
        words = {key} | {m.group() for _, term in pairs if (m := _WORD_RE.search(term))}
        for word in words:
            for form in lexicon.forms(word):
                forms.setdefault(form.lower().replace("ё", "е"), set()).add(key)
    return {form: tuple(sorted(keys)) for form, keys in forms.items()}


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _approved_words(entries: Sequence[TermEntry]) -> frozenset[str]:
    return frozenset(w for e in entries for w in _LETTER_RUN.findall(e.term))


def _term_words(entries: Sequence[TermEntry]) -> frozenset[str]:
    return frozenset(w for e in entries for t in (e.term, *e.variants) for w in t.split())


def _people(entries: Sequence[TermEntry]) -> tuple[tuple[str, str], ...]:
    return tuple((e.term, e.gender) for e in entries if e.gender in ("m", "f"))


_COMPOUND = re.compile(r"\w+(?:['’-]\w+)+")


def _known_words(entries: Sequence[TermEntry]) -> tuple[frozenset[str], frozenset[str]]:
    phrases, names = set(), set()
    for entry in entries:
        for phrase in (entry.term, *entry.variants):
            phrases.add(" ".join(phrase.split()).casefold())
            phrases.update(c.casefold() for c in _COMPOUND.findall(phrase))
            names.update(w.casefold() for w in _WORD_RE.findall(phrase) if w[:1].isupper())
    return frozenset(phrases), frozenset(names)


#: A term that `normalize` leaves as it is: no typographic variant, hyphen or invisible
#: character, and single spaces between words.
_ODD = re.escape("".join(map(chr, TYPOGRAPHY)) + INVISIBLE_CHARS)
_NORMAL = re.compile(rf"[^\s{_ODD}]+(?: [^\s{_ODD}]+)*")


def compile_automaton(entries: list[TermEntry]) -> Compiled:
    """One Aho-Corasick automaton over the folded, normalized forms of every entry.

    Each key maps to its number in `keys`, which holds (length, forms); a form is (entry
    index, kind, exact spelling, case-sensitive, y->ies plural). All-capital forms
    (acronyms) match only in capitals.
    """
    table: dict[str, list[tuple[int, int, str, bool, bool]]] = {}
    get, normal = table.get, _NORMAL.fullmatch

    for index, entry in enumerate(entries):
        entry_case = entry.case_sensitive
        for kind, forms in ((0, (entry.term,)), (1, entry.admitted), (2, entry.variants)):
            for raw in forms:
                exact = raw if normal(raw) else normalize(raw)
                if not exact:
                    continue
                case_sensitive = entry_case or _acronym(exact)
                key = exact.lower()
                form = (index, kind, exact, case_sensitive, False)
                found = get(key)
                if found is None:
                    table[key] = [form]
                else:
                    found.append(form)
                if " " in exact:
                    parts = exact.split(" ")
                    if len(parts) == 2 and exact.islower() and parts[0].isalpha() and parts[1].isalpha():
                        closed = parts[0] + parts[1]
                        table.setdefault(closed, []).append((index, kind, closed, case_sensitive, False))
                if exact[-1] == "y":
                    last_word = exact.rsplit(" ", 1)[-1]
                    if len(last_word) > 2 and last_word[0].islower() and last_word[-2] not in "aeiou":
                        ies = exact[:-1] + "ies"
                        table.setdefault(ies.lower(), []).append((index, kind, ies, case_sensitive, True))
    keys = []
    for key, forms in table.items():
        if len(forms) > 1:
            forms.sort(key=lambda f: f[1])
        keys.append((len(key), tuple(forms)))
    return Compiled(automaton_of(table), keys, list(entries))


# Files and the shipped glossaries.


def shipped_dir(language_pair: str) -> Path:
    """The folder of glossaries shipped for a language pair (installed or in a checkout)."""
    installed = resources.files("mtfix") / "glossaries" / language_pair
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parent.parent / "glossaries" / language_pair


def shipped_files(language_pair: str) -> list[Path]:
    from mtfix.termbase.formats import EXTENSIONS

    folder = shipped_dir(language_pair)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in EXTENSIONS and p.is_file())


def read(path: Path, report=None) -> list[TermEntry]:
    """Entries of a glossary file in any supported format (by extension)."""
    from mtfix.termbase.formats import read as read_file

    return read_file(path, report)


def _build(files: list[tuple[Path, bytes]], policies: tuple[str, ...]) -> Compiled:
    from mtfix.termbase.formats import read as read_file

    entries = [entry for p, data in files for entry in read_file(p, data=data)]
    return compile_automaton(apply_policies(entries, set(policies)))


def compiled(files: list[tuple[Path, bytes]], policies: Iterable[str] = (), use_cache: bool = True) -> Compiled:
    """The compiled glossary for files already read, from the disk cache when it holds a
    sound copy."""
    policies = tuple(sorted(policies))
    if not use_cache:
        with no_gc():
            return _build(files, policies)
    key = cache_key([(p, content_digest(p, data)) for p, data in files], policies)
    return stored.compiled(key, lambda: _build(files, policies))


def open_glossaries(
    paths: Iterable[Path], policies: Iterable[str] = (), source_language: str = "ru", limit: int | None = None
) -> Glossary:
    """Glossary files as one Glossary of terms in `source_language`; read from the disk cache
    or parsed and compiled, on first use. A file larger than `limit` bytes (by default the
    default max-file-size) or not a regular file is a GlossaryError."""
    from mtfix.termbase.formats import format_of, read_bytes

    paths = list(paths)
    for path in paths:
        format_of(path)
    policies = tuple(sorted(policies))
    key = cache_key([(p, content_digest(p, limit=limit)) for p in paths], policies)

    cache = stored.path_for(key)

    def load() -> Compiled:
        return stored.compiled(key, lambda: _build([(p, read_bytes(p, limit)) for p in paths], policies))

    return Glossary(digest=key[:12], loader=load, cache=cache, source_language=source_language)


@lru_cache(maxsize=16)
def load_glossaries(
    language_pair: str, extra: tuple[Path, ...] = (), policies: tuple[str, ...] = (), limit: int | None = None
) -> Glossary:
    """The shipped glossaries for `language_pair` followed by `extra` ones, as one Glossary;
    each extra one within `limit` bytes (the run's max-file-size; the shipped ones are not
    held to a limit set for the files checked)."""
    from mtfix import files
    from mtfix.languages import pair
    from mtfix.termbase.model import GlossaryError

    limit = limit or files.DEFAULT_LIMIT
    for path in extra:
        try:
            files.check(path, limit)
        except files.FileRefused as err:
            raise GlossaryError(str(err)) from None
    source = pair(language_pair).source.code
    return open_glossaries([*shipped_files(language_pair), *extra], policies, source, max(limit, files.DEFAULT_LIMIT))
