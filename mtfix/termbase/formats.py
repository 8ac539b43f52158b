"""Read and write glossaries as TSV, CSV, TBX (v2 `martif` and v3 `tbx`) and YAML.

Every reader returns TermEntry objects whose `origin` is `path:line`. A problem in a file is
reported through `report(Problem)` when a callback is given (`mtfix glossary check` collects
them all); otherwise an error raises GlossaryError and warnings are dropped.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from mtfix import files
from mtfix.termbase.model import GlossaryError, TermEntry, make_entry

COLUMNS = ("term", "variants", "admitted", "source", "case", "pos", "gender", "domain", "note", "policy", "id")
LIST_COLUMNS = ("variants", "admitted", "source")
_TRUE = {"yes", "true", "1", "sensitive", "y"}
_FALSE = {"", "no", "false", "0", "insensitive", "n"}
_GENDERS = {"": "", "m": "m", "f": "f", "masculine": "m", "feminine": "f", "male": "m", "female": "f"}
EXTENSIONS = {".tsv": "tsv", ".txt": "tsv", ".csv": "csv", ".tbx": "tbx", ".xml": "tbx", ".yml": "yaml", ".yaml": "yaml"}


@dataclass(frozen=True)
class Problem:
    """Something wrong in a glossary file, at `where` (`path:line`)."""

    where: str
    level: str  # "error" or "warning"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.level}: {self.message}"


Report = Callable[[Problem], None] | None


def _complain(report: Report, where: str, message: str, level: str = "error") -> None:
    if report is None:
        if level == "error":
            raise GlossaryError(f"{where}: {message}")
        return
    report(Problem(where, level, message))


def format_of(path: Path) -> str:
    """The glossary format named by a file's extension."""
    try:
        return EXTENSIONS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(set(EXTENSIONS)))
        raise GlossaryError(f"{path}: unsupported glossary format {path.suffix or '(none)'} (known: {known})") from None


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """A glossary file's bytes; GlossaryError naming it when it is missing, unreadable, not a
    regular file (a FIFO is never opened for a blocking read) or larger than `limit` (by
    default the default max-file-size)."""
    try:
        return files.read(path, limit or files.DEFAULT_LIMIT)[0]
    except files.FileRefused as err:
        raise GlossaryError(str(err)) from None


