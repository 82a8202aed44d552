"""A Run takes no step while a modal dialog is open (round-7 tester #8: the Quit / unsaved-changes
box opened at step 146, the run went on behind it to 293, and Save wrote a step the user never saw;
Save As the same). Real Ctrl+Q / Ctrl+S, real dialogs; each is answered by a timer that finds the
active modal widget, and a guard rejects any dialog left open after a few seconds, so a regression
fails instead of hanging the suite."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
from gui_helpers import WindowFactory, click, column_values, press, when_modal
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from lossgui.gui.files import background
from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
GUARD_MS = 8000  # no dialog stays open longer: the guard rejects it and the test fails
WATCH_MS = 400  # about 25 frames of a Run, with the dialog open


def _answer(qtbot: QtBot, kind: type[QDialog], answer: Callable[[QDialog], None],
            seen: dict[str, object], window: MainWindow) -> None:
    """When a ``kind`` opens: note the step and y, watch for WATCH_MS, note them again, answer."""
    def opened(dialog: QDialog) -> None:
        seen["opened"] = (window.learning.step_count, column_values(window, 1))

        def later() -> None:
            seen["answered"] = (window.learning.step_count, column_values(window, 1))
            answer(dialog)
        QTimer.singleShot(WATCH_MS, later)
    when_modal(kind, opened, GUARD_MS // 20)

    def guard() -> None:  # the answer never came: close what is open, let the test fail
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                seen["guard"] = True
                widget.reject()
    QTimer.singleShot(GUARD_MS + WATCH_MS + 500, guard)


def _run(qtbot: QtBot, window: MainWindow) -> None:
    """Run with a cap far away, until a few steps are on screen."""
    window.learn_panel.cap_box.setValue(5000)
    click(qtbot, window.learn_panel.run_button)
    qtbot.waitUntil(lambda: window.learning.step_count >= 3)
    assert window.learning.running


def _stopped(qtbot: QtBot, window: MainWindow) -> None:
    if window.learning.running:
        click(qtbot, window.learn_panel.run_button)
    window.files.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]


def _saved_y1(path: Path) -> np.ndarray:
    saved = json.loads(path.read_text(encoding="utf-8"))
    return np.array(next(p for p in saved["predictions"] if p["name"] == "y1")["values"],
                    dtype=float)


def _button(box: QDialog, which: QMessageBox.StandardButton) -> QWidget:
    assert isinstance(box, QMessageBox)
    button = box.button(which)
    assert button is not None
    return button


def _quit_during_a_run(qtbot: QtBot, window: MainWindow,
                       which: QMessageBox.StandardButton) -> tuple[int, np.ndarray]:
    """Run, Ctrl+Q, and ``which`` in the real unsaved-changes box after WATCH_MS; the step and
    y on screen when it opened, checked unchanged until the answer."""
    del window.files.ask_save_changes  # the real Save / Discard / Cancel box
    _run(qtbot, window)
    seen: dict[str, object] = {}
    _answer(qtbot, QMessageBox, lambda box: qtbot.mouseClick(
        _button(box, which), Qt.MouseButton.LeftButton), seen, window)
    press(qtbot, window.prediction_view, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(lambda: "answered" in seen or "guard" in seen, timeout=GUARD_MS + 2000)
    assert "guard" not in seen
    steps, y = seen["opened"]  # type: ignore[misc]
    answered_steps, answered_y = seen["answered"]  # type: ignore[misc]
    assert answered_steps == steps
    np.testing.assert_array_equal(answered_y, y)
    return steps, y


def test_quit_box_pauses_the_run_and_save_writes_the_step_on_screen(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    path = tmp_path / "during-run.lossgui.json"
    assert window.files.save_to(str(path))
    _, y = _quit_during_a_run(qtbot, window, QMessageBox.StandardButton.Save)
    np.testing.assert_array_equal(_saved_y1(path), y)
    assert not window.isVisible()  # saved, then quit


def test_cancelled_quit_goes_on_with_the_run(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    steps, _ = _quit_during_a_run(qtbot, window, QMessageBox.StandardButton.Cancel)
    assert window.isVisible() and window.learning.running  # paused, not stopped
    qtbot.waitUntil(lambda: window.learning.step_count > steps + 2)
    _stopped(qtbot, window)


def test_save_as_dialog_pauses_the_run_and_the_file_holds_the_step_on_screen(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    window.files.data_path = str(tmp_path / "snapshot.csv")  # Save As suggests a name there
    _run(qtbot, window)
    seen: dict[str, object] = {}

    def save_here(dialog: QDialog) -> None:  # Save on the suggested name
        assert isinstance(dialog, QFileDialog)
        seen["path"] = Path(dialog.selectedFiles()[0])
        dialog.accept()
    _answer(qtbot, QFileDialog, save_here, seen, window)
    press(qtbot, window.prediction_view, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: "answered" in seen or "guard" in seen, timeout=GUARD_MS + 2000)
    assert "guard" not in seen
    path = seen["path"]
    assert isinstance(path, Path) and path.parent == tmp_path
    steps, y = seen["opened"]  # type: ignore[misc]
    assert seen["answered"][0] == steps  # type: ignore[index]
    np.testing.assert_array_equal(_saved_y1(path), y)
    _stopped(qtbot, window)


def test_the_tick_due_with_the_closing_click_takes_no_step(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch
) -> None:
    """CI (loaded): Save wrote one step more than the box showed. The click that closes a box
    and the Run's next tick can be served in one pass of the dialog's event loop: the box is
    hidden, the tick steps, then the dialog returns and Save writes. The timer's ticks are sent
    here by hand, in that order."""
    window = make_window()
    _run(qtbot, window)
    window.learning.timer.stop()  # the ticks below are the only ones
    tick = window.learning.timer.timeout.emit
    box = QMessageBox(QMessageBox.Icon.Question, "lossgui", "Save?", parent=window)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is box)
    steps = window.learning.step_count
    tick()
    assert window.learning.step_count == steps  # behind the box: no step
    box.hide()  # the click closed it: the tick due with it comes before the dialog returns
    tick()
    assert window.learning.step_count == steps  # what follows the dialog (Save) comes first
    tick()
    assert window.learning.step_count == steps + 1  # then the run goes on
    monkeypatch.setattr(background, "is_busy", lambda: True)  # a large save being written
    tick()
    tick()
    assert window.learning.step_count == steps + 1
    _stopped(qtbot, window)
    box.deleteLater()
