"""File menu: open data and sessions, save, export results and the plot, the unsaved-changes
question, recent files and dropped files — checked against the core's own readers and the CLI."""

from __future__ import annotations

import json
import struct
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import numpy as np
import pytest
from gui_helpers import WindowFactory, column_values, press, type_into
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from lossgui.cli import main as cli_main
from lossgui.core import csvio, project
from lossgui.gui import app
from lossgui.gui.files.controller import FileController, session_of
from lossgui.gui.main_window import MainWindow

Button = QMessageBox.StandardButton
CTRL = Qt.KeyboardModifier.ControlModifier
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Floats that a %.6g writer would damage, a subnormal, and a value that is not 0.3.
AWKWARD = "t,y1,y2\n0,0.1,0.30000000000000004\n1,0.6666666666666666,5e-324\n" \
          "0,1e-300,0.123456789012345678\n1,0.9999999999999999,0.5\n"


def write(path: Path, text: str | bytes) -> Path:
    """Write a fixture file (bytes as they are, text as UTF-8) and return its path."""
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def answer_save(window: MainWindow, path: Path | None, chosen: str = "") -> list[str]:
    """Make the save dialogs answer ``path`` (None: cancel); returns the titles asked."""
    asked: list[str] = []

    def ask(title: str, suggested: str, filters: str) -> tuple[str, str] | None:
        asked.append(title)
        return None if path is None else (str(path), chosen)

    window.files.ask_save_path = ask  # type: ignore[method-assign]
    return asked


def answer_changes(window: MainWindow, button: QMessageBox.StandardButton) -> list[int]:
    """Make the unsaved-changes question answer ``button``; returns one entry per question."""
    asked: list[int] = []

    def ask() -> QMessageBox.StandardButton:
        asked.append(1)
        return button

    window.files.ask_save_changes = ask  # type: ignore[method-assign]
    return asked


def snapshot(window: MainWindow) -> tuple[tuple[str, ...], list[list[float]], str, int]:
    """Everything a failed open must leave alone: names, values, loss and undo history."""
    document = window.document
    values = [column_values(window, c).tolist() for c in range(document.column_count)]
    return document.names, values, document.loss_id, document.undo_stack.count()


def edit(qtbot: QtBot, window: MainWindow) -> None:
    """One real edit through the table, so the window has unsaved changes."""
    type_into(qtbot, window.prediction_view, 0, 0, "0.02")
    assert window.isWindowModified()


# --- open ---------------------------------------------------------------------------------------


def test_open_a_semicolon_japanese_csv_asks_for_the_target(
    window: MainWindow, tmp_path: Path
) -> None:
    data = "\ufeff正解;モデルA;モデルB\r\n0;0,01;0,34\r\n1;0,65;0,21\r\n0;0,13;0,91\r\n"
    path = write(tmp_path / "日本語.csv", data.encode("utf-8"))
    offered: list[list[str]] = []

    def ask_target(_path: str, names: list[str]) -> str:
        offered.append(names)
        return names[0]

    window.files.ask_target = ask_target  # type: ignore[method-assign]
    assert window.open_path(str(path))
    assert offered == [["正解", "モデルA", "モデルB"]]
    assert window.document.names == ("正解", "モデルA", "モデルB")  # the target keeps its name
    np.testing.assert_array_equal(column_values(window, 0), [0, 1, 0])
    np.testing.assert_array_equal(column_values(window, 1), [0.01, 0.65, 0.13])
    np.testing.assert_array_equal(column_values(window, 2), [0.34, 0.21, 0.91])
    assert "日本語.csv" in window.windowTitle() and not window.isWindowModified()
    assert not window.document.undo_stack.canUndo()


