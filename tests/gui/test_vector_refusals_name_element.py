"""A vector table's refusals and undo texts name a cell as the notes do (round 6): "y2 row 3"
beside the notes' "y2, element 3" was two names for one cell. Now core.names.element_of names
it everywhere: "y2, element 3" / 「y2 の要素 3」, for typing, pasting, Edit and Clear."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_helpers import go_to, press, switched, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.gui import language
from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)


@pytest.mark.parametrize(("lang", "typed", "pasted", "edit", "clear"), [
    ("en", "y2, element 3: 'abc' is not a number; the old value 0.91 is kept.",
     "Nothing was pasted: y2, element 3: 'abc' is not a number.",
     "&Undo Edit y1, element 2", "&Undo Clear y1, element 3"),
    ("ja", "y2 の要素 3: 'abc' は数ではありません。元の値 0.91 のままです。",
     "何も貼り付けませんでした: y2 の要素 3: 'abc' は数ではありません。",
     "元に戻す(&U) y1 の要素 2 を編集", "元に戻す(&U) y1 の要素 3 を空にする"),
])
def test_vector_refusals_and_undo_texts_name_the_element_as_the_notes_do(
    qtbot: QtBot, window: MainWindow, lang: str, typed: str, pasted: str, edit: str,
    clear: str,
) -> None:
    if lang != "en":
        window = switched(qtbot, window, lang)
    view = window.prediction_view
    type_into(qtbot, view, 2, 1, "abc")
    assert window.notice_label.text() == typed
    QApplication.clipboard().setText("0.1\t0.2\r\n0.3\tabc\r\n")
    go_to(view, 1, 0)
    press(qtbot, view, Qt.Key.Key_V, CTRL)
    assert window.notice_label.text() == pasted
    type_into(qtbot, view, 1, 0, "0.9")
    assert window.action_map["undo"].text() == edit
    go_to(view, 2, 0)
    press(qtbot, view, Qt.Key.Key_Delete)
    assert window.action_map["undo"].text() == clear
