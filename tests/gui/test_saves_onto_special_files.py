"""Saving onto a FIFO or a device from the window: refused at once, naming the file (tester8 #7).

Before, File ▸ Save Data as CSV onto a FIFO that no program read froze the whole window: the
write opened the FIFO in the GUI thread, and that waits for a reader.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from fifo_guard import reader_if_blocked
from gui_helpers import WindowFactory, type_into
from pytestqt.qtbot import QtBot

from lossgui.gui import language
from lossgui.gui.main_window import MainWindow

# File menu action, the name chosen (one the action keeps as it is), its refusal's first words.
SAVES = [
    ("save_data", "pipe.csv", "Could not save the data: "),
    ("save_as", "pipe.lossgui.json", "Could not save the session: "),
    ("export_results", "pipe.csv", "Could not export the results: "),
    ("export_plot", "pipe.png", "Could not export the plot: "),
]


def _choose(window: MainWindow, path: Path) -> None:
    """The file dialog's answer: ``path`` (the dialog itself is the system's)."""
    window.files.ask_save_path = lambda *_: (str(path), "")  # type: ignore[method-assign]


@pytest.mark.parametrize(("action", "name", "refusal"), SAVES)
def test_a_save_onto_a_fifo_is_refused_naming_it_and_keeps_everything(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, action: str, name: str,
    refusal: str,
) -> None:
    window = make_window()
    type_into(qtbot, window.prediction_view, 1, 1, "0.25")  # an unsaved edit, which must stay
    fifo = tmp_path / name
    os.mkfifo(fifo)
    _choose(window, fifo)
    with reader_if_blocked(fifo) as received:
        window.action_map[action].trigger()
    assert received == []  # nothing was written into it (nor did the window wait)
    notice = window.notice_label.text()
    assert notice.startswith(refusal), notice
    assert (f"{fifo}: cannot write the file: it is not a regular file but a named pipe (FIFO)"
            in notice)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert window.document.value(1, 2) == 0.25 and not window.document.undo_stack.isClean()
    assert window.files.session_path is None


def test_a_save_onto_a_device_is_refused_too(make_window: WindowFactory) -> None:
    window = make_window()
    assert not window.files.save_to("/dev/null")
    assert "/dev/null: cannot write the file: it is not a regular file but a device" in (
        window.notice_label.text())
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_the_refusal_is_japanese_in_japanese(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    try:
        japanese = make_window().switch_language("ja")
        qtbot.addWidget(japanese)
        _choose(japanese, fifo)
        with reader_if_blocked(fifo) as received:
            japanese.action_map["save_data"].trigger()
        notice = japanese.notice_label.text()
    finally:
        language.install(language.ENGLISH)  # the next tests read English
    assert received == []
    assert (f"{fifo}: ファイルを書けません: 通常のファイルではなく名前付きパイプ(FIFO)です。"
            "別のファイル名を選んでください") in notice, notice


@pytest.mark.parametrize(("action", "name", "refusal"), SAVES)
def test_a_bare_name_that_is_a_fifo_is_refused_not_given_a_suffix(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, action: str, name: str,
    refusal: str,
) -> None:
    """gui7's /dev/full case: Qt asked about /dev/full, then /dev/full.csv was written. A name
    that is there but no regular file is the one meant: refused, naming it, no suffix added."""
    window = make_window()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    _choose(window, fifo)
    with reader_if_blocked(fifo) as received:
        window.action_map[action].trigger()
    assert received == []
    notice = window.notice_label.text()
    assert notice.startswith(refusal), notice
    said = "a plot can be saved as .png or .svg" if action == "export_plot" else \
        "cannot write the file: it is not a regular file but a named pipe"
    assert f"{fifo}: {said}" in notice
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no pipe.csv beside it
