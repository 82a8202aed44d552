"""Which prediction has the lowest loss: one rule for the window's ★ and the CLI's "← lowest loss".

The rule: among the predictions that have a total to compare (not NaN, not refused, and not
computed from a y outside the loss's domain), every one whose total equals the smallest is the
lowest — a tie for the lowest marks each tied prediction — but only when at least one compared
prediction is higher. With fewer than two totals to compare, or when all of them are equal, no
prediction is lower than another, so none is marked. ``+inf`` compares as larger than every
number (a finite total beats an infinite one).

A y outside the loss's domain (a "probability" of 1.3 under cee or bce, a negative rate under
poisson) gives a number, even a negative one, but not a loss: −log 1.3 < 0 is not "better than
perfect". Such a total is not compared, so it can never be marked lowest.

Nor is a total for which the loss measures no distance: KL divergence is ≥ 0 only between
probability distributions, so over a t summing to 0.6 a y that is not t scores below y = t's 0
(round-5 tester6). Its remark says so (checks.target_one_hot with a TargetMeaning whose
``uncompared`` sentence is set), and the same rule leaves every total over that t uncompared.
The same holds for a y: over t = [.5, .5], y = [.6, .6] gives −0.18, "lower" than y = t's 0.
KL = Σ t·log(t/y) ≥ −log Σy (Gibbs), so a y summing to at most 1 keeps it ≥ 0, and so does a
0/1 t (each term is −log y, y ≤ 1, as the article's t under kl): only a sample whose y sums
above 1 over a t that is not 0s and 1s can go below 0, and its remark (checks.prediction_sums
with ``uncompared``) leaves that prediction's total uncompared ("y_sum"), the others ranked.

Cross-entropy has the same flaw, one H(t) higher: cee = H(t) + KL(t‖y), so over distributions
it is lowest at y = t, where it is t's entropy, and the same bound keeps every y summing to at
most 1 (and every y over a 0/1 t) at or above that; t = [.5, .5], y = [.6, .6] scores 0.51,
below y = t's 0.69. nll is cee of exp(y) (its y are log-probabilities, lowest at y = log t).
Both leave such a sample's total uncompared by the same rule (checks.above_one_over_soft_t), with
their own sentence. bce is not among them: each element is its own two-class distribution
(y, 1 − y), lowest at y = t element by element, whatever the sum.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Literal

from lossgui.core.problems import Problem

# The problem codes (core/checks.py and the loss checks) that say y itself lies outside the
# values the loss is defined for, as opposed to remarks about t or notes that leave it a loss.
OUT_OF_DOMAIN_CODES = frozenset({
    "y_range",  # a probability outside [0, 1], a negative rate
    "log_negative",  # the log of a negative y
    "y_at_most_minus_one",  # msle's log(1 + y) undefined
    "y_positive_log_probability",  # nll's log-probability above 0
})


# The code of a remark that t is no distribution where the loss needs one to be a distance
# (kl): what it says of t holds for every prediction over it.
T_NOT_DISTRIBUTION_UNCOMPARED = "t_not_distribution_uncompared"

# The code of a remark that a sample's y sums above 1 over a t that is not 0/1, where the loss
# (kl, cee; nll's exp(y)) can then fall below its value at y = t: what it says holds for that
# prediction only.
Y_ABOVE_ONE_UNCOMPARED = "y_above_one_uncompared"

NotCompared = Literal["y", "t", "y_sum"]


def out_of_domain(problems: Iterable[Problem]) -> bool:
    """Whether ``problems`` say some y is outside the loss's domain (so the total is no loss)."""
    return any(p.code in OUT_OF_DOMAIN_CODES for p in problems)


def not_compared(problems: Iterable[Problem]) -> NotCompared | None:
    """Why a total with these ``problems`` is not compared: "y" (some y outside the loss's
    domain), "t" (a t over which the loss is no distance), "y_sum" (a y summing above 1 where
    that leaves the loss no distance), or None (it is compared)."""
    codes = {p.code for p in problems}
    if codes & OUT_OF_DOMAIN_CODES:
        return "y"
    if T_NOT_DISTRIBUTION_UNCOMPARED in codes:
        return "t"
    return "y_sum" if Y_ABOVE_ONE_UNCOMPARED in codes else None


def compared_total(total: float | None, problems: Iterable[Problem]) -> float | None:
    """``total`` if it takes part in the comparison, else None (no total, or not compared)."""
    return None if total is None or not_compared(problems) is not None else total


def lowest_indices(totals: Sequence[float | None]) -> frozenset[int]:
    """Indices into ``totals`` of the lowest loss (see the module docstring); None = no total.

    Pass each total through :func:`compared_total` first, so an out-of-domain one is None.
    """
    compared = [(i, t) for i, t in enumerate(totals) if t is not None and not math.isnan(t)]
    if len(compared) < 2:
        return frozenset()
    low = min(t for _, t in compared)
    if all(t == low for _, t in compared):
        return frozenset()
    return frozenset(i for i, t in compared if t == low)
