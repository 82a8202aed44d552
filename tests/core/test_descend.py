"""Gradient descent in the core: hand-computed steps, falling losses, divergence said out loud."""

from __future__ import annotations

import re

import numpy as np
import pytest

from lossgui.core import Severity, evaluate
from lossgui.core.descend import Descender, DescendError, descend
from lossgui.core.squash import Squash, sigmoid, softmax

Y1 = [0.01, 0.65, 0.13, 0.70, 0.15]
T = [0.0, 1.0, 0.0, 1.0, 0.0]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_sse_steps_equal_the_hand_computation():
    # ∂E/∂y = 2(y − t), so y − t shrinks by 1 − 2·0.1 = 0.8 per step and E by 0.64.
    run = descend("sse", Y1, T, {}, 0.1, 3)
    assert run.totals[0] == 0.252
    assert run.totals[1] == pytest.approx(0.64 * 0.252, rel=1e-14)  # 0.16128
    assert run.totals[1] == pytest.approx(0.16128, rel=1e-14)
    assert run.totals[3] == pytest.approx(0.64**3 * 0.252, rel=1e-13)
    y, t = np.array(Y1), np.array(T)
    np.testing.assert_allclose(run.values[1], y - 0.1 * 2 * (y - t), rtol=1e-15)
    assert run.space == "input" and run.squash is None and run.stopped_at is None
    assert run.problems == ()


def test_cee_and_mae_steps_equal_the_hand_computation():
    y, t = np.array(Y1), np.array(T)
    cee = descend("cee", Y1, T, {}, 0.01, 1)  # ∂E/∂y = −t/y
    np.testing.assert_allclose(cee.final, y + 0.01 * t / y, rtol=1e-15)
    assert cee.totals[1] == -np.sum(t * np.log(np.where(t > 0, y + 0.01 * t / y, 1.0)))
    mae = descend("mae", Y1, T, {}, 0.5, 1)  # ∂E/∂y = sign(y − t)/n
    np.testing.assert_allclose(mae.final, y - 0.5 * np.sign(y - t) / 5, rtol=1e-15)


@pytest.mark.parametrize("loss_id", ["sse", "mse", "huber", "cee", "bce", "kl", "softmax_cee",
                                     "bce_logits"])
def test_a_small_learning_rate_never_raises_a_convex_loss(loss_id):
    run = descend(loss_id, Y1, T, {}, 0.01, 200)
    assert run.stopped_at is None and len(run.totals) == 201
    assert np.all(np.diff(run.totals) <= 1e-15), run.totals
    assert run.totals[-1] < run.totals[0]  # and it did fall


def test_a_too_large_learning_rate_diverges_and_the_run_says_so():
    run = descend("sse", Y1, T, {}, 1.5, 20)  # y − t is multiplied by −2 each step
    assert run.totals[1] == pytest.approx(4 * 0.252)
    (problem,) = run.problems
    assert problem.code == "diverging" and "learning rate 1.5 is too large" in problem.message
    assert "学習率 1.5 が大きすぎ" in problem.text("ja")
    # Left to run, it overflows: the run stops at the first non-finite step and says which.
    long = descend("sse", Y1, T, {}, 1.5, 10_000)
    assert long.stopped_at == len(long.totals) - 1 < 10_000
    assert np.all(np.isfinite(long.totals))
    stop = long.problems[-1]
    assert stop.code == "loss_not_finite"
    assert f"Step {long.stopped_at + 1} would make E inf" in stop.message
    assert f"stopped after step {long.stopped_at}" in stop.message


def test_a_step_that_overflows_names_the_element_and_stops():
    run = descend("sse", [1.0, 10.0], [1.0, 0.0], {}, 1e308, 5)
    assert run.stopped_at == 0 and len(run.totals) == 1
    stop = run.problems[-1]
    assert stop.code == "step_not_finite" and stop.index == (1,)
    assert "Step 1 would make y₂ -inf" in stop.message and "ステップ 1" in stop.text("ja")


