"""What a new user tripped over in the numbers (issue 10): each shown number is the one used."""

from __future__ import annotations

import numpy as np
import pytest

from lossgui.core import evaluate
from lossgui.core.explain import substitute


def test_hinge_formula_writes_the_minus_one_the_total_uses():
    y, t = np.array([0.01, 0.65, 0.13]), np.array([0.0, 1.0, 0.0])
    ev = evaluate("hinge", y, t)
    line = substitute("hinge", y, t, ev)
    assert line.terms[0].text == "max(0, 1−(−1)·0.01)"
    assert line.terms[1].text == "max(0, 1−1·0.65)"
    # The terms as written add up to the total shown after them.
    written = (max(0, 1 + 0.01) + max(0, 1 - 0.65) + max(0, 1 + 0.13)) / 3
    assert ev.total == pytest.approx(written)
    assert line.plain().endswith(f"= {ev.total:.6g}")


def test_a_log_of_a_negative_has_no_gradient_either():
    y, t = np.array([0.5, -0.1, 0.4]), np.array([0.0, 1.0, 0.0])
    ev = evaluate("cee", y, t)
    assert np.isnan(ev.total)
    assert np.isnan(ev.gradient[1]) and np.isnan(ev.contributions[1])
    assert ev.gradient[0] == 0.0  # the others keep theirs
    assert [p.code for p in ev.problems if p.index == (1,)] == ["log_negative", "y_range"]
