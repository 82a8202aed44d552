"""Totals of a data file of any size, read a block at a time (``lossgui compute --totals-only``).

Every loss's total is a sum of per-element (or per-sample) terms, scaled and divided at the
end, so block totals add up to the file's total in bounded memory. The sums run block by block,
so a streamed total can differ from ``compute``'s in the last bits (summation order). Losses
that couple every element of a 1-D vector (softmax, a max over classes) need the whole vector
at once and are refused.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from lossgui.core import csvio
from lossgui.core.evaluate import evaluate_resolved
from lossgui.core.losses import get_loss, reduction_divisor
from lossgui.core.lowest import (
    T_NOT_DISTRIBUTION_UNCOMPARED,
    Y_ABOVE_ONE_UNCOMPARED,
    NotCompared,
    not_compared,
)
from lossgui.core.params import ParamValue
from lossgui.core.problems import CellError, LossguiError, Problem, element_name

# Problems listed per prediction; the rest are counted. Notes about a vector as a whole (its
# sum, one-hot-ness) are left out: a block's sums say nothing of the file's.
MAX_LISTED = 20


@dataclass
class StreamedPrediction:
    """One prediction's streamed total and the problems found on the way."""

    name: str
    total: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    unlisted: int = 0
    not_compared: NotCompared | None = None  # why its total is not compared (core.lowest)


@dataclass
class StreamedTotals:
    """The totals of every prediction of a file, and how many rows were read."""

    loss_id: str
    params: dict[str, ParamValue]
    target: str
    rows: int
    predictions: list[StreamedPrediction]
    batch: bool = False  # whether each row is a sample of its own (an N×K file)


def stream_totals(
    path: str | os.PathLike[str],
    loss_id: str,
    params: Mapping[str, ParamValue],
    target: str | None = None,
    predictions: Sequence[str] = (),
    delimiter: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    block_bytes: int = csvio.STREAM_BLOCK_BYTES,
) -> StreamedTotals:
    """Each prediction's total over the whole file, reading ``block_bytes`` at a time.

    ``progress(bytes_read, file_size)`` is called after each block.
    """
    loss = get_loss(loss_id)
    p = dict(params)
    size = os.path.getsize(path)
    streamed: list[StreamedPrediction] = []
    target_name = ""
    rows = 0
    classes: tuple[int, ...] = ()  # (K,) for a batch file, whose rows are independent samples
    sums: list[float] = []
    blocks = 0
    # Per prediction, why a vector block's sums left its total uncompared (kl: t or y is no
    # distribution): it holds for the file only if that block was the whole file.
    whole_vector: list[NotCompared | None] = []
    try:
        for first_row, done, block in csvio.iter_data_blocks(path, delimiter, block_bytes):
            if loss.coupled and not block.is_batch:
                _refuse_coupled(loss.id)
            target_name, t, chosen = block.split(target, predictions)
            if not streamed:
                streamed = [StreamedPrediction(name) for name, _ in chosen]
                sums = [0.0] * len(chosen)
                whole_vector = [None] * len(chosen)
                classes = chosen[0][1].shape[1:]
            for i, (_, y) in enumerate(chosen):
                ev = evaluate_resolved(loss.id, y, t, p)
                # Undo the block's own reduction: the file's is applied once, at the end.
                sums[i] += ev.total * reduction_divisor(loss, y.shape, p)
                _keep(streamed[i], ev.problems, first_row, block.is_batch)
                whole_vector[i] = whole_vector[i] or _sums_uncompared(ev.problems)
            rows += len(t)
            blocks += 1
            if progress is not None:
                progress(done, size)
    except CellError as error:  # a session or a printed tensor: say what the file is
        raise csvio.explained_refusal(path, error) from None
    if not streamed:
        raise LossguiError(f"{os.fspath(path)}: there are no data rows",
                           f"{os.fspath(path)}: データの行がありません")
    divisor = reduction_divisor(loss, (rows, *classes), p)
    for prediction, total, said in zip(streamed, sums, whole_vector, strict=True):
        prediction.total = total / divisor
        if said and blocks == 1 and prediction.not_compared is None:
            prediction.not_compared = said
    return StreamedTotals(loss.id, p, target_name, rows, streamed, bool(classes))


def _refuse_coupled(loss_id: str) -> None:
    """A vector file is one sample: a loss coupling its elements cannot be summed in blocks
    (a batch file can: each row is a sample of its own)."""
    raise LossguiError(
        f"{loss_id} couples every element of a vector (softmax or a max over classes), so "
        "its total needs the whole vector at once: run compute without --totals-only",
        f"{loss_id} はベクトルのすべての要素が結びついている(ソフトマックスやクラスの最大値)"
        "ため、合計にはベクトル全体が一度に必要です。--totals-only を付けずに compute を"
        "実行してください",
    )


# Remarks on a vector's sums that leave its total uncompared (core.lowest): a block's sums
# say nothing of the file's.
_SUMS_UNCOMPARED = frozenset({T_NOT_DISTRIBUTION_UNCOMPARED, Y_ABOVE_ONE_UNCOMPARED})


def _sums_uncompared(problems: Sequence[Problem]) -> NotCompared | None:
    """Why a vector block's sums leave its total uncompared (kl: its t or y is no
    distribution), or None."""
    return not_compared([p for p in problems if p.code in _SUMS_UNCOMPARED and p.sample is None])


def _keep(prediction: StreamedPrediction, problems: Sequence[Problem], first_row: int,
          batch: bool) -> None:
    """Keep a block's per-element problems, named by their row in the whole file, and why its
    total is not compared. A remark on t as a whole counts here only in a ``batch`` (each row
    a whole sample); in a vector a block's sums say nothing of the file's (see stream_totals)."""
    why = not_compared(problems if batch else
                       [p for p in problems if p.code not in _SUMS_UNCOMPARED])
    if prediction.not_compared != "y" and why is not None:
        prediction.not_compared = why  # a y outside the domain is said first, as everywhere
    for problem in problems:
        if problem.index is None and (not batch or problem.sample is None):
            continue  # about the block as a whole (its sums), which says nothing of the file
        if len(prediction.problems) >= MAX_LISTED:
            prediction.unlisted += 1
            continue
        prediction.problems.append(_moved(problem, first_row))


def _moved(problem: Problem, first_row: int) -> Problem:
    """``problem`` with its element index (or its batch sample) and the names in its text
    moved by a block: "t₂[0]" and "sample 2" become the rows of the whole file."""
    texts = [problem.message, problem.message_ja]
    if problem.index is None:  # a whole sample of a batch: "t (class), sample 2 is missing"
        assert problem.sample is not None
        old_n, new_n = problem.sample + 1, problem.sample + 1 + first_row
        texts = [re.sub(rf"(\bsample|サンプル) {old_n}(?!\d)", rf"\g<1> {new_n}", text)
                 for text in texts]
        return Problem(problem.code, texts[0], None, problem.severity, texts[1],
                       problem.sample + first_row)
    old = problem.index
    new = (old[0] + first_row, *old[1:])
    for symbol in ("y", "t", "z"):
        texts = [text.replace(element_name(symbol, old), element_name(symbol, new))
                 for text in texts]
    return Problem(problem.code, texts[0], new, problem.severity, texts[1], problem.sample)
