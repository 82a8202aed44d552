"""Evaluate a loss on a prediction: total, per-element contributions, gradient and problems."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from lossgui.core import checks, params
from lossgui.core import classes as classes_rule
from lossgui.core.arrays import BoolArray, FloatArray
from lossgui.core.checks import Findings
from lossgui.core.losses import Loss, get_loss, reduction_divisor, scale_factor
from lossgui.core.names import class_index_of
from lossgui.core.params import ParamValue
from lossgui.core.problems import Problem, ShapeError
from lossgui.core.ranges import Ranges, Scanned, scan
from lossgui.core.safe_math import divide_in_place


@dataclass(frozen=True)
class Evaluation:
    """The result of one evaluation. ``contributions.sum() == total`` and ``gradient`` is ∂total/∂y.

    ``flagged`` marks the elements with a warning (for highlighting), including those past the
    listed ones; ``problems`` explains them.
    """

    loss_id: str
    params: dict[str, ParamValue]
    total: float
    contributions: FloatArray
    gradient: FloatArray
    problems: tuple[Problem, ...]
    flagged: BoolArray

    @property
    def sample_shares(self) -> FloatArray:
        """Each sample's contribution to the total (they add up to it); one for a vector."""
        if self.contributions.ndim == 1:
            return np.array([self.total])
        shares: FloatArray = self.contributions.sum(axis=-1)
        return shares

    @property
    def unknown_samples(self) -> tuple[int, ...]:
        """The samples (0-based) whose own loss is not a number, a blank among them: they leave
        the total unknown, and their share of it is missing, not 0."""
        return tuple(int(n) for n in np.flatnonzero(np.isnan(self.sample_shares)))

    @property
    def per_sample(self) -> FloatArray:
        """Each sample's own loss, so that reducing them as ``reduction`` says gives the total.

        Under ``mean`` their mean is the total (PyTorch's ``reduction="none"`` for the
        class-summed losses, Keras's per-sample mean over the classes for the elementwise ones);
        under ``sum`` their sum is. A 1-D evaluation is one sample.
        """
        if self.contributions.ndim == 1:
            return np.array([self.total])
        rows = self.sample_shares
        if self.params.get("reduction") == "mean":
            rows = rows * len(rows)
        result: FloatArray = rows
        return result


def as_float_array(values: ArrayLike, symbol: str) -> FloatArray:
    """``values`` as a float64 array of 1 or 2 dimensions, or a ShapeError saying why not."""
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ShapeError(f"{symbol} must be numbers: {error}",
                         f"{symbol} は数でなければなりません: {error}") from None
    if array.ndim not in (1, 2):
        raise ShapeError(f"{symbol} must be a vector or an N×K table, not {array.ndim}-D",
                         f"{symbol} はベクトルか N×K の表です({array.ndim} 次元は使えません)")
    if array.size == 0:
        raise ShapeError(f"{symbol} is empty: enter at least one value",
                         f"{symbol} が空です。値を1つ以上入力してください")
    return array


def evaluate(loss_id: str, y: ArrayLike, t: ArrayLike, **given: object) -> Evaluation:
    """Evaluate loss ``loss_id`` of prediction ``y`` against target ``t``.

    Parameters may be given as values or as text (``eps="1e-7"``); unknown names and values out
    of range raise :class:`~lossgui.core.problems.ParameterError`. Input that makes the loss
    non-finite or leaves its domain is computed where it can be and explained in ``problems``.
    """
    loss = get_loss(loss_id)
    resolved = params.resolve(loss.id, loss.params, given)
    return evaluate_resolved(loss_id, as_float_array(y, "y"), as_float_array(t, "t"), resolved)


