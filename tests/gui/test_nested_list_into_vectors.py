"""A nested list pasted into the vector tables is read one list per column when its lists are
longer than they are many, as ``np.array([t, y1])`` prints them (round-7 tester L4: the
article's two vectors pasted at t row 1 became five rows of two, t = [0, 0.01, 0, 1, 0], and
y3, y4 were made). Real Ctrl+V."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from gui_helpers import paste, switched
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lossgui.gui import language
from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
T = [0.0, 1.0, 0.0, 1.0, 0.0]
Y1 = [0.01, 0.65, 0.13, 0.70, 0.15]


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)



@pytest.mark.parametrize("text", [
    "[[0, 1, 0, 1, 0], [0.01, 0.65, 0.13, 0.70, 0.15]]",
    "np.array([[0, 1, 0, 1, 0], [0.01, 0.65, 0.13, 0.70, 0.15]])",
])
def test_two_lists_of_five_fill_t_and_y1(qtbot: QtBot, window: MainWindow, text: str) -> None:
    document = window.document
    before_y2 = np.array(document.column(2))
    window.document.edit_cells(0, 0, [[9.0], [9.0], [9.0], [9.0], [9.0]])  # t to be replaced
    paste(qtbot, window.target_view, 0, 0, text)
    assert document.names == ("t", "y1", "y2") and document.row_count == 5
    np.testing.assert_array_equal(document.column(0), T)
    np.testing.assert_array_equal(document.column(1), Y1)
    np.testing.assert_array_equal(document.column(2), before_y2)
    assert window.statusBar().currentMessage() == \
        "Read the 2 lists as columns, one vector each (a table row is an element k)."


def test_a_column_vector_stays_a_column(qtbot: QtBot, window: MainWindow) -> None:
    paste(qtbot, window.prediction_view, 0, 0, "[[0.2], [0.3], [0.4]]")
    np.testing.assert_array_equal(window.document.column(1)[:3], [0.2, 0.3, 0.4])
    assert window.document.names == ("t", "y1", "y2")


def test_said_in_japanese(qtbot: QtBot, window: MainWindow) -> None:
    window = switched(qtbot, window, "ja")
    paste(qtbot, window.target_view, 0, 0, "[[0, 1, 0, 1, 0], [0.01, 0.65, 0.13, 0.70, 0.15]]")
    assert window.statusBar().currentMessage() == \
        "2 個のリストを、それぞれ1つのベクトルとして列に読みました(表の1行が要素 k です)。"
