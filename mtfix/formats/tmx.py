"""TMX translation memories: each `tu` pairs the source-language `seg` with a target `seg`.

The source language is the header's `srclang` (else the first variant); the target is the
first other variant, preferring English. Inline codes (`bpt`, `ept`, `ph`, `it`, `ut`) are
placeholders; `hi` is text between two placeholders. A `tu` without `tuid` is named by its
position (`tu 3`).
"""

from __future__ import annotations

from mtfix.document import Document
from mtfix.formats import xml
from mtfix.formats.base import view
from mtfix.units import Draft

CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})
ESCAPES = xml.ESCAPES


def read(plain: Document) -> Document:
    xml.validate(plain)
    return view(plain, _drafts(plain.text))


def _drafts(text: str) -> list[Draft]:
    drafts = []
    tags = xml.events(text)
    srclang = ""
    variants: list[tuple[str, xml.Content]] = []
    notes: list[str] = []
    lang = ident = ""
    count = 0
    for tag in tags:
        if tag.kind in ("start", "empty") and tag.local == "header":
            srclang = (tag.attr("srclang") or "").lower()
        elif tag.kind == "start" and tag.local == "tu":
            count += 1
            variants, notes, ident = [], [], tag.attr("tuid") or f"tu {count}"
        elif tag.kind == "start" and tag.local == "tuv":
            lang = (tag.attr("lang") or "").lower()
        elif tag.kind == "start" and tag.local == "seg":
            variants.append((lang, xml.content(text, tags, CODES)))
        elif tag.kind == "start" and tag.local == "note":
            notes.append(xml.content(text, tags, CODES).text)
        elif tag.kind == "start" and tag.local == "prop":
            xml.skip(tags)
        elif tag.kind == "end" and tag.local == "tu" and variants:
            source, target = _pair(variants, srclang)
            if target is not None:
                drafts.append(
                    Draft(
                        id=ident,
                        source=source.text if source else "",
                        pieces=target.pieces,
                        notes=tuple(notes),
                        source_codes=tuple(source.codes) if source else (),
                        target_codes=tuple(target.codes),
                    )
                )
    return drafts


def _pair(variants, srclang):
    """The source variant and the target variant of one `tu`."""
    if srclang in ("", "*all*"):
        srclang = variants[0][0]
    source = next((c for lang, c in variants if _same(lang, srclang)), None)
    others = [(lang, c) for lang, c in variants if not _same(lang, srclang)]
    english = [c for lang, c in others if lang.startswith("en")]
    target = english[0] if english else (others[0][1] if others else None)
    return source, target


def _same(lang: str, other: str) -> bool:
    return lang.split("-")[0] == other.split("-")[0]