def evaluate_resolved(
    loss_id: str, y: FloatArray, t: FloatArray, resolved: Mapping[str, ParamValue]
) -> Evaluation:
    """Evaluate with float64 arrays and parameters already checked (the hot path of the GUI)."""
    loss = get_loss(loss_id)
    p = dict(resolved)
    findings = Findings(y.shape)
    explained: BoolArray | None = None
    if is_class_index_target(y, t):
        t, explained = _from_class_indices(findings, t, y.shape[1])
    if y.shape != t.shape:
        raise ShapeError(
            f"y has {_describe(y.shape)} but t has {_describe(t.shape)}: they must match",
            f"y は{_describe(y.shape, 'ja')}、t は{_describe(t.shape, 'ja')}です。"
            "要素の数をそろえてください",
        )
    factor = scale_factor(loss, p)
    divisor = reduction_divisor(loss, y.shape, p)
    scaled = False  # whether the contributions and gradient are scaled already
    with np.errstate(all="ignore"):  # infinities and NaN are explained by the checks instead
        if loss.total_shows_missing:
            # Compute first: a finite sum proves every input finite, which spares the
            # missing-value scan in the usual case (see Loss.total_shows_missing).
            values, grads = loss.compute(y, t, p, None)
            raw = np.sum(values)
            if np.isfinite(raw):
                usable: BoolArray = np.ones(y.shape, dtype=bool)
            else:
                usable = ~checks.missing(findings, y, t, explained, loss.checks_sums)
            loss.check(findings, y, t, p, usable)
        else:
            scanned, known = _scan(loss, y, t, p, factor, divisor)
            if scanned is not None:
                scaled = True
                # The usual input, read once: ranges, sums and the fast arithmetic in one pass.
                findings.ranges = scanned.ranges
                usable = np.ones(y.shape, dtype=bool)
                loss.check(findings, y, t, p, usable)
                values, grads, raw = scanned.values, scanned.grads, np.float64(scanned.total)
            else:
                usable = ~checks.missing(findings, y, t, explained, loss.checks_sums, known)
                loss.check(findings, y, t, p, usable)
                # With an ∞ about, only the careful formulas hold (a zero target times log ∞
                # is 0, as torch.xlogy, where the fast t·log y would give NaN).
                ranges = findings.ranges
                values, grads = loss.compute(y, t, p,
                                             ranges if ranges and ranges.finite else None)
                if not usable.all():
                    # A blank leaves its element, and so the total, unknown — even where a
                    # zero target would multiply it away (0·log y): missing is never zero.
                    values = np.where(usable, values, np.nan)
                    grads = np.where(usable, grads, np.nan)
                raw = np.sum(values)
        if np.isnan(raw):
            # A loss that is not a number somewhere (log of a negative) has no slope there
            # either: no gradient bar may suggest which way learning would move that y.
            grads = np.where(np.isnan(values), np.nan, grads)
        total = float(raw) * factor / divisor
        # Scale in place: the definitions return arrays of their own (copied here if one ever
        # shares memory with an input), and two fresh 8 MB arrays per million rows are not free.
        contributions = _own(values, y, t)
        gradient = _own(grads, y, t, contributions)
        if factor != 1.0 and not scaled:
            np.multiply(contributions, factor, out=contributions)
            np.multiply(gradient, factor, out=gradient)
        if divisor != 1 and not scaled:
            divide_in_place(contributions, divisor)
            divide_in_place(gradient, divisor)
        if findings.ranges is not None and not findings.ranges.finite:
            checks.infinite(findings, y, t, contributions)
    return Evaluation(
        loss.id, p, total, contributions, gradient, tuple(findings.problems), findings.flagged
    )


def _scan(
    loss: Loss, y: FloatArray, t: FloatArray, p: Mapping[str, ParamValue],
    factor: float = 1.0, divisor: float = 1.0,
) -> tuple[Scanned | None, Ranges | None]:
    """The pass of lossgui/core/ranges.py for a loss with a fast path: (its results, when the
    ranges show the fast path applies with every value finite, so nothing is missing either;
    the ranges it took, for the careful way otherwise). (None, None) for the other losses."""
    if loss.fast is None:
        return None, None
    scanned = scan(y, t, loss.fast.kernel, p, loss.checks_sums, factor, divisor,
                   loss.fast.counts_targets)
    if scanned.ranges.finite and loss.fast.applies(scanned.ranges, p):
        return scanned, scanned.ranges
    return None, scanned.ranges


def is_class_index_target(y: FloatArray, t: FloatArray) -> bool:
    """Whether ``t`` is a column of N class indices for an N×K ``y`` (PyTorch's integer target)."""
    return y.ndim == 2 and t.ndim == 1 and len(t) == y.shape[0]


def _from_class_indices(
    findings: Findings, indices: FloatArray, classes: int
) -> tuple[FloatArray, BoolArray]:
    """The one-hot table of class-index targets, and the rows already explained.

    Every loss then sees the N×K table it is defined on: ``cross_entropy(z, idx)`` of PyTorch
    is the probability-target formula at a one-hot row, label smoothing included. A blank
    index leaves its sample unknown; an unusable one is explained once per sample.
    """
    blank = np.isnan(indices)
    findings.per_sample(
        blank, "missing_t",
        lambda n: (f"{class_index_of('t', n, 'en')} is missing (blank or nan), so that "
                   "sample's loss, and so the total, is not a number.",
                   f"{class_index_of('t', n, 'ja')} が空欄(または nan)なので、そのサンプルの"
                   "損失も合計も数になりません。"),
        ("the class index t is missing there.", "クラス番号 t が空欄です。"),
    )
    bad = classes_rule.invalid_indices(indices, classes)
    findings.per_sample(
        bad, "t_class_index",
        lambda n: _index_message(n, float(indices[n]), classes),
        (f"those class indices are not 0…{classes - 1}.",
         f"クラス番号が 0〜{classes - 1} ではありません。"),
    )
    explained: BoolArray = np.repeat((blank | bad)[:, None], classes, axis=1)
    return classes_rule.one_hot(indices, classes), explained


def _index_message(n: int, value: float, classes: int) -> tuple[str, str]:
    reason = classes_rule.index_problem(value, classes)
    assert reason is not None  # only called where invalid_indices found a problem
    return (f"{class_index_of('t', n, 'en')}: {reason[0]}; the sample's loss is unknown.",
            f"{class_index_of('t', n, 'ja')}: {reason[1]}。このサンプルの損失は不明です。")


def _own(array: FloatArray, *others: FloatArray) -> FloatArray:
    """``array`` itself if it may be written in place without touching ``others``, else a copy."""
    if not array.flags.writeable or any(np.may_share_memory(array, o) for o in others):
        return array.copy()
    return array


def _describe(shape: tuple[int, ...], language: str = "en") -> str:
    if language == "ja":
        return f" {shape[0]} 個の要素" if len(shape) == 1 else f" {shape[0]}×{shape[1]} 個の要素"
    if len(shape) == 1:
        return f"{shape[0]} element{'s' if shape[0] != 1 else ''}"
    return f"{shape[0]}×{shape[1]} elements"
