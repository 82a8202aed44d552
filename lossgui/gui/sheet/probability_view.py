"""Probabilities beside logits: a read-only table of softmax(z) or σ(z) for each prediction.

Shown only while the loss reads logits (``softmax_cee``, ``bce_logits``); the core turns the
logits into probabilities (:mod:`lossgui.core.squash`), this table only shows them, row for row
beside the predictions, and follows every edit and every learning step.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from lossgui.core.arrays import FloatArray
from lossgui.core.numbers import cell_text, shown
from lossgui.core.squash import LOGIT_LOSSES, Squash
from lossgui.gui.document import TARGET, Document
from lossgui.gui.sheet.sheet_view import SheetView
from lossgui.gui.sheet.table_model import uses_decimal_comma

READ_ONLY_BACKGROUND = QColor("#eeeeee")
COLUMN_WIDTH = 88  # a probability to 7 digits, and a header such as softmax(y1) on one line
ModelIndex = QModelIndex | QPersistentModelIndex


class ProbabilityModel(QAbstractTableModel):
    """softmax(z) (or σ(z)) of every prediction column, recomputed by the core on each change."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._squash: Squash | None = None
        self._columns: list[FloatArray] = []
        self._names: tuple[str, ...] = ()
        self._wrapped = False  # headers on two lines: "softmax" over "(予測A)"
        document.changed.connect(self.refresh)
        self.refresh()

    @property
    def squash(self) -> Squash | None:
        """How the selected loss turns logits into probabilities (None: it reads no logits)."""
        return self._squash

    def refresh(self) -> None:
        """Take the core's probabilities of the document's current logits."""
        document = self._document
        self.beginResetModel()
        self._squash = LOGIT_LOSSES.get(document.loss_id)
        self._names = document.prediction_names
        self._columns = []
        if self._squash is not None:
            with np.errstate(invalid="ignore"):  # a blank logit leaves its sample blank
                self._columns = [self._squash.apply(np.array(document.column(c)))
                                 for c in range(TARGET + 1, document.column_count)]
        self.endResetModel()

    def set_wrapped(self, wrapped: bool) -> None:
        """Put the name on a line of its own under softmax/σ (the view asks where one line
        would not fit a column), or back on one line."""
        if wrapped != self._wrapped:
            self._wrapped = wrapped
            if self._columns:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def column_values(self, column: int) -> FloatArray:
        """The probabilities shown in ``column`` (0-based among the predictions)."""
        return self._columns[column]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One row per element k, as the predictions table."""
        return 0 if parent.isValid() or not self._columns else len(self._columns[0])

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """One column per prediction."""
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The probability as a panel shows a computed value, six digits (its exact text in the
        tooltip); grey: it cannot be edited."""
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = float(self._columns[index.column()][index.row()])
            return shown(value, uses_decimal_comma())
        if role == Qt.ItemDataRole.ToolTipRole:
            value = float(self._columns[index.column()][index.row()])
            return cell_text(value, uses_decimal_comma())
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(READ_ONLY_BACKGROUND)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """softmax(y1) or σ(y1) over each column (on two lines when wrapped); the row numbers
        are the predictions'."""
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if self._squash is None or section >= len(self._names):
            return None
        symbol = self._squash.symbol
        return f"{symbol}{chr(10) if self._wrapped else ''}({self._names[section]})"

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Selectable (to copy), never editable: the logits are what a user edits."""
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ProbabilityView(QTableView):
    """The probabilities table, scrolled with the predictions and hidden for other losses."""

    def __init__(self, document: Document, beside: SheetView,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.probability_model = ProbabilityModel(document, self)
        self.setModel(self.probability_model)
        self.setObjectName("probability_view")
        self.setAccessibleName(self.tr("Probabilities of the logits (read-only)"))
        self.setToolTip(self.tr("The probabilities the loss computes from the logits y: read-only, "
                                "they follow every edit and every step"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Narrow columns: the predictions keep the room; the tooltip has each full value.
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultSectionSize(COLUMN_WIDTH)
        self.verticalHeader().setDefaultSectionSize(beside.verticalHeader().defaultSectionSize())
        beside.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        beside.horizontalScrollBar().rangeChanged.connect(self._follow_horizontal_bar)
        self.probability_model.modelReset.connect(self._show_if_logits)
        self._show_if_logits()

    def _follow_horizontal_bar(self, _minimum: int, maximum: int) -> None:
        # Equally tall viewports keep the last rows beside each other when scrolled down.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn if maximum > 0
                                          else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _show_if_logits(self) -> None:
        self.setVisible(self.probability_model.squash is not None)
        self._fit_headers()

    def _fit_headers(self) -> None:
        """Whole headers in narrow columns: "softmax(予測A)" is wider than a number's column,
        so the name goes under softmax; a column grows only for a header still too wide."""
        model, header = self.probability_model, self.horizontalHeader()
        columns = range(model.columnCount())
        model.set_wrapped(False)
        if any(header.sectionSizeFromContents(c).width() > COLUMN_WIDTH for c in columns):
            model.set_wrapped(True)
        for column in columns:
            header.resizeSection(column, max(COLUMN_WIDTH,
                                             header.sectionSizeFromContents(column).width()))
        # As wide as its columns; squeezed, it scrolls but keeps its first column whole.
        self.setMaximumWidth(header.length() + 2 * self.frameWidth())
        self.setMinimumWidth(header.sectionSize(0) + 2 * self.frameWidth() if columns else 0)