def _text(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise GlossaryError(f"{path}: invalid UTF-8 at byte offset {err.start}") from None


def read(path: Path, report: Report = None, data: bytes | None = None) -> list[TermEntry]:
    """Entries of a glossary file in any supported format, chosen by extension."""
    kind = format_of(path)
    data = read_bytes(path) if data is None else data
    reader = {"tsv": read_tsv, "csv": read_csv, "tbx": read_tbx, "yaml": read_yaml}[kind]
    return reader(path, data, report)


# Tables: TSV and CSV share a header and one row per concept.


def split_list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def entry_from_fields(values: dict[str, object], where: str, report: Report) -> TermEntry | None:
    """One entry from named fields (a table row or a YAML mapping); None when unusable."""

    def text(key: str) -> str:
        value = values.get(key)
        if value is None:
            return ""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if not isinstance(value, (str, int, float)):
            _complain(report, where, f"`{key}` must be text, not {type(value).__name__}")
            return ""
        raw = str(value)
        if raw != raw.strip() and key != "note":
            _complain(report, where, f"`{key}` has leading or trailing white space", "warning")
        return raw.strip()

    def listed(key: str) -> tuple[str, ...]:
        value = values.get(key)
        if value is None:
            return ()
        if isinstance(value, list):
            items = [str(v).strip() for v in value if v is not None]
            if any(not v for v in items):
                _complain(report, where, f"`{key}` has an empty item", "warning")
            return tuple(v for v in items if v)
        raw = text(key)
        if re.search(r"(^|\|)\s*(\||$)", raw) and raw:
            _complain(report, where, f"`{key}` has an empty item between `|` separators", "warning")
        return split_list(raw)

    term = text("term")
    if not term:
        _complain(report, where, "empty `term`")
        return None
    case = text("case").lower() if "case" in values else text("case_sensitive").lower()
    if case not in _TRUE | _FALSE:
        _complain(report, where, f"`case` must be yes or no, not {case!r}")
        case = ""
    gender = text("gender").lower()
    if gender not in _GENDERS:
        _complain(report, where, f"`gender` must be m, f or empty, not {gender!r}")
        gender = ""
    for key in values:
        if key not in COLUMNS and key not in ("case_sensitive", "__line__"):
            _complain(report, where, f"unknown field `{key}` (known: {', '.join(COLUMNS)})", "warning")
    return TermEntry(
        term=term,
        variants=listed("variants"),
        source=listed("source"),
        case_sensitive=case in _TRUE,
        gender=_GENDERS[gender],
        note=text("note"),
        origin=where,
        admitted=listed("admitted"),
        pos=text("pos"),
        domain=text("domain"),
        policy=text("policy"),
        id=text("id"),
    )


def _header(path: Path, number: int, header: list[str], report: Report) -> list[str] | None:
    header = [c.strip().lower() for c in header]
    unknown = [c for c in header if c not in COLUMNS]
    if unknown or "term" not in header or len(set(header)) != len(header):
        _complain(
            report,
            f"{path}:{number}",
            f"glossary header must name distinct columns from {', '.join(COLUMNS)} including term;"
            f" got {', '.join(header)}",
        )
        return None
    return header


def read_tsv(path: Path, data: bytes, report: Report = None) -> list[TermEntry]:
    """A tab-separated table with a header row; blank lines and `#` comment lines are skipped."""
    text = _text(path, data)
    rows = [
        (number, line.rstrip("\r\n").split("\t"))
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]
    if not rows:
        _complain(report, f"{path}:1", "empty glossary (no header row)")
        return []
    header = _header(path, rows[0][0], rows[0][1], report)
    if header is None:
        return []
    entries = []
    for number, fields in rows[1:]:
        entry = _row_entry(header, fields, f"{path}:{number}", "tab", report)
        if entry is not None:
            entries.append(entry)
    return entries


def _row_entry(header: list[str], fields: list[str], where: str, separator: str, report: Report):
    """The entry of one table row, or None (with a complaint) when the row is malformed."""
    if len(fields) != len(header):
        _complain(report, where, f"{len(fields)} {separator}-separated fields, header has {len(header)}")
        return None
    return entry_from_fields(dict(zip(header, fields)), where, report)


def read_csv(path: Path, data: bytes, report: Report = None) -> list[TermEntry]:
    """A comma-separated table (RFC 4180 quoting) with a header row; blank rows are skipped."""
    reader = csv.reader(io.StringIO(_text(path, data), newline=""))
    header, entries = None, []
    start = 1
    try:
        for fields in reader:
            number, start = start, reader.line_num + 1
            if not any(f.strip() for f in fields) or fields[0].startswith("#"):
                continue
            if header is None:
                header = _header(path, number, fields, report)
                if header is None:
                    return []
                continue
            entry = _row_entry(header, fields, f"{path}:{number}", "comma", report)
            if entry is not None:
                entries.append(entry)
    except csv.Error as err:
        _complain(report, f"{path}:{reader.line_num}", f"malformed CSV: {err}")
    if header is None:
        _complain(report, f"{path}:1", "empty glossary (no header row)")
    return entries


def _cell(value: Iterable[str] | str) -> str:
    return value if isinstance(value, str) else "|".join(value)


def _row(entry: TermEntry) -> dict[str, str]:
    return {
        "term": entry.term,
        "variants": _cell(entry.variants),
        "admitted": _cell(entry.admitted),
        "source": _cell(entry.source),
        "case": "yes" if entry.case_sensitive else "no",
        "pos": entry.pos,
        "gender": entry.gender,
        "domain": entry.domain,
        "note": entry.note,
        "policy": entry.policy,
        "id": entry.id,
    }


def _columns(entries: list[TermEntry]) -> list[str]:
    rows = [_row(e) for e in entries]
    keep = {"term", "variants", "source", "case", "gender", "note"}
    return [c for c in COLUMNS if c in keep or any(r[c] for r in rows)]


def write_tsv(entries: list[TermEntry]) -> str:
    columns = _columns(entries)
    lines = ["\t".join(columns)]
    for entry in entries:
        row = _row(entry)
        lines.append("\t".join(" ".join(row[c].split()) if c == "note" else row[c] for c in columns))
    return "\n".join(lines) + "\n"


def write_csv(entries: list[TermEntry]) -> str:
    columns = _columns(entries)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for entry in entries:
        row = _row(entry)
        writer.writerow([row[c] for c in columns])
    return out.getvalue()


# YAML: a list of mappings (or {entries: [...]}) with the table's field names.


def read_yaml(path: Path, data: bytes, report: Report = None) -> list[TermEntry]:
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node, deep=False):
            mapping = super().construct_mapping(node, deep=deep)
            mapping["__line__"] = node.start_mark.line + 1
            return mapping

    try:
        document = yaml.load(_text(path, data), Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        _complain(report, f"{path}:{line}", f"invalid YAML: {getattr(err, 'problem', err)}")
        return []
    if isinstance(document, dict) and "entries" in document:
        document = document["entries"]
    if document is None:
        _complain(report, f"{path}:1", "empty glossary")
        return []
    if not isinstance(document, list):
        _complain(report, f"{path}:1", "a YAML glossary is a list of entries (or `entries:` holding one)")
        return []
    entries = []
    for item in document:
        if not isinstance(item, dict):
            _complain(report, f"{path}:1", f"an entry must be a mapping, not {type(item).__name__}")
            continue
        where = f"{path}:{item.get('__line__', 1)}"
        entry = entry_from_fields(item, where, report)
        if entry is not None:
            entries.append(entry)
    return entries


def write_yaml(entries: list[TermEntry]) -> str:
    import yaml

    items = []
    for entry in entries:
        row: dict[str, object] = {"term": entry.term}
        for key in LIST_COLUMNS:
            if getattr(entry, key):
                row[key] = list(getattr(entry, key))
        if entry.case_sensitive:
            row["case"] = "yes"
        for key in ("pos", "gender", "domain", "note", "policy", "id"):
            if getattr(entry, key):
                row[key] = getattr(entry, key)
        items.append(row)
    return yaml.safe_dump(items, allow_unicode=True, sort_keys=False, width=100)


# TBX (ISO 30042). A document whose type declaration declares entities is refused before it
# is parsed; nothing else can bring in entity expansion or external resources.

_STATUS = {
    "preferredterm": "preferred",
    "admittedterm": "admitted",
    "deprecatedterm": "forbidden",
    "supersededterm": "forbidden",
    "legalterm": "preferred",
    "regulatedterm": "preferred",
    "standardizedterm": "preferred",
}
_STATUS_OF: dict[str, str] = {}
_TBX_GENDER = {"masculine": "m", "feminine": "f", "m": "m", "f": "f"}
#: An entry's start tag. The look-ahead (implied by the rest) turns away most other tags at
#: their first characters: a search over a 70 MB termbase takes two thirds of the time.
_ENTRY_TAG = re.compile(rb"<(?=[\w.:-]*Entry[\s/>])(?:[\w.-]+:)?(?:termEntry|conceptEntry)[\s/>]")
_CASE_TYPES = {"x-casesensitive", "casesensitive", "x-case"}
_POLICY_TYPES = {"x-policy", "x-mtfixpolicy"}


_LOCAL: dict[str, str] = {}


def _local(tag: str) -> str:
    """An element or attribute name without its namespace or prefix."""
    try:
        return _LOCAL[tag]
    except KeyError:
        name = _LOCAL[tag] = tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]
        return name