def test_the_target_chooser_preselects_the_first_column(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = write(tmp_path / "abc.csv", "a,b,c\n1,0.9,0.2\n0,0.1,0.7\n")
    seen: list[str] = []

    def choose_second() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        seen.append(dialog.textValue())
        dialog.setTextValue("b")
        dialog.accept()

    QTimer.singleShot(0, choose_second)
    assert window.open_path(str(path))
    assert seen == ["a"]
    assert window.document.names == ("b", "a", "c")
    np.testing.assert_array_equal(column_values(window, 0), [0.9, 0.1])


def test_cancelling_the_target_question_keeps_everything(
    window: MainWindow, tmp_path: Path
) -> None:
    path = write(tmp_path / "abc.csv", "a,b\n1,0.9\n")
    before = snapshot(window)
    window.files.ask_target = lambda _path, _names: None  # type: ignore[method-assign]
    assert not window.open_path(str(path))
    assert snapshot(window) == before
    assert window.notice.isHidden()


BAD_FILES: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", ("not a text file",)),
    "ragged": (b"t,y1\n0,0.1\n1,0.2,0.3\n", ("row 3", "3 cells", "2 columns")),
    "not_a_number": (b"t,y1\n0,0.1\n1,abc\n", ("row 3", "column 'y1'", "abc")),
    "empty": (b"", ("empty",)),
    "blank_lines": (b"\r\n \r\n", ("empty",)),
    "header_only": (b"t,y1\n", ("no data rows",)),
    "one_column": (b"t\n1\n0\n", ("at least one prediction",)),
    "empty_header_cell": (b"t,,y2\n0,1,2\n", ("row 1", "column 2", "a column has no name")),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_bad_csv_is_refused_and_the_tables_are_untouched(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, kind: str
) -> None:
    content, expected = BAD_FILES[kind]
    path = write(tmp_path / f"{kind}.csv", content)
    edit(qtbot, window)  # an undo history that a failed open must keep
    before = snapshot(window)
    assert not window.open_path(str(path))
    assert snapshot(window) == before
    assert window.isWindowModified()
    message = window.notice_label.text()
    assert window.notice.isVisible()
    assert str(path) in message
    assert message.count(str(path)) == 1  # named once, not "file: file, row…"
    for part in expected:
        assert part in message, message


BAD_SESSIONS = {
    "newer": ({"format": "lossgui-session", "version": 99}, "newer lossgui"),
    "broken": ("{not json", "broken JSON"),
    "wrong_type": ({"format": "lossgui-session", "version": 1, "loss": "sse",
                    "target": {"name": "t", "values": [0, "x"]},
                    "predictions": [{"name": "y1", "values": [0, 1]}]}, "'x', not a number"),
    "not_a_session": ({"hello": 1}, "not a lossgui session"),
    "prediction_called_t": ({"format": "lossgui-session", "version": 1, "loss": "sse",
                             "target": {"name": "t", "values": [0]},
                             "predictions": [{"name": "t", "values": [1]}]},
                            "the column name 't' appears twice"),
}


@pytest.mark.parametrize("kind", sorted(BAD_SESSIONS))
def test_a_bad_session_is_refused_and_nothing_changes(
    window: MainWindow, tmp_path: Path, kind: str
) -> None:
    content, expected = BAD_SESSIONS[kind]
    text = content if isinstance(content, str) else json.dumps(content)
    path = write(tmp_path / f"{kind}.lossgui.json", text)
    before = snapshot(window)
    assert not window.open_path(str(path))
    assert snapshot(window) == before
    assert "Untitled" not in window.windowTitle() and "The Article" in window.windowTitle()
    assert str(path) in window.notice_label.text()
    assert expected in window.notice_label.text()


def test_command_line_file_without_t_asks_too(
    qtbot: QtBot, settings: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "ab.csv", "p,q\n1,0.9\n0,0.2\n")
    monkeypatch.setattr(FileController, "ask_target", lambda self, _p, names: names[1])
    window, problem = app.build_window(str(path), settings)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert problem is None
    assert window.document.names == ("q", "p")
    np.testing.assert_array_equal(column_values(window, 0), [0.9, 0.2])


# --- round trips --------------------------------------------------------------------------------


def test_open_export_open_gives_identical_float64(window: MainWindow, tmp_path: Path) -> None:
    source = write(tmp_path / "awkward.csv", AWKWARD)
    assert window.open_path(str(source))
    opened = [column_values(window, c) for c in range(3)]
    exported = tmp_path / "awkward-results.csv"
    answer_save(window, exported)
    assert window.files.export_results()
    data = csvio.read_data_csv(exported)
    assert data.names == ["t", "y1", "y2"]
    for original, back in zip(opened, data.columns, strict=True):
        assert back.dtype == np.float64
        assert original.tobytes() == back.tobytes()  # bit for bit, not "close"
    assert window.open_path(str(exported))
    for c, original in enumerate(opened):
        assert column_values(window, c).tobytes() == original.tobytes()


def test_save_then_open_gives_the_identical_session(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    assert window.open_path(str(write(tmp_path / "awkward.csv", AWKWARD)))
    window.document.set_loss("cee")
    window.document.set_param("eps", 1e-7)
    window.document.rename_prediction(2, "モデル")
    window.document.clear_cells([(1, 0, 1, 0)])  # a blank (missing) cell survives too
    saved = session_of(window.document)
    path = tmp_path / "mine.lossgui.json"
    answer_save(window, path)
    press(qtbot, window.target_view, Qt.Key.Key_S, CTRL)
    assert path.exists() and not window.isWindowModified()
    assert "mine.lossgui.json" in window.windowTitle()

    other = make_window()
    assert other.open_path(str(path))
    reopened = session_of(other.document)
    assert project.to_json(reopened) == project.to_json(saved)
    assert reopened.loss_id == "cee" and reopened.params == {"eps": 1e-7, "reduction": "sum"}
    assert other.loss_panel.selector.currentData() == "cee"
    for (name, values), (name2, values2) in zip(saved.predictions, reopened.predictions,
                                                strict=True):
        assert name == name2 and values.tobytes() == values2.tobytes()
    assert np.isnan(reopened.target[1])
    assert not other.isWindowModified() and not other.document.undo_stack.canUndo()


def test_save_writes_again_without_asking_and_save_as_asks(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    first = tmp_path / "one.lossgui.json"
    asked = answer_save(window, first)
    assert window.files.save()
    assert asked == ["Save session"]
    edit(qtbot, window)
    assert window.files.save()
    assert asked == ["Save session"]  # the second Save did not ask
    assert project.load(first).predictions[0][1][0] == 0.02
    second = tmp_path / "two"  # no suffix: the session suffix is added
    answer_save(window, second)
    press(qtbot, window.target_view, Qt.Key.Key_S, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert (tmp_path / "two.lossgui.json").exists()
    assert "two.lossgui.json" in window.windowTitle()


# --- the GUI and the CLI write the same bytes --------------------------------------------------


@pytest.mark.parametrize("bom", [False, True])
def test_gui_and_cli_results_are_byte_identical(
    window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str], bom: bool
) -> None:
    source = write(tmp_path / "data.csv", "t,=evil,y2\n0,0.1,0.34\n1,0.65,\n0,1e-300,0.91\n")
    assert window.open_path(str(source))
    window.document.set_loss("cee")
    window.document.set_param("eps", 1e-7)
    window.action_map["export_bom"].setChecked(bom)
    gui = tmp_path / "gui.csv"
    answer_save(window, gui)
    window.action_map["export_results"].trigger()
    cli = tmp_path / "cli.csv"
    args = ["compute", str(source), "--loss", "cee", "--param", "eps=1e-7", "--format", "csv",
            "--output", str(cli), *(["--bom"] if bom else [])]
    assert cli_main(args) == 0
    capsys.readouterr()
    assert gui.read_bytes() == cli.read_bytes()
    assert gui.read_bytes().startswith(b"\xef\xbb\xbf") == bom
    assert b"'=evil" in gui.read_bytes()  # the formula-looking name is neutralised


def test_a_target_with_its_own_name_exports_as_the_cli_does(
    window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write(tmp_path / "jp.csv", "予測,正解\n0.2,0\n0.7,1\n")
    window.files.ask_target = lambda path, names: "正解"  # type: ignore[method-assign]
    assert window.open_path(str(source))
    gui = tmp_path / "gui.csv"
    answer_save(window, gui)
    window.action_map["export_results"].trigger()
    cli = tmp_path / "cli.csv"
    assert cli_main(["compute", str(source), "--loss", "sse", "--target", "正解", "--format",
                     "csv", "--output", str(cli)]) == 0
    capsys.readouterr()
    assert gui.read_bytes() == cli.read_bytes()
    # marked as a saved data CSV marks it, so the results reopen with that target, unasked
    assert gui.read_text(encoding="utf-8").startswith("k,正解 (t),予測,")


def test_the_bom_choice_is_remembered(make_window: WindowFactory) -> None:
    first = make_window()
    first.action_map["export_bom"].setChecked(True)
    first.close()
    assert make_window().action_map["export_bom"].isChecked()


# --- writes that fail ---------------------------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses RLIMIT_FSIZE")
def test_an_interrupted_export_leaves_the_old_file_and_the_data(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    import resource
    import signal

    rows = "\n".join(f"{k % 2},{k / 1000!r},{1 - k / 1000!r}" for k in range(1, 2001))
    assert window.open_path(str(write(tmp_path / "big.csv", "t,y1,y2\n" + rows + "\n")))
    edit(qtbot, window)
    before = snapshot(window)
    out = tmp_path / "out"
    out.mkdir()
    target = write(out / "results.csv", "the previous export\r\n")
    answer_save(window, target)
    # The file system refuses to grow any file past 4 KiB, as a full disk would, mid-write.
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        ok = window.files.export_results()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)
    assert not ok
    assert target.read_bytes() == b"the previous export\r\n"
    assert [p.name for p in out.iterdir()] == ["results.csv"]  # no temporary file left
    assert snapshot(window) == before and window.isWindowModified()
    message = window.notice_label.text()
    assert "Could not export the results" in message and "still here" in message
    assert "File too large" in message  # the system's reason (EFBIG), not "Unknown error"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses RLIMIT_FSIZE")
def test_an_interrupted_save_keeps_the_old_session(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    import resource
    import signal

    path = tmp_path / "s.lossgui.json"
    answer_save(window, path)
    assert window.files.save()
    old = path.read_bytes()
    window.document.edit_cells(0, 1, np.linspace(0, 1, 3000).reshape(-1, 1))
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    old_handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (len(old) + 100, hard))
    try:
        ok = window.files.save()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, old_handler)
    assert not ok
    assert path.read_bytes() == old
    assert window.isWindowModified() and window.document.row_count == 3000
    assert "Could not save the session" in window.notice_label.text()
    assert "File too large" in window.notice_label.text()


def test_a_write_to_a_missing_folder_says_why(window: MainWindow, tmp_path: Path) -> None:
    answer_save(window, tmp_path / "no such folder" / "r.csv")
    assert not window.files.export_results()
    assert "no such folder" in window.notice_label.text()
    assert window.document.names == ("t", "y1", "y2")


# --- unsaved changes ----------------------------------------------------------------------------


def test_close_with_changes_save_writes_then_closes(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    edit(qtbot, window)
    asked = answer_changes(window, Button.Save)
    path = tmp_path / "closing.lossgui.json"
    answer_save(window, path)
    assert window.close()
    assert asked == [1]
    assert project.load(path).predictions[0][1][0] == 0.02


def test_close_with_changes_discard_closes_without_writing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    edit(qtbot, window)
    asked = answer_changes(window, Button.Discard)
    answer_save(window, tmp_path / "never.lossgui.json")
    assert window.close()
    assert asked == [1] and not list(tmp_path.glob("*.json"))


def test_close_with_changes_cancel_keeps_the_window(qtbot: QtBot, window: MainWindow) -> None:
    edit(qtbot, window)
    asked = answer_changes(window, Button.Cancel)
    assert not window.close()
    assert asked == [1] and window.isVisible() and window.isWindowModified()
    answer_changes(window, Button.Discard)  # let the test end


def test_save_cancelled_in_the_file_dialog_keeps_the_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    edit(qtbot, window)
    answer_changes(window, Button.Save)
    answer_save(window, None)
    assert not window.close()
    answer_changes(window, Button.Discard)


def test_quit_and_open_ask_too_and_cancel_keeps_the_data(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    edit(qtbot, window)
    before = snapshot(window)
    asked = answer_changes(window, Button.Cancel)
    window.files.ask_open_path = lambda: pytest.fail("asked for a file after Cancel")  # type: ignore[method-assign]
    window.action_map["open"].trigger()
    assert not window.open_path(str(write(tmp_path / "x.csv", "t,y\n1,0\n")))
    window.action_map["quit"].trigger()
    assert asked == [1, 1, 1] and snapshot(window) == before and window.isVisible()
    answer_changes(window, Button.Discard)


def test_no_question_without_changes(window: MainWindow, tmp_path: Path) -> None:
    answer_changes(window, Button.Cancel)
    assert window.open_path(str(write(tmp_path / "x.csv", "t,y\n1,0\n")))
    assert window.close()


def test_the_real_question_has_save_discard_cancel(qtbot: QtBot, window: MainWindow) -> None:
    edit(qtbot, window)
    del window.files.ask_save_changes  # the real dialog, not the fixture's answer
    seen: list[set[QMessageBox.StandardButton]] = []

    def press_cancel() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append({box.standardButton(b) for b in box.buttons()})
        assert box.defaultButton() is box.button(Button.Save)
        box.button(Button.Cancel).click()

    QTimer.singleShot(0, press_cancel)
    assert not window.close()
    assert seen == [{Button.Save, Button.Discard, Button.Cancel}]
    answer_changes(window, Button.Discard)


def test_title_shows_the_file_and_the_modified_marker(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    assert window.open_path(str(write(tmp_path / "data.csv", "t,y\n1,0.5\n")))
    assert window.windowTitle() == "lossgui — data.csv[*]" and not window.isWindowModified()
    edit(qtbot, window)
    path = tmp_path / "data.lossgui.json"
    suggested: list[str] = []

    def ask(title: str, suggestion: str, filters: str) -> tuple[str, str]:
        suggested.append(suggestion)
        return str(path), filters

    window.files.ask_save_path = ask  # type: ignore[method-assign]
    assert window.files.save()
    assert suggested == [str(path)]  # beside the CSV, named after it
    assert window.windowTitle() == "lossgui — data.lossgui.json[*]"
    assert not window.isWindowModified()


# --- recent files, dropped files, plot images --------------------------------------------------


def test_recent_files_list_opened_and_saved_files(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    first = write(tmp_path / "a.csv", "t,y\n1,0.5\n")
    second = write(tmp_path / "b.csv", "t,y\n0,0.25\n")
    assert window.open_path(str(first)) and window.open_path(str(second))
    assert window.files.recent_files() == [str(second), str(first)]
    menu = window.files.recent_menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["&1 b.csv", "&2 a.csv"]
    menu.actions()[1].trigger()  # a.csv again
    assert column_values(window, 1).tolist() == [0.5]
    first.unlink()
    assert not window.files.open_recent(str(first))
    assert str(first) not in window.files.recent_files()
    assert "no longer there" in window.notice_label.text()
    # The File menu holds the submenu, right after Open.
    file_menu = next(m for m in window.action_map["open"].associatedObjects()
                     if m is not window and hasattr(m, "actions"))
    entries = file_menu.actions()
    assert entries[entries.index(window.action_map["open"]) + 1].menu() is menu


KEEP_ALIVE: list[QMimeData] = []  # an event does not own its mime data


def drop_event(kind: type, path: Path) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    KEEP_ALIVE.append(mime)
    if kind is QDragEnterEvent:
        return QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                               Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    return QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)


def drop(window: MainWindow, path: Path) -> bool:
    """Drag ``path`` over the window and drop it, as a file manager does; whether it entered."""
    enter = drop_event(QDragEnterEvent, path)
    QApplication.sendEvent(window, enter)
    if enter.isAccepted():
        QApplication.sendEvent(window, drop_event(QDropEvent, path))
    return enter.isAccepted()


def test_dropping_a_csv_or_session_opens_it(window: MainWindow, tmp_path: Path) -> None:
    csv_path = write(tmp_path / "dropped.csv", "t,y\n1,0.75\n")
    assert drop(window, csv_path)
    assert column_values(window, 1).tolist() == [0.75]
    session = tmp_path / "dropped.lossgui.json"
    project.save(session, project.Session("t", np.array([1.0]), [("z", np.array([0.5]))]))
    assert drop(window, session)
    assert window.document.names == ("t", "z"), window.notice_label.text()
    other = write(tmp_path / "picture.png", b"\x89PNG")
    enter = drop_event(QDragEnterEvent, other)
    enter.setAccepted(False)
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk, after checking the signature."""
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize(("name", "chosen"), [("plot.png", ""), ("plot.svg", ""),
                                              ("figure", "SVG drawing (*.svg)")])
def test_export_plot_png_and_svg(
    window: MainWindow, tmp_path: Path, name: str, chosen: str
) -> None:
    answer_save(window, tmp_path / name, chosen)
    window.action_map["export_plot"].trigger()
    written = list(tmp_path.iterdir())
    assert len(written) == 1
    data = written[0].read_bytes()
    if written[0].suffix == ".png":
        assert png_size(data) == (1600, 900)
    else:
        assert written[0].name in ("plot.svg", "figure.svg")
        root = ElementTree.fromstring(data)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert "Sum of squared error" in data.decode("utf-8")
    assert window.notice.isHidden()


def test_export_plot_follows_the_gradient_mode(window: MainWindow, tmp_path: Path) -> None:
    window.action_map["gradient"].setChecked(True)
    answer_save(window, tmp_path / "g.svg")
    assert window.files.export_plot()
    assert "−∂E/∂y per element" in (tmp_path / "g.svg").read_text(encoding="utf-8")
    assert len(window.plot_panel.bars()) == 2  # the window's own plot is untouched


def test_every_file_action_has_its_shortcut(window: MainWindow) -> None:
    def keys(key: str) -> list[str]:
        return [s.toString() for s in window.action_map[key].shortcuts()]

    assert "Ctrl+O" in keys("open") and "Ctrl+S" in keys("save")
    assert "Ctrl+Shift+S" in keys("save_as") and "Ctrl+E" in keys("export_results")



def test_loading_the_example_asks_and_forgets_the_session_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    answer_save(window, tmp_path / "s.lossgui.json")
    assert window.files.save()
    edit(qtbot, window)
    before = snapshot(window)
    answer_changes(window, Button.Cancel)
    window.action_map["example"].trigger()
    assert snapshot(window) == before
    answer_changes(window, Button.Discard)
    window.action_map["example"].trigger()
    assert column_values(window, 1)[0] == 0.01
    assert window.files.session_path is None  # Save now asks for a name again


def test_a_document_from_no_file_suggests_its_examples_name_in_documents(
    window: MainWindow,
) -> None:
    """Save As on the start-up article suggested "lossgui.lossgui.json" in the current folder
    (a checkout, for the round-3 tester); it names the example, in the Documents folder."""
    from PySide6.QtCore import QStandardPaths

    suggested: list[str] = []

    def ask(title: str, name: str, filters: str) -> tuple[str, str] | None:
        suggested.append(name)
        return None

    window.files.ask_save_path = ask  # type: ignore[method-assign]
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert window.files.recent_files() == []
    window.files.save_as()
    window.files.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window.load_named_example("logits_batch")
    window.files.export_results()
    assert suggested == [str(Path(documents) / "article.lossgui.json"),
                         str(Path(documents) / "logits_batch-results.csv")]


def test_a_bad_csv_names_its_file_once_in_japanese_too(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """「bad.csv を開けませんでした: bad.csv、3 行目…」 named it twice (round-5 tester)."""
    from lossgui.gui import language

    path = write(tmp_path / "bad.csv", b"t,y1,y2\n0,0.1,0.2\n1,0.3,abc\n")
    try:
        japanese = window.switch_language("ja")
        qtbot.addWidget(japanese)
        assert not japanese.open_path(str(path))
        message = japanese.notice_label.text()
    finally:
        language.install(language.ENGLISH)  # the next tests read English
    assert message.count(str(path)) == 1, message
    assert "を開けませんでした" in message and "3 行目" in message


def test_adding_a_sample_keeps_the_examples_name_and_the_session_file(
    window: MainWindow, tmp_path: Path
) -> None:
    """Pasting past the last sample of the logits batch made Save suggest
    "lossgui.lossgui.json" (tester5): a change of the sample count reset the table models, and
    the file controller took that reset for new data. An edit is not new data."""
    suggested: list[str] = []

    def ask(title: str, name: str, filters: str) -> tuple[str, str] | None:
        suggested.append(Path(name).name)
        return None

    window.files.ask_save_changes = lambda: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]
    window.load_named_example("logits_batch")
    z_view = window.batch_sheet.tabs.widget(0)
    z_view.go_to(3, 0)
    assert z_view.paste_text("[[1, 2, 3], [4, 5, 6]]")  # adds sample 5
    assert window.document.model.samples == 5
    window.files.ask_save_path = ask  # type: ignore[method-assign]
    window.files.save_as()
    assert suggested == ["logits_batch.lossgui.json"]
    answer_save(window, tmp_path / "b.lossgui.json")
    assert window.files.save_as()
    z_view.go_to(4, 0)
    assert z_view.paste_text("[[1, 2, 3], [4, 5, 6]]")  # adds sample 6
    assert window.files.session_path == str(tmp_path / "b.lossgui.json")  # Save needs no name
