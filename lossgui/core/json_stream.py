"""A report as ``json.dumps(report, ensure_ascii=False, indent=2)`` lays it out, streamed.

json.dumps with an indent runs CPython's pure-Python encoder, one call per number: the report of
a million-row file took 9.3 s and 836 MB (two predictions, 4 × 10⁶ numbers, a 132 MB text).
Here everything but the numbers is written by json.dumps, and each numpy array a block at a
time by polars' CSV writer, the one that writes the results CSV: the shortest text that reads
back as the same float64, in the CSV's spelling (``1e-7`` where Python's repr writes ``1e-07``,
``0.00005`` for ``5e-05``). A non-finite number is the string "inf", "-inf" or "nan", as
RFC 8259 has no such numbers (tests/core/test_json_stream.py).

``compact=True`` writes each innermost list of numbers on one line (``[0.1, 0.2, 0.7]``), so an
N×K table reads as N lines.
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from lossgui.core.arrays import FloatArray

INDENT = "  "
BLOCK = 1 << 16  # numbers formatted at a time: ~1.5 MB of text, a fraction of the report


def json_number(value: float) -> float | str:
    """A float for JSON (RFC 8259 has no inf/nan): non-finite values become "inf"/"-inf"/"nan"."""
    if math.isfinite(value):
        return value
    return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")


def write_json(write: Callable[[str], object], value: object, compact: bool = False) -> None:
    """Write ``value`` (dicts, lists, scalars and float arrays) by ``write``, then a newline."""
    _value(write, value, 0, compact)
    write("\n")


def _value(write: Callable[[str], object], value: object, depth: int, compact: bool) -> None:
    if isinstance(value, np.ndarray):
        _array(write, value, depth, compact)
    elif isinstance(value, Mapping):
        _items(write, "{", "}", [(json.dumps(str(k), ensure_ascii=False) + ": ", v)
                                 for k, v in value.items()], depth, compact)
    elif isinstance(value, list | tuple):
        _items(write, "[", "]", [("", v) for v in value], depth, compact)
    else:
        write(json.dumps(value, ensure_ascii=False))


def _items(write: Callable[[str], object], opening: str, closing: str,
           items: Sequence[tuple[str, object]], depth: int, compact: bool) -> None:
    if not items:
        write(opening + closing)
        return
    inner = "\n" + INDENT * (depth + 1)
    for i, (key, item) in enumerate(items):
        write((opening if i == 0 else ",") + inner + key)
        _value(write, item, depth + 1, compact)
    write("\n" + INDENT * depth + closing)


def _array(write: Callable[[str], object], values: FloatArray, depth: int, compact: bool) -> None:
    inner = INDENT * (depth + 1)
    if values.ndim == 2 and not compact:
        _items(write, "[", "]", [("", row) for row in values], depth, compact)
        return
    if values.size == 0 and (values.ndim == 1 or len(values) == 0):
        write("[]")
        return
    if values.ndim == 2:  # a table, each row of numbers on a line of its own
        per_block = max(1, BLOCK // max(values.shape[1], 1))
        write("[\n" + inner)
        for start in range(0, len(values), per_block):
            rows = values[start:start + per_block]
            if start:
                write(",\n" + inner)
            if values.shape[1] == 0:
                write(",\n".join(["[]"] * len(rows)).replace("\n", "\n" + inner))
            else:
                write("[" + _spelled(rows, "],\n" + inner + "[", ", ") + "]")
        write("\n" + INDENT * depth + "]")
        return
    separator = ", " if compact else ",\n" + inner
    write("[" if compact else "[\n" + inner)
    for start in range(0, values.size, BLOCK):
        if start:
            write(separator)
        write(_spelled(values[start:start + BLOCK], separator))
    write("]" if compact else "\n" + INDENT * depth + "]")


# polars' spelling of the non-finite numbers, and JSON's (a string each)
_NON_FINITE = (("-inf", "\x00"), ("inf", '"inf"'), ("\x00", '"-inf"'), ("NaN", '"nan"'))


def _spelled(values: FloatArray, separator: str, between: str = "") -> str:
    """The numbers of a block as JSON: a vector's joined by ``separator``; a table's rows
    joined by ``separator``, their numbers by ``between``."""
    import polars  # imported on first use, as reading and writing CSV do

    columns: list[FloatArray] = list(values.reshape(len(values), -1).T) if values.ndim == 2 \
        else [values]
    frame = polars.DataFrame({str(i): column for i, column in enumerate(columns)})
    buffer = io.BytesIO()
    # \x1f, the unit separator, stands for ``between``: polars' separator is one byte
    frame.write_csv(buffer, include_header=False, separator="\x1f", line_terminator=separator)
    text = buffer.getvalue().decode("ascii")[:-len(separator)]
    if values.ndim == 2:
        text = text.replace("\x1f", between)
    if not bool(np.isfinite(values).all()):
        for spelled, meant in _NON_FINITE:
            text = text.replace(spelled, meant)
    return text
