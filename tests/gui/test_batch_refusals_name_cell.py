"""A refused edit of a batch names its cell by the one naming rule (tester7, finding 3): typing
`x1` at z row 1, class 1 said "z sample 1: …" (which class?), and a bad paste said only "Nothing
was pasted: 'abc' is not a number" with no cell; now "z, sample 1, class 1" / 「z のサンプル 1、
クラス 1」, as the notes and the CLI name a cell, and a class index as "t (class), sample 2"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_helpers import go_to, press, switched, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.gui import language
from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)


def batch_window(qtbot: QtBot, window: MainWindow, lang: str) -> MainWindow:
    """Examples ▸ A Logits Batch, in ``lang`` (View ▸ Language)."""
    window.load_named_example("logits_batch")
    return switched(qtbot, window, lang) if lang != "en" else window


@pytest.mark.parametrize(("lang", "typed", "pasted", "index"), [
    ("en", "z, sample 1, class 1: 'x1' is not a number; the old value is kept.",
     "Nothing was pasted: z, sample 2, class 2: 'abc' is not a number.",
     "Nothing was pasted: t (class), sample 2: "),
    ("ja", "z のサンプル 1、クラス 1: 'x1' は数ではありません。元の値のままです。",
     "何も貼り付けませんでした: z のサンプル 2、クラス 2: 'abc' は数ではありません。",
     "何も貼り付けませんでした: t(クラス) のサンプル 2: "),
])
def test_a_refused_typing_or_paste_names_its_cell(
    qtbot: QtBot, window: MainWindow, lang: str, typed: str, pasted: str, index: str,
) -> None:
    window = batch_window(qtbot, window, lang)
    z_view = window.batch_sheet.tabs.widget(0)
    before = window.document.model.cell(1, 0, 1)
    type_into(qtbot, z_view, 0, 1, "x1")
    assert window.notice_label.text() == typed
    assert window.document.model.cell(1, 0, 1) == before
    QApplication.clipboard().setText("0.1\t0.2\r\n0.3\tabc\r\n")
    go_to(z_view, 0, 1)  # 0.3 lands in z, sample 2, class 1; abc in class 2
    press(qtbot, z_view, Qt.Key.Key_V, CTRL)
    assert window.notice_label.text() == pasted
    target = window.batch_sheet.target_view
    QApplication.clipboard().setText("1\r\nabc\r\n")
    go_to(target, 0, 0)
    press(qtbot, target, Qt.Key.Key_V, CTRL)
    assert window.notice_label.text().startswith(index), window.notice_label.text()


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "Nothing was pasted: t (class), sample 2: the class index 7 is not below K = 3"),
    ("ja", "何も貼り付けませんでした: t(クラス) のサンプル 2: "),
])
def test_a_pasted_class_index_out_of_range_names_its_cell(
    qtbot: QtBot, window: MainWindow, lang: str, said: str,
) -> None:
    """Pasting numbers that are no class index named "t sample 2" (tester8 #7), while the notes
    say "t (class), sample 2"."""
    window = batch_window(qtbot, window, lang)
    target = window.batch_sheet.target_view
    QApplication.clipboard().setText("1\r\n7\r\n")
    go_to(target, 0, 0)
    press(qtbot, target, Qt.Key.Key_V, CTRL)
    assert window.notice_label.text().startswith(said), window.notice_label.text()