def _lang(element) -> str:
    for key, value in element.attrib.items():
        if _local(key) == "lang":
            return value.lower()
    return ""


class _Declared(Exception):
    """The document type declaration declares the entity `name` on line `line`."""

    def __init__(self, name: str, line: int) -> None:
        super().__init__(name, line)
        self.name, self.line = name, line


class _Root(Exception):
    """The root element starts at byte `offset`."""

    def __init__(self, offset: int) -> None:
        super().__init__(offset)
        self.offset = offset


def _root_offset(data: bytes) -> int:
    """The byte offset of an XML document's root element, found by expat itself reading the
    prolog (as ElementTree's parser will), so a comment, processing instruction or quoted
    string that looks like markup hides nothing. Raises _Declared at the first entity the
    document type declaration declares (internal or external, general or parameter), the
    only way entity expansion or an external resource can enter a document, and
    ExpatError when the prolog is not well-formed. The scan stops at the root element:
    no declaration can follow it."""
    from xml.parsers.expat import ExpatError, ParserCreate

    parser = ParserCreate(namespace_separator="}")

    def declared(name: str, *_) -> None:
        raise _Declared(name, parser.CurrentLineNumber)

    def root(*_) -> None:
        raise _Root(parser.CurrentByteIndex)

    parser.EntityDeclHandler = declared
    parser.StartElementHandler = root
    try:
        parser.Parse(data, True)
    except _Root as found:
        return found.offset
    raise ExpatError("no element found")  # not reached: expat itself raises this first