def test_a_blank_start_has_no_slope_and_takes_no_step():
    run = descend("sse", [0.5, np.nan], [1.0, 0.0], {}, 0.1, 5)
    assert run.stopped_at == 0 and run.problems[-1].code == "start_not_finite"
    assert "y₂ is missing" in run.problems[-1].message


def test_leaving_the_probability_domain_is_said_with_its_step_never_clipped():
    run = descend("cee", Y1, T, {}, 0.1, 5)
    assert run.final.max() > 1.0  # not clipped
    (problem,) = run.problems
    assert problem.code == "left_domain"
    assert problem.message.startswith("From step 3: y₂ = 1.03598 is outside [0, 1]")
    assert "space logits" in problem.message and "ステップ 3 から" in problem.text("ja")


def test_logits_space_keeps_probabilities_and_matches_the_logit_losses():
    y = np.array([0.1, 0.7, 0.2])
    t = np.array([0.0, 1.0, 0.0])
    on_logits = descend("cee", y, t, {}, 0.5, 20, "logits")
    direct = descend("softmax_cee", np.log(y), t, {}, 0.5, 20)  # the same model, in closed form
    np.testing.assert_allclose(on_logits.totals, direct.totals, rtol=1e-12)
    np.testing.assert_allclose(on_logits.final, softmax(direct.final), rtol=1e-12)
    np.testing.assert_allclose(on_logits.values.sum(axis=-1), 1.0, rtol=1e-15)
    assert on_logits.space == "logits" and on_logits.squash is not None
    assert on_logits.problems == ()

    bce = descend("bce", Y1, T, {}, 0.5, 20, "logits")
    z = np.log(np.array(Y1) / (1 - np.array(Y1)))
    bce_logits = descend("bce_logits", z, T, {}, 0.5, 20)
    np.testing.assert_allclose(bce.totals, bce_logits.totals, rtol=1e-12)
    np.testing.assert_allclose(bce.final, sigmoid(bce_logits.final), rtol=1e-12)


def test_logits_space_starts_at_the_users_own_y_and_refuses_values_with_no_logit():
    # Round 2's tester: the first logits "step" renormalised y (sse 0.252 → 0.704) and step 0
    # read 0.705. Step 0 is now the user's y and the table's total, and the steps go down.
    for loss_id in ("sse", "cee", "kl"):
        run = descend(loss_id, Y1, T, {}, 0.1, 3, "logits")  # the article's y1 sums to 1.64
        np.testing.assert_array_equal(run.values[0], Y1)
        assert run.totals[0] == evaluate(loss_id, Y1, T).total
        assert run.squash is Squash.SIGMOID and np.all(np.diff(run.totals) < 0), loss_id
        assert run.problems[0].code == "independent_probabilities"
        assert "sums to 1.64" in run.problems[0].message
        assert "y = σ(z)" in run.problems[0].message and "σ(z)" in run.problems[0].text("ja")
    assert descend("sse", Y1, T, {}, 0.1, 1, "logits").totals[0] == 0.252
    # z = logit(y) under σ is the same model as bce_logits on those z.
    z = np.log(np.array(Y1) / (1 - np.array(Y1)))
    np.testing.assert_allclose(descend("cee", Y1, T, {}, 0.5, 5, "logits").totals[1:],
                               [evaluate("cee", sigmoid(v), T).total for v in
                                descend_z_under_sigmoid(z, T, 0.5, 5)], rtol=1e-12)
    # A y that sums to 1 is one softmax output: z = log y, y stays a distribution.
    one = descend("cee", [0.7, 0.2, 0.1], [0, 1, 0], {}, 0.5, 3, "logits")
    assert one.squash is Squash.SOFTMAX and one.problems == ()
    np.testing.assert_array_equal(one.values[0], [0.7, 0.2, 0.1])
    # Neither: Σy ≠ 1 and a y ≥ 1 — no logits reproduce it, and nothing is changed.
    with pytest.raises(DescendError, match=r"no logits give this y: it sums to 1\.5") as error:
        descend("cee", [0.2, 1.3], [0.0, 1.0], {}, 0.1, 1, "logits")
    assert "ロジットはありません" in error.value.message_ja
    with pytest.raises(DescendError, match="y₁ = 0 has no logit") as error:
        descend("bce", [0.0, 0.5], [0.0, 1.0], {}, 0.1, 1, "logits")
    assert "ロジットがありません" in error.value.message_ja
    with pytest.raises(DescendError, match="mae has no logits to step on"):
        descend("mae", Y1, T, {}, 0.1, 1, "logits")
    assert descend("softmax_cee", Y1, T, {}, 0.1, 1, "logits").space == "input"


