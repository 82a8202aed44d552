"""Property-based fuzzing of the document's edits and undo (issue #16).

A random sequence of user edits (cells, pastes, blanks, rows, predictions, names, loss and
parameters), each applied or refused with a LossguiError; then undoing everything must give
the start back exactly, and redoing everything the end. Budget: FUZZ_EXAMPLES sequences.
"""

from __future__ import annotations

import os

import numpy as np
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication

from lossgui.core import LossguiError
from lossgui.gui.document import Document

FUZZ_EXAMPLES = int(os.environ.get("LOSSGUI_FUZZ_EXAMPLES", "1000")) // 3
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow,
                                       HealthCheck.function_scoped_fixture])

VALUES = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0.0, 1.0]))
INDEX = st.integers(0, 7)
EDITS = st.one_of(
    st.tuples(st.just("edit"), INDEX, INDEX,
              st.lists(st.lists(VALUES, min_size=1, max_size=3), min_size=1, max_size=3)),
    st.tuples(st.just("clear"), INDEX, INDEX, st.integers(0, 2), st.integers(0, 2)),
    st.tuples(st.just("insert_rows"), INDEX, st.integers(1, 3)),
    st.tuples(st.just("remove_rows"), INDEX, st.integers(1, 3)),
    st.tuples(st.just("add_prediction"), st.sampled_from([None, "y9", "t", "", "z" * 201])),
    st.tuples(st.just("remove_prediction"), INDEX),
    st.tuples(st.just("rename"), INDEX, st.sampled_from(["a", "y1", "t", " ", "予測", "b\nc"])),
    st.tuples(st.just("loss"), st.sampled_from(["sse", "cee", "mse", "mae", "bce", "hinge"])),
    st.tuples(st.just("param"), st.sampled_from(["eps", "half", "reduction", "delta"]),
              st.sampled_from([1e-7, 0.0, 0.7, -1.0, True, "mean", "sum", "x",
                               1.2345678901234e-7])),
)


def _apply(document: Document, edit: tuple) -> None:  # type: ignore[type-arg]
    kind, *args = edit
    rows, columns = document.row_count, document.column_count
    if kind == "edit":
        row, column, block = args
        document.edit_cells(min(row, rows), min(column, columns), block)
    elif kind == "clear":
        top, left, height, width = args
        top, left = min(top, rows - 1), min(left, columns - 1)
        document.clear_cells([(top, left, min(top + height, rows - 1),
                               min(left + width, columns - 1))])
    elif kind == "insert_rows":
        document.insert_rows(min(args[0], rows), args[1])
    elif kind == "remove_rows":
        document.remove_rows(min(args[0], rows - 1), min(args[1], rows - min(args[0], rows - 1)))
    elif kind == "add_prediction":
        document.add_prediction(args[0])
    elif kind == "remove_prediction":
        document.remove_prediction(min(args[0], columns - 1))
    elif kind == "rename":
        document.rename_prediction(max(1, min(args[0], columns - 1)), args[1])
    elif kind == "loss":
        document.set_loss(args[0])
    else:
        document.set_param(*args)


def _state(document: Document) -> tuple:  # type: ignore[type-arg]
    return (document.names, [np.array(document.column(c)) for c in range(document.column_count)],
            document.loss_id, document.params)


def _same_state(a: tuple, b: tuple) -> bool:  # type: ignore[type-arg]
    if a[0] != b[0] or a[2:] != b[2:] or len(a[1]) != len(b[1]):
        return False
    return all(x.shape == y.shape and np.array_equal(x, y, equal_nan=True)
               for x, y in zip(a[1], b[1], strict=True))


@FUZZ
@given(st.lists(EDITS, max_size=12))
def test_undo_of_everything_restores_the_start_exactly(qapp: QApplication, edits: list) -> None:  # type: ignore[type-arg]
    document = Document(["t", "y1", "y2"], [[0, 1, 0], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4]], "sse")
    start = _state(document)
    for edit in edits:
        steps = document.undo_stack.count()
        try:
            _apply(document, edit)
        except LossguiError as error:  # a refusal changes nothing and says why, in two languages
            assert error.message_ja and str(error)
            assert document.undo_stack.count() == steps
    end = _state(document)
    stack = document.undo_stack
    event(f"{min(stack.count(), 5)}{'+' if stack.count() >= 5 else ''} undo steps")
    while stack.canUndo():
        stack.undo()
    assert _same_state(_state(document), start)
    while stack.canRedo():
        stack.redo()
    assert _same_state(_state(document), end)
    document.deleteLater()
