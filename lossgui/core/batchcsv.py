"""The batch layout of a CSV: one row per sample n, a block of columns ``NAME[0]…NAME[K−1]`` per
N×K table, and a plain column of class indices beside them.

The one home of the ``NAME[k]`` naming rule, for reading data files and for writing results
(:mod:`lossgui.core.csvio` reads and writes the files; this module knows the layout). A file
without ``[k]`` columns is the vector format, one vector = one sample, and never comes here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from lossgui.core import classes
from lossgui.core.arrays import FloatArray
from lossgui.core.problems import LossguiError, Message, counted

SAMPLE_LABEL = "n"  # a results CSV of a batch numbers its rows by sample, 1-based
_BLOCK = re.compile(r"(?P<name>.*\S)\s*\[\s*(?P<k>[0-9]+)\s*\]")


def block_column(name: str, k: int) -> str:
    """The header of class ``k`` of block ``name``: ``y1[3]``."""
    return f"{name}[{k}]"


def headers(name: str, column: FloatArray) -> list[str]:
    """The header cells one column takes in a batch file: ``NAME[0]…NAME[K−1]`` for an N×K
    table, ``NAME`` alone for a column of class indices (one per sample)."""
    return [block_column(name, k) for k in range(column.shape[1])] if column.ndim == 2 \
        else [name]


def split_block_column(header: str) -> tuple[str, int] | None:
    """``("y1", 3)`` for the header ``y1[3]``; None for a plain column."""
    match = _BLOCK.fullmatch(header.strip())
    return (match["name"], int(match["k"])) if match else None


def has_blocks(names: Sequence[str]) -> bool:
    """Whether a header names at least one ``NAME[k]`` column, i.e. the file is a batch."""
    return any(split_block_column(n) is not None for n in names)


@dataclass
class BlockError(Exception):
    """A batch file that cannot be read: the header (``sample`` None) or a sample's cell."""

    message: Message
    column: str | None = None
    sample: int | None = None  # 0-based data row


def assemble(
    names: Sequence[str], columns: Sequence[FloatArray]
) -> tuple[list[str], list[FloatArray]]:
    """Group a batch file's columns: each block becomes one N×K array, in header order.

    Every block must have ``[0]…[K−1]`` for the same K; each plain column must hold class
    indices 0…K−1 (or blanks). Raises BlockError naming the block, or the row and column.
    """
    blocks: dict[str, dict[int, FloatArray]] = {}
    plain: dict[str, FloatArray] = {}
    order: list[str] = []
    for header, values in zip(names, columns, strict=True):
        parts = split_block_column(header)
        name = parts[0] if parts else header
        if name not in blocks and name not in plain:
            order.append(name)
        if parts is None:
            plain[name] = values
            continue
        block = blocks.setdefault(name, {})
        if parts[1] in block:
            raise BlockError((f"the block {name!r} has class {parts[1]} twice",
                              f"ブロック {name!r} にクラス {parts[1]} が2回あります"), header)
        block[parts[1]] = values
    for name in plain:
        if name in blocks:
            raise BlockError((
                f"{name!r} is both a plain column and a block {name}[k]: rename one of them",
                f"{name!r} が普通の列とブロック {name}[k] の両方にあります。どちらかの名前を"
                "変えてください"), name)
    width = _common_width(blocks)
    for name, values in plain.items():
        _check_indices(name, values, width)
    arrays = {name: np.column_stack([block[k] for k in range(width)])
              for name, block in blocks.items()}
    arrays.update(plain)
    return order, [arrays[name] for name in order]


def _common_width(blocks: dict[str, dict[int, FloatArray]]) -> int:
    """K, the same for every block; BlockError naming a block with a gap or another K."""
    width: int | None = None
    first = ""
    for name, block in blocks.items():
        size = max(block) + 1
        gap = next((k for k in range(size) if k not in block), None)
        if gap is not None:
            raise BlockError((
                f"the block {name!r} has no column {block_column(name, gap)}: a block needs "
                f"every class {block_column(name, 0)}…{block_column(name, size - 1)}",
                f"ブロック {name!r} に列 {block_column(name, gap)} がありません。ブロックには "
                f"{block_column(name, 0)}〜{block_column(name, size - 1)} のすべてのクラスが必要"
                "です"), name)
        if width is None:
            width, first = size, name
        elif size != width:
            raise BlockError((
                f"the block {name!r} has {counted(size, 'class', 'classes')} but {first!r} has "
                f"{width}: every block "
                "of a batch needs the same number of classes K",
                f"ブロック {name!r} のクラスは {size} 個ですが {first!r} は {width} 個です。"
                "バッチのどのブロックもクラス数 K が同じでなければなりません"), name)
    assert width is not None  # has_blocks() was true
    return width


def _check_indices(name: str, values: FloatArray, width: int) -> None:
    bad = np.flatnonzero(classes.invalid_indices(values, width))
    if len(bad):
        n = int(bad[0])
        reason = classes.index_problem(float(values[n]), width)
        assert reason is not None
        raise BlockError((
            f"{reason[0]} (beside the N×K blocks, a plain column holds one class index per "
            "sample)",
            f"{reason[1]}(N×K のブロックの横の普通の列は、サンプルごとのクラス番号です)",
        ), name, n)


def check_split(
    names: Sequence[str], columns: Sequence[FloatArray], target: str, predictions: Sequence[str]
) -> None:
    """Refuse a prediction of a batch that is a class-index column rather than an N×K block."""
    for name in predictions:
        if name in names and columns[list(names).index(name)].ndim != 2:
            raise LossguiError(
                f"{name!r} is a column of class indices: a prediction of a batch is a block "
                f"{block_column(name, 0)}…{name}[K−1]",
                f"{name!r} はクラス番号の列です。バッチの予測はブロック "
                f"{block_column(name, 0)}〜{name}[K−1] です",
            )
