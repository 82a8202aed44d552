"""What a new user tripped over in the window (issue 10), driven through the real widgets."""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pytest
from gui_helpers import (
    WindowFactory,
    choose_loss,
    formula_text,
    go_to,
    hover,
    total_text,
    type_into,
)
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPushButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from lossgui.gui import language
from lossgui.gui.actions import plain_text, readable, shortcut_rows
from lossgui.gui.main_window import MainWindow
from lossgui.gui.panels.formula_panel import UNDEFINED_COLOUR


def test_hinge_shows_the_labels_used_and_says_so_in_the_notes(window: MainWindow) -> None:
    choose_loss(window, "hinge")
    formula = formula_text(window.formula_panel)
    assert formula.startswith("(1/5)·(max(0, 1−(−1)·0.01) + max(0, 1−1·0.65)")
    assert formula.endswith(f"= {window.document.evaluations[0].total:.6g}")
    notes = window.notes.toPlainText()
    assert "t, element 1 = 0 is read as −1" in notes  # named as a prediction cell is


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


def test_a_successful_open_clears_the_old_refusal(window: MainWindow, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert not window.open_path(str(empty))
    assert window.notice.isVisible() and "empty.csv" in window.notice_label.text()
    good = tmp_path / "good.csv"
    good.write_text("t,y1\n0,0.2\n1,0.7\n", encoding="utf-8")
    assert window.open_path(str(good))
    assert not window.notice.isVisible()
    assert "Opened" in window.statusBar().currentMessage()


def test_the_window_fits_a_small_screen(window: MainWindow) -> None:
    free = window.screen().availableGeometry()
    assert free.width() <= 800  # the offscreen screen is 800×600, as the laptop
    frame = window.frameGeometry()
    assert free.contains(frame), (free, frame)
    assert window.width() <= free.width() and window.height() < free.height()
    assert window.statusBar().isVisible()
    assert window.statusBar().mapTo(window, window.statusBar().rect().bottomRight()).y() \
        < free.height()


def _mnemonics(menu: QMenu) -> list[str]:
    letters = []
    for action in menu.actions():
        text = action.text().replace("&&", "")
        if "&" in text and not action.isSeparator():
            letters.append(text[text.index("&") + 1].lower())
    return letters


@pytest.mark.parametrize("code", ["en", "ja"])
def test_no_two_items_of_a_menu_share_a_mnemonic(
    make_window: WindowFactory, code: str
) -> None:
    language.install(code)
    try:
        window = make_window()
        for menu in window.menuBar().findChildren(QMenu):
            letters = _mnemonics(menu)
            assert len(letters) == len(set(letters)), (menu.title(), letters)
        bar = [a.text()[a.text().index("&") + 1].lower() for a in window.menuBar().actions()
               if "&" in a.text()]
        assert len(bar) == len(set(bar))
    finally:
        language.install("en")


def test_tab_visits_every_part_of_the_window_and_comes_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    choose_loss(window, "cee")  # eps and reduction editors, made after the window
    start = window.loss_panel.selector
    start.setFocus()
    seen: list[QWidget] = []
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        seen.append(focus)
        if focus is start:
            break
    assert seen[-1] is start, "Tab never came back to the loss selector"
    panel = window.plot_panel
    for widget in (window.loss_panel.editor("eps"), window.target_view, window.prediction_view,
                   window.results.table, window.formula_panel.prediction,
                   window.plot_tabs.tabBar(), panel.gradient_box):
        assert widget in seen, widget
    order = [seen.index(w) for w in (window.loss_panel.editor("eps"), window.target_view,
                                     window.results.table, window.formula_panel.prediction,
                                     panel.gradient_box)]
    assert order == sorted(order)  # top-down, left then right
    # Inside the tables Tab moves right cell by cell: t, then y1, y2, then out.
    assert seen.count(window.prediction_view) == 2 and seen.count(window.results.table) == 1


def test_a_pasted_column_with_its_header_is_named_by_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.prediction_view
    go_to(view, 0, 1)
    QApplication.clipboard().setText("pred\n0.1\n0.2\n0.3\n0.4\n0.5\n")
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    document = window.document
    assert document.names[2] == "pred"
    np.testing.assert_array_equal(document.column(2), [0.1, 0.2, 0.3, 0.4, 0.5])
    assert "read as column names" in window.statusBar().currentMessage()
    assert not window.notice.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # one undo step takes back both
    assert document.names[2] == "y2" and document.value(0, 2) == 0.34
    go_to(window.target_view, 0, 0)
    QApplication.clipboard().setText("label\n1\n0\n")
    qtbot.keyClick(window.target_view, Qt.Key.Key_V, CTRL)
    assert document.names[0] == "t" and list(document.column(0)[:2]) == [1.0, 0.0]
    assert "left out" in window.statusBar().currentMessage()


def test_save_data_as_csv_writes_the_tables_and_they_reopen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    type_into(qtbot, window.prediction_view, 2, 0, "0.25")
    go_to(window.prediction_view, 3, 1)
    qtbot.keyClick(window.prediction_view, Qt.Key.Key_Delete)  # a blank stays blank
    before = [np.array(window.document.column(c)) for c in range(3)]
    path = tmp_path / "mine.csv"
    window.files.ask_save_path = lambda *_: (str(path), "")  # type: ignore[method-assign]
    action = window.action_map["save_data"]
    assert action.text() == "Save &Data as CSV…"
    action.trigger()
    assert path.read_bytes().decode("utf-8").startswith("t,y1,y2\r\n0.0,0.01,0.34\r\n")
    assert "Saved the data" in window.statusBar().currentMessage()
    window.load_named_example("book")
    assert window.open_path(str(path))
    for c, expected in enumerate(before):
        np.testing.assert_array_equal(window.document.column(c), expected)


# --- desktop habits ------------------------------------------------------------------------------


def _offered(window: MainWindow) -> list[str]:
    menu = window.last_context_menu
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_right_click_menus_on_cells_headers_and_plot(qtbot: QtBot, window: MainWindow) -> None:
    view = window.prediction_view
    rect = view.visualRect(view.model().index(1, 0))
    view.customContextMenuRequested.emit(rect.center())  # what a right click sends
    assert _offered(window)[:4] == ["Cu&t", "&Copy", "&Paste", "C&lear Cells"]
    assert "&Insert Row Above" in _offered(window)
    window.last_context_menu.close()
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(1) + 5
    header.customContextMenuRequested.emit(QPoint(x, 5))
    assert _offered(window) == ["Re&name Prediction…", "&Remove Prediction", "Add &Prediction"]
    assert view.currentIndex().column() == 1  # the clicked column is the one acted on
    window.ask_text = lambda *_: "bad"  # type: ignore[method-assign]
    next(a for a in window.last_context_menu.actions() if a.text().startswith("Re&name")).trigger()
    assert window.document.names[2] == "bad"
    window.last_context_menu.close()
    plot = window.plot_panel.plot
    plot.customContextMenuRequested.emit(QPoint(50, 50))
    assert _offered(window) == ["&Reset Zoom", "Copy Plot &Image", "Export &Plot…"]
    window.last_context_menu.close()
    view_box = plot.getPlotItem().getViewBox()
    view_box.setXRange(2, 3)
    assert not view_box.autoRangeEnabled()[0]
    qtbot.keyClick(window.prediction_view, Qt.Key.Key_0, CTRL)  # View ▸ Reset Zoom
    assert view_box.autoRangeEnabled()[0]
    window.action_map["copy_plot"].trigger()
    assert not QApplication.clipboard().pixmap().isNull()


def test_help_lists_every_shortcut_from_the_action_table(window: MainWindow) -> None:
    window.action_map["shortcuts"].trigger()
    text = window.last_help.text()
    listed = {command: keys for _, command, keys in shortcut_rows(window.action_map)}
    for action in window.action_map.values():
        # Keys every keyboard has; not F14 or the dedicated Open key ("Open" reads as a name).
        keys = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText)
                         for key in action.shortcuts() if readable(key))
        if keys:
            assert listed[plain_text(action.text())] == keys
            assert f"<b>{html.escape(keys)}</b>" in text, action.text()
    assert "F14" not in text
    assert "Insert Row Above" in text and "Ctrl++" in text
    window.last_help.close()
    window.action_map["guide"].trigger()
    assert "Type or paste the target" in window.last_help.text()
    assert [s.toString() for s in window.action_map["guide"].shortcuts()] == ["F1"]
    window.last_help.close()


