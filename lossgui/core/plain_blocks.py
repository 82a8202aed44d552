"""A large plain CSV's columns, parsed by polars a few blocks at a time on every core.

The window opens a large file without mapping all of it (its bytes and polars' copy of every
column would sit in memory beside the columns: docs/benchmarks.md). Read one 2 MB block at a
time, polars parses each on a single core and the open took 2.3–3.0× polars' whole-file read.
Here the blocks are handed to polars :data:`BLOCKS_AT_ONCE` at a time (``collect_all`` parses
them side by side), its columns are copied straight into the file's columns, and nothing is
done per block that the file needs once: the plan (separator, names, header) is made from the
file's head, no header line is joined to each block, no line is counted.

This path only reads what it is sure of: a file of plain numbers (no quote: polars refuses a
cell with one), no blank cell or line, every line shorter than a block. Anything else gives
None, and the careful block reader (:func:`lossgui.core.csvio.read_data_csv`) reads the file
from the start with the same result or the error naming the row and column. The values are
polars' either way (both paths use the same options), so the two paths agree to the bit
(tests/core/test_plain_blocks.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

import numpy as np

from lossgui.core.arrays import FloatArray

# Blocks in flight. With csvio's 2 MB blocks, three keep the window's peak where one block at a
# time had it (10⁶ rows, 3 opens each: 69.5–72.1 against 69.6–72.8 MB over the window); four
# added 4–5 MB (polars keeps each of its threads' freed memory) for little more speed. The open
# against polars' own read (same run, loaded machine): 2.16× one block at a time in the old
# reader, 1.70× one, 1.62× two, 1.36× three, 1.53× four.
BLOCKS_AT_ONCE = 3


def read_columns(handle: BinaryIO, size: int, options: Mapping[str, Any], width: int,
                 block_bytes: int) -> list[FloatArray] | None:
    """The ``width`` float64 columns of the data lines from ``handle``'s position on (the
    header already read), or None where the careful reader is needed.

    ``size`` is the file's size, from which the columns are sized (they grow if it was
    short); ``options`` are polars' ``scan_csv`` options for these lines; the blocks are
    ``block_bytes`` long, cut at a line end.
    """
    import polars as pl

    columns: list[FloatArray] = []
    filled = 0
    for group in _groups(handle, block_bytes):
        if group is None:
            return None
        try:
            frames = pl.collect_all([pl.scan_csv(block, **options) for block in group])
        except (pl.exceptions.PolarsError, pl.exceptions.PanicException):
            return None
        if not columns:
            # The file's rows, estimated from this group's bytes per row, with room to spare;
            # a file whose later rows are shorter makes the columns grow.
            rows_read = sum(frame.height for frame in frames)
            capacity = int(size / max(sum(map(len, group)), 1) * rows_read * 1.05) + 16
            columns = [np.empty(capacity) for _ in range(width)]
        # Only one group's text and columns at a time: the next group is read once these go.
        del group
        for frame in frames:
            parsed = frame.get_columns()
            if len(parsed) != width or any(column.null_count() for column in parsed):
                return None  # a blank cell, a short row or a blank line: the careful path
            rows = frame.height
            if filled + rows > len(columns[0]):
                capacity = max(2 * len(columns[0]), filled + rows)
                columns = [grown(column, capacity, filled) for column in columns]
            for whole, part in zip(columns, parsed, strict=True):
                whole[filled:filled + rows] = part.to_numpy()  # a view of polars' buffer
            filled += rows
        del frames, frame, parsed, part
    return [column[:filled] for column in columns] if filled else None


def grown(column: FloatArray, capacity: int, filled: int) -> FloatArray:
    """``column`` with room for ``capacity`` rows, its first ``filled`` kept."""
    bigger = np.empty((capacity, *column.shape[1:]))
    bigger[:filled] = column[:filled]
    return bigger


def _groups(handle: BinaryIO, block_bytes: int) -> Iterator[list[bytes] | None]:
    """The data lines in groups of up to :data:`BLOCKS_AT_ONCE` blocks of whole lines; None
    (and the end) at a line longer than a block (or CR-only line ends).

    A quote needs no search here: with quote_char=None polars reads it as part of its cell,
    and no float64 cell has one, so polars refuses the block (tests/core/test_plain_blocks.py).
    """
    group: list[bytes] = []
    end = False
    while not end:
        block = handle.read(block_bytes)
        end = len(block) < block_bytes  # a regular file reads short only at its end
        if not end:
            cut = block.rfind(b"\n") + 1
            if cut == 0:
                yield None
                return
            # The unfinished last line is read again with the next block (no carried copy).
            handle.seek(cut - len(block), 1)
            block = block[:cut]
        if block:
            group.append(block)
        if group and (end or len(group) == BLOCKS_AT_ONCE):
            yield group
            group = []
