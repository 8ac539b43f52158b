"""Plain data as bytes and back, for files that others may have written: decoding builds
strings, numbers, booleans, None, lists, tuples, sets, frozensets and dicts, and nothing
else, and runs no code (unlike pickle, and unlike marshal, which builds code objects).

The bytes are JSON (UTF-8) in which a tuple, a set, a frozenset and a dict are objects
tagged by their one key: `{"t": [...]}`, `{"s": [...]}`, `{"f": [...]}` and
`{"d": [key, value, key, value, ...]}` (so a key may be any hashable value). No other JSON
object is ever written, so none is ever mistaken for one of these.
"""

from __future__ import annotations

import json

_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False, allow_nan=False, separators=(",", ":"))


def _tagged(value):
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    if kind is list:
        return [_tagged(v) for v in value]
    if kind is tuple:
        return {"t": [_tagged(v) for v in value]}
    if kind is frozenset:
        return {"f": [_tagged(v) for v in value]}
    if kind is set:
        return {"s": [_tagged(v) for v in value]}
    if kind is dict:
        return {"d": [_tagged(x) for pair in value.items() for x in pair]}
    raise TypeError(f"not plain data: {kind.__name__}")


def dumps(value) -> bytes:
    """`value` as bytes; TypeError for anything but the types listed above."""
    return _ENCODER.encode(_tagged(value)).encode("utf-8", "surrogatepass")


def _pairs(items: list) -> dict:
    keys = iter(items)
    return dict(zip(keys, keys, strict=True))


_MAKE = {"t": tuple, "f": frozenset, "s": set, "d": _pairs}


def _untag(tagged: dict):
    if len(tagged) != 1:
        raise ValueError("not plain data: an untagged object")
    ((tag, items),) = tagged.items()
    if tag not in _MAKE or type(items) is not list:
        raise ValueError(f"not plain data: tag {tag!r}")
    return _MAKE[tag](items)


_DECODER = json.JSONDecoder(object_hook=_untag)


def loads(data: bytes | memoryview):
    """The value `dumps` wrote as `data`. ValueError (or TypeError, for an unhashable key)
    when the bytes are not such data."""
    try:
        return _DECODER.decode(str(data, "utf-8", "surrogatepass"))
    except RecursionError:
        raise ValueError("not plain data: nested too deeply") from None
