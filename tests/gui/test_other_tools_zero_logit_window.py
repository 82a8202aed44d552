"""The window's Other tools tab over logits says nothing of a logit 0 at the label (tester9 #4:
z0.csv under softmax_cee read "ⓘ z, sample 1, class 2 is 0 where t is 1"), en and ja; under cee
over probabilities the remark stays. The remarks are the core's (conventions.input_remarks)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import WindowFactory, switched
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lossgui.gui import language

Z0 = "t,z[0],z[1],z[2]\n2,-0.4,0.9,0\n0,0,1,2\n"


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)


@pytest.mark.parametrize(("lang", "zero"), [("en", "is 0 where t is 1"), ("ja", "が 1 なのに")])
def test_other_tools_says_nothing_of_a_zero_logit(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, lang: str, zero: str,
    english_afterwards: None,
) -> None:
    path = tmp_path / "z0.csv"
    path.write_text(Z0, encoding="utf-8")
    window = make_window()
    assert window.files.load_path(str(path)) is None
    window.document.set_loss("softmax_cee")
    if lang == "ja":
        window = switched(qtbot, window, "ja")
    tabs, panel = window.plot_tabs, window.conventions_panel
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=tabs.tabBar().tabRect(tabs.indexOf(panel)).center())
    assert tabs.currentWidget() is panel
    assert zero not in panel.remarks.text(), panel.remarks.text()
    window.document.set_loss("cee")  # the same zeros as probabilities: log 0 at the label
    assert zero in panel.remarks.text(), panel.remarks.text()
