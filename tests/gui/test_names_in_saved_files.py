"""Names a saved file reads back as they were (tester6, finding 10): a prediction may not be
renamed ``x (t)`` (the mark a saved data CSV gives the target, so two "(t)" marks needed
--target), and the names File ▸ Save… suggests follow one rule: after saving the session
``blab2-data.csv.lossgui.json``, Save Data suggests ``blab2-data.csv``, not
``blab2-data.csv-data.csv``."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import go_to
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.gui.main_window import MainWindow

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def rename_with_keys(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                     column: int, name: str) -> None:
    """Data ▸ Rename Prediction (Ctrl+Shift+R) on prediction ``column``, answered ``name``."""
    view = window.prediction_view
    go_to(view, 0, column)
    monkeypatch.setattr(window, "ask_text", lambda *_: name)
    qtbot.keyClick(view, Qt.Key.Key_R, CTRL | SHIFT)


@pytest.mark.parametrize("name", ["x (t)", "label (t)", "y1(t) (t)"])
def test_a_prediction_cannot_take_the_targets_mark(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    rename_with_keys(qtbot, window, monkeypatch, 1, name)
    assert window.document.prediction_names == ("y1", "y2")
    assert "(t)" in window.notice_label.text()
    assert "marks the target" in window.notice_label.text()


def test_a_pasted_header_cannot_give_a_prediction_the_mark(
    qtbot: QtBot, window: MainWindow
) -> None:
    view = window.prediction_view
    go_to(view, 0, 0)
    QApplication.clipboard().setText("x (t)\tok\r\n0.1\t0.2\r\n")
    qtbot.keyClick(view, Qt.Key.Key_V, CTRL)
    assert window.document.prediction_names == ("y1", "ok")


def test_a_name_with_t_in_brackets_elsewhere_is_fine(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    rename_with_keys(qtbot, window, monkeypatch, 0, "f(t) model")
    assert window.document.prediction_names == ("f(t) model", "y2")


def _suggestions(window: MainWindow, answer: Path | None) -> list[str]:
    suggested: list[str] = []

    def ask(_title: str, name: str, _filters: str) -> tuple[str, str] | None:
        suggested.append(name)
        return None if answer is None else (str(answer), "")

    window.files.ask_save_path = ask  # type: ignore[method-assign]
    return suggested


@pytest.mark.parametrize(("data", "session", "expected", "results"), [
    ("blab2-data.csv", "blab2-data.csv.lossgui.json", "blab2-data.csv", "blab2-data-results.csv"),
    ("blab2.csv", "blab2.lossgui.json", "blab2-data.csv", "blab2-results.csv"),
    ("scores.tsv", "scores.tsv.lossgui.json", "scores-data.csv", "scores-results.csv"),
])
def test_save_data_after_a_session_suggests_the_data_name_once(
    window: MainWindow, tmp_path: Path, data: str, session: str, expected: str, results: str
) -> None:
    path = tmp_path / data
    path.write_text("t,y\n1,0.5\n0,0.2\n", encoding="utf-8")
    assert window.open_path(str(path))
    asked = _suggestions(window, None)
    window.action_map["save_data"].trigger()
    assert asked == [str(tmp_path / expected)]  # from the CSV itself
    asked = _suggestions(window, tmp_path / session)
    window.action_map["save_as"].trigger()
    assert (tmp_path / session).exists()
    asked = _suggestions(window, None)
    window.action_map["save_data"].trigger()
    window.action_map["export_results"].trigger()
    assert asked == [str(tmp_path / expected), str(tmp_path / results)]


@pytest.mark.parametrize("name", ["y[1]", "p [0]"])
def test_a_prediction_cannot_take_a_batch_files_class_column_name(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """``y[1]`` is class 1 of block y in a data CSV: Save Data wrote ``t,y[1],y2``, which
    no longer opened ("the block 'y' has no column y[0]")."""
    rename_with_keys(qtbot, window, monkeypatch, 0, name)
    assert window.document.prediction_names == ("y1", "y2")
    assert "class column of a batch" in window.notice_label.text()
