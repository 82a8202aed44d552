"""A line of the article's code pastes as its values (tester9 #3): `y1 = np.array([...]) # 学習が…`
on y2 said 「'y1' は数ではありません」, `t = np.array([0, 1, 0, 1, 0])` 「't' は…」 and
`np.array([...]) # c` 「'np.array([0.3' は…」. The name and the comment are no part of the
values (core.parsing.list_literal_body); the values land in the column pasted on."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from gui_helpers import go_to, press, switched
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.core.blockparse import parse_block_array
from lossgui.gui import language
from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
LINES = {
    "y1 = np.array([0.01, 0.65, 0.13, 0.70, 0.15]) # 学習が上手くいっている場合":
        [0.01, 0.65, 0.13, 0.70, 0.15],
    "t = np.array([0, 1, 0, 1, 0])": [0, 1, 0, 1, 0],
    "np.array([0.3, 0.3, 0.3, 0.3, 0.3]) # c": [0.3] * 5,
    "y = [0.1, 0.2, 0.3, 0.4, 0.5]  # it's a list": [0.1, 0.2, 0.3, 0.4, 0.5],
}


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)


@pytest.mark.parametrize("line", list(LINES))
def test_a_code_line_reads_as_its_values(line: str) -> None:
    np.testing.assert_array_equal(parse_block_array(line).ravel(), LINES[line])


def test_a_comparison_is_still_no_list() -> None:
    with pytest.raises(ValueError, match="'t' is not a number"):
        parse_block_array("t == [1, 0]")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_articles_code_line_pastes_into_y2(qtbot: QtBot, window: MainWindow,
                                               lang: str) -> None:
    if lang != "en":
        window = switched(qtbot, window, lang)
    view = window.prediction_view
    for line, values in LINES.items():
        QApplication.clipboard().setText(line)
        go_to(view, 0, 1)
        press(qtbot, view, Qt.Key.Key_V, CTRL)
        assert not window.notice.isVisible(), window.notice_label.text()
        np.testing.assert_array_equal(
            [window.document.value(row, 2) for row in range(5)], values)
