"""A class-index batch keeps its labels when a paste or an insert adds classes (tester7 #1)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lossgui.core import csvio, evaluate
from lossgui.gui.main_window import MainWindow

LABELS = [0.0, 1.0, 2.0, 1.0]


@pytest.fixture
def batch(window: MainWindow) -> MainWindow:
    """The window on the logits batch example (4 samples, 3 classes, labels as indices)."""
    window.load_named_example("logits_batch")
    assert window.document.model.class_indices
    return window


def shown_labels(window: MainWindow) -> list[str]:
    target = window.batch_sheet.target_view.model()
    return [target.data(target.index(n, 0)) for n in range(target.rowCount())]


def test_a_paste_that_adds_a_class_keeps_every_label(batch: MainWindow, tmp_path: Path) -> None:
    document = batch.document
    z_view = batch.batch_sheet.tabs.widget(0)
    z_view.go_to(0, 0)
    assert z_view.paste_text("1\t2\t3\t4\n5\t6\t7\t8\n0\t1\t0\t1\n2\t2\t1\t0\n")
    QApplication.processEvents()
    assert document.model.elements == 4
    assert shown_labels(batch) == ["0", "1", "2", "1"]
    np.testing.assert_array_equal(document.file_column(0), LABELS)
    z = document.model.column(1)
    assert document.evaluations[0].total == evaluate("softmax_cee", z, np.array(LABELS)).total
    assert not [p for p in document.evaluations[0].problems if "missing" in p.message]
    # What failed with an AssertionError: a session is written, and reopens with the labels.
    session = tmp_path / "four.lossgui.json"
    assert batch.files.save_to(str(session))
    assert batch.files.open_path(str(session), ask_first=False)
    assert shown_labels(batch) == ["0", "1", "2", "1"]
    np.testing.assert_array_equal(batch.document.model.column(1), z)


def test_undo_takes_the_new_class_away_and_the_labels_stay(batch: MainWindow) -> None:
    document = batch.document
    z_view = batch.batch_sheet.tabs.widget(0)
    z_view.go_to(0, 0)
    assert z_view.paste_text("1\t2\t3\t4\n")
    document.undo_stack.undo()
    QApplication.processEvents()
    assert document.model.elements == 3
    assert shown_labels(batch) == ["0", "1", "2", "1"]
    document.undo_stack.redo()
    assert shown_labels(batch) == ["0", "1", "2", "1"]


def test_a_blank_label_stays_blank_when_a_class_is_added(batch: MainWindow,
                                                         qtbot: QtBot) -> None:
    document = batch.document
    target_view = batch.batch_sheet.target_view
    target_view.go_to(1, 0)
    assert target_view.paste_text("\n")  # sample 2's label blanked
    z_view = batch.batch_sheet.tabs.widget(0)
    z_view.go_to(0, 0)
    assert z_view.paste_text("1\t2\t3\t4\n")
    assert shown_labels(batch) == ["0", "", "2", "1"]
    data = csvio.data_csv_text(list(document.names),
                               [document.file_column(c) for c in range(document.column_count)])
    assert data.splitlines()[2].startswith(",")  # sample 2's label is written blank
