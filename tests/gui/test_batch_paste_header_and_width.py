"""A batch paste takes a header row as a vector paste does, and a paste wider than K says so.

Round-7 tester #15: `正解⇥予測A…` with its header pasted into the article's vectors, but a batch
refused it ("'正解' is not a number"); the same block copied the same way is now read under its
header (a batch's columns are classes, so the header names nothing and is left out, said in the
status bar). #14: one row of 11 numbers pasted into the book's batch (K = 10) added class 10
without a word; now the notice says the paste's width, the old K and the new. Real Ctrl+V.
"""

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


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)



def _batch(window: MainWindow, key: str) -> MainWindow:
    window.load_named_example(key)
    assert window.document.model.samples > 1
    return window


def test_a_header_over_the_class_indices_is_left_out_and_said(
    qtbot: QtBot, window: MainWindow
) -> None:
    window = _batch(window, "logits_batch")
    paste(qtbot, window.batch_sheet.target_view, 0, 0, "正解\r\n2\r\n0\r\n")
    np.testing.assert_array_equal(window.document.file_column(0)[:2], [2.0, 0.0])
    assert not window.notice.isVisible()
    assert window.statusBar().currentMessage() == \
        "The first row ('正解') is a header: it was left out."
    assert window.document.names[0] == "t"


def test_a_header_over_a_predictions_classes_is_left_out_in_one_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    window = _batch(window, "logits_batch")
    before = np.array(window.document.model.column(1))
    z_view = window.batch_sheet.tabs.widget(0)
    paste(qtbot, z_view, 1, 0, "予測A\t予測B\t予測C\r\n1\t2\t3\r\n4\t5\t6\r\n")
    z = window.document.model.column(1)
    np.testing.assert_array_equal(z[1:3], [[1, 2, 3], [4, 5, 6]])
    assert window.document.model.elements == 3
    assert "('予測A', '予測B', '予測C') is a header" in window.statusBar().currentMessage()
    assert window.document.names[1] == "z"  # a batch's columns are classes: nothing renamed
    qtbot.keyClick(z_view, Qt.Key.Key_Z, CTRL)
    np.testing.assert_array_equal(window.document.model.column(1), before)


def test_a_header_over_a_cell_that_is_no_number_names_that_cell(
    qtbot: QtBot, window: MainWindow
) -> None:
    window = _batch(window, "logits_batch")
    paste(qtbot, window.batch_sheet.target_view, 0, 0, "正解\r\n2\r\nx\r\n")
    assert window.notice.label.text() == \
        "Nothing was pasted: t (class), sample 2: 'x' is not a number."


def test_a_row_wider_than_k_says_the_classes_it_added(
    qtbot: QtBot, window: MainWindow
) -> None:
    window = _batch(window, "book_batch")
    model = window.document.model
    assert model.elements == 10
    row = "\t".join(["0.1"] * 11) + "\r\n"
    paste(qtbot, window.batch_sheet.tabs.widget(0), 0, 0, row)
    assert model.elements == 11
    assert window.notice.isVisible()
    assert window.notice.label.text() == (
        "The paste has 11 columns from class 0 on, but the batch had K = 10 classes: it now "
        "has K = 11, the new classes blank wherever the paste did not reach. Ctrl+Z takes "
        "the paste back.")
    qtbot.keyClick(window.batch_sheet.tabs.widget(0), Qt.Key.Key_Z, CTRL)
    assert model.elements == 10


def test_a_paste_within_k_says_nothing_about_classes(
    qtbot: QtBot, window: MainWindow
) -> None:
    window = _batch(window, "book_batch")
    paste(qtbot, window.batch_sheet.tabs.widget(0), 0, 5, "\t".join(["0.1"] * 5) + "\r\n")
    assert window.document.model.elements == 10
    assert not window.notice.isVisible()


def test_the_added_classes_are_said_in_japanese(qtbot: QtBot, window: MainWindow) -> None:
    window = switched(qtbot, _batch(window, "book_batch"), "ja")
    paste(qtbot, window.batch_sheet.tabs.widget(0), 0, 8, "0.1\t0.2\t0.3\t0.4\r\n")
    assert window.document.model.elements == 12
    assert window.notice.label.text() == (
        "貼り付けはクラス 8 から 4 列ありますが、バッチのクラスは K = 10 でした。"
        "今は K = 12 で、新しいクラスは貼り付けが届かなかったところでは空欄です。"
        "Ctrl+Z で貼り付けを取り消せます。")
