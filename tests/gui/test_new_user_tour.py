"""What a new user tripped over in the window (issue 10), driven through the real widgets."""

from __future__ import annotations

from gui_helpers import WindowFactory
from PySide6.QtWidgets import QApplication

from lossgui.gui.main_window import MainWindow


def choose_loss(window: MainWindow, loss_id: str) -> None:
    """Pick a loss in the selector, as a click in its list does."""
    selector = window.loss_panel.selector
    selector.setCurrentIndex(selector.findData(loss_id))
    QApplication.processEvents()
    assert window.document.loss_id == loss_id


def test_hinge_shows_the_labels_used_and_says_so_in_the_notes(window: MainWindow) -> None:
    choose_loss(window, "hinge")
    formula = window.formula_panel.plain_text()
    assert formula.startswith("(1/5)·(max(0, 1−(−1)·0.01) + max(0, 1−1·0.65)")
    assert formula.endswith(f"= {window.document.evaluations[0].total:.6g}")
    notes = window.notes.toPlainText()
    assert "t₁ = 0 is read as −1" in notes
