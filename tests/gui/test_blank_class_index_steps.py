"""A blank class index named one way when the Learn bar steps a batch (round-5 tester6, finding 5):
the banner and the Loss-over-steps header say "t (class), sample 2", as the notes and `lossgui
descend` do, never the hidden one-hot cell t₂[0]."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import WindowFactory, click, learn_drawn
from pytestqt.qtbot import QtBot
from test_totals_name_blanks import opened

from lossgui.core.descend import Descender
from lossgui.gui import language

# tester6's bblank.csv: 4 samples × 3 classes, class-index target, sample 2's index blank.
BBLANK = "t,y[0],y[1],y[2]\n0,0.7,0.2,0.1\n,0.3,0.3,0.4\n2,0.1,0.1,0.8\n1,0.2,0.5,0.3\n"


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)


@pytest.mark.parametrize(("lang", "cell"), [
    ("en", "t (class), sample 2 is missing"),
    ("ja", "t(クラス) のサンプル 2 が空欄"),
])
@pytest.mark.parametrize("loss", ["kl", "cee"])
def test_step_names_a_blank_class_index_as_the_notes_do(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, lang: str, cell: str, loss: str,
) -> None:
    window = opened(qtbot, make_window, tmp_path, BBLANK, lang)
    selector = window.loss_panel.selector
    selector.setCurrentIndex(selector.findData(loss))
    assert cell in window.notes.toPlainText()
    click(qtbot, window.learn_panel.step_button)
    learn_drawn(qtbot, window)
    banner = window.notice_label.text()
    header = window.learn_panel.status.text()
    for text in (banner, header):
        assert cell in text, text
        assert "t₂[" not in text, text  # no hidden one-hot cell
    # The core's descender, given what the document evaluates, says the same as `descend`.
    model = window.document.model
    t, [y] = model.evaluated_inputs([1])
    descender = Descender(loss, y, t, model.params, 0.1)
    assert descender.stopped is not None and cell in descender.stopped.text(lang)

