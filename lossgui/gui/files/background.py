"""Long work off the GUI thread: a pure function in a worker thread, with a progress dialog.

:func:`run` calls a pure function (reading a file, building the results text) in a worker
thread and waits for it in a local event loop, so the caller gets the result — or the
function's own exception — as if it had called it directly, while the window keeps painting.
A busy dialog appears only when the work outlasts a blink (:data:`SHOW_AFTER_MS`); until then
user input is held back, and afterwards the window-modal dialog holds it back, so nothing can
change the document or start a second job meanwhile. Cancel, closing the window or quitting the
application abandon the work: :class:`Cancelled` is raised and the caller changes nothing; the
worker is a daemon thread whose result is dropped when it ends (the functions run here have
no side effects, so abandoning them is safe and the application never waits for them).

The jobs run in one long-lived worker thread, not a new thread each: a 10⁶-row file read in a
fresh thread took 20–30 ms longer than in the GUI thread or in a thread that had read before
(118–133 against 91–105 ms, in turn in one process; docs/benchmarks.md). A job abandoned there
runs on to its end, and the next job gets a thread of its own meanwhile.

Small jobs (below the size thresholds) run directly, with no thread and no event processing,
so quick opens and exports behave exactly as before and tests stay deterministic.
"""

from __future__ import annotations

import contextlib
import os
import queue
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

T = TypeVar("T")

SHOW_AFTER_MS = 300  # the progress dialog appears only after this long
BACKGROUND_BYTES = 1 << 20  # files from 1 MiB (~25,000 rows, ~50 ms to read) load in a worker
BACKGROUND_CELLS = 20_000  # results with rows × predictions from this (~0.1 s) build in a worker
BACKGROUND_PASTE = 1 << 18  # pasted text from 256 KiB (~0.1 s on the careful path) is read in one

INPUT_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.KeyPress, QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut, QEvent.Type.Wheel,
    QEvent.Type.ContextMenu, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd, QEvent.Type.Drop, QEvent.Type.DragEnter, QEvent.Type.DragMove,
    QEvent.Type.TabletPress,
})


class Cancelled(Exception):
    """The user said no: cancelled the work or a question asked for it (which column is t?),
    or the window closed or the application quit before it ended. Not an error: the caller
    changes nothing and says nothing."""


def opening_label(path: str | os.PathLike[str]) -> str:
    """The progress dialog's text while a file is read."""
    return QCoreApplication.translate("Background", "Opening %1…").replace(
        "%1", Path(path).name)


def pasting_label() -> str:
    """The progress dialog's text while a large paste is read."""
    return QCoreApplication.translate("Background", "Reading the pasted text…")


def exporting_label() -> str:
    """The progress dialog's text while the results CSV is built."""
    return QCoreApplication.translate("Background", "Preparing the results…")


def is_large_file(path: str | os.PathLike[str]) -> bool:
    """Whether reading ``path`` is worth a worker thread (a missing file: no, let it fail)."""
    try:
        return os.path.getsize(path) >= BACKGROUND_BYTES
    except OSError:
        return False


def is_large_table(rows: int, predictions: int) -> bool:
    """Whether formatting results for this many rows and predictions is worth a worker."""
    return rows * max(predictions, 1) >= BACKGROUND_CELLS


class _Relay(QObject):
    """Carries the worker's "finished" into the GUI thread (a queued signal)."""

    finished = Signal()


class _InputBlocker(QObject):
    """Holds back user input everywhere until the (modal) progress dialog is up."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Swallow input events; let everything else (painting, timers, close) through."""
        return event.type() in INPUT_EVENTS


