"""On a logarithmic E axis, E ≤ 0 cannot be drawn, and the plot says so (round-7 tester #21:
after a cee run that left the domain, E < 0 from step 3, ticking Logarithmic E axis ended both
lines at step 2 or 3 and took the current step's marker away, with no word why)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_helpers import WindowFactory, click, learn_drawn, switched
from pytestqt.qtbot import QtBot

from lossgui.gui import language
from lossgui.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)


def _below_zero(qtbot: QtBot, window: MainWindow) -> str:
    """Step under cee on y itself until a total is below 0; "3 (y1), 4 (y2)" as said."""
    for _ in range(6):
        click(qtbot, window.learn_panel.step_button)
    learn_drawn(qtbot, window)
    trace = window.learning.trace()
    firsts = [(next((s for s, e in enumerate(totals) if e <= 0), None), name)
              for name, totals in zip(trace.names, trace.totals, strict=True)]
    assert any(step is not None for step, _ in firsts)
    return ", ".join(f"{step} ({name})" for step, name in firsts if step is not None)


def test_the_log_axis_says_from_which_step_e_is_not_drawn(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(loss="cee")
    step = _below_zero(qtbot, window)
    note = window.steps_plot.log_note
    assert not note.isVisible()  # a linear axis draws every E
    window.steps_plot.log_box.click()
    learn_drawn(qtbot, window)
    assert note.isVisible()
    assert note.text() == (f"E ≤ 0 from step {step} on: a logarithmic axis cannot draw it, "
                           "nor the current step's marker")
    window.steps_plot.log_box.click()
    assert not note.isVisible()


def test_it_is_said_in_japanese(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = switched(qtbot, make_window(loss="cee"), "ja")
    step = _below_zero(qtbot, window)
    window.steps_plot.log_box.click()
    learn_drawn(qtbot, window)
    assert window.steps_plot.log_note.text() == (
        f"ステップ {step} 以降は E ≤ 0 で、対数軸には描けません(今のステップの印も)")
