"""Other tools over a batch with blank cells (round-6 tester, finding 7), opened as the tester
did: every row over a blank is "not a number" (the book's batch row showed 0.594597, argmax
taking the blank as the class), and no "sample 3: y sums to 0.9" beside y₃[1] blank."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import WindowFactory, switched
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lossgui.core.conventions import compare
from lossgui.gui import language

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


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)


LB3 = "t,z[0],z[1],z[2]\n0,1,2,7\n,1,2,3\n1,0.2,0.3,0.5\n"  # tester8 #7: sample 2 has no label


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_other_tools_name_z_and_say_the_blank_label_is_unknown(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, lang: str,
    english_afterwards: None,
) -> None:
    path = tmp_path / "lb3.csv"
    path.write_text(LB3, encoding="utf-8")
    window = make_window()
    assert window.files.load_path(str(path)) is None
    window.document.set_loss("cee")
    if lang == "ja":
        window = switched(qtbot, window, "ja")
    tabs = window.plot_tabs
    panel = window.conventions_panel
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=tabs.tabBar().tabRect(tabs.indexOf(panel)).center())
    assert tabs.currentWidget() is panel
    remarks = panel.remarks.text().splitlines()
    if lang == "ja":
        assert remarks[1:] == ["ⓘ サンプル 1: z の合計は 10 で、1 ではありません",
                               "ⓘ t(クラス) のサンプル 2 が空欄なので、そのサンプルの損失は"
                               "不明です。下のどのツールも数を出しません"]
        unknown = "数値ではない"
    else:
        assert remarks[1:] == ["ⓘ sample 1: z sums to 10, not 1",
                               "ⓘ t (class), sample 2 is missing (blank), so that sample's "
                               "loss is unknown: no tool below gives a number"]
        unknown = "not a number"
    # The sample is not left out of the values either: each is unknown, as the total is.
    values = {panel.value_text(row) for row in range(panel.table.rowCount())}
    assert unknown in values and all(v.replace(",", ".")[:1] not in "0123456789" for v in values)
    # The cell is named as the notes name it.
    assert any(remarks[2][2:].split(" ")[0] in line for line in window.notes.toPlainText()
               .splitlines())
