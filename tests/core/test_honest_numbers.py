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
