"""The Curve tab on logits (tester9 #13): no dashed "t₁ = 1" line at z = 1 (the loss of a logit
is lowest at z → ±∞, which the read-out says), the axis is z, and a batch's class is counted as
its table counts it (sample 4, class 0; the spin box from 0), in en and ja. A coupled loss's
curve is said to be the change of E, which can go below 0."""

from __future__ import annotations

import pytest
from gui_helpers import WindowFactory, press, window_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
WORDS = {
    "en": ("z, sample 4, class 0 = 2.2", "its minimum is at z₄[0] → −∞, not at z₄[0] = t",
           "its minimum is at z₄[1] → +∞", "it can go below 0"),
    "ja": ("z のサンプル 4、クラス 0 = 2.2", "最小は z₄[0] → −∞ で、z₄[0] = t ではありません",
           "最小は z₄[1] → +∞", "0 より下にもなります"),
}


def label(window: MainWindow, side: str) -> str:
    return str(window.curve_panel.plot.getPlotItem().getAxis(side).labelText)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_curve_of_a_logit_has_no_t_line_and_counts_classes_as_the_table(
    qtbot: QtBot, make_window: WindowFactory, lang: str, english_afterwards: None,
) -> None:
    window = window_in(qtbot, make_window, lang)
    window.load_named_example("logits_batch")  # sample 4: z = [2.2, 0.3, −0.8], label 1
    z_view = window.batch_sheet.tabs.widget(0)
    z_view.go_to(3, 0)
    press(qtbot, z_view, Qt.Key.Key_5, CTRL)
    panel = window.curve_panel
    assert window.plot_tabs.currentWidget() is panel
    QApplication.processEvents()
    assert not panel.target_line.isVisible()
    assert label(window, "bottom").startswith("z₄[0]")
    assert "y₁" not in label(window, "bottom") and "E₄" in label(window, "left")
    assert (panel.element.minimum(), panel.element.value(), panel.element.maximum()) == (0, 0, 2)
    read, minus, plus, below = WORDS[lang]
    text = panel.explanation.text()
    assert text.startswith(read) and minus in text and below in text, text
    # The spin box moves to class 1, the label's class: its minimum is at +∞.
    panel.element.setValue(1)
    QApplication.processEvents()
    assert window.selection.element == 1 and plus in panel.explanation.text()
    assert not panel.target_line.isVisible()


def test_a_vector_of_probabilities_keeps_its_t_line(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, window.prediction_view, Qt.Key.Key_5, CTRL)
    panel = window.curve_panel
    assert panel.target_line.isVisible() and panel.target_line.value() == 0.0
    assert label(window, "bottom") == "y₁ (with t₁ fixed)"
    assert label(window, "left") == "contribution of element 1 to E"
    assert panel.element.minimum() == 1
    assert "→" not in panel.explanation.text()
