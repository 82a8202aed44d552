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

import io
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
    start = handle.tell()
    last = False
    while not last:
        cut = _whole_lines(handle, start, block_bytes)
        if cut is None:
            yield None
            return
        length, last = cut
        handle.seek(start)
        block = handle.read(length)
        start += length
        if block:
            group.append(block)
        if group and (last or len(group) == BLOCKS_AT_ONCE):
            yield group
            group = []


PEEK = 4096  # a block's last bytes, read first to find its last line end


def _whole_lines(handle: BinaryIO, start: int, block_bytes: int) -> tuple[int, bool] | None:
    """How many bytes from ``start`` are whole lines within ``block_bytes``, and whether they
    are the last (all that is left of the file); None for a line longer than a block.

    The block's end is looked at first, so the block is then read at its exact length: read
    whole and cut, it was copied twice (10⁶ rows, in turn in one process: 101 against 112 ms
    of CPU, 108 against 114 ms).
    """
    peek = min(PEEK, block_bytes)
    handle.seek(start + block_bytes - peek)
    tail = handle.read(peek + 1)
    if len(tail) <= peek:  # the file ends within the block: the rest of it
        return handle.seek(0, io.SEEK_END) - start, True
    cut = tail.rfind(b"\n", 0, peek)
    if cut < 0:  # no line end in the block's last bytes: look at all of it
        handle.seek(start)
        cut = handle.read(block_bytes).rfind(b"\n")
        return None if cut < 0 else (cut + 1, False)
    return block_bytes - peek + cut + 1, False
