"""The Other tools tab, opened with Ctrl+6 as a user does: under a regression loss it lists the
regression functions and no cross-entropy (tester9 #5: Examples ▸ Regression under mse or mae
listed cee, log_loss and binary_cross_entropy only); under reduction=sum it gives PyTorch's
reduction='sum' value beside the default mean (tester9 #20). en and ja; values from the core."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import WindowFactory, choose_loss, press, window_in
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.core import evaluate
from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


def shown_rows(window: MainWindow) -> dict[str, str]:
    """Function cell → value cell of the table as shown (the zero-width breaks taken out)."""
    table = window.conventions_panel.table
    return {table.item(r, 1).text().replace("\u200b", ""): table.item(r, 2).text()
            for r in range(table.rowCount())}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_regression_example_lists_the_regression_functions(
    qtbot: QtBot, make_window: WindowFactory, lang: str, english_afterwards: None,
) -> None:
    window = window_in(qtbot, make_window, lang)
    window.action_map["example_regression"].trigger()
    assert window.document.loss_id == "mse"
    press(qtbot, window.prediction_view, Qt.Key.Key_6, CTRL)
    panel = window.conventions_panel
    assert window.plot_tabs.currentWidget() is panel
    for loss_id in ("mse", "mae"):
        choose_loss(window, loss_id)
        rows = shown_rows(window)
        assert "l1_loss (reduction='mean')" in rows and "mean_absolute_error(t, y)" in rows
        assert "MeanAbsoluteError (float32)" in rows
        assert not [f for f in rows if "cross" in f or "log_loss" in f or "交差" in f], rows
        words = "実数なので" if lang == "ja" else "reads real numbers"
        assert words in panel.remarks.text()
    # y2 (the outlier) under mae: l1_loss is lossgui's own 1.35
    panel.prediction.setCurrentIndex(1)
    QApplication.processEvents()
    assert shown_rows(window)["l1_loss (reduction='mean')"] == "1.35"


def test_reduction_sum_shows_pytorchs_sum_row(qtbot: QtBot, window: MainWindow) -> None:
    window.load_named_example("logits_batch")
    window.document.set_param("label_smoothing", 0.2)
    window.document.set_param("reduction", "sum")
    press(qtbot, window.batch_sheet.tabs.widget(0), Qt.Key.Key_6, CTRL)
    rows = shown_rows(window)
    ours = evaluate("softmax_cee", np.array(window.document.all_samples(1)),
                    np.array(window.document.all_samples(0)), label_smoothing=0.2,
                    reduction="sum").total
    summed = "cross_entropy(z, class indices, label_smoothing=0.2) (reduction='sum')"
    assert rows[summed] == f"{ours:.6g}"
    assert "cross_entropy(z, class indices, label_smoothing=0.2) (reduction='mean')" in rows
