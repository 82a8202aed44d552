"""Other tools over a batch with blank cells (round-6 tester, finding 7), opened as the tester
did: every row over a blank is "not a number" (the book's batch row showed 0.594597, argmax
taking the blank as the class), and no "sample 3: y sums to 0.9" beside y₃[1] blank."""

from __future__ import annotations

import math
from pathlib import Path

from gui_helpers import WindowFactory
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lossgui.core.conventions import compare

BBLANK2 = ("t[0],t[1],t[2],y[0],y[1],y[2]\n1,0,0,0.7,0.2,0.1\n0,,1,0.3,0.3,0.4\n"
           "0,0,1,0.1,,0.8\n")


def test_other_tools_over_blank_cells_shows_no_number(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path,
) -> None:
    path = tmp_path / "bblank2.csv"
    path.write_text(BBLANK2, encoding="utf-8")
    window = make_window()
    assert window.files.load_path(str(path)) is None
    assert window.document.is_batch
    tabs = window.plot_tabs
    panel = window.conventions_panel
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=tabs.tabBar().tabRect(tabs.indexOf(panel)).center())
    assert tabs.currentWidget() is panel
    rows = panel.table.rowCount()
    functions = [panel.table.item(row, 1).text().replace("\u200b", "") for row in range(rows)]
    book = functions.index("cross_entropy_error (batch, argmax of t)")
    assert panel.value_text(book) == "not a number"
    assert {panel.value_text(row) for row in range(rows)} <= {"not a number", "refuses"}
    # The values are the core's.
    document = window.document
    core = compare(document.all_samples(1), document.all_samples(0), document.loss_id,
                   document.params)
    assert all(c.value is None or math.isnan(c.value) for c in core)
    remarks = panel.remarks.text()
    assert remarks.startswith("ⓘ A batch of 3 samples") and "sums to" not in remarks
