"""Ctrl+Z takes back one press of the Learn bar: a Step click, or one Run with all its steps.

Round 6 (tester8 #7): three Step clicks were one undo entry ("Undo Learn: 3 steps"), so one
Ctrl+Z undid clicks the learner made one by one. Now each press is its own entry, Edit ▸ Undo
says how many steps it takes back, and the run goes on from the step before. Real key events.
"""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import WindowFactory, click, column_values, learn_drawn, press
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lossgui.core.descend import descend
from lossgui.gui import language
from lossgui.gui.actions import plain_text
from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
Y1 = [0.01, 0.65, 0.13, 0.70, 0.15]
T = [0.0, 1.0, 0.0, 1.0, 0.0]


def _after(steps: int) -> np.ndarray:
    """y1 after ``steps`` steps of η 0.1, as `lossgui descend` takes them."""
    return descend("sse", Y1, T, {}, 0.1, steps).final


def _key(qtbot: QtBot, window: MainWindow, modifier: Qt.KeyboardModifier) -> None:
    window.prediction_view.setFocus()
    press(qtbot, window.prediction_view, Qt.Key.Key_Z, modifier)
    learn_drawn(qtbot, window)


def _undo_text(window: MainWindow) -> str:
    return plain_text(window.action_map["undo"].text())


def test_each_step_click_is_its_own_undo_step_and_the_run_goes_on(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel, learning, stack = window.learn_panel, window.learning, window.document.undo_stack
    for _ in range(3):
        click(qtbot, panel.step_button)
    assert stack.count() == 3 and _undo_text(window) == "Undo Learn: 1 step"
    run = learning.trace()
    _key(qtbot, window, CTRL)  # one click taken back, not three
    np.testing.assert_array_equal(column_values(window, 1), _after(2))
    assert learning.step_count == 2 and learning.trace().totals[0] == run.totals[0][:3]
    assert learning.earlier == [] and panel.status.text().startswith("Step 2 (")
    assert len(window.steps_plot.lines[0].yData) == 3
    click(qtbot, panel.step_button)  # the same run goes on: its step 3 again
    np.testing.assert_array_equal(column_values(window, 1), _after(3))
    assert learning.step_count == 3 and learning.trace() == run and stack.count() == 3
    for steps in (2, 1, 0):
        _key(qtbot, window, CTRL)
        np.testing.assert_array_equal(column_values(window, 1), _after(steps))
    assert not stack.canUndo() and learning.step_count == 0
    for steps in (1, 2, 3):  # redo brings each click back, and the run with it
        _key(qtbot, window, CTRL | SHIFT)
        np.testing.assert_array_equal(column_values(window, 1), _after(steps))
        assert learning.step_count == steps
    assert learning.trace() == run and learning.earlier == []
    click(qtbot, panel.step_button)
    np.testing.assert_array_equal(column_values(window, 1), _after(4))
    assert learning.step_count == 4


def test_one_run_is_one_undo_step_that_says_how_many(qtbot: QtBot, window: MainWindow) -> None:
    panel, learning, stack = window.learn_panel, window.learning, window.document.undo_stack
    click(qtbot, panel.step_button)
    panel.cap_box.setValue(12)
    click(qtbot, panel.run_button)
    qtbot.waitUntil(lambda: not learning.running, timeout=20_000)
    assert learning.step_count == 13 and stack.count() == 2
    assert _undo_text(window) == "Undo Learn: 12 steps"
    _key(qtbot, window, CTRL)  # the whole Run, and only it
    np.testing.assert_array_equal(column_values(window, 1), _after(1))
    assert learning.step_count == 1 and _undo_text(window) == "Undo Learn: 1 step"
    _key(qtbot, window, CTRL | SHIFT)
    np.testing.assert_array_equal(column_values(window, 1), _after(13))
    assert learning.step_count == 13
    _key(qtbot, window, CTRL)
    _key(qtbot, window, CTRL)  # the Step that began the run: the data as it began, run faded
    np.testing.assert_array_equal(column_values(window, 1), Y1)
    assert learning.step_count == 0 and len(learning.earlier) == 1


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_short_guide_says_what_ctrl_z_takes_back(
    qtbot: QtBot, make_window: WindowFactory, lang: str
) -> None:
    language.install(lang)
    try:
        window = make_window()
        qtbot.keyClick(window, Qt.Key.Key_F1)
        guide = window.last_help.text()
        window.last_help.close()
    finally:
        language.install(language.ENGLISH)
    expected = {
        "en": "Ctrl+Z takes back one Step click, or all the steps of one Run, at a time",
        "ja": "Ctrl+Z は、ステップのクリック1回分、または1回の実行のすべてのステップを、"
              "まとめて取り消します",
    }[lang]
    assert expected in guide
    assert "one undo step" not in guide and "1回の実行全体が1つの取り消し単位" not in guide
