"""A redline: one text with its deleted and inserted runs marked, as a code review shows a word diff.

Words, punctuation marks and runs of white space are the tokens, so a space removed inside
`07: 10` shows as a deleted space. What lies between two changes and holds no word of three
letters or more (a blank, a comma, `13`) joins them, so a rewritten phrase reads
`[-was very-]{+were+}` and a rewritten date `[-13.04.-]{+April 13, +}2017`, not piece by piece.
The runs are difflib's (`SequenceMatcher` without junk), computed by cydifflib, its port to C.
"""

from __future__ import annotations

import re

from cydifflib import SequenceMatcher

EQUAL, DELETE, INSERT = 0, -1, 1
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_WORD = re.compile(r"\w{3,}")


def ops(before: str, after: str) -> list[tuple[int, str]]:
    """(EQUAL, DELETE or INSERT, text) runs: the EQUAL and DELETE texts joined give `before`,
    the EQUAL and INSERT texts `after`."""
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    blocks: list[list] = []  # [equal text] or [deleted, inserted]
    for tag, i1, i2, j1, j2 in opcodes:
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            blocks.append([old])
        elif blocks and len(blocks[-1]) == 2:
            blocks[-1][0] += old
            blocks[-1][1] += new
        else:
            blocks.append([old, new])
    merged: list[list] = []
    for n, block in enumerate(blocks):
        between = len(block) == 1 and 0 < n < len(blocks) - 1 and not _WORD.search(block[0])
        if between and len(merged[-1]) == 2:  # a scrap between two changes belongs to both
            merged[-1][0] += block[0]
            merged[-1][1] += block[0]
        elif len(block) == 2 and merged and len(merged[-1]) == 2:
            merged[-1][0] += block[0]
            merged[-1][1] += block[1]
        else:
            merged.append(block)
    out: list[tuple[int, str]] = []
    for block in merged:
        if len(block) == 1:
            out.append((EQUAL, block[0]))
            continue
        if block[0]:
            out.append((DELETE, block[0]))
        if block[1]:
            out.append((INSERT, block[1]))
    return out
