"""Table models over the document's numpy columns: one for the target, one for the predictions.

The models hold no data of their own: they show a slice of the document's columns and turn
the document's change signals into Qt's model signals. ``setData`` is the user's edit: it
parses the text, refuses what is not a number (emitting ``refused`` with a sentence for the
view to show), and otherwise asks the document for an undoable edit.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from lossgui.core.numbers import cell_shown, cell_text
from lossgui.core.parsing import is_blank, parse_number
from lossgui.core.problems import NotANumber, error_text
from lossgui.gui.document import TARGET, Document
from lossgui.gui.language import current_language
from lossgui.gui.selection import element_of

ModelIndex = QModelIndex | QPersistentModelIndex
_CELL_FLAGS = (  # computed once: Qt asks for every painted (and selected) cell
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
PROBLEM_BACKGROUND = QColor("#f9c4c4")
PROBLEM_FOREGROUND = QColor("#000000")
_ROLES_OF_PROBLEMS = [
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.ToolTipRole,
]


def uses_decimal_comma() -> bool:
    """Whether the system locale writes 1,5 for one and a half."""
    return QLocale().decimalPoint() == ","


class SheetModel(QAbstractTableModel):
    """Document columns ``first`` … (all the rest, or ``count`` of them) as an editable table."""

    refused = Signal(str)  # a sentence saying which cell and why, for the view to show

    def __init__(
        self, document: Document, first: int, count: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.first = first
        self._count = count
        document.values_changed.connect(self._on_values_changed)
        document.rows_about_to_be_inserted.connect(self._on_rows_about_to_be_inserted)
        document.rows_inserted.connect(self.endInsertRows)
        document.rows_about_to_be_removed.connect(self._on_rows_about_to_be_removed)
        document.rows_removed.connect(self.endRemoveRows)
        document.name_changed.connect(self._on_name_changed)
        document.about_to_reset.connect(self.beginResetModel)
        document.reset_done.connect(self.endResetModel)
        document.changed.connect(self._on_document_changed)
        if count is None:  # only the predictions' table grows and shrinks sideways
            document.columns_about_to_be_inserted.connect(self._on_columns_about_to_be_inserted)
            document.columns_inserted.connect(self.endInsertColumns)
            document.columns_about_to_be_removed.connect(self._on_columns_about_to_be_removed)
            document.columns_removed.connect(self.endRemoveColumns)

    def document_column(self, column: int) -> int:
        """The document column shown in this model's ``column``."""
        return self.first + column

    # --- Qt's read interface -------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of elements; a table has no children."""
        return 0 if parent.isValid() else self.document.row_count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of shown columns."""
        if parent.isValid():
            return 0
        if self._count is not None:
            return self._count
        return self.document.column_count - self.first

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The cell's text, its highlight and the core's explanation of its problems."""
        if not index.isValid():
            return None
        row, column = index.row(), self.document_column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:  # drawn short; edited, copied, hovered exact
            return cell_shown(self.document.value(row, column), uses_decimal_comma())
        if role == Qt.ItemDataRole.EditRole:
            return cell_text(self.document.value(row, column), uses_decimal_comma())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and self.document.is_flagged(row, column):
            return QBrush(PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and self.document.is_flagged(row, column):
            return QBrush(PROBLEM_FOREGROUND)  # readable on the highlight in a dark theme too
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = cell_text(self.document.value(row, column)) or self.tr("blank")
            name = self.document.names[column]
            flagged = self.tr(", problem") if self.document.is_flagged(row, column) else ""
            return self.tr("%1: %2").replace("%1", element_of(name, row)) \
                .replace("%2", text) + flagged
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column names across the top, 1-based element numbers down the side."""
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole:
            if horizontal:
                if 0 <= section < self.columnCount():
                    return self.document.names[self.document_column(section)]
                return None
            return str(section + 1)
        if role == Qt.ItemDataRole.ToolTipRole and horizontal:
            if self.document_column(section) == TARGET:
                return self.tr("t: the target (正解ラベル), one value per element k")
            return self.tr("A prediction y (the model's output). Double-click to rename.")
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Every cell is editable."""
        return _CELL_FLAGS if index.isValid() else _NO_FLAGS

    # --- the user's edit ------------------------------------------------------------------------

    def setData(
        self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        """Parse ``value`` and make it an undoable edit; False (and ``refused``) if not a number."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, column = index.row(), self.document_column(index.column())
        try:
            number = self._parse(value)
        except NotANumber as error:
            old = cell_text(self.document.value(row, column), uses_decimal_comma())
            kept = self.tr("the old value %1 is kept").replace("%1", old) if old else \
                self.tr("the cell stays blank")
            self.refused.emit(
                self.tr("%1: %2; %3.").replace("%1", element_of(self.document.names[column], row))
                .replace("%2", error_text(error, current_language())).replace("%3", kept)
            )
            return False
        self.document.edit_cells(row, column, [[number]])
        return True

    @staticmethod
    def _parse(value: Any) -> float:
        if isinstance(value, bool):
            raise NotANumber(f"{value!r} is not a number", f"{value!r} は数ではありません")
        if isinstance(value, int | float):
            return float(value)
        text = str(value)
        if is_blank(text):
            return math.nan
        return parse_number(text, uses_decimal_comma())

    def _tooltip(self, row: int, column: int) -> str | None:
        messages = self.document.cell_messages(row, column)
        if messages:
            return "\n".join(messages)
        value = self.document.value(row, column)
        if math.isnan(value):
            return self.tr("Blank: this element is missing, so the loss cannot be computed.")
        return self.tr("%1 = %2").replace("%1", element_of(self.document.names[column], row)) \
            .replace("%2", cell_text(value))

    # --- following the document -------------------------------------------------------------------

    def _shown(self, column: int) -> int | None:
        shown = column - self.first
        return shown if 0 <= shown < self.columnCount() else None

    def _on_values_changed(self, first: int, last: int, top: int, bottom: int) -> None:
        left = max(first, self.first) - self.first
        right = min(last, self.first + self.columnCount() - 1) - self.first
        if left <= right:
            self.dataChanged.emit(self.index(top, left), self.index(bottom, right))

    def _on_rows_about_to_be_inserted(self, row: int, count: int) -> None:
        self.beginInsertRows(QModelIndex(), row, row + count - 1)

    def _on_rows_about_to_be_removed(self, row: int, count: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)

    def _on_columns_about_to_be_inserted(self, column: int, count: int) -> None:
        shown = column - self.first
        self.beginInsertColumns(QModelIndex(), shown, shown + count - 1)

    def _on_columns_about_to_be_removed(self, column: int, count: int) -> None:
        shown = column - self.first
        self.beginRemoveColumns(QModelIndex(), shown, shown + count - 1)

    def _on_name_changed(self, column: int) -> None:
        shown = self._shown(column)
        if shown is not None:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, shown, shown)

    def _on_document_changed(self) -> None:
        # A change anywhere can move problems anywhere (a blank t affects every prediction).
        rows, columns = self.rowCount(), self.columnCount()
        if rows and columns:
            self.dataChanged.emit(
                self.index(0, 0), self.index(rows - 1, columns - 1), _ROLES_OF_PROBLEMS
            )


def target_model(document: Document, parent: QObject | None = None) -> SheetModel:
    """The one-column table of the target t."""
    return SheetModel(document, TARGET, 1, parent)


def prediction_model(document: Document, parent: QObject | None = None) -> SheetModel:
    """The table of predictions y1, y2, …, one column each."""
    return SheetModel(document, TARGET + 1, None, parent)
