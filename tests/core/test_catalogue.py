"""The losses added for framework parity, each checked at points worked out by hand.

The numbers come from the definitions (PyTorch 2.x ``torch.nn.functional``, Keras 3
``keras.losses``, scikit-learn ``mean_pinball_loss``), written out here, including their edges.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from lossgui.core import LOSSES, ParameterError, ShapeError, evaluate
from lossgui.core.losses import Task, get_loss
from lossgui.core.margin_losses import MAX_PAIR_STEPS

LOG2 = math.log(2.0)


def codes(ev) -> list[str]:
    return [p.code for p in ev.problems]


# --- regression --------------------------------------------------------------------------------


def test_smooth_l1_by_hand_including_the_joins_at_plus_and_minus_beta():
    # d = 0, 1.5, −1 (= −β), 0.3: 0, 1.5 − ½, 1 − ½ (= ½·1²/1, the two pieces meet), ½·0.09
    ev = evaluate("smooth_l1", [0.0, 1.5, -1.0, 0.3], [0.0, 0.0, 0.0, 0.0])
    assert ev.contributions.tolist() == pytest.approx([0.0, 0.25, 0.125, 0.01125])
    assert ev.total == pytest.approx((0 + 1.0 + 0.5 + 0.045) / 4)
    assert ev.gradient.tolist() == pytest.approx([0.0, 0.25, -0.25, 0.075])
    at_beta = evaluate("smooth_l1", [2.0, -2.0], [0.0, 0.0], beta=2.0, reduction="sum")
    assert at_beta.contributions.tolist() == [1.0, 1.0]  # |d| − ½β = ½d²/β = 1 at d = ±β
    assert at_beta.gradient.tolist() == [1.0, -1.0]  # sign(d) = d/β there: no jump
    plain = evaluate("smooth_l1", [3.0, -0.5], [1.0, 0.0], beta=0.0)
    assert plain.total == pytest.approx(evaluate("mae", [3.0, -0.5], [1.0, 0.0]).total)


def test_smooth_l1_is_huber_divided_by_beta():
    y, t = np.array([0.1, 0.9, 4.0, -2.0]), np.zeros(4)
    for beta in (0.5, 1.0, 3.0):
        huber = evaluate("huber", y, t, delta=beta).total
        assert evaluate("smooth_l1", y, t, beta=beta).total == pytest.approx(huber / beta)


def test_log_cosh_by_hand_and_stable_far_out():
    ev = evaluate("log_cosh", [0.0, 1.0, 1000.0, -1000.0, 1e-8], [0.0, 0.0, 0.0, 0.0, 0.0],
                  reduction="sum")
    assert ev.contributions[0] == 0.0
    assert ev.contributions[1] == pytest.approx(math.log(math.cosh(1.0)), rel=1e-15)
    # cosh(1000) overflows a float; log cosh d = |d| − log 2 + log(1 + e^−2|d|) does not.
    assert ev.contributions[2] == pytest.approx(1000.0 - LOG2, rel=1e-15)
    assert ev.contributions[3] == ev.contributions[2]
    assert ev.contributions[4] == pytest.approx(0.5e-16, rel=1e-6)  # ≈ d²/2, digits kept
    assert ev.gradient.tolist() == pytest.approx([0.0, math.tanh(1.0), 1.0, -1.0, 1e-8])


def test_pinball_by_hand_and_half_the_mae_at_the_median():
    # q = 0.9: under-prediction (t − y = 1) costs 0.9, over-prediction (t − y = −2) 0.2.
    ev = evaluate("pinball", [1.0, 4.0, 2.0], [2.0, 2.0, 2.0], quantile=0.9)
    assert ev.contributions.tolist() == pytest.approx([0.3, 0.2 / 3, 0.0])
    assert ev.gradient.tolist() == pytest.approx([-0.3, 0.1 / 3, (0.5 - 0.9) / 3])
    y, t = np.array([0.5, 3.0, -1.0]), np.array([1.0, 1.0, 1.0])
    assert evaluate("pinball", y, t).total == pytest.approx(evaluate("mae", y, t).total / 2)


def test_msle_by_hand_and_refuses_minus_one_or_less():
    ev = evaluate("msle", [0.0, math.e - 1.0], [0.0, 0.0])
    assert ev.total == pytest.approx(0.5)  # (log 1 − log 1)² and (log e − log 1)²
    assert ev.gradient[1] == pytest.approx(2 * 1.0 / math.e / 2)
    refused = evaluate("msle", [-1.0, 0.5, 1.0], [1.0, -2.0, 1.0])
    assert math.isnan(refused.total)
    assert [p.index for p in refused.problems if p.code == "y_at_most_minus_one"] == [(0,)]
    assert [p.index for p in refused.problems if p.code == "t_at_most_minus_one"] == [(1,)]
    assert "−1 or less" in refused.problems[0].message
    assert refused.contributions[2] == 0.0  # the usable element is still computed
    negative = evaluate("msle", [-0.5], [0.0])
    assert negative.total == pytest.approx(math.log(0.5) ** 2)
    assert "y_negative_log1p" in codes(negative)


def test_mape_by_hand_and_the_keras_clip_at_t_zero():
    assert evaluate("mape", [110.0, 90.0], [100.0, 100.0]).total == pytest.approx(10.0)
    ev = evaluate("mape", [0.5, 110.0], [0.0, 100.0])
    # Keras: 100·|t − y| / max(|t|, 1e-7) — at t = 0 that is 100·0.5/1e-7 = 5e8 %.
    assert ev.contributions[0] == pytest.approx(5e8 / 2)
    assert ev.total == pytest.approx((5e8 + 10.0) / 2)
    [warning] = [p for p in ev.problems if p.code == "percent_of_near_zero_t"]
    assert warning.index == (0,) and "clipped at eps = 1e-07" in warning.message
    assert "5e+08 %" in warning.message
    unclipped = evaluate("mape", [0.5, 0.0], [0.0, 0.0], eps=0.0)
    assert unclipped.contributions.tolist() == [math.inf, 0.0]  # y = t = 0 is no error
    assert ev.gradient[1] == pytest.approx(100.0 / 100.0 / 2)


def test_poisson_follows_torch_poisson_nll_loss():
    # log_input (PyTorch's default): e^y − t·y.
    ev = evaluate("poisson", [0.0, math.log(3.0)], [3.0, 3.0], reduction="sum")
    assert ev.contributions.tolist() == pytest.approx([1.0, 3.0 - 3.0 * math.log(3.0)])
    assert ev.gradient.tolist() == pytest.approx([1.0 - 3.0, 0.0], abs=1e-15)
    rate = evaluate("poisson", [2.0, 0.0], [3.0, 0.0], log_input=False, reduction="sum")
    assert rate.contributions.tolist() == pytest.approx([2.0 - 3.0 * math.log(2.0 + 1e-8), 0.0])
    # full adds Stirling's t·log t − t + ½ log(2πt), only where t > 1.
    stirling = 3.0 * math.log(3.0) - 3.0 + 0.5 * math.log(2 * math.pi * 3.0)
    full = evaluate("poisson", [0.0, 0.0], [3.0, 1.0], full=True, reduction="sum")
    assert full.contributions.tolist() == pytest.approx([1.0 + stirling, 1.0 - 0.0])
    bad = evaluate("poisson", [-1.0, 1.0], [2.0, -1.0], log_input=False)
    assert {"y_range", "t_range", "log_negative"} <= set(codes(bad))


# --- binary and margin -------------------------------------------------------------------------


def test_squared_hinge_by_hand():
    ev = evaluate("squared_hinge", [0.5, 2.0, -1.0], [1.0, 1.0, 1.0])
    assert ev.total == pytest.approx((0.25 + 0.0 + 4.0) / 3)
    assert ev.gradient.tolist() == pytest.approx([-1.0 / 3, 0.0, -4.0 / 3])
    zero = evaluate("squared_hinge", [0.5], [0.0])  # 0 is read as −1: (1 + 0.5)²
    assert zero.total == pytest.approx(2.25) and "t_zero_as_minus_one" in codes(zero)


def test_soft_margin_by_hand_and_finite_for_huge_scores():
    assert evaluate("soft_margin", [0.0], [1.0]).total == pytest.approx(LOG2)
    ev = evaluate("soft_margin", [1000.0, -1000.0, 1000.0], [1.0, 1.0, -1.0], reduction="sum")
    # log(1 + e^−1000) = 0 to the last digit; log(1 + e^1000) = 1000 (e^1000 overflows).
    assert ev.contributions.tolist() == [0.0, 1000.0, 1000.0]
    assert ev.gradient.tolist() == [0.0, -1.0, 1.0]
    zero = evaluate("soft_margin", [5.0], [0.0])  # PyTorch keeps t = 0: log 2 whatever y
    assert zero.total == pytest.approx(LOG2) and "t_not_sign" in codes(zero)


def test_focal_by_hand_with_and_without_class_balancing():
    ev = evaluate("focal", [0.8, 0.8], [1.0, 0.0], reduction="sum")
    hit = 0.2**2 * -math.log(0.8)  # t = 1: (1 − y)^γ · (−log y)
    miss = 0.8**2 * -math.log(0.2)  # t = 0: y^γ · (−log(1 − y))
    assert ev.contributions.tolist() == pytest.approx([hit, miss])
    balanced = evaluate("focal", [0.8, 0.8], [1.0, 0.0], reduction="sum",
                        apply_class_balancing=True)
    assert balanced.contributions.tolist() == pytest.approx([0.25 * hit, 0.75 * miss])
    y, t = [0.3, 0.9, 0.6], [0.0, 1.0, 0.4]
    assert evaluate("focal", y, t, gamma=0.0).total == pytest.approx(evaluate("bce", y, t).total)
    perfect = evaluate("focal", [1.0, 0.0], [1.0, 0.0], gamma=0.5)  # γ < 1 at p_t = 1
    assert perfect.total == 0.0 and np.all(np.isfinite(perfect.gradient))


def test_bce_label_smoothing_as_keras():
    # s = 0.2 turns t = 1 into 0.9 and t = 0 into 0.1 before the loss.
    ev = evaluate("bce", [0.8, 0.8], [1.0, 0.0], label_smoothing=0.2, reduction="sum")
    assert ev.contributions[0] == pytest.approx(-(0.9 * math.log(0.8) + 0.1 * math.log(0.2)))
    assert ev.contributions[1] == pytest.approx(-(0.1 * math.log(0.8) + 0.9 * math.log(0.2)))
    # With smoothing, y = 0 under t = 0 is weighted by s/2: the log 0 is explained.
    assert "log_zero" in codes(evaluate("bce", [0.0], [0.0], label_smoothing=0.2))


# --- class axis: one-hot targets give the class-index number -------------------------------------


def test_nll_picks_minus_the_log_probability_of_the_class():
    log_p = np.log([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    one_hot = np.eye(3)[[1, 2]]
    ev = evaluate("nll", log_p, one_hot)
    assert ev.total == pytest.approx(-(math.log(0.2) + math.log(0.8)) / 2)
    np.testing.assert_allclose(ev.gradient, -one_hot / 2)
    assert evaluate("nll", log_p[0], one_hot[0]).total == pytest.approx(-math.log(0.2))
    soft = evaluate("nll", log_p[0], [0.5, 0.5, 0.0])
    assert soft.total == pytest.approx(-(0.5 * math.log(0.7) + 0.5 * math.log(0.2)))
    mistaken = evaluate("nll", [0.7, 0.2, 0.1], [0.0, 1.0, 0.0])  # probabilities, not logs
    assert "y_positive_log_probability" in codes(mistaken)
    assert "y_not_log_softmax" in codes(mistaken)


def test_multi_margin_reproduces_the_pytorch_documentation_example():
    # torch.nn.MultiMarginLoss docs: x = [0.1, 0.2, 0.4, 0.8], class 3 → 0.3250.
    ev = evaluate("multi_margin", [0.1, 0.2, 0.4, 0.8], [0.0, 0.0, 0.0, 1.0])
    assert ev.total == pytest.approx(0.25 * ((1 - 0.7) + (1 - 0.6) + (1 - 0.4)))
    assert ev.contributions.tolist() == pytest.approx([0.075, 0.1, 0.15, 0.0])
    assert ev.gradient.tolist() == pytest.approx([0.25, 0.25, 0.25, -0.75])
    squared = evaluate("multi_margin", [0.1, 0.2, 0.4, 0.8], [0, 0, 0, 1], p="2", margin=0.5)
    assert squared.total == pytest.approx(0.25 * (0.0 + 0.0 + 0.1**2))


def test_multi_margin_weights_each_class_by_a_probability_target():
    z = np.array([[0.3, -0.2, 1.1], [0.5, 0.4, -1.0]])
    soft = np.array([[0.2, 0.0, 0.8], [0.5, 0.5, 0.0]])
    per_class = [evaluate("multi_margin", z, np.eye(3)[[c, c]], reduction="sum").contributions
                 for c in range(3)]
    expected = sum(soft[:, [c]] * per_class[c] for c in range(3))
    ev = evaluate("multi_margin", z, soft, reduction="sum")
    np.testing.assert_allclose(ev.contributions, expected)
    assert "t_not_one_class" in codes(ev)
    wide = np.ones((1, 5000)) / 5000  # 5000 × 5000 pairs: refused with the reason
    with pytest.raises(ShapeError, match="one correct class") as refused:
        evaluate("multi_margin", np.zeros((1, 5000)), wide)
    assert "one-hot" in refused.value.message_ja
    assert MAX_PAIR_STEPS < 5000 * 5000


def test_categorical_hinge_follows_keras_including_its_zero_in_the_max():
    # Keras docs: t = [[0, 1], [0, 0]], y = [[0.6, 0.4], [0.4, 0.6]] → 1.4.
    ev = evaluate("categorical_hinge", [[0.6, 0.4], [0.4, 0.6]], [[0.0, 1.0], [0.0, 0.0]])
    assert ev.total == pytest.approx(1.4)
    np.testing.assert_allclose(ev.contributions, [[0.6, 0.0], [0.0, 0.8]])
    # Every wrong score negative: (1 − t)·z puts 0 at the correct class, so neg = 0, not −0.5.
    negative = evaluate("categorical_hinge", [-0.5, 0.2, -3.0], [0.0, 1.0, 0.0])
    assert negative.total == pytest.approx(1.0 + 0.0 - 0.2)
    confident = evaluate("categorical_hinge", [0.1, 2.0, -1.0], [0.0, 1.0, 0.0])
    assert confident.total == 0.0 and confident.gradient.tolist() == [0.0, 0.0, 0.0]


# --- the catalogue as a whole ------------------------------------------------------------------


def test_every_task_has_losses_and_the_issue_ids_are_where_a_learner_looks():
    by_task = {task: [loss.id for loss in LOSSES if loss.task is task] for task in Task}
    assert all(by_task.values())
    assert {"smooth_l1", "log_cosh", "pinball", "msle", "mape", "poisson"} <= set(
        by_task[Task.REGRESSION])
    assert {"focal", "bce", "bce_logits"} <= set(by_task[Task.BINARY])
    assert {"nll", "softmax_cee", "cee"} <= set(by_task[Task.MULTI_CLASS])
    assert {"hinge", "squared_hinge", "soft_margin", "multi_margin",
            "categorical_hinge"} <= set(by_task[Task.MARGIN])
    assert Task.MARGIN.describe("ja") == "ランキング / マージン"


@pytest.mark.parametrize(("loss", "params", "message"), [
    ("smooth_l1", {"beta": -1}, "at least 0"),
    ("pinball", {"quantile": 1.5}, "at most 1"),
    ("multi_margin", {"p": "3"}, "one of 1, 2"),
    ("focal", {"alpha": 2}, "at most 1"),
    ("poisson", {"log_input": "maybe"}, "true or false"),
])
def test_new_parameters_are_range_checked(loss, params, message):
    with pytest.raises(ParameterError, match=message):
        evaluate(loss, [0.5], [1.0], **params)


# Each new warning in both languages: the Japanese differs from the English and is Japanese.
WARNING_CASES = [
    ("msle", [-2.0], [0.0], {}, "y_at_most_minus_one"),
    ("msle", [0.0], [-2.0], {}, "t_at_most_minus_one"),
    ("msle", [-0.5], [0.0], {}, "y_negative_log1p"),
    ("msle", [0.0], [-0.5], {}, "t_negative_log1p"),
    ("mape", [1.0], [0.0], {}, "percent_of_near_zero_t"),
    ("mape", [1.0], [0.0], {"eps": 0.0}, "percent_of_near_zero_t"),
    ("poisson", [1.0], [-1.0], {}, "t_range"),
    ("poisson", [-1.0], [2.0], {"log_input": False}, "y_range"),
    ("squared_hinge", [1.0], [0.0], {}, "t_zero_as_minus_one"),
    ("squared_hinge", [1.0], [0.5], {}, "t_not_sign"),
    ("soft_margin", [1.0], [0.0], {}, "t_not_sign"),
    ("focal", [0.0], [1.0], {}, "log_zero"),
    ("focal", [1.5], [1.0], {}, "y_range"),
    ("focal", [0.5], [2.0], {}, "t_range"),
    ("nll", [0.5, -1.0], [1.0, 0.0], {}, "y_positive_log_probability"),
    ("nll", [-0.1, -0.2], [1.0, 0.0], {}, "y_not_log_softmax"),
    ("multi_margin", [0.5, 0.1], [1.0, 1.0], {}, "t_not_one_class"),
    ("categorical_hinge", [0.5, 0.1], [0.5, 0.5], {}, "t_not_one_class"),
]


@pytest.mark.parametrize(("loss", "y", "t", "params", "code"), WARNING_CASES,
                         ids=[f"{c[0]}-{c[4]}" for c in WARNING_CASES])
def test_every_new_warning_is_written_in_japanese_too(loss, y, t, params, code):
    [problem, *_] = [p for p in evaluate(loss, y, t, **params).problems if p.code == code]
    assert problem.message_ja and problem.message_ja != problem.message
    assert any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff"
               for c in problem.message_ja)
    assert problem.text("ja") == problem.message_ja


def test_every_loss_says_when_to_use_it_in_both_languages():
    for loss in LOSSES:
        assert loss.when_to_use("en") and loss.when_to_use("ja") != loss.when_to_use("en")


@pytest.mark.parametrize(("loss", "y", "t", "params"), [
    ("softmax_cee", [2.0, 1.0, 0.1], [0.0, 1.0, 0.0], {"label_smoothing": 0.3}),
    ("bce", [0.8, 0.3], [1.0, 0.0], {"label_smoothing": 0.2}),
    ("focal", [0.8, 0.3], [1.0, 0.0], {"label_smoothing": 0.2, "apply_class_balancing": True}),
])
def test_the_written_out_formula_uses_the_smoothed_target_and_adds_up(loss, y, t, params):
    from lossgui.core.explain import substitute

    ev = evaluate(loss, y, t, **params)
    sub = substitute(loss, np.array(y), np.array(t), ev)
    assert sub.result == ev.total
    smoothed = {"softmax_cee": "0.1·log", "bce": "0.9·log 0.8", "focal": "0.9·log 0.8"}[loss]
    assert smoothed in sub.plain()


def test_the_poisson_help_says_what_y_is_under_the_default_log_input():
    loss = get_loss("poisson")
    assert loss.param("log_input").default is True
    assert "y is log λ" in loss.when[0] and "log λ" in loss.when[1]
    assert "y is the expected count" not in loss.when[0]
    # what it claims: under the default, y = log λ scores the count t as Poisson(λ) does,
    # −log P(t | λ) = λ − t·log λ + log t!  (the log t! left out, as PyTorch's full=False)
    rate, count = 3.0, 2.0
    ev = evaluate("poisson", [math.log(rate)], [count], reduction="sum")
    nll = -(count * math.log(rate) - rate - math.lgamma(count + 1))
    assert ev.total == pytest.approx(nll - math.lgamma(count + 1))
