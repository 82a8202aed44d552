"""Long opens and exports run in a worker thread while the window keeps running (issue 5).

No test here measures a duration: "keeps running" is checked by counting a timer's ticks while
the work is under way, and every race is closed with a gate the test opens itself.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from gui_helpers import column_values
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from lossgui.core import LossguiError, csvio
from lossgui.gui.files import background
from lossgui.gui.files import controller as files
from lossgui.gui.main_window import MainWindow

ROWS = 200_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 200,000-row data CSV (t, y1, y2), about 8 MB: well above the background threshold."""
    rng = np.random.default_rng(5)
    t = (rng.random(ROWS) < 0.5).astype(np.float64)
    table = np.column_stack([t, rng.random(ROWS), rng.random(ROWS)])
    path = tmp_path_factory.mktemp("big") / "big.csv"
    np.savetxt(path, table, fmt="%.17g", delimiter=",", header="t,y1,y2", comments="")
    assert background.is_large_file(path)
    return path


@pytest.fixture(autouse=True)
def no_worker_left(qtbot: QtBot) -> Iterator[None]:
    """Abandoned workers (cancel, close) finish before the next test starts."""
    yield
    qtbot.waitUntil(background.is_idle, timeout=60_000)


class Ticks:
    """A timer counting the GUI thread's event-loop turns while a background job is running."""

    def __init__(self, on_tick: Callable[[], None] | None = None) -> None:
        self.while_busy = 0
        self._on_tick = on_tick
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        if background.is_busy():
            self.while_busy += 1
            if self._on_tick is not None:
                self._on_tick()

    def stop(self) -> int:
        """Stop counting; the ticks seen while a job ran."""
        self.timer.stop()
        return self.while_busy


def snapshot(window: MainWindow) -> tuple[Any, ...]:
    """Everything a failed or cancelled open must leave alone."""
    document = window.document
    values = [column_values(window, c).tolist() for c in range(document.column_count)]
    return (document.names, values, document.loss_id, document.undo_stack.count(),
            window.windowTitle(), window.files.recent_files())