@pytest.mark.parametrize("size", [None, (800, 600)])
def test_a_first_run_hint_until_the_first_edit(
    qtbot: QtBot, make_window: WindowFactory, settings: QSettings,
    size: tuple[int, int] | None,
) -> None:
    """Visible at the window's first size and at 800×600, where the rows fill the tables (the
    hint drawn in their empty area was never seen there); gone for good after the first edit."""
    window = make_window(settings_=settings)
    if size is not None:
        window.resize(*size)
        QApplication.processEvents()
    hint, label = window.first_run_hint, window.first_run_label
    assert label.text().startswith("New here? Type a number")
    assert hint.isVisible()
    # All of it on screen: inside the window, not cut by the splitter, every line shown.
    assert window.rect().contains(QRect(hint.mapTo(window, QPoint(0, 0)), hint.size()))
    assert hint.visibleRegion().boundingRect() == hint.rect()
    assert label.height() >= label.heightForWidth(label.width())
    assert window.prediction_view.isVisible() and window.prediction_view.height() > 60
    type_into(qtbot, window.prediction_view, 0, 0, "0.5")
    assert not hint.isVisible()
    again = make_window(settings_=settings)
    assert not again.first_run_hint.isVisible()  # remembered


def test_the_first_run_hint_can_be_dismissed(
    qtbot: QtBot, make_window: WindowFactory, settings: QSettings,
) -> None:
    window = make_window(settings_=settings)
    close = window.first_run_hint.findChild(QToolButton)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not window.first_run_hint.isVisible()
    assert not make_window(settings_=settings).first_run_hint.isVisible()


def test_the_shortcut_list_fits_an_800x600_screen(window: MainWindow) -> None:
    """In a QMessageBox the list was 780 px tall: off an 800×600 screen, Close included
    (seen under Xvfb). Now it fits the free area and scrolls."""
    window.action_map["shortcuts"].trigger()
    dialog = window.last_help
    dialog.fit_to(QRect(0, 0, 800, 560))  # an 800×600 screen less its panel
    QApplication.processEvents()
    assert dialog.height() <= 560 - 60 + 1 and dialog.width() <= 760
    assert dialog.browser.verticalScrollBar().maximum() > 0  # the rest is a scroll away
    close = dialog.findChild(QPushButton)
    assert close is not None and close.isVisible()
    assert dialog.rect().contains(QRect(close.mapTo(dialog, QPoint(0, 0)), close.size()))
    dialog.close()
