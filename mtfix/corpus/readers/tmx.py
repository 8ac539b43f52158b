"""TMX, plain, gzip or zstd, streamed with defusedxml's iterparse and never held whole: a
row per `tu`. The source is the `tuv` in the pair's source language (else the header's
`srclang`), the target the one in English (else the other one); inline codes read as one
placeholder each, as in `mtfix check`. A `tu` is named by its `tuid`, else `tu N`."""

from __future__ import annotations

from collections.abc import Iterator

from mtfix.corpus import CorpusError
from mtfix.corpus.readers.base import Columns, Cut, Row, cuts, open_binary
from mtfix.units import PLACEHOLDER

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODES = frozenset({"bpt", "ept", "ph", "it", "ut"})


def layout(input, columns: Columns, language: str) -> dict:
    if any(vars(columns).values()):
        raise CorpusError(f"{input.name}: a TMX file has no columns; the column options need Parquet, JSON Lines or TSV")
    return {"source": language, "target": "en"}


def plan(input, layout: dict, every: int) -> tuple[int, list[Cut]]:
    total = sum(1 for _ in _units(input.paths[0]))
    return total, cuts(total, every)


def rows(input, layout: dict, cut: Cut) -> Iterator[Row]:
    for position, (unit, srclang) in enumerate(_units(input.paths[0])):
        if position >= cut.stop:
            return
        if position >= cut.start:
            source, target = _pick(unit, layout, srclang)
            yield Row(position, unit.get("tuid") or f"tu {position + 1}", source, target)


def _units(path: str) -> Iterator[tuple[object, str]]:
    """Each `tu` element with the header's `srclang`, dropped from the tree once read."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    srclang, body = "", None
    with open_binary(path) as stream:
        try:
            for event, element in iterparse(stream, events=("start", "end")):
                tag = _local(element.tag)
                if event == "start":
                    if tag == "header":
                        srclang = element.get("srclang", "")
                    elif tag == "body":
                        body = element
                elif tag == "tu":
                    yield element, srclang
                    if body is not None:
                        body.clear()
        except ParseError as err:
            line, column = err.position
            raise CorpusError(f"{path}:{line}:{column + 1}: not well-formed XML") from None
        except DefusedXmlException as err:
            raise CorpusError(f"{path}: refused: {err}") from None


def _pick(unit, layout: dict, srclang: str) -> tuple[str, str]:
    variants = [(_language(tuv), tuv) for tuv in unit if _local(tuv.tag) == "tuv"]
    source = next((t for lang, t in variants if lang == layout["source"]), None)
    if source is None and srclang and srclang != "*all*":
        source = next((t for lang, t in variants if lang == _primary(srclang)), None)
    others = [(lang, t) for lang, t in variants if t is not source]
    target = next((t for lang, t in others if lang == layout["target"]), others[0][1] if others else None)
    return _text(source), _text(target)


def _text(tuv) -> str:
    if tuv is None:
        return ""
    seg = next((child for child in tuv if _local(child.tag) == "seg"), None)
    return "" if seg is None else _flow(seg)


def _flow(element) -> str:
    parts = [element.text or ""]
    for child in element:
        parts.append(PLACEHOLDER if _local(child.tag) in _CODES else _flow(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _language(tuv) -> str:
    return _primary(tuv.get(_XML_LANG) or tuv.get("lang") or "")


def _primary(tag: str) -> str:
    return tag.replace("_", "-").split("-")[0].lower()


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
