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
import re
import warnings
from collections.abc import Sequence

import numpy as np

from lossgui.core.arrays import FloatArray
from lossgui.core.parsing import (
    cell_refusal,
    is_blank,
    list_literal_body,
    parse_block,
    parse_number,
    split_block,
)
from lossgui.core.problems import NotANumber

_PLAIN = b"0123456789.eE+-\t\n"
_LIST_PLAIN = b"0123456789.eE+-,[] \t\r\n"
_BRACKETS_AND_COMMAS = bytes.maketrans(b"[],", b"   ")
# Every byte that is not plain (nor a CR) becomes 1, the plain ones 0: find(b"\x01") is the first.
_MARK_UNUSUAL = bytes(0 if byte in _PLAIN + b"\r" else 1 for byte in range(256))
# One number as Python writes it and ast.literal_eval reads it, one sign at most; an integer
# has no leading zero (01 is a SyntaxError). Atomic groups: a bad token never backtracks.
_NUMBER = (r"(?>[+-]?(?:\d+\.\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?"
           r"|\d+[eE][+-]?\d+|0+|[1-9]\d*))")
_ROW = rf"\[\s*{_NUMBER}(?>\s*,\s*{_NUMBER})*\s*\]"
_PLAIN_LIST = re.compile(rf"\s*(?:{_ROW}|\[\s*{_ROW}(?>\s*,\s*{_ROW})*\s*\])\s*")
_TAB, _NEWLINE, _LOWEST_PRINTABLE = 9, 10, 32


def parse_block_array(text: str, decimal_comma: bool = False) -> FloatArray:
    """Pasted text as a rows×columns float array; short rows are padded with NaN (blank).

    Raises CellError (row and column within the block) exactly as ``parse_block`` does.
    """
    fast = _parse_plain(text)
    if fast is None:
        fast = _parse_plain_list(text)
    if fast is not None:
        return fast
    _refuse_early(text, decimal_comma)
    return rectangle(parse_block(text, decimal_comma))


def without_blank_overhang(block: FloatArray, rows: int, columns: int) -> FloatArray:
    """``block`` less the trailing columns and rows, blank in every cell, that run past the
    ``rows`` × ``columns`` the table has from where the block lands.

    A spreadsheet copy's trailing tab (`` 0.4 \t``) or empty last line would otherwise add an
    empty prediction or an empty row, which nobody pasted. Inside the table a blank cell is
    kept: it blanks the cell under it, as the copied range says.
    """
    height, width = block.shape
    blank = np.isnan(block)
    while width > max(columns, 1) and blank[:height, width - 1].all():
        width -= 1
    while height > max(rows, 1) and blank[height - 1, :width].all():
        height -= 1
    return block[:height, :width]


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


def _parse_plain_list(text: str) -> FloatArray | None:
    """``[0.1, 0.2]`` or ``[[0, 1], [1, 0]]`` of plain numbers (inside ``np.array(…)`` or not).

    Read by numpy, as ``parse_list_literal`` reads it: a flat list is one column, nested lists
    are rows. None (the ast path) for anything else: tuples, trailing commas, ragged rows,
    ``inf``, a number too large for a float64. A million elements: ~0.3 s instead of ~3 s.
    """
    body = list_literal_body(text)
    if not body.startswith("[") or not body.isascii():
        return None
    data = body.encode("ascii")
    if data.translate(None, _LIST_PLAIN) or _PLAIN_LIST.fullmatch(body) is None:
        return None
    raw = np.frombuffer(data, dtype=np.uint8)
    opens = np.flatnonzero(raw == ord("["))
    commas = np.cumsum(raw == ord(","))
    values = np.fromstring(data.translate(_BRACKETS_AND_COMMAS), dtype=np.float64, sep=" ")
    if not np.isfinite(values).all():
        return None  # 1e999 or a 400-digit integer: the ast path says what it is
    if len(opens) == 1:
        return values.reshape(-1, 1)
    closes = np.flatnonzero(raw == ord("]"))[:-1]  # the rows' own brackets (the regex proved)
    per_row = commas[closes] - commas[opens[1:]] + 1
    if (per_row != per_row[0]).any():
        return None  # ragged rows are padded with blanks by the ast path
    return values.reshape(len(per_row), int(per_row[0]))


def _refuse_early(text: str, decimal_comma: bool) -> None:
    """Raise parse_block's CellError at once when the first unusual character is in a bad cell.

    A million good rows and then a word: the rows before the word's line are proven numbers by
    the fast path, so the first bad cell, if any, is on that line, and the careful path would
    name the same one after reading every row (14 s in the window). Returns (and the careful
    path runs) whenever the answer is not certain: quotes, lists, blanks or ragged rows before.
    """
    if '"' in text or list_literal_body(text).startswith(("[", "(")):
        return
    if text.count("\r") != text.count("\r\n"):
        return  # a lone CR is a line end to split_block: the rows would be counted wrong
    data = text.encode("utf-8", "surrogatepass")
    first = data.translate(_MARK_UNUSUAL).find(b"\x01")
    if first < 0:
        return
    line_start = data.rfind(b"\n", 0, first) + 1
    row = data.count(b"\n", 0, line_start)
    before = data[:max(line_start - 1, 0)].decode("ascii").removesuffix("\r")
    if before and _parse_plain(before) is None:
        return
    line_end = data.find(b"\n", first)
    line = data[line_start:None if line_end < 0 else line_end].decode("utf-8", "surrogatepass")
    line = line.removesuffix("\r")
    tabbed = "\t" in text
    cells = line.split("\t") if tabbed else split_block(line, decimal_comma)[0]
    for column, cell in enumerate(cells):
        if is_blank(cell):
            continue
        try:
            parse_number(cell, decimal_comma)
        except NotANumber as error:
            raise cell_refusal(error, row, column, cell, decimal_comma, tabbed) from None
