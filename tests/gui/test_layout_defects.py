"""Issue 10 item 15 (layout) and the tester's colour finding, driven through the real widgets.

Geometry is read from the widgets (header heights, column widths, the plot's view range), never
compared with numbers written here.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg  # type: ignore[import-untyped]
import pytest
from gui_helpers import WindowFactory, go_to, press, type_into
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QStyle,
    QTableView,
)
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


# --- item 15: the notes list every problem the status bar counts -------------------------------

def test_a_blank_cell_is_listed_in_the_notes_as_the_status_counts_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    go_to(window.prediction_view, 1, 0)  # y1, row 2
    press(qtbot, window.prediction_view, Qt.Key.Key_Delete)
    assert window.problem_label.text().startswith("1 problem")
    notes = window.notes.toPlainText()
    (message,) = window.document.cell_messages(1, 1)  # what the red cell's tooltip says
    assert message.startswith("y₂ is missing")
    # named once, as the window names an element: not "y1: y₂ is missing" (round-3 tester)
    assert notes.splitlines()[0] == "⚠ y1, element 2" + message.removeprefix("y₂")


def test_problems_beyond_the_listed_ones_are_counted_in_the_notes(
    make_window: WindowFactory,
) -> None:
    window = make_window(["t", "y"], [[1.0] * 30, [0.0] * 30], "cee")  # log 0 thirty times
    count = window.document.problem_count
    assert window.problem_label.text().startswith(f"{count} problems")
    lines = window.notes.toPlainText().splitlines()
    # the core's own summary of the rest ("…and 10 more elements: …") is a warning too, and
    # is what a red cell beyond the listed ones points to; it is not a listed cell
    summary = [line for line in lines if line.startswith("⚠ y: …and 10 more elements")]
    listed = [line for line in lines if line.startswith("⚠ y, element ")]
    more = [line for line in lines if "more cells have a problem" in line]
    assert listed and len(more) == 1 and len(summary) == 1
    assert len(listed) + int(more[0].split()[1]) == count


# --- item 15: the notes are never cut mid-line ---------------------------------------------------

EDGE = 2  # px of a line's leading that may show at an edge of the notes (see assert_no_line_cut)


def line_rects(notes: QPlainTextEdit) -> list[QRectF]:
    """Every laid-out line of the notes, in viewport coordinates."""
    rects = []
    block = notes.document().firstBlock()
    offset = notes.contentOffset()
    while block.isValid():
        top = notes.blockBoundingGeometry(block).translated(offset).top()
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            rects.append(QRectF(line.x(), top + line.y(), line.naturalTextWidth(), line.height()))
        block = block.next()
    return rects


def assert_no_line_cut(notes: QPlainTextEdit) -> None:
    """Each line is wholly in the viewport or wholly out of it, and none runs past its right.

    Scrolled into a wrapped block, Qt leaves the previous line's last pixel row above the first
    whole line (no glyph reaches it): up to EDGE px of a line count as out of sight.
    """
    height, width = notes.viewport().height(), notes.viewport().width()
    for rect in line_rects(notes):
        inside = rect.top() >= 0 and rect.bottom() <= height + 0.5
        outside = rect.bottom() <= EDGE or rect.top() >= height - EDGE
        assert inside or outside, (rect, height)
        assert rect.right() <= width + 0.5


def blank_and_notes(qtbot: QtBot, window: MainWindow) -> None:
    """The tester's case: cee (t has two ones, y2 sums to 2.01) and y1₂ blanked."""
    choose_loss(window, "cee")
    go_to(window.prediction_view, 1, 0)
    press(qtbot, window.prediction_view, Qt.Key.Key_Delete)
    assert len(window.notes.toPlainText().splitlines()) == 3


def test_the_notes_show_every_line_whole_at_the_default_size(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1100, 700)  # the size a first start opens at
    QApplication.processEvents()
    blank_and_notes(qtbot, window)
    notes = window.notes
    qtbot.waitUntil(lambda: assert_no_line_cut(notes), timeout=2000)  # once laid out
    shown = [r for r in line_rects(notes) if r.bottom() <= notes.viewport().height() + 0.5]
    assert len(shown) >= min(len(line_rects(notes)), 6)  # room was made for the lines
    # the tables keep at least a few rows in sight
    view = window.target_view
    assert view.viewport().height() >= 4 * view.rowHeight(0)


