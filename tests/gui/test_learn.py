"""The Learn panel: Step, Run/Stop, Reset and undo, driven as a user does; numbers from the core."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import (
    WindowFactory,
    click,
    column_values,
    editor_of,
    go_to,
    learn_drawn,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.core.descend import descend
from lossgui.core.numbers import shown
from lossgui.gui.main_window import MainWindow

Y1 = [0.01, 0.65, 0.13, 0.70, 0.15]
Y2 = [0.34, 0.21, 0.91, 0.33, 0.22]
T = [0.0, 1.0, 0.0, 1.0, 0.0]




def test_step_moves_every_prediction_as_the_core_does(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.learn_panel
    click(qtbot, panel.step_button)
    click(qtbot, panel.step_button)
    expected = descend("sse", Y1, T, {}, 0.1, 2)
    np.testing.assert_array_equal(column_values(window, 1), expected.final)
    np.testing.assert_array_equal(column_values(window, 2), descend("sse", Y2, T, {}, 0.1, 2).final)
    assert window.document.evaluations[0].total == expected.totals[2]
    assert window.learning.trace().totals[0] == tuple(expected.totals)
    learn_drawn(qtbot, window)
    assert "Step 2 (steps on y itself)" in panel.status.text()
    assert window.plot_tabs.currentWidget() is window.steps_plot
    line = window.steps_plot.lines[0]
    np.testing.assert_array_equal(line.yData, expected.totals)
    assert window.steps_plot.marker.value() == 2
    assert "y1 E = 0.16128" in window.steps_plot.show_step(1)


def test_the_whole_run_is_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    panel, stack = window.learn_panel, window.document.undo_stack
    panel.cap_box.setValue(12)
    click(qtbot, panel.run_button)
    assert window.learning.running and panel.run_button.text() == "St&op"
    qtbot.waitUntil(lambda: not window.learning.running)  # the cap stops it
    assert window.learning.step_count == 12 and panel.run_button.text() == "R&un"
    assert stack.count() == 1 and stack.undoText() == "Learn: 12 steps"
    np.testing.assert_array_equal(column_values(window, 1),
                                  descend("sse", Y1, T, {}, 0.1, 12).final)
    click(qtbot, panel.step_button)  # a Step after the Run is its own undo step
    assert stack.count() == 2 and stack.undoText() == "Learn: 1 step"
    window.undo()  # the Step: the run goes on from step 12
    assert window.learning.step_count == 12 and stack.undoText() == "Learn: 12 steps"
    window.undo()
    np.testing.assert_array_equal(column_values(window, 1), Y1)
    np.testing.assert_array_equal(column_values(window, 2), Y2)
    assert not window.isWindowModified()
    # The run is kept, faded, to compare with the next one.
    assert len(window.learning.earlier) == 1 and len(window.learning.earlier[0].totals[0]) == 13
    window.redo()
    np.testing.assert_array_equal(column_values(window, 1),
                                  descend("sse", Y1, T, {}, 0.1, 12).final)


def test_stop_ends_a_run_and_keeps_its_steps(qtbot: QtBot, window: MainWindow) -> None:
    panel = window.learn_panel
    panel.cap_box.setValue(10_000)
    click(qtbot, panel.run_button)
    qtbot.waitUntil(lambda: window.learning.step_count >= 3)
    click(qtbot, panel.run_button)  # now reading Stop
    assert not window.learning.running and panel.step_button.isEnabled()
    steps = window.learning.step_count
    qtbot.wait(50)
    assert window.learning.step_count == steps  # nothing more after Stop
    np.testing.assert_array_equal(column_values(window, 1),
                                  descend("sse", Y1, T, {}, 0.1, steps).final)
    assert window.document.undo_stack.count() == 1


def test_reset_goes_back_to_where_the_run_began(qtbot: QtBot, window: MainWindow) -> None:
    panel, stack = window.learn_panel, window.document.undo_stack
    for _ in range(3):
        click(qtbot, panel.step_button)
    click(qtbot, panel.reset_button)
    np.testing.assert_array_equal(column_values(window, 1), Y1)
    assert stack.count() == 4 and stack.undoText() == \
        "Reset the predictions to where learning began"
    assert window.learning.step_count == 0
    window.undo()  # Reset is undoable too
    np.testing.assert_array_equal(column_values(window, 1),
                                  descend("sse", Y1, T, {}, 0.1, 3).final)


def test_a_too_large_learning_rate_diverges_and_the_panel_says_so(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = window.learn_panel
    panel.set_lr_text("1.5")
    assert window.learning.lr == 1.5
    for _ in range(3):
        click(qtbot, panel.step_button)
    assert window.document.evaluations[0].total == pytest.approx(0.252 * 4**3)
    learn_drawn(qtbot, window)
    assert "the learning rate 1.5 is too large" in panel.status.text()
    panel.set_lr_text("fast")  # refused with the core's sentence; the old rate stays
    assert window.learning.lr == 1.5 and "not 'fast'" in window.notice_label.text()
    panel.set_lr_text("0")
    assert window.learning.lr == 1.5 and "greater than 0" in window.notice_label.text()


def test_an_edit_ends_the_run_and_is_its_own_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel, stack = window.learn_panel, window.document.undo_stack
    click(qtbot, panel.step_button)
    window.document.edit_cells(0, 1, [[0.5]])
    edited = window.document.evaluations[0].total
    click(qtbot, panel.step_button)
    assert stack.count() == 3  # step, edit, step: the edit split the runs
    assert window.learning.trace().totals[0][0] == edited  # the new run starts at the edit
    assert len(window.learning.earlier) == 1


def test_logits_keep_probabilities_and_say_the_space(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(["t", "y"], [[0, 1, 0], [0.7, 0.2, 0.1]], "cee")
    panel = window.learn_panel
    assert panel.space_box.isEnabled()
    panel.space_box.setCurrentIndex(panel.space_box.findData("logits"))
    panel.set_lr_text("0.5")
    for _ in range(5):
        click(qtbot, panel.step_button)
    expected = descend("cee", [0.7, 0.2, 0.1], [0, 1, 0], {}, 0.5, 5, "logits")
    np.testing.assert_allclose(column_values(window, 1), expected.final, rtol=1e-15)
    assert column_values(window, 1).sum() == pytest.approx(1.0)
    learn_drawn(qtbot, window)
    assert "logits z, with y = softmax(z)" in panel.status.text()
    window.document.set_loss("mae")  # no logits behind real numbers
    learn_drawn(qtbot, window)
    assert not panel.space_box.isEnabled()


def test_a_blank_says_why_no_step_is_taken(qtbot: QtBot, window: MainWindow) -> None:
    window.document.clear_cells([(1, 1, 1, 2)])
    notices: list[str] = []
    window.learning.message.connect(notices.append)
    click(qtbot, window.learn_panel.step_button)
    assert any("E is nan at the start" in n for n in notices)
    assert window.document.undo_stack.count() == 1  # the clear only


def test_a_lesson_sets_its_learning_rate_and_says_what_to_do(
    qtbot: QtBot, window: MainWindow
) -> None:
    from test_learning_panels import trigger_example

    trigger_example(window, "lesson_sse_cee")
    panel, learning = window.learn_panel, window.learning
    assert learning.lr == 0.5 and learning.space == "logits"
    assert panel.lr_edit.text() == "0.5" and panel.space_box.currentData() == "logits"
    assert window.notice.isVisible() and "SSE's gradient nearly vanishes" in \
        window.notice_label.text()
    for _ in range(10):
        click(qtbot, panel.step_button)
    sse = learning.trace().totals[0]
    click(qtbot, panel.reset_button)
    window.document.set_loss("cee")
    for _ in range(10):
        click(qtbot, panel.step_button)
    cee = learning.trace().totals[0]
    assert sse[10] > 0.95 * sse[0] and cee[10] < 0.1 * cee[0]  # what the lesson says
    (earlier,) = learning.earlier
    assert earlier.loss_id == "sse" and earlier.totals[0] == sse
    learn_drawn(qtbot, window)
    assert len(window.steps_plot.earlier_lines) == 1
    labels = [label.text for _, label in window.steps_plot.legend.items]
    assert labels == ["y", "y earlier (sse on logits, η 0.5)"]


def test_probabilities_beside_logits_follow_every_step(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    from lossgui.core.squash import sigmoid, softmax

    window = make_window(["t", "z"], [[0, 1, 0], [2.0, 1.0, 0.1]], "softmax_cee")
    view = window.probability_view
    model = view.probability_model
    assert view.isVisible() and model.headerData(0, Qt.Orientation.Horizontal) == "softmax(z)"
    np.testing.assert_array_equal(model.column_values(0), softmax(np.array([2.0, 1.0, 0.1])))
    first = float(softmax(np.array([2.0, 1.0, 0.1]))[0])
    assert model.data(model.index(0, 0)) == shown(first)  # drawn as a total is: 0.659001
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == repr(first)
    assert not (model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable)
    click(qtbot, window.learn_panel.step_button)
    np.testing.assert_array_equal(model.column_values(0), softmax(column_values(window, 1)))
    window.document.set_loss("bce_logits")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "σ(z)"
    np.testing.assert_array_equal(model.column_values(0), sigmoid(column_values(window, 1)))
    window.document.set_loss("mse")
    assert not view.isVisible()


def test_the_curve_tab_overlays_other_losses_with_their_own_tangents(
    qtbot: QtBot, window: MainWindow
) -> None:
    from lossgui.core.explain import element_curve

    window.show_curve()
    window.selection.set_cell(1, 0)  # element 2 of y1: y₂ = 0.65, t₂ = 1
    overlay = window.curve_overlay
    assert not overlay.actions["sse"].isEnabled()  # the selected loss is drawn already
    overlay.compare("mae")
    overlay.compare("cee")
    y, t = np.array(Y1), np.array(T)
    for loss_id in ("mae", "cee"):
        expected = element_curve(loss_id, y, t, 1, window.document.params_of(loss_id))
        drawn_curve = overlay.curves[loss_id]
        assert drawn_curve is not None and drawn_curve.slope == expected.slope
        items = overlay.items[loss_id]
        np.testing.assert_array_equal(items.point.yData, [expected.current_contribution])
        xs, ys = items.tangent.xData, items.tangent.yData
        assert (ys[1] - ys[0]) / (xs[1] - xs[0]) == pytest.approx(expected.slope)
        assert items.label.isVisible()
    assert overlay.curves["mae"].slope == -1 / 5  # MAE's slope is the constant ±1/n …
    window.selection.set_cell(1, 0)
    window.document.edit_cells(1, 1, [[0.05]])  # … and CEE's explodes near 0
    assert overlay.curves["mae"].slope == -1 / 5
    assert overlay.curves["cee"].slope == pytest.approx(-1 / 0.05)
    overlay.compare("cee", False)
    assert "cee" not in overlay.items


def _run_slowly(qtbot: QtBot, window: MainWindow) -> None:
    """Run as tester5 did (η 0.0001, at most 2000 steps), a few steps in."""
    panel = window.learn_panel
    panel.set_lr_text("0.0001")
    panel.cap_box.setValue(2000)
    click(qtbot, panel.run_button)
    qtbot.waitUntil(lambda: window.learning.step_count >= 3)


def test_a_cell_typed_during_run_is_kept_and_is_its_own_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Typing 0.5 into y1 row 1 while Run went on was lost (tester5): each step refreshed the
    open editor, so Enter committed the old value, with no undo entry and no word. Opening the
    editor stops the run, as a paste does; the edit is then applied, its own undo step."""
    view, stack = window.prediction_view, window.document.undo_stack
    _run_slowly(qtbot, window)
    go_to(view, 0, 0)
    type_text(view, "0")  # the first key opens the editor
    editor = editor_of(view)
    qtbot.wait(100)  # frames in which a running Run would step
    assert not window.learning.running
    assert window.learn_panel.run_button.text() == "R&un"
    assert window.statusBar().currentMessage() == \
        "Run stopped for your edit; its steps are kept. Press Run to go on."
    type_text(editor, ".5")
    assert editor.text() == "0.5"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.document.value(0, 1) == 0.5
    steps = len(window.learning.earlier[-1].totals[0]) - 1  # the run, kept faded
    assert steps >= 3
    assert [stack.text(i) for i in range(stack.count())] == [f"Learn: {steps} steps",
                                                            "Edit y1, element 1"]
    np.testing.assert_array_equal(column_values(window, 2),
                                  descend("sse", Y2, T, {}, 0.0001, steps).final)
    window.undo()
    np.testing.assert_array_equal(column_values(window, 1),
                                  descend("sse", Y1, T, {}, 0.0001, steps).final)


def test_a_step_does_not_overwrite_what_is_being_typed(qtbot: QtBot, window: MainWindow) -> None:
    """A Step (its shortcut, with the editor open) refreshes the table, not the typed text."""
    view = window.prediction_view
    go_to(view, 0, 0)
    type_text(view, "0")
    editor = editor_of(view)
    type_text(editor, ".5")
    window.learning.step()
    assert editor.text() == "0.5"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.document.value(0, 1) == 0.5
    assert window.document.undo_stack.count() == 2  # the step, then the edit


def test_typing_into_a_batch_during_run_stops_it_and_keeps_the_edit(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.load_named_example("logits_batch")
    panel = window.learn_panel
    panel.cap_box.setValue(2000)
    click(qtbot, panel.run_button)
    qtbot.waitUntil(lambda: window.learning.step_count >= 2)
    z_view = window.batch_sheet.tabs.widget(0)
    z_view.setFocus()
    go_to(z_view, 1, 2)
    type_text(z_view, "7")
    assert not window.learning.running
    qtbot.keyClick(editor_of(z_view), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.document.model.column(1)[1, 2] == 7.0
    stack = window.document.undo_stack
    assert stack.count() == 2 and stack.text(0).startswith("Learn: ")
