"""Helpers for the GUI tests: drive the tables with the keyboard as a user does."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import numpy as np
from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QTextDocument
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from lossgui.gui.main_window import MainWindow
from lossgui.gui.panels.formula_panel import FormulaPanel
from lossgui.gui.sheet.sheet_view import SheetView

WindowFactory = Callable[..., MainWindow]
W = TypeVar("W", bound=QWidget)


def go_to(view: SheetView, row: int, column: int) -> None:
    """Focus ``view`` and make (row, column) the current, selected cell."""
    view.setFocus()
    # Explicit flags: without an event the view reads the global modifier state, which a
    # synthetic Ctrl+Z can leave behind.
    view.selectionModel().setCurrentIndex(
        view.model().index(row, column), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def editor_of(view: SheetView) -> QLineEdit:
    """The open cell editor."""
    focus = QApplication.focusWidget()
    if isinstance(focus, QLineEdit):
        return focus
    editors = view.viewport().findChildren(QLineEdit)
    assert editors, "no cell editor is open"
    return editors[-1]


def type_into(qtbot: QtBot, view: SheetView, row: int, column: int, text: str,
              end: Qt.Key = Qt.Key.Key_Return) -> None:
    """Type over a cell as a user does: the first key opens the editor, ``end`` commits."""
    go_to(view, row, column)
    type_text(view, text[0])
    editor = editor_of(view)
    type_text(editor, text[1:])
    qtbot.keyClick(editor, end)
    QApplication.processEvents()  # the delegate commits an Enter through a queued call


def type_text(widget: QWidget, text: str) -> None:
    """Send one key press per character; works for １．５ too, which QTest cannot type."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def when_modal(kind: type[W], act: Callable[[W], None], tries: int = 100) -> None:
    """Call ``act`` with the active modal widget once it is a ``kind`` (a real dialog opened
    by what the test does next), looking every 20 ms, ``tries`` times at most: a dialog that
    never opens leaves no timer running into the next test."""
    left = [tries]

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind):
            act(widget)
            return
        left[0] -= 1
        if left[0] > 0:
            QTimer.singleShot(20, look)
    QTimer.singleShot(0, look)


def paste(qtbot: QtBot, view: SheetView, row: int, column: int, text: str) -> None:
    """Ctrl+V of ``text`` at (row, column) of ``view``, as a user pastes a copied block."""
    go_to(view, row, column)
    QApplication.clipboard().setText(text)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def press(qtbot: QtBot, widget: QWidget, key: Qt.Key | str,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key (shortcuts included) on a widget of an active window.

    A window's shortcuts (Ctrl+Z) answer only while it is the active window. After a dialog
    closes (the progress dialog of a big paste, shown when the machine is slow), the window
    becomes active again a moment later, when Qt handles the window system's event: wait for
    that, as a user's next key press would come after it.
    """
    window = widget.window()
    if window.isVisible() and QApplication.activeModalWidget() is None:
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(widget, key, modifier)


def choose_space(qtbot: QtBot, window: MainWindow, space: str) -> None:
    """Pick "Step on" from the combo box with the keyboard, as a user would."""
    box = window.learn_panel.space_box
    box.setFocus()
    target = box.findData(space)
    key = Qt.Key.Key_Down if target > box.currentIndex() else Qt.Key.Key_Up
    while box.currentIndex() != target:
        qtbot.keyClick(box, key)


def column_values(window: MainWindow, column: int) -> np.ndarray:
    """A document column as a plain array."""
    return np.array(window.document.column(column))


def total_text(window: MainWindow, prediction: int) -> str:
    """The total shown for the ``prediction``-th prediction (0-based), as the user reads it."""
    item = window.results.table.item(prediction, 1)
    return item.text() if item else ""


def is_best(window: MainWindow, prediction: int) -> bool:
    """Whether the ``prediction``-th prediction carries the ★ of the lowest loss."""
    item = window.results.table.item(prediction, 2)
    return bool(item and "★" in item.text())


def formula_text(panel: FormulaPanel) -> str:
    """The written-out formula as shown, without its formatting."""
    text = QTextDocument()
    text.setHtml(panel.formula.text())
    return text.toPlainText()


def click(qtbot: QtBot, button: QWidget) -> None:
    """A left click on ``button``, as the user gives it."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def learn_drawn(qtbot: QtBot, window: MainWindow) -> None:
    """Let the Learn panel and the steps plot draw: they do it once per step, after the event."""
    qtbot.waitUntil(lambda: not window.steps_plot._pending.isActive()
                    and not window.learn_panel._pending.isActive())


def switched(qtbot: QtBot, window: MainWindow, lang: str) -> MainWindow:
    """View ▸ Language: the rebuilt window, shown and active so that it takes keys."""
    rebuilt = window.switch_language(lang)
    qtbot.addWidget(rebuilt)
    qtbot.waitExposed(rebuilt)
    rebuilt.activateWindow()
    QApplication.processEvents()
    return rebuilt


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


def window_in(qtbot: QtBot, make_window: WindowFactory, lang: str, **kwargs: object) -> MainWindow:
    """A new window in ``lang`` ("en", or "ja" switched to by View ▸ Language as a user does)."""
    window = make_window(**kwargs)
    return switched(qtbot, window, lang) if lang == "ja" else window