def descend_z_under_sigmoid(z, t, lr, steps):
    """cee on y = σ(z) by hand: ∂E/∂z = −t(1 − σ(z))."""
    out = []
    for _ in range(steps):
        z = z + lr * np.array(t) * (1 - sigmoid(z))
        out.append(z)
    return out


def test_a_batch_steps_every_sample_with_its_own_softmax():
    y = np.array([[0.2, 0.8], [0.6, 0.4]])
    t = np.array([[1.0, 0.0], [0.0, 1.0]])
    run = descend("cee", y, t, {"reduction": "mean"}, 1.0, 10, "logits")
    assert run.values.shape == (11, 2, 2)
    np.testing.assert_allclose(run.values[-1].sum(axis=-1), [1.0, 1.0])
    assert run.totals[-1] < run.totals[0]


@pytest.mark.parametrize(("lr", "steps", "space"), [
    (0.0, 1, "input"), (-0.1, 1, "input"), (float("nan"), 1, "input"), ("fast", 1, "input"),
    (0.1, -1, "input"), (0.1, 10_001, "input"), (0.1, "2.5", "input"), (0.1, 1, "probability"),
])
def test_bad_arguments_are_refused_in_both_languages(lr, steps, space):
    with pytest.raises(DescendError) as error:
        descend("sse", Y1, T, {}, lr, steps, space)
    assert JAPANESE.search(error.value.message_ja)


def test_too_long_a_trajectory_is_refused_before_any_work():
    with pytest.raises(DescendError, match="at most 19 steps"):
        descend("sse", np.zeros(1_000_000), np.zeros(1_000_000), {}, 0.1, 100)


def test_every_problem_a_run_reports_is_in_japanese_too():
    runs = [descend("sse", Y1, T, {}, 1.5, 600), descend("cee", Y1, T, {}, 0.1, 5),
            descend("cee", Y1, T, {}, 0.1, 1, "logits"),
            descend("sse", [1.0, 10.0], [1.0, 0.0], {}, 1e308, 1),
            descend("sse", [np.nan], [1.0], {}, 0.1, 1)]
    problems = [p for run in runs for p in run.problems]
    assert len(problems) >= 6
    for problem in problems:
        assert JAPANESE.search(problem.text("ja")), problem


def test_the_descender_continues_on_its_logits_where_the_probability_rounds_to_one():
    stepper = Descender("bce", [0.5], [1.0], {}, 200.0, "logits")
    for _ in range(3):
        assert stepper.step()
    assert stepper.values[0] == 1.0  # σ(z) rounds to 1 …
    assert np.isfinite(stepper.stepped[0])  # … but the logit behind it is kept
    assert "logits z, with y = σ(z)" in stepper.describe_space("en")


# --- the lessons of the Examples menu: what their two sentences claim is what the core does ----


def lesson(key):
    from lossgui.core.examples import EXAMPLES

    example = EXAMPLES[key]
    _, columns = example.columns()
    assert example.learning is not None
    return columns[0], columns[1:], example.learning


