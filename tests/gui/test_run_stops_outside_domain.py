"""A Run stops at the step that takes y out of the loss's domain, and says so (tester9 #6: cee on
y itself left [0, 1] at step 3, E < 0 was "no longer a loss", yet the Run went on to step 200 and
the line kept falling below 0 on an axis of E); the sentences name the window's control, "Step
on ▸ the logits z" / 「進める対象 ▸ ロジット z」, never the command line's "(space logits)"."""

from __future__ import annotations

import pytest
from gui_helpers import WindowFactory, click, learn_drawn, window_in
from pytestqt.qtbot import QtBot

from lossgui.core.descend import descend
from lossgui.core.examples import ARTICLE, example_columns

WORDS = {
    "en": ("The Run stopped at step 3", "(Step on ▸ the logits z)"),
    "ja": ("ステップ 3 で実行を止めました", "(進める対象 ▸ ロジット z)"),
}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_run_stops_where_y_leaves_the_domain(
    qtbot: QtBot, make_window: WindowFactory, lang: str, english_afterwards: None,
) -> None:
    window = window_in(qtbot, make_window, lang, loss="cee")
    notices: list[str] = []
    window.learning.message.connect(notices.append)
    panel = window.learn_panel
    panel.set_lr_text("0.1")
    assert window.learning.space == "input"
    click(qtbot, panel.run_button)
    qtbot.waitUntil(lambda: not window.learning.running, timeout=10_000)
    learn_drawn(qtbot, window)
    # The core's own run of the same data: step 3 is the first outside [0, 1] (E < 0).
    _, columns = example_columns(ARTICLE)
    core = descend("cee", columns[1], columns[0], {}, 0.1, 3)
    assert core.totals[2] > 0 > core.totals[3]
    assert window.learning.step_count == 3
    stopped, control = WORDS[lang]
    said = " ".join(notices)
    assert stopped in said and control in said, said
    assert "space logits" not in said and "space logits" not in panel.status.text()
    assert control in panel.status.text()
    assert stopped in window.notice_label.text()
    # Step still goes on, one step at a time, for a learner who wants to see what follows.
    click(qtbot, panel.step_button)
    assert window.learning.step_count == 4


def test_a_run_inside_the_domain_runs_to_its_cap(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(loss="cee")
    window.learn_panel.set_lr_text("0.001")
    window.learn_panel.cap_box.setValue(20)
    click(qtbot, window.learn_panel.run_button)
    qtbot.waitUntil(lambda: not window.learning.running, timeout=10_000)
    assert window.learning.step_count == 20
