"""Readers and writers for the file formats mtfix checks, chosen by extension or by name.

A reader turns a decoded file into the Document rules read (see `mtfix.document`); its
module's `ESCAPES` say how edited text is written back (see `mtfix.formats.base`), and a
module may write whole units itself (`unit_edits`, as PO does to wrap its strings).
"""

from __future__ import annotations

import codecs
import importlib
from pathlib import Path

from mtfix.document import Document, InputError, Reading

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

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
    return load(Document(text=text, path=path, encoding=encoding, bom=bom, reading=reading or Reading()), name)


def decode(data: bytes, path: str, input_format: str | None = None, reading: Reading | None = None) -> Document:
    """Build a Document from raw bytes, honouring a byte-order mark, read as `input_format`
    (a name from `mtfix.formats.NAMES`), else as the format the file's extension names."""
    bom, encoding = b"", "utf-8"
    for mark, name in _BOMS:
        if data.startswith(mark):
            bom, encoding = mark, name
            break
    body = data[len(bom) :]
    if encoding == "utf-8" and b"\x00" in body[:8192]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not checked")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: invalid {encoding.upper()} at byte offset {err.start + len(bom)}"
        ) from None
    plain = Document(text=text, path=path, encoding=encoding, bom=bom, reading=reading or Reading())
    return load(plain, input_format)


def read(path: Path, input_format: str | None = None, reading: Reading | None = None) -> Document:
    """Read a file as a Document; a one-line InputError when that is impossible."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    return decode(data, str(path), input_format, reading)


def reread(document: Document, raw: str) -> Document:
    """The document a fixed file's text reads as, in `document`'s format and reading."""
    plain = Document(text=raw, path=document.path, encoding=document.encoding, bom=document.bom, reading=document.reading)
    return load(plain, document.format)
