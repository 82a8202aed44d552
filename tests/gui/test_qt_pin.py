"""Regression guard for the PySide6 pin in pyproject.toml.

PySide6 6.12.0 on CPython 3.11 drops a reference to ``None`` on every Qt call that
returns nothing, and after a few thousand such calls the interpreter aborts with
"Fatal Python error: none_dealloc".  pyproject.toml excludes that release
(``PySide6-Essentials>=6.7,!=6.12.0``); these tests fail if it comes back.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]
WIDGET_COUNT = 100
BROKEN_PYSIDE = Version("6.12.0")
PIN_HINT = (
    "PySide6 6.12.0 on Python 3.11 aborts with 'Fatal Python error: none_dealloc'; "
    "pyproject.toml pins `PySide6-Essentials>=6.7,!=6.12.0`: reinstall with "
    "`.venv/bin/pip install -e '.[test]'` (or delete .venv and run `python3 dev.py test`)."
)

# Runs in its own interpreter so that an abort fails this test instead of killing pytest.
MANY_PLOT_WIDGETS = textwrap.dedent(
    """
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6 import QtCore, QtWidgets  # PySide6 first, so pyqtgraph binds to it
    import pyqtgraph as pg

    app = QtWidgets.QApplication([])
    made = 0
    for i in range({count}):
        widget = pg.PlotWidget(title=f"plot {{i}}")
        widget.plot([0.0, 1.0, 2.0, 3.0], [3.0, 1.0, 2.0, float(i)])
        widget.resize(320, 240)
        widget.show()
        app.processEvents()
        widget.close()
        widget.deleteLater()
        QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
        del widget
        made += 1
    app.processEvents()
    print(f"made {{made}} PlotWidgets", flush=True)
    """
).format(count=WIDGET_COUNT)


def test_many_plot_widgets_do_not_abort() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-c", MANY_PLOT_WIDGETS],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr[-4000:]}"
    assert proc.returncode == 0, f"making {WIDGET_COUNT} PlotWidgets crashed. {PIN_HINT}\n{report}"
    assert f"made {WIDGET_COUNT} PlotWidgets" in proc.stdout, report


def test_installed_pyside6_is_not_the_broken_release() -> None:
    import PySide6

    installed = Version(PySide6.__version__)
    broken = installed == BROKEN_PYSIDE and sys.version_info[:2] == (3, 11)
    assert not broken, f"PySide6 {installed} is installed on Python 3.11. {PIN_HINT}"
