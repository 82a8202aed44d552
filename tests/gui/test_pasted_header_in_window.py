"""A pasted block whose first row is a header, at any width: real Ctrl+V into the real window.

Round 3's tester (finding 10): a 3-column block with the header 正解 予測A 予測B pasted at t row 1
left its names out, while a 1-column block with the header 予測 1 pasted into y1 renamed y1. One
rule now: the header names every prediction column it lands on (as opening a CSV does), in the
same undo step as the numbers; the target keeps its name and its role.
"""

from __future__ import annotations

import numpy as np
from gui_helpers import WindowFactory, paste
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier



def test_a_three_column_block_at_t_names_the_predictions_it_lands_on(
    qtbot: QtBot, window: MainWindow
) -> None:
    document = window.document
    before = [np.array(document.column(c)) for c in range(3)]
    paste(qtbot, window.target_view, 0, 0,
          "正解\t予測A\t予測B\r\n0\t0.1\t0.2\r\n1\t0.7\t0.6\r\n0\t0.2\t0.2\r\n")
    assert document.names == ("t", "予測A", "予測B")
    np.testing.assert_array_equal(document.column(0)[:3], [0.0, 1.0, 0.0])
    np.testing.assert_array_equal(document.column(1)[:3], [0.1, 0.7, 0.2])
    np.testing.assert_array_equal(document.column(2)[:3], [0.2, 0.6, 0.2])
    message = window.statusBar().currentMessage()
    assert "read as column names" in message
    assert "y1 → 予測A, y2 → 予測B" in message
    assert "t keeps its name" in message
    qtbot.keyClick(window.target_view, Qt.Key.Key_Z, CTRL)  # one undo step takes back all
    assert document.names == ("t", "y1", "y2")
    for c, column in enumerate(before):
        np.testing.assert_array_equal(document.column(c), column)


def test_a_one_column_block_names_its_prediction_the_same_way(
    qtbot: QtBot, window: MainWindow
) -> None:
    document = window.document
    paste(qtbot, window.prediction_view, 0, 0, "予測 1\n0.1\n0.2\n0.3\n")
    assert document.names == ("t", "予測 1", "y2")
    np.testing.assert_array_equal(document.column(1)[:3], [0.1, 0.2, 0.3])
    message = window.statusBar().currentMessage()
    assert "read as column names" in message and "y1 → 予測 1" in message
    assert "t keeps" not in message  # t was not under the paste
    qtbot.keyClick(window.prediction_view, Qt.Key.Key_Z, CTRL)
    assert document.names == ("t", "y1", "y2") and document.value(0, 1) == 0.01


def test_a_header_over_t_alone_is_left_out_and_says_why(
    qtbot: QtBot, window: MainWindow
) -> None:
    document = window.document
    paste(qtbot, window.target_view, 0, 0, "label\n1\n0\n")
    assert document.names == ("t", "y1", "y2")
    assert list(document.column(0)[:2]) == [1.0, 0.0]
    message = window.statusBar().currentMessage()
    assert "it was left out" in message and "t keeps its name" in message


def test_a_space_separated_header_names_each_column(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Text copied from a page (spaces, no tabs): the header splits as the numbers under it do."""
    paste(qtbot, window.prediction_view, 0, 0, "a b\n0.1 0.2\n0.3 0.4\n")
    assert window.document.names == ("t", "a", "b")
    np.testing.assert_array_equal(window.document.column(2)[:2], [0.2, 0.4])


def test_a_header_running_past_the_last_prediction_names_the_new_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    paste(qtbot, window.prediction_view, 0, 1, "second\tthird\n0.1\t0.2\n")
    assert window.document.names == ("t", "y1", "second", "third")
    np.testing.assert_array_equal(window.document.column(3)[:1], [0.2])


def test_an_unusable_name_keeps_the_column_its_own_and_says_why(
    qtbot: QtBot, window: MainWindow
) -> None:
    paste(qtbot, window.prediction_view, 0, 0, "t\tfine\n0.1\t0.2\n")
    assert window.document.names == ("t", "y1", "fine")
    assert window.document.value(0, 1) == 0.1  # the numbers went in all the same
    message = window.statusBar().currentMessage()
    assert "y2 → fine" in message
    assert "y1 keeps its name: t is the target's name" in message


def test_the_header_message_is_japanese_in_a_japanese_window(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    from lossgui.gui import language

    try:
        window = make_window().switch_language("ja")
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        paste(qtbot, window.target_view, 0, 0, "正解\t予測A\n0\t0.1\n1\t0.9\n")
        message = window.statusBar().currentMessage()
        assert window.document.names == ("t", "予測A", "y2"), (message, window.document.column(0))
        message = window.statusBar().currentMessage()
        assert "列名として読みました" in message and "y1 → 予測A" in message
        assert "t は正解なので" in message
    finally:
        language.install(language.ENGLISH)
