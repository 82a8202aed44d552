"""Learning aids computed by the core: the formula with its numbers, and one element's curve."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lossgui.core.arrays import FloatArray
from lossgui.core.evaluate import Evaluation, evaluate_resolved
from lossgui.core.losses import InputKind, get_loss, reduction_divisor, scale_factor
from lossgui.core.numbers import in_formula
from lossgui.core.params import ParamValue

HEAD_TERMS = 4
TAIL_TERMS = 2


@dataclass(frozen=True)
class Term:
    """One summand written out; ``inert`` terms (a zero target under a log) contribute nothing."""

    text: str
    inert: bool = False


@dataclass(frozen=True)
class Substitution:
    """``prefix (term + term + …) suffix = result``, with long vectors elided in the middle."""

    prefix: str
    terms: tuple[Term, ...]
    elided: int
    suffix: str
    result: float

    @property
    def elided_at(self) -> int:
        """Where in ``terms`` the "… (n more terms) …" marker goes (0 when nothing is elided)."""
        return HEAD_TERMS if self.elided else 0

    def plain(self, language: str = "en") -> str:
        """The whole line as plain text."""
        parts = [t.text for t in self.terms]
        if self.elided:
            more = f"ほか{self.elided}項" if language.startswith("ja") else \
                f"{self.elided} more terms"
            parts.insert(self.elided_at, f"… ({more}) …")
        return f"{self.prefix}{' + '.join(parts)}{self.suffix} = {in_formula(self.result)}"


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
        inside = f"{ys} + {in_formula(eps)}" if eps else ys
        return Term(f"{ts}·log({inside})", inert=t == 0)
    if loss_id == "kl":
        return Term(f"{ts}·log({ts}/{ys})", inert=t == 0)
    if loss_id == "bce":
        return Term(f"[{ts}·log {ys} + (1−{ts})·log(1−{ys})]")
    if loss_id == "bce_logits":
        return Term(f"[{ts}·log σ({ys}) + (1−{ts})·log(1−σ({ys}))]")
    if loss_id == "softmax_cee":  # y here is softmax(z)ₖ, worked out by substitute()
        return Term(f"{ts}·log {ys}", inert=t == 0)
    return Term(f"max(0, 1−({ts})·{ys})")  # hinge


def substitute(
    loss_id: str, y: FloatArray, t: FloatArray, evaluation: Evaluation
) -> Substitution:
    """The selected loss written out with one prediction's values (a 1-D vector)."""
    loss = get_loss(loss_id)
    params = evaluation.params
    n = len(y)
    shown = range(n) if n <= HEAD_TERMS + TAIL_TERMS + 1 else \
        [*range(HEAD_TERMS), *range(n - TAIL_TERMS, n)]
    if loss.id == "softmax_cee":
        # Each term needs the class's probability softmax(z)ₖ, not the logit itself.
        shifted = np.exp(y - np.max(y))
        y = shifted / np.sum(shifted)
    terms = tuple(_term(loss.id, float(y[k]), float(t[k]), params) for k in shown)
    negated = loss.id in {"cee", "bce", "bce_logits", "softmax_cee"}
    factor = scale_factor(loss, params)
    divisor = reduction_divisor(loss, y.shape, params)
    prefix = ("½·" if factor == 0.5 else "") + (f"(1/{divisor})·" if divisor != 1 else "")
    prefix += "−(" if negated else ("(" if prefix else "")
    suffix = ")" if prefix.endswith("(") else ""
    return Substitution(prefix, terms, n - len(terms), suffix, evaluation.total)


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
    span = max(2.0, 1.5 * abs(y - t))
    centre = t if kind is not InputKind.LOGIT else 0.0
    low, high = centre - span - 2.0, centre + span + 2.0
    return min(low, y - 0.5), max(high, y + 0.5)


def element_curve(
    loss_id: str,
    y: FloatArray,
    t: FloatArray,
    index: int,
    params: dict[str, ParamValue],
    points: int = 201,
) -> Curve:
    """How element ``index``'s contribution changes as its y moves with t fixed (1-D vectors).

    For softmax cross-entropy, where one logit moves every class's share, the curve is the
    change of the whole loss, shifted to pass through the element's current contribution, so
    that its slope is still the gradient.
    """
    loss = get_loss(loss_id)
    current = evaluate_resolved(loss.id, y, t, params)
    y_k, t_k = float(y[index]), float(t[index])
    low, high = _domain(loss.expects, y_k, t_k, params)
    x = np.unique(np.append(np.linspace(low, high, points), y_k))
    if loss.id == "softmax_cee":
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
