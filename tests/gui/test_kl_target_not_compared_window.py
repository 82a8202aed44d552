"""The window marks no ★ among kl totals over a t that is no distribution (round-6 tester,
finding 2); its rule and its numbers are the core's (core.lowest)."""

from __future__ import annotations

from gui_helpers import WindowFactory
from pytestqt.qtbot import QtBot
from test_learn_round3 import star_texts

from lossgui.core.document import DocumentModel
from lossgui.gui import language


def test_kl_over_t_summing_to_0_6_ranks_nothing_and_says_why(make_window: WindowFactory) -> None:
    names, columns = ["t", "y1", "y2"], [[0.3, 0.3], [0.5, 0.5], [0.3, 0.3]]
    window = make_window(names, columns, "sse")
    selector = window.loss_panel.selector
    selector.setCurrentIndex(selector.findData("kl"))
    core = DocumentModel(names, columns, "kl")
    assert [e.total for e in window.document.evaluations] == [e.total for e in core.evaluations]
    assert window.document.evaluations[0].total < 0
    assert star_texts(window) == ["not compared", "not compared"]
    tip = window.results.table.item(0, 2).toolTip()
    assert "t is not a probability distribution" in tip and "negative" in tip
    notes = window.notes.toPlainText()
    assert "the total can be negative and the totals are not compared" in notes
    selector.setCurrentIndex(selector.findData("cee"))  # cee ≥ 0 here: ranked as before
    assert star_texts(window) == ["★ best", ""]


def test_kl_leaves_a_y_summing_above_one_unranked_and_marks_y_equal_t(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    """t = [.5, .5]: y1 = [.6, .6] scores −0.1823, below y = t's 0 (learn6's "Noticed"); the
    ★ goes to y2 = t among the compared totals, in English and in Japanese."""
    names = ["t", "y1", "y2", "y3"]
    columns = [[0.5, 0.5], [0.6, 0.6], [0.5, 0.5], [0.3, 0.7]]
    window = make_window(names, columns, "sse")
    selector = window.loss_panel.selector
    selector.setCurrentIndex(selector.findData("kl"))
    assert window.document.evaluations[0].total < 0
    assert window.document.lowest == DocumentModel(names, columns, "kl").lowest == {1}
    assert star_texts(window) == ["not compared", "★ best", ""]
    tip = window.results.table.item(0, 2).toolTip()
    assert tip.startswith("y sums to more than 1") and "negative" in tip
    assert "with this y1 the total can be negative" in window.notes.toPlainText()
    try:
        rebuilt = window.switch_language("ja")
        qtbot.addWidget(rebuilt)
        assert star_texts(rebuilt) == ["比較しません", "★ 最良", ""]
        assert rebuilt.results.table.item(0, 2).toolTip().startswith("y の合計が 1 を超えて")
        assert "この y1 では合計が負になる" in rebuilt.notes.toPlainText()
    finally:
        language.install(language.ENGLISH)
