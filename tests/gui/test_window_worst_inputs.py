"""The window on the inputs that froze it or lost precision (issue #16), checked by counts."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest
from gui_helpers import WindowFactory, go_to, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.gui.files import background
from lossgui.gui.panels.plot_panel import LEGEND_ENTRIES
from lossgui.gui.sheet import sheet_view

CTRL = Qt.KeyboardModifier.ControlModifier


def test_a_parameter_typed_with_more_digits_keeps_its_exact_value(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.document.set_loss("cee")
    QApplication.processEvents()
    eps = window.loss_panel.editor("eps")
    eps.setFocus()
    eps.selectAll()
    qtbot.keyClicks(eps, "1.2345678901234e-07")
    qtbot.keyClick(eps, Qt.Key.Key_Return)
    assert window.document.params["eps"] == 1.2345678901234e-07
    assert eps.text() == "1.2345678901234e-07"
    steps = window.document.undo_stack.count()
    qtbot.keyClick(eps, Qt.Key.Key_Return)  # Enter again, then leave the field
    window.target_view.setFocus()
    QApplication.processEvents()
    assert window.document.params["eps"] == 1.2345678901234e-07
    assert window.document.undo_stack.count() == steps  # no new, rounding undo step


def test_an_edit_with_a_thousand_predictions_updates_only_its_row(
    make_window: WindowFactory,
) -> None:
    predictions = 1000
    names = ["t", *(f"y{i}" for i in range(1, predictions + 1))]
    columns = [[1.0, 0.0]] + [[0.5 + i * 1e-4, 0.5] for i in range(1, predictions + 1)]
    window = make_window(names, columns)
    results = window.results
    assert results.table.rowCount() == predictions
    window.document.edit_cells(0, 500, [[0.25]])
    QApplication.processEvents()
    assert results.updated_rows == 1
    total = results.table.item(499, 1).text()
    assert total == f"{window.document.evaluations[499].total:.6g}"
    # the lowest moves: the old and the new lowest rows are updated, nothing else
    window.document.edit_cells(0, 700, [[0.999999]])
    assert results.updated_rows == 2 and results.table.item(699, 2).text() == "★ best"
    legend = window.plot_panel.legend.items
    assert len(legend) == LEGEND_ENTRIES + 1
    assert legend[-1][1].text == f"… {predictions - LEGEND_ENTRIES} more"


def test_a_million_line_paste_with_a_bad_last_cell_is_refused_naming_it(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    view = window.prediction_view
    go_to(view, 0, 0)
    before = [window.document.column(c).copy() for c in range(window.document.column_count)]
    messages: list[str] = []
    view.message.connect(messages.append)
    text = "\n".join(["0.5"] * 999_999 + ["x"])
    assert view.paste_text(text) is False
    assert messages == ["Nothing was pasted: y1, element 1000000: 'x' is not a number."]
    after = [window.document.column(c) for c in range(window.document.column_count)]
    assert all(np.array_equal(a, b, equal_nan=True) for a, b in zip(before, after, strict=True))


@pytest.mark.parametrize("slow", [False, True], ids=["quick", "progress-dialog-shown"])
def test_pasting_the_quadratic_inputs_is_read_or_refused(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch, slow: bool,
) -> None:
    """The 100,000-value paste is read in a worker; on a loaded machine it outlasts
    SHOW_AFTER_MS and its progress dialog shows and hides: Ctrl+Z must still undo it all
    (it failed when pressed before the window was active again)."""
    window = make_window()
    if slow:  # a loaded machine: the progress dialog is up before the worker is done
        monkeypatch.setattr(background, "SHOW_AFTER_MS", 0)
        parse = sheet_view.parse_block_array

        def slow_parse(*args: object) -> object:
            time.sleep(0.4)  # the dialog's 0 ms timer has fired long before
            return parse(*args)
        monkeypatch.setattr(sheet_view, "parse_block_array", slow_parse)
    view = window.prediction_view
    go_to(view, 0, 0)
    messages: list[str] = []
    view.message.connect(messages.append)
    assert view.paste_text("array(" + " " * 16000 + "x") is False
    assert "'array('" in messages[-1]
    assert view.paste_text("np.array([" + "\n" * 30000 + "0.75])") is True
    assert window.document.value(0, 1) == 0.75
    assert view.paste_text("[" + ", ".join(["0.25"] * 100_000) + "]") is True
    assert window.document.row_count == 100_000
    assert math.isclose(float(np.nansum(window.document.column(1))), 0.25 * 100_000)
    press(qtbot, view, Qt.Key.Key_Z, CTRL)  # one undo step for the whole paste
    assert window.document.row_count == 5



def test_the_windows_saves_write_through_links_and_leave_devices_alone(
    make_window: WindowFactory, tmp_path
) -> None:
    import os
    import stat

    window = make_window()
    real = tmp_path / "real.lossgui.json"
    real.write_text("old")
    real.chmod(0o644)
    link = tmp_path / "link.lossgui.json"
    link.symlink_to(real)
    assert window.files.save_to(str(link))
    assert link.is_symlink() and real.read_text().startswith("{")
    assert stat.S_IMODE(real.stat().st_mode) == 0o644
    # a device is refused and left a device (tests/gui/test_saves_onto_special_files.py)
    assert not window.files.save_to("/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    plot = tmp_path / "plot.png"
    plot.write_bytes(b"old")
    (tmp_path / "plot-link.png").symlink_to(plot)
    window.files.ask_save_path = (  # type: ignore[method-assign]
        lambda *_: (str(tmp_path / "plot-link.png"), ""))
    assert window.files.export_plot()
    assert (tmp_path / "plot-link.png").is_symlink() and plot.read_bytes()[:4] == b"\x89PNG"
