"""The new-user tester's round-2 findings on learning in motion, driven through the real widgets."""

from __future__ import annotations

import numpy as np
import pytest
from gui_helpers import WindowFactory, column_values
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lossgui.core.descend import descend
from lossgui.gui.main_window import MainWindow

Y1 = [0.01, 0.65, 0.13, 0.70, 0.15]
Y2 = [0.34, 0.21, 0.91, 0.33, 0.22]
T = [0.0, 1.0, 0.0, 1.0, 0.0]


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


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
