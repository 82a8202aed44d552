"""Starting the window: the example, a CSV, a CSV that fails, and the exception dialog."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from gui_helpers import total_text
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from lossgui.gui import app


def test_no_path_opens_the_article(qtbot: QtBot, settings: QSettings) -> None:
    window, problem = app.build_window(None, settings)
    qtbot.addWidget(window)
    assert problem is None
    assert window.document.names == ("t", "y1", "y2")
    assert total_text(window, 0) == "0.252"
    assert window.windowTitle() == \
        "lossgui — The Article: t = [0, 1, 0, 1, 0], a Good and a Bad y[*]"


def test_the_article_has_one_name_at_start_up_and_from_the_examples_menu(
    qtbot: QtBot, settings: QSettings
) -> None:
    """Round-3 tester: "article example" at start, "The Article: t = …" after Examples ▸ The
    Article. Both come from the Examples menu's title now."""
    window, _ = app.build_window(None, settings)
    qtbot.addWidget(window)
    at_start = window.windowTitle()
    window.action_map["example_article"].trigger()
    assert window.windowTitle() == at_start
    window.action_map["example_book"].trigger()
    assert window.windowTitle() != at_start
    window.action_map["example"].trigger()  # File ▸ Load the Article's Example
    assert window.windowTitle() == at_start


def test_a_csv_is_opened_with_t_first(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("good,t,bad\n0.9,1,0.2\n0.1,0,0.8\n", encoding="utf-8")
    window, problem = app.build_window(str(path), settings)
    qtbot.addWidget(window)
    assert problem is None
    assert window.document.names == ("t", "good", "bad")
    np.testing.assert_array_equal(window.document.column(0), [1, 0])
    assert "mine.csv" in window.windowTitle()


def test_a_bad_csv_says_why_and_shows_the_example(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("t,y\n1,abc\n", encoding="utf-8")
    window, problem = app.build_window(str(path), settings)
    qtbot.addWidget(window)
    assert problem is not None and "bad.csv" in problem and "example" in problem
    assert window.document.names == ("t", "y1", "y2")
    window, problem = app.build_window(str(tmp_path / "missing.csv"), settings)
    qtbot.addWidget(window)
    assert problem is not None and "missing.csv" in problem


def test_open_path_failure_keeps_the_data(
    qtbot: QtBot, settings: QSettings, tmp_path: Path
) -> None:
    window, _ = app.build_window(None, settings)
    qtbot.addWidget(window)
    window.show()
    assert not window.open_path(str(tmp_path / "nope.csv"))
    assert "nope.csv" in window.notice_label.text()
    assert window.document.names == ("t", "y1", "y2")


def test_exception_hook_shows_a_dialog_once_the_event_is_over(
    qapp: object, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The hook runs inside the override that raised (a paintEvent): the dialog waits for the
    event loop, and the same error raised again (the next repaint) is not said again."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    for _ in range(3):
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            app.show_exception(*sys.exc_info())  # type: ignore[arg-type]
    assert not shown  # not inside the event that raised
    qtbot.waitUntil(lambda: bool(shown))
    qtbot.wait(50)
    assert len(shown) == 1 and "RuntimeError: boom" in shown[0]
    assert capsys.readouterr().err.count("Traceback") == 1


def test_a_bug_while_starting_is_shown_not_hidden(
    qapp: object, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)

    def broken(*_: object, **__: object) -> None:
        raise TypeError("broken core")

    monkeypatch.setattr(app, "build_window", broken)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() replaces it
    assert app.main(None) == 1
    assert "could not start" in shown[0] and "broken core" in shown[0]
    capsys.readouterr()


def test_a_display_that_does_not_answer_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """DISPLAY names no running X server: Qt would abort (134) after a screenful of messages."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}}
    env["DISPLAY"] = ":4711"  # no server there
    done = subprocess.run([sys.executable, "-m", "lossgui"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2, done.stderr
    # The reason is Qt's first platform message ("could not connect to display :4711" where
    # the xcb plugin loads); the rest of Qt's screenful is held back.
    assert done.stderr.startswith("lossgui: error: the window cannot open: ")
    assert len(done.stderr.splitlines()) == 1
