"""TMX translation memories: each `tu` pairs the source-language `seg` with a target `seg`.

The source language is the header's `srclang` (else the first variant); the target is the
first other variant, preferring English. Inline codes (`bpt`, `ept`, `ph`, `it`, `ut`) are
not text; `hi` is.
"""

from __future__ import annotations

from dataclasses import dataclass

from mtfix.formats import xml
from mtfix.model import Span

CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})


@dataclass
class TmxDocument(xml.XmlDocument):
    format = "tmx"

    @classmethod
    def scan(cls, text, path):
        segments: list[Span] = []
        units = []
        tags = xml.events(text, path)
        srclang = ""
        variants: list[tuple[str, xml.Content]] = []
        lang = ""
        ident = ""
        for tag in tags:
            if tag.kind in ("start", "empty") and tag.local == "header":
                srclang = (tag.attr("srclang") or "").lower()
            elif tag.kind == "start" and tag.local == "tu":
                variants, ident = [], tag.attr("tuid") or ""
            elif tag.kind == "start" and tag.local == "tuv":
                lang = (tag.attr("lang") or "").lower()
            elif tag.kind == "start" and tag.local == "seg":
                variants.append((lang, xml.content(text, tags, tag, CODES)))
            elif tag.kind == "start" and tag.local in ("note", "prop"):
                xml.skip(tags)
            elif tag.kind == "end" and tag.local == "tu" and variants:
                source, target = _pair(variants, srclang)
                if target is not None:
                    segments.extend(target.runs)
                    if (found := xml.unit(source, target, ident)) is not None:
                        units.append(found)
        return segments, units


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
