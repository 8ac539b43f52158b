"""Readers and writers for the file formats mtfix checks, chosen by extension or by name.

A reader turns a decoded file into the Document rules read (see `mtfix.document`); its
module's `ESCAPES` say how edited text is written back (see `mtfix.formats.base`), and a
module may write whole units itself (`unit_edits`, as PO does to wrap its strings).
"""

from __future__ import annotations

import codecs
import importlib
import re
from pathlib import Path

from mtfix import files
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
_SAMPLE = 8192  # bytes looked at for NULs: binary files and UTF-16 without a byte-order mark
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class InputWarning(UserWarning):
    """Something in an input that a reader skips; the message names the file and line."""


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
    """Build a Document from raw bytes, honouring a byte-order mark (and reading UTF-16
    without one where its NUL bytes say so unambiguously), read as `input_format` (a name from
    `mtfix.formats.NAMES`), else as the format the file's extension names."""
    bom, encoding = b"", "utf-8"
    for mark, name in _BOMS:
        if data.startswith(mark):
            bom, encoding = mark, name
            break
    body = data[len(bom) :]
    if not bom and b"\x00" in body[:_SAMPLE]:
        encoding = _utf16_without_bom(body)
        if encoding is None:
            raise InputError(f"{path}: binary file (contains NUL bytes), not checked")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: invalid {encoding.upper()} at byte offset {err.start + len(bom)}"
        ) from None
    return _loaded(text, path, encoding, bom, reading or Reading(), input_format)


def _loaded(text: str, path: str, encoding: str, bom: bytes, reading: Reading, name: str | None) -> Document:
    """`text` read as format `name`; plain text whose lines end in CR alone is read with LF
    in their place (`Document.newline`), so that line-based rules see its lines."""
    if "\r" in text and "\n" not in text:
        document = load(Document(text.replace("\r", "\n"), path, encoding, bom, reading=reading, newline="\r"), name)
        if document.file_text is None:
            return document
    return load(Document(text=text, path=path, encoding=encoding, bom=bom, reading=reading), name)


def _utf16_without_bom(body: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when `body` has the NUL bytes of UTF-16 text without a
    byte-order mark: an even length, NULs on one side of each byte pair only (so no U+0000)
    and in at least a tenth of the pairs (the high bytes of ASCII characters), and the start
    reads as text, without control characters; else None."""
    sample = body[:_SAMPLE]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(body) % 2 or (even and odd) or max(even, odd) * 10 < len(sample) // 2:
        return None
    encoding = "utf-16-le" if odd else "utf-16-be"
    start = sample.decode(encoding, errors="replace")  # the cut may split a surrogate pair
    return None if _CONTROL.search(start) else encoding


def read(
    path: Path, input_format: str | None = None, reading: Reading | None = None, limit: int = files.DEFAULT_LIMIT
) -> Document:
    """Read a file as a Document; a one-line InputError when that is impossible (missing, not
    a regular file, larger than `limit` bytes, binary or invalid text)."""
    try:
        data, _ = files.read(path, limit)
    except files.FileRefused as err:
        raise InputError(str(err)) from None
    return decode(data, files.display(path), input_format, reading)


def reread(document: Document, raw: str) -> Document:
    """The document a fixed file's text reads as, in `document`'s format and reading."""
    return _loaded(raw, document.path, document.encoding, document.bom, document.reading, document.format)