def gate(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> threading.Event:
    """Make ``owner.name`` wait in the worker until the returned event is set."""
    real = getattr(owner, name)
    opened = threading.Event()

    def gated(*args: Any) -> Any:
        opened.wait(60)
        return real(*args)

    monkeypatch.setattr(owner, name, gated)
    return opened


def progress_dialog() -> QProgressDialog | None:
    """The visible background progress dialog, if any."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QProgressDialog) and widget.objectName() == "background_progress" \
                and widget.isVisible():
            return widget
    return None


def press_cancel() -> None:
    """Click the progress dialog's Cancel button, if the dialog is up."""
    dialog = progress_dialog()
    if dialog is not None:
        button = dialog.findChild(QPushButton)
        assert button is not None and button.text() == "Cancel"
        button.click()


def test_a_large_open_runs_in_the_background(window: MainWindow, big_csv: Path) -> None:
    ticks = Ticks()
    assert window.open_path(str(big_csv))
    assert ticks.stop() > 0  # the GUI thread's event loop kept turning while the file was read
    expected = csvio.read_data_csv(big_csv)
    assert window.document.names == ("t", "y1", "y2")
    assert window.document.row_count == ROWS
    for c, name in enumerate(expected.names):
        np.testing.assert_array_equal(window.document.column(c), expected.column(name))
    assert "big.csv" in window.windowTitle() and not window.isWindowModified()


def test_the_progress_dialog_shows_and_the_window_paints_meanwhile(
    qtbot: QtBot, window: MainWindow, big_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = gate(monkeypatch, csvio, "read_data_csv")
    seen: list[str] = []
    painted: list[int] = []

    def watch() -> None:
        dialog = progress_dialog()
        if dialog is not None and not seen:
            seen.append(dialog.labelText())
            # A repaint of the window is served while the worker is still held at the gate.
            window.repaint()
            painted.append(1)
            opened.set()

    ticks = Ticks(watch)
    assert window.open_path(str(big_csv))
    ticks.stop()
    assert seen == ["Opening big.csv…"] and painted
    assert window.document.row_count == ROWS
    assert progress_dialog() is None


def test_a_large_export_is_byte_identical(
    window: MainWindow, big_csv: Path, tmp_path: Path
) -> None:
    assert window.open_path(str(big_csv))
    document = window.document
    assert background.is_large_table(document.row_count, document.column_count - 1)
    out = tmp_path / "results.csv"
    window.files.ask_save_path = lambda *_: (str(out), "")  # type: ignore[method-assign]
    ticks = Ticks()
    assert window.files.export_results()
    assert ticks.stop() > 0
    predictions = [
        (document.names[c], document.column(c), document.evaluations[c - 1])
        for c in range(1, document.column_count)
    ]
    expected = csvio.results_csv_text("t", document.column(0), predictions)  # type: ignore[arg-type]
    assert out.read_bytes() == expected.encode("utf-8")


def test_a_bad_large_file_says_the_same_and_leaves_the_tables(
    window: MainWindow, big_csv: Path, tmp_path: Path
) -> None:
    lines = big_csv.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[150_001] = "1,0.5,abc\n"
    bad = tmp_path / "bad.csv"
    bad.write_text("".join(lines), encoding="utf-8", newline="")
    assert background.is_large_file(bad)
    with pytest.raises(LossguiError) as raised:
        csvio.read_data_csv(bad)
    expected = f"Could not open {bad}: {files.without_source(str(raised.value), str(bad))}"
    before = snapshot(window)
    ticks = Ticks()
    assert not window.open_path(str(bad))
    assert ticks.stop() > 0
    assert snapshot(window) == before
    assert window.notice.isVisible() and window.notice_label.text() == expected
    assert "row 150002" in expected and "abc" in expected


def test_cancelling_an_open_changes_nothing(
    window: MainWindow, big_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(background, "SHOW_AFTER_MS", 0)
    opened = gate(monkeypatch, csvio, "read_data_csv")
    before = snapshot(window)
    ticks = Ticks(press_cancel)
    assert not window.open_path(str(big_csv))
    ticks.stop()
    opened.set()  # the abandoned worker may finish now; its result goes nowhere
    assert snapshot(window) == before
    assert window.notice.isHidden()
    assert progress_dialog() is None


def test_cancelling_an_export_writes_nothing(
    window: MainWindow, big_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_path(str(big_csv))
    monkeypatch.setattr(background, "SHOW_AFTER_MS", 0)
    opened = gate(monkeypatch, files, "results_text")
    window.files.ask_save_path = lambda *_: pytest.fail("asked for a file after Cancel")  # type: ignore[method-assign]
    ticks = Ticks(press_cancel)
    assert not window.files.export_results()
    ticks.stop()
    opened.set()
    assert [p.name for p in tmp_path.iterdir()] == ["lossgui.ini"]  # the settings only
    assert window.notice.isHidden()


def test_closing_the_window_during_an_open_is_safe(
    window: MainWindow, big_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = gate(monkeypatch, csvio, "read_data_csv")
    before = snapshot(window)
    ticks = Ticks(lambda: window.isVisible() and window.close())
    assert not window.open_path(str(big_csv))
    ticks.stop()
    opened.set()
    assert not window.isVisible()
    assert snapshot(window) == before


def test_a_second_job_while_one_runs_is_refused(
    window: MainWindow, big_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = gate(monkeypatch, csvio, "read_data_csv")
    refused: list[bool] = []

    def second() -> None:
        if not refused:
            with pytest.raises(background.Cancelled):
                background.run(window, "again", lambda: None)
            refused.append(True)
            opened.set()

    ticks = Ticks(second)
    assert window.open_path(str(big_csv))
    ticks.stop()
    assert refused == [True]


def test_small_work_runs_directly(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "small.csv"
    path.write_text("t,y1\n1,0.5\n0,0.25\n", encoding="utf-8")
    assert not background.is_large_file(path)
    assert not background.is_large_table(1000, 2)
    caller = threading.current_thread()
    assert background.run(window, "x", threading.current_thread, background=False) is caller
    assert background.run(window, "x", threading.current_thread) is not caller
    with pytest.raises(ZeroDivisionError):
        background.run(window, "x", lambda: 1 / 0)


def test_the_jobs_share_one_long_lived_worker(window: MainWindow) -> None:
    """A fresh thread per job read a 10⁶-row file 20–30 ms slower (background.py)."""
    first = background.run(window, "x", threading.current_thread)
    second = background.run(window, "x", threading.current_thread)
    assert first is second and first is not threading.current_thread()
    assert first.daemon  # quitting never waits for it


def test_a_job_after_an_abandoned_one_gets_a_thread_of_its_own(
    qtbot: QtBot, window: MainWindow
) -> None:
    held = threading.Event()
    seen: list[threading.Thread] = []

    def abandoned() -> None:
        seen.append(threading.current_thread())
        held.wait(60)

    QTimer.singleShot(400, press_cancel)  # after the progress dialog has appeared
    with pytest.raises(background.Cancelled):
        background.run(window, "x", abandoned)
    assert not background.is_idle()  # the abandoned job runs on in the worker
    # The next job is not queued behind it: the user would wait for work they cancelled.
    spare = background.run(window, "x", threading.current_thread)
    assert spare is not seen[0] and spare is not threading.current_thread()
    held.set()
    qtbot.waitUntil(background.is_idle, timeout=10_000)
    assert background.run(window, "x", threading.current_thread) is seen[0]


def test_a_large_open_gives_the_workers_freed_memory_back(
    window: MainWindow, big_csv: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker's heap keeps a read's freed text and frames, which the GUI thread's
    evaluations cannot reuse: the window's peak counted both (lossgui/allocator.py)."""
    calls: list[str] = []
    monkeypatch.setattr(files, "give_back_free_memory",
                        lambda: calls.append(threading.current_thread().name) or True)
    small = tmp_path / "small.csv"
    small.write_text("t,y1\n1,0.5\n0,0.25\n", encoding="utf-8")
    assert window.open_path(str(small))
    assert calls == []  # read in the GUI thread: nothing was left in another heap
    assert window.open_path(str(big_csv))
    assert calls == ["lossgui-worker"]  # once, in the worker, after the read
    assert window.document.row_count == ROWS
