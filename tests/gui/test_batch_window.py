"""Batches in the window: N×K tables, edits, paste of PyTorch prints, undo, class indices,
the selected sample in the aids, sessions and export — against the core's and the CLI's numbers."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import numpy as np
import pytest
from gui_helpers import WindowFactory, formula_text, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView
from pytestqt.qtbot import QtBot

from lossgui.cli import main as cli_main
from lossgui.core import csvio, evaluate, project
from lossgui.gui.main_window import MainWindow
from lossgui.gui.sheet.batch_sheet import BatchView

EXAMPLES = resources.files("lossgui.resources") / "examples"
Z = np.array([[1.2, -0.3, 0.5], [0.1, 2.0, -1.0], [-0.5, 0.4, 1.5], [2.2, 0.3, -0.8]])
LABELS = np.array([0.0, 1.0, 2.0, 1.0])


@pytest.fixture
def batch(window: MainWindow) -> MainWindow:
    """The window on the logits batch example (softmax cross-entropy, labels as indices)."""
    window.load_named_example("logits_batch")
    return window


def test_a_batch_opens_as_n_by_k_tables_with_a_class_index_column(batch: MainWindow) -> None:
    sheet = batch.batch_sheet
    assert batch.sheet_stack.currentWidget() is sheet
    target = sheet.target_view.model()
    assert (target.rowCount(), target.columnCount()) == (4, 1)
    assert [target.data(target.index(n, 0)) for n in range(4)] == ["0", "1", "2", "1"]
    z = sheet.tabs.widget(0).model()
    assert (z.rowCount(), z.columnCount()) == (4, 4)  # 3 classes and each sample's own loss
    assert z.headerData(2, Qt.Orientation.Horizontal) == "z[2]"
    assert z.data(z.index(3, 0)) == "2.2"
    expected = evaluate("softmax_cee", Z, LABELS)
    assert batch.document.evaluations[0].total == expected.total
    assert float(z.value(3, 3)) == expected.per_sample[3]
    assert batch.batch_panel.isVisible()
    assert "the total E is the mean of the 4 samples' losses (÷ N)" in \
        batch.batch_panel.summary.text()


def test_the_aids_show_the_selected_sample_as_a_vector(batch: MainWindow) -> None:
    sheet = batch.batch_sheet
    sheet.tabs.widget(0).go_to(3, 1)
    assert batch.document.sample == 3
    own = evaluate("softmax_cee", Z[3], np.eye(3)[1])
    [shown] = batch.document.sample_evaluations
    assert shown is not None and shown.total == own.total
    np.testing.assert_array_equal(batch.plot_panel.values(0), own.contributions)
    # −log softmax(z₄)₁, the sample's own loss, written out with its probabilities
    assert formula_text(batch.formula_panel).startswith("−(0·log 0.833781 + 1·log 0.124707")
    assert formula_text(batch.formula_panel).endswith(f"= {own.total:.6g}")
    assert "show sample 4" in batch.batch_panel.summary.text()
    batch.batch_panel.refresh()
    assert batch.batch_panel.shares()[0].sum() == pytest.approx(
        batch.document.evaluations[0].total)


def test_edit_paste_and_undo_in_a_batch(batch: MainWindow, qtbot: QtBot) -> None:
    document = batch.document
    z_view = batch.batch_sheet.tabs.widget(0)
    z_view.go_to(0, 0)
    assert z_view.paste_text("tensor([[ 0.1000, 0.2000,  0.3000],\n        [ 1.0, 2.0, 3.0]],"
                             " requires_grad=True)")
    np.testing.assert_array_equal(document.model.column(1)[:2], [[0.1, 0.2, 0.3], [1, 2, 3]])
    assert document.evaluations[0].total == evaluate(
        "softmax_cee", np.vstack([[0.1, 0.2, 0.3], [1, 2, 3], Z[2:]]), LABELS).total
    z_view.go_to(3, 0)  # a paste past the last sample adds samples, blank elsewhere
    assert z_view.paste_text("[[1, 2, 3], [4, 5, 6]]")
    assert document.model.samples == 5
    assert np.isnan(document.model.column(0)[4]).all()
    document.undo_stack.undo()
    assert document.model.samples == 4
    document.undo_stack.undo()
    np.testing.assert_array_equal(document.model.column(1), Z)
    refused: list[str] = []
    z_view.message.connect(refused.append)
    assert not z_view.paste_text("[[0.1, 'x']]")
    assert "'x' is not a number" in refused[0]
    np.testing.assert_array_equal(document.model.column(1), Z)


def test_typing_a_class_index_writes_its_one_hot_row_and_refuses_others(
    batch: MainWindow,
) -> None:
    target = batch.batch_sheet.target_view.model()
    assert target.setData(target.index(3, 0), "2")
    np.testing.assert_array_equal(batch.document.model.column(0)[3], [0, 0, 1])
    refused: list[str] = []
    target.refused.connect(refused.append)
    assert not target.setData(target.index(3, 0), "3")
    assert "the class index 3 is not below K = 3" in refused[0]
    assert refused[0].count("sample 4") == 1, refused[0]  # the view names the cell, once
    assert not target.setData(target.index(3, 0), "1.5")
    np.testing.assert_array_equal(batch.document.model.column(0)[3], [0, 0, 1])


def test_one_hot_and_class_indices_convert_as_one_undoable_step(batch: MainWindow) -> None:
    document = batch.document
    action = batch.action_map["class_indices"]
    assert action.isEnabled() and action.isChecked()
    action.trigger()  # back to the one-hot table
    target = batch.batch_sheet.target_view.model()
    assert target.columnCount() == 3 and not document.model.class_indices
    assert document.undo_stack.undoText() == "Target as one-hot table"
    totals = document.evaluations[0].total
    document.undo_stack.undo()
    assert document.model.class_indices and target.columnCount() == 1
    assert document.evaluations[0].total == totals  # the same numbers either way
    action.trigger()
    target.setData(target.index(0, 1), "0.5")  # not one-hot any more: no class index
    notices: list[str] = []
    batch.show_notice = notices.append  # type: ignore[method-assign]
    action.trigger()
    assert not document.model.class_indices and not action.isChecked()
    assert "sample 1 is not one-hot" in notices[0]


def test_a_batch_session_and_export_round_trip(batch: MainWindow, tmp_path: Path,
                                               capsysbinary: pytest.CaptureFixture[bytes]
                                               ) -> None:
    session = tmp_path / "batch.lossgui.json"
    assert batch.files.save_to(str(session))
    saved = project.load(session)
    assert saved.target.tolist() == LABELS.tolist()
    np.testing.assert_array_equal(saved.predictions[0][1], Z)
    batch.load_named_example("article")
    assert not batch.document.is_batch
    assert batch.open_path(str(session))
    assert batch.document.model.class_indices
    np.testing.assert_array_equal(batch.document.model.column(1), Z)
    exported = tmp_path / "results.csv"
    batch.files.ask_save_path = lambda *_: (str(exported), "")  # type: ignore[method-assign]
    assert batch.files.export_results()
    cli = tmp_path / "cli.csv"
    assert cli_main(["compute", str(EXAMPLES / "logits-batch.csv"), "--loss", "softmax_cee",
                     "--output", str(cli)]) == 0
    assert exported.read_bytes() == cli.read_bytes()
    _, t, [(_, z)] = csvio.read_data_csv(exported).split()
    np.testing.assert_array_equal(z, Z)
    assert t.tolist() == LABELS.tolist()


def test_a_vector_document_looks_as_it_always_did(window: MainWindow) -> None:
    assert window.sheet_stack.currentIndex() == 0
    assert not window.batch_panel.isVisible()
    assert not window.action_map["class_indices"].isEnabled()
    assert window.document.sample_evaluations is not None
    assert window.document.sample_evaluations == window.document.evaluations


def test_the_curve_sets_y_of_the_shown_sample(batch: MainWindow) -> None:
    batch.batch_sheet.tabs.widget(0).go_to(2, 1)
    assert batch.document.edit_cells(1, 1, [[0.75]])  # as a click on the curve of class 1
    assert batch.document.model.cell(1, 2, 1) == 0.75
    np.testing.assert_array_equal(batch.document.model.column(1)[[0, 1, 3]], Z[[0, 1, 3]])
    batch.document.undo_stack.undo()
    np.testing.assert_array_equal(batch.document.model.column(1), Z)


@pytest.mark.parametrize("samples", [4, 300_000])
def test_the_class_index_column_stays_readable_at_any_row_count(
    make_window: WindowFactory, samples: int
) -> None:
    """A wide row-number gutter (300000) must not push the class indices out of sight."""
    labels = np.arange(samples) % 5
    z = np.random.default_rng(0).normal(size=(samples, 5))
    window = make_window(["t", "z"], [np.eye(5)[labels], z], "softmax_cee")
    window.set_class_indices(True)
    QApplication.processEvents()
    view = window.batch_sheet.target_view
    model = view.model()
    assert model.columnCount() == 1
    for row in (0, 1):
        cell = view.visualRect(model.index(row, 0))
        assert view.viewport().rect().contains(cell), (cell, view.viewport().rect())
    view.scrollToBottom()
    QApplication.processEvents()
    last = view.visualRect(model.index(samples - 1, 0))
    assert view.viewport().rect().contains(last)
    assert model.data(model.index(samples - 1, 0)) == str((samples - 1) % 5)
    header = view.horizontalHeader()
    assert header.sectionSize(0) >= header.sectionSizeHint(0)  # "t (class)", not "t (cl"


def test_a_long_vector_does_not_measure_every_class_header(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Fitting the batch tables' columns measures a bounded number of headers, whatever K.

    A vector of K elements is held as one sample of K classes; measuring all K headers on
    every change made opening a 10⁶-row CSV freeze the window (round-3 tester, finding 1).
    """
    measured: list[int] = []
    original = QHeaderView.sectionSizeHint

    def counting(header: QHeaderView, section: int) -> int:
        measured.append(section)
        return int(original(header, section))

    monkeypatch.setattr(QHeaderView, "sectionSizeHint", counting)
    k = 5_000
    window = make_window(["t", "y1"], [np.zeros(k), np.full(k, 0.5)], "sse")
    measured.clear()
    assert window.document.edit_cells(0, 1, [[0.25]])  # one change
    QApplication.processEvents()
    path = tmp_path / "long.csv"
    np.savetxt(path, np.column_stack([np.zeros(k), np.random.default_rng(1).random(k)]),
               fmt="%.17g", delimiter=",", header="t,y1", comments="")
    assert window.files.load_path(str(path)) is None
    QApplication.processEvents()
    assert window.document.row_count == k
    assert len(measured) < 10 * 65, len(measured)  # a few fits of 64 + 1 headers at most, not K


