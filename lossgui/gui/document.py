"""The document: target, named predictions, loss and parameters, their undo stack and evaluations.

Columns are numbered across the whole document: column 0 is the target ``t``, columns 1… are
the predictions. The table models map their own columns onto these. Every user edit goes
through an undoable method (``edit_cells``, ``insert_rows``, …) that pushes a command; the
commands call the ``put_*``/``drop_*`` methods, which change the arrays, tell the models
exactly what changed, and re-evaluate through the core.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoStack

from lossgui.core import Evaluation, LossguiError, Severity, get_loss
from lossgui.core.arrays import FloatArray
from lossgui.core.blockparse import rectangle
from lossgui.core.columns import (
    TARGET_NAME,
    ColumnError,
    check_columns,
    check_prediction_name,
    check_prediction_removable,
    check_rows_removable,
)
from lossgui.core.evaluate import evaluate_resolved
from lossgui.core.losses import Loss
from lossgui.core.params import ParamValue, resolve
from lossgui.core.problems import ParameterError, error_text
from lossgui.gui.language import current_language

TARGET = 0


class Document(QObject):
    """Target and predictions as float64 columns (blank = NaN), the loss, and its evaluations."""

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
    loss_changed = Signal()  # the loss or one of its parameters
    changed = Signal()  # after every change, once the evaluations are fresh

    def __init__(
        self,
        names: Sequence[str],
        columns: Sequence[Sequence[float] | FloatArray],
        loss_id: str = "sse",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self._names: list[str] = []
        self._columns: list[FloatArray] = []
        self._loss_id = get_loss(loss_id).id
        self._given: dict[str, dict[str, ParamValue]] = {}
        self._batch_depth = 0
        self._dirty = False
        self._stale: set[int] | None = None  # predictions to re-evaluate (None: all of them)
        self._evaluations: list[Evaluation | None] = []
        self._errors: list[str | None] = []
        # Problems by cell: the core lists a few per check (messages) and marks every flagged
        # element in a mask; the masks are looked up per painted cell, never copied per edit.
        self._messages: dict[tuple[int, int], list[str]] = {}
        self._listed: dict[int, set[int]] = {}  # prediction column -> rows with a listed problem
        self._problem_count: int | None = None
        self._notes: list[str] = []
        self._set_contents(names, columns)
        self._evaluate()

    # --- reading ------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """Number of elements k (rows of the tables)."""
        return len(self._columns[TARGET])

    @property
    def column_count(self) -> int:
        """Number of document columns: the target plus every prediction."""
        return len(self._columns)

    @property
    def names(self) -> tuple[str, ...]:
        """Column names: ``t`` first, then the predictions' names."""
        return tuple(self._names)

    @property
    def prediction_names(self) -> tuple[str, ...]:
        """The predictions' names, in column order."""
        return tuple(self._names[1:])

    def column(self, column: int) -> FloatArray:
        """A read-only view of one document column."""
        view = self._columns[column].view()
        view.flags.writeable = False
        return view

    def value(self, row: int, column: int) -> float:
        """One cell; NaN when blank."""
        return float(self._columns[column][row])

    def block(self, row: int, column: int, rows: int, columns: int) -> FloatArray:
        """A copy of a rectangle of cells as a rows×columns array."""
        return np.column_stack(
            [self._columns[c][row : row + rows] for c in range(column, column + columns)]
        ).astype(np.float64)

    @property
    def loss(self) -> Loss:
        """The selected loss."""
        return get_loss(self._loss_id)

    @property
    def loss_id(self) -> str:
        """The selected loss's id."""
        return self._loss_id

    @property
    def params(self) -> dict[str, ParamValue]:
        """Every parameter of the selected loss with its value (defaults filled in)."""
        return self.params_of(self._loss_id)

    def params_of(self, loss_id: str) -> dict[str, ParamValue]:
        """Every parameter of ``loss_id`` as last set in this document."""
        loss = get_loss(loss_id)
        return resolve(loss.id, loss.params, self._given.get(loss.id, {}))

    @property
    def evaluations(self) -> tuple[Evaluation | None, ...]:
        """One evaluation per prediction; None where the core refused the input (see errors)."""
        return tuple(self._evaluations)

    @property
    def errors(self) -> tuple[str | None, ...]:
        """Per prediction, why it could not be evaluated, or None."""
        return tuple(self._errors)

    def is_flagged(self, row: int, column: int) -> bool:
        """Whether this cell has a problem to highlight."""
        if (column, row) in self._messages:
            return True
        return self._masked(row, column)

    def _masked(self, row: int, column: int) -> bool:
        """Flagged by the core's mask beyond the listed problems (predictions only)."""
        if column == TARGET or column > len(self._evaluations):
            return False
        evaluation = self._evaluations[column - 1]
        if evaluation is None or row in self._listed.get(column, ()):
            return False
        flagged = evaluation.flagged
        return bool(flagged.reshape(-1)[row]) if flagged.size else False

    def cell_messages(self, row: int, column: int) -> list[str]:
        """The core's explanations of this cell's problems."""
        messages = self._messages.get((column, row))
        if messages is not None:
            return list(messages)
        if self._masked(row, column):  # the core lists 20 per check, then summarises
            return [QCoreApplication.translate(
                "Document", "This element has a problem; see the problems list for the summary.")]
        return []

    @property
    def problem_count(self) -> int:
        """How many cells are highlighted as problems."""
        if self._problem_count is None:
            count = len(self._messages)
            for offset, evaluation in enumerate(self._evaluations):
                if evaluation is None or not evaluation.flagged.size:
                    continue
                column = offset + 1
                flagged = evaluation.flagged.reshape(-1)
                count += int(np.count_nonzero(flagged))
                # rows already counted through a message, or listed about t, are not extra
                count -= sum(1 for row in self._listed.get(column, ()) if flagged[row])
            self._problem_count = count
        return self._problem_count + sum(e is not None for e in self._errors)

    @property
    def notes(self) -> tuple[str, ...]:
        """Problems about whole vectors (not one cell), e.g. "y sums to 1.64, not 1"."""
        return tuple(self._notes)

    # --- undoable user operations ---------------------------------------------------------------

    def edit_cells(
        self, row: int, column: int, block: Sequence[Sequence[float]] | FloatArray,
        text: str | None = None,
    ) -> bool:
        """Write a block of values at (row, column), adding rows and predictions it runs past.

        One undo step. Returns False (and pushes nothing) when nothing would change.
        """
        from lossgui.gui.commands import SetCellsCommand

        values = _rectangular(block)
        height, width = values.shape
        extra_rows = max(0, row + height - self.row_count)
        extra_columns = max(0, column + width - self.column_count)
        if not extra_rows and not extra_columns:
            old = self.block(row, column, height, width)
            if np.array_equal(old, values, equal_nan=True):
                return False
        new_names = self._fresh_names(extra_columns)
        if text is None:
            if height == width == 1:
                text = QCoreApplication.translate("Document", "Edit %1 row %2") \
                    .replace("%1", [*self._names, *new_names][column]).replace("%2", str(row + 1))
            else:
                text = QCoreApplication.translate("Document", "Paste %1×%2 cells") \
                    .replace("%1", str(height)).replace("%2", str(width))
        self.undo_stack.push(
            SetCellsCommand(self, [(row, column, values)], extra_rows, new_names, text)
        )
        return True

    def clear_cells(self, ranges: Sequence[tuple[int, int, int, int]]) -> bool:
        """Blank (set missing) every cell in the (top, left, bottom, right) ranges: one step."""
        from lossgui.gui.commands import SetCellsCommand

        patches = []
        count = 0
        for top, left, bottom, right in ranges:
            shape = (bottom - top + 1, right - left + 1)
            if not np.isnan(self.block(top, left, *shape)).all():
                patches.append((top, left, np.full(shape, np.nan)))
            count += shape[0] * shape[1]
        if not patches:
            return False
        if count == 1:
            text = QCoreApplication.translate("Document", "Clear %1 row %2") \
                .replace("%1", self._names[ranges[0][1]]).replace("%2", str(ranges[0][0] + 1))
        else:
            text = QCoreApplication.translate("Document", "Clear %n cells", None, count)
        self.undo_stack.push(SetCellsCommand(self, patches, 0, [], text))
        return True

    def insert_rows(self, row: int, count: int = 1) -> None:
        """Insert blank rows before ``row`` (``row == row_count`` appends)."""
        from lossgui.gui.commands import InsertRowsCommand

        self.undo_stack.push(InsertRowsCommand(self, row, count))

    def remove_rows(self, row: int, count: int = 1) -> None:
        """Remove rows; refuses (ColumnError) to remove every row."""
        from lossgui.gui.commands import RemoveRowsCommand

        check_rows_removable(count, self.row_count)
        self.undo_stack.push(RemoveRowsCommand(self, row, count))

    def add_prediction(self, name: str | None = None) -> int:
        """Append a blank prediction column; returns its document column."""
        from lossgui.gui.commands import InsertColumnCommand

        name = name or self._fresh_names(1)[0]
        self.check_name(name)
        self.undo_stack.push(InsertColumnCommand(self, self.column_count, name, None))
        return self.column_count - 1

    def remove_prediction(self, column: int) -> None:
        """Remove a prediction; refuses (ColumnError) the target or the last prediction."""
        from lossgui.gui.commands import RemoveColumnCommand

        check_prediction_removable(column, self.column_count)
        self.undo_stack.push(RemoveColumnCommand(self, column))

    def rename_prediction(self, column: int, name: str) -> None:
        """Rename a prediction; ColumnError with a sentence if the name cannot be used."""
        from lossgui.gui.commands import RenameCommand

        name = name.strip()
        if name == self._names[column]:
            return
        self.check_name(name, column)
        self.undo_stack.push(RenameCommand(self, column, name))

    def set_loss(self, loss_id: str) -> None:
        """Select another loss (its parameters keep the values last set in this document)."""
        from lossgui.gui.commands import SetLossCommand

        loss = get_loss(loss_id)
        if loss.id != self._loss_id:
            self.undo_stack.push(SetLossCommand(self, loss.id))

    def set_param(self, name: str, value: object) -> None:
        """Set a parameter of the selected loss; ParameterError (a sentence) if out of range."""
        from lossgui.gui.commands import SetParamCommand

        loss = self.loss
        if name not in {p.name for p in loss.params}:
            raise ParameterError(f"{loss.id} has no parameter {name!r}",
                                 f"{loss.id} に {name!r} というパラメータはありません")
        coerced = loss.param(name).coerce(value)
        if coerced != self.params[name]:
            self.undo_stack.push(SetParamCommand(self, loss.id, name, coerced))

    def check_name(self, name: str, column: int | None = None) -> None:
        """ColumnError with a sentence if ``name`` cannot name a prediction."""
        check_prediction_name(name, [n for c, n in enumerate(self._names) if c != column])

    def replace(self, names: Sequence[str], columns: Sequence[Sequence[float] | FloatArray],
                loss_id: str | None = None) -> None:
        """Replace everything (opening a file): not undoable, so the undo history is cleared."""
        self.about_to_reset.emit()
        self._set_contents(names, columns)
        if loss_id is not None:
            self._loss_id = get_loss(loss_id).id
        self.undo_stack.clear()
        self.reset_done.emit()
        self.loss_changed.emit()
        self._stale = None
        self._evaluate()

    def refresh_language(self) -> None:
        """Say the core's problems again in the window's (new) language."""
        self._index_problems()
        self.changed.emit()

    # --- raw changes, called by the commands (no undo here) --------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Evaluate once at the end of several raw changes instead of after each."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._dirty:
                self._evaluate()

    def put_block(self, row: int, column: int, values: FloatArray) -> None:
        """Overwrite a rectangle of existing cells."""
        height, width = values.shape
        for j in range(width):
            self._columns[column + j][row : row + height] = values[:, j]
        self.values_changed.emit(column, column + width - 1, row, row + height - 1)
        # Only the edited predictions change, unless t does (every prediction is scored on it).
        self._touched(None if column == TARGET else set(range(column, column + width)))

    def put_rows(self, row: int, values: FloatArray) -> None:
        """Insert rows (a count×column_count array) before ``row``."""
        self.rows_about_to_be_inserted.emit(row, len(values))
        for c in range(self.column_count):
            self._columns[c] = np.insert(self._columns[c], row, values[:, c])
        self.rows_inserted.emit()
        self._touched()

    def drop_rows(self, row: int, count: int) -> FloatArray:
        """Remove rows; returns their values for undo."""
        removed = self.block(row, 0, count, self.column_count)
        self.rows_about_to_be_removed.emit(row, count)
        for c in range(self.column_count):
            self._columns[c] = np.delete(self._columns[c], np.s_[row : row + count])
        self.rows_removed.emit()
        self._touched()
        return removed

    def put_column(self, column: int, name: str, values: FloatArray | None) -> None:
        """Insert a prediction column (blank when ``values`` is None)."""
        self.columns_about_to_be_inserted.emit(column, 1)
        data = np.full(self.row_count, np.nan) if values is None else np.array(values, float)
        self._columns.insert(column, data)
        self._names.insert(column, name)
        self.columns_inserted.emit()
        self._touched()

    def drop_column(self, column: int) -> tuple[str, FloatArray]:
        """Remove a prediction column; returns its name and values for undo."""
        self.columns_about_to_be_removed.emit(column, 1)
        name = self._names.pop(column)
        values = self._columns.pop(column)
        self.columns_removed.emit()
        self._touched()
        return name, values

    def put_name(self, column: int, name: str) -> None:
        """Rename a column."""
        self._names[column] = name
        self.name_changed.emit(column)
        self._touched()

    def put_loss(self, loss_id: str) -> None:
        """Select a loss."""
        self._loss_id = loss_id
        self.loss_changed.emit()
        self._touched()

    def put_param(self, loss_id: str, name: str, value: ParamValue) -> None:
        """Set an already checked parameter value of ``loss_id``."""
        self._given.setdefault(loss_id, {})[name] = value
        self.loss_changed.emit()
        self._touched()

    # --- internals ------------------------------------------------------------------------------

    def _set_contents(
        self, names: Sequence[str], columns: Sequence[Sequence[float] | FloatArray]
    ) -> None:
        arrays = [np.array(c, dtype=np.float64).reshape(-1) for c in columns]
        if len(names) != len(arrays):
            raise ValueError("a name for every column")  # a programming error, not the user's
        # The target keeps the name it came with (正解, label, …) so exports match the CLI.
        named = [names[0] or TARGET_NAME, *names[1:]]
        check_columns(named, [len(a) for a in arrays])
        self._names = named
        self._columns = arrays

    def _fresh_names(self, count: int) -> list[str]:
        names: list[str] = []
        n = 1
        while len(names) < count:
            candidate = f"y{n}"
            if candidate not in self._names and candidate != TARGET_NAME:
                names.append(candidate)
            n += 1
        return names

    def _touched(self, columns: set[int] | None = None) -> None:
        """Something changed: re-evaluate ``columns`` (document columns), or everything."""
        if columns is None:
            self._stale = None
        elif self._stale is not None:
            self._stale |= columns
        if self._batch_depth:
            self._dirty = True
        else:
            self._evaluate()

    def _evaluate(self) -> None:
        """Evaluate every prediction through the core and index its problems by cell."""
        self._dirty = False
        stale, self._stale = self._stale, set()
        t = self._columns[TARGET]
        try:
            params = self.params
        except LossguiError as error:  # cannot happen through the editors; never crash
            params = None
            reason = error_text(error, current_language())
        count = self.column_count - 1
        if stale is None or len(self._evaluations) != count:
            stale = set(range(1, count + 1))
            self._evaluations = [None] * count
            self._errors = [None] * count
        for column in sorted(stale):
            offset = column - 1
            if params is None:
                self._evaluations[offset] = None
                self._errors[offset] = reason
                continue
            y = self._columns[column]
            try:
                self._evaluations[offset] = evaluate_resolved(self._loss_id, y, t, params)
                self._errors[offset] = None
            except LossguiError as error:
                self._evaluations[offset] = None
                self._errors[offset] = error_text(error, current_language())
        self._index_problems()
        self.changed.emit()

    def _index_problems(self) -> None:
        """Index the listed problems by cell; the masks stay in the evaluations (no O(n) copy)."""
        self._messages = {}
        self._listed = {}
        self._problem_count = None
        notes: list[str] = []
        language = current_language()  # the core's sentences come in English and Japanese
        for offset, evaluation in enumerate(self._evaluations):
            column = offset + 1
            if evaluation is None:
                continue
            listed: set[int] = set()
            for problem in evaluation.problems:
                message = problem.text(language)
                if problem.index is None:
                    note = message if problem.about_target else f"{self._names[column]}: {message}"
                    if note not in notes:
                        notes.append(note)
                    continue
                if problem.severity is not Severity.WARNING:
                    continue
                row = problem.index[0]
                cell = (TARGET if problem.about_target else column, row)
                messages = self._messages.setdefault(cell, [])
                if message not in messages:
                    messages.append(message)
                listed.add(row)
            self._listed[column] = listed
        self._notes = notes


def _rectangular(block: Sequence[Sequence[float]] | FloatArray) -> FloatArray:
    """Rows of possibly different lengths as a float array, short rows padded with blanks."""
    if isinstance(block, np.ndarray):
        return np.atleast_2d(np.asarray(block, dtype=np.float64))
    values = rectangle(block)
    if values.shape[1] == 0:
        raise ColumnError("There is nothing to paste.", "貼り付けるものがありません。")
    return values


def article_example() -> tuple[list[str], list[FloatArray]]:
    """The article's t, y1 (good) and y2 (bad), read from the example shipped with the package."""
    from lossgui.core import csvio

    source = resources.files("lossgui.resources") / "examples" / "article.csv"
    with resources.as_file(source) as path:
        data = csvio.read_data_csv(path)
    return list(data.names), list(data.columns)
