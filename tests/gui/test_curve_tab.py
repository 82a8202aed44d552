"""The curve of element k as a new user met it (issue 10 item 15, tester finding 18)."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import go_to, press
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.gui.main_window import MainWindow
from lossgui.gui.panels.curve_panel import CurvePanel

CTRL = Qt.KeyboardModifier.ControlModifier


def choose_loss(window: MainWindow, loss_id: str) -> None:
    """Pick a loss in the selector, as a click in its list does."""
    selector = window.loss_panel.selector
    selector.setCurrentIndex(selector.findData(loss_id))
    QApplication.processEvents()
    assert window.document.loss_id == loss_id


def show_curve(qtbot: QtBot, window: MainWindow) -> CurvePanel:
    """Ctrl+5, as the View menu says: the curve tab."""
    press(qtbot, window.target_view, Qt.Key.Key_5, CTRL)
    panel = window.curve_panel
    assert window.plot_tabs.currentWidget() is panel and panel.isVisible()
    QApplication.processEvents()
    return panel


def test_the_element_spin_box_moves_the_tables_current_row_and_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    t, y = window.target_view, window.prediction_view
    go_to(y, 0, 1)
    panel = show_curve(qtbot, window)
    spin = panel.element
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert spin.value() == 3 and spin.hasFocus()  # the focus stays in the spin box
    assert y.currentIndex().row() == 2 and y.currentIndex().column() == 1
    assert t.currentIndex().row() == 2
    # The selection moved with it, in the table that had it (what Delete would act on).
    assert {(i.row(), i.column()) for i in y.selectionModel().selectedIndexes()} == {(2, 1)}
    assert not t.selectionModel().hasSelection()
    # And back: the table's current row sets the spin box.
    go_to(t, 4, 0)
    assert spin.value() == 5
    qtbot.keyClick(spin, Qt.Key.Key_Down)
    assert t.currentIndex().row() == 3 and window.selection.element == 3


def test_the_sentence_names_prediction_and_element_apart(qtbot: QtBot, window: MainWindow
                                                         ) -> None:
    go_to(window.prediction_view, 1, 0)
    panel = show_curve(qtbot, window)
    text = panel.explanation.text()
    assert text.startswith("y1, element 2 = 0.65: contribution 0.1225")
    assert "y1:" not in text and "y₂" not in text  # y names the prediction only
    window.document.edit_cells(1, 1, [[float("nan")]])
    QApplication.processEvents()
    assert panel.explanation.text().startswith("No curve for y1, element 2 — fill in")


@pytest.mark.parametrize(("loss_id", "row"), [("cee", 0), ("cee", 1), ("sse", 0), ("sse", 1),
                                              ("bce", 3)])
def test_the_t_label_is_not_covered_by_a_curve_or_the_legend(
    qtbot: QtBot, window: MainWindow, loss_id: str, row: int
) -> None:
    """t₁ = 0 under cee is a flat 0 through the middle of the plot: the label went under it."""
    choose_loss(window, loss_id)
    go_to(window.prediction_view, row, 0)
    panel = show_curve(qtbot, window)
    qtbot.wait(50)  # the view fits its range when it is painted
    label = panel.target_line.label
    assert label.isVisible() and label.toPlainText() == f"t{'₁₂₃₄₅'[row]} = " \
        f"{int(window.document.value(row, 0))}"
    box = label.sceneBoundingRect()
    assert panel.view_box.sceneBoundingRect().contains(box)
    assert not box.intersects(panel.legend.sceneBoundingRect())
    for item in (*panel.curve_items, *panel.point_items):
        xs, ys = item.getData()
        for x, y in zip(xs, ys, strict=True):
            if np.isfinite(y):
                point = panel.view_box.mapViewToScene(QPointF(float(x), float(y)))
                assert not box.contains(point), (x, y)
