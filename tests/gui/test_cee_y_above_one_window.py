"""The window ranks no cee total of a y summing above 1 over a soft t (round 6: y1 = [.6, .6]
over t = [.5, .5] got the ★ with 0.51, below y = t's 0.693): the ★ goes to y2 = t, and the
cell and the notes say why, in English and Japanese; the rule and numbers are the core's."""

from __future__ import annotations

from gui_helpers import WindowFactory
from pytestqt.qtbot import QtBot
from test_learn_round3 import star_texts

from lossgui.core.document import DocumentModel
from lossgui.gui import language


def test_cee_leaves_a_y_summing_above_one_unranked_and_marks_y_equal_t(
    qtbot: QtBot, make_window: WindowFactory,
) -> None:
    names = ["t", "y1", "y2", "y3"]
    columns = [[0.5, 0.5], [0.6, 0.6], [0.5, 0.5], [0.3, 0.7]]
    window = make_window(names, columns, "sse")
    selector = window.loss_panel.selector
    selector.setCurrentIndex(selector.findData("cee"))
    core = DocumentModel(names, columns, "cee")
    assert [e.total for e in window.document.evaluations] == [e.total for e in core.evaluations]
    assert window.document.lowest == core.lowest == {1}
    assert star_texts(window) == ["not compared", "★ best", ""]
    tip = window.results.table.item(0, 2).toolTip()
    assert tip.startswith("y sums to more than 1") and "lowest at y = t" in tip
    assert "Over distributions cross-entropy is lowest at y1 = t (where it is the entropy of " \
           "t), so with this y1 the total can fall below that" in window.notes.toPlainText()
    try:
        rebuilt = window.switch_language("ja")
        qtbot.addWidget(rebuilt)
        assert star_texts(rebuilt) == ["比較しません", "★ 最良", ""]
        tip = rebuilt.results.table.item(0, 2).toolTip()
        assert tip.startswith("y の合計が 1 を超えて") and "確率分布どうしのときだけ" in tip
        notes = rebuilt.notes.toPlainText()
        assert "確率分布どうしでは交差エントロピーは y1 = t のとき最小" in notes
    finally:
        language.install(language.ENGLISH)
