"""∞ and blanks in the input: the warning says what the total became (tester finding 14).

An infinite y or t is a value (1e400 reads as ∞), computed by the formula; only a blank (NaN)
is missing. A zero target weights its element away as PyTorch's ``torch.xlogy`` does: its
documented cases (PyTorch 1.9 and later, unchanged since) are NaN where the argument is NaN,
else 0 where the weight is 0 — ``xlogy(zeros(5), [-1, 0, 1, inf, nan]) = [0, 0, 0, 0, nan]``.
"""

from __future__ import annotations

import math

import numpy as np

from lossgui.core import Severity, evaluate


def warnings_at(ev, index):
    return [p for p in ev.problems if p.index == index and p.severity is Severity.WARNING]


def test_an_infinite_y_under_sse_makes_the_total_infinite_and_says_so():
    ev = evaluate("sse", [math.inf, 0.9], [0.0, 1.0])
    assert ev.total == math.inf and ev.contributions[0] == math.inf
    (problem,) = warnings_at(ev, (0,))
    assert problem.code == "y_infinite"
    assert "y₁ is ∞" in problem.message and "its term is ∞" in problem.message
    assert "cannot be computed" not in problem.message
    assert "y₁ は ∞" in problem.text("ja") and "項は ∞" in problem.text("ja")
    assert ev.flagged.tolist() == [True, False]


def test_a_zero_target_weights_an_infinite_y_away_as_torch_xlogy():
    # the tester's file: t₁ = 0, y₁ = 1e400 (∞); only −log 0.9 is left
    ev = evaluate("cee", [math.inf, 0.9], [0.0, 1.0])
    assert ev.total == -math.log(0.9) == 0.10536051565782628
    assert ev.contributions[0] == 0.0 and ev.gradient[0] == 0.0
    codes = {p.code for p in warnings_at(ev, (0,))}
    assert codes == {"y_infinite", "y_range"}  # ∞ is no probability: said, not hidden
    infinite = next(p for p in ev.problems if p.code == "y_infinite")
    assert "its term is 0" in infinite.message


def test_torch_xlogy_documented_example_under_a_zero_target():
    ev = evaluate("cee", [-1.0, 0.0, 1.0, math.inf, math.nan], np.zeros(5))
    np.testing.assert_array_equal(ev.contributions, [0.0, 0.0, 0.0, 0.0, math.nan])
    assert math.isnan(ev.total)


def test_an_infinite_y_under_a_one_target_is_minus_infinity():
    ev = evaluate("cee", [0.1, math.inf], [0.0, 1.0])
    assert ev.total == -math.inf
    infinite = next(p for p in ev.problems if p.code == "y_infinite")
    assert "its term is −∞" in infinite.message


def test_infinity_minus_infinity_is_said_to_be_not_a_number():
    ev = evaluate("sse", [math.inf, 0.5], [math.inf, 0.5])
    assert math.isnan(ev.total)
    problem = next(p for p in ev.problems if p.code == "t_infinite")
    assert "t₁ is ∞" in problem.message and "its term is not a number" in problem.message


def test_a_blank_names_its_cell_and_says_the_total_is_not_a_number():
    ev = evaluate("sse", [math.nan, 0.9], [0.0, 1.0])
    assert math.isnan(ev.total)
    (problem,) = warnings_at(ev, (0,))
    assert problem.code == "missing_y"
    assert problem.message == ("y₁ is missing (blank or nan), so its term, and so the total, "
                               "is not a number.")
    assert problem.text("ja").startswith("y₁ が空欄(または nan)なので")
