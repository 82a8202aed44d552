"""Learning aids computed by the core: the formula with its numbers, and one element's curve."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np

from lossgui.core.arrays import FloatArray
from lossgui.core.cache_blocks import cache_blocks
from lossgui.core.evaluate import Evaluation, evaluate_resolved
from lossgui.core.losses import (
    InputKind,
    Task,
    class_smoothed,
    get_loss,
    reduction_divisor,
    scale_factor,
)
from lossgui.core.margin_losses import binary_smoothed, sign_labels
from lossgui.core.numbers import in_formula
from lossgui.core.params import ParamValue
from lossgui.core.squash import softmax

HEAD_TERMS = 4
TAIL_TERMS = 2
# Losses whose term is t·log(…): a term with t = 0 adds nothing (drawn grey, left out first).
_INERT_AT_ZERO_TARGET = frozenset({"cee", "kl", "softmax_cee", "nll"})
Gaps = tuple[tuple[int, int], ...]  # (where in the terms, how many are left out there)


@dataclass(frozen=True)
class Term:
    """One summand written out; ``inert`` terms (a zero target under a log) contribute nothing."""

    text: str
    inert: bool = False
    element: int = -1  # the 0-based element k it writes out (-1 when not known)


@dataclass(frozen=True)
class Substitution:
    """``prefix (term + term + …) suffix = result``, with long vectors elided in the middle."""

    prefix: str
    terms: tuple[Term, ...]
    gaps: Gaps  # where a "… (n more terms) …" goes
    suffix: str
    result: float

    @property
    def elided(self) -> int:
        """How many terms are left out, in all the gaps."""
        return sum(count for _, count in self.gaps)

    def with_gaps(self, parts: list[str], marker: Callable[[int], str]) -> list[str]:
        """``parts`` (one per term) with ``marker(count)`` put in at each gap."""
        parts = list(parts)
        for at, count in reversed(self.gaps):
            parts.insert(at, marker(count))
        return parts

    def plain(self, language: str = "en") -> str:
        """The whole line as plain text."""
        ja = language.startswith("ja")
        parts = self.with_gaps([t.text for t in self.terms], lambda count: (
            f"… (ほか{count}項) …" if ja else f"… ({count} more terms) …"))
        return f"{self.prefix}{' + '.join(parts)}{self.suffix} = {in_formula(self.result)}"


def _shown(count: int, counting: Sequence[int] = ()) -> tuple[list[int], Gaps]:
    """Which of ``count`` terms are written out, and the gaps between them.

    A long sum shows its first HEAD_TERMS and last TAIL_TERMS terms, and every term in
    ``counting`` (those at t ≠ 0: a one-hot t's answer) when there are no more of them than
    that: the book's t at class 7 of 10 is written with its 1·log term, not as grey 0·log terms
    around a "…" that hides it (tester8), and under sse with its (0.1−1)², 0.81 of the 1.195
    the other terms add to (tester9).
    """
    if count <= HEAD_TERMS + TAIL_TERMS + 1:
        return list(range(count)), ()
    chosen = {*range(HEAD_TERMS), *range(count - TAIL_TERMS, count)}
    if len(counting) <= HEAD_TERMS + TAIL_TERMS:
        chosen.update(counting)
    shown = sorted(chosen)
    gaps = tuple((at, later - earlier - 1) for at, (earlier, later) in
                 enumerate(pairwise(shown), start=1) if later - earlier > 1)
    return shown, gaps


# 2¹⁷ elements a slice: a dense t stops after one (~0.05 ms), a one-hot t of 10⁶ takes 8.
_NONZERO_SLICE = 1 << 17


def _few_nonzero(t: FloatArray, most: int) -> list[int]:
    """Where t ≠ 0 when that is at most ``most`` elements, else []: a slice at a time, so a
    dense t of 10⁶ stops at its first slice, and no 10⁶-long index array is made on each edit
    (np.flatnonzero(t != 0) cost ~2 ms of a 10⁶-row edit under sse)."""
    found: list[int] = []
    for part in cache_blocks(len(t), _NONZERO_SLICE):
        nonzero = t[part] != 0  # counted as booleans: np.count_nonzero of floats is ~6× slower
        count = int(np.count_nonzero(nonzero))
        if len(found) + count > most:
            return []
        if count:
            found += (np.flatnonzero(nonzero) + part.start).tolist()
    return found


def _operand(value: float) -> str:
    """A value inside a formula: negative ones in brackets, so (0−(−0.5))² never reads 0−−0.5."""
    text = in_formula(value)
    return f"({text})" if text.startswith("−") else text


def _term(loss_id: str, y: float, t: float, params: dict[str, ParamValue]) -> Term:
    ys, ts = _operand(y), _operand(t)
    if loss_id in {"sse", "mse"}:
        return Term(f"({ys}−{ts})²")
    if loss_id == "mae":
        return Term(f"|{ys}−{ts}|")
    if loss_id == "huber":
        delta = float(params["delta"])
        if abs(y - t) < delta:
            return Term(f"½({ys}−{ts})²")
        return Term(f"{in_formula(delta)}(|{ys}−{ts}|−½·{in_formula(delta)})")
    if loss_id == "cee":
        eps = float(params["eps"])
        # log(…) brackets it
        inside = f"{in_formula(y)} + {in_formula(eps)}" if eps else in_formula(y)
        return Term(f"{ts}·log({inside})")
    if loss_id == "kl":
        return Term(f"{ts}·log({ts}/{ys})")
    if loss_id == "bce":
        return Term(f"[{ts}·log {ys} + (1−{ts})·log(1−{ys})]")
    if loss_id == "bce_logits":
        return Term(f"[{ts}·log σ({ys}) + (1−{ts})·log(1−σ({ys}))]")
    if loss_id == "softmax_cee":  # y here is softmax(z)ₖ, worked out by substitute()
        return Term(f"{ts}·log {ys}")
    if loss_id == "hinge":  # t is the label used (0 already read as −1 by substitute)
        return Term(f"max(0, 1−{ts}·{ys})")
    return _new_term(loss_id, y, t, ys, ts, params)


def _new_term(
    loss_id: str, y: float, t: float, ys: str, ts: str, params: dict[str, ParamValue]
) -> Term:
    """The terms of the losses added for framework parity (one per element)."""
    if loss_id == "smooth_l1":
        beta = float(params["beta"])
        if abs(y - t) < beta:
            return Term(f"½({ys}−{ts})²/{in_formula(beta)}")
        return Term(f"|{ys}−{ts}|−½·{in_formula(beta)}")
    if loss_id == "log_cosh":
        return Term(f"log cosh({ys}−{ts})")
    if loss_id == "pinball":
        q = float(params["quantile"])
        if t - y >= 0:
            return Term(f"{in_formula(q)}·({ts}−{ys})")
        return Term(f"{in_formula(1.0 - q)}·({ys}−{ts})")
    if loss_id == "msle":
        return Term(f"(log(1+{ys})−log(1+{ts}))²")
    if loss_id == "mape":
        return Term(f"100·|{ts}−{ys}|/{in_formula(max(abs(t), float(params['eps'])))}")
    if loss_id == "poisson":
        if params["log_input"]:
            text = f"(e^{ys}−{ts}·{ys})"
        else:
            text = f"({ys}−{ts}·log({ys}+{in_formula(float(params['eps']))}))"
        if params["full"] and t > 1:  # Stirling's log t!, which does not depend on y
            stirling = t * math.log(t) - t + 0.5 * math.log(2.0 * math.pi * t)
            text = f"[{text}+{in_formula(stirling)}]"
        return Term(text)
    if loss_id == "squared_hinge":
        return Term(f"max(0, 1−{ts}·{ys})²")
    if loss_id == "soft_margin":
        return Term(f"log(1+e^(−({ts})·{ys}))")
    if loss_id == "focal":  # t here is already smoothed; negated as BCE
        gamma = in_formula(float(params["gamma"]))
        weight = ""
        if params["apply_class_balancing"]:
            alpha = float(params["alpha"])
            weight = _operand(alpha * t + (1.0 - alpha) * (1.0 - t)) + "·"
        if t == 1:
            return Term(f"{weight}(1−{ys})^{gamma}·log {ys}")
        if t == 0:
            return Term(f"{weight}{ys}^{gamma}·log(1−{ys})")
        miss = _operand(1.0 - (t * y + (1.0 - t) * (1.0 - y)))
        return Term(f"{weight}{miss}^{gamma}·[{ts}·log {ys} + (1−{ts})·log(1−{ys})]")
    if loss_id == "nll":
        return Term(f"{ts}·{ys}")
    raise ValueError(f"no term for {loss_id}")  # a loss added without its written-out form


def _class_terms(
    loss_id: str, z: FloatArray, t: FloatArray, params: dict[str, ParamValue]
) -> tuple[tuple[Term, ...], Gaps, str]:
    """Terms, the gaps where some are left out and a factor in front, for the losses over a
    class axis."""
    if loss_id == "categorical_hinge":  # one sample, one term: max(0, 1 + neg − pos)
        positive = float(np.sum(t * z))
        negative = float(np.max((1.0 - t) * z))
        return (Term(f"max(0, 1+{_operand(negative)}−{_operand(positive)})"),), (), ""
    margin, power = float(params["margin"]), str(params["p"])
    classes = len(z)
    correct = np.flatnonzero(t != 0)
    one_hot = len(correct) == 1 and t[correct[0]] == 1
    count = len(correct) * (classes - 1)
    shown, gaps = _shown(count)
    terms = []
    for j in shown:  # pair j: correct class c against the j-th other class i
        c = int(correct[j // (classes - 1)])
        i = j % (classes - 1)
        i += i >= c
        text = f"max(0, {in_formula(margin)}−{_operand(float(z[c]))}+{_operand(float(z[i]))})"
        if power == "2":
            text += "²"
        weight = "" if one_hot else f"{_operand(float(t[c]))}·"
        terms.append(Term(weight + text, element=i))
    return tuple(terms), gaps, f"(1/{classes})·"


def substitute(
    loss_id: str, y: FloatArray, t: FloatArray, evaluation: Evaluation
) -> Substitution:
    """The selected loss written out with one prediction's values (a 1-D vector)."""
    loss = get_loss(loss_id)
    params = evaluation.params
    n = len(y)
    inner = ""
    if loss.id in {"multi_margin", "categorical_hinge"}:
        terms, gaps, inner = _class_terms(loss.id, y, t, params)
    else:
        if loss.id == "softmax_cee":
            # Each term needs the class's probability softmax(z)ₖ, not the logit itself.
            y = softmax(y)
        # The terms show the target the loss uses: smoothed over two classes or over K.
        if "label_smoothing" in params and loss.task is Task.BINARY:
            t = binary_smoothed(t, params)
        elif loss.id == "softmax_cee":
            t = class_smoothed(t, params)
        if loss.id in {"hinge", "squared_hinge"}:
            t = sign_labels(t)  # write the −1 the total uses, not the 0 that was typed
        shown, gaps = _shown(n, _few_nonzero(t, HEAD_TERMS + TAIL_TERMS))
        terms = tuple(replace(_term(loss.id, float(y[k]), float(t[k]), params), element=k,
                              inert=loss.id in _INERT_AT_ZERO_TARGET and t[k] == 0)
                      for k in shown)
    negated = loss.id in {"cee", "bce", "bce_logits", "softmax_cee", "focal", "nll"}
    factor = scale_factor(loss, params)
    divisor = reduction_divisor(loss, y.shape, params)
    prefix = ("½·" if factor == 0.5 else "") + (f"(1/{divisor})·" if divisor != 1 else "")
    prefix += inner
    prefix += "−(" if negated else ("(" if prefix else "")
    suffix = ")" if prefix.endswith("(") else ""
    return Substitution(prefix, terms, gaps, suffix, evaluation.total)


@dataclass(frozen=True)
class Curve:
    """One element's contribution as a function of its y, the current point and the tangent."""

    x: FloatArray
    contribution: FloatArray
    current_y: float
    current_contribution: float
    slope: float


def _domain(
    kind: InputKind, y: float, t: float, params: dict[str, ParamValue]
) -> tuple[float, float]:
    if kind is InputKind.PROBABILITY:  # stop short of 0 and 1, where the logs are infinite
        edge = max(float(params.get("eps", 0.0)), 1e-3)
        return edge, 1.0 - edge
    if kind is InputKind.LOG_PROBABILITY:  # log-probabilities are ≤ 0
        return min(-6.0, y - 1.0), (0.0 if y <= 0 else y + 0.5)
    if kind is InputKind.RATE:  # rates are > 0 (log(y + eps) is −∞ at y = −eps)
        return 1e-3, max(2.0 * t + 2.0, 1.5 * y + 1.0)
    if kind is InputKind.REAL:
        # t ± 1 (both arms of the minimum), and past y by half the miss: the article's
        # y₁ = 0.01 at t₁ = 0 is drawn on [−1, 1], where all of its [0, 1] shows (a fixed
        # ±4 made it a dent at the bottom). Huber and smooth L1 show where they turn linear.
        kink = max((float(v) for n, v in params.items()
                    if n in _KINKS and isinstance(v, int | float)), default=0.0)
        reach, miss = max(1.0, 1.5 * kink), 0.5 * abs(y - t)
        return min(t - reach, y - miss), max(t + reach, y + miss)
    span = max(2.0, 1.5 * abs(y - t))
    centre = 0.0 if kind in _CENTRED_AT_ZERO else t
    low, high = centre - span - 2.0, centre + span + 2.0
    return min(low, y - 0.5), max(high, y + 0.5)


# Where a regression loss turns from quadratic to linear (huber's δ, smooth L1's β).
_KINKS = {"delta", "beta"}
# Scores and logits are read around 0, whatever the target's scale.
_CENTRED_AT_ZERO = {InputKind.LOGIT, InputKind.CLASS_SCORE, InputKind.LOG_RATE}


def element_curve(
    loss_id: str,
    y: FloatArray,
    t: FloatArray,
    index: int,
    params: dict[str, ParamValue],
    points: int = 201,
) -> Curve:
    """How element ``index``'s contribution changes as its y moves with t fixed (1-D vectors).

    For a coupled loss (softmax, a max over classes), where one y moves other elements' shares,
    the curve is the change of the whole loss, shifted to pass through the element's current
    contribution, so that its slope is still the gradient.
    """
    loss = get_loss(loss_id)
    current = evaluate_resolved(loss.id, y, t, params)
    y_k, t_k = float(y[index]), float(t[index])
    low, high = _domain(loss.expects_for(params), y_k, t_k, params)
    if loss.id == "msle":  # log(1 + y) is undefined at y ≤ −1
        low = max(low, -1.0 + 1e-3)
    x = np.unique(np.append(np.linspace(low, high, points), y_k))
    if loss.coupled:
        totals = np.empty_like(x)
        moved = y.copy()
        for i, value in enumerate(x):
            moved[index] = value
            totals[i] = evaluate_resolved(loss.id, moved, t, params).total
        values = totals - current.total + float(current.contributions[index])
    else:
        # Elementwise losses: evaluate the grid as one vector of "copies" of element k, summed
        # per element, and apply the real vector's reduction so the scale matches the bars.
        summed = {**params, "reduction": "sum"} if "reduction" in params else dict(params)
        grid = evaluate_resolved(loss.id, x, np.full_like(x, t_k), summed)
        values = grid.contributions / reduction_divisor(loss, y.shape, params)
    return Curve(x, values, y_k, float(current.contributions[index]),
                 float(current.gradient[index]))
