"""The new-user tester's round-2 findings on learning in motion, driven through the real widgets."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import WindowFactory, choose_space, click, column_values
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lossgui.core.descend import descend
from lossgui.gui.main_window import MainWindow

Y1 = [0.01, 0.65, 0.13, 0.70, 0.15]
Y2 = [0.34, 0.21, 0.91, 0.33, 0.22]
T = [0.0, 1.0, 0.0, 1.0, 0.0]



def star_texts(window: MainWindow) -> list[str]:
    table = window.results.table
    return [table.item(row, 2).text() for row in range(table.rowCount())]


def type_lr(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Select the learning rate field's text and type over it, then press Enter."""
    edit = window.learn_panel.lr_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


# --- finding 5: no ★ on a total from y outside the loss's domain ------------------------------

def test_no_star_on_a_negative_total_from_y_outside_the_domain(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(["t", "a", "b", "c"], [[0, 1], [0.2, 1.3], [0.3, 0.7], [0.4, 0.6]],
                         "cee")
    assert window.document.evaluations[0].total < 0
    assert star_texts(window) == ["not compared", "★ best", ""]
    tip = window.results.table.item(0, 2).toolTip()
    assert "outside the values this loss is defined for" in tip


def test_a_huge_learning_rate_warns_and_the_negative_totals_get_no_star(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    # The tester's steps: article data with y1₂ = 0.9, bce, η 1e6 on y itself, Step.
    y1 = [0.01, 0.9, 0.13, 0.70, 0.15]
    window = make_window(["t", "y1", "y2"], [T, y1, Y2], "bce")
    type_lr(qtbot, window, "1e6")
    assert window.learning.lr == 1e6
    notices: list[str] = []
    window.learning.message.connect(notices.append)
    click(qtbot, window.learn_panel.step_button)
    totals = [e.total for e in window.document.evaluations]
    assert totals == [descend("bce", y, T, {}, 1e6, 1).totals[1] for y in (y1, Y2)]
    assert all(total < 0 for total in totals)
    assert "★" not in "".join(star_texts(window))
    assert star_texts(window) == ["not compared", "not compared"]
    qtbot.waitUntil(lambda: not window.learn_panel._pending.isActive())
    status = window.learn_panel.status.text()
    assert "The learning rate 1e+06 is too large here" in status
    assert any("The learning rate 1e+06 is too large here" in n for n in notices)
    assert window.notice.isVisible()  # on screen, not hidden by the step's own undo text
    assert "The learning rate 1e+06 is too large here" in window.notice_label.text()


# --- finding 11: the line above the plot and the totals show the same step during a Run -------

def shown_totals(window: MainWindow) -> list[str]:
    table = window.results.table
    return [table.item(row, 1).text() for row in range(table.rowCount())]


def test_the_status_line_and_the_totals_show_the_same_step_while_running(
    qtbot: QtBot, window: MainWindow
) -> None:
    from lossgui.core.numbers import in_formula

    learning, panel = window.learning, window.learn_panel
    seen: list[tuple[str, str, list[str]]] = []

    def after_each_step() -> None:  # what is on screen when the step's frame is painted
        seen.append((panel.status.text(), window.steps_plot.marker.label.format,
                     shown_totals(window)))

    learning.stepped.connect(after_each_step)
    panel.cap_box.setValue(30)
    click(qtbot, panel.run_button)
    qtbot.waitUntil(lambda: not learning.running)
    assert len(seen) >= 30
    for step, (status, marker, totals) in enumerate(seen[:30], start=1):
        expected = [descend("sse", y, T, {}, 0.1, step).totals[step] for y in (Y1, Y2)]
        assert status.startswith(f"Step {step} (steps on y itself): E = y1 "
                                 f"{in_formula(expected[0])}, y2 {in_formula(expected[1])}")
        assert marker == f"step {step}"
        assert [float(text) for text in totals] == pytest.approx(expected, rel=1e-5)


# --- finding 12: a bad learning rate is refused with the command line's sentence --------------

@pytest.mark.parametrize("typed", ["-1", "0", "nan", "fast"])
def test_a_bad_learning_rate_says_why_and_keeps_the_rate_in_use(
    qtbot: QtBot, window: MainWindow, typed: str
) -> None:
    type_lr(qtbot, window, "0.5")
    assert window.learning.lr == 0.5 and not window.notice.isVisible()
    type_lr(qtbot, window, typed)
    assert window.learning.lr == 0.5
    assert window.learn_panel.lr_edit.text() == "0.5"  # what the next Step really uses
    assert window.notice.isVisible()
    assert window.notice_label.text() == \
        f"the learning rate must be a finite number greater than 0, not '{typed}'"
    click(qtbot, window.learn_panel.step_button)
    np.testing.assert_array_equal(column_values(window, 1), descend("sse", Y1, T, {}, 0.5, 1).final)


def test_a_bad_learning_rate_is_refused_in_japanese_too(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    from lossgui.gui import language

    try:
        window = make_window().switch_language("ja")
        qtbot.addWidget(window)
        type_lr(qtbot, window, "-1")
        assert window.notice_label.text() == "学習率は 0 より大きい有限の数です('-1' は使えません)"
    finally:
        language.install(language.ENGLISH)


# --- finding 4: stepping on the logits starts from the loss the user saw ----------------------

def test_the_first_logit_step_lowers_the_articles_loss_from_what_the_table_showed(
    qtbot: QtBot, window: MainWindow
) -> None:
    from test_learning_panels import trigger_example

    trigger_example(window, "article")
    assert window.document.evaluations[0].total == 0.252
    choose_space(qtbot, window, "logits")
    assert window.learning.space == "logits"
    click(qtbot, window.learn_panel.step_button)
    expected = descend("sse", Y1, T, {}, 0.1, 1, "logits")
    assert window.learning.trace().totals[0] == (0.252, expected.totals[1])
    assert window.document.evaluations[0].total == expected.totals[1] < 0.252
    np.testing.assert_array_equal(column_values(window, 1), expected.final)
    assert np.all((column_values(window, 1) > 0) & (column_values(window, 1) < 1))
    line = window.steps_plot.lines[0]
    assert line.yData[0] == 0.252  # step 0 is the loss the table showed
    status = window.learn_panel.status.text()
    assert "steps on the logits z, with y = σ(z)" in status
    assert "y1 sums to 1.64, not 1, so it is not one softmax output" in status


def test_step_on_goes_back_to_y_itself_when_other_data_is_loaded(
    qtbot: QtBot, window: MainWindow
) -> None:
    from test_learning_panels import trigger_example

    choose_space(qtbot, window, "logits")
    trigger_example(window, "book")
    qtbot.waitUntil(lambda: not window.learn_panel._pending.isActive())
    assert window.learning.space == "input"
    assert window.learn_panel.space_box.currentData() == "input"
    trigger_example(window, "lesson_sse_cee")  # a lesson still sets its own
    assert window.learn_panel.space_box.currentData() == "logits"


# --- finding 6: a batch learns too, with the command line's numbers --------------------------

def test_a_batch_steps_as_lossgui_descend_does(qtbot: QtBot, window: MainWindow) -> None:
    from test_learning_panels import trigger_example

    from lossgui.core import csvio
    from lossgui.core.examples import EXAMPLES

    trigger_example(window, "logits_batch")
    document, panel = window.document, window.learn_panel
    assert document.is_batch and panel.isEnabled() and panel.step_button.isEnabled()
    qtbot.waitUntil(lambda: not panel._pending.isActive())
    assert panel.space_box.currentText() == "z itself"
    assert "This loss reads logits" in panel.space_box.toolTip()
    type_lr(qtbot, window, "1")
    before = np.array(document.model.column(1))
    for _ in range(3):
        click(qtbot, panel.step_button)
    _, t, ((_, z),) = csvio.read_data_csv(EXAMPLES["logits_batch"].path).split()
    expected = descend(document.loss_id, z, t, document.params, 1.0, 3)
    assert window.learning.trace().totals[0] == tuple(expected.totals)
    # The tester's numpy check of `lossgui descend … --lr 1 --steps 3`.
    assert [round(v, 5) for v in expected.totals] == [0.79744, 0.68007, 0.57935, 0.49511]
    np.testing.assert_array_equal(document.model.column(1), expected.final)
    assert document.evaluations[0].total == expected.totals[3]
    assert float(window.results.table.item(0, 1).text()) == pytest.approx(expected.totals[3],
                                                                          rel=1e-5)
    qtbot.waitUntil(lambda: not panel._pending.isActive())
    assert "Step 3 (steps on z itself, the logits this loss reads)" in panel.status.text()
    assert document.undo_stack.undoText() == "Learn: 1 step"
    for _ in range(3):  # each Step is one undo step, of every sample
        window.undo()
    np.testing.assert_array_equal(document.model.column(1), before)
    click(qtbot, panel.step_button)
    click(qtbot, panel.step_button)
    click(qtbot, panel.reset_button)  # Reset too puts every sample back
    np.testing.assert_array_equal(document.model.column(1), before)
    assert document.undo_stack.undoText() == "Reset the predictions to where learning began"


# --- finding 18: the steps plot's axis, earlier runs' colours, legend, and a shortcut --------

def test_the_step_axis_shows_whole_steps_from_zero(qtbot: QtBot, window: MainWindow) -> None:
    window.show_steps()
    plot = window.steps_plot.plot.getPlotItem()
    qtbot.waitUntil(lambda: plot.getViewBox().viewRange()[0][1] > 1)
    low, high = plot.getViewBox().viewRange()[0]
    assert -0.5 <= low <= 0 and high >= 9  # no negative steps, and room for the first ten
    axis = plot.getAxis("bottom")
    width = axis.geometry().width()
    ticks = [v for _, values in axis.tickValues(low, high, width) for v in values]
    assert ticks and all(v == int(v) and v >= 0 for v in ticks)
    for low, high in ((-0.4, 0.4), (0, 3), (0, 250)):  # zoomed in or a long run: still whole
        values = [v for _, vs in axis.tickValues(low, high, width) for v in vs]
        assert all(v == int(v) for v in values), (low, high, values)


def test_earlier_runs_keep_each_predictions_colour(qtbot: QtBot, window: MainWindow) -> None:
    from lossgui.gui.panels.colours import prediction_colour

    panel = window.learn_panel
    for _ in range(3):
        click(qtbot, panel.step_button)
    click(qtbot, panel.reset_button)
    qtbot.waitUntil(lambda: len(window.steps_plot.earlier_lines) == 2)
    window.steps_plot.refresh()
    pens = [line.opts["pen"] for line in window.steps_plot.earlier_lines]
    colours = [pen.color() for pen in pens]
    assert [c.rgb() for c in colours] == [prediction_colour(j).rgb() for j in (0, 1)]
    assert colours[0].rgb() != colours[1].rgb()
    assert all(c.alpha() < 255 and pen.style() != Qt.PenStyle.SolidLine
               for c, pen in zip(colours, pens, strict=True))


def test_the_legend_sits_outside_the_curves(qtbot: QtBot, window: MainWindow) -> None:
    window.show_steps()
    for _ in range(3):
        click(qtbot, window.learn_panel.step_button)
    steps = window.steps_plot
    qtbot.waitUntil(lambda: len(steps.legend.items) == 2)
    view = steps.plot.getPlotItem().getViewBox().sceneBoundingRect()
    legend = steps.legend.sceneBoundingRect()
    assert legend.height() > 0 and not legend.intersects(view)


def test_ctrl_7_shows_the_loss_over_steps(qtbot: QtBot, window: MainWindow) -> None:
    from gui_helpers import press

    CTRL = Qt.KeyboardModifier.ControlModifier
    window.show_contributions()
    press(qtbot, window.prediction_view, Qt.Key.Key_7, CTRL)
    assert window.plot_tabs.currentWidget() is window.steps_plot
    action = window.action_map["show_steps"]
    from PySide6.QtWidgets import QMenu

    view_menu = window.menuBar().findChild(QMenu, "menu_view")
    assert action.shortcut().toString() == "Ctrl+7" and action in view_menu.actions()
