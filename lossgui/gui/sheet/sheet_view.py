"""A table view that behaves like a spreadsheet, and the wiring that keeps two of them aligned.

Type to replace, F2 or double-click to edit, Enter moves down, Tab moves right (and on into
the neighbouring table), copy gives tab-separated text with CRLF line ends as spreadsheet
programs do, and paste goes through the core's parser as one undoable edit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QItemSelectionRange,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from lossgui.core import CellError
from lossgui.core.arrays import FloatArray
from lossgui.core.blockparse import parse_block_array, without_blank_overhang
from lossgui.core.numbers import cell_fitted, cell_text
from lossgui.core.parsing import lists_as_columns, parse_number
from lossgui.core.paste_header import (
    HeaderNames,
    header_names,
    refusal_under_header,
    split_header,
)
from lossgui.core.problems import NotANumber, quoted
from lossgui.gui.document import paste_text
from lossgui.gui.files import background
from lossgui.gui.language import current_language
from lossgui.gui.selection import element_of
from lossgui.gui.sheet.table_model import ModelIndex, SheetModel, uses_decimal_comma

Range = tuple[int, int, int, int]  # top, left, bottom, right (model columns)
_EndEditHint = QAbstractItemDelegate.EndEditHint


class CellDelegate(QStyledItemDelegate):
    """The sheets' cell editor: says when one opens, and never overwrites what was typed.

    Qt refreshes an open editor whenever its cell's data changes; a Run writes every cell each
    frame, so a value being typed was replaced by the run's and Enter committed that, losing
    the edit without a word (tester5). The window stops a Run when an editor opens; an editor
    the user has typed into keeps its text through any other refresh (a Step's shortcut).
    """

    editor_opened = Signal()

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: ModelIndex) -> QWidget:
        """The usual line edit, announced (the window stops a Run: see the class)."""
        editor = super().createEditor(parent, option, index)
        self.editor_opened.emit()
        return editor

    def initStyleOption(self, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        """A number wider than its column is drawn with the digits that fit, never cut to
        "0.002…" (a batch's columns keep one width so that its loss column stays near)."""
        super().initStyleOption(option, index)
        text = option.text
        metrics = option.fontMetrics
        margin = (option.widget.style() if option.widget is not None else
                  QApplication.style()).pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        room = option.rect.width() - 2 * margin
        if not text or room <= 0 or metrics.horizontalAdvance(text) <= room:
            return
        comma = uses_decimal_comma()
        try:
            value = parse_number(str(index.data(Qt.ItemDataRole.EditRole)), comma)
        except NotANumber:
            return  # not a number (a header-like text): Qt elides it as usual
        if math.isfinite(value):
            option.text = cell_fitted(
                value, lambda shown: metrics.horizontalAdvance(shown) <= room, comma)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        """The cell's text, unless the user has typed into the editor already."""
        if isinstance(editor, QLineEdit) and editor.isModified():
            return
        super().setEditorData(editor, index)


class SheetView(QTableView):
    """An editable view of a SheetModel with spreadsheet keys, copy and paste."""

    message = Signal(str)  # something the user should read (a refused paste), for the window
    status = Signal(str)  # what a paste did beyond the obvious, for the status bar
    rename_requested = Signal(int)  # document column whose header was double-clicked
    editor_opened = Signal()  # a cell's editor opened: typing begins (a Run must not go on)
    # Typing went on past the last row (see _type_on): the window appends a row, or cannot.
    row_wanted = Signal()

    def __init__(self, model: SheetModel, accessible_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self._refused = False
        # After an edit committed on the last row with Enter ("down") or in its last cell with
        # Tab ("row start"): where the next typed character goes, in a row added for it.
        self._past_end: str | None = None
        self.grows = False  # whether the window answers row_wanted (the vector tables do)
        self.left_neighbour: SheetView | None = None
        self.right_neighbour: SheetView | None = None
        self.setAccessibleName(accessible_name)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(True)
        delegate = CellDelegate(self)
        delegate.editor_opened.connect(self.editor_opened)
        self.setItemDelegate(delegate)
        self.setWordWrap(False)
        self.horizontalHeader().setDefaultSectionSize(82)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # A name wider than its column keeps its start and end (…_v2, …_v3): it showed only the
        # middle, centred (tester9). The header's tooltip has it whole.
        self.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.horizontalHeader().sectionDoubleClicked.connect(self._on_header_double_clicked)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        compact_rows(self)
        self._header_selection = QItemSelectionModel(model, self)
        self.horizontalHeader().setSelectionModel(self._header_selection)
        model.refused.connect(self._on_refused)

    def setSelectionModel(self, selection_model: QItemSelectionModel) -> None:
        """Keep the column header on its own, empty selection (see ``__init__``).

        Painting a header section asks whether its whole column is selected, which Qt answers
        by asking the model's ``flags`` for every selected row of it: with a pasted block of
        100,000 rows that is seconds per repaint. The cells and row numbers still show the
        selection; only the column header no longer highlights.
        """
        super().setSelectionModel(selection_model)
        header_selection = getattr(self, "_header_selection", None)
        if header_selection is not None:
            self.horizontalHeader().setSelectionModel(header_selection)

    def go_to(self, row: int, column: int) -> None:
        """Make (row, column) the current, only selected cell.

        Explicit flags: without them the view reads the modifier keys held right now, and the
        Ctrl+Shift of the shortcut that got us here would extend the selection instead.
        """
        self.selectionModel().setCurrentIndex(
            self.model().index(row, column), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Coming into the table with nothing selected selects the current cell.

        So the table the keyboard is in always shows what Delete and Copy act on (and its
        neighbour, see ``align_rows``, stops showing a selection of its own).
        """
        super().focusInEvent(event)
        current = self.currentIndex()
        if current.isValid() and not self.selectionModel().hasSelection():
            self.selectionModel().select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    @property
    def sheet_model(self) -> SheetModel:
        """The model shown."""
        return self._model

    # --- keys ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves down; Tab and Shift+Tab at the edge move into the neighbouring table."""
        past_end, self._past_end = self._past_end, None
        if past_end is not None and _starts_typing(event) and self._type_on(past_end, event):
            return
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self._editing():
            self._move_by(1 if not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                          else -1)
            return
        if key == Qt.Key.Key_Tab and self._at_edge(right=True):
            if self.right_neighbour:
                self._jump(self.right_neighbour, 0)
            else:  # the last table: Tab goes on to the next widget, never round the rows
                QWidget.focusNextPrevChild(self, True)
            return
        if key == Qt.Key.Key_Backtab and self._at_edge(right=False):
            if self.left_neighbour:
                self._jump(self.left_neighbour, self.left_neighbour.model().columnCount() - 1)
            else:
                QWidget.focusNextPrevChild(self, False)
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: _EndEditHint) -> None:
        """After an edit, Enter moves down and Tab moves right, as in a spreadsheet."""
        refused, self._refused = self._refused, False
        if refused:  # stay on the cell so the user can type it again
            super().closeEditor(editor, _EndEditHint.NoHint)
            return
        if hint == _EndEditHint.SubmitModelCache:
            super().closeEditor(editor, _EndEditHint.NoHint)
            if self.currentIndex().row() == self.model().rowCount() - 1:
                if self.grows:
                    self._stop_at_end("down")
            else:
                self._move_by(1)
            return
        if hint == _EndEditHint.EditNextItem and self._at_edge(right=True):
            super().closeEditor(editor, _EndEditHint.NoHint)
            if self.right_neighbour:
                self._jump(self.right_neighbour, 0)
            else:
                self._next_row_start()
            return
        if hint in (_EndEditHint.EditNextItem, _EndEditHint.EditPreviousItem):
            # Move like Tab without opening the next cell's editor, as spreadsheets do.
            super().closeEditor(editor, _EndEditHint.NoHint)
            step = 1 if hint == _EndEditHint.EditNextItem else -1
            current = self.currentIndex()
            column = current.column() + step
            if 0 <= column < self.model().columnCount():
                self.go_to(current.row(), column)
            elif step < 0 and self.left_neighbour:
                self._jump(self.left_neighbour, self.left_neighbour.model().columnCount() - 1)
            return
        super().closeEditor(editor, hint)

    def _editing(self) -> bool:
        return self.state() == QAbstractItemView.State.EditingState

    def _at_edge(self, right: bool) -> bool:
        column = self.currentIndex().column()
        return column == (self.model().columnCount() - 1 if right else 0)

    def _move_by(self, rows: int) -> None:
        current = self.currentIndex()
        row = current.row() + rows
        if current.isValid() and 0 <= row < self.model().rowCount():
            self.go_to(row, current.column())

    def _next_row_start(self) -> None:
        """After an edit in the last column, on to the first column of the next row.

        As a spreadsheet does when values are typed row by row with Tab: staying put let the
        next value typed overwrite the one just entered (tester5). Past the last row it stays,
        and typing on adds a row (:meth:`_stop_at_end`). A plain Tab (no edit) still leaves the
        tables, so the keyboard can get out of them.
        """
        first = self._first_table()
        row = self.currentIndex().row() + 1
        if row >= first.model().rowCount():
            if self.grows:
                self._stop_at_end("row start")
            else:
                QWidget.focusNextPrevChild(self, True)
            return
        if first is not self:
            first.setFocus(Qt.FocusReason.TabFocusReason)
        first.go_to(row, 0)

    def _first_table(self) -> SheetView:
        """The leftmost of the tables side by side (t, whose row a Tab on the last cell starts)."""
        first = self
        while first.left_neighbour is not None:
            first = first.left_neighbour
        return first

    def _stop_at_end(self, then: str) -> None:
        """An edit was committed on the last row: stay, and say how to go on.

        Staying put let the next number typed replace the one just entered, and a Tab out of
        the tables sent the next ones to another widget (tester9). Enter alone adds no row (a
        blank row would be "missing" everywhere); the next character typed does.
        """
        self._past_end = then
        self.status.emit(self.tr(
            "Row %1 is the last row: type on to add a row, or press Ctrl+Return.").replace(
                "%1", str(self.model().rowCount())))

    def _type_on(self, then: str, event: QKeyEvent) -> bool:
        """Add a row (through the window) and begin its cell with ``event``'s character: the
        cell below ("down"), or the new row's first cell ("row start"). False if no row came."""
        rows = self.model().rowCount()
        self.row_wanted.emit()
        if self.model().rowCount() <= rows:
            return False
        if then == "down":
            self.go_to(rows, max(self.currentIndex().column(), 0))
            super().keyPressEvent(event)
            return True
        first = self._first_table()
        first.setFocus(Qt.FocusReason.TabFocusReason)
        first.go_to(rows, 0)
        QApplication.sendEvent(first, QKeyEvent(event.type(), event.key(), event.modifiers(),
                                                event.text()))
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click elsewhere ends typing on past the last row (see _stop_at_end)."""
        self._past_end = None
        super().mousePressEvent(event)

    def _jump(self, other: SheetView, column: int) -> None:
        row = max(self.currentIndex().row(), 0)
        other.setFocus(Qt.FocusReason.TabFocusReason)
        other.go_to(row, column)

    def _on_refused(self, _message: str) -> None:
        self._refused = True

    def _on_header_double_clicked(self, section: int) -> None:
        self.rename_requested.emit(self._model.document_column(section))

    # --- selection ------------------------------------------------------------------------------

    def selected_ranges(self) -> list[Range]:
        """The selected rectangles, or the current cell when nothing is selected."""
        ranges = [
            (r.top(), r.left(), r.bottom(), r.right())
            for r in _ranges(self.selectionModel().selection())
        ]
        current = self.currentIndex()
        if not ranges and current.isValid():
            ranges = [(current.row(), current.column(), current.row(), current.column())]
        return ranges

    def selected_rows(self) -> list[int]:
        """Rows touched by the selection (or the current row), in order."""
        rows = {row for top, _, bottom, _ in self.selected_ranges()
                for row in range(top, bottom + 1)}
        return sorted(rows)

    def top_left(self) -> tuple[int, int]:
        """Where a paste goes: the selection's top-left cell, else the current cell."""
        ranges = self.selected_ranges()
        if not ranges:
            return 0, 0
        return min(r[0] for r in ranges), min(r[1] for r in ranges)

    # --- clipboard ----------------------------------------------------------------------------

    def selection_text(self) -> str:
        """The selection as spreadsheet text: tabs between cells, CRLF after every row."""
        ranges = self.selected_ranges()
        if not ranges:
            return ""
        top = min(r[0] for r in ranges)
        left = min(r[1] for r in ranges)
        bottom = max(r[2] for r in ranges)
        right = max(r[3] for r in ranges)
        chosen = {(row, column) for t, lf, b, rt in ranges
                  for row in range(t, b + 1) for column in range(lf, rt + 1)}
        comma = uses_decimal_comma()
        document = self._model.document
        lines = []
        for row in range(top, bottom + 1):
            cells = []
            for column in range(left, right + 1):
                if (row, column) in chosen:
                    value = document.value(row, self._model.document_column(column))
                    cells.append(cell_text(value, comma))
                else:
                    cells.append("")
            lines.append("\t".join(cells))
        return "\r\n".join(lines) + "\r\n"

    def copy(self) -> None:
        """Put the selection on the clipboard."""
        QApplication.clipboard().setText(self.selection_text())

    def cut(self) -> None:
        """Copy, then clear the selection (one undo step)."""
        self.copy()
        self.clear_selection()

    def paste(self) -> None:
        """Paste the clipboard at the selection's top-left cell."""
        self.paste_text(QApplication.clipboard().text())

    def paste_text(self, text: str) -> bool:
        """Paste a block of text; on a cell that is not a number nothing changes and we say why."""
        row, column = self.top_left()
        document = self._model.document
        first = self._model.document_column(column)
        try:
            # A large paste is read in a worker, so the window keeps painting (with a progress
            # dialog after a moment) while a million rows are parsed.
            block = background.run(self, background.pasting_label(), parse_block_array, text,
                                   uses_decimal_comma(),
                                   background=len(text) >= background.BACKGROUND_PASTE)
        except background.Cancelled:
            return False
        except CellError as error:
            try:
                if error.row == 0 and self._paste_with_header(text, row, column):
                    return True
            except background.Cancelled:
                return False
            if error.row == 0:  # a header row is allowed: name the cell under it that is not
                error = refusal_under_header(text, uses_decimal_comma()) or error
            where = _cell_name(document.names, first, row, error)
            self.message.emit(self.tr("Nothing was pasted: %1%2.").replace("%1", where)
                              .replace("%2", error.reason_in(current_language())))
            return False
        if not block.size:
            self.message.emit(self.tr("Nothing was pasted: the clipboard has no numbers."))
            return False
        as_columns = lists_as_columns(text, block.shape)
        if as_columns:  # [[t…], [y1…]]: one vector per list
            block = np.ascontiguousarray(block.T)
        block = self._within_reach(block, row, first)
        if block.shape == (1, 1) and self._fill_selection(float(block[0, 0])):
            return True
        document.edit_cells(row, first, block)
        height, width = block.shape
        self._select_block(row, column, height, width)
        if as_columns:
            self.status.emit(self.tr("Read the %1 lists as columns, one vector each (a table row "
                                     "is an element k).").replace("%1", str(width)))
        return True

    def _within_reach(self, block: FloatArray, row: int, first: int) -> FloatArray:
        """``block`` less a blank overhang (a trailing tab adds no empty prediction)."""
        document = self._model.document
        return without_blank_overhang(block, document.row_count - row,
                                      document.column_count - first)

    def _paste_with_header(self, text: str, row: int, column: int) -> bool:
        """A block copied with its header row: the numbers below it, the header naming them.

        The rule is the core's (:mod:`lossgui.core.paste_header`), the same at every width:
        each prediction the header lands on takes its name, the target keeps its own. One
        undo step for the numbers and the names, and the status bar says what was done.
        """
        headered = background.run(self, background.pasting_label(), split_header, text,
                                  uses_decimal_comma(),
                                  background=len(text) >= background.BACKGROUND_PASTE)
        if headered is None:
            return False
        document = self._model.document
        first = self._model.document_column(column)
        block = self._within_reach(headered.values, row, first)
        height, width = block.shape
        with document.undo_step(lambda: paste_text(height, width)):
            document.edit_cells(row, first, block)
            naming = header_names(headered.header[:width], first, document.names)
            for renamed, _, name in naming.renames:
                document.rename_prediction(renamed, name)
        self._select_block(row, column, height, width)
        self.status.emit(self._header_note(headered.header, naming))
        return True

    def _header_note(self, header: tuple[str, ...], naming: HeaderNames) -> str:
        """What a pasted header did, in a sentence or a few."""
        shown = ", ".join(quoted(h) for h in header)
        if naming.renames:
            changes = ", ".join(f"{old} → {new}" for _, old, new in naming.renames)
            notes = [self.tr("The first row (%1) was read as column names: %2.")
                     .replace("%1", shown).replace("%2", changes)]
        else:
            notes = [header_left_out(header)]
        if naming.over_target:
            notes.append(self.tr("t keeps its name: it is the target."))
        language = current_language()
        names = self._model.document.names
        notes += [self.tr("%1 keeps its name: %2").replace("%1", names[kept])
                  .replace("%2", refused.text(language)) for kept, refused in naming.kept]
        return " ".join(notes)

    def _fill_selection(self, value: float) -> bool:
        """One pasted number into a larger selection fills it, as spreadsheets do."""
        ranges = self.selected_ranges()
        if sum((b - t + 1) * (r - lf + 1) for t, lf, b, r in ranges) <= 1:
            return False
        document = self._model.document
        with_values = []
        for top, left, bottom, right in ranges:
            first = self._model.document_column(left)
            with_values.append((top, first, bottom, self._model.document_column(right)))
        with document.undo_step(
                lambda: QCoreApplication.translate("SheetView", "Paste into selection")):
            for top, left, bottom, right in with_values:
                document.edit_cells(top, left, [[value] * (right - left + 1)] * (bottom - top + 1))
        return True

    def _select_block(self, row: int, column: int, height: int, width: int) -> None:
        self.select_ranges([(row, column, row + height - 1, column + width - 1)])

    def select_ranges(self, ranges: list[Range], current: bool = False) -> bool:
        """Select these rectangles (model columns; cut to the table), and nothing else.

        ``current``: also make the first one's top-left cell the current cell. False if no
        part of them is in this table (nothing changes then).
        """
        model = self.model()
        selection = QItemSelection()
        for top, left, bottom, right in ranges:
            bottom = min(bottom, model.rowCount() - 1)
            left, right = max(left, 0), min(right, model.columnCount() - 1)
            if top <= bottom and left <= right:
                selection.select(model.index(top, left), model.index(bottom, right))
        if selection.isEmpty():
            return False
        if current:
            first = selection.at(0)
            self.selectionModel().setCurrentIndex(
                model.index(first.top(), first.left()), QItemSelectionModel.SelectionFlag.NoUpdate)
        self.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return True

    def document_ranges_shown(self, ranges: list[Range]) -> list[Range]:
        """Rectangles of document columns as this table's model columns (may run outside it)."""
        first = self._model.document_column(0)
        return [(top, left - first, bottom, right - first) for top, left, bottom, right in ranges]

    def clear_selection(self) -> None:
        """Blank the selected cells: they become missing, not zero."""
        ranges = [
            (t, self._model.document_column(lf), b, self._model.document_column(r))
            for t, lf, b, r in self.selected_ranges()
        ]
        if ranges:
            self._model.document.clear_cells(ranges)


def _ranges(selection: QItemSelection) -> list[QItemSelectionRange]:
    """The rectangles of a selection as a list."""
    return [selection.at(i) for i in range(selection.count())]


def _cell_name(names: tuple[str, ...], first: int, row: int, error: CellError) -> str:
    """Name the cell a CellError points at as the notes do ("y2, element 3: ")."""
    if error.row is None:
        return ""
    column = first + (error.column or 0)
    name = names[column] if column < len(names) else \
        QCoreApplication.translate("SheetView", "new column %1") \
        .replace("%1", str(column - len(names) + 1))
    return element_of(name, row + error.row) + ": "


def compact_rows(view: QTableView) -> None:
    """Rows as tall as a cell editor and a grid line, as a spreadsheet's.

    Qt's default row is 30 px whatever the font (the style's header section size): at 800×600
    the article's 5 rows did not fit, and only 2½ (1½ in 日本語) showed.
    """
    editor = QLineEdit()
    editor.setFont(view.font())
    view.verticalHeader().setDefaultSectionSize(
        max(editor.sizeHint().height(), view.fontMetrics().height()) + 2)


def header_left_out(header: Sequence[str]) -> str:
    """What the status bar says of a pasted header row that names no column: left out (a
    vector's header over t alone, any header over a batch's classes)."""
    return QCoreApplication.translate(
        "SheetView", "The first row (%1) is a header: it was left out.").replace(
        "%1", ", ".join(quoted(h) for h in header))


def same_header_height(*views: QTableView) -> None:
    """Keep the column headers of side-by-side tables equally tall, so their rows stay level.

    A header is as tall as its text: a Japanese name (drawn in a CJK fallback font) made the y
    header 4 px taller than t's, and every y row sat 4 px below its t. Each header gets the
    tallest one's height, again whenever a header text or the shown tables change; a hidden
    table (the probabilities under most losses) does not count.
    """
    headers = [view.horizontalHeader() for view in views]

    def match() -> None:
        shown = [h for view, h in zip(views, headers, strict=True) if not view.isHidden()]
        height = max((h.sizeHint().height() for h in shown), default=0)
        for header in headers:
            header.setMinimumHeight(height)

    for view in views:
        model = view.model()
        for signal in (model.headerDataChanged, model.modelReset, model.columnsInserted,
                       model.columnsRemoved, model.layoutChanged):
            signal.connect(match)
    match()


def align_rows(left: SheetView, right: SheetView) -> None:
    """Keep two side-by-side tables on the same rows: one scroll position, one current row.

    Only one of them shows a selection (the one the keyboard is in), never a mirrored copy.
    """
    left.right_neighbour = right
    right.left_neighbour = left
    left.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    right.verticalHeader().hide()  # the left table's row numbers serve both
    left.verticalScrollBar().valueChanged.connect(right.verticalScrollBar().setValue)
    right.verticalScrollBar().valueChanged.connect(left.verticalScrollBar().setValue)

    def follow_horizontal_bar(_minimum: int, maximum: int) -> None:
        # Both viewports must be equally tall, or the last rows drift apart when scrolled down.
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOn if maximum > 0 \
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        left.setHorizontalScrollBarPolicy(policy)

    left.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    right.horizontalScrollBar().rangeChanged.connect(follow_horizontal_bar)
    mirroring = [False]

    def keep_one_selection(source: SheetView, target: SheetView) -> None:
        # One table is active at a time: a selection in one clears the other's, so what is
        # drawn selected is what Delete and Copy (which act on the focused table) act on.
        if source.selectionModel().hasSelection() and target.selectionModel().hasSelection():
            target.selectionModel().clearSelection()

    def mirror_current(source: SheetView, target: SheetView, current: QModelIndex) -> None:
        # The current row goes with the other table (Tab, Enter and the aids follow it),
        # without selecting anything there.
        if mirroring[0] or not current.isValid():
            return
        column = max(target.currentIndex().column(), 0)
        mirroring[0] = True
        try:
            target.selectionModel().setCurrentIndex(
                target.model().index(current.row(), column),
                QItemSelectionModel.SelectionFlag.NoUpdate,
            )
        finally:
            mirroring[0] = False

    left.selectionModel().selectionChanged.connect(lambda *_: keep_one_selection(left, right))
    right.selectionModel().selectionChanged.connect(lambda *_: keep_one_selection(right, left))
    left.selectionModel().currentChanged.connect(lambda c, _p: mirror_current(left, right, c))
    right.selectionModel().currentChanged.connect(lambda c, _p: mirror_current(right, left, c))


def _starts_typing(event: QKeyEvent) -> bool:
    """Whether a key press is a character typed into a cell (not a shortcut or a move)."""
    text = event.text()
    command = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier \
        | Qt.KeyboardModifier.MetaModifier
    return bool(text) and text.isprintable() and not event.modifiers() & command
