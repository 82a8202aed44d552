"""The table models and the document underneath them, without the window."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from lossgui.core import ParameterError, evaluate
from lossgui.core.examples import ARTICLE, example_columns
from lossgui.core.numbers import cell_text
from lossgui.gui.document import Document
from lossgui.gui.sheet.table_model import prediction_model, target_model


@pytest.fixture
def document(qapp: object) -> Document:
    names, columns = example_columns(ARTICLE)
    return Document(names, columns, "sse")


def test_models_pass_the_model_tester(qtmodeltester: object, document: Document) -> None:
    for make in (target_model, prediction_model):
        model = make(document)
        qtmodeltester.check(model)  # type: ignore[attr-defined]
        document.edit_cells(0, 0, [[math.nan]])
        qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_model_tester_follows_structure_changes(qtmodeltester: object, document: Document) -> None:
    model = prediction_model(document)
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    document.insert_rows(2, 3)
    document.add_prediction()
    document.edit_cells(9, 4, [[0.5]])  # past the end: rows and a column appear
    assert model.rowCount() == 10 and model.columnCount() == 4
    document.undo_stack.undo()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert model.rowCount() == 5 and model.columnCount() == 2


def test_set_data_parses_and_refuses(qtbot: QtBot, document: Document) -> None:
    model = prediction_model(document)
    index = model.index(1, 1)
    # Every emission recorded (pytest-qt 4.4's waitSignal keeps only the last one's arguments).
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: changed.append(
        (top.row(), top.column(), bottom.row(), bottom.column())))
    assert model.setData(index, "１．５")
    assert changed[0] == (1, 1, 1, 1)  # exactly that cell first
    assert document.value(1, 2) == 1.5
    refused: list[str] = []  # a recorder, not waitSignal: its teardown trips on PySide6 6.7
    model.refused.connect(refused.append)
    assert not model.setData(index, "seven")
    assert refused == ["y2, element 2: 'seven' is not a number; the old value 1.5 is kept."]
    assert document.value(1, 2) == 1.5
    assert model.setData(index, "  ")
    assert math.isnan(document.value(1, 2))
    assert index.data() == ""
    assert "missing" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert document.undo_stack.count() == 2
    assert not model.setData(index, "x", Qt.ItemDataRole.DisplayRole)


def test_unchanged_value_makes_no_undo_step(document: Document) -> None:
    model = target_model(document)
    assert model.setData(model.index(1, 0), "1")
    assert document.undo_stack.count() == 0


def test_evaluations_are_the_cores(document: Document) -> None:
    for loss in ("sse", "cee", "mse", "bce", "hinge"):
        document.set_loss(loss)
        for j, evaluation in enumerate(document.evaluations, start=1):
            expected = evaluate(loss, document.column(j), document.column(0))
            assert evaluation is not None
            assert evaluation.total == expected.total or (
                math.isnan(evaluation.total) and math.isnan(expected.total))
    assert document.undo_stack.count() == 4  # sse was already selected: no step


def test_parameters_are_checked_and_kept_per_loss(document: Document) -> None:
    document.set_loss("cee")
    document.set_param("eps", "1e-7")
    with pytest.raises(ParameterError):
        document.set_param("eps", 2)
    with pytest.raises(ParameterError):
        document.set_param("delta", 1)
    document.set_loss("sse")
    document.set_loss("cee")
    assert document.params["eps"] == 1e-7
    document.undo_stack.undo()  # back to sse
    document.undo_stack.undo()  # back to cee
    document.undo_stack.undo()  # eps back to 0
    assert document.params["eps"] == 0.0


def test_names_are_checked(document: Document) -> None:
    for bad in ("", "t", "y2"):
        with pytest.raises(ValueError):
            document.rename_prediction(1, bad)
    document.rename_prediction(1, " good ")
    assert document.prediction_names == ("good", "y2")
    with pytest.raises(ValueError):
        document.remove_prediction(0)


def test_remove_rows_keeps_values_for_undo(document: Document) -> None:
    before = [np.array(document.column(c)) for c in range(3)]
    document.remove_rows(1, 3)
    assert document.row_count == 2
    with pytest.raises(ValueError):
        document.remove_rows(0, 2)
    document.undo_stack.undo()
    for c in range(3):
        np.testing.assert_array_equal(document.column(c), before[c])


def test_problems_are_indexed_by_cell(document: Document) -> None:
    document.set_loss("cee")
    document.edit_cells(1, 2, [[0.0]])
    assert document.is_flagged(1, 2) and not document.is_flagged(1, 1)
    assert document.problem_count == 1
    assert any("log 0" in m for m in document.cell_messages(1, 2))
    document.edit_cells(3, 0, [[-1.0]])  # t out of range is the target's cell
    assert document.cell_messages(3, 0) == [] or document.is_flagged(3, 0)


def test_columns_are_read_only_views(document: Document) -> None:
    with pytest.raises(ValueError):
        document.column(0)[0] = 5.0


def test_cell_text() -> None:
    assert cell_text(0.65) == "0.65"
    assert cell_text(1.0) == "1"
    assert cell_text(1e-7) == "1e-07"
    assert cell_text(math.nan) == ""
    assert cell_text(-math.inf) == "-inf"
    assert cell_text(0.5, decimal_comma=True) == "0,5"
