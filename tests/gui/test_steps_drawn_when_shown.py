"""Loss over steps, behind another tab, draws new data when it is shown (#14: its refresh took
2.6 ms of every 10⁶-row open for a plot nobody saw), and shows the new data then."""

from __future__ import annotations

from gui_helpers import WindowFactory, learn_drawn, type_into
from pytestqt.qtbot import QtBot


def _drawn_totals(window) -> list[list[float]]:  # type: ignore[no-untyped-def]
    return [list(line.yData) for line in window.steps_plot.lines]


def test_new_data_behind_another_tab_is_drawn_when_the_tab_is_shown(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    window = make_window()
    window.show_steps()
    qtbot.wait(10)
    article = _drawn_totals(window)
    assert article == [[e.total] for e in window.document.evaluations]
    window.show_contributions()
    window.load_named_example("logits_batch")
    qtbot.wait(10)  # the event loop turns: the old way drew the hidden plot here
    assert _drawn_totals(window) == article  # not drawn while nobody sees it
    window.show_steps()
    [total] = [e.total for e in window.document.evaluations]
    assert _drawn_totals(window) == [[total]]  # drawn as it is shown, before its first paint
    window.show_contributions()
    window.load_named_example("article")
    window.show_steps()
    assert _drawn_totals(window) == article


def test_a_shown_plot_follows_an_edit(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.show_steps()
    type_into(qtbot, window.prediction_view, 2, 0, "0.5")
    learn_drawn(qtbot, window)
    assert _drawn_totals(window) == [[e.total] for e in window.document.evaluations]
    assert window.document.evaluations[0].total != 0.252  # the edit reached the core
