"""Whole-document string work in memory that does not grow with the document.

CPython lowers a string that is not ASCII through a buffer of twelve bytes per character, so
`str.lower` on a 64 MB file takes most of a gigabyte for an instant; `re.findall` over a
document lists every match before anything else happens. These give the same answers a
block or a character at a time.
"""

from __future__ import annotations

#: Characters lowered at once: a buffer of 3 MB.
BLOCK = 1 << 18


def lower(text: str) -> str:
    """`text.lower()`, worked out a block at a time for a long text that is not ASCII.

    Blocks end after a space or a line break. Neither is cased or case-ignorable, so the
    context that gives a final sigma its form never reaches across a block's edge."""
    if len(text) <= BLOCK or text.isascii():
        return text.lower()
    blocks = []
    start, size = 0, len(text)
    while start < size:
        end = start + BLOCK
        if end < size:
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            end = cut + 1 if cut >= start else _next_blank(text, end)
        blocks.append(text[start:end].lower())
        start = end
    return "".join(blocks)


def _next_blank(text: str, start: int) -> int:
    """Just after the first space or line break from `start`, or the end of `text`."""
    found = [at for at in (text.find(" ", start), text.find("\n", start)) if at >= 0]
    return min(found) + 1 if found else len(text)


def non_ascii(text: str) -> set[str]:
    """The distinct characters of `text` outside ASCII."""
    return {ch for ch in set(text) if ch > "\x7f"}
