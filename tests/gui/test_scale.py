"""Large documents: the window stays correct at 10⁵–10⁶ rows (correctness only, no timings)."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import WindowFactory
from pytestqt.qtbot import QtBot

from lossgui.core import evaluate
from lossgui.core.numbers import cell_text
from lossgui.gui.document import Document
from lossgui.gui.main_window import MainWindow


def columns(n: int, seed: int = 0) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    t = (rng.random(n) < 0.5).astype(float)
    return [t, np.clip(np.abs(t - rng.random(n) * 0.6), 1e-6, 1 - 1e-6), rng.random(n)]


def test_editing_a_million_rows_gives_the_core_totals(qapp: object) -> None:
    n = 1_048_576
    t, y1, y2 = columns(n)
    document = Document(["t", "y1", "y2"], [t, y1, y2], "sse")
    document.edit_cells(n // 2, 1, [[0.25]])
    edited = y1.copy()
    edited[n // 2] = 0.25
    for column, y in ((0, edited), (1, y2)):
        expected = evaluate("sse", y, t)
        got = document.evaluations[column]
        assert got is not None and got.total == expected.total
        np.testing.assert_array_equal(got.contributions, expected.contributions)
    assert document.problem_count == 0 and not document.is_flagged(n // 2, 1)
    document.edit_cells(n - 1, 2, [[np.nan]])  # a blank: one flagged cell, found lazily
    assert document.is_flagged(n - 1, 2) and not document.is_flagged(n - 2, 2)
    assert document.problem_count == 1
    assert document.cell_messages(n - 1, 2)
    document.undo_stack.undo()
    assert document.problem_count == 0


def test_pasting_100000_lines_is_one_undo_step(make_window: WindowFactory) -> None:
    n = 100_000
    t, y1, y2 = columns(n)
    window = make_window(["t", "y1", "y2"], [t, y1, y2])
    document = window.document
    block = "\r\n".join(f"{a!r}\t{b!r}" for a, b in zip(y2.tolist(), y1.tolist(),
                                                           strict=True)) + "\r\n"
    view = window.prediction_view
    view.go_to(0, 0)
    before = document.undo_stack.count()
    assert view.paste_text(block)
    assert document.undo_stack.count() == before + 1
    np.testing.assert_array_equal(document.column(1), y2)
    np.testing.assert_array_equal(document.column(2), y1)
    assert document.evaluations[0].total == evaluate("sse", y2, t).total  # type: ignore[union-attr]
    document.undo_stack.undo()
    np.testing.assert_array_equal(document.column(1), y1)
    np.testing.assert_array_equal(document.column(2), y2)


@pytest.fixture
def big_window(make_window: WindowFactory, qtbot: QtBot) -> MainWindow:
    t, y1, y2 = columns(100_000)
    y2[77_776] = 40.0  # element k = 77,777 of y2: a contribution far above all others
    window = make_window(["t", "y1", "y2"], [t, y1, y2])
    view_box = window.plot_panel.plot.getPlotItem().getViewBox()
    qtbot.waitUntil(lambda: view_box.width() > 50)
    window.plot_panel.refresh()
    return window


def test_a_large_document_is_drawn_as_envelopes_keeping_the_largest(big_window: MainWindow) -> None:
    panel = big_window.plot_panel
    assert panel.drawn_range[2] > 0  # envelopes of bins, not one bar each
    for j, bars in enumerate(panel.bars()):
        assert len(bars.opts["x"]) <= 4000  # bounded by the screen, not by n
        contributions = big_window.document.evaluations[j].contributions
        tops = np.asarray(bars.opts["y0"]) + np.asarray(bars.opts["height"])
        assert tops.max() == contributions.max()  # the largest contribution stays visible


def test_zooming_in_shows_the_exact_contributions(big_window: MainWindow, qtbot: QtBot) -> None:
    panel = big_window.plot_panel
    panel.show_elements(50_001, 50_100)
    start, stop, step = panel.drawn_range
    assert step == 0 and start <= 50_000 and stop >= 50_100
    for j, bars in enumerate(panel.bars()):
        expected = big_window.document.evaluations[j].contributions[start:stop]
        np.testing.assert_array_equal(bars.opts["height"], expected)
        np.testing.assert_array_equal(np.round(bars.opts["x"]), np.arange(start + 1, stop + 1))
    assert panel.describe_at(50_050.2) == (
        "k = 50050, y2: contribution = "
        + cell_text(float(big_window.document.evaluations[1].contributions[50_049])))
    panel.plot.getPlotItem().enableAutoRange()  # zoom out again: envelopes after the delay
    qtbot.waitUntil(lambda: panel.drawn_range[2] > 0)


def test_hovering_an_envelope_names_the_element_it_shows(big_window: MainWindow) -> None:
    panel = big_window.plot_panel
    start, _stop, step = panel.drawn_range
    assert step > 1
    bars = panel.bars()[1]  # y2
    i = (77_776 - start) // step
    text = panel.describe_at(float(bars.opts["x"][i]))
    expected = float(big_window.document.evaluations[1].contributions[77_776])
    assert text is not None and text.startswith(
        f"k = 77777, y2: contribution = {cell_text(expected)} — largest of k = ")


def test_an_edit_re_evaluates_only_what_it_changes(qapp: object) -> None:
    t, y1, y2 = columns(1000)
    document = Document(["t", "y1", "y2"], [t, y1, y2], "bce")
    untouched = document.evaluations[1]
    document.edit_cells(3, 1, [[0.5]])
    assert document.evaluations[1] is untouched  # y2 did not change: its evaluation is kept
    edited = y1.copy()
    edited[3] = 0.5
    assert document.evaluations[0].total == evaluate("bce", edited, t).total  # type: ignore[union-attr]
    document.edit_cells(4, 0, [[1.0 - t[4]]])  # t changes every prediction's loss
    t2 = t.copy()
    t2[4] = 1.0 - t[4]
    for column, y in ((0, edited), (1, y2)):
        assert document.evaluations[column].total == evaluate("bce", y, t2).total  # type: ignore[union-attr]
    document.replace(["t", "y1", "y2"], [t, y2, y1])
    assert document.evaluations[0].total == evaluate("bce", y2, t).total  # type: ignore[union-attr]
    assert document.evaluations[1].total == evaluate("bce", y1, t).total  # type: ignore[union-attr]
