"""The x range of the curve of element k fits the numbers it is about (issue 10, tester 18)."""

from __future__ import annotations

import numpy as np
import pytest

from lossgui.core import evaluate
from lossgui.core.examples import ARTICLE, example_columns
from lossgui.core.explain import element_curve


@pytest.mark.parametrize("loss_id", ["sse", "mse", "mae", "huber", "smooth_l1", "log_cosh"])
def test_the_articles_curves_show_the_whole_0_to_1_and_little_else(loss_id: str) -> None:
    _names, columns = example_columns(ARTICLE)
    t = np.asarray(columns[0], dtype=float)
    for y in (np.asarray(c, dtype=float) for c in columns[1:]):
        params = evaluate(loss_id, y, t).params
        for k in range(len(t)):
            x = element_curve(loss_id, y, t, k, params).x
            low, high = float(x.min()), float(x.max())
            assert low <= 0.0 and high >= 1.0, (k, low, high)  # every y and t of the article
            # [0, 1] is well over a third of the plot (it was an eighth); huber and smooth L1
            # (δ = β = 1) also show where they turn linear, at t ± 1.
            widest = 3.0 if loss_id in {"huber", "smooth_l1"} else 2.5
            assert high - low <= widest, (k, low, high)
            assert low <= y[k] <= high and low < t[k] < high


def test_the_article_y1_element_1_is_drawn_on_minus_1_to_1() -> None:
    _names, columns = example_columns(ARTICLE)
    t, y = (np.asarray(c, dtype=float) for c in columns[:2])
    x = element_curve("sse", y, t, 0, evaluate("sse", y, t).params).x
    assert (float(x.min()), float(x.max())) == (-1.0, 1.0)


def test_a_far_point_and_a_wide_huber_are_still_inside() -> None:
    t, y = np.array([0.0, 1.0]), np.array([5.0, 1.0])
    x = element_curve("sse", y, t, 0, evaluate("sse", y, t).params).x
    assert x.min() < 0.0 < 5.0 < x.max()
    huber = evaluate("huber", y, t, delta=3.0).params
    x = element_curve("huber", y, t, 1, huber).x
    assert x.min() < 1.0 - 3.0 and x.max() > 1.0 + 3.0  # both linear arms show
