"""The loss engine: the article's numbers, PyTorch's definitions, every loss's invariants."""

from __future__ import annotations

import math

import numpy as np
import pytest

from lossgui.core import (
    LOSSES,
    ParameterError,
    ShapeError,
    UnknownLossError,
    evaluate,
    get_loss,
)
from lossgui.core.params import ParamKind

T = np.array([0, 1, 0, 1, 0], dtype=float)
Y1 = np.array([0.01, 0.65, 0.13, 0.70, 0.15])
Y2 = np.array([0.34, 0.21, 0.91, 0.33, 0.22])


# --- the article's and the reference numbers ----------------------------------------


@pytest.mark.parametrize(
    ("loss", "params", "good", "bad"),
    [
        ("sse", {}, 0.252, 2.0651),
        ("cee", {}, 0.7874578600311867, 2.6693103727862795),
    ],
)
def test_article_numbers_are_reproduced_exactly(loss, params, good, bad):
    assert evaluate(loss, Y1, T, **params).total == good
    assert evaluate(loss, Y2, T, **params).total == bad


@pytest.mark.parametrize(
    ("loss", "params", "good", "bad"),
    [
        ("sse", {"half": True}, 0.126, 1.03255),
        ("cee", {"eps": 1e-7}, 0.7874575633279122, 2.66930959356566),
        ("mse", {}, 0.0504, 0.41302),
        ("bce", {}, 0.21985783854319413, 1.1482465569396634),
    ],
)
def test_book_and_pytorch_conventions(loss, params, good, bad):
    assert evaluate(loss, Y1, T, **params).total == pytest.approx(good, rel=1e-14)
    assert evaluate(loss, Y2, T, **params).total == pytest.approx(bad, rel=1e-14)


def test_the_article_code_and_the_core_agree_bit_for_bit():
    # The article's own functions, as printed there.
    for y in (Y1, Y2):
        assert evaluate("sse", y, T).total == np.sum((y - T) ** 2)
        assert evaluate("cee", y, T).total == -np.sum(T * np.log(y))


# --- PyTorch's definitions, derived by hand ---------------------------------------------------


def test_huber_matches_pytorch_definition():
    y = np.array([0.0, 0.5, 3.0, -2.5])
    t = np.array([0.2, 2.0, 0.0, 0.0])
    delta = 1.0
    d = np.abs(y - t)
    by_hand = np.where(d < delta, 0.5 * d**2, delta * (d - 0.5 * delta)).mean()
    assert evaluate("huber", y, t).total == pytest.approx(by_hand, rel=1e-15)
    # delta = 2: |d| = 1.5 is quadratic, 3 is linear
    assert evaluate("huber", [1.5, 3.0], [0.0, 0.0], delta=2).total == pytest.approx(
        (0.5 * 1.5**2 + 2 * (3 - 1)) / 2
    )


def test_mae_and_hinge_by_hand():
    assert evaluate("mae", Y1, T).total == pytest.approx(np.abs(Y1 - T).mean())
    labels = np.where(T == 0, -1.0, T)
    assert evaluate("hinge", Y2, T).total == pytest.approx(
        np.maximum(0, 1 - labels * Y2).mean()
    )


def test_bce_logits_equals_bce_of_sigmoid_and_survives_huge_logits():
    z = np.array([-3.0, -0.5, 0.0, 0.7, 4.0])
    t = np.array([0.0, 1.0, 0.3, 1.0, 0.0])
    p = 1 / (1 + np.exp(-z))
    assert evaluate("bce_logits", z, t).total == pytest.approx(evaluate("bce", p, t).total)
    huge = evaluate("bce_logits", [1000.0, -1000.0, 1000.0], [1.0, 0.0, 0.0])
    assert huge.total == pytest.approx(1000.0 / 3)
    assert np.all(np.isfinite(huge.gradient))


def test_softmax_cee_matches_pytorch_cross_entropy_with_probability_targets():
    z = np.array([2.0, 1.0, 0.1])
    t = np.array([0.0, 1.0, 0.0])
    softmax = np.exp(z) / np.exp(z).sum()
    assert evaluate("softmax_cee", z, t).total == pytest.approx(-np.log(softmax[1]))
    smoothing = 0.1
    smoothed = t * (1 - smoothing) + smoothing / 3
    assert evaluate("softmax_cee", z, t, label_smoothing=smoothing).total == pytest.approx(
        -(smoothed * np.log(softmax)).sum()
    )
    big = evaluate("softmax_cee", [1000.0, 0.0, -1000.0], [0.0, 1.0, 0.0])
    assert big.total == pytest.approx(1000.0)


