"""Open and Save never read a file to name its type (round-5 tester, finding 10: typing
/proc/x.lossgui.json into Qt's Save dialog read /proc/kmsg, and the window froze)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileInfo, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileIconProvider,
    QFileSystemModel,
    QLineEdit,
)
from pytestqt.qtbot import QtBot

from lossgui.gui.files.dialogs import ExtensionIconProvider, choose_file

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\0" * 24


def _unnamed_png(folder: Path) -> Path:
    """A file whose name says nothing and whose first bytes say PNG."""
    path = folder / "noext"
    path.write_bytes(PNG_BYTES)
    return path


def test_the_type_comes_from_the_name_not_the_content(qapp: QApplication, tmp_path: Path) -> None:
    info = QFileInfo(str(_unnamed_png(tmp_path)))
    assert "PNG" in QFileIconProvider().type(info)  # Qt's own provider reads the file
    assert "PNG" not in ExtensionIconProvider().type(info)
    csv = tmp_path / "data.csv"
    csv.write_text("t,y1\n1,0.5\n", encoding="utf-8")
    assert "CSV" in ExtensionIconProvider().type(QFileInfo(str(csv)))
    assert ExtensionIconProvider().type(QFileInfo(str(tmp_path))) == \
        QFileIconProvider().type(QFileInfo(str(tmp_path)))  # a folder as Qt names it


def test_typing_a_folder_into_the_save_dialog_reads_no_file(
    qtbot: QtBot, tmp_path: Path,
) -> None:
    """The Save dialog lossgui shows, driven as the tester did: a path in another folder typed
    into the name field lists that folder. Reading a file would set its access time (which
    the kernel updates while it is older than the modification time: relatime)."""
    (tmp_path / "other").mkdir()
    png = _unnamed_png(tmp_path / "other")
    os.utime(png, (1_000_000, 2_000_000))
    loaded: list[str] = []

    def dialogs() -> list[QFileDialog]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QFileDialog) and w.isVisible()]

    def type_and_wait() -> None:
        try:
            dialog = dialogs()[0]
            files = dialog.findChild(QFileSystemModel)
            files.directoryLoaded.connect(loaded.append)
            edit = dialog.findChild(QLineEdit, "fileNameEdit")
            qtbot.keyClicks(edit, f"{png.parent}/x.lossgui.json")
            qtbot.waitUntil(lambda: str(png.parent) in loaded)
            qtbot.wait(500)  # the completer's list and icons are drawn
        finally:
            for dialog in dialogs():
                dialog.reject()

    QTimer.singleShot(200, type_and_wait)
    assert choose_file(None, "Save", str(tmp_path / "start.lossgui.json"),
                       "Session (*.lossgui.json)", save=True) is None
    assert str(png.parent) in loaded  # the dialog did list the folder
    assert os.stat(png).st_atime == 1_000_000, "the dialog read the file"
