"""A batch's per-class bars are the shown sample's own loss E_n and its gradient, and say so
(tester9 #9: they read "E" and "−∂E/∂y", N times the batch gradient that Export Results, the CLI
and PyTorch's z.grad give, and the hover counted classes from 1 under an axis from 0). The bars,
the formula and the curve all explain the sample as a vector; the words name E₁, and the batch
sentence says how the batch's E and its gradient follow from them (÷ N under mean). en and ja."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import WindowFactory, hover, press, switched, window_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.core import evaluate
from lossgui.gui.main_window import MainWindow

Z = np.array([[1.2, -0.3, 0.5], [0.1, 2.0, -1.0], [-0.5, 0.4, 1.5], [2.2, 0.3, -0.8]])
LABELS = np.array([0.0, 1.0, 2.0, 1.0])
CTRL = Qt.KeyboardModifier.ControlModifier


def left_label(window: MainWindow) -> str:
    return str(window.plot_panel.plot.getPlotItem().getAxis("left").labelText)


WORDS = {
    "en": {"where": "z, sample 1, class 0", "own": "sample 1's own loss",
           "raise": "(learning would raise z)", "mean": "is ∂E₁/∂z ÷ 4",
           "contribution": "contribution to E₁"},
    "ja": {"where": "z のサンプル 1、クラス 0", "own": "サンプル 1 自身の損失",
           "raise": "(学習は z を上げます)", "mean": "∂E₁/∂z ÷ 4",
           "contribution": "E₁ への寄与"},
}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_batch_bars_name_the_samples_own_loss_and_count_classes_from_0(
    qtbot: QtBot, make_window: WindowFactory, lang: str, english_afterwards: None,
) -> None:
    window = make_window()
    window.load_named_example("logits_batch")
    if lang == "ja":
        window = switched(qtbot, window, lang)
    words = WORDS[lang]
    window.batch_sheet.tabs.widget(0).go_to(0, 0)
    assert window.document.sample == 0
    own = evaluate("softmax_cee", Z[0], np.eye(3)[0])
    batch = evaluate("softmax_cee", Z, LABELS)
    panel = window.plot_panel
    qtbot.waitUntil(lambda: panel.plot.getPlotItem().getViewBox().width() > 50)
    # contributions: class 0 of sample 1 is the leftmost bar, at x = 1 (hovered again until
    # the batch panel above has taken its room and the plot has its final geometry)
    qtbot.waitUntil(lambda: hover(qtbot, window, 1.0) or panel.hover.text().startswith(
        words["where"]))
    text = panel.hover.text()
    contribution = float(own.contributions[0])
    assert text == f"{words['where']}: {words['contribution']} = {contribution!r}", text
    assert "E₁" in left_label(window) and words["own"] in left_label(window)

    press(qtbot, window.batch_sheet.tabs.widget(0), Qt.Key.Key_G, CTRL)
    assert panel.gradient_mode
    hover(qtbot, window, 1.0 + 0.01)
    text = panel.hover.text()
    value = float(-own.gradient[0])
    assert text.startswith(f"{words['where']}: −∂E₁/∂z = {value!r}"), text
    assert words["raise"] in text
    assert "−∂E₁/∂z" in left_label(window) and "∂E/∂y" not in left_label(window)
    # The batch gradient (Export Results, PyTorch's z.grad) is the sample's own ÷ N = 4,
    # and the batch sentence says so.
    assert float(batch.gradient[0, 0]) == pytest.approx(own.gradient[0] / 4, rel=1e-15)
    note = window.plot_panel.batch_note
    assert note.isVisible() and words["mean"] in note.text(), note.text()


def test_under_sum_the_bars_are_the_batch_gradient_and_no_note_divides(
    window: MainWindow,
) -> None:
    window.load_named_example("logits_batch")
    window.document.set_param("reduction", "sum")
    assert not window.plot_panel.batch_note.isVisible()
    window.load_named_example("article")
    assert not window.plot_panel.batch_note.isVisible()


def test_a_vector_keeps_its_element_numbering(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.plot_panel
    qtbot.waitUntil(lambda: panel.plot.getPlotItem().getViewBox().width() > 50)
    hover(qtbot, window, 1.0 - 0.2)
    assert panel.hover.text().startswith("k = 1, y1: contribution = ")
    assert left_label(window) == "contribution of element k to E"


def test_a_long_read_out_does_not_widen_the_window_at_800(
    qtbot: QtBot, make_window: WindowFactory, english_afterwards: None,
) -> None:
    window = window_in(qtbot, make_window, "ja")
    window.resize(800, 600)
    window.load_named_example("logits_batch")
    window.plot_panel.set_gradient_mode(True)
    panel = window.plot_panel
    qtbot.waitUntil(lambda: hover(qtbot, window, 1.0) or panel.hover.text().startswith(
        WORDS["ja"]["where"]))
    QApplication.processEvents()
    assert window.width() == 800, window.width()
