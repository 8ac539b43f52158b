"""Plain text: the whole file is one segment, with no source."""

from __future__ import annotations

from mtfix.document import Document


def parse(text: str, path: str = "-", encoding: str = "utf-8", bom: bytes = b"") -> Document:
    return Document(text=text, path=path, encoding=encoding, bom=bom)
