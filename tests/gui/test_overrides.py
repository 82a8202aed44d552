"""An error inside one of our Qt overrides is reported once and the window lives on.

PySide6 6.11 on Python 3.11 segfaulted when an override raised an error set by C code
(``int(nan)`` in the Other tools tab's showEvent, round 5); see lossgui/gui/overrides.py.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
import textwrap

import lossgui.gui
from lossgui.gui import overrides

# The real app (lossgui.gui.app.main) with two bugs put in: the Other tools tab's refresh does
# int(nan) as the tab is shown (panels/when_shown.py), reached by a click that QTest sends from
# Python (the case that crashed), and the t table's data() does the same on every repaint of row 2.
_APP_WITH_BUGS = textwrap.dedent("""
    import sys
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox
    from lossgui.gui import app
    from lossgui.gui.panels.conventions_panel import ConventionsPanel
    from lossgui.gui.sheet.table_model import SheetModel

    def broken_refresh(self):
        int(float("nan"))
    ConventionsPanel.refresh = broken_refresh
    broken = []
    data = SheetModel.data
    def broken_data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if broken and index.row() == 1 and role == Qt.ItemDataRole.DisplayRole:
            return {}["no such key"]
        return data(self, index, role)
    SheetModel.data = broken_data

    reports = []
    def close_reports():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                reports.append(widget.text().splitlines()[0])
                widget.done(0)
    def click_other_tools(window):
        bar = window.plot_tabs.tabBar()
        where = bar.tabRect(window.plot_tabs.indexOf(window.conventions_panel)).center()
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=where)  # raises, from here on
    def break_row_2(window):
        broken.append(True)
        window.resize(window.width() + 40, window.height() + 40)
        window.target_view.viewport().update()  # row 2 comes back on every repaint
    def finish(window):
        print("alive", window.plot_tabs.currentIndex(), window.document.names,
              sorted(set(reports)), len(reports), flush=True)
        broken.clear()
        window.close()
    build_window = app.build_window
    timers = []
    def build_and_plan(*args, **kwargs):
        window, problem = build_window(*args, **kwargs)
        closer = QTimer()
        closer.timeout.connect(close_reports)
        closer.start(100)
        timers.append(closer)
        QTimer.singleShot(500, lambda: click_other_tools(window))
        QTimer.singleShot(900, lambda: break_row_2(window))
        QTimer.singleShot(2500, lambda: finish(window))
        return window, problem
    app.build_window = build_and_plan
    sys.exit(app.main(None))
""")


def test_a_raising_virtual_is_reported_once_and_the_app_keeps_running() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _APP_WITH_BUGS], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, (done.returncode, done.stdout, done.stderr[-2000:])
    alive = next(line for line in done.stdout.splitlines() if line.startswith("alive"))
    assert alive.startswith("alive 2 ('t', 'y1', 'y2')")  # on Other tools, the data kept
    assert "cannot convert float NaN to integer" in alive and "KeyError" in alive
    assert alive.endswith(" 2")  # two bugs, one dialog each, however often they came back
    assert done.stderr.count("Traceback") == 2


def test_every_override_in_the_gui_package_is_guarded() -> None:
    """guard_overrides reaches every module's classes: what Qt or pyqtgraph call back."""
    for module in pkgutil.walk_packages(lossgui.gui.__path__, "lossgui.gui."):
        importlib.import_module(module.name)
    overrides.guard_overrides()
    assert overrides.unguarded_overrides() == []
    from lossgui.gui.panels.when_shown import DrawnWhenShown
    from lossgui.gui.sheet.table_model import SheetModel
    guarded = [DrawnWhenShown.eventFilter, SheetModel.data]  # Other tools' refresh runs in one
    assert all(getattr(f, "__lossgui_guarded__", False) for f in guarded)
