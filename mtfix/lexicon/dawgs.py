"""Whether bytes are a DAWG that the DAWG2 extension may load and search by prefix safely.

DAWG2 (dawgdic in C++) trusts what it loads: a size field that does not match the data makes
it allocate gigabytes, an offset that points past the units reads outside them (a crash),
and a loop in the first-child links makes a prefix search walk forever. A DAWG read back from
the cache folder is checked here first, with numpy over all its units at once (tens of
milliseconds for wordfreq's 700,000 Russian words).

The layout (dawgdic's Dictionary then Guide, as `CompletionDAWG.tobytes` writes them): a
little-endian uint32 count of units, that many uint32 units, the same count again, then two
bytes per unit, its first child's label and its next sibling's. A unit is a leaf (bit 31:
the rest is a value) or an inner unit: label in bits 0-7, bit 8 when a key ends there, and
an offset, `(unit >> 10) << ((unit & 512) >> 6)`, to the block of its children, found at
`index ^ offset ^ label`.
"""

from __future__ import annotations

import struct

_LEAF = 1 << 31
_ENDS = 1 << 8


def sound(data: object) -> bool:
    """Whether `data` is a DAWG laid out as above whose every transition stays inside it and
    whose first-child walks (what `has_keys_with_prefix` follows) all end."""
    import numpy as np

    if not isinstance(data, bytes) or len(data) < 8:
        return False
    (count,) = struct.unpack_from("<I", data, 0)
    if count == 0 or len(data) != 8 + 6 * count or struct.unpack_from("<I", data, 4 + 4 * count) != (count,):
        return False
    units = np.frombuffer(data, "<u4", count, 4).astype(np.int64)
    children = np.frombuffer(data, "u1", 2 * count, 8 + 4 * count)[0::2].astype(np.int64)
    inner = units < _LEAF
    if not inner[0]:
        return False
    offsets = (units >> 10) << ((units & 512) >> 6)
    blocks = np.where(inner, np.arange(count, dtype=np.int64) ^ offsets, 0)  # a leaf leads nowhere
    if np.any(blocks | 0xFF >= count):  # some label of some inner unit would lead outside
        return False
    # A unit whose key does not end there walks on to its first child; the walk ends where
    # a key ends or the child is missing. Repeated squaring of the step finds every walk
    # that never ends, in as many rounds as the longest walk has bits.
    targets = blocks ^ children
    walks = inner & (units & _ENDS == 0) & ((units[targets] & (_LEAF | 0xFF)) == children)
    step = np.append(np.where(walks, targets, count), count)
    for _ in range(count.bit_length() + 1):
        further = step[step]
        if np.array_equal(further, step):
            return bool(np.all(step == count))
        step = further
    return False
