"""Every loss of the catalogue in the window: grouped selector, formula, bars, gradient, curve.

The numbers shown are compared with the core's (``evaluate``, ``explain``); the selector is
driven with the keyboard, as a learner looking for "their" loss would.
"""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import WindowFactory, formula_text, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.core import LOSSES
from lossgui.core.explain import element_curve, substitute
from lossgui.core.losses import Task, grouped
from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier

# Data in each loss's domain, so that every panel has finite numbers to show: (t, y1, y2).
REGRESSION = ([1.0, 2.0, 3.0, 4.0], [1.5, 1.0, 3.2, 6.0], [0.5, 2.5, 2.0, 4.1])
PROBABILITIES = ([0.0, 1.0, 0.0, 0.0], [0.1, 0.6, 0.2, 0.1], [0.4, 0.3, 0.2, 0.1])
SIGNS = ([-1.0, 1.0, 1.0, -1.0], [-0.5, 2.0, 0.3, 1.2], [0.8, -1.0, 1.5, -2.0])
DATA = {
    Task.REGRESSION: REGRESSION,
    Task.BINARY: PROBABILITIES,
    Task.MULTI_CLASS: PROBABILITIES,
    Task.MARGIN: SIGNS,
}
SPECIAL = {
    "nll": ([0.0, 1.0, 0.0, 0.0], list(np.log([0.1, 0.6, 0.2, 0.1])),
            list(np.log([0.4, 0.3, 0.2, 0.1]))),
    "multi_margin": ([0.0, 1.0, 0.0, 0.0], [0.2, 1.5, 0.9, -0.4], [1.1, 0.3, 0.2, 0.0]),
    "categorical_hinge": ([0.0, 1.0, 0.0, 0.0], [0.2, 1.5, 0.9, -0.4], [1.1, 0.3, 0.2, 0.0]),
    "poisson": ([0.0, 2.0, 5.0, 1.0], [0.1, 0.5, 1.4, -0.2], [1.0, 1.0, 1.0, 1.0]),
}


def window_for(make_window: WindowFactory, loss_id: str) -> MainWindow:
    loss = next(loss for loss in LOSSES if loss.id == loss_id)
    t, y1, y2 = SPECIAL.get(loss_id, DATA[loss.task])
    return make_window(["t", "y1", "y2"], [t, y1, y2], loss=loss_id)


def test_the_selector_groups_the_losses_under_headings_that_cannot_be_picked(
    qtbot: QtBot, window: MainWindow
) -> None:
    selector = window.loss_panel.selector
    model = selector.model()
    expected: list[str | None] = []
    for task, losses in grouped():
        expected += [None, *(loss.id for loss in losses)]
        heading = model.index(len(expected) - len(losses) - 1, 0)
        assert heading.data() == task.describe("en")
        assert not heading.flags() & Qt.ItemFlag.ItemIsSelectable
    assert [selector.itemData(i) for i in range(selector.count())] == expected
    assert sorted(i for i in expected if i) == sorted(loss.id for loss in LOSSES)
    # Down from the last regression loss skips the "Binary / multi-label" heading.
    regression = grouped()[0][1]
    press(qtbot, window.target_view, Qt.Key.Key_L, CTRL)
    selector.setCurrentIndex(selector.findData(regression[-1].id))
    qtbot.keyClick(selector, Qt.Key.Key_Down)
    assert window.document.loss_id == grouped()[1][1][0].id
    tip = selector.itemData(selector.findData("focal"), Qt.ItemDataRole.ToolTipRole)
    assert "Rare positives" in tip and "expects probabilities" in tip


def test_the_about_line_says_when_to_use_the_loss(make_window: WindowFactory) -> None:
    window = window_for(make_window, "pinball")
    assert "When to use it: Predicting a quantile" in window.loss_panel.about.text()
    window = window_for(make_window, "poisson")
    assert "log-rates" in window.loss_panel.about.text()
    window.document.set_param("log_input", False)  # y becomes the rate itself
    assert "rates λ ≥ 0" in window.loss_panel.about.text()


@pytest.mark.parametrize("loss_id", [loss.id for loss in LOSSES])
def test_every_loss_shows_its_formula_bars_gradient_and_curve(
    qtbot: QtBot, make_window: WindowFactory, loss_id: str
) -> None:
    window = window_for(make_window, loss_id)
    document = window.document
    t = np.array(document.column(0))
    for j in range(2):
        y = np.array(document.column(j + 1))
        evaluation = document.evaluations[j]
        assert evaluation is not None and np.isfinite(evaluation.total)
        np.testing.assert_array_equal(window.plot_panel.values(j), evaluation.contributions)
        if j == 0:
            assert formula_text(window.formula_panel) == substitute(
                loss_id, y, t, evaluation).plain()
    window.plot_panel.set_gradient_mode(True)
    np.testing.assert_array_equal(window.plot_panel.values(0),
                                  -document.evaluations[0].gradient)
    panel = window.curve_panel
    window.plot_tabs.setCurrentWidget(panel)  # the Curve tab (Ctrl+5 is tested elsewhere)
    QApplication.processEvents()
    assert panel.isVisible() and panel.curve_items
    y = np.array(document.column(1))
    k = window.selection.element
    curve = element_curve(loss_id, y, t, k, document.evaluations[0].params)
    x_shown, c_shown = panel.curve_items[0].getData()
    np.testing.assert_array_equal(x_shown, curve.x)
    np.testing.assert_array_equal(c_shown, curve.contribution)
    assert np.isfinite(c_shown).sum() > len(c_shown) // 2  # most of the curve is drawn
    assert curve.slope == document.evaluations[0].gradient[k]


def test_other_tools_add_the_framework_defaults_of_the_selected_loss(
    make_window: WindowFactory,
) -> None:
    window = make_window(["t", "y1"], [[0.1, 0.6, 0.3], [0.2, 0.5, 0.3]], loss="kl")
    window.show_conventions()
    panel = window.conventions_panel
    functions = [panel.table.item(row, 1).toolTip() for row in range(panel.table.rowCount())]
    assert "kl_div(log y, t) (reduction='mean')" in functions
    row = functions.index("kl_div(log y, t) (reduction='mean')")
    assert panel.value_data(row) == pytest.approx(window.document.evaluations[0].total / 3)
    window.document.set_loss("sse")
    assert not any("kl_div" in panel.table.item(r, 1).toolTip()
                   for r in range(panel.table.rowCount()))
