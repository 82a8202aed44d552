"""The sheets of a batch: the target and each prediction as an N×K table (row = sample n).

The target shows as its N×K one-hot/probability table or, after *Data ▸ Target as Class
Indices*, as one column of class indices; the predictions are tabs of one N×K table each, with
each sample's own loss in a last, read-only column. The vector views (plot, formula, curve,
other tools) show the sample of the current row. A one-sample document never comes here.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QHBoxLayout, QStyle, QTabWidget, QWidget

from lossgui.core import CellError, LossguiError
from lossgui.core.blockparse import parse_block_array, without_blank_overhang
from lossgui.core.classes import NotOneHot, class_indices
from lossgui.core.document import TARGET, Change, ChangeKind
from lossgui.core.names import class_column, class_index_of, element_of
from lossgui.core.numbers import cell_shown, cell_text, shown
from lossgui.core.paste_header import refusal_under_header, split_header
from lossgui.core.problems import error_text
from lossgui.gui.document import Document
from lossgui.gui.language import current_language
from lossgui.gui.sheet.sheet_view import SheetView, header_left_out
from lossgui.gui.sheet.table_model import (
    PROBLEM_BACKGROUND,
    PROBLEM_FOREGROUND,
    ModelIndex,
    uses_decimal_comma,
)

_EDITABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
_READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_STRUCTURE = {ChangeKind.INSERTED, ChangeKind.REMOVED, ChangeKind.RESET,
              ChangeKind.COLUMN_INSERTED, ChangeKind.COLUMN_REMOVED}


class BatchTableModel(QAbstractTableModel):
    """One document column of a batch as N rows × K classes (or N class indices)."""

    refused = Signal(str)

    def __init__(self, document: Document, column: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.column = column
        self._resetting = False
        document.model_about_to_change.connect(self._on_about_to_change)
        document.model_changed.connect(self._on_changed)
        document.changed.connect(self._on_evaluated)

    # --- shape -------------------------------------------------------------------------------

    @property
    def indices(self) -> bool:
        """Whether this is the target shown as class indices (one column)."""
        return self.column == TARGET and self.document.model.class_indices

    @property
    def has_loss_column(self) -> bool:
        """Predictions end with a read-only column: each sample's own loss."""
        return self.column != TARGET

    @property
    def classes(self) -> int:
        """K."""
        return self.document.model.elements

    def document_column(self, column: int) -> int:
        """The document column (the same for every column of this table)."""
        return self.column

    def show_column(self, column: int | None) -> None:
        """Show another document column (a tab reused), or nothing (a tab about to go)."""
        self.beginResetModel()
        self.column = -1 if column is None else column
        self.endResetModel()

    @property
    def _gone(self) -> bool:
        # A vector is not shown here (its sheet is hidden): held as 1 sample × K classes, a
        # vector of 10⁶ elements gave each hidden table's header 10⁶ sections (~8 MB each).
        return not self.document.is_batch or not 0 <= self.column < self.document.column_count

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """N samples."""
        return 0 if parent.isValid() or self._gone else self.document.model.samples

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        """K classes (+ the loss column), or one column of indices."""
        if parent.isValid() or self._gone:
            return 0
        if self.indices:
            return 1
        return self.classes + (1 if self.has_loss_column else 0)

    # --- reading -------------------------------------------------------------------------------

    def _index_value(self, sample: int) -> float:
        indices = class_indices(self.document.model.cells(TARGET, sample, 0, 1, self.classes))
        return math.nan if isinstance(indices, NotOneHot) else float(indices[0])

    def value(self, sample: int, k: int) -> float:
        """The cell's number (a class index in the index column; NaN when blank)."""
        if self.indices:
            return self._index_value(sample)
        if k >= self.classes:
            evaluation = self._evaluation()
            return float(evaluation.per_sample[sample]) if evaluation is not None else math.nan
        return self.document.model.cell(self.column, sample, k)

    def _evaluation(self) -> Any:
        evaluations = self.document.evaluations
        index = self.column - 1
        if not 0 <= index < len(evaluations):
            return None
        evaluation = evaluations[index]
        if evaluation is None or evaluation.contributions.ndim != 2 \
                or len(evaluation.contributions) != self.rowCount():
            return None
        return evaluation

    def _flagged(self, sample: int, k: int) -> bool:
        if self.indices:  # a problem of any class of the sample's one-hot row
            return any(self.document.model.is_flagged(TARGET, sample, j)
                       for j in range(self.classes))
        if k >= self.classes:
            return False
        return self.document.model.is_flagged(self.column, sample, k)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, highlight and the core's explanation of a cell."""
        if not index.isValid() or index.row() >= self.rowCount() \
                or index.column() >= self.columnCount():
            return None
        sample, k = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = self.value(sample, k)
            if k >= self.classes and not self.indices and role == Qt.ItemDataRole.DisplayRole:
                # a computed loss, drawn as the totals are (six digits); every digit in its tooltip
                return "" if math.isnan(value) else shown(value, uses_decimal_comma())
            if role == Qt.ItemDataRole.DisplayRole:  # drawn short; edited and copied exact
                return cell_shown(value, uses_decimal_comma())
            return cell_text(value, uses_decimal_comma())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        flagged = self._flagged(sample, k)
        if role == Qt.ItemDataRole.BackgroundRole and flagged:
            return QBrush(PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and flagged:
            return QBrush(PROBLEM_FOREGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(sample, k)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("%1: %2").replace("%1", self.cell_name(sample, k)) \
                .replace("%2", cell_text(self.value(sample, k)) or self.tr("blank"))
        return None

    def _name(self) -> str:
        return "" if self._gone else self.document.names[self.column]

    def _tooltip(self, sample: int, k: int) -> str | None:
        if k >= self.classes and not self.indices:
            value = self.value(sample, k)
            exact = cell_text(value, uses_decimal_comma()) or self.tr("unknown")
            return self.tr("The loss of sample %1 alone: %2. The total is the batch's mean or "
                           "sum of these.").replace("%1", str(sample + 1)).replace("%2", exact)
        # A class index is one cell, where the document lists its sample's problems (k = 0).
        messages = self.document.model.cell_messages(self.column, sample,
                                                     0 if self.indices else k, current_language())
        if messages:
            return "\n".join(messages)
        return self.cell_name(sample, k)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Classes ``t[0]``, ``y1[1]``, … across the top (as a batch CSV names them), samples
        1…N down the side."""
        if self._gone:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Vertical:
                return str(section + 1)
            if self.indices:
                return class_column(self._name(), current_language())  # as notes name it
            if section >= self.classes:
                return self.tr("loss")
            return f"{self._name()}[{section}]"
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal:
            if self.indices:
                return self.tr("The correct class of each sample, counted from 0 (PyTorch's "
                               "class-index target)")
            if section >= self.classes:
                return self.tr("Each sample's own loss")
            return self.tr("Class %1, counted from 0 as PyTorch and the book do") \
                .replace("%1", str(section))
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Every cell is editable except the loss column."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self.indices and index.column() >= self.classes:
            return _READ_ONLY
        return _EDITABLE

    # --- the user's edit -----------------------------------------------------------------------

    def setData(self, index: ModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Parse the text and make it an undoable edit; False (and ``refused``) if unusable."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            block = parse_block_array(str(value), uses_decimal_comma()) if str(value).strip() \
                else np.full((1, 1), math.nan)
            self.write(index.row(), index.column(), block)
        except (CellError, LossguiError) as error:
            self.refused.emit(self.tr("%1: %2; the old value is kept.")
                              .replace("%1", self.cell_name(index.row(), index.column()))
                              .replace("%2", _reason(error)))
            return False
        return True

    def cell_name(self, sample: int, k: int) -> str:
        """Cell (sample, k) as the notes and the CLI name it (core.names): "z, sample 1,
        class 1", or a class index's one cell "t (class), sample 2"."""
        language = current_language()
        if self.indices:
            return class_index_of(self._name(), sample, language)
        return element_of(self._name(), (sample, k), language)

    def write(self, sample: int, k: int, block: np.ndarray) -> None:
        """Write a pasted or typed block at (sample, k): one undo step; LossguiError if not."""
        if self.indices:
            if block.shape[1] != 1:
                raise LossguiError(
                    f"the class-index column takes one number per sample, not {block.shape[1]}",
                    f"クラス番号の列はサンプルごとに数が1つです({block.shape[1]} 個ではなく)")
            self.document.edit_class_indices(sample, block[:, 0].tolist())
            return
        if k >= self.classes:
            raise LossguiError("the loss column is computed, not typed",
                               "損失の列は計算された値で、入力はできません")
        self.document.edit_batch(self.column, sample, k, block)

    # --- following the document ------------------------------------------------------------------

    def _on_about_to_change(self, change: Change) -> None:
        if change.kind in _STRUCTURE and not self._resetting:
            self._resetting = True
            self.beginResetModel()

    def _on_changed(self, change: Change) -> None:
        if self._resetting:
            self._resetting = False
            self.endResetModel()
        elif change.kind is ChangeKind.VALUES and self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(change.samples.start, 0),
                                  self.index(min(change.samples.stop, self.rowCount()) - 1,
                                             self.columnCount() - 1))
        elif change.kind is ChangeKind.RENAMED:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def _on_evaluated(self) -> None:
        rows, columns = self.rowCount(), self.columnCount()
        if rows and columns and not self._resetting:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, columns - 1))