def test_lesson_sse_crawls_where_cee_falls_from_a_confident_wrong_guess():
    t, (y,), (lr, space) = lesson("lesson_sse_cee")
    assert y.max() == 0.98 and t[np.argmax(y)] == 0  # confident, and wrong
    sse = descend("sse", y, t, {}, lr, 10, space)
    cee = descend("cee", y, t, {}, lr, 10, space)
    assert sse.totals[10] > 0.95 * sse.totals[0]  # the gradient nearly vanishes: it crawls
    assert cee.totals[10] < 0.1 * cee.totals[0]  # y − t does not vanish: it falls at once
    # ∂E/∂z of CEE under softmax is y − t, as large as the mistake.
    stepper = Descender("cee", y, t, {}, lr, space)
    np.testing.assert_allclose(stepper.squash.chain(stepper.values, stepper.evaluation.gradient),
                               stepper.values - t, atol=1e-12)


def test_lesson_mse_pulls_the_outlier_first_where_mae_moves_every_element_alike():
    t, (y,), (lr, space) = lesson("lesson_outlier")
    errors = y - t
    outlier = int(np.argmax(np.abs(errors)))
    assert abs(errors[outlier]) == 10 and np.abs(np.delete(errors, outlier)).max() <= 0.2
    mse = descend("mse", y, t, {}, lr, 10, space)
    first = np.abs(mse.values[1] - y)
    assert first[outlier] == pytest.approx(lr * 2 * 10 / len(y))  # a big step for a big error
    assert np.delete(first, outlier).max() < 0.06
    assert abs(mse.final[outlier] - t[outlier]) < 0.1  # in within a few steps
    mae = descend("mae", y, t, {}, lr, 10, space)
    moved = np.abs(np.diff(mae.values, axis=0))
    np.testing.assert_allclose(moved, lr / len(y))  # the same ±1/n step for every element
    assert mae.final[outlier] - t[outlier] == pytest.approx(10 - 10 * lr / len(y))
    # Every two steps E falls by the same amount (the outlier's 2·η/n, over n): near-straight.
    np.testing.assert_allclose(np.diff(mae.totals[::2]), -2 * lr / len(y) / len(y))
    small = np.delete(mae.values - t, outlier, axis=1)
    assert np.all(np.abs(small) <= lr / len(y))  # the small errors jitter around t


def test_lesson_a_too_large_learning_rate_throws_y_past_t():
    t, columns, (lr, space) = lesson("lesson_lr")
    y = columns[0]
    good, large = descend("sse", y, t, {}, lr, 5, space), descend("sse", y, t, {}, 1.1, 5, space)
    np.testing.assert_allclose(good.values[1] - t, (1 - 2 * 0.1) * (y - t), atol=1e-15)
    np.testing.assert_allclose(large.values[1] - t, (1 - 2 * 1.1) * (y - t), atol=1e-15)
    assert np.all(np.diff(good.totals) < 0) and np.all(np.diff(large.totals) > 0)
    assert large.problems[0].code == "diverging"


def test_a_step_that_leaves_the_domain_says_the_learning_rate_is_too_large():
    # Round 2's tester: bce, η 1e6 on y itself → every y ±10⁵ and a negative "loss".
    y, t = [0.01, 0.9, 0.13, 0.70, 0.15], [0, 1, 0, 1, 0]
    run = descend("bce", y, t, {}, 1e6, 2)
    assert run.totals[0] > 0 > run.totals[1]
    (left,) = [p for p in run.problems if p.code == "left_domain"]  # said once, not per step
    assert left.severity is Severity.WARNING
    assert left.message.startswith("From step 1: y₁ = -202020 is outside [0, 1]")
    assert "The learning rate 1e+06 is too large here: this step took y out of the values bce "\
        "is defined for, so E = -12.3608 is no longer a loss" in left.message
    assert "space logits" in left.message
    assert "学習率 1e+06 が大きすぎます" in left.text("ja")
    # A start already outside the domain was the user's own input: no such warning then.
    outside = descend("cee", [0.2, 1.3], [0, 1], {}, 0.1, 2)
    assert not any(p.code == "left_domain" for p in outside.problems)
    # Nor when the steps stay inside.
    assert not any(p.code == "left_domain" for p in descend("bce", y, t, {}, 0.01, 3).problems)
