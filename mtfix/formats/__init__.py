"""Readers and writers for the file formats mtfix checks, chosen by extension or by name.

A reader turns a decoded file into the Document rules read (see `mtfix.document`); its
module's `ESCAPES` say how edited text is written back (see `mtfix.formats.base`), and a
module may write whole units itself (`unit_edits`, as PO does to wrap its strings).
"""

from __future__ import annotations

import importlib

from mtfix.document import Document, InputError

#: Format name -> module and function of its reader.
READERS = {
    "text": ("text", "read"),
    "markdown": ("markdown", "read"),
    "html": ("html", "read"),
    "xliff": ("xliff", "read"),
    "po": ("po", "read"),
    "tmx": ("tmx", "read"),
    "tsv": ("tabular", "read_tsv"),
    "jsonl": ("tabular", "read_jsonl"),
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


def module(name: str):
    """The module that reads and writes format `name`."""
    if name not in READERS:
        raise InputError(f"unknown input format {name!r} (known: {', '.join(NAMES)})")
    return importlib.import_module(f"mtfix.formats.{READERS[name][0]}")


def load(document: Document, name: str | None = None) -> Document:
    """`document` (as decoded from a file, plain text) read as format `name`, else as the
    format its extension names."""
    name = name or format_of(document.path)
    if name not in READERS:
        raise InputError(f"unknown input format {name!r} (known: {', '.join(NAMES)})", document.path)
    document.format = name
    return getattr(module(name), READERS[name][1])(document)


def parse(text: str, name: str, path: str = "-", encoding: str = "utf-8", bom: bytes = b"", reading=None) -> Document:
    """Read `text` as format `name`."""
    from mtfix.document import Reading

    return load(Document(text=text, path=path, encoding=encoding, bom=bom, reading=reading or Reading()), name)