def test_batch_means_follow_pytorch():
    rng = np.random.default_rng(3)
    z = rng.normal(size=(4, 3))
    t = np.eye(3)[[0, 2, 1, 1]]
    log_softmax = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    per_sample = -(t * log_softmax).sum(axis=1)
    assert evaluate("softmax_cee", z, t).total == pytest.approx(per_sample.mean())
    y = rng.uniform(0.1, 0.9, size=(4, 3))
    assert evaluate("mse", y, t).total == pytest.approx(((y - t) ** 2).mean())
    assert evaluate("cee", y, t, reduction="mean").total == pytest.approx(
        -(t * np.log(y)).sum() / 4
    )


def test_kl_divergence_is_zero_for_identical_distributions_and_positive_otherwise():
    p = np.array([0.2, 0.5, 0.3])
    assert evaluate("kl", p, p).total == pytest.approx(0.0, abs=1e-15)
    q = np.array([0.1, 0.6, 0.3])
    assert evaluate("kl", q, p).total == pytest.approx((p * np.log(p / q)).sum())


# --- invariants, for every loss ---------------------------------------------------------------


def _valid_inputs(
    loss_id: str, shape: tuple[int, ...], seed: int, params: dict[str, object] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Inputs inside the loss's domain and away from its corners, for the invariants."""
    rng = np.random.default_rng(seed)
    params = params or {}
    classes = shape[-1]
    one_hot = np.eye(classes)[rng.integers(0, classes, size=shape[:-1])].reshape(shape)
    if loss_id in {"cee", "bce", "kl", "focal"}:
        y = rng.uniform(0.05, 0.95, size=shape)
        t = rng.uniform(0.0, 1.0, size=shape) if loss_id in {"bce", "focal"} else rng.dirichlet(
            np.ones(shape[-1]), size=shape[:-1] or None
        )
        return y, np.asarray(t).reshape(shape)
    if loss_id in {"hinge", "squared_hinge", "soft_margin"}:
        return rng.normal(size=shape) * 3, rng.choice([-1.0, 1.0], size=shape)
    if loss_id == "msle":
        return rng.uniform(-0.5, 5.0, size=shape), rng.uniform(-0.5, 5.0, size=shape)
    if loss_id == "mape":
        return rng.normal(size=shape) * 3, rng.uniform(0.5, 3.0, size=shape) * rng.choice(
            [-1.0, 1.0], size=shape)
    if loss_id == "poisson":
        counts = rng.poisson(3.0, size=shape).astype(float)
        rates = rng.uniform(0.2, 5.0, size=shape)
        return (rates if params.get("log_input", True) is False else np.log(rates)), counts
    if loss_id == "nll":
        z = rng.normal(size=shape) * 2
        log_softmax = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
        target = rng.dirichlet(np.ones(classes), size=shape[:-1] or None).reshape(shape)
        return log_softmax, target if seed % 2 else one_hot
    if loss_id in {"multi_margin", "categorical_hinge"}:
        return rng.normal(size=shape) * 2, one_hot
    t = rng.uniform(0.0, 1.0, size=shape) if loss_id in {"bce_logits", "softmax_cee"} \
        else rng.normal(size=shape)
    return rng.normal(size=shape) * 2, t


def _other_value(p) -> object:
    """A value of parameter ``p`` other than its default, inside its range."""
    if p.kind is ParamKind.CHOICE:
        return next(c for c in p.choices if c != p.default)
    if p.kind is ParamKind.BOOL:
        return not p.default
    if p.default == 0:
        return (p.maximum or 1.0) * 0.2
    return float(p.default) * 0.5


def _param_sets(loss) -> list[dict[str, object]]:
    """The defaults, each parameter changed alone, and every parameter changed at once."""
    sets: list[dict[str, object]] = [{}]
    sets += [{p.name: _other_value(p)} for p in loss.params]
    if len(loss.params) > 1:
        sets.append({p.name: _other_value(p) for p in loss.params})
    return sets


def test_the_invariants_change_every_parameter_of_every_loss():
    for loss in LOSSES:
        changed = {name for params in _param_sets(loss) for name in params}
        assert changed == {p.name for p in loss.params}, loss.id
        for p in loss.params:
            assert p.coerce(_other_value(p)) != p.default, (loss.id, p.name)


CASES = [
    pytest.param(loss.id, params, shape, id=f"{loss.id}-{params}-{len(shape)}d")
    for loss in LOSSES
    for params in _param_sets(loss)
    for shape in ((7,), (3, 4))
]


@pytest.mark.parametrize(("loss_id", "params", "shape"), CASES)
def test_contributions_sum_to_the_total(loss_id, params, shape):
    y, t = _valid_inputs(loss_id, shape, seed=1, params=params)
    ev = evaluate(loss_id, y, t, **params)
    assert ev.contributions.shape == y.shape
    assert ev.contributions.dtype == np.float64
    assert ev.contributions.sum() == pytest.approx(ev.total, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize(("loss_id", "params", "shape"), CASES)
def test_gradient_matches_central_finite_difference(loss_id, params, shape):
    y, t = _valid_inputs(loss_id, shape, seed=2, params=params)
    ev = evaluate(loss_id, y, t, **params)
    np.testing.assert_allclose(ev.gradient, central_difference(loss_id, y, t, params),
                               rtol=1e-5, atol=1e-7)


def central_difference(loss_id, y, t, params, h=1e-6):
    """∂total/∂y by central finite differences, element by element."""
    numeric = np.empty_like(y)
    for index in np.ndindex(y.shape):
        up, down = y.copy(), y.copy()
        up[index] += h
        down[index] -= h
        numeric[index] = (
            evaluate(loss_id, up, t, **params).total - evaluate(loss_id, down, t, **params).total
        ) / (2 * h)
    return numeric


@pytest.mark.parametrize("loss_id", ["cee", "bce", "kl", "softmax_cee"])
def test_a_zero_target_contributes_exactly_zero_even_where_y_is_zero(loss_id):
    y = np.array([0.0, 1.0, 0.0]) if loss_id != "bce" else np.array([0.0, 1.0, 0.5])
    t = np.array([0.0, 1.0, 0.0])
    ev = evaluate(loss_id, y, t)
    assert not np.isnan(ev.contributions).any()
    if loss_id != "softmax_cee":
        assert ev.contributions[0] == 0.0 and not math.copysign(1, ev.contributions[0]) < 0
        assert ev.gradient[0] == 0.0 or loss_id == "bce"
    assert math.isfinite(ev.total)


# --- bad input is computed where it can be, and explained -------------------------------------


def test_log_zero_under_cee_is_infinite_and_names_the_element_and_eps():
    ev = evaluate("cee", [0.3, 0.0, 0.7], [0.0, 1.0, 0.0])
    assert ev.total == math.inf
    [log_zero] = [p for p in ev.problems if p.code == "log_zero"]
    assert log_zero.index == (1,)
    assert "y₂ = 0" in log_zero.message and "t₂ = 1" in log_zero.message
    assert "eps" in log_zero.message
    assert ev.flagged.tolist() == [False, True, False]
    assert math.isfinite(evaluate("cee", [0.3, 0.0, 0.7], [0.0, 1.0, 0.0], eps=1e-7).total)


def test_probabilities_outside_zero_one_are_warned_not_clipped():
    ev = evaluate("bce", [1.2, 0.5], [0.5, 0.0])
    ranged = [p for p in ev.problems if p.code == "y_range"]
    assert [p.index for p in ranged] == [(0,)]
    assert "y₁ = 1.2 is outside [0, 1]" in ranged[0].message
    assert math.isnan(ev.contributions[0])  # log(1 − 1.2) is undefined: shown, not hidden
    assert any(p.code == "log_negative" and p.index == (0,) for p in ev.problems)


def test_target_with_two_ones_and_predictions_not_summing_to_one_are_explained():
    ev = evaluate("cee", Y1, T)
    messages = " ".join(p.message for p in ev.problems)
    assert "2 ones" in messages and "multi-label" in messages
    assert "sums to 1.64, not 1" in messages
    assert ev.total == 0.7874578600311867  # nothing renormalised


def test_hinge_reads_zero_as_minus_one_with_a_note():
    ev = evaluate("hinge", [0.5, -0.5], [0.0, 1.0])
    assert ev.total == pytest.approx((1.5 + 1.5) / 2)
    assert any(p.code == "t_zero_as_minus_one" and p.index == (0,) for p in ev.problems)


def test_missing_values_are_reported_and_make_the_total_not_a_number():
    ev = evaluate("sse", [0.1, math.nan, 0.2], [0.0, 1.0, 0.0])
    assert math.isnan(ev.total)
    assert [p.index for p in ev.problems if p.code == "missing_y"] == [(1,)]


@pytest.mark.parametrize("loss_id", ["cee", "kl", "softmax_cee", "bce"])
def test_a_blank_y_under_a_zero_target_still_leaves_the_total_unknown(loss_id):
    ev = evaluate(loss_id, [0.3, 0.7, math.nan], [0.0, 1.0, 0.0])
    assert math.isnan(ev.total) and math.isnan(ev.contributions[2])
    complete = evaluate(loss_id, [0.3, 0.7, 0.5], [0.0, 1.0, 0.0])
    if loss_id != "softmax_cee":  # softmax mixes every element, so one blank blanks them all
        assert ev.contributions[1] == complete.contributions[1]
    assert [p.index for p in ev.problems if p.code == "missing_y"] == [(2,)]


def test_many_problems_are_listed_up_to_a_limit_and_all_flagged():
    y = np.full(1000, 2.0)
    ev = evaluate("bce", y, np.ones(1000), eps=0.01)
    ranged = [p for p in ev.problems if p.code == "y_range"]
    assert len(ranged) == 21 and "980 more" in ranged[-1].message
    assert ev.flagged.sum() == 1000


def test_a_million_elements_equal_the_numpy_reference():
    rng = np.random.default_rng(0)
    y = rng.uniform(0.01, 0.99, size=1_048_576)
    t = (rng.uniform(size=y.size) > 0.5).astype(float)
    assert evaluate("sse", y, t).total == pytest.approx(np.sum((y - t) ** 2), rel=1e-12)
    assert evaluate("cee", y, t).total == pytest.approx(-np.sum(t * np.log(y)), rel=1e-12)


# --- parameters, shapes and ids ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("loss", "params", "message"),
    [
        ("cee", {"eps": -1}, "at least 0"),
        ("cee", {"eps": "abc"}, "must be a number"),
        ("sse", {"reduction": "max"}, "one of sum, mean"),
        ("sse", {"half": "maybe"}, "true or false"),
        ("huber", {"delta": 0}, "at least"),
        ("softmax_cee", {"label_smoothing": 1.5}, "at most 1"),
        ("sse", {"eps": 1e-7}, "no parameter 'eps'"),
    ],
)
def test_bad_parameters_are_refused_with_a_reason(loss, params, message):
    with pytest.raises(ParameterError, match=message):
        evaluate(loss, Y1, T, **params)


def test_parameters_given_as_text_are_read():
    ev = evaluate("sse", Y1, T, half="true", reduction="SUM")
    assert ev.total == pytest.approx(0.126) and ev.params == {"reduction": "sum", "half": True}


def test_unknown_loss_and_mismatched_shapes_are_refused():
    with pytest.raises(UnknownLossError, match="known: sse"):
        evaluate("l2", Y1, T)
    with pytest.raises(UnknownLossError, match=r"did you mean sse\? known") as typo:
        evaluate("ssee", Y1, T)
    assert "sse のことですか" in typo.value.message_ja
    with pytest.raises(ShapeError, match="5 elements but t has 4"):
        evaluate("sse", Y1, T[:4])
    with pytest.raises(ShapeError, match="empty"):
        evaluate("sse", [], [])


def test_the_formula_shows_the_conventions_in_force():
    sse, mse, cee = (get_loss(i) for i in ("sse", "mse", "cee"))
    assert sse.formula_for({"reduction": "sum", "half": False}) == "E = Σₖ (yₖ − tₖ)²"
    assert sse.formula_for({"reduction": "sum", "half": True}) == "E = ½ Σₖ (yₖ − tₖ)²"
    assert sse.formula_for({"reduction": "mean", "half": True}) == "E = ½ (1/n) Σₖ (yₖ − tₖ)²"
    assert mse.formula_for({"reduction": "sum"}) == "E = Σₖ (yₖ − tₖ)²"
    assert cee.formula_for({"eps": 0.0, "reduction": "mean"}) == "E = (1/N) −Σₖ tₖ log(yₖ + eps)"


def test_every_loss_is_described_for_the_gui():
    ids = [loss.id for loss in LOSSES]
    assert ids == ["sse", "cee", "mse", "mae", "huber", "bce", "bce_logits", "softmax_cee",
                   "kl", "hinge", "smooth_l1", "log_cosh", "pinball", "msle", "mape", "poisson",
                   "squared_hinge", "soft_margin", "focal", "nll", "multi_margin",
                   "categorical_hinge"]
    for loss in LOSSES:
        assert loss.name_en and loss.name_ja and loss.formula.startswith("E =")
        assert loss.when[0] and loss.when[1] and loss.when[0] != loss.when[1]
        for p in loss.params:
            assert p.coerce(p.default) == p.default


def test_a_blank_y_beside_a_blank_t_is_listed_too():
    ev = evaluate("sse", [0.1, math.nan], [0.0, math.nan])
    assert [(p.code, p.index) for p in ev.problems] == [("missing_t", (1,)), ("missing_y", (1,))]
    assert ev.flagged.tolist() == [False, True]