def test_a_vector_leaves_the_hidden_batch_tables_empty(make_window: WindowFactory) -> None:
    """A vector's batch tables (hidden) have no sections, so a 10⁶-element vector does not give
    their headers 10⁶ sections each (~8 MB and its sizing per header); a batch fills them."""
    window = make_window(["t", "y1"], [np.zeros(20_000), np.full(20_000, 0.5)], "sse")
    views = window.batch_sheet.findChildren(BatchView)
    assert views and not window.batch_sheet.isVisible()
    assert [(v.horizontalHeader().count(), v.verticalHeader().count()) for v in views] == \
        [(0, 0)] * len(views)
    window.document.replace(["t", "y1"], [np.eye(3)[[0, 2]], np.full((2, 3), 1 / 3)])
    QApplication.processEvents()
    assert window.document.is_batch
    shown = {(v.model().rowCount(), v.model().columnCount()) for v in
             window.batch_sheet.findChildren(BatchView) if v.model().rowCount()}
    assert shown and all(rows == 2 and columns >= 3 for rows, columns in shown)



def test_a_per_sample_remark_in_a_batch_shows_as_a_warning(make_window: WindowFactory) -> None:
    """The notes panel's icon follows the core's severity: ⚠ for a batch's per-sample remark,
    ⓘ for the same remark on one vector (round-3 tester, finding 12)."""
    t = [[1.0, 0.0, 0.0], [0.0, 1.0, 1.0]]  # sample 2 has two ones
    y = [[0.7, 0.2, 0.1], [0.1, 0.5, 0.4]]
    window = make_window(["t", "y"], [t, y], "cee")  # type: ignore[list-item]
    lines = window.notes.toPlainText().splitlines()
    assert any(line.startswith("⚠ In sample 2, t has 2 ones") for line in lines)
    assert not any(line.startswith("ⓘ") and "t has 2 ones" in line for line in lines)
    article = make_window(loss="cee")  # one vector: the article's t has two 1s on purpose
    lines = article.notes.toPlainText().splitlines()
    assert any(line.startswith("ⓘ t has 2 ones") for line in lines)


