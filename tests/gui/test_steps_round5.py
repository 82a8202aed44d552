"""Round-5 tester's findings on the learning aids (Learn bar, Loss over steps, the batch bars),
driven through the real widgets; the numbers are the core's."""

from __future__ import annotations

import numpy as np
from gui_helpers import WindowFactory, click, column_values, learn_drawn, press
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_learning_panels import trigger_example

from lossgui.core.descend import descend
from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
Y1 = [0.01, 0.65, 0.13, 0.70, 0.15]
T = [0.0, 1.0, 0.0, 1.0, 0.0]


def _frame(qtbot: QtBot, window: MainWindow) -> list[list[float]]:
    learn_drawn(qtbot, window)
    window.plot_tabs.setCurrentWidget(window.steps_plot)
    window.grab()  # pyqtgraph settles its auto-range as it paints
    return window.steps_plot.plot.getPlotItem().getViewBox().viewRange()


def _run(qtbot: QtBot, window: MainWindow, steps: int) -> None:
    window.learn_panel.cap_box.setValue(steps)
    click(qtbot, window.learn_panel.run_button)
    qtbot.waitUntil(lambda: not window.learning.running, timeout=20_000)
    assert window.learning.step_count == steps


def _legend(window: MainWindow) -> list[str]:
    return [label.text for _, label in window.steps_plot.legend.items]


# --- finding 3: a new example with two predictions is framed at steps 0…10 --------------------

