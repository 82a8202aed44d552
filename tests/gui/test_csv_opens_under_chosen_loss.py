"""A data CSV names no loss: it opens under the loss the user chose last, never under the one an
example was shown with, and the status bar says which (round-7 tester #17: after Examples ▸
Logits, Several Labels the teacher's probabilities opened under bce_logits, σ(0.65) beside them).
Real Ctrl+O, real keys in the loss box."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import WindowFactory, press, switched
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from test_main_window import select_loss

from lossgui.gui import language
from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)


def _csv(tmp_path: Path) -> Path:
    path = tmp_path / "teacher.csv"
    path.write_text("t,予測A\n0,0.35\n1,0.65\n", encoding="utf-8")
    return path


def _open(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    window.files.ask_open_path = lambda: str(path)  # type: ignore[method-assign]
    press(qtbot, window.prediction_view, Qt.Key.Key_O, CTRL)


def _status(window: MainWindow) -> str:
    """The status bar's whole message (a long one is cut to the bar, whole in its tooltip)."""
    return window.statusBar().toolTip() or window.statusBar().currentMessage()


def test_an_examples_loss_is_not_the_users_choice(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.load_named_example("multi_label")
    assert window.document.loss_id == "bce_logits"
    path = _csv(tmp_path)
    _open(qtbot, window, path)
    assert window.document.names == ("t", "予測A")
    assert window.document.loss_id == "sse"  # the article's, never chosen otherwise
    assert _status(window) == \
        f"Opened {path} under sse (Ctrl+L picks another loss)"


def test_the_loss_picked_in_the_box_outlasts_an_example(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    select_loss(qtbot, window, "mse")
    window.load_named_example("logits_batch")
    assert window.document.loss_id == "softmax_cee"
    _open(qtbot, window, _csv(tmp_path))
    assert window.document.loss_id == "mse"
    assert "under mse" in _status(window)


def test_a_sessions_loss_counts_as_chosen(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    select_loss(qtbot, window, "mae")
    session = tmp_path / "mine.lossgui.json"
    assert window.files.save_to(str(session))
    select_loss(qtbot, window, "mse")
    _open(qtbot, window, session)
    assert window.document.loss_id == "mae"
    window.load_named_example("multi_label")
    _open(qtbot, window, _csv(tmp_path))
    assert window.document.loss_id == "mae"


def test_closing_on_an_example_remembers_the_chosen_loss(
    qtbot: QtBot, make_window: WindowFactory, settings: QSettings,
) -> None:
    first = make_window(settings_=settings)
    select_loss(qtbot, first, "mse")
    first.load_named_example("multi_label")
    first.close()
    second = make_window(settings_=settings)
    assert second.remembered_loss == "mse"


def test_the_status_says_the_loss_in_japanese(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window = switched(qtbot, window, "ja")
    path = _csv(tmp_path)
    _open(qtbot, window, path)
    assert _status(window) == \
        f"{path} を開きました(損失関数: sse。Ctrl+L で変えられます)"
