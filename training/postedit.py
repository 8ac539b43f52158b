"""News MT with its post-edit as word tags: WMT14 ru-en AFRL's output (`AFRL.3349.en`) and
the same output post-edited (`AFRL-Post-edited.3431.en`). A token of the MT is BAD when the
post-edit does not keep it: outside the longest matching blocks of the two lines' lower-cased
tokens (`difflib`), as a post-editor's word tags mark what was changed, moved or dropped."""

from __future__ import annotations

import difflib
from pathlib import Path

from mtfix.fluency.tokens import tokens
from training import mlqe

CORPUS = mlqe.CORPUS.parent / "wmt14-ru-en"
MT, POST_EDIT = "AFRL.3349.en", "AFRL-Post-edited.3431.en"
#: The lines used to choose thresholds (every FOLD-th line); the others are for training.
FOLD = 3


def tagged(mt: str, post_edit: str) -> mlqe.Line:
    """The MT line, its tokens' spans and whether the post-edit changed each."""
    found = tokens(mt)
    kept = [False] * len(found)
    matcher = difflib.SequenceMatcher(None, [t.text.lower() for t in found],
                                      [t.text.lower() for t in tokens(post_edit)], autojunk=False)
    for block in matcher.get_matching_blocks():
        for i in range(block.a, block.a + block.size):
            kept[i] = True
    return mlqe.Line(mt, tuple((t.start, t.end) for t in found), tuple(not k for k in kept))


def read(split: str, corpus: Path = CORPUS) -> list[mlqe.Line]:
    """The `train` lines (two of every three) or the `dev` ones (every third)."""
    mt = (corpus / MT).read_text(encoding="utf-8").split("\n")
    post_edit = (corpus / POST_EDIT).read_text(encoding="utf-8").split("\n")
    chosen = (lambda i: i % FOLD == FOLD - 1) if split == "dev" else (lambda i: i % FOLD != FOLD - 1)
    return [tagged(m, p) for i, (m, p) in enumerate(zip(mt, post_edit)) if m.strip() and chosen(i)]