def test_new_data_with_two_predictions_is_framed_around_step_0(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    window = make_window()
    _run(qtbot, window, 60)
    (_, x_high), _ = _frame(qtbot, window)
    assert x_high >= 60
    for key in ("regression", "article"):
        trigger_example(window, key)
        totals = [e.total for e in window.document.evaluations]
        assert len(totals) == 2 and totals[0] != totals[1]
        (x_low, x_high), (y_low, y_high) = _frame(qtbot, window)
        assert x_low < 0 < 9 < x_high < 20, (key, x_low, x_high)  # not the old run's 0…60
        assert y_low < min(totals) and max(totals) < y_high  # both step-0 points inside
    # Steps after it frame themselves again.
    for _ in range(30):
        click(qtbot, window.learn_panel.step_button)
    (_, x_high), _ = _frame(qtbot, window)
    assert x_high >= 30


# --- finding 4: a rename reaches the steps header, the legend and the earlier runs -------------

def test_the_steps_plot_follows_a_rename_of_a_prediction(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    window = make_window()
    trigger_example(window, "lesson_sse_cee")
    panel, plot = window.learn_panel, window.steps_plot
    for _ in range(3):
        click(qtbot, panel.step_button)
    click(qtbot, panel.reset_button)  # the first run stays, faded, as "y earlier (…)"
    for _ in range(2):
        click(qtbot, panel.step_button)
    learn_drawn(qtbot, window)
    assert _legend(window)[0] == "y" and _legend(window)[1].startswith("y earlier (")
    new = 'p,"q" 予'
    window.ask_text = lambda *_: new  # type: ignore[method-assign]
    window.action_map["rename_prediction"].trigger()
    assert window.document.prediction_names == (new,)
    learn_drawn(qtbot, window)
    total = window.document.evaluations[0].total
    assert panel.status.text().splitlines()[0].endswith(f"E = {new} {total:.6g}")
    assert _legend(window)[0] == new and _legend(window)[1].startswith(f"{new} earlier (")
    assert f"{new} E = " in plot.show_step(1) and "y E" not in plot.show_step(1)
    click(qtbot, panel.step_button)  # the run goes on under its new name
    learn_drawn(qtbot, window)
    assert window.learning.step_count == 3 and window.learning.trace().names == (new,)
    assert _legend(window)[0] == new
    window.undo()  # the run's steps
    window.undo()  # the rename: the old name comes back everywhere
    learn_drawn(qtbot, window)
    assert window.document.prediction_names == ("y",)
    assert all(label.startswith("y") and new not in label for label in _legend(window))


# --- finding 5: undoing Reset brings back the run at its last step ------------------------------

def test_undoing_reset_brings_back_the_same_run_and_redo_resets_again(
    qtbot: QtBot, window: MainWindow,
) -> None:
    panel, learning, stack = window.learn_panel, window.learning, window.document.undo_stack
    _run(qtbot, window, 20)
    run = learning.trace()
    click(qtbot, panel.reset_button)
    assert learning.step_count == 0 and len(learning.earlier) == 1
    window.prediction_view.setFocus()
    press(qtbot, window.prediction_view, Qt.Key.Key_Z, CTRL)
    final = descend("sse", Y1, T, {}, 0.1, 20).final
    np.testing.assert_array_equal(column_values(window, 1), final)
    learn_drawn(qtbot, window)
    assert learning.step_count == 20 and learning.trace() == run and learning.earlier == []
    assert panel.status.text().startswith("Step 20 (")
    assert len(window.steps_plot.lines[0].yData) == 21 and window.steps_plot.earlier_lines == []
    assert window.steps_plot.marker.value() == 20
    press(qtbot, window.prediction_view, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: Reset again
    np.testing.assert_array_equal(column_values(window, 1), Y1)
    learn_drawn(qtbot, window)
    assert learning.step_count == 0 and learning.earlier == [run]
    press(qtbot, window.prediction_view, Qt.Key.Key_Z, CTRL)
    click(qtbot, panel.step_button)  # the brought-back run goes on, one more undo step
    assert learning.step_count == 21 and stack.count() == 2
    assert stack.undoText() == "Learn: 1 step"
    np.testing.assert_array_equal(column_values(window, 1),
                                  descend("sse", Y1, T, {}, 0.1, 21).final)


# --- finding 6: a batch sample with a missing target is shown as missing -----------------------

def test_a_sample_with_a_missing_target_is_missing_in_the_bars_and_the_steps_header(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    window = make_window()
    trigger_example(window, "logits_batch")
    z_view = window.batch_sheet.tabs.widget(0)
    z_view.go_to(0, 0)
    assert z_view.paste_text(
        "tensor([[ 1.2, -0.3, 0.5],\n [0.1, 2.0, -1.0],\n [-0.5, 0.4, 1.5],\n"
        " [0.3, 0.3, 0.3],\n [2.0, 1.0, 0.1]], requires_grad=True)")
    document = window.document
    assert document.model.samples == 5
    [evaluation] = document.evaluations
    assert np.isnan(evaluation.total)
    learn_drawn(qtbot, window)
    bars = window.batch_panel
    drawn = bars._bars[0].opts
    assert list(np.round(drawn["x"])) == [1, 2, 3, 4]  # no bar at sample 5 …
    assert len(drawn["height"]) == 4
    assert [label.toPlainText() for label in bars.unknown_labels] == ["?"]  # … a "?" instead
    assert bars.unknown_labels[0].pos().x() == 5
    summary = bars.summary.text()
    assert summary.endswith(". The total E of z is unknown: the loss of sample 5 is unknown "
                            "(see the notes)."), summary
    header = window.learn_panel.status.text().splitlines()[0]
    assert "nan" not in header and header.endswith(
        f"E = z {window.results.table.item(0, 1).text()}"), header
    assert "z E = — (" in window.steps_plot.show_step(0)
    z_view.go_to(4, 0)  # the sample's target given: the bars and header are numbers again
    window.batch_sheet.target_view.go_to(4, 0)
    assert window.batch_sheet.target_view.paste_text("1")
    assert np.isfinite(document.evaluations[0].total)
    learn_drawn(qtbot, window)
    assert bars.unknown_labels == [] and len(bars._bars[0].opts["height"]) == 5
    assert "unknown" not in bars.summary.text()


# --- finding 11: one spelling of σ in the steps header and its note ----------------------------

def test_the_steps_header_spells_sigma_as_its_note_does(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    window = make_window(loss="cee")
    from gui_helpers import choose_space

    choose_space(qtbot, window, "logits")
    click(qtbot, window.learn_panel.step_button)
    learn_drawn(qtbot, window)
    status = window.learn_panel.status.text()
    assert "steps on the logits z, with y = σ(z)" in status.splitlines()[0]
    assert "y1 = σ(z), and the steps move z = logit(y1)" in status
    assert "sigmoid" not in status


# --- noticed on the way: an edit of t ends the run, as an edit of y does ------------------------

def test_an_edit_of_the_target_ends_the_run(qtbot: QtBot, window: MainWindow) -> None:
    from gui_helpers import type_into

    panel, learning = window.learn_panel, window.learning
    click(qtbot, panel.step_button)
    click(qtbot, panel.step_button)
    type_into(qtbot, window.target_view, 0, 0, "0.5")  # t₁ = 0.5: other data
    assert learning.step_count == 0 and len(learning.earlier) == 1
    assert learning.earlier[0].totals[0] == tuple(descend("sse", Y1, T, {}, 0.1, 2).totals)
    before = window.document.evaluations[0].total
    click(qtbot, panel.step_button)  # a new run, from the E the table shows now
    assert learning.trace().totals[0][0] == before and learning.step_count == 1


def test_other_tools_takes_a_batch_with_a_missing_target(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    """The same batch on the Other tools tab: reading t as class indices for PyTorch's row
    raised on the blank one (int(nan)), and the window died as the tab was clicked."""
    window = make_window()
    trigger_example(window, "logits_batch")
    z_view = window.batch_sheet.tabs.widget(0)
    z_view.go_to(0, 0)
    assert z_view.paste_text("[[1.2, -0.3, 0.5], [0.1, 2.0, -1.0], [-0.5, 0.4, 1.5], "
                             "[0.3, 0.3, 0.3], [2.0, 1.0, 0.1]]")
    tabs = window.plot_tabs
    qtbot.mouseClick(tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=tabs.tabBar().tabRect(tabs.indexOf(window.conventions_panel)).center())
    assert tabs.currentWidget() is window.conventions_panel
    panel = window.conventions_panel
    assert panel.value_text(0) == "not a number"  # lossgui (now), as the total says
    reasons = [panel.table.item(row, 3).text() for row in range(panel.table.rowCount())]
    assert any("tensor([0, 1, 2, 1, ?])" in reason for reason in reasons), reasons


def test_redoing_a_run_brings_it_back_at_its_last_step(qtbot: QtBot, window: MainWindow) -> None:
    """As undoing Reset does: redo of "Learn: 12 steps" came back as step 0 of a new run, with
    the redone run faded into "earlier"."""
    panel, learning, stack = window.learn_panel, window.learning, window.document.undo_stack
    _run(qtbot, window, 12)
    run = learning.trace()
    window.prediction_view.setFocus()
    press(qtbot, window.prediction_view, Qt.Key.Key_Z, CTRL)
    np.testing.assert_array_equal(column_values(window, 1), Y1)
    assert learning.step_count == 0 and learning.earlier == [run]
    press(qtbot, window.prediction_view, Qt.Key.Key_Z, CTRL | SHIFT)
    learn_drawn(qtbot, window)
    assert learning.step_count == 12 and learning.trace() == run and learning.earlier == []
    assert panel.status.text().startswith("Step 12 (") and window.steps_plot.marker.value() == 12
    click(qtbot, panel.step_button)
    assert stack.count() == 2 and stack.undoText() == "Learn: 1 step"
    assert learning.step_count == 13
    np.testing.assert_array_equal(column_values(window, 1),
                                  descend("sse", Y1, T, {}, 0.1, 13).final)
