"""Reading a pack file: YAML into a validated Pack, every error naming the file and the line.

Validation is strict, as for the configuration: an unknown key, a missing message, a regex
that does not compile or a group a suggestion names but the regex lacks is a PackError
`file:line: entry N (id): what is wrong`.

A pack is a list of `entries`, or one check: the keys of an entry at the top of the file
(without `id`), whose issues carry the pack's code alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mtfix.document import InputError
from mtfix.model import Severity
from mtfix.registry import CATEGORIES, CODE

PACK_KEYS = {
    "code", "name", "summary", "category", "severity", "pairs", "kind", "scope",
    "description", "bad", "good", "entries", "skip",
}
ENTRY_KEYS = {
    "id", "kind", "phrase", "regex", "either", "source", "target", "expect", "exceptions",
    "message", "suggestions", "fix", "severity", "case", "bad", "good", "remove",
}
#: What a one-check pack may say at its top level besides the rule's own keys.
CHECK_KEYS = ENTRY_KEYS - {"id", "kind", "severity", "bad", "good"}
#: Documents a pack may leave alone: `tokenized`, text tokenized as MT pipelines write it.
SKIPS = ("tokenized",)
KINDS = ("existence", "substitution", "consistency", "repetition", "pair")
SCOPES = ("text", "line")
FIXES = ("safe", "unsafe", "none")
EXPECT = ("present", "absent")
#: Blanks inside a phrase: any run of spaces, tabs and no-break spaces.
BLANKS = r"[ \t\u00a0]+"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_PAIR = re.compile(r"^[a-z]{2,3}-[a-z]{2,3}$")
_GROUP = re.compile(r"\\g<(\w+)>")


class PackError(InputError):
    """A malformed pack; the message names the file, the line and the entry."""


@dataclass(frozen=True)
class Entry:
    """One check of a pack: what it matches, what cancels a match, what to say and suggest.

    `pattern` is what is searched in the target (for a pair, the source pattern is `source`
    and `target` the target pattern's text, where `\\g<name>` stands for a source group)."""

    id: str
    kind: str
    pattern: re.Pattern[str]
    message: str
    suggestions: tuple[str, ...] = ()
    fix: str = "none"
    severity: Severity | None = None
    exceptions: tuple[re.Pattern[str], ...] = ()
    source: re.Pattern[str] | None = None
    target: str = ""
    expect: str = "present"
    remove: tuple[str, ...] = ()
    flags: int = 0
    bad: str = ""
    good: str = ""
    line: int = 0


@dataclass(frozen=True)
class Pack:
    """A validated pack: the rule it declares and its entries."""

    path: str
    code: str
    name: str
    summary: str
    category: str
    severity: Severity
    pairs: tuple[str, ...]
    scope: str
    description: str
    entries: tuple[Entry, ...]
    bad: str = ""
    good: str = ""
    #: A one-check pack: its issues carry the code alone, and it has no entries to choose.
    single: bool = False
    skip: tuple[str, ...] = ()
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def fixable(self) -> bool:
        return any(entry.fix != "none" for entry in self.entries)

    def entry(self, entry_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == entry_id), None)


def phrase_pattern(phrase: str) -> str:
    """A regex for a literal phrase: blanks match any run of blanks, word ends are bounded."""
    words = [re.escape(word) for word in phrase.split()]
    body = BLANKS.join(words)
    start = r"\b" if re.match(r"\w", phrase.strip()) else ""
    end = r"\b" if re.search(r"\w$", phrase.strip()) else ""
    return f"{start}{body}{end}"


