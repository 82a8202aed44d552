"""The window marks no ★ among kl totals over a t that is no distribution (round-6 tester,
finding 2); its rule and its numbers are the core's (core.lowest)."""

from __future__ import annotations

from gui_helpers import WindowFactory
from test_learn_round3 import star_texts

from lossgui.core.document import DocumentModel


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
