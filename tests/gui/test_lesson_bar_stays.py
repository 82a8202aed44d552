"""A lesson's instruction stays in its yellow bar until closed or other data is loaded (round-7
tester #19: Export Results, Export Plot and View ▸ Language took it away; a language switch during
a Run also stopped the run without a word). Real Ctrl+E, the real menu actions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from gui_helpers import WindowFactory, click, press
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from lossgui.gui import language
from lossgui.gui.examples import EXAMPLES
from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    language.install(language.ENGLISH)
    yield
    language.install(language.ENGLISH)


def _lesson(make_window: WindowFactory) -> MainWindow:
    window = make_window()
    window.load_named_example("lesson_lr")
    assert window.notice.isVisible()
    assert window.notice.label.text() == EXAMPLES["lesson_lr"].translated_tip()
    return window


def _answer_with(window: MainWindow, path: Path) -> None:
    window.files.ask_save_path = lambda *_: (str(path), "")  # type: ignore[method-assign]


def _switch(qtbot: QtBot, window: MainWindow, code: str) -> MainWindow:
    """View ▸ Language ▸ ``code`` as a user picks it; the rebuilt window."""
    menu = window.findChild(QMenu, "menu_language")
    assert menu is not None
    action = next(a for a in menu.actions() if a.objectName() == f"action_language_{code}")
    action.trigger()
    rebuilt = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible())
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not shiboken6.isValid(window)
    qtbot.addWidget(rebuilt)
    qtbot.waitExposed(rebuilt)
    rebuilt.activateWindow()
    return rebuilt


def test_export_results_keeps_the_lesson(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = _lesson(make_window)
    _answer_with(window, tmp_path / "res.csv")
    press(qtbot, window.prediction_view, Qt.Key.Key_E, CTRL)
    assert (tmp_path / "res.csv").exists()
    assert str(tmp_path / "res.csv") in window.statusBar().currentMessage()
    assert window.notice.isVisible()
    assert window.notice.label.text() == EXAMPLES["lesson_lr"].translated_tip()


def test_export_plot_keeps_the_lesson(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = _lesson(make_window)
    _answer_with(window, tmp_path / "plot.png")
    window.action_map["export_plot"].trigger()
    assert (tmp_path / "plot.png").exists()
    assert window.notice.isVisible()
    assert window.notice.label.text() == EXAMPLES["lesson_lr"].translated_tip()


def test_opening_other_data_still_closes_it(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = _lesson(make_window)
    data = tmp_path / "mine.csv"
    data.write_text("t,y1\n0,0.2\n1,0.7\n", encoding="utf-8")
    assert window.open_path(str(data))
    assert not window.notice.isVisible()


def test_a_closed_lesson_stays_closed_after_an_export(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = _lesson(make_window)
    click(qtbot, window.notice.close_button)
    _answer_with(window, tmp_path / "res.csv")
    press(qtbot, window.prediction_view, Qt.Key.Key_E, CTRL)
    assert not window.notice.isVisible()


def test_a_language_switch_keeps_the_lesson_in_the_new_language(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _switch(qtbot, _lesson(make_window), "ja")
    tip = EXAMPLES["lesson_lr"].translated_tip()
    assert tip.startswith("記事のデータ") or "学習率" in tip  # Japanese now
    assert window.notice.isVisible() and window.notice.label.text() == tip
    window = _switch(qtbot, window, "en")
    assert window.notice.isVisible()
    assert window.notice.label.text() == EXAMPLES["lesson_lr"].translated_tip()


def test_a_closed_lesson_is_not_brought_back_by_a_switch(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _lesson(make_window)
    click(qtbot, window.notice.close_button)
    window = _switch(qtbot, window, "ja")
    assert not window.notice.isVisible()


def test_a_run_goes_on_through_a_language_switch(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _lesson(make_window)
    window.learn_panel.cap_box.setValue(5000)
    click(qtbot, window.learn_panel.run_button)
    qtbot.waitUntil(lambda: window.learning.step_count >= 3)
    window = _switch(qtbot, window, "ja")
    panel = window.learn_panel
    assert window.learning.running
    assert panel.run_button.isChecked() and panel.run_button.text() == "停止(&O)"
    assert not panel.step_button.isEnabled()
    steps = window.learning.step_count
    qtbot.waitUntil(lambda: window.learning.step_count > steps + 2)
    click(qtbot, panel.run_button)  # Stop, in the new window
    assert not window.learning.running and panel.run_button.text() == "実行(&U)"
    assert window.action_map["undo"].text().startswith("元に戻す(&U) 学習")
