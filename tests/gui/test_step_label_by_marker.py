"""The "Step N" label of the Loss over steps plot sits by its marker (round-7 tester #18: before
any step of the confident-wrong lesson the marker was at E = 1.94 and "Step 0" at E ≈ 1.05, the
bottom of the plot; after Run and Ctrl+Z the same). Real clicks and Ctrl+Z."""

from __future__ import annotations

from gui_helpers import click, learn_drawn, press
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
NEAR_PX = 40  # the label's centre from the marker's, in scene pixels


def _gap(window: MainWindow) -> float:
    """Vertical distance in pixels from the first marker to the step label."""
    plot = window.steps_plot
    points = plot.points.points()
    assert len(points) > 0
    marker = plot.plot.getPlotItem().getViewBox().mapViewToScene(points[0].pos())
    label = plot.marker.label.sceneBoundingRect().center()
    return abs(label.y() - marker.y())


def test_the_step_label_sits_by_its_marker_before_and_after_steps(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.load_named_example("lesson_sse_cee")
    press(qtbot, window.prediction_view, Qt.Key.Key_7, CTRL)
    learn_drawn(qtbot, window)
    qtbot.wait(50)
    assert _gap(window) < NEAR_PX
    for _ in range(3):
        click(qtbot, window.learn_panel.step_button)
    learn_drawn(qtbot, window)
    qtbot.wait(50)
    assert _gap(window) < NEAR_PX
    press(qtbot, window.prediction_view, Qt.Key.Key_Z, CTRL)
    learn_drawn(qtbot, window)
    qtbot.wait(50)
    assert _gap(window) < NEAR_PX


def test_on_a_log_axis_too(qtbot: QtBot, window: MainWindow) -> None:
    window.load_named_example("lesson_sse_cee")
    press(qtbot, window.prediction_view, Qt.Key.Key_7, CTRL)
    window.steps_plot.log_box.click()
    for _ in range(2):
        click(qtbot, window.learn_panel.step_button)
    learn_drawn(qtbot, window)
    qtbot.wait(50)
    assert _gap(window) < NEAR_PX
