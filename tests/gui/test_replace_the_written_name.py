"""A name typed without its extension is completed (pt → pt.lossgui.json, res → res.csv), and
the file that name makes is the one asked about before it is replaced (tester9 #1: Save As `pt`
replaced a saved session without a question, as did Save Data, Export Results, Export Plot)."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import WindowFactory, when_modal
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from lossgui.gui import language
from lossgui.gui.main_window import MainWindow

# File menu action, the name typed, the file it writes.
SAVES = [
    ("save_as", "pt", "pt.lossgui.json"),
    ("save_data", "sjis", "sjis.csv"),
    ("export_results", "res", "res.csv"),
    ("export_plot", "plot2", "plot2.png"),
]


def _type_in_dialog(window: MainWindow, path: Path) -> None:
    window.files.ask_save_path = lambda *_: (str(path), "")  # type: ignore[method-assign]


def _answer_replace(qtbot: QtBot, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click ``button`` in the replace question when it opens (a real QMessageBox; 2 s at
    most: no question, the bug, leaves no timer for the next test)."""
    def click(box: QMessageBox) -> None:
        seen.append(box.text())
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    when_modal(QMessageBox, click)


@pytest.mark.parametrize(("action", "typed", "written"), SAVES)
def test_no_keeps_the_file_the_completed_name_would_replace(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, action: str, typed: str,
    written: str,
) -> None:
    window = make_window()
    precious = tmp_path / written
    precious.write_bytes(b"PRECIOUS")
    _type_in_dialog(window, tmp_path / typed)
    seen: list[str] = []
    _answer_replace(qtbot, QMessageBox.StandardButton.No, seen)
    window.action_map[action].trigger()
    assert seen == [f"{precious} already exists.\nDo you want to replace it?"]
    assert precious.read_bytes() == b"PRECIOUS"
    assert not (tmp_path / typed).exists()


@pytest.mark.parametrize(("action", "typed", "written"), SAVES)
def test_yes_replaces_it_and_a_new_name_is_not_asked_about(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, action: str, typed: str,
    written: str,
) -> None:
    window = make_window()
    target = tmp_path / written
    _type_in_dialog(window, tmp_path / typed)
    window.action_map[action].trigger()  # nothing there yet: no question
    assert target.exists() and target.read_bytes() != b"PRECIOUS"
    target.write_bytes(b"PRECIOUS")
    seen: list[str] = []
    _answer_replace(qtbot, QMessageBox.StandardButton.Yes, seen)
    window.action_map[action].trigger()
    assert len(seen) == 1 and target.read_bytes() != b"PRECIOUS"


def test_the_question_is_japanese_in_japanese(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    (tmp_path / "res.csv").write_bytes(b"PRECIOUS")
    seen: list[str] = []
    try:
        japanese = make_window().switch_language("ja")
        qtbot.addWidget(japanese)
        _type_in_dialog(japanese, tmp_path / "res")
        _answer_replace(qtbot, QMessageBox.StandardButton.No, seen)
        japanese.action_map["export_results"].trigger()
    finally:
        language.install(language.ENGLISH)
    assert seen == [f"{tmp_path / 'res.csv'} は既に存在します。\n置き換えますか?"]
    assert (tmp_path / "res.csv").read_bytes() == b"PRECIOUS"
