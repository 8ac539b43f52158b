"""Readers for the file formats mtfix checks, chosen by extension or by name.

Every reader keeps the text exactly as read; only the spans of translated text become
segments, so issues point into the file and `fix` changes nothing else.
"""

from __future__ import annotations

import importlib

from mtfix.document import Document, InputError

#: Format name -> module and class of its reader.
READERS = {
    "text": ("text", None),
    "markdown": ("markdown", "MarkdownDocument"),
    "html": ("html", "HtmlDocument"),
    "xliff": ("xliff", "XliffDocument"),
    "po": ("po", "PoDocument"),
    "tmx": ("tmx", "TmxDocument"),
    "tsv": ("tabular", "TsvDocument"),
    "jsonl": ("tabular", "JsonlDocument"),
}
EXTENSIONS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".po": "po",
    ".pot": "po",
    ".tmx": "tmx",
    ".tsv": "tsv",
    ".jsonl": "jsonl",
}
NAMES = tuple(READERS)


def format_of(path: str) -> str:
    """The format a file's extension names; plain text when it names none."""
    suffix = path[path.rfind(".") :].lower() if "." in path.rpartition("/")[2] else ""
    return EXTENSIONS.get(suffix, "text")


def parse(text: str, name: str, path: str = "-", encoding: str = "utf-8", bom: bytes = b"") -> Document:
    """Read `text` as format `name`."""
    if name not in READERS:
        raise InputError(f"unknown input format {name!r} (known: {', '.join(NAMES)})", path)
    module, cls = READERS[name]
    reader = importlib.import_module(f"mtfix.formats.{module}")
    if cls is None:
        return reader.parse(text, path, encoding, bom)
    return getattr(reader, cls).parse(text, path, encoding, bom)


def load(document: Document, name: str | None = None) -> Document:
    """`document` (as decoded from a file) read as format `name`, else by its extension."""
    name = name or format_of(document.path)
    if name == "text":
        return document
    return parse(document.text, name, document.path, document.encoding, document.bom)
