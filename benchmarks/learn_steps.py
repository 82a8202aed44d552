"""Learning in the window: how many steps per second Run keeps at 10³ elements (issue 12).

``python -m benchmarks.learn_steps [--elements 1000] [--steps 200] [--repeats 5]`` drives the
real main window offscreen: it presses Run, lets Qt's event loop take the steps (one per timer
tick, the tables, the bars and the loss-over-steps plot updating as they go) until the cap, and
divides the steps by the wall time. Two baselines measured in the same run:

* the timer alone (an empty slot at the same frame interval): the most steps Run could take;
* the core alone (``Descender.step`` on the same data): what the numbers cost without a window.

A third row repaints the whole window (``grab()``) after every step, the worst case of a
display that redraws everything each frame. Figures are medians over ``--repeats`` runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.common import columns


def _window(elements: int, loss: str):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from lossgui.gui.document import Document
    from lossgui.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["lossgui-bench"])
    t, good, bad = columns(elements)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "bench.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Document(["t", "y1", "y2"], [t, good, bad], loss), settings)
    window.files.ask_save_changes = lambda: None  # type: ignore[method-assign]
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    return app, window


def run_rate(elements: int, steps: int, loss: str, space: str,
             grab: bool) -> tuple[float, float]:
    """Steps per wall second and per CPU second of Run in the real window, Run to the cap.

    The CPU figure is this process's own time: on a machine shared with others (load above
    its cores) the wall figure is what a learner would see there, the CPU one what an idle
    core gives.
    """
    app, window = _window(elements, loss)
    learning = window.learning
    learning.set_space(space)
    learning.cap = steps
    if grab:  # the worst case: every widget repainted after every step
        learning.stepped.connect(window.grab)
    window.plot_tabs.setCurrentWidget(window.steps_plot)
    app.processEvents()
    start, cpu = time.perf_counter(), time.process_time()
    learning.run()
    while learning.running:
        app.processEvents()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    taken = learning.step_count
    window.document.undo_stack.setClean()  # closing must not ask about the steps
    window.close()
    window.deleteLater()
    app.processEvents()
    return taken / elapsed, taken / cpu


def timer_rate(steps: int) -> float:
    """Ticks per second of an empty slot on the same timer interval: Run's ceiling."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from lossgui.gui.learning import FRAME_MS

    app = QApplication.instance() or QApplication(["lossgui-bench"])
    ticks = [0]
    timer = QTimer()
    timer.setInterval(FRAME_MS)
    timer.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    start = time.perf_counter()
    timer.start()
    while ticks[0] < steps:
        app.processEvents()
    timer.stop()
    return steps / (time.perf_counter() - start)


def core_rate(elements: int, steps: int, loss: str, space: str) -> float:
    """Steps per second of the core alone, two predictions, as the window steps them."""
    from lossgui.core.descend import Descender

    t, good, bad = columns(elements)
    descenders = [Descender(loss, y, t, {}, 0.1, space) for y in (good, bad)]
    start = time.perf_counter()
    for _ in range(steps):
        for descender in descenders:
            descender.step()
    return steps / (time.perf_counter() - start)


def main() -> None:
    """Print the rows as a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--elements", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    n, s, r = args.elements, args.steps, args.repeats

    def median(measure) -> float:  # type: ignore[no-untyped-def]
        return statistics.median(measure() for _ in range(r))

    ceiling = median(lambda: timer_rate(s))
    print(f"{n} elements × 2 predictions, {s} steps per run, median of {r} runs; "
          f"target ≥ 30 steps/s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("| what | loss, space | steps/s (wall) | steps per CPU-s | timer alone | "
          "wall ÷ timer | core alone | met (wall) |")
    print("|---|---|---:|---:|---:|---:|---:|:-:|")
    for loss, space in (("sse", "input"), ("cee", "logits")):
        core = median(lambda: core_rate(n, s, loss, space))  # noqa: B023
        for grab in (False, True):
            rates = [run_rate(n, s, loss, space, grab) for _ in range(r)]
            wall = statistics.median(w for w, _ in rates)
            cpu = statistics.median(c for _, c in rates)
            what = "Run, full repaint every step" if grab else "Run (tables, bars, plot live)"
            print(f"| {what} | {loss}, {space} | {wall:.1f} | {cpu:.1f} | {ceiling:.1f} | "
                  f"{wall / ceiling:.2f} | {core:.0f} | {'yes' if wall >= 30 else 'no'} |")

if __name__ == "__main__":
    main()
