"""GUI rows, measured by driving the real main window offscreen (run in a child process).

``python -m benchmarks.gui_rows N DIR`` prints one JSON list of rows for ``N`` rows; the parent
runs it with a time limit, because a window that takes minutes at 10⁶ rows is itself a finding.
``python -m benchmarks.gui_rows startup lossgui|minimal`` starts a window, paints it and exits.
"""

from __future__ import annotations

import io
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

START = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def peak_kb() -> int:
    """This process's peak resident memory (VmHWM; ru_maxrss would carry over a parent's peak)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _app():  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["lossgui-bench"])


def _painted(window) -> None:  # type: ignore[no-untyped-def]
    """Let queued work run, then render the whole window (offscreen, grab() paints every widget)."""
    app = _app()
    app.processEvents()
    window.grab()
    app.processEvents()


def _settled(app, painted: PaintCounter) -> None:  # type: ignore[no-untyped-def]
    """Turn the event loop until a turn paints none of the watched widgets (what the window
    does by itself after an open: a first paint, and what that paint scheduled), at most ten
    turns. No application-wide filter: a Python call per event would slow the open timed."""
    from PySide6.QtCore import QEventLoop

    for _ in range(10):
        before = painted.paints
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        if painted.paints == before:
            return


class PaintCounter:
    """Counts the paint events of the ``required`` and ``others`` widgets (as their event
    filter), and tells whether each of ``required`` painted since :meth:`reset`."""

    def __init__(self, required, others=()) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class _Filter(QObject):
            def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
                if event.type() == QEvent.Type.Paint:
                    counter.seen.add(id(watched))
                    counter.paints += 1
                return False

        self.paints = 0
        self._filter = _Filter()
        self._ids = {id(widget) for widget in required}
        self.seen: set[int] = set()
        self._widgets = [*required, *others]
        for widget in self._widgets:
            widget.installEventFilter(self._filter)

    def reset(self) -> None:
        self.seen.clear()

    def all_painted(self) -> bool:
        return self._ids <= self.seen


def startup(kind: str) -> None:
    """Start-up to the first painted window; prints seconds since the interpreter started."""
    app = _app()
    if kind == "minimal":
        import pyqtgraph as pg
        from PySide6.QtWidgets import QMainWindow

        window = QMainWindow()
        window.setCentralWidget(pg.PlotWidget())
    else:
        from PySide6.QtCore import QSettings

        from lossgui.gui.app import build_window

        settings = QSettings(str(Path(tempfile.gettempdir()) / "lossgui-bench.ini"),
                             QSettings.Format.IniFormat)
        window, _ = build_window(None, settings)
    window.resize(1200, 800)
    window.show()
    _painted(window)
    print(json.dumps({"seconds": time.perf_counter() - START,
                      "maxrss_kb": peak_kb()}))
    app.quit()


def measure(n: int, directory: Path) -> list[dict[str, object]]:
    """Open, edit, paste, jump: each against its baseline, measured here in the same process."""
    import numpy as np
    from PySide6.QtCore import QSettings

    from benchmarks.common import columns, data_csv
    from lossgui.gui.app import build_window

    app = _app()
    path = data_csv(n, directory)
    settings = QSettings(str(directory / "bench.ini"), QSettings.Format.IniFormat)
    rows: list[dict[str, object]] = []

    # Opening as File ▸ Open does, in a window already up (start-up is a row of its own).
    window, problem = build_window(None, settings)
    window.resize(1200, 800)
    window.show()
    _painted(window)
    # The open is shown when the totals and the plot have painted; the tables and the formula
    # are watched too, so that the loop below also waits for their repaints.
    painted = PaintCounter([window.loss_panel, window.plot_panel.plot.viewport()],
                           [window.formula_panel, window.prediction_view.viewport(),
                            window.target_view.viewport()])

    def open_file(grab: bool = False) -> float:
        """File ▸ Open until the window has painted the totals and the plot itself, as a user
        sees them (``grab``: then also render the whole window once more, as rounds 3–7 timed
        it: every widget painted a second time, which no user waits for)."""
        painted.reset()
        start = time.perf_counter()
        assert window.files.open_path(str(path), ask_first=False)
        _settled(app, painted)
        if grab:
            _painted(window)
        assert painted.all_painted(), "the open was timed before the totals and plot painted"
        return (time.perf_counter() - start) * 1e3

    # The first open also imports polars (~0.1 s, once per session), which the baseline below
    # has done before it is timed; the target compares a later open with it, like for like.
    first_open = open_file()
    assert problem is None, problem
    peak_open = peak_kb()
    # Imported after the open's peak is read: the empty-app baseline loads neither (lossgui's
    # open has imported polars already, so only pandas is new here).
    import pandas
    import polars

    def polars_open() -> None:  # the fastest reader there is, and the same evaluation
        frame = polars.read_csv(path)
        t, y1, y2 = (frame[c].to_numpy() for c in ("t", "y1", "y2"))
        for y in (y1, y2):
            d = y - t
            c = d * d
            (c.sum(), c, 2 * d)

    def polars_ms_once() -> float:
        start = time.perf_counter()
        polars_open()
        return (time.perf_counter() - start) * 1e3

    # Both warm up over their first runs (10⁶ rows, quiet machine: the window's 2nd to 6th opens
    # took 110–230 ms and later ones 80–110; polars' first reads 60–90 ms, later ones 45–60):
    # three of each are not timed. Then in turn, nine of each: the shared machine's noise falls
    # on both alike (one polars read against the median of three opens was one noisy run).
    for _ in range(3 if n >= 100_000 else 1):
        open_file()
        polars_ms_once()
    pairs = [(open_file(), polars_ms_once()) for _ in range(9)]
    opened = statistics.median(ours for ours, _ in pairs)
    polars_ms = statistics.median(base for _, base in pairs)
    with_grab = statistics.median(open_file(grab=True) for _ in range(3))
    start = time.perf_counter()
    pandas.read_csv(path)
    pandas_ms = (time.perf_counter() - start) * 1e3
    rows.append({"what": "open CSV → totals and plot shown", "n": n, "ours_ms": opened,
                 "base_ms": polars_ms, "baseline": "polars.read_csv + numpy evaluate",
                 "target": 2.0, "pandas_ms": pandas_ms, "first_open_ms": first_open,
                 "with_grab_ms": with_grab,
                 "maxrss_kb": peak_open,
                 "data_mb": n * 3 * 8 / 2**20})

    # An edit as a user makes it: text into the y1 cell through the table model's setData,
    # until the panels that show its consequences (totals, formula, plot, the table) have
    # painted. Not a whole-window grab: a real edit repaints only what changed.
    document = window.document
    model = window.prediction_view.model()
    panels = [window.loss_panel, window.formula_panel, window.plot_panel,
              window.prediction_view.viewport()]
    edits = []
    for k in range(9):
        index = model.index(n // 2, 0)
        start = time.perf_counter()
        assert model.setData(index, f"{0.25 + 0.01 * k!r}")
        app.processEvents()
        for panel in panels:
            panel.repaint()
        edits.append((time.perf_counter() - start) * 1e3)
    rows.append({"what": "edit one cell → panels painted", "n": n,
                 "ours_ms": float(np.median(edits)), "baseline": "same edit on 1,000 rows",
                 "target": 1.5, "absolute_target_ms": 30.0})
    _, y1, y2 = columns(n)

    lines = min(n, 100_000)
    block = "\n".join(f"{a!r}\t{b!r}" for a, b in zip(y2[:lines].tolist(), y1[:lines].tolist(),
                                                        strict=True)) + "\n"
    view = window.prediction_view
    view.go_to(0, 0)
    before = document.undo_stack.count()
    start = time.perf_counter()
    view.paste_text(block)
    _painted(window)
    pasted = (time.perf_counter() - start) * 1e3
    steps = document.undo_stack.count() - before
    start = time.perf_counter()
    np.loadtxt(io.StringIO(block), delimiter="\t")
    rows.append({"what": f"paste {lines:,}-line block → repainted", "n": n, "ours_ms": pasted,
                 "base_ms": (time.perf_counter() - start) * 1e3, "baseline": "numpy.loadtxt",
                 "target": 1.5, "undo_steps": steps})

    jumps = []
    for target_row in (n - 1, 0, n - 1):
        start = time.perf_counter()
        view.go_to(target_row, 0)
        view.scrollTo(view.model().index(target_row, 0))
        _painted(window)
        jumps.append((time.perf_counter() - start) * 1e3)
    rows.append({"what": "jump to last row and paint", "n": n, "ours_ms": float(np.median(jumps)),
                 "baseline": "same on 1,000 rows", "target": 2.0})
    document.undo_stack.setClean()  # the edits above are the benchmark's: no Save question
    window.close()
    app.processEvents()
    return rows


if __name__ == "__main__":
    if sys.argv[1] == "startup":
        startup(sys.argv[2])
    else:
        print(json.dumps(measure(int(sys.argv[1]), Path(sys.argv[2]))))
