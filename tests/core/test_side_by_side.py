"""Predictions evaluated side by side on the cores give what one after another gives."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from lossgui.core import side_by_side
from lossgui.core.document import DocumentModel
from lossgui.core.evaluate import evaluate

ROWS = 2 * side_by_side.SIDE_BY_SIDE_ELEMENTS


def test_large_work_runs_in_other_threads_and_keeps_its_order(monkeypatch) -> None:
    monkeypatch.setattr(side_by_side.os, "cpu_count", lambda: 2)
    threads = side_by_side.mapped(lambda _: threading.current_thread(), [1, 2, 3], ROWS)
    assert threading.current_thread() not in threads
    assert side_by_side.mapped(lambda k: k * k, list(range(20)), ROWS) == [k * k for k in range(20)]


@pytest.mark.parametrize(("items", "elements", "cores"), [([1], ROWS, 2), ([1, 2], 10, 2),
                                                         ([1, 2], ROWS, 1)])
def test_small_work_one_item_or_one_core_stay_in_the_calling_thread(
    monkeypatch, items, elements, cores
) -> None:
    monkeypatch.setattr(side_by_side.os, "cpu_count", lambda: cores)
    here = threading.current_thread()
    assert side_by_side.mapped(lambda _: threading.current_thread(), items, elements) == \
        [here] * len(items)


def test_what_a_function_raises_is_raised_to_the_caller(monkeypatch) -> None:
    monkeypatch.setattr(side_by_side.os, "cpu_count", lambda: 2)

    def refuse(k: int) -> int:
        if k == 2:
            raise ZeroDivisionError(k)
        return k

    with pytest.raises(ZeroDivisionError):
        side_by_side.mapped(refuse, [1, 2, 3], ROWS)


@pytest.mark.parametrize("loss", ["sse", "cee", "mse", "bce", "huber", "kl"])
def test_a_large_document_evaluates_each_prediction_as_the_core_does_alone(monkeypatch, loss):
    monkeypatch.setattr(side_by_side.os, "cpu_count", lambda: 2)
    rng = np.random.default_rng(3)
    t = (rng.random(ROWS) < 0.5).astype(float)
    ys = [rng.random(ROWS) * 0.98 + 0.01 for _ in range(3)]
    ys[1][7] = np.nan  # a blank in one: its own problem, the others unaffected
    document = DocumentModel(["t", "y1", "y2", "y3"], [t, *ys], loss)
    for y, got in zip(ys, document.evaluations, strict=True):
        alone = evaluate(loss, y, t)
        assert got is not None
        assert got.total == alone.total or (np.isnan(got.total) and np.isnan(alone.total))
        np.testing.assert_array_equal(got.contributions, alone.contributions)
        np.testing.assert_array_equal(got.gradient, alone.gradient)
        assert got.problems == alone.problems
