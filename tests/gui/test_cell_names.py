"""A cell is named one way, by the window and by ``lossgui compute``: a class index as the one
t (class) cell of its sample, a prediction's cell as "z, sample 2, class 1" (round-4 tester,
findings 10 and 11)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import go_to, press, switched
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.cli import main as cli_main
from lossgui.core.document import TARGET
from lossgui.gui import language
from lossgui.gui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    language.install(language.ENGLISH)


@pytest.fixture
def batch(window: MainWindow) -> MainWindow:
    """The window on Examples ▸ A Logits Batch (class-index target)."""
    window.load_named_example("logits_batch")
    QApplication.processEvents()
    return window


def paste_past_the_last_sample(qtbot: QtBot, window: MainWindow) -> None:
    """Paste a PyTorch print at z's last row with Ctrl+V, as the tester did: sample 5 is new."""
    z_view = window.batch_sheet.tabs.widget(0)
    QApplication.clipboard().setText("tensor([[1., 2., 3.],\n        [4., 5., 6.]])")
    go_to(z_view, 3, 0)
    press(qtbot, z_view, Qt.Key.Key_V, CTRL)
    assert window.document.model.samples == 5


def problem_lines(window: MainWindow) -> list[str]:
    return [line for line in window.notes.toPlainText().splitlines() if line.startswith("⚠")]


@pytest.mark.parametrize(("lang", "note", "heading"), [
    ("en", "⚠ t (class), sample 5 is missing (blank or nan), so that sample's loss, and so the "
     "total, is not a number.", "t (class)"),
    ("ja", "⚠ t(クラス) のサンプル 5 が空欄(または nan)なので、そのサンプルの損失も合計も"
     "数になりません。", "t(クラス)"),
])
def test_a_blank_class_index_is_one_note_about_its_own_cell(
    qtbot: QtBot, batch: MainWindow, lang: str, note: str, heading: str
) -> None:
    window = switched(qtbot, batch, lang) if lang != "en" else batch
    paste_past_the_last_sample(qtbot, window)
    assert problem_lines(window) == [note]  # not t₅[0], t₅[1], t₅[2]: cells nobody sees
    target = window.batch_sheet.target_view.model()
    assert target.headerData(0, Qt.Orientation.Horizontal) == heading  # the words of the note
    # Hovering the red cell reads the same sentence; z's own cells of sample 5 are not red.
    assert target.data(target.index(4, 0), Qt.ItemDataRole.ToolTipRole) == note[2:]
    assert target.data(target.index(4, 0), Qt.ItemDataRole.BackgroundRole) is not None
    model = window.document.model
    assert not any(model.is_flagged(1, 4, k) for k in range(3))
    assert model.problem_count == 1
    said = note[2:].split(" is missing" if lang == "en" else " が空欄")[0]
    assert model.missing_elements(0, lang) == (said,)  # the totals cell names it as the note


def test_a_blank_z_cell_is_named_alike_by_the_window_and_the_cli(
    qtbot: QtBot, batch: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    z_view = batch.batch_sheet.tabs.widget(0)
    go_to(z_view, 1, 1)
    press(qtbot, z_view, Qt.Key.Key_Delete)
    sentence = ("z, sample 2, class 1 is missing (blank or nan), so its term, and so the total, "
                "is not a number.")
    assert problem_lines(batch) == [f"⚠ {sentence}"]
    path = tmp_path / "blank.lossgui.json"
    assert batch.files.save_to(str(path))
    assert cli_main(["compute", str(path), "--loss", "softmax_cee"]) == 0
    assert f"warning: {sentence}" in capsys.readouterr().out.splitlines()  # was "z: y₂[1] is …"
    assert cli_main(["compute", str(path), "--loss", "softmax_cee", "--format", "json"]) == 0
    assert f"warning: {sentence}" in capsys.readouterr().err.splitlines()
    japanese = switched(qtbot, batch, "ja")
    assert problem_lines(japanese) == [
        "⚠ z のサンプル 2、クラス 1 が空欄(または nan)なので、その項も合計も数になりません。"]


def test_the_batch_sentence_says_an_unknown_loss_in_words(
    qtbot: QtBot, batch: MainWindow
) -> None:
    """"whose own loss is z —." read as if the loss were a dash."""
    z_view = batch.batch_sheet.tabs.widget(0)
    go_to(z_view, 1, 1)
    press(qtbot, z_view, Qt.Key.Key_Delete)
    assert batch.document.sample == 1
    text = batch.batch_panel.summary.text()
    assert text.endswith(", whose own loss is z unknown (see the notes). The total E of z is "
                         "unknown: the loss of sample 2 is unknown (see the notes).")
    japanese = switched(qtbot, batch, "ja")
    assert japanese.batch_panel.summary.text().endswith(
        "(そのサンプル自身の損失は z: 不明(注意を参照))。z の合計 E は不明です。サンプル 2 の損失が"
        "不明なためです(注意を参照)。"), japanese.batch_panel.summary.text()
    assert japanese.document.model.cell(TARGET, 1, 1) == 1.0  # the data came along
