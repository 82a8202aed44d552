"""A computed number is spelled by core.numbers everywhere the window shows it: a batch sample's
loss in its table column and in the sentence over the bars with six significant digits, as the
totals (``shown``; the column read 0.5422 with ``.4g``, and the sentence rounded to six decimals,
so a loss of 1.2e−08 read "0"), every digit in the tooltips and hover read-outs (``cell_text``,
the locale's decimal comma too)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from gui_helpers import WindowFactory, click, learn_drawn
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from lossgui.core import evaluate
from lossgui.core.numbers import cell_text, shown

# Sample 1 is nearly perfect (its loss 1.2e−08 under sse); sample 2 an ordinary one.
BATCH = "t[0],t[1],y[0],y[1]\n1,0,0.9999,0.0001\n0,1,0.37,0.58123\n"


def test_a_sample_loss_reads_as_the_totals_do_and_exact_in_its_tooltip(
    make_window: WindowFactory, tmp_path: Path,
) -> None:
    path = tmp_path / "batch.csv"
    path.write_text(BATCH, encoding="utf-8")
    window = make_window()
    assert window.files.load_path(str(path)) is None
    t = np.array([[1.0, 0.0], [0.0, 1.0]])
    y = np.array([[0.9999, 0.0001], [0.37, 0.58123]])
    per_sample = evaluate("sse", y, t).per_sample
    assert per_sample is not None
    model = window.batch_sheet.tabs.widget(0).model()
    loss = model.columnCount() - 1
    for n in range(2):
        cell = model.index(n, loss)
        assert cell.data(Qt.ItemDataRole.DisplayRole) == shown(float(per_sample[n]))
        assert cell_text(float(per_sample[n])) in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, loss).data() == "0.312268"  # not 0.3123 (.4g)
    view = window.batch_sheet.tabs.widget(0)  # … and drawn whole, not "0.312…"
    assert view.columnWidth(loss) > view.fontMetrics().horizontalAdvance("0.312268") + 4
    assert view.columnWidth(0) == view.horizontalHeader().defaultSectionSize()  # y's as before
    summary = window.batch_panel.summary.text()
    assert "whose own loss is y 2e-08" in summary, summary  # sample 1: not "y 0"
    window.document.set_sample(1)
    assert "whose own loss is y 0.312268" in window.batch_panel.summary.text()


def test_the_exact_figures_use_the_locales_decimal_comma(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    window = make_window()
    tip = window.results.table.item(0, 1).toolTip()
    assert tip.splitlines()[0] == "y1: E = 0,252", tip  # as the cell says 0,252
    click(qtbot, window.learn_panel.step_button)
    learn_drawn(qtbot, window)
    said = window.steps_plot.show_step(1)
    total = window.learning.trace().totals[0][1]
    assert f"y1 E = {cell_text(total, True)};" in said and "," in cell_text(total, True), said
