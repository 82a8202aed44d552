"""Class-index targets: one integer 0…K−1 per sample, as PyTorch ``cross_entropy`` takes them.

The one home of the rule "what is a usable class index" and of the conversions between a
column of class indices and an N×K one-hot table. The CSV reader refuses a bad index naming its
row; evaluate (which sees whatever a user typed) explains it per sample and leaves that sample
unknown; the window's conversion refuses a row it cannot convert.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from lossgui.core.arrays import BoolArray, FloatArray
from lossgui.core.numbers import short, telling
from lossgui.core.problems import LossguiError, Message


def _not_whole(value: float) -> bool:
    return not math.isfinite(value) or value != math.floor(value)


def index_problem(value: float, classes: int) -> Message | None:
    """Why ``value`` is not a class index of K = ``classes`` classes, or None if it is one.

    A blank (NaN) is not judged here: it is a missing value, reported as such.
    """
    if math.isnan(value):
        return None
    if _not_whole(value):
        shown = telling(value, _not_whole)  # not "1 is not a class index" for 1.0000001
        return (f"{shown} is not a class index: a class index is a whole number "
                f"0…{classes - 1}",
                f"{shown} はクラス番号ではありません。"
                f"クラス番号は 0〜{classes - 1} の整数です")
    if value < 0:
        return (f"the class index {short(value)} is negative: classes are numbered "
                f"0…{classes - 1}",
                f"クラス番号 {short(value)} が負です。クラスは 0〜{classes - 1} の番号です")
    if value >= classes:
        return (f"the class index {short(value)} is not below K = {classes}: classes are "
                f"numbered 0…{classes - 1}",
                f"クラス番号 {short(value)} が K = {classes} 以上です。クラスは 0〜{classes - 1} "
                "の番号です")
    return None


def invalid_indices(indices: FloatArray, classes: int) -> BoolArray:
    """Where ``indices`` holds a value that is neither blank nor a class index 0…K−1."""
    with np.errstate(invalid="ignore"):
        whole = np.isfinite(indices) & (indices == np.floor(indices))
        inside = (indices >= 0) & (indices < classes)
    result: BoolArray = ~np.isnan(indices) & ~(whole & inside)
    return result


def one_hot(indices: FloatArray, classes: int) -> FloatArray:
    """The N×K one-hot table of ``indices``; a blank or unusable index gives a row of NaN."""
    table = np.zeros((len(indices), classes))
    usable = ~np.isnan(indices) & ~invalid_indices(indices, classes)
    rows = np.flatnonzero(usable)
    table[rows, indices[rows].astype(np.intp)] = 1.0
    table[~usable] = np.nan
    return table


@dataclass(frozen=True)
class NotOneHot:
    """A row of a table that is not one-hot, so it has no class index (0-based row)."""

    row: int
    message: Message


def class_indices(table: FloatArray) -> FloatArray | NotOneHot:
    """The class index of each one-hot row of an N×K ``table``, or the first row that is not.

    A row of blanks becomes a blank index; a row with a blank among numbers, or that is not
    exactly one 1 and 0s elsewhere, cannot be converted without losing what it says. A few
    passes over the whole table, no loop per row: the window evaluates a class-index target
    through these indices on every edit.
    """
    ones = table == 1
    blank = np.isnan(table).all(axis=1)
    one_hot_rows = (np.count_nonzero(ones, axis=1) == 1) & (ones | (table == 0)).all(axis=1)
    odd = np.flatnonzero(~blank & ~one_hot_rows)
    if len(odd):
        n = int(odd[0])
        return NotOneHot(n, (
            f"sample {n + 1} is not one-hot (exactly one 1, the rest 0), so it has no "
            "class index",
            f"サンプル {n + 1} は one-hot(1 がちょうど1つ、残りは 0)ではないので、"
            "クラス番号になりません",
        ))
    indices: FloatArray = np.argmax(ones, axis=1).astype(np.float64)
    indices[blank] = math.nan
    return indices


def is_index_target(target: FloatArray, predictions: list[FloatArray]) -> bool:
    """Whether ``target`` holds N class indices for N×K ``predictions`` (a batch file's ``t``)."""
    return target.ndim == 1 and bool(predictions) and predictions[0].ndim == 2 \
        and len(target) == len(predictions[0])


def index_table(target: FloatArray, classes: int, source: str) -> FloatArray:
    """The one-hot table of N class indices, or LossguiError naming the first unusable one.

    For a document that holds every column as N×K: a value that is not 0…K−1 has no row, so it
    is refused rather than lost.
    """
    bad = np.flatnonzero(invalid_indices(target, classes))
    if len(bad):
        n = int(bad[0])
        reason = index_problem(float(target[n]), classes)
        assert reason is not None
        raise LossguiError(f"{source}, sample {n + 1}: {reason[0]}",
                           f"{source}、サンプル {n + 1}: {reason[1]}")
    return one_hot(target, classes)
