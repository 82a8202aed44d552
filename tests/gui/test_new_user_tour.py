"""What a new user tripped over in the window (issue 10), driven through the real widgets."""

from __future__ import annotations

import numpy as np
from gui_helpers import WindowFactory, type_into
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.gui.main_window import MainWindow
from lossgui.gui.panels.formula_panel import UNDEFINED_COLOUR


def choose_loss(window: MainWindow, loss_id: str) -> None:
    """Pick a loss in the selector, as a click in its list does."""
    selector = window.loss_panel.selector
    selector.setCurrentIndex(selector.findData(loss_id))
    QApplication.processEvents()
    assert window.document.loss_id == loss_id


def test_hinge_shows_the_labels_used_and_says_so_in_the_notes(window: MainWindow) -> None:
    choose_loss(window, "hinge")
    formula = window.formula_panel.plain_text()
    assert formula.startswith("(1/5)·(max(0, 1−(−1)·0.01) + max(0, 1−1·0.65)")
    assert formula.endswith(f"= {window.document.evaluations[0].total:.6g}")
    notes = window.notes.toPlainText()
    assert "t₁ = 0 is read as −1" in notes


def test_not_a_number_total_says_why_and_marks_the_element(
    qtbot: QtBot, window: MainWindow
) -> None:
    choose_loss(window, "cee")
    type_into(qtbot, window.prediction_view, 1, 0, "-0.5")
    panel = window.formula_panel
    text = panel.plain_text()
    assert "Fill in every t and y" not in text
    assert "= not a number" in text
    assert "the log of a negative number is undefined" in text
    assert f'<span style="color:{UNDEFINED_COLOUR}"><b>1·log(−0.5)</b>' in \
        panel.formula.text()
    assert window.document.is_flagged(1, 1)  # the red cell
    window.plot_panel.set_gradient_mode(True)
    assert np.isnan(window.plot_panel.values(0)[1])  # no −10 bar: an × marks it
    window.plot_panel.hover.setText(window.plot_panel.describe_at(2.0 - 0.3) or "")
    assert "not a number" in window.plot_panel.hover.text()


def test_class_labels_in_t_turn_the_t_cells_red(make_window: WindowFactory) -> None:
    window = make_window(["t", "y1"], [[2.0, 7.0], [0.3, 0.7]], "cee")
    assert window.document.is_flagged(0, 0) and window.document.is_flagged(1, 0)
    assert "t looks like class labels" in window.document.cell_messages(1, 0)[0]
    assert window.problem_label.text().startswith("2 problems")