class _WindowWatcher(QObject):
    """Calls ``on_gone`` when the window is hidden (closed) while the work runs."""

    def __init__(self, on_gone: Callable[[], None]) -> None:
        super().__init__()
        self._on_gone = on_gone

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Notice the window going away (not merely minimised); never consume the event."""
        if event.type() == QEvent.Type.Hide and isinstance(watched, QWidget) \
                and not watched.isVisible():
            self._on_gone()
        return False


_running = 0  # jobs waiting in run(): a second one while one runs is refused


class _Worker:
    """The long-lived daemon thread that runs the jobs, one at a time."""

    NAME = "lossgui-worker"
    SPARE_NAME = "lossgui-background"  # a job's own thread while an abandoned one runs on

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self.busy = False  # set here in the GUI thread, cleared by the worker after the job

    def start(self, job: Callable[[], None]) -> None:
        """Run ``job`` (which raises nothing) in the worker, or in a thread of its own if the
        worker is still busy with a job that was abandoned."""
        if self.busy:
            threading.Thread(target=job, name=self.SPARE_NAME, daemon=True).start()
            return
        self.busy = True
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name=self.NAME, daemon=True)
            self._thread.start()
        self._jobs.put(job)

    def _serve(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                job()
            finally:
                self.busy = False


_WORKER = _Worker()


def is_idle() -> bool:
    """Whether no job runs in a worker, abandoned ones included (for the tests)."""
    return not _WORKER.busy and not any(
        thread.name == _Worker.SPARE_NAME and thread.is_alive() for thread in threading.enumerate())


def is_busy() -> bool:
    """Whether a job is running (its local event loop is on the stack)."""
    return _running > 0


def run(parent: QWidget, label: str, function: Callable[..., T], *args: Any,
        background: bool = True) -> T:
    """``function(*args)``, in a worker thread with a progress dialog if ``background``.

    Returns what the function returns and raises what it raises, in the calling (GUI)
    thread; raises :class:`Cancelled` if the user cancels, the parent window closes, the
    application quits, or another job is already running.
    """
    if not background:
        return function(*args)
    global _running
    if is_busy():
        raise Cancelled
    outcome: dict[str, Any] = {}
    relay = _Relay()
    loop = QEventLoop()
    relay.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            outcome["value"] = function(*args)
        except BaseException as error:  # delivered to the GUI thread as it is
            outcome["error"] = error
        with contextlib.suppress(RuntimeError):  # the relay is gone: nobody waits any more
            relay.finished.emit()

    cancelled = False

    def cancel() -> None:
        nonlocal cancelled
        cancelled = True
        loop.quit()

    dialog = QProgressDialog(label, QCoreApplication.translate("Background", "Cancel"),
                             0, 0, parent)
    dialog.setWindowTitle(QApplication.applicationDisplayName())
    dialog.setObjectName("background_progress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.canceled.connect(cancel)
    app = QApplication.instance()
    blocker = _InputBlocker()
    watcher = _WindowWatcher(cancel)
    window = parent.window()
    was_visible = window.isVisible()
    was_active = window.isActiveWindow()

    def show_dialog() -> None:
        if app is not None:
            app.removeEventFilter(blocker)  # the modal dialog holds input back from here on
        if not cancelled and "value" not in outcome and "error" not in outcome:
            dialog.show()

    if app is not None:
        app.installEventFilter(blocker)
    if was_visible:
        window.installEventFilter(watcher)
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(show_dialog)
    _running += 1
    try:
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        timer.start(SHOW_AFTER_MS)
        _WORKER.start(work)
        loop.exec()
    finally:
        _running -= 1
        QApplication.restoreOverrideCursor()
        timer.stop()
        if app is not None:
            app.removeEventFilter(blocker)
        if was_visible:
            window.removeEventFilter(watcher)
        dialog.canceled.disconnect(cancel)
        if dialog.isVisible() and was_active and window.isVisible():
            # Hand the keyboard back: without a window manager that does it (offscreen, a
            # bare X server) no window stays active, and the next Ctrl+Z reached no shortcut.
            dialog.hide()
            window.activateWindow()
        dialog.hide()
        dialog.deleteLater()
    if cancelled or not ("value" in outcome or "error" in outcome):
        raise Cancelled  # cancelled, window closed, or the application is quitting
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]