@pytest.mark.parametrize("indices", [True, False])
def test_the_target_rows_stand_level_with_the_prediction_rows(
    batch: MainWindow, indices: bool
) -> None:
    """t's row n beside z's row n (the round-4 tester read t's row 2 beside z's row 1: z's table
    sat under a tab bar, t's did not); with class indices and with the one-hot table."""
    if not indices:
        batch.document.use_class_indices(False)
    QApplication.processEvents()
    sheet = batch.batch_sheet
    z_view = sheet.tabs.currentWidget()

    def row_top(view: QTableView, n: int) -> int:
        rect = view.visualRect(view.model().index(n, 0))
        return view.viewport().mapTo(batch, rect.topLeft()).y()

    assert [row_top(sheet.target_view, n) for n in range(4)] == \
        [row_top(z_view, n) for n in range(4)]
    assert sheet.target_tab.tabText(0) == batch.document.names[0]


def test_a_decimal_comma_typed_into_a_batch_is_refused_not_split(
    batch: MainWindow, qtbot: QtBot
) -> None:
    """Typed 0,5 in z[0] was read as the block 0, 5 and written over z[0] and z[1] (tester5's
    paste rule, which a batch cell's typing shares); it is refused, naming the sample."""
    z_view = batch.batch_sheet.tabs.widget(0)
    refused: list[str] = []
    z_view.batch_model.refused.connect(refused.append)
    z_view.setFocus()
    type_into(qtbot, z_view, 1, 0, "0,5")
    np.testing.assert_array_equal(batch.document.model.column(1), Z)
    assert refused and refused[0].startswith(
        "z, sample 2, class 0: '0,5' is not a number: the decimal mark is a point here")
