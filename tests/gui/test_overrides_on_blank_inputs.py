"""The audit of round 5's "other tabs may crash the same way on other NaN inputs": every tab
(drawn in its showEvent, resized in resizeEvent) over blank, nan and infinite cells, under
every loss, vector and batch. pytest-qt fails a test on any error raised inside a virtual."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import WindowFactory
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from lossgui.core import LOSSES

VECTORS = {
    "blank-t": "t,y1,y2\n0,0.1,0.3\n,0.6,0.2\n1,0.3,0.5\n",
    "blank-y": "t,y1,y2\n0,0.1,0.3\n1,,0.2\n0,0.3,0.5\n",
    "nan-inf-y": "t,y1,y2\n0,nan,0.3\n1,inf,-inf\n0,0.3,0.5\n",
    "all-blank-t": "t,y1\n,0.1\n,0.9\n",
}
BATCHES = {
    "blank-t-sample": "t,y[0],y[1],y[2]\n2,0.1,0.2,0.7\n,0.8,0.1,0.1\n",
    "blank-y-cell": "t[0],t[1],y[0],y[1]\n1,0,0.7,\n0,1,0.4,0.6\n",
}


def _visit_every_tab(qtbot: QtBot, window: object, row: int) -> None:
    window.selection.set_element(row)  # type: ignore[attr-defined]
    tabs = window.plot_tabs  # type: ignore[attr-defined]
    bar = tabs.tabBar()
    for index in range(tabs.count()):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert tabs.currentIndex() == index
        page = tabs.currentWidget()
        page.resize(page.width() - 30, page.height() - 20)
        if tabs.currentWidget() is window.curve_panel:  # type: ignore[attr-defined]
            plot = window.curve_panel.plot  # type: ignore[attr-defined]
            qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton,
                             pos=QPoint(plot.width() // 2, plot.height() // 2))
        qtbot.wait(1)


@pytest.mark.parametrize("name", sorted(VECTORS) + sorted(BATCHES))
def test_every_tab_draws_over_blank_and_non_finite_cells(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, name: str,
) -> None:
    path = tmp_path / f"{name}.csv"
    path.write_text({**VECTORS, **BATCHES}[name], encoding="utf-8")
    window = make_window()
    window.resize(900, 640)
    assert window.files.load_path(str(path)) is None
    for loss in LOSSES:
        window.document.put_loss(loss.id)
        _visit_every_tab(qtbot, window, 1)
    assert window.document.names[0] == "t"  # nothing lost on the way
