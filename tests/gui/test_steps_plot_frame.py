"""The loss-over-steps plot frames its data again after new data (round-4 tester: after a run
that reached E ≈ 1e31, another example's E = 0.797 sat in a ±5e31 frame)."""

from __future__ import annotations

from gui_helpers import WindowFactory, learn_drawn
from pytestqt.qtbot import QtBot

from lossgui.gui.main_window import MainWindow


def _frame(qtbot: QtBot, window: MainWindow) -> list[list[float]]:
    learn_drawn(qtbot, window)
    window.plot_tabs.setCurrentWidget(window.steps_plot)
    window.grab()  # pyqtgraph settles its auto-range as it paints
    return window.steps_plot.plot.getPlotItem().getViewBox().viewRange()


def test_new_data_after_a_run_that_blew_up_is_framed_around_its_loss(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    window = make_window()
    window.load_named_example("lesson_lr")
    window.learning.lr = 3.0  # too large: E grows by orders of magnitude each step
    for _ in range(40):
        window.learning.step()
    (_, x_high), (_, y_high) = _frame(qtbot, window)
    assert y_high > 1e20 and x_high >= 40
    window.load_named_example("logits_batch")
    [total] = [e.total for e in window.document.evaluations]
    (x_low, x_high), (y_low, y_high) = _frame(qtbot, window)
    assert y_low < total < y_high and y_high - y_low < 2 * total
    assert x_low < 0 < 9 < x_high < 40  # steps 0…10 again, not the old run's 0…40