def _reason(error: Exception) -> str:
    if isinstance(error, CellError):
        return error.reason_in(current_language())
    return error_text(error, current_language())


QWIDGETSIZE_MAX = (1 << 24) - 1  # the widest Qt lets a widget be (Qt's own constant)
_FITTED_COLUMNS = 64  # columns fitted to their header (see BatchView.fit_columns)
_COLUMN_WIDTH = 58  # a prediction's number, e.g. -0.3127
_ONE_HOT_SAMPLE = "0.25"  # what a one-hot or probability target's narrower columns must show
# What a prediction's loss column must show whole: six significant digits below 1, as the totals
# (numbers.shown); a longer one (1.23457e-08) is elided, its tooltip has every digit.
_LOSS_SAMPLE = "0.0123457"
_WHOLE_CLASSES = 4  # a one-hot target of up to this many classes is shown whole


class BatchView(SheetView):
    """A batch table with the spreadsheet keys, copy and paste of :class:`SheetView`."""

    def __init__(self, model: BatchTableModel, accessible_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(model, accessible_name, parent)  # type: ignore[arg-type]
        self.batch_model = model
        self.horizontalHeader().setDefaultSectionSize(_COLUMN_WIDTH)
        model.modelReset.connect(self.fit_columns)
        model.headerDataChanged.connect(self.fit_columns)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Widen each column to its header and keep the first one whole beside the row numbers.

        The row-number gutter grows with N (300000 takes six digits); a view left narrower
        than gutter + one column showed the class indices as blank cells under "t (cl".
        """
        header = self.horizontalHeader()
        count = self.batch_model.columnCount()
        # The target's 0s and 1s need less room than a prediction's numbers: narrower, a one-hot
        # t of a few classes fits beside the predictions whole (it showed "t[0]  t[").
        one_hot = self.batch_model.column == TARGET and not self.batch_model.indices
        header.setDefaultSectionSize(self._one_hot_width() if one_hot else _COLUMN_WIDTH)
        # Only the first columns and the loss column can have a header wider than the default
        # (class numbers fit it up to 10⁶ classes): measuring all K sections costs seconds per
        # change when a long vector (K = 10⁶) is held as one sample.
        fitted = range(min(count, _FITTED_COLUMNS))
        for section in [*fitted, *([count - 1] if count > len(fitted) else [])]:
            header.resizeSection(section, max(header.defaultSectionSize(),
                                              header.sectionSizeHint(section)))
        if self.batch_model.has_loss_column and count:  # the last column is the loss
            header.resizeSection(count - 1, max(header.sectionSize(count - 1),
                                                self._text_width(_LOSS_SAMPLE)))
        first = header.sectionSize(0) if count else 0
        around = 2 * self.frameWidth() + self.verticalHeader().sizeHint().width() \
            + self.verticalScrollBar().sizeHint().width()
        # A few classes are shown whole, the loss column with them: with 4 classes it sat out
        # of sight behind a scroll bar, the loss column of all things (tester7).
        whole = count <= _WHOLE_CLASSES if one_hot else \
            self.batch_model.column != TARGET and count <= _WHOLE_CLASSES + 1
        self.setMinimumWidth(around + (header.length() if whole else first))
        if self.batch_model.column == TARGET:  # no wider than its columns: the rest is y's
            # Qt's largest width, for a long vector held as one sample (10⁶ columns of 58 px:
            # Qt printed "QWidget::setMaximumSize: … The largest allowed size is …")
            self.setMaximumWidth(min(around + header.length(), QWIDGETSIZE_MAX))

    def _one_hot_width(self) -> int:
        """A one-hot target's column: room for a probability such as 0.25, with the margins."""
        return self._text_width(_ONE_HOT_SAMPLE)

    def _text_width(self, text: str) -> int:
        """A column that shows ``text`` whole, with the cell's margins."""
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self)
        return self.fontMetrics().horizontalAdvance(text) + 2 * (margin + 1) + 2

    def _on_header_double_clicked(self, section: int) -> None:
        if self.batch_model.column != TARGET:
            self.rename_requested.emit(self.batch_model.column)

    def selection_text(self) -> str:
        """The selection as spreadsheet text (tabs, CRLF), the cells' own numbers."""
        ranges = self.selected_ranges()
        if not ranges:
            return ""
        top, left = min(r[0] for r in ranges), min(r[1] for r in ranges)
        bottom, right = max(r[2] for r in ranges), max(r[3] for r in ranges)
        comma = uses_decimal_comma()
        lines = ["\t".join(cell_text(self.batch_model.value(n, k), comma)
                           for k in range(left, right + 1)) for n in range(top, bottom + 1)]
        return "\r\n".join(lines) + "\r\n"

    def paste_text(self, text: str) -> bool:
        """Paste a block (TSV, nested list, np.array, a PyTorch print) as one undo step.

        A first row that is a header (a spreadsheet range copied with its titles) is left out,
        as over a vector's t (core.paste_header's rule): a batch's columns are classes, which it
        cannot name. A block reaching past the last class adds classes, and says so.
        """
        row, column = self.top_left()
        model = self.batch_model
        comma = uses_decimal_comma()
        header_note = ""
        try:
            block = parse_block_array(text, comma)
        except CellError as error:  # name the cell it would have gone to, as a typed one is
            headered = split_header(text, comma) if error.row == 0 else None
            if headered is None:
                if error.row == 0:  # a header row is allowed: name the cell under it
                    error = refusal_under_header(text, comma) or error
                where = "" if error.row is None else \
                    model.cell_name(row + error.row, column + (error.column or 0)) + ": "
                self.message.emit(self.tr("Nothing was pasted: %1%2.").replace("%1", where)
                                  .replace("%2", _reason(error)))
                return False
            block, header_note = headered.values, header_left_out(headered.header)
        classes = model.classes
        try:
            if not block.size:
                raise LossguiError("the clipboard has no numbers", "クリップボードに数がありません")
            # A trailing tab or empty line adds no class column or sample of blanks.
            block = without_blank_overhang(block, model.rowCount() - row,
                                           (1 if model.indices else model.classes) - column)
            model.write(row, column, block)
        except (CellError, LossguiError) as error:
            self.message.emit(self.tr("Nothing was pasted: %1.").replace("%1", _reason(error)))
            return False
        if model.classes > classes:  # the model's output shape changed: never unsaid
            self.message.emit(" ".join(filter(None, (self.tr(
                "The paste has %1 columns from class %2 on, but the batch had K = %3 classes: "
                "it now has K = %4, the new classes blank wherever the paste did not reach. "
                "Ctrl+Z takes the paste back.").replace("%1", str(block.shape[1]))
                .replace("%2", str(column)).replace("%3", str(classes))
                .replace("%4", str(model.classes)), header_note))))
        elif header_note:
            self.status.emit(header_note)
        return True

    def clear_selection(self) -> None:
        """Blank the selected cells: they become missing, not zero."""
        model = self.batch_model
        with model.document.undo_step(
                lambda: QCoreApplication.translate("BatchView", "Clear cells")):
            for top, left, bottom, right in self.selected_ranges():
                if model.indices:
                    model.document.clear_batch(TARGET, top, 0, bottom, model.classes - 1)
                elif left < model.classes:
                    model.document.clear_batch(model.column, top, left, bottom,
                                               min(right, model.classes - 1))


