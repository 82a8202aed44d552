"""An unexpected error while saving at Quit (Ctrl+Q ▸ Save) keeps the window and its data
(tester7, 1b: the window vanished behind the error box and OK ended the process)."""

from __future__ import annotations

import pytest
from gui_helpers import WindowFactory, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from lossgui.gui.files import controller


def test_a_save_that_raises_at_quit_leaves_the_window_open(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    assert window.document.edit_cells(0, 1, [[0.5]])  # an unsaved edit: y1 row 1
    window.files.ask_save_changes = lambda: QMessageBox.StandardButton.Save  # type: ignore[method-assign]
    window.files.ask_save_path = lambda *_: ("/tmp/never-written.lossgui.json", "")  # type: ignore[method-assign]

    def broken(*_: object) -> object:
        raise AssertionError("a bug in the session writer")
    monkeypatch.setattr(controller, "session_of", broken)
    with qtbot.captureExceptions() as raised:
        press(qtbot, window.prediction_view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert [type(e[1]) for e in raised] == [AssertionError]  # reported (once), not swallowed
    assert window.isVisible()
    assert window.document.value(0, 1) == 0.5 and not window.document.undo_stack.isClean()
    window.files.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