def test_at_800_by_600_the_notes_scroll_and_no_line_is_cut(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(800, 600)
    QApplication.processEvents()
    blank_and_notes(qtbot, window)
    notes = window.notes
    qtbot.waitUntil(lambda: assert_no_line_cut(notes), timeout=2000)
    bar = notes.verticalScrollBar()
    assert bar.maximum() > 0  # more lines than room: they scroll
    for value in range(bar.minimum(), bar.maximum() + 1):
        bar.setValue(value)  # the panel trims its viewport once Qt has laid the lines out
        qtbot.waitUntil(lambda: assert_no_line_cut(notes), timeout=2000)
    last = line_rects(notes)[-1]  # scrolled to the end, the last line is in sight
    assert last.bottom() <= notes.viewport().height() + 0.5


# --- item 15: long numbers widen their column -----------------------------------------------

def shown_whole(view: QTableView, row: int, column: int) -> bool:
    """Whether the cell's text fits its column as drawn (Qt elides it to "0.3000…" if not)."""
    text = view.model().data(view.model().index(row, column))
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    room = view.columnWidth(column) - 2 * margin - 1  # the grid line takes a pixel
    metrics = view.fontMetrics()
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, room) == text


@pytest.mark.parametrize("typed", ["0.30000000000000004", "1.2345678901234567e-05",
                                   "-2.2250738585072014e-308"])
def test_a_long_number_widens_its_column_to_be_read_whole(
    qtbot: QtBot, window: MainWindow, typed: str
) -> None:
    predictions, target = window.prediction_view, window.target_view
    width_y2 = predictions.columnWidth(1)
    type_into(qtbot, predictions, 2, 0, typed)
    assert window.document.value(2, 1) == float(typed)
    assert shown_whole(predictions, 2, 0)
    assert predictions.columnWidth(1) == width_y2  # only the edited column grows
    type_into(qtbot, predictions, 2, 0, "0.5")  # a short value: the column keeps its width
    assert shown_whole(predictions, 2, 0)
    type_into(qtbot, target, 0, 0, typed)  # t too, and its table widens with its column
    assert shown_whole(target, 0, 0)
    assert target.viewport().width() >= target.columnWidth(0)


def test_a_pasted_block_and_a_new_document_fit_their_numbers(
    qtbot: QtBot, window: MainWindow
) -> None:
    predictions = window.prediction_view
    go_to(predictions, 0, 0)
    predictions.paste_text("0.1\r\n0.30000000000000004\r\n")  # past the first rows' widths too
    assert shown_whole(predictions, 1, 0)
    window.document.replace(["t", "y"], [[0.0, 1.0], [0.1, 0.2]])  # reopening: default widths
    QApplication.processEvents()
    assert predictions.columnWidth(0) == predictions.horizontalHeader().defaultSectionSize()


def test_a_new_document_fits_each_column_to_its_widest_cell_as_qt_sizes_it(
    window: MainWindow
) -> None:
    """The fit measures texts and asks Qt's size hint of the widest only: the width must be
    what asking every cell gives (a narrow-looking but wide text, a blank, a long one)."""
    values = [0.5, -1.2345678901234567e-300, math.nan, 0.30000000000000004, 1.0, -0.25,
              -123456789.75, 1e-07]
    columns = [list(np.roll(values, shift)) for shift in range(3)]
    window.document.replace(["t", "y1", "y2"], columns)
    QApplication.processEvents()
    for view in (window.target_view, window.prediction_view):
        model = view.model()
        for column in range(model.columnCount()):
            every_cell = max(view.sizeHintForIndex(model.index(row, column)).width() + 2
                             for row in range(model.rowCount()))
            header = view.horizontalHeader()
            expected = max(every_cell, header.sectionSizeFromContents(column).width(),
                           header.defaultSectionSize())
            assert view.columnWidth(column) == expected
            assert expected > header.defaultSectionSize()  # the cells decided it