def parse_xml(data: bytes):
    """The root element of an XML document that `_root_offset` let through, parsed with
    ElementTree's C parser: with no entity declared, there is nothing to expand or fetch."""
    from xml.etree.ElementTree import XMLParser

    parser = XMLParser()
    parser.feed(data)
    return parser.close()


def read_tbx(path: Path, data: bytes, report: Report = None) -> list[TermEntry]:
    """TBX v2 (`martif/text/body/termEntry/langSet/(tig|ntig)/term`) and TBX v3
    (`tbx/text/body/conceptEntry/langSec/termSec/term`). English terms become the preferred
    term, admitted and forbidden variants by `administrativeStatus`; other languages are the
    source terms. Entries without an English term are skipped (a warning in `glossary check`).
    """
    from xml.etree.ElementTree import ParseError
    from xml.parsers.expat import ExpatError

    from mtfix.cache import no_gc

    try:
        _root_offset(data)
    except _Declared as err:
        message = f"refused XML: the document type declares the entity `{err.name}` (entities are not read)"
        _complain(report, f"{path}:{err.line}", message)
        return []
    except ExpatError as err:
        _complain(report, f"{path}:{getattr(err, 'lineno', 1)}", f"malformed XML: {err}")
        return []
    with no_gc():
        entries = _read_in_batches(path, data, report)
    if entries is not None:
        return entries
    try:
        with no_gc():
            root = parse_xml(data)
    except ParseError as err:
        line = err.position[0] if getattr(err, "position", None) else 1
        _complain(report, f"{path}:{line}", f"malformed XML: {err}")
        return []
    if _local(root.tag) not in ("martif", "tbx"):
        _complain(report, f"{path}:1", f"not a TBX file: root element <{_local(root.tag)}>")
        return []
    body = None
    for child in root.iter():
        if _local(child.tag) == "body":
            body = child
            break
    if body is None:
        _complain(report, f"{path}:1", "TBX file without <text><body>")
        return []
    offsets = [m.start() for m in _ENTRY_TAG.finditer(data)]
    line_starts: list[int] | None = None

    def line_of(index: int) -> int:
        nonlocal line_starts
        if index >= len(offsets):
            return 1
        if line_starts is None:
            line_starts = [0] + [m.end() for m in re.finditer(rb"\n", data)]
        return bisect.bisect_right(line_starts, offsets[index])

    with no_gc():
        return _tbx_entries(body, path, report, line_of)