def read_yaml(text: str, where: str) -> tuple[Any, dict[str, int], list[tuple[int, dict[str, int]]]]:
    """The YAML data, the line of each top-level key, and for each item of `entries` its line
    and the lines of its keys."""
    import yaml

    from mtfix.datafiles import yaml_loader

    loader = yaml_loader()(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        at = f"{where}:{mark.line + 1}" if mark is not None else where
        problem = getattr(err, "problem", None) or str(err)
        raise PackError(f"{at}: invalid YAML: {problem}") from None
    finally:
        loader.dispose()
    keys: dict[str, int] = {}
    entries: list[tuple[int, dict[str, int]]] = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            keys[str(key.value)] = key.start_mark.line + 1
            if key.value == "entries" and isinstance(value, yaml.SequenceNode):
                for item in value.value:
                    lines = {}
                    if isinstance(item, yaml.MappingNode):
                        lines = {str(k.value): k.start_mark.line + 1 for k, _ in item.value}
                    entries.append((item.start_mark.line + 1, lines))
    return data, keys, entries


def _text(raw: dict, key: str, label: str, required: bool = False) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        need = "is required and must be" if required else "must be"
        raise PackError(f"{label}: `{key}` {need} a non-empty string" if required else f"{label}: `{key}` {need} a string")
    return value


def _compile(body: str, flags: int, label: str, written: str) -> re.Pattern[str]:
    try:
        pattern = re.compile(body, flags)
    except re.error as err:
        raise PackError(f"{label}: bad regex {written!r}: {err}") from None
    if pattern.match(""):
        raise PackError(f"{label}: the pattern {written!r} matches the empty string")
    return pattern


def _groups_exist(pattern: re.Pattern[str], texts: list[str], label: str) -> None:
    for text in texts:
        for group in _GROUP.findall(text):
            if group not in pattern.groupindex and not (group.isdigit() and int(group) <= pattern.groups):
                raise PackError(f"{label}: {text!r} names a missing regex group `{group}`")


def _exceptions(raw: Any, flags: int, label: str) -> tuple[re.Pattern[str], ...]:
    """`exceptions`: phrases (plain strings) or `{regex: ...}` mappings."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise PackError(f"{label}: `exceptions` must be a list of phrases or {{regex: ...}} mappings")
    found = []
    for item in raw:
        if isinstance(item, str) and item.strip():
            found.append(_compile(phrase_pattern(item), flags, label, item))
        elif isinstance(item, dict) and set(item) == {"regex"} and isinstance(item["regex"], str):
            found.append(_compile(item["regex"], flags, label, item["regex"]))
        else:
            raise PackError(f"{label}: an exception is a phrase or a {{regex: ...}} mapping, not {item!r}")
    return tuple(found)


def _pattern(raw: dict, kind: str, scope: str, flags: int, label: str) -> tuple[re.Pattern[str], re.Pattern[str] | None, str]:
    """The target pattern of an entry; for a pair, also the source pattern and the target text."""
    given = [key for key in ("phrase", "regex", "either", "source") if key in raw]
    if kind == "pair":
        if "source" not in raw or "target" not in raw or set(given) != {"source"}:
            raise PackError(f"{label}: a pair entry gives `source` and `target` (regexes), and no `phrase`, `regex` or `either`")
        source_text, target_text = _text(raw, "source", label, True), _text(raw, "target", label, True)
        source = _compile(source_text, flags, label, source_text)
        _groups_exist(source, [target_text], label)
        probe = _GROUP.sub(lambda m: "x", target_text)
        return _compile(probe, flags, label, target_text), source, target_text
    if "target" in raw or "expect" in raw:
        raise PackError(f"{label}: `target` and `expect` belong to pair entries (`kind: pair`)")
    if kind == "consistency":
        either = raw.get("either")
        if given != ["either"] or not isinstance(either, list) or len(either) < 2 or not all(
            isinstance(v, str) and v.strip() for v in either
        ):
            raise PackError(f"{label}: a consistency entry gives `either`: a list of two or more spellings")
        body = "|".join(f"(?P<v{n}>{phrase_pattern(v)})" for n, v in enumerate(either))
        return _compile(body, flags, label, " / ".join(either)), None, ""
    if len(given) != 1 or given[0] not in ("phrase", "regex"):
        raise PackError(f"{label}: give exactly one of `phrase` and `regex`")
    written = _text(raw, given[0], label, True)
    body = phrase_pattern(written) if given[0] == "phrase" else written
    if kind == "repetition":
        _compile(body, flags, label, written)
        body = rf"(?P<first>{body}){BLANKS}(?P=first)(?!\w)"
    elif scope == "line":
        body = rf"[ \t]*(?:{body})[ \t]*"  # matched against each line as a whole
    return _compile(body, flags, label, written), None, ""


def entry(raw: Any, number: int, where: str, scope: str, kind: str, lines: tuple[int, dict[str, int]] = (0, {})) -> Entry:
    """One entry validated; PackError names the file, the line and the entry."""
    line, key_lines = lines
    at = f"{where}:{line}" if line else where
    label = f"{at}: entry {number}"
    if not isinstance(raw, dict):
        raise PackError(f"{label}: must be a mapping of keys to values")
    if isinstance(raw.get("id"), str):
        label = f"{at}: entry {number} ({raw['id']})"
    unknown = sorted(set(raw) - ENTRY_KEYS)
    if unknown:
        where_key = f"{where}:{key_lines[unknown[0]]}" if unknown[0] in key_lines else at
        raise PackError(
            f"{label.replace(at, where_key, 1)}: unknown key `{unknown[0]}` (known: {', '.join(sorted(ENTRY_KEYS))})"
        )
    entry_id, message = _text(raw, "id", label, True), _text(raw, "message", label, True)
    if not _ID.match(entry_id):
        raise PackError(f"{label}: `id` must be kebab-case (lower-case words joined by -)")
    kind = raw.get("kind", kind)
    if kind not in KINDS:
        raise PackError(f"{label}: `kind` must be one of {', '.join(KINDS)}, not {kind!r}")
    case = raw.get("case", "insensitive")
    if case not in ("sensitive", "insensitive"):
        raise PackError(f"{label}: `case` must be sensitive or insensitive, not {case!r}")
    flags = re.MULTILINE | (0 if case == "sensitive" else re.IGNORECASE)
    pattern, source, target = _pattern(raw, kind, scope, flags, label)
    suggestions = raw.get("suggestions", [])
    if kind == "consistency":
        if "suggestions" in raw:
            raise PackError(f"{label}: a consistency entry suggests the spelling the text uses first; drop `suggestions`")
        suggestions = raw["either"]
    if isinstance(suggestions, str):
        suggestions = [suggestions]
    if not isinstance(suggestions, list) or not all(isinstance(s, str) for s in suggestions):
        raise PackError(f"{label}: `suggestions` must be a string or a list of strings")
    _groups_exist(source or pattern, [*suggestions, message], label)
    fix = raw.get("fix", "none")
    if fix not in FIXES:
        raise PackError(f"{label}: `fix` must be one of {', '.join(FIXES)}, not {fix!r}")
    if fix != "none" and kind == "substitution" and not suggestions:
        raise PackError(f"{label}: a {fix} fix needs at least one suggestion")
    remove = _remove(raw, kind, source or pattern, label)
    if fix == "safe" and kind == "existence" and not remove:
        raise PackError(f"{label}: deleting text is never a safe fix; use `fix: unsafe`")
    if fix != "none" and kind == "pair":
        raise PackError(f"{label}: a pair entry reports, it does not fix (`fix: none`)")
    expect = raw.get("expect", "present")
    if expect not in EXPECT:
        raise PackError(f"{label}: `expect` must be present or absent, not {expect!r}")
    severity = raw.get("severity")
    if severity is not None:
        severity = _severity(severity, label)
    bad, good = _text(raw, "bad", label), _text(raw, "good", label)
    if kind == "pair":
        for key, example in (("bad", bad), ("good", good)):
            if example and " → " not in example:
                raise PackError(f"{label}: a pair entry's `{key}` is written `source → target`")
    return Entry(
        id=entry_id,
        kind=kind,
        pattern=pattern,
        message=message.strip(),
        suggestions=tuple(suggestions),
        fix=fix,
        severity=severity,
        exceptions=_exceptions(raw.get("exceptions"), flags, label),
        source=source,
        target=target,
        expect=expect,
        remove=remove,
        flags=flags,
        bad=bad,
        good=good,
        line=line,
    )


def _remove(raw: dict, kind: str, pattern: re.Pattern[str], label: str) -> tuple[str, ...]:
    """`remove`: the named groups an existence entry's fix deletes, instead of the whole match."""
    remove = raw.get("remove", [])
    if not remove:
        return ()
    if kind != "existence":
        raise PackError(f"{label}: `remove` belongs to existence entries")
    if not isinstance(remove, list) or not all(isinstance(g, str) for g in remove):
        raise PackError(f"{label}: `remove` must be a list of the regex's group names")
    missing = [g for g in remove if g not in pattern.groupindex]
    if missing:
        raise PackError(f"{label}: `remove` names a missing regex group `{missing[0]}`")
    return tuple(remove)


def _severity(value: Any, label: str) -> Severity:
    names = [s.value for s in Severity]
    if value not in names:
        raise PackError(f"{label}: `severity` must be one of {', '.join(names)}, not {value!r}")
    return Severity(value)


def header(data: Any, where: str, keys: dict[str, int]) -> dict[str, Any]:
    """The rule a pack declares, validated: everything but its entries."""
    if not isinstance(data, dict):
        raise PackError(f"{where}: a pack is a mapping with `code`, `name`, `summary`, `category` and `entries`")

    def at(key: str) -> str:
        return f"{where}:{keys[key]}" if key in keys else where

    single = "entries" not in data and any(key in data for key in CHECK_KEYS)
    unknown = sorted(set(data) - PACK_KEYS - (CHECK_KEYS if single else set()))
    if unknown:
        raise PackError(f"{at(unknown[0])}: unknown key `{unknown[0]}` (known: {', '.join(sorted(PACK_KEYS))})")
    for key in ("code", "name", "summary", "category"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise PackError(f"{at(key)}: `{key}` is required and must be a non-empty string")
    if not CODE.match(data["code"]):
        raise PackError(f"{at('code')}: `code` must be two capitals and three digits (HX001), not {data['code']!r}")
    if not _NAME.match(data["name"]):
        raise PackError(f"{at('name')}: `name` must be kebab-case, not {data['name']!r}")
    if data["category"] not in CATEGORIES:
        raise PackError(f"{at('category')}: `category` must be one of {', '.join(sorted(CATEGORIES))}")
    kind = data.get("kind", "substitution")
    if kind not in KINDS:
        raise PackError(f"{at('kind')}: `kind` must be one of {', '.join(KINDS)}, not {kind!r}")
    scope = data.get("scope", "text")
    if scope not in SCOPES:
        raise PackError(f"{at('scope')}: `scope` must be one of {', '.join(SCOPES)}, not {scope!r}")
    pairs = data.get("pairs", [])
    if not isinstance(pairs, list) or not all(isinstance(p, str) and _PAIR.match(p) for p in pairs):
        raise PackError(f"{at('pairs')}: `pairs` must be a list of language pairs such as ru-en")
    for key in ("description", "bad", "good"):
        if not isinstance(data.get(key, ""), str):
            raise PackError(f"{at(key)}: `{key}` must be a string")
    if not single and (not isinstance(data.get("entries"), list) or not data["entries"]):
        raise PackError(f"{at('entries')}: `entries` must be a non-empty list (or the pack one check: `regex`, `message`, …)")
    skip = data.get("skip", [])
    if not isinstance(skip, list) or not all(s in SKIPS for s in skip):
        raise PackError(f"{at('skip')}: `skip` must be a list of {', '.join(SKIPS)}")
    return {
        "code": data["code"],
        "name": data["name"],
        "summary": data["summary"].strip(),
        "category": data["category"],
        "severity": _severity(data.get("severity", "warning"), at("severity")),
        "pairs": tuple(pairs),
        "kind": kind,
        "scope": scope,
        "description": data.get("description", "").strip(),
        "bad": data.get("bad", ""),
        "good": data.get("good", ""),
        "single": single,
        "skip": tuple(skip),
    }


def checks(data: dict, rule: dict, keys: dict[str, int], lines: list) -> list[tuple[Any, tuple[int, dict[str, int]]]]:
    """Each entry's raw mapping with its line and its keys' lines; a one-check pack's check
    as one entry named after the pack, with the pack's examples."""
    if rule["single"]:
        raw = {key: data[key] for key in CHECK_KEYS | {"bad", "good"} if key in data}
        first = min(keys[key] for key in raw if key in keys) if raw else 0
        return [({"id": rule["name"], **raw}, (first, keys))]
    return [(raw, lines[n] if n < len(lines) else (0, {})) for n, raw in enumerate(data["entries"])]


def parse_pack(text: str, where: str) -> Pack:
    """Validate the YAML text of a pack; PackError names `where`, the line and the entry."""
    data, keys, lines = read_yaml(text, where)
    rule = header(data, where, keys)
    kind, scope = rule.pop("kind"), rule["scope"]
    entries = tuple(
        entry(raw, number, where, scope, kind, at)
        for number, (raw, at) in enumerate(checks(data, rule, keys, lines), 1)
    )
    seen: dict[str, int] = {}
    for number, found in enumerate(entries, 1):
        if found.id in seen:
            raise PackError(f"{where}:{found.line}: entry {number}: id `{found.id}` is used twice (first by entry {seen[found.id]})")
        seen[found.id] = number
    return Pack(path=where, entries=entries, lines=keys, **rule)
