"""XLIFF 1.2 (`trans-unit` with `source` and `target`) and 2.x (`unit`/`segment`).

Each target is a unit; a 1.2 target segmented with `<mrk mtype="seg">` gives one unit per
segment, paired with the `seg-source` segment of the same `mid`. Inline codes (`x`, `ph`,
`bpt`, `g`, `pc`, `sc`, ...) are placeholders; CDATA is text. Alternatives (`alt-trans`) are
never read; notes are kept with their unit.

States: 1.2 `approved="yes"`, `signed-off` and `final`, and 2.x `final` are approved; 1.2
`new` and `needs-translation` are untranslated; any other target is a translation (MT
awaiting review among them) and is checked.
"""

from __future__ import annotations

import warnings

from mtfix.document import Document, InputError
from mtfix.formats import InputWarning, xml
from mtfix.formats.base import view
from mtfix.units import Draft, State

#: Elements whose content is native code, not translatable text (XLIFF 1.2 and 2.x).
CODES = frozenset({"x", "bx", "ex", "ph", "bpt", "ept", "it", "ut", "sc", "ec", "cp", "sm", "em"})
#: Elements that hold one source/target pair: XLIFF 1.2 `trans-unit`, XLIFF 2 `segment`.
PAIRS = frozenset({"trans-unit", "segment"})
#: Elements never looked into.
SKIPPED = frozenset({"alt-trans", "ignorable", "originalData", "header"})
_APPROVED = frozenset({"signed-off", "final"})
_UNTRANSLATED = frozenset({"new", "needs-translation"})

ESCAPES = xml.ESCAPES


def read(plain: Document) -> Document:
    xml.validate(plain)
    root = next((t for t in xml.events(plain.text) if t.kind in ("start", "empty")), None)
    if root is None or root.local != "xliff":
        found = f"<{root.name}>" if root else "none"
        raise InputError(f"{plain.path}: not an XLIFF file (root element {found}, not <xliff>)", plain.path)
    return view(plain, _drafts(plain.text, plain.path))


def _drafts(text: str, path: str) -> list[Draft]:
    drafts: list[Draft] = []
    tags = xml.events(text)
    stack: list[xml.Tag] = []
    source = segmented = None
    notes: list[str] = []
    unit, segments = None, 0  # the XLIFF 2 unit being read, and its segments so far
    for tag in tags:
        if tag.kind == "start":
            if tag.local in SKIPPED:
                xml.skip(tags)
                continue
            parent = stack[-1].local if stack else ""
            if tag.local == "note":
                notes.append(xml.content(text, tags, CODES).text)
                continue
            if parent in PAIRS and tag.local == "source":
                source = xml.content(text, tags, CODES)
                continue
            if parent in PAIRS and tag.local == "seg-source":
                segmented = xml.content(text, tags, CODES)
                continue
            if parent in PAIRS and tag.local == "target":
                target = xml.content(text, tags, CODES)
                ident = _ident(stack)
                state = _state(stack[-1], tag)
                group = "/".join(g for t in stack if t.local in ("file", "group") and (g := t.attr("id") or t.attr("original") or ""))
                if target.segments:
                    sources = segmented.segments if segmented else {}
                    for mid, part in target.segments.items():
                        drafts.append(_draft(sources.get(mid), part, f"{ident}/{mid}", state, notes, group))
                else:
                    drafts.append(_draft(source, target, ident, state, notes, group))
                continue
            stack.append(tag)
            if tag.local in PAIRS or tag.local == "unit":
                source = segmented = None
                if tag.local != "segment":
                    notes = []
            if tag.local == "unit":
                unit, segments = tag, 0
            segments += tag.local == "segment"
        elif tag.kind == "end" and stack:
            if stack.pop().local == "unit" and not segments:
                _no_segment(text, path, unit)
        elif tag.kind == "empty" and tag.local == "unit":
            _no_segment(text, path, tag)
    return drafts


def _no_segment(text: str, path: str, unit: xml.Tag) -> None:
    """Warn that an XLIFF 2 unit without a segment (invalid: nothing to check) is skipped."""
    line = text.count("\n", 0, unit.start) + 1
    ident = f" {unit.attr('id')!r}" if unit.attr("id") else ""
    warnings.warn(f"{path}:{line}: XLIFF unit{ident} has no <segment>; skipped", InputWarning, stacklevel=3)


def _draft(source: xml.Content | None, target: xml.Content, ident: str, state: State, notes, group: str) -> Draft:
    return Draft(
        id=ident,
        source=source.text if source else "",
        pieces=target.pieces,
        state=state,
        notes=tuple(notes),
        group=group,
        source_codes=tuple(source.codes) if source else (),
        target_codes=tuple(target.codes),
    )


def _state(pair: xml.Tag, target: xml.Tag) -> State:
    state = (target.attr("state") or pair.attr("state") or "").lower()
    if pair.attr("approved") == "yes" or state in _APPROVED:
        return State.APPROVED
    if state in _UNTRANSLATED:
        return State.UNTRANSLATED
    return State.TRANSLATED


def _ident(stack: list[xml.Tag]) -> str:
    parts = [t.attr("id") for t in stack if t.local in ("trans-unit", "unit", "segment")]
    return "/".join(p for p in parts if p)