class BatchSheet(QWidget):
    """The target's table beside a tab per prediction; the current row is the shown sample."""

    message = Signal(str)
    status = Signal(str)  # as SheetView's, from any of the tables
    rename_requested = Signal(int)
    editor_opened = Signal()  # as SheetView's: a cell of any of the tables is being typed into

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.target_view = self._view(TARGET)
        # The target in a tab of its own too: below the same tab bar as the predictions' tables,
        # its rows stand level with theirs (without it, t's row 2 stood beside z's row 1).
        self.target_tab = QTabWidget()
        self.target_tab.setDocumentMode(True)
        self.target_tab.addTab(self.target_view, "")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Predictions"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.target_tab, 1)
        layout.addWidget(self.tabs, 3)
        self._views: list[BatchView] = []
        # After the change is complete (every table model has ended its reset), never inside it.
        document.changed.connect(self._rebuild)
        document.sample_changed.connect(self._follow_sample)
        self._rebuild()

    prediction_selected = Signal(int)  # 0-based prediction of the current tab
    cell_selected = Signal(int, int)  # sample n, class k of a current cell

    def _view(self, column: int) -> BatchView:
        name = self.tr("Target t, one row per sample") if column == TARGET else \
            self.tr("Prediction %1, one row per sample").replace("%1",
                                                                 self.document.names[column])
        view = BatchView(BatchTableModel(self.document, column, self), name)
        view.message.connect(self.message)
        view.batch_model.refused.connect(self.message)
        view.rename_requested.connect(self.rename_requested)
        view.editor_opened.connect(self.editor_opened)
        view.status.connect(self.status)
        # Typing on past the last sample adds one, as past a vector's last row (tester9).
        view.row_wanted.connect(lambda: self.document.insert_samples(self.document.model.samples,
                                                                     1))
        view.grows = True
        view.selectionModel().currentChanged.connect(self._on_current)
        return view

    def views(self) -> list[BatchView]:
        """The target's view, then each prediction's."""
        return [self.target_view, *self._views]

    def _rebuild(self) -> None:
        """One tab per prediction: tabs are reused, their models pointed at the columns."""
        self.target_tab.setTabText(0, self.document.names[TARGET])
        names = self.document.prediction_names
        if [self.tabs.tabText(i) for i in range(self.tabs.count())] == list(names):
            return
        for i, view in enumerate(self._views):
            # Repoint (or empty) each model before any tab goes: a view never reads a
            # column that is not there.
            view.batch_model.show_column(i + 1 if i < len(names) else None)
        while len(self._views) > len(names):
            view = self._views.pop()
            self.tabs.removeTab(self.tabs.indexOf(view))
            view.deleteLater()
        while len(self._views) < len(names):
            view = self._view(len(self._views) + 1)
            self._views.append(view)
            self.tabs.addTab(view, "")
        for i, name in enumerate(names):
            self.tabs.setTabText(i, name)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.cell_selected.emit(current.row(), current.column())

    def _on_tab_changed(self, index: int) -> None:
        if index >= 0:
            self.prediction_selected.emit(index)

    def _follow_sample(self) -> None:
        """Another sample was chosen elsewhere (the samples plot): make it the current row."""
        sample = self.document.sample
        for view in self.views():
            current = view.currentIndex()
            if view.model().rowCount() > sample and current.row() != sample:
                view.go_to(sample, max(current.column(), 0))
