"""Phrase packs: calques and source-page boilerplate, written as data and checked by code.

A pack is a YAML file in `mtfix/rules/packs/<language-pair>/`, one per rule, in the spirit of
Vale's `extends: substitution` and `extends: existence` styles:

    kind: substitution            # or `existence`: the match itself is the problem
    scope: text                   # or `line`: a pattern must match a whole line
    entries:
      - id: told-about            # unique within the pack, kebab-case
        phrase: told about        # a literal phrase (spaces match any run of blanks) ...
        # regex: '\\btold about\\b' # ... or a Python regular expression; exactly one of them
        message: "`told about` is a calque of Russian `рассказал о`"
        suggestions: [spoke about, talked about]   # `\\g<name>` refers to a regex group
        fix: unsafe               # safe | unsafe | none (default none)
        severity: info            # optional; the rule's own severity otherwise
        case: sensitive           # optional; matching ignores case otherwise
        bad: Lavrov and Tillerson told about the talks.   # optional examples, both tested
        good: Lavrov and Tillerson spoke about the talks.

A substitution fix replaces the match with the first suggestion (capitalised when the match
starts with a capital); an existence fix deletes the matched line with its line break.
Packs are read on first use, once per process, and validated strictly: an unknown key or a
pattern that does not compile is a PackError naming the file and the entry.
"""

from __future__ import annotations

import bisect
import inspect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

from mtfix import datafiles
from mtfix.document import InputError
from mtfix.model import Edit, Fix, Severity
from mtfix.registry import Rule, register
from mtfix.scan import first_chars, literal_positions

PACK_KEYS = {"kind", "scope", "description", "entries"}
ENTRY_KEYS = {
    "id", "phrase", "regex", "message", "suggestions", "fix", "severity", "case", "bad", "good",
}
KINDS = ("substitution", "existence")
SCOPES = ("text", "line")
FIXES = ("safe", "unsafe", "none")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class PackError(InputError):
    """A malformed phrase pack; the message names the file and the entry."""


@dataclass(frozen=True)
class Entry:
    """One pattern of a pack with what to say and suggest when it matches."""

    id: str
    pattern: re.Pattern[str]
    message: str
    suggestions: tuple[str, ...] = ()
    fix: str = "none"
    severity: Severity | None = None
    bad: str = ""
    good: str = ""


@dataclass(frozen=True)
class Pack:
    """A validated pack: its kind, scope and entries."""

    name: str
    path: str
    kind: str
    scope: str
    description: str
    entries: tuple[Entry, ...]


def phrase_pattern(phrase: str) -> str:
    """A regex for a literal phrase: blanks match any run of blanks, word ends are bounded."""
    words = [re.escape(word) for word in phrase.split()]
    body = r"[ \t\u00a0]+".join(words)
    start = r"\b" if re.match(r"\w", phrase.strip()) else ""
    end = r"\b" if re.search(r"\w$", phrase.strip()) else ""
    return f"{start}{body}{end}"