_START_TAG = re.compile(rb"<([^\s>/?!]+)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_BODY_START = re.compile(rb"<(?:[\w.-]+:)?body(?:\s[^>]*)?>")
_BODY_END = re.compile(rb"</(?:[\w.-]+:)?body\s*>")
_DECLARED_ENCODING = re.compile(rb"\s*<\?xml[^>]*encoding\s*=\s*[\"']([\w.-]+)")
BATCH = 50


def _read_in_batches(path: Path, data: bytes, report: Report) -> list[TermEntry] | None:
    """Entries of a TBX file parsed a few dozen concepts at a time, each batch wrapped in
    the file's own root start tag (so namespaces hold), so a 100,000-entry termbase never
    sits in memory as one tree; a batch this small stays in the processor's cache while it
    is read, which makes the whole read a third faster than batches of thousands. None when
    the file does not lend itself to that (another encoding, an entry tag inside a comment,
    malformed XML): the caller then parses it whole, which also gives the exact error line."""
    from xml.etree.ElementTree import ParseError, XMLParser

    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None
    declared = _DECLARED_ENCODING.match(data.removeprefix(b"\xef\xbb\xbf"))
    if declared and declared.group(1).lower() not in (b"utf-8", b"utf8", b"us-ascii", b"ascii"):
        return None
    start_tag = _START_TAG.match(data, _root_offset(data))
    if start_tag is None or _local(start_tag.group(1).decode("utf-8", "replace")) not in ("martif", "tbx"):
        return None
    body = _BODY_START.search(data, start_tag.end())
    end = _BODY_END.search(data, body.end()) if body else None
    if end is None:
        return None
    offsets = [m.start() for m in _ENTRY_TAG.finditer(data, body.end(), end.start())]
    if not offsets:
        return None
    lines, line, previous = [], 1, 0
    for offset in offsets:
        line += data.count(b"\n", previous, offset)
        lines.append(line)
        previous = offset
    problems: list[Problem] = []
    collect = problems.append if report is not None else None
    close = b"</" + start_tag.group(1) + b">"
    entries, where = [], f"{path}:"
    for first in range(0, len(offsets), BATCH):
        stop = offsets[first + BATCH] if first + BATCH < len(offsets) else end.start()
        parser = XMLParser()
        try:
            parser.feed(start_tag.group(0))
            parser.feed(data[offsets[first] : stop])
            parser.feed(close)
            batch = parser.close()
        except ParseError:
            return None
        concepts = [c for c in batch if _local(c.tag) in ("termEntry", "conceptEntry")]
        if len(concepts) != len(offsets[first : first + BATCH]):
            return None
        for number, concept in enumerate(concepts, first):
            entry = _tbx_entry(concept, where + str(lines[number]), collect)
            if entry is not None:
                entries.append(entry)
    for problem in problems:
        report(problem)
    return entries


def _tbx_entries(body, path: Path, report: Report, line_of) -> list[TermEntry]:
    entries = []
    index = -1
    for concept in body:
        if _local(concept.tag) not in ("termEntry", "conceptEntry"):
            continue
        index += 1
        where = f"{path}:{line_of(index)}"
        entry = _tbx_entry(concept, where, report)
        if entry is not None:
            entries.append(entry)
    return entries


_DATA_CATEGORIES = frozenset(("termNote", "descrip", "admin"))
_CATEGORY_ELEMENTS = frozenset(("administrativeStatus", "normativeAuthorization", "partOfSpeech", "grammaticalGender"))
_NOTE_TYPES = frozenset(("source", "definition", "context"))
_NOTE_ELEMENTS = frozenset(("admin", "descrip", "transac"))


def _text_of(element) -> str:
    text = element.text
    return " ".join(text.split()) if text else ""


def _note(element, name: str, notes: list[str]) -> bool:
    """Add a note, source or definition to `notes`; True when `element` was one."""
    if name == "note" or (name in _NOTE_ELEMENTS and element.get("type") in _NOTE_TYPES):
        value = _text_of(element)
        if value:
            notes.append(value)
        return True
    return False


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_TERM_HOLDERS = frozenset(("tig", "ntig", "termSec"))
_LANGUAGE_SECTIONS = frozenset(("langSet", "langSec"))


def _tbx_entry(concept, where: str, report: Report) -> TermEntry | None:
    notes: list[str] = []
    domain, case, policy = "", None, ""
    english: list[tuple[str, str, dict[str, str]]] = []
    source: list[str] = []
    local = _LOCAL
    for child in concept:
        name = local.get(child.tag) or _local(child.tag)
        if name in _LANGUAGE_SECTIONS:
            attributes = child.attrib
            lang = attributes.get(_XML_LANG) if len(attributes) == 1 else None
            lang = _lang(child) if lang is None else lang.lower()
            is_english = lang.startswith("en")
            for holder in child:
                holder_name = local.get(holder.tag) or _local(holder.tag)
                if holder_name not in _TERM_HOLDERS:
                    _note(holder, holder_name, notes)
                    continue
                value, categories = "", {}
                for item in holder.iter() if holder_name == "ntig" else holder:
                    item_name = local.get(item.tag) or _local(item.tag)
                    if item_name == "term":
                        if not value:
                            text = item.text if len(item) == 0 else "".join(item.itertext())
                            value = " ".join(text.split()) if text else ""
                    elif not is_english:
                        continue
                    elif item_name == "termNote":  # never a note: a data category
                        text = item.text
                        categories.setdefault(item.get("type", ""), " ".join(text.split()) if text else "")
                    elif item_name in _DATA_CATEGORIES:
                        if not _note(item, item_name, notes):
                            categories.setdefault(item.get("type", ""), _text_of(item))
                    elif item_name in _CATEGORY_ELEMENTS:
                        categories.setdefault(item_name, _text_of(item))
                    elif item_name == "note":
                        _note(item, item_name, notes)
                if not value:
                    _complain(report, where, f"empty <term> in language {lang or '(none)'}")
                elif is_english:
                    status = categories.get("administrativeStatus") or categories.get("normativeAuthorization") or ""
                    english.append((value, status, categories))
                elif lang:
                    source.append(value)
            continue
        kind = child.get("type")
        if name == "note" or (kind in _NOTE_TYPES and name in _NOTE_ELEMENTS):  # _note, inline
            text = child.text
            if text and (text := " ".join(text.split())):
                notes.append(text)
            continue
        kind = (kind or "").lower()
        if name == "subjectField" or (name in _DATA_CATEGORIES and kind == "subjectfield"):
            text = child.text
            domain = " ".join(text.split()) if text else ""
        elif kind in _CASE_TYPES:
            case = _text_of(child).lower() in _TRUE
        elif kind in _POLICY_TYPES:
            policy = _text_of(child)
    if not english:
        _complain(report, where, "no English term in this entry; skipped", "warning")
        return None
    preferred, unmarked, admitted, forbidden = [], [], [], []
    for value, status, categories in english:
        kind = _STATUS_OF.get(status)
        if kind is None:
            key = status.lower().removesuffix("-admn-sts").replace("-", "")
            if status and key not in _STATUS:
                _complain(report, where, f"unknown administrativeStatus {status!r} on `{value}`", "warning")
            kind = _STATUS.get(key, "")
            if key in _STATUS or not status:
                _STATUS_OF[status] = kind
        if kind == "forbidden":
            forbidden.append(value)
        elif kind == "preferred":
            preferred.append((value, categories))
        elif kind == "admitted":
            admitted.append((value, categories))
        else:
            unmarked.append((value, categories))
    preferred += unmarked + admitted
    if not preferred:
        _complain(report, where, "only deprecated English terms; no term to put in their place")
        return None
    term, categories = preferred[0]
    admitted_terms = [value for value, _ in preferred[1:]]
    gender = _TBX_GENDER.get(categories.get("grammaticalGender", "").lower(), "")
    if case is None:
        case = categories.get("x-caseSensitive", "").lower() in _TRUE
    return make_entry(
        (
            term,
            tuple(forbidden),
            tuple(source),
            case,
            gender,
            "; ".join(dict.fromkeys(notes)) if len(notes) > 1 else "".join(notes),
            where,
            tuple(admitted_terms),
            categories.get("partOfSpeech", ""),
            domain,
            policy,
            concept.get("id", ""),
        )
    )


def write_tbx(entries: list[TermEntry], source_lang: str = "ru") -> str:
    """TBX v3, TBX-Basic dialect in DCA style."""
    from xml.sax.saxutils import (  # brings urllib.request: only when writing TBX
        escape,
        quoteattr,
    )

    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n'
        "  <tbxHeader><fileDesc><sourceDesc><p>mtfix glossary</p></sourceDesc></fileDesc></tbxHeader>\n"
        "  <text>\n    <body>\n"
    ]
    gender_names = {"m": "masculine", "f": "feminine"}
    for number, entry in enumerate(entries, 1):
        ident = entry.id or f"c{number}"
        out.append(f"      <conceptEntry id={quoteattr(ident)}>\n")
        if entry.domain:
            out.append(f'        <descrip type="subjectField">{escape(entry.domain)}</descrip>\n')
        if entry.case_sensitive:
            out.append('        <admin type="x-caseSensitive">yes</admin>\n')
        if entry.policy:
            out.append(f'        <admin type="x-policy">{escape(entry.policy)}</admin>\n')
        if entry.note:
            out.append(f"        <note>{escape(entry.note)}</note>\n")
        if entry.source:
            out.append(f'        <langSec xml:lang="{source_lang}">\n')
            for term in entry.source:
                out.append(f"          <termSec><term>{escape(term)}</term></termSec>\n")
            out.append("        </langSec>\n")
        out.append('        <langSec xml:lang="en">\n')
        extra = ""
        if entry.pos:
            extra += f'<termNote type="partOfSpeech">{escape(entry.pos)}</termNote>'
        if entry.gender:
            extra += f'<termNote type="grammaticalGender">{gender_names[entry.gender]}</termNote>'
        rows = [(entry.term, "preferredTerm-admn-sts", extra)]
        rows += [(t, "admittedTerm-admn-sts", "") for t in entry.admitted]
        rows += [(t, "deprecatedTerm-admn-sts", "") for t in entry.variants]
        for term, status, more in rows:
            out.append(
                f"          <termSec><term>{escape(term)}</term>"
                f'<termNote type="administrativeStatus">{status}</termNote>{more}</termSec>\n'
            )
        out.append("        </langSec>\n      </conceptEntry>\n")
    out.append("    </body>\n  </text>\n</tbx>\n")
    return "".join(out)


WRITERS = {"tsv": write_tsv, "csv": write_csv, "tbx": write_tbx, "yaml": write_yaml}


def write(entries: list[TermEntry], path: Path, kind: str | None = None) -> None:
    """Write entries to `path` in the format its extension (or `kind`) names."""
    text = WRITERS[kind or format_of(path)](entries)
    path.write_text(text, encoding="utf-8", newline="\n")
