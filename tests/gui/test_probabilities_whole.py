"""The σ(z) / softmax(z) table beside logits is shown whole where the window has room (round-7
tester #21: at 1280×800, maximised, σ(予測B) read "0.71" and "0.58175" behind a scroll bar): the
tables' pane widens, taking the room from the plots, which keep most of theirs."""

from __future__ import annotations

from gui_helpers import WindowFactory
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.gui.main_window import MIN_PLOT_PANE


def _whole(qtbot: QtBot, make_window: WindowFactory, width: int, height: int) -> tuple[int, int]:
    window = make_window()
    window.resize(width, height)
    QApplication.processEvents()
    window.load_named_example("multi_label")
    view = window.probability_view
    qtbot.waitUntil(lambda: view.isVisible())
    QApplication.processEvents()
    return view.width(), view.maximumWidth()


def test_at_1280_by_800_the_probabilities_are_whole(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    shown, whole = _whole(qtbot, make_window, 1280, 770)
    assert shown == whole


def test_the_plots_keep_their_least_width_at_800(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.resize(800, 570)
    QApplication.processEvents()
    before = window.main_splitter.sizes()[1]
    window.load_named_example("multi_label")
    QApplication.processEvents()
    assert window.main_splitter.sizes()[1] >= min(before, MIN_PLOT_PANE)
