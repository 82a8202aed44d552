"""The selection shown is the one Delete and Copy act on: one table at a time (issue 10 item 11).

Driven with real key events (Ctrl+V, Delete, Ctrl+Z, Ctrl+Shift+Z) on the article's window.
"""

from __future__ import annotations

import math

import numpy as np
from gui_helpers import go_to
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.gui.main_window import MainWindow
from lossgui.gui.sheet.sheet_view import SheetView

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def shown(view: SheetView) -> set[tuple[int, int]]:
    """The cells drawn as selected in ``view`` (row, view column)."""
    return {(i.row(), i.column()) for i in view.selectionModel().selectedIndexes()}


def key(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
        ) -> None:
    """A key pressed wherever the keyboard focus is, as a user does."""
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key, modifier)
    QApplication.processEvents()


def test_after_a_paste_into_t_only_t_looks_selected_and_delete_clears_what_is_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    t, y = window.target_view, window.prediction_view
    go_to(t, 2, 0)
    QApplication.clipboard().setText("0.5\n0.25\n")
    key(qtbot, Qt.Key.Key_V, CTRL)
    assert list(window.document.column(0)[2:4]) == [0.5, 0.25]
    assert shown(t) == {(2, 0), (3, 0)}
    assert shown(y) == set()  # not mirrored: Delete would not touch it
    y_before = [list(window.document.column(c)) for c in (1, 2)]
    key(qtbot, Qt.Key.Key_Delete)
    assert all(math.isnan(v) for v in window.document.column(0)[2:4])
    assert [list(window.document.column(c)) for c in (1, 2)] == y_before


def test_clicking_into_the_other_table_leaves_one_selection(qtbot: QtBot, window: MainWindow
                                                            ) -> None:
    t, y = window.target_view, window.prediction_view
    go_to(t, 1, 0)
    qtbot.mouseClick(y.viewport(), Qt.MouseButton.LeftButton,
                     pos=y.visualRect(y.model().index(3, 1)).center())
    assert y.hasFocus() and shown(y) == {(3, 1)} and shown(t) == set()
    assert t.currentIndex().row() == 3  # the rows still go together
    QApplication.clipboard().clear()
    key(qtbot, Qt.Key.Key_C, CTRL)
    assert QApplication.clipboard().text() == "0.33\r\n"
    # Ctrl+1 back into t: t's current cell becomes its selection, y's goes.
    key(qtbot, Qt.Key.Key_1, CTRL)
    assert t.hasFocus() and shown(t) == {(3, 0)} and shown(y) == set()


def test_undo_and_redo_of_a_paste_select_the_block_they_changed(
    qtbot: QtBot, window: MainWindow
) -> None:
    t, y = window.target_view, window.prediction_view
    document = window.document
    go_to(t, 3, 0)
    QApplication.clipboard().setText("1\n0\n1\n0\n")  # two rows past the end
    key(qtbot, Qt.Key.Key_V, CTRL)
    assert document.row_count == 7 and shown(t) == {(r, 0) for r in range(3, 7)}
    go_to(t, 0, 0)  # elsewhere before undoing
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert document.row_count == 5
    assert shown(t) == {(3, 0), (4, 0)} and shown(y) == set()  # what is left of the block
    assert t.currentIndex().row() == 3
    key(qtbot, Qt.Key.Key_Z, CTRL | SHIFT)
    assert document.row_count == 7
    assert shown(t) == {(r, 0) for r in range(3, 7)} and shown(y) == set()

    # A paste into y, undone while the focus is in t: the block is selected in y, and y is
    # where Delete now acts.
    go_to(y, 1, 0)
    QApplication.clipboard().setText("0.5\t0.6\n0.7\t0.8\n")
    key(qtbot, Qt.Key.Key_V, CTRL)
    assert shown(y) == {(1, 0), (1, 1), (2, 0), (2, 1)} and shown(t) == set()
    go_to(t, 0, 0)
    assert shown(y) == set()
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert document.value(1, 1) == 0.65
    assert y.hasFocus() and shown(y) == {(1, 0), (1, 1), (2, 0), (2, 1)} and shown(t) == set()
    key(qtbot, Qt.Key.Key_Delete)
    assert np.isnan(document.block(1, 1, 2, 2)).all()
    assert not np.isnan(document.column(0)).any()
