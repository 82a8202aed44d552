"""The substituted formula, the element curve and the conventions panel, against the core."""

from __future__ import annotations

import numpy as np
import pytest

from lossgui.core import evaluate
from lossgui.core.conventions import compare, input_remarks
from lossgui.core.explain import element_curve, substitute

T = np.array([0, 1, 0, 1, 0.0])
Y1 = np.array([0.01, 0.65, 0.13, 0.70, 0.15])
Y2 = np.array([0.34, 0.21, 0.91, 0.33, 0.22])


def test_sse_written_out_with_the_numbers():
    line = substitute("sse", Y1, T, evaluate("sse", Y1, T))
    assert line.plain() == "(0.01−0)² + (0.65−1)² + (0.13−0)² + (0.7−1)² + (0.15−0)² = 0.252"


def test_negative_values_are_bracketed_and_infinity_is_a_symbol():
    y, t = np.array([0.0, 0.5]), np.array([-0.5, 1.0])
    assert substitute("sse", y, t, evaluate("sse", y, t)).plain().startswith("(0−(−0.5))²")
    zero = np.array([0.0, 1.0])
    assert substitute("cee", zero, zero[::-1], evaluate("cee", zero, zero[::-1])).plain() \
        .endswith("= ∞")


def test_softmax_terms_show_the_class_probabilities():
    z, t = np.array([2.0, 1.0, 0.1]), np.array([0.0, 1.0, 0.0])
    line = substitute("softmax_cee", z, t, evaluate("softmax_cee", z, t))
    p = np.exp(z) / np.exp(z).sum()
    assert line.terms[1].text == f"1·log {p[1]:.6g}" and line.terms[0].inert


def test_cee_greys_the_terms_with_a_zero_target():
    line = substitute("cee", Y1, T, evaluate("cee", Y1, T))
    assert [term.inert for term in line.terms] == [True, False, True, False, True]
    assert line.plain().startswith("−(0·log(0.01) + 1·log(0.65)")
    assert line.plain().endswith(") = 0.787458")


def test_book_conventions_show_in_the_formula():
    half = substitute("sse", Y1, T, evaluate("sse", Y1, T, half=True))
    assert half.plain().startswith("½·((0.01−0)²") and half.plain().endswith("= 0.126")
    mean = substitute("mse", Y1, T, evaluate("mse", Y1, T))
    assert mean.plain().startswith("(1/5)·(")


def test_long_vectors_are_elided_in_the_middle():
    y = np.linspace(0, 1, 1000)
    t = np.zeros(1000)
    line = substitute("sse", y, t, evaluate("sse", y, t))
    assert len(line.terms) == 6 and line.elided == 994
    assert "… (994 more terms) …" in line.plain()


def test_a_term_that_counts_is_never_left_out_for_grey_zero_terms():
    # The book's 10 classes, the answer at class 7 (tester8: its 1·log term was in the "…").
    y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    t = np.eye(10)[7]
    ev = evaluate("cee", y, t, eps=1e-7)
    line = substitute("cee", y, t, ev)
    assert [term.element for term in line.terms] == [0, 1, 2, 3, 7, 8, 9]
    assert [term.element for term in line.terms if not term.inert] == [7]
    assert line.gaps == ((4, 3),) and line.elided == 3
    assert "+ … (3 more terms) … + 1·log(0.1 + 1e−07) + 0·log(0 + 1e−07)" in line.plain()
    # In the middle of a long vector: a gap on each side of it.
    y, t = np.full(1000, 0.001), np.eye(1000)[500]
    line = substitute("kl", y, t, evaluate("kl", y, t))
    assert [term.element for term in line.terms] == [0, 1, 2, 3, 500, 998, 999]
    assert line.gaps == ((4, 496), (5, 497)) and line.elided == 993
    assert line.plain().count("more terms") == 2


@pytest.mark.parametrize("loss_id", ["sse", "mse", "mae", "bce"])
def test_the_answers_term_is_written_out_under_every_loss(loss_id):
    # tester9 #8: under sse (half) the book's formula hid (0.1−1)², 0.81 of the 1.195 inside ½.
    y = np.array([0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0])
    t = np.eye(10)[7]
    given = {"half": True} if loss_id == "sse" else {}
    line = substitute(loss_id, y, t, evaluate(loss_id, y, t, **given))
    assert [term.element for term in line.terms] == [0, 1, 2, 3, 7, 8, 9]
    assert not any(term.inert for term in line.terms)  # t = 0 terms add y² here: not grey
    if loss_id == "sse":
        assert "… (3 more terms) … + (0.1−1)² + (0−0)² + (0−0)²) = 0.5975" in line.plain()


