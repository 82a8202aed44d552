"""Undo commands: every user edit is one of these, pushed onto the document's QUndoStack.

Each command keeps what it needs to go back (the old values, the removed rows) and calls the
core model's raw changes (``put``, ``insert``, ``remove``, …) inside ``model.batch()``, so a
whole paste is evaluated once and undone in one step. They edit the tables' layout: a row is
element k of the one sample, a patch is a rows×columns block of several document columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from lossgui.core.arrays import FloatArray
from lossgui.core.document import ELEMENTS, DocumentModel
from lossgui.core.numbers import setting
from lossgui.core.params import ParamValue
from lossgui.gui.language import QT_TRANSLATE_NOOP
from lossgui.gui.param_text import choice_label, param_label

Patch = tuple[int, int, FloatArray]  # top row, left document column, rows×columns values
# An undo text in the window's language when it is asked: after a language switch the Edit
# menu tells the old edits again in the new language (a frozen string stayed in the old one).
Describe = Callable[[], str]


def _text(source: str, *args: object, n: int = -1) -> str:
    """An undo text translated in the "Commands" context, with %1, %2, … filled in."""
    text = QCoreApplication.translate("Commands", source, None, n)
    for i, arg in enumerate(args, 1):
        text = text.replace(f"%{i}", str(arg))
    return text


def delete_rows_text(rows: Sequence[int]) -> str:
    """The undo text for deleting ``rows`` (sorted, 0-based), wherever rows are deleted.

    "Delete row 3", "Delete rows 4–5" for one run, "Delete 3 rows" for rows not in one run.
    """
    if len(rows) == 1:
        return _text(QT_TRANSLATE_NOOP("Commands", "Delete row %1"), rows[0] + 1)
    if rows[-1] - rows[0] + 1 == len(rows):
        return _text(QT_TRANSLATE_NOOP("Commands", "Delete rows %1–%2"), rows[0] + 1, rows[-1] + 1)
    count = len(rows)  # a variable: lupdate does not read a call as the %n argument
    return QCoreApplication.translate("Commands", "Delete %n rows", None, count)


class TextCommand(QUndoCommand):
    """An undo command that can tell its text again, in the language the window now speaks."""

    def __init__(self, describe: Describe) -> None:
        super().__init__(describe())
        self._describe = describe

    def set_describe(self, describe: Describe) -> None:
        """Tell the command from now on with ``describe`` (a merged step counts more)."""
        self._describe = describe
        self.retell()

    def retell(self) -> None:
        """Say the text again in the current language."""
        self.setText(self._describe())


def _insert_rows_text(row: int, count: int) -> str:
    if count == 1:
        return QCoreApplication.translate("Commands", "Insert row %1").replace("%1", str(row + 1))
    return QCoreApplication.translate("Commands", "Insert %n rows at row %1", None, count) \
        .replace("%1", str(row + 1))


class SetCellsCommand(TextCommand):
    """Write blocks of values; a paste past the end first adds the rows and columns it needs."""

    def __init__(
        self,
        document: DocumentModel,
        patches: Sequence[Patch],
        extra_rows: int,
        new_columns: Sequence[str],
        describe: Describe,
    ) -> None:
        super().__init__(describe)
        self._document = document
        self._patches = list(patches)
        self._extra_rows = extra_rows
        self._new_columns = list(new_columns)
        self._old: list[FloatArray] | None = None

    def cell_ranges(self) -> list[tuple[int, int, int, int]]:
        """The cells it writes, as (top, left, bottom, right) in rows and document columns."""
        return [(row, column, row + values.shape[0] - 1, column + values.shape[1] - 1)
                for row, column, values in self._patches]

    def redo(self) -> None:
        """Grow the document if needed, remember the old values once, write the new ones."""
        document = self._document
        with document.batch():
            for name in self._new_columns:
                document.insert_column(document.column_count, name, None)
            if self._extra_rows:
                document.insert(ELEMENTS, document.elements,
                                document.blank(ELEMENTS, self._extra_rows))
            if self._old is None:
                self._old = [read_block(document, row, column, *values.shape)
                             for row, column, values in self._patches]
            for row, column, values in self._patches:
                write_block(document, row, column, values)

    def undo(self) -> None:
        """Restore the old values, then drop the rows and columns the paste added."""
        document = self._document
        assert self._old is not None
        with document.batch():
            for (row, column, _), old in zip(self._patches, self._old, strict=True):
                write_block(document, row, column, old)
            if self._extra_rows:
                document.remove(ELEMENTS, document.elements - self._extra_rows, self._extra_rows)
            for _ in self._new_columns:
                document.remove_column(document.column_count - 1)


def edited_cells(command: QUndoCommand | None) -> list[tuple[int, int, int, int]]:
    """The cells a step (one command or a macro of them) writes, for showing them selected."""
    if command is None:
        return []
    ranges = command.cell_ranges() \
        if isinstance(command, SetCellsCommand | PutColumnsCommand) else []
    for i in range(command.childCount()):
        ranges += edited_cells(command.child(i))
    return ranges


class PutColumnsCommand(TextCommand):
    """Overwrite whole columns (each N×K, the model's shape) from ``first`` on: one undo step.

    Learning writes every prediction at once this way, a vector (1×K) or a batch alike.
    """

    def __init__(self, document: DocumentModel, first: int, columns: Sequence[FloatArray],
                 describe: Describe) -> None:
        super().__init__(describe)
        self._document = document
        self._first = first
        self._new = list(columns)
        self._old: list[FloatArray] | None = None

    def cell_ranges(self) -> list[tuple[int, int, int, int]]:
        """The cells it writes in the vector tables' layout (none for a batch's N×K)."""
        first = self._new[0] if self._new else None
        if first is None or first.shape[0] != 1:
            return []
        return [(0, self._first, first.shape[1] - 1, self._first + len(self._new) - 1)]

    def redo(self) -> None:
        """Remember the old columns once, write the new ones (evaluated once, together)."""
        document = self._document
        with document.batch():
            if self._old is None:
                self._old = [np.array(document.column(self._first + i))
                             for i in range(len(self._new))]
            for i, values in enumerate(self._new):
                document.put(self._first + i, 0, 0, values)

    def undo(self) -> None:
        """Put the old columns back."""
        document = self._document
        assert self._old is not None
        with document.batch():
            for i, values in enumerate(self._old):
                document.put(self._first + i, 0, 0, values)


class InsertRowsCommand(TextCommand):
    """Insert blank rows."""

    def __init__(self, document: DocumentModel, row: int, count: int,
                 axis: int = ELEMENTS) -> None:
        super().__init__(lambda: _insert_rows_text(row, count))
        self._document = document
        self._row = row
        self._count = count
        self._axis = axis  # ELEMENTS: rows of the vector tables; SAMPLES: rows of a batch

    def redo(self) -> None:
        """Insert the blank rows."""
        document = self._document
        document.insert(self._axis, self._row, document.blank(self._axis, self._count))

    def undo(self) -> None:
        """Remove them again."""
        self._document.remove(self._axis, self._row, self._count)


class RemoveRowsCommand(TextCommand):
    """Remove a run of rows, keeping their values to put back."""

    def __init__(self, document: DocumentModel, row: int, count: int,
                 axis: int = ELEMENTS) -> None:
        super().__init__(lambda: delete_rows_text(range(row, row + count)))
        self._document = document
        self._row = row
        self._count = count
        self._axis = axis
        self._removed: list[FloatArray] | None = None

    def redo(self) -> None:
        """Remove the rows."""
        self._removed = self._document.remove(self._axis, self._row, self._count)

    def undo(self) -> None:
        """Put the rows back with their values."""
        assert self._removed is not None
        self._document.insert(self._axis, self._row, self._removed)


class InsertColumnCommand(TextCommand):
    """Add a prediction column."""

    def __init__(
        self, document: DocumentModel, column: int, name: str, values: FloatArray | None
    ) -> None:
        super().__init__(lambda: _text(QT_TRANSLATE_NOOP("Commands", "Add prediction %1"), name))
        self._document = document
        self._column = column
        self._name = name
        self._values = values

    def redo(self) -> None:
        """Insert the column."""
        self._document.insert_column(self._column, self._name, self._values)

    def undo(self) -> None:
        """Remove it again."""
        self._document.remove_column(self._column)


class RemoveColumnCommand(TextCommand):
    """Remove a prediction column, keeping its name and values."""

    def __init__(self, document: DocumentModel, column: int) -> None:
        name = document.names[column]
        super().__init__(lambda: _text(QT_TRANSLATE_NOOP("Commands", "Remove prediction %1"),
                                       name))
        self._document = document
        self._column = column
        self._removed: tuple[str, FloatArray] | None = None
        self._colour = 0

    def redo(self) -> None:
        """Remove the column."""
        self._colour = self._document.colour_slots[self._column - 1]
        self._removed = self._document.remove_column(self._column)

    def undo(self) -> None:
        """Put the column back where it was, in the colour it had."""
        assert self._removed is not None
        name, values = self._removed
        self._document.insert_column(self._column, name, values, self._colour)


class RenameCommand(TextCommand):
    """Rename a prediction."""

    def __init__(self, document: DocumentModel, column: int, name: str) -> None:
        old = document.names[column]
        super().__init__(lambda: _text(QT_TRANSLATE_NOOP("Commands", "Rename %1 to %2"), old,
                                       name))
        self._document = document
        self._column = column
        self._old = old
        self._new = name

    def redo(self) -> None:
        """Apply the new name."""
        self._document.rename(self._column, self._new)

    def undo(self) -> None:
        """Restore the old name."""
        self._document.rename(self._column, self._old)


class SetLossCommand(TextCommand):
    """Select another loss."""

    def __init__(self, document: DocumentModel, loss_id: str) -> None:
        super().__init__(lambda: _text(QT_TRANSLATE_NOOP("Commands", "Change loss to %1"),
                                       loss_id))
        self._document = document
        self._old = document.loss_id
        self._new = loss_id

    def redo(self) -> None:
        """Select the new loss."""
        self._document.select_loss(self._new)

    def undo(self) -> None:
        """Select the old loss."""
        self._document.select_loss(self._old)


class SetParamCommand(TextCommand):
    """Change one parameter of a loss."""

    def __init__(self, document: DocumentModel, loss_id: str, name: str, value: ParamValue) -> None:
        shown = setting(value, rounded=True)
        super().__init__(lambda: _text(
            QT_TRANSLATE_NOOP("Commands", "Set %1 to %2"), param_label(name),
            choice_label(value) if isinstance(value, str) else shown))
        self._document = document
        self._loss_id = loss_id
        self._name = name
        self._old = document.params_of(loss_id)[name]
        self._new = value

    def redo(self) -> None:
        """Apply the new value."""
        self._document.put_param(self._loss_id, self._name, self._new)

    def undo(self) -> None:
        """Restore the old value."""
        self._document.put_param(self._loss_id, self._name, self._old)


def read_block(document: DocumentModel, row: int, column: int, rows: int, columns: int,
               sample: int = 0) -> FloatArray:
    """A copy of rows×columns cells of one sample: rows are elements, across columns."""
    return np.column_stack([document.cells(c, sample, row, 1, rows)[0]
                            for c in range(column, column + columns)])


def write_block(document: DocumentModel, row: int, column: int, values: FloatArray) -> None:
    """Write a rows×columns block of the one sample, one document column at a time."""
    for j in range(values.shape[1]):
        document.put(column + j, 0, row, values[None, :, j])
