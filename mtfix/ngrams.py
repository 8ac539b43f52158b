"""sacreBLEU's segment statistics for BLEU and chrF, counted for all segments at once.

sacreBLEU counts each segment's n-grams in a `Counter` (`extract_all_word_ngrams`,
`extract_all_char_ngrams`) and their clipped matches in a loop, one segment after another.
With one reference per segment the same integers come out of one sort per n-gram order over
every segment together (numpy): an n-gram is named by a number built from its (n-1)-gram's
number and its last token, paired with its segment and side; equal neighbours in the sorted
keys are the n-grams the hypothesis and its reference share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

#: sacreBLEU's `TokenizerRegexp` rules. The first puts spaces around single marks, so
#: splitting at them and joining with spaces does the same without a Python call per match;
#: the others only apply where their marks occur.
_MARKS = re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])")
_POINT_BEFORE = re.compile(r"([^0-9])([\.,])")
_POINT_AFTER = re.compile(r"([\.,])([^0-9])")
_DASH = re.compile(r"([0-9])(-)")


def bleu_tokens(line: str) -> list[str]:
    """The words BLEU counts in `line`: sacreBLEU's default tokenization (`13a`) after its
    `rstrip`, as `BLEU()._preprocess_segment` makes it."""
    line = line.rstrip().replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    if "&" in line:
        line = line.replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
    line = " ".join(_MARKS.split(f" {line} "))
    if "." in line or "," in line:
        line = _POINT_AFTER.sub(r" \1 \2", _POINT_BEFORE.sub(r"\1 \2 ", line))
    if "-" in line:
        line = _DASH.sub(r"\1 \2 ", line)
    return line.split()


_LIMIT = 1 << 61  # keys below 2**63: segment * bound * 2 + side


def chrf_statistics(hypotheses: Sequence[str], references: Sequence[str], order: int = 6) -> list[list[int]]:
    """Per segment, [hyp, ref, match] counts of character n-grams of each order 1..`order`,
    white space left out: sacreBLEU's `CHRF()._extract_corpus_statistics` with one reference."""
    hyp = ["".join(line.split()) for line in hypotheses]
    ref = ["".join(line.split()) for line in references]
    points = np.frombuffer("".join(hyp + ref).encode("utf-32-le"), dtype="<u4")
    seen = np.zeros(0x110000, dtype=np.int64)
    seen[points] = 1
    ids = (np.cumsum(seen) - 1)[points]
    lengths = np.array([len(s) for s in hyp + ref], dtype=np.int64)
    return _statistics(ids, lengths, len(hyp), order, chrf=True)


def bleu_statistics(hypotheses: Sequence[list[str]], references: Sequence[list[str]], order: int = 4) -> list[list[int]]:
    """Per segment, [hyp length, ref length, matches of each order, hyp n-grams of each order]
    from tokenized segments: sacreBLEU's `BLEU()._extract_corpus_statistics` with one
    reference."""
    vocabulary: dict[str, int] = {}
    ids = np.array(
        [vocabulary.setdefault(word, len(vocabulary)) for words in (*hypotheses, *references) for word in words],
        dtype=np.int64,
    )
    lengths = np.array([len(words) for words in (*hypotheses, *references)], dtype=np.int64)
    return _statistics(ids, lengths, len(hypotheses), order, chrf=False)


def _statistics(ids: np.ndarray, lengths: np.ndarray, count: int, order: int, chrf: bool) -> list[list[int]]:
    """The counts for `count` hypotheses followed by their references, whose token ids are
    `ids` (segment after segment) and token counts `lengths`."""
    hyp_len, ref_len = lengths[:count], lengths[count:]
    segment = np.repeat(np.arange(2 * count, dtype=np.int64), lengths)  # hypotheses 0.., references count..
    left = np.repeat(np.cumsum(lengths), lengths) - np.arange(len(ids), dtype=np.int64)  # tokens from here on
    alphabet = int(ids.max()) + 1 if len(ids) else 1
    starts, names, bound = np.arange(len(ids), dtype=np.int64), ids, alphabet
    hyp_counts, ref_counts, matches = [], [], []
    for n in range(1, order + 1):
        if n > 1:
            keep = left[starts] >= n
            starts, names = starts[keep], names[keep]
            following = ids[starts + n - 1]
            if bound * alphabet * count < _LIMIT:
                names, bound = names * alphabet + following, bound * alphabet
            else:
                names, bound = _ranks(names, following)
        owner = segment[starts]
        side = owner >= count
        keys = np.unique(((owner - side * count) * bound + names) * 2 + side, return_counts=True)
        unique, counts = keys
        shared = np.flatnonzero((unique[:-1] >> 1) == (unique[1:] >> 1))
        matched = np.bincount(
            unique[shared] // 2 // bound, weights=np.minimum(counts[shared], counts[shared + 1]), minlength=count
        ).astype(np.int64)
        hyp_n, ref_n = np.maximum(hyp_len - n + 1, 0), np.maximum(ref_len - n + 1, 0)
        if chrf:
            hyp_n = np.where(ref_n > 0, hyp_n, 0)
        hyp_counts.append(hyp_n)
        ref_counts.append(ref_n)
        matches.append(matched)
    if chrf:
        columns = [column for triple in zip(hyp_counts, ref_counts, matches) for column in triple]
    else:
        columns = [hyp_len, ref_len, *matches, *hyp_counts]
    return np.stack(columns, axis=1).tolist() if count else []


def _ranks(first: np.ndarray, second: np.ndarray) -> tuple[np.ndarray, int]:
    """Each (first, second) pair's rank among the distinct pairs, and how many there are."""
    if not len(first):
        return first, 1
    order = np.lexsort((second, first))
    new = np.ones(len(first), dtype=np.int64)
    new[1:] = (first[order][1:] != first[order][:-1]) | (second[order][1:] != second[order][:-1])
    ranks = np.empty(len(first), dtype=np.int64)
    ranks[order] = np.cumsum(new) - 1
    return ranks, int(ranks.max()) + 1
