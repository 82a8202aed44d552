"""Under kl a t that is no probability distribution leaves the totals uncompared (round-6
tester, finding 2): KL ≥ 0 holds only between distributions, so with t = [0.3, 0.3] the y that
is not t scored −0.3065 and took the lowest-loss mark from y = t's 0. One rule with a y outside
the loss's domain (core.lowest); the window and `lossgui compute` read it from the core."""

from __future__ import annotations

import math

import pytest

from lossgui.core import evaluate
from lossgui.core.document import DocumentModel
from lossgui.core.lowest import compared_total, not_compared

T = [0.3, 0.3]
Y1, Y2 = [0.5, 0.5], [0.3, 0.3]


def test_a_t_summing_to_0_6_gives_kl_a_negative_total_that_is_not_compared() -> None:
    first, second = evaluate("kl", Y1, T), evaluate("kl", Y2, T)
    # What the note claims: the total can be negative (here 0.6·log 0.6), below y = t's 0.
    assert first.total == pytest.approx(0.6 * math.log(0.6), rel=1e-15) and first.total < 0
    assert second.total == 0.0
    assert not_compared(first.problems) == not_compared(second.problems) == "t"
    assert compared_total(first.total, first.problems) is None
    model = DocumentModel(["t", "y1", "y2"], [T, Y1, Y2], "kl")
    assert model.lowest == frozenset()
    assert model.not_compared(0) == model.not_compared(1) == "t"
    [note] = [p for p in first.problems if p.code == "t_not_distribution_uncompared"]
    assert note.message == (
        "t sums to 0.6, not 1: KL divergence expects one correct class (one-hot) or a "
        "probability distribution. KL ≥ 0 holds only between distributions, so with this t the "
        "total can be negative and the totals are not compared.")
    assert note.message_ja == (
        "t の合計は 0.6 で、1 ではありません。KLダイバージェンスは正解が1つのクラス(one-hot)か"
        "確率分布であることを想定しています。KL ≥ 0 は確率分布どうしでしか成り立たないので、"
        "この t では合計が負になることもあり、合計どうしは比べません。")


def test_in_a_batch_one_such_sample_leaves_the_batch_totals_uncompared() -> None:
    t = [[1.0, 0.0], [0.3, 0.3], [0.0, 1.0]]
    model = DocumentModel(["t", "a", "b"], [t, [[0.9, 0.1], [0.5, 0.5], [0.2, 0.8]],
                                            [[0.6, 0.4], [0.3, 0.3], [0.4, 0.6]]], "kl")
    assert model.lowest == frozenset() and model.not_compared(0) == "t"
    [note] = [p for p in model.evaluations[0].problems
              if p.code == "t_not_distribution_uncompared"]
    assert note.sample == 1 and note.message.startswith("In sample 2, t sums to 0.6, not 1")


def test_distributions_one_hot_and_cees_soft_targets_are_still_compared() -> None:
    soft = DocumentModel(["t", "a", "b"], [[0.25, 0.75], [0.3, 0.7], [0.6, 0.4]], "kl")
    assert soft.lowest == {0} and soft.not_compared(0) is None
    # The article's t has two 1s: each term is −log y ≥ 0, cee's, and still compared.
    article = DocumentModel(["t", "y1", "y2"], [[0, 1, 0, 1, 0], [0.01, 0.65, 0.13, 0.70, 0.15],
                                                [0.34, 0.21, 0.91, 0.33, 0.22]], "kl")
    assert article.lowest == {0}
    # Cross-entropy −Σ t·log y stays ≥ 0 for any t ≥ 0 and y in [0, 1]: the rule is kl's.
    cee = DocumentModel(["t", "y1", "y2"], [T, Y1, Y2], "cee")
    assert cee.lowest == {0} and cee.not_compared(0) is None
    # A y outside the domain is still said as such.
    outside = DocumentModel(["t", "a", "b"], [[0.0, 1.0], [0.2, 1.3], [0.3, 0.7]], "cee")
    assert outside.not_compared(0) == "y" and outside.not_compared(1) is None
