"""The frozen-window cases of issue #16, each timed once in this process (offscreen).

``python -m benchmarks.worst_inputs [CASE …]`` prints one line per case: its name, seconds and
what happened. Cases: open_1000_columns, edit_1000_predictions, paste_array_spaces,
paste_array_newlines, paste_list_million, paste_million_bad_last, cli_200mb_line,
session_long_name. Not a test: the figures go to the issue's note and docs/, never asserted.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
WORK = Path(tempfile.mkdtemp(prefix="lossgui-worst-"))


def _window(path: Path | None = None):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from lossgui.gui.app import build_window

    app = QApplication.instance() or QApplication(["lossgui-bench"])
    settings = QSettings(str(WORK / "bench.ini"), QSettings.Format.IniFormat)
    window, problem = build_window(str(path) if path else None, settings)
    window.show()
    app.processEvents()
    return window, problem


def _painted(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    window.grab()


def open_1000_columns() -> str:
    path = WORK / "wide.csv"
    names = ["t", *(f"y{i}" for i in range(1, 1000))]
    # every prediction a little different, so one edit changes one total (and maybe the ★)
    rows = [",".join(names)] + [",".join(["1"] + [f"{0.5 + c * 1e-4:.4f}" for c in range(1, 1000)])
                                for _ in range(5)]
    path.write_text("\n".join(rows) + "\n")
    start = time.perf_counter()
    window, problem = _window(path)
    _painted(window)
    took = time.perf_counter() - start
    return f"{took:.2f} s  columns={window.document.column_count} problem={problem}"


def edit_1000_predictions() -> str:
    path = WORK / "wide.csv"
    if not path.exists():
        open_1000_columns()
    window, _ = _window(path)
    _painted(window)
    start = time.perf_counter()
    for k in range(3):
        window.document.edit_cells(2, 500, [[0.25 + 0.01 * k]])
        _painted(window)
    return f"{(time.perf_counter() - start) / 3:.3f} s per edit (mean of 3, painted)"


def _paste(text: str) -> Callable[[], str]:
    def run() -> str:
        from lossgui.core.blockparse import parse_block_array
        from lossgui.core.problems import CellError

        start = time.perf_counter()
        try:
            outcome = f"shape {parse_block_array(text).shape}"
        except CellError as error:
            outcome = f"refused: {error}"
        return f"{time.perf_counter() - start:.3f} s  {outcome[:70]}"
    return run


def cli_200mb_line() -> str:
    path = WORK / "line.csv"
    with path.open("w") as handle:
        chunk = ",".join(["0.125"] * 1_000_000) + ","
        for _ in range(33):  # ~200 MB
            handle.write(chunk)
        handle.write("0.5\n")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "lossgui", "compute", str(path), "--loss",
                           "sse"], capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    size = path.stat().st_size / 1e6
    path.unlink()
    return f"{took:.2f} s  ({size:.0f} MB) exit {done.returncode}: {done.stderr.strip()[-70:]}"


def session_long_name() -> str:
    import json

    path = WORK / "long.lossgui.json"
    path.write_text(json.dumps({
        "format": "lossgui-session", "version": 1, "loss": "cee",
        "target": {"name": "t", "values": [0, 1]},
        "predictions": [{"name": "y" * 1_000_000, "values": [0.5, 0.5]}]}))
    start = time.perf_counter()
    window, problem = _window(path)
    _painted(window)
    return f"{time.perf_counter() - start:.2f} s  problem={(problem or '')[:90]}"


CASES: dict[str, Callable[[], str]] = {
    "open_1000_columns": open_1000_columns,
    "edit_1000_predictions": edit_1000_predictions,
    "paste_array_spaces": _paste("array(" + " " * 16000 + "x"),
    "paste_array_newlines": _paste("array([" + "\n" * 30000 + "1])"),
    "paste_list_million": _paste("[" + ", ".join(["0.5"] * 10**6) + "]"),
    "paste_million_bad_last": _paste("\n".join(["0.5"] * (10**6 - 1) + ["x"])),
    "cli_200mb_line": cli_200mb_line,
    "session_long_name": session_long_name,
}

if __name__ == "__main__":
    for name in sys.argv[1:] or list(CASES):
        print(f"{name}: {CASES[name]()}", flush=True)
