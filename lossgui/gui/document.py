"""The Qt face of the document: owns the undo stack, turns the core model's events into signals.

The data, the evaluations, the problems, validation and "lowest" live in the core's
:class:`~lossgui.core.document.DocumentModel` (``self.model``), tested without Qt. This adapter
only (1) pushes one undo command per user edit onto its ``QUndoStack`` (the commands call the
model's raw changes), (2) re-emits the model's events as the Qt signals the table models and
panels connect to, and (3) reads the model in the window's layout and language: the tables show
a one-sample document as vectors, row = element k, so ``row`` below is k of sample 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from lossgui.core import Evaluation, LossguiError, get_loss
from lossgui.core.arrays import FloatArray
from lossgui.core.blockparse import rectangle
from lossgui.core.classes import NotOneHot, index_problem, one_hot
from lossgui.core.columns import TARGET_NAME, EditRefused
from lossgui.core.document import (
    ELEMENTS,
    SAMPLES,
    TARGET,
    Change,
    ChangeKind,
    DocumentModel,
    Evaluated,
)
from lossgui.core.evaluate import evaluate_resolved
from lossgui.core.losses import Loss
from lossgui.core.lowest import NotCompared
from lossgui.core.names import TARGET_SYMBOL, class_index_of, element_of
from lossgui.core.params import ParamValue
from lossgui.gui.batch_commands import BatchCellsCommand, ClassIndicesCommand
from lossgui.gui.commands import (
    Describe,
    InsertColumnCommand,
    InsertRowsCommand,
    RemoveColumnCommand,
    RemoveRowsCommand,
    RenameCommand,
    SetCellsCommand,
    SetLossCommand,
    SetParamCommand,
    TextCommand,
    read_block,
)
from lossgui.gui.language import current_language

__all__ = ["TARGET", "TARGET_NAME", "Document", "FloatArray"]


class Document(QObject):
    """The document model for the window: undoable edits and Qt signals."""

    values_changed = Signal(int, int, int, int)  # first column, last column, first row, last row
    rows_about_to_be_inserted = Signal(int, int)  # first row, count
    rows_inserted = Signal()
    rows_about_to_be_removed = Signal(int, int)
    rows_removed = Signal()
    columns_about_to_be_inserted = Signal(int, int)  # first document column, count
    columns_inserted = Signal()
    columns_about_to_be_removed = Signal(int, int)
    columns_removed = Signal()
    name_changed = Signal(int)  # document column
    about_to_reset = Signal()
    reset_done = Signal()
    replaced = Signal()  # new data (a file, a session or an example): not an edit of the old
    loss_changed = Signal()  # the loss or one of its parameters
    changing = Signal()  # a raw change began or happened; ``changed`` follows
    changed = Signal()  # after every change, once the evaluations are fresh
    sample_changed = Signal()  # another sample of a batch is the one the vector views show
    # The model's Change itself, for the N×K batch tables (samples are not rows of the vectors').
    model_about_to_change = Signal(object)
    model_changed = Signal(object)

    def __init__(
        self,
        names: Sequence[str],
        columns: Sequence[Sequence[float] | FloatArray],
        loss_id: str = "sse",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._steps: dict[str, Describe] = {}  # begin_undo_step's texts, to tell them again
        self.model = DocumentModel(names, columns, loss_id)
        self._sample = 0  # the sample of a batch that the vector views and learning aids show
        self._sample_cache: tuple[tuple[int, ...], tuple[Evaluation | None, ...]] | None = None
        self.model.about_to_change.connect(self._on_about_to_change)
        self.model.changed.connect(self._on_changed)
        self.model.evaluated.connect(self._on_evaluated)

    # --- reading: the model in the tables' layout and the window's language ---------------------

    @property
    def row_count(self) -> int:
        """Number of elements k (rows of the tables)."""
        return self.model.elements

    @property
    def column_count(self) -> int:
        """Number of document columns: the target plus every prediction."""
        return self.model.column_count

    @property
    def names(self) -> tuple[str, ...]:
        """Column names: ``t`` first, then the predictions' names."""
        return self.model.names

    @property
    def prediction_names(self) -> tuple[str, ...]:
        """The predictions' names, in column order."""
        return self.model.prediction_names

    @property
    def colour_slots(self) -> tuple[int, ...]:
        """Per prediction, the colour it keeps while it exists (see ``prediction_colour``)."""
        return self.model.colour_slots

    @property
    def is_batch(self) -> bool:
        """Whether the document is a batch (N > 1 samples, or a class-index target)."""
        return self.model.samples > 1 or self.model.class_indices

    @property
    def sample(self) -> int:
        """The sample (0-based) the vector views show: 0 for a vector document."""
        return min(self._sample, self.model.samples - 1)

    def set_sample(self, sample: int) -> None:
        """Show sample ``sample`` of a batch in the vector views and learning aids."""
        sample = min(max(sample, 0), self.model.samples - 1)
        if sample != self._sample:
            self._sample = sample
            self.sample_changed.emit()

    def column(self, column: int) -> FloatArray:
        """A read-only view of one document column as a vector (the shown sample's row)."""
        row: FloatArray = self.model.column(column)[self.sample]
        return row

    def all_samples(self, column: int) -> FloatArray:
        """A read-only view of one column with every sample: N×K for a batch of N > 1, else the
        vector (what the other tools are given: they reduce a batch their own way)."""
        if self.model.samples > 1:
            return self.model.column(column)
        return self.column(column)

    def file_column(self, column: int) -> FloatArray:
        """A column as files hold it: a vector, an N×K table, or a batch's class indices."""
        if not self.is_batch:
            return self.model.vector(column)
        if column == TARGET and self.model.class_indices:
            indices = self.model.target_indices()
            assert not isinstance(indices, NotOneHot)  # edits keep an index target one-hot
            return indices
        return self.model.column(column)

    def value(self, row: int, column: int) -> float:
        """One cell of the shown sample; NaN when blank."""
        return self.model.cell(column, self.sample, row)

    def block(self, row: int, column: int, rows: int, columns: int) -> FloatArray:
        """A copy of a rectangle of cells as a rows×columns array."""
        return read_block(self.model, row, column, rows, columns, self.sample)

    @property
    def loss(self) -> Loss:
        """The selected loss."""
        return self.model.loss

    @property
    def loss_id(self) -> str:
        """The selected loss's id."""
        return self.model.loss_id

    @property
    def params(self) -> dict[str, ParamValue]:
        """Every parameter of the selected loss with its value (defaults filled in)."""
        return self.model.params

    def params_of(self, loss_id: str) -> dict[str, ParamValue]:
        """Every parameter of ``loss_id`` as last set in this document."""
        return self.model.params_of(loss_id)

    @property
    def evaluations(self) -> tuple[Evaluation | None, ...]:
        """One evaluation per prediction; None where the core refused the input (see errors)."""
        return self.model.evaluations

    @property
    def sample_evaluations(self) -> tuple[Evaluation | None, ...]:
        """Per prediction, the shown sample evaluated as a vector (its own loss); for a vector
        document the evaluations themselves."""
        evaluations = self.model.evaluations
        if not self.is_batch:
            return evaluations
        key = (self.sample, *map(id, evaluations))
        if self._sample_cache is None or self._sample_cache[0] != key:
            self._sample_cache = (key, tuple(self._evaluate_sample(c) for c in
                                             range(1, self.column_count)))
        return self._sample_cache[1]

    def _evaluate_sample(self, column: int) -> Evaluation | None:
        """The shown sample as a vector of its own, by the core's vector conventions: what the
        formula, curve and other tools explain (its own loss E_n, of which the batch's total
        is the mean or the sum)."""
        if self.model.evaluations[column - 1] is None:
            return None
        try:
            return evaluate_resolved(self.loss_id, self.column(column), self.column(TARGET),
                                     self.params)
        except LossguiError:
            return None

    @property
    def errors(self) -> tuple[str | None, ...]:
        """Per prediction, why it could not be evaluated, or None."""
        return self.model.errors(current_language())

    @property
    def lowest(self) -> frozenset[int]:
        """The predictions (0-based) with the lowest loss, by the CLI's rule too."""
        return self.model.lowest

    def not_compared(self, prediction: int) -> NotCompared | None:
        """Why a prediction's total is not compared ("y", "t", "y_sum"), or None (core.lowest)."""
        return self.model.not_compared(prediction)

    def missing_elements(self, prediction: int) -> tuple[str, ...]:
        """The blank cells that leave a prediction's total unknown, in the window's language,
        named as the notes name them ("t, element 1", "y, sample 3, class 1")."""
        return self.model.missing_elements(prediction, current_language())

    def is_flagged(self, row: int, column: int) -> bool:
        """Whether this cell (of the shown sample) has a problem to highlight."""
        return self.model.is_flagged(column, self.sample, row)

    def cell_messages(self, row: int, column: int) -> list[str]:
        """The core's explanations of this cell's problems."""
        return self.model.cell_messages(column, self.sample, row, current_language())

    @property
    def problem_count(self) -> int:
        """How many cells are highlighted as problems."""
        return self.model.problem_count

    @property
    def cell_problems(self) -> tuple[str, ...]:
        """The listed problems of single cells, in the window's language (see the model's)."""
        return self.model.cell_problems(current_language())

    @property
    def unlisted_problem_count(self) -> int:
        """Highlighted cells beyond the listed ones."""
        return self.model.unlisted_problem_count

    @property
    def notes(self) -> tuple[str, ...]:
        """Notes on the input in the window's language (see the model's)."""
        return self.model.notes(current_language())

    @property
    def warnings(self) -> tuple[str, ...]:
        """Warnings no one cell shows, in the window's language (see the model's)."""
        return self.model.warnings(current_language())

    def check_name(self, name: str, column: int | None = None) -> None:
        """EditRefused (a LossguiError) with a sentence if ``name`` cannot name a prediction."""
        self.model.check_name(name, column)

    # --- undoable user operations: one command each --------------------------------------------

    def edit_cells(
        self, row: int, column: int, block: Sequence[Sequence[float]] | FloatArray,
        describe: Describe | None = None,
    ) -> bool:
        """Write a block of values at (row, column), adding rows and predictions it runs past.

        One undo step (told by ``describe``, else "Edit …"/"Paste …"). Returns False (and pushes
        nothing) when nothing would change.
        """
        values = _rectangular(block)
        height, width = values.shape
        if self.is_batch and width == 1 and row + height <= self.row_count:
            # The vector views show one sample of a batch (the curve's drag): write that row.
            return self.edit_batch(column, self.sample, row, values.T)
        extra_rows = max(0, row + height - self.row_count)
        extra_columns = max(0, column + width - self.column_count)
        if not extra_rows and not extra_columns:
            old = self.block(row, column, height, width)
            if np.array_equal(old, values, equal_nan=True):
                return False
        new_names = self.model.fresh_names(extra_columns)
        if describe is None:
            if height == width == 1:
                name = [*self.names, *new_names][column]
                describe = lambda: QCoreApplication.translate(  # noqa: E731
                    "Document", "Edit %1").replace("%1", _element(name, (row,)))
            else:
                describe = lambda: paste_text(height, width)  # noqa: E731
        self.undo_stack.push(
            SetCellsCommand(self.model, [(row, column, values)], extra_rows, new_names, describe)
        )
        return True

    def clear_cells(self, ranges: Sequence[tuple[int, int, int, int]]) -> bool:
        """Blank (set missing) every cell in the (top, left, bottom, right) ranges: one step."""
        patches = []
        count = 0
        for top, left, bottom, right in ranges:
            shape = (bottom - top + 1, right - left + 1)
            if not np.isnan(self.block(top, left, *shape)).all():
                patches.append((top, left, np.full(shape, np.nan)))
            count += shape[0] * shape[1]
        if not patches:
            return False
        name, row = self.names[ranges[0][1]], ranges[0][0]
        self.undo_stack.push(SetCellsCommand(self.model, patches, 0, [], lambda: (
            QCoreApplication.translate("Document", "Clear %1").replace("%1", _element(name, (row,)))
            if count == 1
            else QCoreApplication.translate("Document", "Clear %n cells", None, count))))
        return True

    def insert_rows(self, row: int, count: int = 1) -> None:
        """Insert blank rows before ``row`` (``row == row_count`` appends)."""
        self.undo_stack.push(InsertRowsCommand(self.model, row, count))

    def remove_rows(self, row: int, count: int = 1) -> None:
        """Remove rows; refuses (EditRefused, a sentence) to remove every row."""
        self.model.check_removal(ELEMENTS, count)
        self.undo_stack.push(RemoveRowsCommand(self.model, row, count))

    def add_prediction(self, name: str | None = None) -> int:
        """Append a blank prediction column; returns its document column."""
        name = name or self.model.fresh_names(1)[0]
        self.check_name(name)
        self.undo_stack.push(InsertColumnCommand(self.model, self.column_count, name, None))
        return self.column_count - 1

    def remove_prediction(self, column: int) -> None:
        """Remove a prediction; refuses (EditRefused) the target or the last prediction."""
        self.model.check_prediction_removal(column)
        self.undo_stack.push(RemoveColumnCommand(self.model, column))

    def rename_prediction(self, column: int, name: str) -> None:
        """Rename a prediction; EditRefused with a sentence if the name cannot be used."""
        name = name.strip()
        if name == self.names[column]:
            return
        self.check_name(name, column)
        self.undo_stack.push(RenameCommand(self.model, column, name))

    def set_loss(self, loss_id: str) -> None:
        """Select another loss (its parameters keep the values last set in this document)."""
        loss = get_loss(loss_id)
        if loss.id != self.loss_id:
            self.undo_stack.push(SetLossCommand(self.model, loss.id))

    def set_param(self, name: str, value: object) -> None:
        """Set a parameter of the selected loss; ParameterError (a sentence) if out of range."""
        coerced = self.model.coerce_param(name, value)
        if coerced != self.params[name]:
            self.undo_stack.push(SetParamCommand(self.model, self.loss_id, name, coerced))

    # --- a batch's undoable edits: N×K cells of one column, the target's layout -----------------

    def edit_batch(self, column: int, sample: int, element: int,
                   block: Sequence[Sequence[float]] | FloatArray) -> bool:
        """Write a samples×classes block into one column of a batch: one undo step.

        A block running past the last sample adds samples (blank in the other columns); one
        running past the last class adds classes. False when nothing would change.
        """
        values = _rectangular(block)
        height, width = values.shape
        extra_samples = max(0, sample + height - self.model.samples)
        extra_elements = max(0, element + width - self.model.elements)
        if not extra_samples and not extra_elements and np.array_equal(
                self.model.cells(column, sample, element, height, width), values, equal_nan=True):
            return False
        name, one = self.names[column], values.size == 1
        self.undo_stack.push(BatchCellsCommand(
            self.model, column, sample, element, values, extra_samples, extra_elements,
            lambda: QCoreApplication.translate("Document", "Edit %1")
            .replace("%1", _element(name, (sample, element))) if one
            else paste_text(height, width)))
        return True

    def edit_class_indices(self, sample: int, indices: Sequence[float]) -> bool:
        """Write class indices of samples from ``sample`` on (their one-hot rows): one step.

        EditRefused (en + ja) naming the sample for a value that is not a class index 0…K−1.
        """
        classes = self.model.elements
        for n, value in enumerate(indices):
            reason = index_problem(float(value), classes)
            if reason is not None and len(indices) == 1:  # the typed cell: its view names it
                raise EditRefused(*reason)
            if reason is not None:
                at = sample + n  # the cell named as the notes name it (core.names)
                raise EditRefused(*(f"{class_index_of(TARGET_SYMBOL, at, lang)}: {said}"
                                    for lang, said in zip(("en", "ja"), reason, strict=True)))
        return self.edit_batch(TARGET, sample, 0,
                               one_hot(np.asarray(indices, dtype=np.float64), classes))

    def insert_samples(self, sample: int, count: int = 1) -> None:
        """Insert blank samples before ``sample`` into every column of a batch."""
        self.undo_stack.push(InsertRowsCommand(self.model, sample, count, SAMPLES))

    def remove_samples(self, sample: int, count: int = 1) -> None:
        """Remove samples of a batch; EditRefused to remove every one."""
        self.model.check_removal(SAMPLES, count)
        self.undo_stack.push(RemoveRowsCommand(self.model, sample, count, SAMPLES))

    def clear_batch(self, column: int, top: int, left: int, bottom: int, right: int) -> bool:
        """Blank a rectangle of one column of a batch (missing, not zero): one step."""
        return self.edit_batch(column, top, left,
                               np.full((bottom - top + 1, right - left + 1), math.nan))

    def use_class_indices(self, on: bool) -> None:
        """Show the target as class indices (on) or as its one-hot table: one undo step.

        EditRefused naming the first sample that is not one-hot, which has no class index.
        """
        if on == self.model.class_indices:
            return
        if on:
            indices = self.model.target_indices()
            if isinstance(indices, NotOneHot):
                raise EditRefused(*indices.message)
        self.undo_stack.push(ClassIndicesCommand(self.model, on, lambda: (
            QCoreApplication.translate("Document", "Target as class indices") if on
            else QCoreApplication.translate("Document", "Target as one-hot table"))))

    # --- not undoable ---------------------------------------------------------------------------

    def replace(self, names: Sequence[str], columns: Sequence[Sequence[float] | FloatArray],
                loss_id: str | None = None,
                params: Mapping[str, Mapping[str, ParamValue]] | None = None,
                take: bool = False) -> None:
        """Replace everything (opening a file): not undoable, so the undo history is cleared.

        Parameters start from ``params`` (loss id → name → value) or the defaults; ``take``
        as for :meth:`DocumentModel.replace`.
        """
        self.undo_stack.clear()
        self.model.replace(names, columns, loss_id, params, take)
        self.replaced.emit()

    def put_loss(self, loss_id: str) -> None:
        """Select a loss without an undo step (not an edit)."""
        self.model.select_loss(loss_id)

    def put_param(self, loss_id: str, name: str, value: ParamValue) -> None:
        """Set a checked parameter of ``loss_id`` without an undo step (a file's, an example's)."""
        self.model.put_param(loss_id, name, value)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Evaluate once at the end of several changes instead of after each."""
        with self.model.batch():
            yield

    def refresh_language(self) -> None:
        """Say the core's problems and the undo history again in the window's (new) language."""
        self.model.reindex()
        stack = self.undo_stack
        steps, self._steps = self._steps, {}
        for index in range(stack.count()):
            command = stack.command(index)
            if isinstance(command, TextCommand):
                command.retell()
                continue
            describe = steps.get(command.text())  # a step of several edits (begin_undo_step)
            if describe is not None:
                command.setText(describe())
                self._steps[command.text()] = describe

    def begin_undo_step(self, describe: Describe) -> None:
        """Start one undo step of several edits, told by ``describe``; end_undo_step ends it.

        Qt makes the step's command itself (QUndoStack.beginMacro), so it cannot hold
        ``describe``: it is kept here under the step's text, to tell it again after a switch.
        """
        text = describe()
        stack = self.undo_stack
        stack.beginMacro(text)
        if len(self._steps) > stack.count() + 64:  # forget the steps no longer on the stack
            on_stack = {stack.command(i).text() for i in range(stack.count())}
            self._steps = {t: d for t, d in self._steps.items() if t in on_stack}
        self._steps[text] = describe

    def end_undo_step(self) -> None:
        """End the undo step begin_undo_step started."""
        self.undo_stack.endMacro()

    @contextmanager
    def undo_step(self, describe: Describe) -> Iterator[None]:
        """The edits inside as one undo step, told by ``describe``."""
        self.begin_undo_step(describe)
        try:
            yield
        finally:
            self.end_undo_step()

    # --- the model's events as signals --------------------------------------------------------

    def _on_about_to_change(self, change: Change) -> None:
        self.changing.emit()
        self.model_about_to_change.emit(change)
        kind = change.kind
        if change.axis is not None and change.axis != ELEMENTS:
            self.about_to_reset.emit()  # samples are not rows of the vector tables
        elif kind is ChangeKind.INSERTED:
            self.rows_about_to_be_inserted.emit(change.elements.start, len(change.elements))
        elif kind is ChangeKind.REMOVED:
            self.rows_about_to_be_removed.emit(change.elements.start, len(change.elements))
        elif kind is ChangeKind.COLUMN_INSERTED:
            self.columns_about_to_be_inserted.emit(change.columns.start, len(change.columns))
        elif kind is ChangeKind.COLUMN_REMOVED:
            self.columns_about_to_be_removed.emit(change.columns.start, len(change.columns))
        elif kind is ChangeKind.RESET:
            self.about_to_reset.emit()

    def _on_changed(self, change: Change) -> None:
        self.changing.emit()
        self.model_changed.emit(change)
        kind = change.kind
        if change.axis is not None and change.axis != ELEMENTS:
            self.reset_done.emit()
        elif kind is ChangeKind.VALUES:
            self.values_changed.emit(change.columns.start, change.columns.stop - 1,
                                     change.elements.start, change.elements.stop - 1)
        elif kind is ChangeKind.INSERTED:
            self.rows_inserted.emit()
        elif kind is ChangeKind.REMOVED:
            self.rows_removed.emit()
        elif kind is ChangeKind.COLUMN_INSERTED:
            self.columns_inserted.emit()
        elif kind is ChangeKind.COLUMN_REMOVED:
            self.columns_removed.emit()
        elif kind is ChangeKind.RENAMED:
            self.name_changed.emit(change.columns.start)
        elif kind is ChangeKind.LOSS:
            self.loss_changed.emit()
        elif kind is ChangeKind.RESET:
            self.reset_done.emit()

    def _on_evaluated(self, _evaluated: Evaluated) -> None:
        self.changed.emit()


def paste_text(height: int, width: int) -> str:
    """The undo text of a paste of height×width cells."""
    return QCoreApplication.translate("Document", "Paste %1×%2 cells") \
        .replace("%1", str(height)).replace("%2", str(width))


def _rectangular(block: Sequence[Sequence[float]] | FloatArray) -> FloatArray:
    """Rows of possibly different lengths as a float array, short rows padded with blanks."""
    if isinstance(block, np.ndarray):
        return np.atleast_2d(np.asarray(block, dtype=np.float64))
    values = rectangle(block)
    if values.shape[1] == 0:
        raise EditRefused("There is nothing to paste.", "貼り付けるものがありません。")
    return values


def _element(name: str, index: tuple[int, ...]) -> str:
    """A cell in an undo text, named when shown (the text follows a language switch) as the
    notes name it: "Edit y2, element 3", "Edit z, sample 2, class 1"."""
    return element_of(name, index, current_language())
