"""Issue 10 item 15 (layout) and the tester's colour finding, driven through the real widgets.

Geometry is read from the widgets (header heights, column widths, the plot's view range), never
compared with numbers written here.
"""

from __future__ import annotations

import pyqtgraph as pg  # type: ignore[import-untyped]
import pytest
from gui_helpers import go_to, press, type_into
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QStyle, QTableView
from pytestqt.qtbot import QtBot

from lossgui.gui.main_window import MainWindow


def y_range(window: MainWindow) -> tuple[float, float]:
    """The contributions plot's visible y range, once it has been painted."""
    plot: pg.PlotWidget = window.plot_panel.plot
    plot.repaint()
    QApplication.processEvents()
    low, high = plot.getPlotItem().getViewBox().viewRange()[1]
    return float(low), float(high)


def choose_loss(window: MainWindow, loss_id: str) -> None:
    """Pick a loss in the selector, as a click in its list does."""
    selector = window.loss_panel.selector
    selector.setCurrentIndex(selector.findData(loss_id))
    QApplication.processEvents()
    assert window.document.loss_id == loss_id


# --- item 15: the contribution axis --------------------------------------------------------------

def test_the_contribution_axis_starts_at_zero_when_no_bar_is_negative(
    qtbot: QtBot, window: MainWindow
) -> None:
    low, high = y_range(window)
    assert low == 0.0 and high > 0.8  # sse on the article: every contribution ≥ 0
    window.plot_panel.set_gradient_mode(True)  # −∂E/∂y is negative for some elements
    low, _ = y_range(window)
    assert low < 0.0
    window.plot_panel.set_gradient_mode(False)
    assert y_range(window)[0] == 0.0
    choose_loss(window, "cee")
    type_into(qtbot, window.prediction_view, 1, 0, "1.5")  # −1·log 1.5 < 0: a bar below 0
    low, _ = y_range(window)
    contribution = float(window.document.evaluations[0].contributions[1])  # type: ignore[union-attr]
    assert contribution < 0.0 and low < contribution
    type_into(qtbot, window.prediction_view, 1, 0, "0.65")
    assert y_range(window)[0] == 0.0


# --- tester finding 19: a prediction keeps its colour --------------------------------------------

def shown_colours(window: MainWindow) -> dict[str, tuple[str, ...]]:
    """Per prediction name, the colour of its bars, totals swatch, formula entry and curve."""
    document = window.document
    combo = window.formula_panel.prediction
    colours: dict[str, tuple[str, ...]] = {}
    for j, name in enumerate(document.prediction_names):
        bars = window.plot_panel.bars()[j].opts["brush"].color().name()
        swatch = window.results.table.item(j, 0).data(Qt.ItemDataRole.DecorationRole).name()
        entry = combo.itemData(j, Qt.ItemDataRole.DecorationRole).name()
        curve = window.curve_panel.curve_items[j].opts["pen"].color().name()
        colours[name] = (bars, swatch, entry, curve)
    return colours


def test_a_prediction_keeps_its_colour_when_another_is_removed(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_curve()  # the curve tab redraws only while it is shown
    QApplication.processEvents()
    before = shown_colours(window)
    assert before["y1"][0] != before["y2"][0]
    assert all(len(set(three)) == 1 for three in before.values())  # plot, totals, list agree
    go_to(window.prediction_view, 0, 0)  # y1's first cell
    press(qtbot, window.prediction_view, Qt.Key.Key_Delete,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.prediction_names == ("y2",)
    assert shown_colours(window) == {"y2": before["y2"]}
    press(qtbot, window.prediction_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.prediction_names == ("y1", "y2")
    assert shown_colours(window) == before
    press(qtbot, window.prediction_view, Qt.Key.Key_Z,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # redo
    assert shown_colours(window) == {"y2": before["y2"]}
    window.add_prediction()  # a new one takes the free colour, not y2's
    QApplication.processEvents()
    after = shown_colours(window)
    assert after["y2"] == before["y2"] and after["y1"] == before["y1"]


# --- item 15: rows of the side-by-side tables stay level ----------------------------------------

def first_row_top(view: QTableView, window: MainWindow) -> int:
    """Where row 1 of ``view`` starts, in window coordinates."""
    rect = view.visualRect(view.model().index(0, 0))
    return view.viewport().mapTo(window, rect.topLeft()).y()


@pytest.mark.parametrize("name", ["予測", "ŷ₁", "Ég"])
def test_a_tall_column_name_keeps_the_rows_of_t_and_y_level(
    window: MainWindow, name: str
) -> None:
    window.ask_text = lambda *_: name  # type: ignore[method-assign]
    window.rename_prediction()  # y1 is current
    QApplication.processEvents()
    assert window.document.names[1] == name
    target, predictions = window.target_view, window.prediction_view
    assert predictions.horizontalHeader().sizeHint().height() >= \
        target.horizontalHeader().sizeHint().height()
    assert target.horizontalHeader().height() == predictions.horizontalHeader().height()
    assert first_row_top(target, window) == first_row_top(predictions, window)
    choose_loss(window, "softmax_cee")  # the probabilities table joins them: softmax(予測)
    probabilities = window.probability_view
    assert not probabilities.isHidden()
    heights = {view.horizontalHeader().height() for view in (target, predictions, probabilities)}
    assert len(heights) == 1
    assert first_row_top(probabilities, window) == first_row_top(target, window)


# --- item 15: the rename dialog's title -------------------------------------------------------

def test_the_rename_dialog_is_wide_enough_for_its_whole_title(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: list[tuple[str, int, int]] = []

    def look_and_type() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        font = dialog.font()
        font.setBold(True)
        title = QFontMetrics(font).horizontalAdvance(dialog.windowTitle())
        # the window manager's icon and three buttons take about a title bar's height each
        buttons = 4 * dialog.style().pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight)
        seen.append((dialog.windowTitle(), dialog.width(), title + buttons))
        line = dialog.findChild(QLineEdit)
        line.selectAll()
        qtbot.keyClicks(line, "sharp")
        qtbot.keyClick(line, Qt.Key.Key_Return)

    QTimer.singleShot(0, look_and_type)
    go_to(window.prediction_view, 0, 1)
    press(qtbot, window.prediction_view, Qt.Key.Key_R,
          Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.document.prediction_names == ("y1", "sharp")
    (title, width, needed), = seen
    assert title == "Rename prediction"
    assert width >= needed
