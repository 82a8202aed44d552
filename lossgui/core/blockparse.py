"""Pasted blocks as one float array, fast for plain numbers, exactly as ``parse_block`` reads them.

A spreadsheet's clipboard with 100,000 rows is plain text: digits, signs, points and exponents,
tabs between cells, a newline after each row. For such text numpy reads every number in C;
anything else (blanks, quotes, commas, spaces, ``inf``, a list literal, full-width digits, text)
goes to :func:`lossgui.core.parsing.parse_block`, which gives the same numbers and the same
errors. The fast path is only taken when the text is proven to have a rectangle of non-empty
cells, each one number, so both paths agree on every input.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence

import numpy as np

from lossgui.core.arrays import FloatArray
from lossgui.core.parsing import parse_block

_PLAIN = b"0123456789.eE+-\t\n"
_TAB, _NEWLINE, _LOWEST_PRINTABLE = 9, 10, 32


def parse_block_array(text: str, decimal_comma: bool = False) -> FloatArray:
    """Pasted text as a rows×columns float array; short rows are padded with NaN (blank).

    Raises CellError (row and column within the block) exactly as ``parse_block`` does.
    """
    fast = _parse_plain(text)
    if fast is not None:
        return fast
    return rectangle(parse_block(text, decimal_comma))


def rectangle(rows: Sequence[Sequence[float]]) -> FloatArray:
    """Rows of possibly different lengths as a float array, short rows padded with NaN."""
    width = max((len(r) for r in rows), default=0)
    values = np.full((len(rows), width), math.nan)
    for i, row in enumerate(rows):
        values[i, : len(row)] = row
    return values


def _parse_plain(text: str) -> FloatArray | None:
    """The block if ``text`` is a plain rectangle of numbers; None to take the careful path."""
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text or not text.isascii():
        return None
    data = text.encode("ascii")
    if data.translate(None, _PLAIN):  # anything but digits, . e E + - tab newline
        return None
    raw = np.frombuffer(data, dtype=np.uint8)
    separators = np.flatnonzero(raw < _LOWEST_PRINTABLE)  # only tabs and newlines are left
    if len(separators):
        # An empty cell (two separators in a row, or one at either end) is a blank: careful path.
        if separators[0] == 0 or separators[-1] == len(raw) - 1:
            return None
        if len(separators) > 1 and int(np.diff(separators).min()) < 2:
            return None
    kinds = np.append(raw[separators], _NEWLINE)
    lines = int(np.count_nonzero(kinds == _NEWLINE))
    if len(kinds) % lines:
        return None
    width = len(kinds) // lines
    grid = kinds.reshape(lines, width)
    if not (grid[:, -1] == _NEWLINE).all() or (width > 1 and not (grid[:, :-1] == _TAB).all()):
        return None  # rows of different lengths
    try:
        # Whitespace separators; a cell that is not one whole number (1.2.3, 1e5e5) cannot be
        # read to its end: numpy >= 2.3 raises, older numpy only warns and would read 1.2 or
        # 100000, so its warning counts as the same refusal. Both take the careful path.
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)
            values = np.fromstring(data, dtype=np.float64, sep=" ")
    except (ValueError, DeprecationWarning):
        return None
    if len(values) != lines * width:
        return None
    return values.reshape(lines, width)

