"""Earlier runs on the loss-over-steps plot, told apart by what they stepped on (tester finding 11).

Round 3's tester ran cee on "y itself", pressed Reset, ran it on "the logits behind y", pressed
Reset: the legend had two pairs both called "y1 earlier (cee, η 0.1)", and the hover line under
the plot still read the logit run's step 0 after Reset.
"""

from __future__ import annotations

from gui_helpers import WindowFactory, choose_space, click, learn_drawn
from PySide6.QtCore import QPoint, QPointF
from pytestqt.qtbot import QtBot

from lossgui.core.descend import descend
from lossgui.core.numbers import cell_text
from lossgui.gui.main_window import MainWindow

Y1 = [0.01, 0.65, 0.13, 0.70, 0.15]
Y2 = [0.34, 0.21, 0.91, 0.33, 0.22]
T = [0.0, 1.0, 0.0, 1.0, 0.0]




def legend(window: MainWindow) -> list[str]:
    return [label.text for _, label in window.steps_plot.legend.items]


def hover_step(qtbot: QtBot, window: MainWindow, step: int) -> None:
    """Move the mouse over ``step`` of the steps plot (a real mouse move on its viewport)."""
    plot = window.steps_plot.plot
    view = plot.getPlotItem().getViewBox()
    (low, high) = view.viewRange()[1]
    scene = view.mapViewToScene(QPointF(step, (low + high) / 2))
    qtbot.mouseMove(plot.viewport(), plot.mapFromScene(scene) + QPoint(0, 0))


def run_and_reset(qtbot: QtBot, window: MainWindow, steps: int) -> None:
    for _ in range(steps):
        click(qtbot, window.learn_panel.step_button)
    click(qtbot, window.learn_panel.reset_button)


def test_the_legend_names_the_space_each_earlier_run_stepped_on(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(loss="cee")
    run_and_reset(qtbot, window, 2)  # on y itself
    choose_space(qtbot, window, "logits")
    run_and_reset(qtbot, window, 2)
    learn_drawn(qtbot, window)
    assert legend(window) == [
        "y1", "y2",
        "y1 earlier (cee on y, η 0.1)", "y2 earlier (cee on y, η 0.1)",
        "y1 earlier (cee on logits, η 0.1)", "y2 earlier (cee on logits, η 0.1)",
    ]
    assert [run.space for run in window.learning.earlier] == ["input", "logits"]


def test_a_loss_on_logits_names_its_runs_on_z(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(["t", "z"], [[0, 1, 0], [2.0, 1.0, 0.1]], "softmax_cee")
    run_and_reset(qtbot, window, 1)
    learn_drawn(qtbot, window)
    assert legend(window) == ["z", "z earlier (softmax_cee on z, η 0.1)"]


def test_the_hover_line_is_read_again_after_reset(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(loss="cee")
    choose_space(qtbot, window, "logits")
    click(qtbot, window.learn_panel.step_button)
    learn_drawn(qtbot, window)
    assert window.plot_tabs.currentWidget() is window.steps_plot
    hover_step(qtbot, window, 1)
    logits = descend("cee", Y1, T, {}, 0.1, 1, "logits")
    hover = window.steps_plot.hover
    assert hover.text().startswith(f"Step 1: y1 E = {cell_text(logits.totals[1])};")
    click(qtbot, window.learn_panel.reset_button)
    learn_drawn(qtbot, window)
    # y is back where the run began, so step 1 is only the earlier run's now: the line says
    # that, not the run's step 1 as if y were still there.
    assert hover.text() == "Step 1: " + ";  ".join(
        f"{name} earlier (cee on logits, η 0.1) E = {cell_text(totals[1])}"
        for name, totals in (("y1", logits.totals),
                             ("y2", descend("cee", Y2, T, {}, 0.1, 1, "logits").totals)))
    hover_step(qtbot, window, 0)  # step 0: the current y, then the earlier run
    now = window.document.evaluations[0].total
    assert now == descend("cee", Y1, T, {}, 0.1, 0).totals[0]
    assert hover.text().startswith(f"Step 0: y1 E = {cell_text(now)};")
    assert f"y1 earlier (cee on logits, η 0.1) E = {cell_text(logits.totals[0])}" in hover.text()


def test_the_hover_line_says_so_when_no_run_reaches_the_step_any_more(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(loss="cee")
    for _ in range(3):
        click(qtbot, window.learn_panel.step_button)
    learn_drawn(qtbot, window)
    hover_step(qtbot, window, 3)
    assert window.steps_plot.hover.text().startswith("Step 3: y1 E = ")
    window.load_named_example("book")  # other data: the earlier runs go too
    learn_drawn(qtbot, window)
    assert window.steps_plot.hover.text() == "No run has reached step 3."


def test_the_legend_says_the_space_in_japanese(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    from lossgui.gui import language

    try:
        window = make_window(loss="cee").switch_language("ja")
        qtbot.addWidget(window)
        run_and_reset(qtbot, window, 1)
        choose_space(qtbot, window, "logits")
        run_and_reset(qtbot, window, 1)
        learn_drawn(qtbot, window)
        assert legend(window)[2::2] == ["y1 前回(cee、y で、η 0.1)",
                                        "y1 前回(cee、ロジットで、η 0.1)"]
    finally:
        language.install(language.ENGLISH)


def test_a_run_on_z_reads_naturally_in_japanese(qtbot: QtBot, make_window: WindowFactory) -> None:
    """z are logits: 「ロジットで」, as for cee on the logits (it read 「z で」: round-4 tester)."""
    from lossgui.gui import language

    try:
        window = make_window(["t", "z"], [[0, 1, 0], [2.0, 1.0, 0.1]], "softmax_cee")
        window = window.switch_language("ja")
        qtbot.addWidget(window)
        run_and_reset(qtbot, window, 1)
        learn_drawn(qtbot, window)
        assert legend(window) == ["z", "z 前回(softmax_cee、ロジットで、η 0.1)"]
    finally:
        language.install(language.ENGLISH)