def _entry(raw: Any, number: int, where: str, scope: str, kind: str) -> Entry:
    label = f"{where}: entry {number}"
    if not isinstance(raw, dict):
        raise PackError(f"{label}: must be a mapping of keys to values")
    if isinstance(raw.get("id"), str):
        label = f"{where}: entry {number} ({raw['id']})"
    unknown = sorted(set(raw) - ENTRY_KEYS)
    if unknown:
        raise PackError(
            f"{label}: unknown key `{unknown[0]}` (known: {', '.join(sorted(ENTRY_KEYS))})"
        )
    for key in ("id", "message"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise PackError(f"{label}: `{key}` is required and must be a non-empty string")
    if not _ID.match(raw["id"]):
        raise PackError(f"{label}: `id` must be kebab-case (lower-case words joined by -)")
    if ("phrase" in raw) == ("regex" in raw):
        raise PackError(f"{label}: give exactly one of `phrase` and `regex`")
    source = raw.get("phrase", raw.get("regex"))
    if not isinstance(source, str) or not source.strip():
        raise PackError(f"{label}: the pattern must be a non-empty string")
    case = raw.get("case", "insensitive")
    if case not in ("sensitive", "insensitive"):
        raise PackError(f"{label}: `case` must be sensitive or insensitive, not {case!r}")
    body = phrase_pattern(source) if "phrase" in raw else source
    if scope == "line":
        body = rf"[ \t]*(?:{body})[ \t]*"  # matched against each line as a whole
    flags = re.MULTILINE | (0 if case == "sensitive" else re.IGNORECASE)
    try:
        pattern = re.compile(body, flags)
    except re.error as err:
        raise PackError(f"{label}: bad regex {source!r}: {err}") from None
    if pattern.match(""):
        raise PackError(f"{label}: the pattern matches the empty string")
    suggestions = raw.get("suggestions", [])
    if isinstance(suggestions, str):
        suggestions = [suggestions]
    if not isinstance(suggestions, list) or not all(isinstance(s, str) for s in suggestions):
        raise PackError(f"{label}: `suggestions` must be a string or a list of strings")
    for suggestion in [*suggestions, raw["message"]]:
        for group in re.findall(r"\\g<(\w+)>", suggestion):
            if group not in pattern.groupindex and not (
                group.isdigit() and int(group) <= pattern.groups
            ):
                raise PackError(f"{label}: {suggestion!r} names a missing regex group")
    fix = raw.get("fix", "none")
    if fix not in FIXES:
        raise PackError(f"{label}: `fix` must be one of {', '.join(FIXES)}, not {fix!r}")
    if fix != "none" and kind == "substitution" and not suggestions:
        raise PackError(f"{label}: a {fix} fix needs at least one suggestion")
    if fix == "safe" and kind == "existence":
        raise PackError(f"{label}: deleting text is never a safe fix; use `fix: unsafe`")
    severity = raw.get("severity")
    if severity is not None:
        names = [s.value for s in Severity]
        if severity not in names:
            raise PackError(f"{label}: `severity` must be one of {', '.join(names)}")
        severity = Severity(severity)
    for key in ("bad", "good"):
        if not isinstance(raw.get(key, ""), str):
            raise PackError(f"{label}: `{key}` must be a string")
    return Entry(
        id=raw["id"],
        pattern=pattern,
        message=raw["message"].strip(),
        suggestions=tuple(suggestions),
        fix=fix,
        severity=severity,
        bad=raw.get("bad", ""),
        good=raw.get("good", ""),
    )


def parse_pack(text: str, where: str, name: str = "") -> Pack:
    """Validate the YAML text of a pack; PackError names `where` and the entry at fault."""
    import yaml

    try:
        data = datafiles.parse_yaml(text)
    except yaml.YAMLError as err:
        raise PackError(f"{where}: invalid YAML: {err}") from None
    if not isinstance(data, dict):
        raise PackError(f"{where}: a pack must be a mapping with `kind` and `entries`")
    unknown = sorted(set(data) - PACK_KEYS)
    if unknown:
        raise PackError(
            f"{where}: unknown key `{unknown[0]}` (known: {', '.join(sorted(PACK_KEYS))})"
        )
    kind = data.get("kind")
    if kind not in KINDS:
        raise PackError(f"{where}: `kind` must be one of {', '.join(KINDS)}, not {kind!r}")
    scope = data.get("scope", "text")
    if scope not in SCOPES:
        raise PackError(f"{where}: `scope` must be one of {', '.join(SCOPES)}, not {scope!r}")
    raw_entries = data.get("entries")
    if not isinstance(raw_entries, list) or not raw_entries:
        raise PackError(f"{where}: `entries` must be a non-empty list")
    entries = tuple(
        _entry(raw, number, where, scope, kind) for number, raw in enumerate(raw_entries, 1)
    )
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise PackError(f"{where}: entry id `{entry.id}` is used twice")
        seen.add(entry.id)
    return Pack(name, where, kind, scope, str(data.get("description", "")).strip(), entries)


@cache
def load_pack(language_pair: str, name: str) -> Pack:
    """The shipped pack `name` for a language pair, read and validated once per process."""
    path = f"{language_pair}/{name}.yml"
    where = f"mtfix/rules/packs/{path}"
    try:
        text = datafiles.read_bytes(path, folder="rules/packs").decode("utf-8")
    except FileNotFoundError:
        raise PackError(f"{where}: no such pack") from None
    return parse_pack(text, where, name)


def match_case(matched: str, replacement: str) -> str:
    """`replacement` capitalised like the start of `matched`."""
    if matched[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class _PackDoc(type):
    """Lets `mtfix explain` list a pack's entries under the rule's own docstring."""

    @property
    def __doc__(cls) -> str:  # type: ignore[override]
        doc = inspect.cleandoc(cls.__dict__.get("_doc") or "")
        pack_name = getattr(cls, "pack", "")
        if not pack_name:
            return doc
        try:
            pack = load_pack("ru-en", pack_name)
        except PackError as err:
            return f"{doc}\n\n(pack not readable: {err})"
        lines = [f"Entries in {pack.path}:"]
        for entry in pack.entries:
            fix = "" if entry.fix == "none" else f" [{entry.fix} fix]"
            example = entry.pattern.search(entry.bad) if entry.bad else None
            message = example.expand(entry.message) if example else entry.message
            lines.append(f"  {entry.id}{fix}: {message}")
        return f"{doc}\n\n" + "\n".join(lines)


class PackRule(Rule, metaclass=_PackDoc):
    """A rule whose patterns come from a pack of the configured language pair."""

    pack: ClassVar[str] = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._doc = cls.__dict__.get("__doc__") or ""

    def check(self, document):
        pack = load_pack(self.context.pair.packs, self.pack)
        text = document.text
        for entry in pack.entries:
            matches = _lines(document, entry.pattern) if pack.scope == "line" else (
                document.finditer(entry.pattern)
            )
            for m in matches:
                start, end = m.start(), m.end()
                if pack.scope == "line":
                    start, end = _strip(text, start, end)
                matched = text[start:end]
                suggestions = [
                    match_case(matched, m.expand(s) if "\\" in s else s)
                    for s in entry.suggestions
                ]
                message = m.expand(entry.message) if "\\g<" in entry.message else entry.message
                yield self.issue(
                    start,
                    end,
                    message,
                    suggestions=suggestions,
                    fix=self._fix(pack, entry, m, suggestions, document),
                    severity=entry.severity,
                )

    @staticmethod
    def _fix(pack, entry, m, suggestions, document):
        if entry.fix == "none":
            return None
        make = Fix.safe if entry.fix == "safe" else Fix.unsafe
        if pack.kind == "existence":
            end = m.end()
            line, column = document.position(m.start())
            # A whole line goes with its line break; text after a Markdown marker goes alone.
            if column == 1 and line < len(document.line_starts):
                end = document.line_starts[line]
            return make(Edit.replace(m.start(), end, ""))
        return make(Edit.replace(m.start(), m.end(), suggestions[0]))


def _lines(document, pattern):
    """Matches of `pattern` that cover a whole line of a segment, never crossing a line break.

    Only lines holding the literal text that every match of `pattern` holds are tried, or
    failing such a literal, lines that begin with a character a match can begin with."""
    text, starts = document.text, document.line_starts
    first = first_chars(pattern) if document.scan_text.long else None
    for segment in document.segments_for(pattern):
        number = document.position(segment.start)[0]
        found = literal_positions(pattern, document.scan_text, segment.start, segment.end)
        if found is None:
            numbers = range(number, bisect.bisect_left(starts, segment.end) + 1)
        else:
            numbers = sorted({bisect.bisect_right(starts, at) for at in found})
        last = len(starts)
        for number in numbers:
            start = max(starts[number - 1], segment.start)
            if start >= segment.end or (first is not None and text[start] not in first):
                continue
            end = min(starts[number] if number < last else len(text), segment.end)
            while end > start and text[end - 1] in "\r\n":
                end -= 1
            if start < end and (m := pattern.fullmatch(text, start, end)):
                yield m


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end


@register
class Calque(PackRule):
    """A phrase copied word for word from the Russian that English does not use: a calque.
    The patterns, messages and suggestions live in the pack `packs/ru-en/calques.yml`;
    each entry says whether its fix is safe, unsafe or absent. Entries are checked against
    human English references before they are added, and narrowed until they stay silent there.

    Bad: Lavrov said that Moscow was still in 2015 ready to cooperate.
    Good: Lavrov said that Moscow was back in 2015 ready to cooperate.
    """

    code = "CQ001"
    name = "calque"
    summary = "a word-for-word rendering of a Russian phrase (from the calque pack)"
    category = "style/calque"
    severity = Severity.WARNING
    fixable = True
    pack = "calques"
    languages = frozenset({"ru"})  # the pack's calques are of Russian phrases


@register
class Boilerplate(PackRule):
    """A line of the source web page that is not part of the article: navigation links,
    a tag list, the Russian legal footnote on banned organizations. Patterns must match a
    whole line, so the rule never fires inside prose; the only fix, deleting the line, is
    unsafe because a publisher may want to keep a footnote or a tag line.

    Bad: «Back to news
    Good: (the line deleted)
    """

    code = "BP001"
    name = "boilerplate"
    summary = "navigation, tags or footnotes carried over from the source page"
    category = "style/boilerplate"
    severity = Severity.WARNING
    fixable = True
    pack = "boilerplate"
