"""tester9's findings taken by the lead (round 7), driven through the real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from gui_helpers import column_values, editor_of, go_to, switched, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from lossgui.gui import language
from lossgui.gui.main_window import MainWindow
from lossgui.gui.sheet.sheet_view import SheetView


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)


# --- #9: the row numbers of a large file are cut ---------------------------------------------

def test_the_row_numbers_fit_a_large_file_opened_over_a_small_one(window: MainWindow,
                                                                  tmp_path: Path) -> None:
    """The article has 5 rows; a file of 123,456 opened over it shows "123456" whole in the
    row header (it read "999" at 10⁶ rows: the header kept the article's width)."""
    path = tmp_path / "big.csv"
    rows = 123_456
    t = np.arange(rows) % 2
    np.savetxt(path, np.column_stack([t, np.full(rows, 0.25)]), delimiter=",",
               header="t,y1", comments="", fmt=["%d", "%.2f"])
    narrow = window.target_view.verticalHeader().width()
    assert window.files.open_path(str(path), ask_first=False)
    QApplication.processEvents()
    header = window.target_view.verticalHeader()
    needed = header.fontMetrics().horizontalAdvance(f"{rows}")
    assert header.width() > narrow and header.width() >= needed + 8
    window.target_view.go_to(rows - 1, 0)
    QApplication.processEvents()
    assert header.width() >= needed + 8


# --- #2: typing on past the last row ----------------------------------------------------------

def _keys(qtbot: QtBot, window: MainWindow, *strokes: str | Qt.Key) -> None:
    """Type as a user does, into whatever has the keyboard: text, Enter, Tab."""
    for stroke in strokes:
        widget = QApplication.focusWidget()
        assert isinstance(widget, QWidget)
        if isinstance(stroke, str):
            type_text(widget, stroke[0])  # opens the cell's editor, which takes the rest
            QApplication.processEvents()
            rest = QApplication.focusWidget()
            assert isinstance(rest, QWidget)
            type_text(rest, stroke[1:])
        else:
            qtbot.keyClick(widget, stroke)
        QApplication.processEvents()


def _start(window: MainWindow, view: SheetView, row: int, column: int) -> None:
    window.activateWindow()
    view.setFocus()
    go_to(view, row, column)


def test_enter_on_the_last_row_then_typing_on_adds_a_row(qtbot: QtBot, window: MainWindow):
    """Article (5 rows), y1 row 5: 0.2 Enter 0.3 Enter. The 0.3 went over the 0.2 (tester9)."""
    _start(window, window.prediction_view, 4, 0)
    _keys(qtbot, window, "0.2", Qt.Key.Key_Return)
    assert window.document.row_count == 5  # Enter alone adds nothing: no blank row to explain
    assert "Ctrl+Return" in window.statusBar().currentMessage()
    _keys(qtbot, window, "0.3", Qt.Key.Key_Return)
    assert window.document.row_count == 6
    assert column_values(window, 1)[4] == 0.2 and column_values(window, 1)[5] == 0.3
    assert np.isnan(column_values(window, 0)[5])  # t of the new row is blank, to be typed


def test_tab_past_the_last_cell_stays_in_the_tables_and_typing_on_adds_a_row(
        qtbot: QtBot, window: MainWindow) -> None:
    """y2 row 5: 0.5 Tab 1 Tab 0.9 Enter. Tab left the tables and 1 and 0.9 went nowhere."""
    _start(window, window.prediction_view, 4, 1)
    _keys(qtbot, window, "0.5", Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in (window.prediction_view, editor_of_or_none(window))
    _keys(qtbot, window, "1", Qt.Key.Key_Tab, "0.9", Qt.Key.Key_Return)
    assert window.document.row_count == 6
    t, y1, y2 = (column_values(window, column) for column in range(3))
    assert y2[4] == 0.5 and t[5] == 1.0 and y1[5] == 0.9


def editor_of_or_none(window: MainWindow) -> QWidget | None:
    try:
        return editor_of(window.prediction_view)
    except AssertionError:
        return None


def test_moving_away_after_enter_on_the_last_row_adds_no_row(qtbot: QtBot,
                                                             window: MainWindow) -> None:
    _start(window, window.prediction_view, 4, 0)
    _keys(qtbot, window, "0.2", Qt.Key.Key_Return, Qt.Key.Key_Up, "0.7", Qt.Key.Key_Return)
    assert window.document.row_count == 5
    assert column_values(window, 1)[3] == 0.7 and column_values(window, 1)[4] == 0.2


def test_the_hint_at_the_last_row_is_japanese_too(qtbot: QtBot, window: MainWindow) -> None:
    window = switched(qtbot, window, "ja")
    _start(window, window.prediction_view, 4, 0)
    _keys(qtbot, window, "0.2", Qt.Key.Key_Return)
    message = window.statusBar().currentMessage()
    assert "Ctrl+Return" in message and "最後の行" in message


# --- #7: a long prediction name hides the totals ------------------------------------------------

LONG = "resnet50_finetuned_epoch_37_with_label_smoothing_and_mixup_v2"


def test_a_long_name_leaves_the_total_in_sight(window: MainWindow) -> None:
    """The totals read "0…" and "2.…" beside the name: the total column always shows its
    number, and the name is shortened in the middle (its end tells runs apart), whole on hover."""
    window.document.rename_prediction(2, LONG)
    QApplication.processEvents()
    table = window.results.table
    total = table.item(1, 1)
    needed = table.fontMetrics().horizontalAdvance(total.text())
    assert table.columnWidth(1) >= needed + 6
    assert sum(table.columnWidth(c) for c in range(3)) <= table.viewport().width()
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert table.item(1, 0).toolTip() == LONG
    header = window.prediction_view.horizontalHeader()
    assert header.textElideMode() == Qt.TextElideMode.ElideMiddle


# --- L1: Ctrl+V with the plot focused pasted into t ---------------------------------------------

def test_a_paste_with_the_plot_focused_goes_to_the_cell_last_used(qtbot: QtBot,
                                                                  window: MainWindow) -> None:
    """y2 row 3, a click on the plot, Ctrl+V of five numbers: they went into t rows 3–7."""
    t_before = column_values(window, 0).copy()
    _start(window, window.prediction_view, 2, 1)
    plot = window.plot_panel.plot
    plot.setFocus()
    QApplication.processEvents()
    assert QApplication.focusWidget() is not window.prediction_view
    QApplication.clipboard().setText("[0.5, 0.5, 0.5, 0.5, 0.5]")
    qtbot.keyClick(plot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert list(column_values(window, 0)[:5]) == list(t_before)
    assert list(column_values(window, 2)[2:7]) == [0.5] * 5


def test_enter_on_the_last_sample_of_a_batch_then_typing_on_adds_a_sample(
        qtbot: QtBot, window: MainWindow) -> None:
    """Logits batch, z of sample 4: 1 Enter 3 Enter left 3 over the 1 (tester9 L2)."""
    window.load_named_example("logits_batch")
    QApplication.processEvents()
    z_view = window.batch_sheet.tabs.widget(0)
    assert isinstance(z_view, SheetView)
    samples = window.document.model.samples
    _start(window, z_view, samples - 1, 0)
    _keys(qtbot, window, "1", Qt.Key.Key_Return)
    assert window.document.model.samples == samples
    assert "type on to add a row" in window.statusBar().currentMessage()
    _keys(qtbot, window, "3", Qt.Key.Key_Return)
    z = window.document.model.column(1)
    assert window.document.model.samples == samples + 1
    assert z[samples - 1, 0] == 1.0 and z[samples, 0] == 3.0


# --- #14: an edit of one prediction bins only that prediction again ------------------------------

def test_an_edit_bins_only_the_edited_predictions_envelope(window: MainWindow, tmp_path: Path,
                                                           monkeypatch) -> None:
    from lossgui.gui.panels import plot_panel

    rows = 50_000
    path = tmp_path / "many.csv"
    np.savetxt(path, np.column_stack([np.arange(rows) % 2, np.full(rows, 0.25),
                                      np.full(rows, 0.75)]),
               delimiter=",", header="t,y1,y2", comments="", fmt=["%d", "%.2f", "%.2f"])
    assert window.files.open_path(str(path), ask_first=False)
    QApplication.processEvents()
    binned: list[float] = []
    real = plot_panel.envelope

    def counted(values, *args):  # type: ignore[no-untyped-def]
        binned.append(float(values[0]))
        return real(values, *args)

    monkeypatch.setattr(plot_panel, "envelope", counted)
    assert window.document.edit_cells(7, 1, [[0.5]])  # y1 of element 8 (t = 1): (0.5 − 1)²
    QApplication.processEvents()
    assert len(binned) == 1  # y1's, not y2's again
    assert binned == [0.0625]  # y1's contributions begin with (0.25 − 0)²


# --- #7 (final list): the steps markers on a logarithmic E axis sat at 10^E ------------------

def test_the_current_step_markers_sit_on_the_lines_on_a_log_axis(qtbot: QtBot,
                                                                 window: MainWindow) -> None:
    """Article (sse), Logarithmic E axis, three Steps: the markers were at 10^3.43 and 10^0.077."""
    window.steps_plot.log_box.setChecked(True)
    for _ in range(3):
        qtbot.mouseClick(window.learn_panel.step_button, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
    points = window.steps_plot.points.getData()
    for j, line in enumerate(window.steps_plot.lines):
        xs, ys = line.getData()  # in the log axis' coordinates: log10 E
        assert points[0][j] == xs[-1] and points[1][j] == pytest.approx(ys[-1])
    totals = window.learning.trace().totals
    assert points[1][0] == pytest.approx(np.log10(totals[0][-1]))
