"""What a new user tripped over in the window (issue 10), driven through the real widgets."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from gui_helpers import WindowFactory, formula_text, go_to, total_text, type_into
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from lossgui.gui.main_window import MainWindow
from lossgui.gui.panels.formula_panel import UNDEFINED_COLOUR


def hover(qtbot: QtBot, window: MainWindow, x: float) -> None:
    """Move the mouse over the bar plot at plot coordinate ``x`` (halfway up)."""
    plot = window.plot_panel.plot
    view = plot.getPlotItem().getViewBox()
    y_low, y_high = view.viewRange()[1]
    scene = view.mapViewToScene(QPointF(x, (y_low + y_high) / 2))
    target = plot.mapFromScene(scene)
    qtbot.mouseMove(plot.viewport(), target + QPoint(0, 5))  # a move, even if it was there
    qtbot.mouseMove(plot.viewport(), target)
    QApplication.processEvents()


def choose_loss(window: MainWindow, loss_id: str) -> None:
    """Pick a loss in the selector, as a click in its list does."""
    selector = window.loss_panel.selector
    selector.setCurrentIndex(selector.findData(loss_id))
    QApplication.processEvents()
    assert window.document.loss_id == loss_id


def test_hinge_shows_the_labels_used_and_says_so_in_the_notes(window: MainWindow) -> None:
    choose_loss(window, "hinge")
    formula = formula_text(window.formula_panel)
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
    text = formula_text(panel)
    assert "Fill in every t and y" not in text
    assert "= not a number" in text
    assert "the log of a negative number is undefined" in text
    assert f'<span style="color:{UNDEFINED_COLOUR}"><b>1·log(−0.5)</b>' in \
        panel.formula.text()
    assert window.document.is_flagged(1, 1)  # the red cell
    window.plot_panel.set_gradient_mode(True)
    assert np.isnan(window.plot_panel.values(0)[1])  # no −10 bar: an × marks it
    hover(qtbot, window, 2.0 - 0.2)
    assert "not a number" in window.plot_panel.hover.text()


def test_class_labels_in_t_turn_the_t_cells_red(make_window: WindowFactory) -> None:
    window = make_window(["t", "y1"], [[2.0, 7.0], [0.3, 0.7]], "cee")
    assert window.document.is_flagged(0, 0) and window.document.is_flagged(1, 0)
    assert "t looks like class labels" in window.document.cell_messages(1, 0)[0]
    assert window.problem_label.text().startswith("2 problems")


def test_the_hover_read_out_follows_every_change(qtbot: QtBot, window: MainWindow) -> None:
    choose_loss(window, "cee")
    window.plot_panel.set_gradient_mode(True)
    QApplication.processEvents()
    hover(qtbot, window, 2.0 - 0.2)  # element 2, y1
    panel = window.plot_panel
    assert "−∂E/∂y = 1.53846" in panel.hover.text()  # −∂E/∂y = 1/0.65
    choose_loss(window, "sse")
    assert "1.53846" not in panel.hover.text()
    assert panel.hover.text() == panel.describe_at(2.0 - 0.2)
    assert "−∂E/∂y = 0.7" in panel.hover.text()  # −2(0.65 − 1)
    type_into(qtbot, window.prediction_view, 1, 0, "0.9")
    assert "−∂E/∂y = 0.19999999999999996" in panel.hover.text()  # −2(0.9 − 1), full precision
    window.document.remove_rows(1, 4)  # the hovered element is gone: back to the hint
    assert panel.hover.text() == "Hover a bar to read its exact value."


def test_a_new_document_does_not_keep_the_last_ones_parameters(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.load_named_example("book")  # the book's ½ under sse, δ = 1e-7 under cee
    assert window.document.params["half"] is True
    data = tmp_path / "article.csv"
    data.write_text("t,y1\n0,0.01\n1,0.65\n0,0.13\n1,0.7\n0,0.15\n", encoding="utf-8")
    assert window.open_path(str(data))
    choose_loss(window, "sse")
    assert window.document.params["half"] is False
    assert total_text(window, 0) == "0.252"
    checkbox = window.loss_panel.editor("half")
    assert not checkbox.isChecked()
    choose_loss(window, "cee")
    assert window.document.params["eps"] == 0.0


# --- keyboard ------------------------------------------------------------------------------------

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_insert_row_has_one_binding_per_key(window: MainWindow) -> None:
    # Ctrl++ on the main keyboard is Ctrl+Shift+=: binding both made every press ambiguous
    # ("QAction::event: Ambiguous shortcut overload: Ctrl++"), so the action never fired.
    bindings = [s.toString() for s in window.action_map["insert_row"].shortcuts()]
    assert bindings == ["Ctrl++"]
    every = [s.toString() for a in window.action_map.values() for s in a.shortcuts()]
    assert len(every) == len(set(every))  # no key bound twice anywhere


def test_ctrl_plus_inserts_a_row_from_either_plus_key(qtbot: QtBot, window: MainWindow) -> None:
    view = window.prediction_view
    go_to(view, 2, 0)
    qtbot.keyClick(view, Qt.Key.Key_Plus, CTRL)
    assert window.document.row_count == 6
    qtbot.keyClick(view, Qt.Key.Key_Plus, CTRL | Qt.KeyboardModifier.KeypadModifier)
    assert window.document.row_count == 7


def test_ctrl_z_in_a_parameter_field_undoes_the_parameter(qtbot: QtBot, window: MainWindow) -> None:
    choose_loss(window, "cee")
    field = window.loss_panel.editor("eps")
    assert isinstance(field, QLineEdit)
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "1e-7")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.document.params["eps"] == 1e-7
    assert window.action_map["undo"].text() == "&Undo Set eps to 1e-07"
    assert QApplication.focusWidget() is field
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert window.document.params["eps"] == 0.0
    assert field.text() == "0"
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.document.params["eps"] == 1e-7
    # Typing not yet committed is the field's own to undo first.
    qtbot.keyClicks(field, "5")
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert field.text() == "1e-07" and window.document.params["eps"] == 1e-7