def test_terms_that_all_count_are_elided_in_the_middle_as_ever():
    y = np.full(1000, 0.001)
    t = np.full(1000, 0.001)  # a soft target: every term adds something
    line = substitute("cee", y, t, evaluate("cee", y, t))
    assert [term.element for term in line.terms] == [0, 1, 2, 3, 998, 999]
    assert line.gaps == ((4, 994),)


@pytest.mark.parametrize("loss_id", ["sse", "cee", "mse", "huber", "bce", "kl", "bce_logits",
                                     "softmax_cee", "hinge", "mae"])
def test_curve_passes_through_the_current_point_with_the_gradient_as_slope(loss_id):
    y = Y1 if loss_id not in {"hinge"} else Y1 - 0.5
    ev = evaluate(loss_id, y, T)
    curve = element_curve(loss_id, y, T, 1, ev.params)
    at = int(np.flatnonzero(curve.x == y[1])[0])
    assert curve.contribution[at] == pytest.approx(ev.contributions[1], rel=1e-12)
    assert curve.slope == ev.gradient[1]
    h = 1e-6
    near = element_curve(loss_id, y, T, 1, ev.params, points=3)
    moved_up, moved_down = y.copy(), y.copy()
    moved_up[1] += h
    moved_down[1] -= h
    up, down = evaluate(loss_id, moved_up, T).total, evaluate(loss_id, moved_down, T).total
    numeric = (up - down) / (2 * h)
    assert curve.slope == pytest.approx(numeric, rel=1e-5, abs=1e-8)
    assert near.current_y == y[1]


def test_moving_y_toward_t_lowers_the_curve():
    ev = evaluate("cee", Y1, T)
    curve = element_curve("cee", Y1, T, 1, ev.params)
    assert np.all(np.diff(curve.contribution) < 0)  # t₂ = 1: larger y₂, smaller loss
    assert curve.x.min() > 0 and curve.x.max() < 1


CONVENTIONS = {
    ("Deep Learning from Scratch", "sum_squared_error: ½ Σ (y−t)²"): (0.126, 1.03255),
    ("Deep Learning from Scratch", "cross_entropy_error (1-D): −Σ t log(y + 1e-7)"):
        (0.7874575633279122, 2.66930959356566),
    ("Deep Learning from Scratch", "cross_entropy_error (batch, argmax of t)"):
        (0.4307827622463123, 1.5606472720743056),
    ("Keras 3.0–3.15", "categorical_crossentropy (float32)"): (1.7768503, 4.06558),
    ("PyTorch 2.13", "mse_loss (reduction='mean')"): (0.0504, 0.41302),
    ("PyTorch 2.13", "binary_cross_entropy (reduction='mean')"):
        (0.21985783854319413, 1.1482465569396634),
    ("the article", "2乗和誤差 Σ (y−t)²"): (0.252, 2.0651),
}


def test_conventions_panel_reproduces_the_reference_values():
    good = {(c.label, c.function): c.value for c in compare(Y1, T)}
    bad = {(c.label, c.function): c.value for c in compare(Y2, T)}
    for key, (expected_good, expected_bad) in CONVENTIONS.items():
        tolerance = 1e-6 if key[0].startswith("Keras") else 1e-12  # Keras computes in float32
        assert good[key] == pytest.approx(expected_good, rel=tolerance), key
        assert bad[key] == pytest.approx(expected_bad, rel=tolerance), key


def test_sklearn_agrees_on_one_hot_in_every_version():
    t = np.array([0, 1, 0.0])
    y = np.array([0.2, 0.5, 0.3])
    values = [c.value for c in compare(y, t) if c.tool == "scikit-learn"]
    assert values == [pytest.approx(-np.log(0.5))] * 3
    assert all(c.reason for c in compare(y, t))


def test_plain_language_remarks():
    assert input_remarks(Y1, T) == ["t has 2 ones — is this multi-label?", "y sums to 1.64, not 1"]
    remarks = input_remarks(np.array([0.5, 0.5, 0.0]), np.array([0, 0, 1.0]))
    assert "y₃ is 0 where t₃ is 1" in remarks
